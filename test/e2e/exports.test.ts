import fs from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { openDemoApp, api, shot, chromiumAvailable, type Host } from './harness';

const BOM_BYTES = [0xef, 0xbb, 0xbf];
const UK_DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/** RFC 4180 as the app writes it: quoted cells may hold commas, quotes and line breaks; CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** Clicks `trigger` and returns the file it saves, as bytes, with its suggested name. */
async function download(page: Page, trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger.click()]) as [Download, void];
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

const shownCount = async (where: Locator): Promise<number> => {
  const m = /showing ([\d,]+)/.exec(await where.innerText());
  return Number(m![1]!.replaceAll(',', ''));
};

// The register and the escalation log leave the app as CSV: what is shown, as shown.
describe.skipIf(!chromiumAvailable)('CSV exports, end to end in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openDemoApp('Jo Minute'));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('exports the filtered register, after a personal-data confirmation', async () => {
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    const counts = page.locator('.reg-counts');
    await counts.waitFor();
    const all = await shownCount(counts);
    await page.getByLabel('Register', { exact: true }).selectOption('PMOE');
    await expect.poll(() => shownCount(counts)).toBeLessThan(all);
    const shown = await shownCount(counts);
    expect(shown).toBeGreaterThan(0);
    const headers = await page.locator('.reg-table [role=columnheader] .reg-th-label').allInnerTexts();
    await shot(page, 'export-register');

    await page.getByRole('button', { name: 'Export CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the register as CSV' });
    await expect.poll(() => dialog.innerText()).toContain('personal data');
    expect(await dialog.innerText()).toContain(`${shown.toLocaleString('en-GB')} cases`);
    await shot(page, 'export-register-confirm');
    const file = await download(page, dialog.getByRole('button', { name: /^Export / }));
    await expect.poll(() => dialog.isVisible()).toBe(false);

    expect(file.name).toMatch(/^register-pmoe-open-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...file.bytes.subarray(0, 3)]).toEqual(BOM_BYTES);
    const rows = parseCsv(file.bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(headers);
    expect(rows.length - 1).toBe(shown);
    const body = rows.slice(1);
    const at = (h: string) => headers.indexOf(h);
    expect(body.every((r) => r.length === headers.length)).toBe(true);
    expect(body.every((r) => r[at('Register')] === 'PMOE')).toBe(true);
    expect(body.every((r) => UK_DATE.test(r[at('Notified')]!))).toBe(true);
    expect(body.every((r) => ['Red', 'Amber', 'Green', 'Not rated'].includes(r[at('RAG')]!))).toBe(true);
    // The same cases as the API's open PMOE cases, no more and no fewer.
    const open = (await api<{ reference: string; register: string; status: string }[]>(host, 'register.list')).filter((r) => r.register === 'PMOE' && r.status !== 'closed');
    expect(new Set(body.map((r) => r[at('Reference')]))).toEqual(new Set(open.map((r) => r.reference)));
  });

  it('exports the escalation log shown, by case reference', async () => {
    await page.getByRole('link', { name: 'Escalations', exact: true }).click();
    const counts = page.locator('.page-head .muted');
    await expect.poll(() => counts.innerText()).toMatch(/showing \d+/);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All' });
    const shown = await shownCount(counts);
    expect(shown).toBeGreaterThan(0);
    await expect.poll(() => page.locator('table[aria-label="Escalation log"] tbody tr').count()).toBe(shown);
    await shot(page, 'export-escalations');

    const file = await download(page, page.getByRole('button', { name: 'Export CSV' }));
    expect(file.name).toMatch(/^escalation-log-all-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...file.bytes.subarray(0, 3)]).toEqual(BOM_BYTES);
    const rows = parseCsv(file.bytes.subarray(3).toString('utf8'));
    const header = rows[0]!;
    expect(header).toEqual(['Case', 'Register', 'Level', 'Escalated to', 'Reason', 'Raised on', 'Raised by', 'Response due', 'Status', 'Response', 'Responded on', 'Resolved on', 'Days open']);
    expect(rows.length - 1).toBe(shown);
    const body = rows.slice(1);
    expect(body.every((r) => UK_DATE.test(r[header.indexOf('Raised on')]!))).toBe(true);
    const log = await api<{ caseReference: string; caseName: string }[]>(host, 'escalations.list');
    expect(body.map((r) => r[0]).sort()).toEqual(log.map((e) => e.caseReference).sort());
    const text = file.bytes.toString('utf8');
    for (const e of log) expect(text).not.toContain(e.caseName);
  });
});
