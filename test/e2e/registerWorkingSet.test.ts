import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { Dashboard } from '../../shared/api/trackingSchemas';
import { ragChartRows, ragChartSummary } from '../../renderer/src/pages/tracking/dashboard';
import { api, chromiumAvailable, openApp, openDemoApp, shot, stopAppInChromium, type AppInChromium } from './harness';

// Issue 12: after the first window is drawn the register screen holds the open cases and answers
// every keystroke, sort click and filter select itself. The rows and count it shows must be the
// host's for the same view, and a write made elsewhere must never leave old rows shown as current.
describe.skipIf(!chromiumAvailable)('the register answers from its working set, in Chromium', () => {
  let app: AppInChromium;
  let page: Page;
  beforeAll(async () => {
    app = await openDemoApp('Esme Manager');
    page = app.page;
    await page.goto(`${app.host.url}#/register`);
    await page.locator('.reg-page[data-rows="local"]').waitFor({ state: 'attached' });
  });
  afterAll(() => stopAppInChromium(app));

  type Window = { rows: { reference: string; rag: string | null; caseId: number }[]; total: number };
  const hostView = (query: Record<string, unknown>) => api<Window>(app.host, 'register.page', { query, offset: 0, limit: 500 });
  const shown = () => page.locator('.reg-body-row a.reg-ref').allTextContents();
  const showing = async () => Number(((await page.locator('.reg-counts').textContent()) ?? '').match(/showing ([\d,]+)/)![1]!.replace(/,/g, ''));

  it('types, sorts and filters without asking the host, showing the host\'s rows and count for each view', async () => {
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/register.')) asked.push(r.url());
    });
    const search = page.getByLabel('Search the register');
    for (const text of ['a', 'ar', 'ar e']) {
      await search.fill(text);
      const want = await hostView({ search: text });
      await expect.poll(showing).toBe(want.total);
      const refs = await shown();
      expect(refs.length).toBeGreaterThan(0);
      expect(refs).toEqual(want.rows.slice(0, refs.length).map((r) => r.reference));
    }
    await shot(page, 'register-working-set-search');
    await search.fill('');
    await page.getByRole('button', { name: /^Child/ }).click();
    const byChild = await hostView({ sorting: [{ id: 'child', desc: false }] });
    await expect.poll(async () => (await shown())[0]).toBe(byChild.rows[0]!.reference);
    // The frame that answers draws only the rows on screen; the rows just below it follow, so
    // scrolling never shows a gap.
    const beyond = () => page.evaluate(() => {
      const box = document.querySelector('.reg-scroll')!.getBoundingClientRect();
      return [...document.querySelectorAll('.reg-body-row')].filter((r) => r.getBoundingClientRect().top >= box.bottom).length;
    });
    await expect.poll(beyond).toBeGreaterThan(0);
    await page.getByLabel('Register', { exact: true }).selectOption('PMOE');
    const pmoe = await hostView({ register: 'PMOE', sorting: [{ id: 'child', desc: false }] });
    await expect.poll(showing).toBe(pmoe.total);
    expect(await shown()).toEqual(pmoe.rows.slice(0, (await shown()).length).map((r) => r.reference));
    // Only the test's own calls above reached the host's register methods: the page asked nothing.
    expect(asked).toEqual([]);
    await page.getByLabel('Register', { exact: true }).selectOption('all');
  });

  it('closed cases are history, served a window at a time by the host', async () => {
    await page.getByLabel('Status').selectOption('closed');
    await expect.poll(() => page.locator('.reg-page').getAttribute('data-rows')).toBe('server');
    const closed = await hostView({ status: 'closed' });
    await expect.poll(showing).toBe(closed.total);
    await page.getByLabel('Status').selectOption('open');
    await expect.poll(() => page.locator('.reg-page').getAttribute('data-rows')).toBe('local');
  });

  it('another window\'s write reaches this one when it is looked at again: the new RAG, never the old one as current', async () => {
    const first = (await hostView({})).rows.find((r) => r.rag !== 'red')!;
    await page.getByLabel('Search the register').fill(first.reference);
    await expect.poll(showing).toBe(1);
    // Another window (the API, as any other window would) rates the case red.
    await api(app.host, 'cases.setRag', { id: first.caseId, rag: 'red', reason: 'Second home visit: no answer, neighbours say the family moved' });
    // The officer comes back to this window.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => page.locator('.reg-body-row').first().getAttribute('class')).toContain('reg-rag-red');
    expect(await page.locator('.reg-page').getAttribute('data-rows')).toBe('local');
  });

  // The host pushes the register's new version after each write (event: register on GET /events).
  // This window is never focused, and its safety check runs every 15 s at the soonest: the new RAG
  // within a few seconds can only have come through the push.
  it('another window\'s write shows at once, without this window being looked at again', async () => {
    const asked: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().endsWith('/api/register.workingSet')) asked.push(r.url());
    };
    page.on('request', onRequest);
    const target = (await hostView({})).rows.find((r) => r.rag !== 'green')!;
    await page.getByLabel('Search the register').fill(target.reference);
    await expect.poll(showing).toBe(1);
    await expect.poll(() => page.locator('.reg-body-row').first().getAttribute('class')).not.toContain('reg-rag-green');
    // Page B: another window on the same host, on the register too.
    const other = await openApp(app.browser, app.host);
    await other.goto(`${app.host.url}#/register`);
    await other.locator('.reg-page[data-rows="local"]').waitFor({ state: 'attached' });
    asked.length = 0;

    // Hold the host's answer back to see what the window shows meanwhile.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/register.workingSet', async (route) => {
      await held;
      await route.continue();
    });
    await api(app.host, 'cases.setRag', { id: target.caseId, rag: 'green', reason: 'Seen at home with mum; starting at the new school on Monday' });
    // The pushed version is not the one held: the rows stay, marked "Updating…", until the answer.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Updating…' }).count(), { timeout: 5_000 }).toBe(1);
    expect(await page.locator('.reg-body-row').first().getAttribute('class')).not.toContain('reg-rag-green');
    // …and dimmed, so nobody reads them as current.
    const opacity = () => page.locator('.reg-tbody').evaluate((el) => Number(getComputedStyle(el).opacity));
    await expect.poll(opacity, { timeout: 5_000 }).toBeLessThan(0.6);
    await shot(page, 'register-pushed-write-updating');
    release();
    await expect.poll(() => page.locator('.reg-body-row').first().getAttribute('class'), { timeout: 5_000 }).toContain('reg-rag-green');
    await expect.poll(opacity).toBe(1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Updating…' }).count()).toBe(0);
    await page.unroute('**/api/register.workingSet');
    expect(await page.locator('.reg-page').getAttribute('data-rows')).toBe('local');
    // One request for the new rows, not one per push or per listener.
    expect(asked).toHaveLength(1);
    await shot(page, 'register-pushed-write');
    // And in page B, which also had not been looked at.
    await other.getByLabel('Search the register').fill(target.reference);
    await expect.poll(() => other.locator('.reg-body-row').first().getAttribute('class'), { timeout: 5_000 }).toContain('reg-rag-green');
    await other.context().close();
    page.off('request', onRequest);
  });

  it('Home, when shown, refreshes its figures on another window\'s write', async () => {
    await page.goto(`${app.host.url}#/`);
    const chart = page.locator('figure.trk-ragchart-fig');
    await chart.waitFor();
    const before = await chart.getAttribute('aria-label');
    const amber = (await hostView({ rag: 'amber' })).rows[0]!;
    await api(app.host, 'cases.setRag', { id: amber.caseId, rag: 'red', reason: 'Not seen for three weeks; school has had no contact' });
    // The host's figures after the write, as the chart labels them.
    const dash = await api<Dashboard>(app.host, 'dashboard.get');
    const after = `Open cases by RAG. ${ragChartSummary(ragChartRows(dash.openByRag))}.`;
    expect(after).not.toBe(before);
    await expect.poll(() => chart.getAttribute('aria-label'), { timeout: 5_000 }).toBe(after);
    await shot(page, 'home-pushed-write');
  });
});
