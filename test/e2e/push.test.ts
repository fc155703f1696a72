import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, chromiumAvailable, openDemoApp, shot, type Host } from './harness';

// Issue 12: the projector follows the cockpit by a push from the host (Server-Sent Events in the
// browser host), not by polling. The projector's timers are frozen (Playwright's fake clock), so its
// fallback poll never fires: whatever it shows after the start came through the push.
describe.skipIf(!chromiumAvailable)('the push channel, end to end in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  let projector: Page;
  let meetingId = 0;

  beforeAll(async () => {
    ({ host, browser, page } = await openDemoApp('Jo Minute'));
    const cme = (await api<{ id: number; register: string }[]>(host, 'panels.list')).find((p) => p.register === 'CME')!.id;
    meetingId = (await api<{ id: number }[]>(host, 'meetings.generate', { panelId: cme, count: 1 }))[0]!.id;
    await api(host, 'meetings.buildAgenda', { id: meetingId });
    await api(host, 'meetings.start', { id: meetingId });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('refuses a listener without the access token', async () => {
    const res = await fetch(`${host.url}events`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/access token/);
  });

  it('announces a meeting’s new version to a listener once the write has committed', async () => {
    const abort = new AbortController();
    const res = await fetch(`${host.url}events`, { headers: { Authorization: `Bearer ${host.token}` }, signal: abort.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${text}`);
        text += value;
      }
    };
    await until(/event: ready/);
    const { version } = await api<{ version: number }>(host, 'projector.control', { id: meetingId, action: 'showNames' });
    await until(/event: meeting\ndata: .*\n\n/);
    const data = JSON.parse(/event: meeting\ndata: (.*)\n/.exec(text)![1]!) as unknown;
    expect(data).toEqual({ meetingId, version });
    abort.abort();
  });

  it('shows a change made in the cockpit on the projector, with the projector’s own polling frozen', async () => {
    await page.goto(`${host.url}#/cockpit/${meetingId}`);
    await expect.poll(() => page.getByRole('region', { name: 'Current item' }).count()).toBe(1);

    projector = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })).newPage();
    const views: number[] = [];
    let listening = false;
    projector.on('request', (r) => {
      if (r.url().endsWith('/api/projector.view')) views.push(Date.now());
    });
    // Headers in: the stream is open (its body never ends).
    projector.on('response', (r) => {
      if (r.url().endsWith('/events') && r.status() === 200) listening = true;
    });
    await projector.clock.install();
    await projector.goto(`${host.url}#/projector/${meetingId}&token=${host.token}`);
    await expect.poll(() => projector.locator('body').innerText()).toContain('CME panel');
    // From here no timer runs in the projector: no poll, no reconnect.
    await projector.clock.pauseAt(Date.now() + 60_000);
    await expect.poll(() => listening).toBe(true);
    const before = views.length;

    // B in the cockpit blanks the room's screen.
    await page.locator('.ck-strip').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('b');
    await expect.poll(() => projector.getByLabel('Screen blanked').count()).toBe(1);
    expect(views.length).toBeGreaterThan(before);
    await shot(projector, 'projector-blanked-by-push');

    // And back: the same channel, the other way.
    await page.keyboard.press('b');
    await expect.poll(() => projector.getByLabel('Screen blanked').count()).toBe(0);
    await expect.poll(() => projector.locator('body').innerText()).toContain('CME panel');
  });
});
