import fs from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { openDemoApp, api, shot, chromiumAvailable, type Host } from './harness';
import type { Reports } from '../../shared/api/reportSchemas';
import { presetRange } from '../../renderer/src/pages/reports/filters';
import { sourceTable, monthlyTable, piThisMonth } from '../../renderer/src/pages/reports/tables';
import { firstOfMonth } from '../../shared/domain/figures';

/** A table's body as text, cell by cell (numbers as shown, e.g. "1,234"). */
async function cells(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}
const shown = (rows: (string | number)[][]) => rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-GB') : c)));

// The Reports screen on the demo register: a figure's table against the service, the panel filter, a CSV.
describe.skipIf(!chromiumAvailable)('reports, end to end in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  let today: string;

  beforeAll(async () => {
    ({ host, browser, page } = await openDemoApp('Jo Manager'));
    today = (await api<{ today: string }>(host, 'app.info')).today;
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const card = (title: string) => page.getByRole('region', { name: title, exact: true });

  it('shows the last 12 months as charts, and a figure’s table matches reports.get', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    const range = presetRange('last12', today);
    const r = await api<Reports>(host, 'reports.get', range);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Showing' }).textContent()).toContain('both registers');
    await card('CME cases opened and closed per month').locator('.recharts-bar-rectangle').first().waitFor();
    await shot(page, 'reports');

    const sources = card('Referrals by source');
    await sources.getByRole('button', { name: 'Table' }).click();
    await expect.poll(() => sources.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed')).toBe('true');
    const table = sources.getByRole('table', { name: 'Referrals by source' });
    expect(await cells(table)).toEqual(shown(sourceTable(r).rows));
    expect(sourceTable(r).rows.length).toBeGreaterThan(3);

    const monthly = card('CME cases opened and closed per month');
    await monthly.getByRole('button', { name: 'Table' }).click();
    expect(await cells(monthly.getByRole('table'))).toEqual(shown(monthlyTable(r, 'CME').rows));
    await monthly.scrollIntoViewIfNeeded();
    await shot(page, 'reports-table');
  });

  it('narrows to one panel: its register only, remembered on the next visit', async () => {
    const panels = await api<{ id: number; name: string; register: string }[]>(host, 'panels.list');
    const cme = panels.find((p) => p.register === 'CME')!;
    await page.getByLabel('Panel', { exact: true }).selectOption({ label: cme.name });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Showing' }).textContent()).toContain(`${cme.name} (CME register)`);
    await expect.poll(() => card('PMOE cases opened and closed per month').count()).toBe(0);
    const r = await api<Reports>(host, 'reports.get', { ...presetRange('last12', today), panelId: cme.id });
    const table = card('Referrals by source').getByRole('table');
    await expect.poll(async () => (await table.locator('thead th').allTextContents()).join('|')).toBe('Referral source|CME');
    expect(await cells(table)).toEqual(shown(sourceTable(r).rows));
    await shot(page, 'reports-cme-panel');

    await page.reload();
    await expect.poll(() => page.getByLabel('Panel', { exact: true }).inputValue()).toBe(String(cme.id));
  });

  it('downloads a figure as CSV with a BOM and a header row', async () => {
    const sources = card('Referrals by source');
    const [download] = await Promise.all([page.waitForEvent('download'), sources.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^referrals-by-source-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-cme-panel\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe('Referral source,CME');
    expect(text.split('\r\n').length).toBeGreaterThan(3);
  });

  it('a From date after the To date is refused in words, and the figures stay as they were', async () => {
    await page.getByLabel('From date').fill('2026-12-31');
    await page.getByLabel('To date').fill('2026-01-01');
    const problem = page.getByRole('alert').filter({ hasText: 'is after the To date' });
    await expect.poll(() => problem.isVisible()).toBe(true);
    expect(await page.getByLabel('From date').getAttribute('aria-invalid')).toBe('true');
    // The figures shown are still the last valid range's.
    expect(await page.getByRole('status').filter({ hasText: 'Showing' }).textContent()).toContain(`to ${today.split('-').reverse().join('/')}`);
    await page.getByLabel('Period').selectOption({ label: 'Last 12 months' });
    await expect.poll(() => problem.count()).toBe(0);
    await page.getByLabel('Panel', { exact: true }).selectOption({ label: 'All panels (CME and PMOE)' });
  });

  it('Home shows this month’s CME P.I.s and links to Reports', async () => {
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    const r = await api<Reports>(host, 'reports.get', { from: firstOfMonth(today), to: today });
    const p = piThisMonth(r, 'CME')!;
    const table = page.getByRole('table', { name: /^CME this month/ });
    await expect.poll(async () => (await cells(table)).map((row) => row.join(' '))).toEqual([`Opened ${p.openedResiding} ${p.openedLeft}`, `Closed ${p.closedResiding} ${p.closedLeft}`]);
    await shot(page, 'reports-home');
    await page.getByRole('link', { name: 'All figures on Reports' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Reports', level: 1 }).isVisible()).toBe(true);
  });
});
