import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, apiSettled, chromiumAvailable, openApp, openDemoApp, shot, type Host } from './harness';

interface MeetingDetail { items: { id: number; kind: string; removed: boolean }[] }
interface ItemDetail { item: { discussion: string | null } }

// QA walk: two cockpit windows on one item. The second window never saw the first's minute, and
// its next keystrokes replaced it on the host without a word.
describe.skipIf(!chromiumAvailable)('two cockpit windows on one item', () => {
  let host: Host;
  let browser: Browser;
  let a: Page;
  let b: Page;
  let itemId = 0;

  beforeAll(async () => {
    ({ host, browser, page: a } = await openDemoApp('Jo Minute'));
    const cme = (await api<{ id: number; register: string }[]>(host, 'panels.list')).find((p) => p.register === 'CME')!.id;
    const [m] = await api<{ id: number }[]>(host, 'meetings.generate', { panelId: cme, count: 1 });
    await api(host, 'meetings.buildAgenda', { id: m!.id });
    await api(host, 'meetings.start', { id: m!.id });
    itemId = (await api<MeetingDetail>(host, 'meetings.get', { id: m!.id })).items.find((i) => i.kind === 'case' && !i.removed)!.id;
    await api(host, 'meetings.goto', { id: m!.id, itemId });
    await a.goto(`${host.url}#/cockpit/${m!.id}`);
    b = await openApp(browser, host);
    await b.goto(`${host.url}#/cockpit/${m!.id}`);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const discussion = async () => (await api<ItemDetail>(host, 'meetings.item', { itemId })).item.discussion;

  it('shows the other window’s words, and keeps both when both type', async () => {
    for (const p of [a, b]) await expect.poll(() => p.getByLabel('Discussion').isVisible(), { timeout: 15_000 }).toBe(true);
    const first = "Mother phoned the school on Monday; Zoë's aunt, Mrs O'Neill, confirmed the move.";
    await a.getByLabel('Discussion').fill(first);
    await a.getByLabel('Discussion').blur();
    await expect.poll(discussion, { timeout: 10_000 }).toBe(first);
    // The second window, never touched, shows it.
    await expect.poll(() => b.getByLabel('Discussion').inputValue(), { timeout: 10_000 }).toBe(first);

    // Both add a line before either hears of the other's.
    await b.route('**/api/projector.view', (r) => r.abort()); // B hears nothing of A's save…
    await b.route('**/api/meetings.item', (r) => r.abort());
    await a.getByLabel('Discussion').fill(`${first} EWO to visit on Friday.`);
    await a.getByLabel('Discussion').blur();
    await expect.poll(discussion, { timeout: 10_000 }).toBe(`${first} EWO to visit on Friday.`);
    await b.unroute('**/api/projector.view');
    await b.unroute('**/api/meetings.item');
    // …and saves over the text it last had: refused by the host, and both kept.
    await b.getByLabel('Discussion').fill(`${first} The school is to send the CTF.`);
    await b.getByLabel('Discussion').blur();
    const both = `${first} EWO to visit on Friday.\n\nThe school is to send the CTF.`;
    await expect.poll(discussion, { timeout: 10_000 }).toBe(both);
    await expect.poll(() => b.getByLabel('Discussion').inputValue()).toBe(both);
    await expect.poll(() => a.getByLabel('Discussion').inputValue(), { timeout: 10_000 }).toBe(both);
    expect(await b.getByRole('status').filter({ hasText: 'another window' }).innerText()).toMatch(/their text is kept first, then yours/);
    await apiSettled(b);
    expect(await b.locator('.ck-problem').count()).toBe(0); // no "Save failed" banner for a merge
    await shot(b, 'cockpit-two-windows-merged');
  });
});
