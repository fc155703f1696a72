import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { startHost, launchBrowser, openApp, api, shot, chromiumAvailable, pdfToolsAvailable, pdfText as text, pdfPages as pageCount, SHOTS, type Host, actAs } from './harness';
import { tempDir } from '../helpers/tempDb';


interface CaseDetail {
  case: { id: number; reference: string };
  child: { forenames: string; surname: string; knownAs: string | null; dateOfBirth: string };
  addresses: { line1: string; postcode: string | null }[];
}
interface RegisterRow { caseId: number; reference: string; register: string; status: string; longTerm: boolean }

const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const squash = (s: string) => s.replace(/\s+/g, ' ');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Clicks "Save as PDF" in a print view and keeps the file the browser downloads. */
async function savePdf(page: Page, dir: string): Promise<{ file: string; name: string }> {
  const button: Locator = page.getByRole('button', { name: 'Save as PDF' });
  await expect.poll(() => button.isEnabled()).toBe(true);
  const [d] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()])) as [Download, void];
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Downloaded');
  return { file, name: d.suggestedFilename() };
}

/** Every page carries the marking (header and footer), the title, the variant and "Page N of M". */
function expectRunningMarks(pdf: string, title: RegExp, variant: string): number {
  const pages = pageCount(pdf);
  for (let p = 1; p <= pages; p++) {
    const t = text(pdf, p);
    expect(t.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0, `page ${p}`).toBeGreaterThanOrEqual(2);
    expect(t, `page ${p}`).toContain(`Page ${p} of ${pages}`);
    expect(t, `page ${p}`).toMatch(title);
    expect(t, `page ${p}`).toContain(variant);
  }
  return pages;
}

/** Turns each page into a PNG in test-results, to be looked at. */
function pagesToPng(pdf: string, prefix: string): void {
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(SHOTS, prefix)]);
}

function expectNoChildDetails(pdfText: string, children: CaseDetail[], officers: string[]): void {
  let t = squash(pdfText);
  for (const o of [...officers].sort((a, b) => b.length - a.length)) t = t.split(o).join(' ');
  for (const { child: c, addresses } of children) {
    const words = [...c.forenames.split(/[\s-]+/), ...c.surname.split(/[\s-]+/), ...(c.knownAs ? [c.knownAs] : [])].filter((w) => w.length > 1);
    for (const w of words) expect(t, w).not.toMatch(new RegExp(`(?<![\\p{L}])${escapeRe(w)}(?![\\p{L}])`, 'iu'));
    expect(t).not.toContain(uk(c.dateOfBirth));
    for (const a of addresses) for (const line of [a.line1, a.postcode]) if (line) expect(t, line).not.toContain(line);
  }
}

// The chair's agenda pack before a small CME panel, the minutes after it, and a long-term case's
// archiving form — each saved with the "Save as PDF" button in Chromium, as a person would.
describe.skipIf(!chromiumAvailable || !pdfToolsAvailable)('documents saved as PDF from the app', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  let meetingId = 0;
  const children: CaseDetail[] = [];
  let officers: string[] = [];
  const dir = tempDir('panel-docs-');
  const decision = 'Decision: ask the admissions team to offer a place this week.';
  const action = 'Write to the family about the school place (E2E-1)';

  beforeAll(async () => {
    host = await startHost();
    await actAs(host, 'Jo Minute');
    await api(host, 'app.setup', { mode: 'demo' });
    await api(host, 'settings.setAuthority', { name: 'Northbridge Borough Council' });
    officers = (await api<{ name: string }[]>(host, 'officers.list')).map((o) => o.name);
    const cme = (await api<{ id: number; register: string }[]>(host, 'panels.list')).find((p) => p.register === 'CME')!;
    meetingId = (await api<{ id: number }[]>(host, 'meetings.generate', { panelId: cme.id, count: 1 }))[0]!.id;
    const open = (await api<RegisterRow[]>(host, 'register.list')).filter((r) => r.register === 'CME' && r.status !== 'closed');
    for (const r of open.slice(0, 3)) {
      await api(host, 'agenda.addCase', { meetingId, reference: r.reference });
      children.push(await api<CaseDetail>(host, 'cases.get', { id: r.caseId }));
    }
    browser = await launchBrowser();
    page = await openApp(browser, host);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('saves the agenda pack before the meeting, full and redacted, from the meeting page', async () => {
    await page.goto(`${host.url}#/meeting/${meetingId}`);
    // The first pair of links is the agenda pack's (the minutes' appear once the meeting has started).
    await page.getByLabel('Documents').getByRole('link', { name: 'redacted for circulation' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('agenda pack');
    await shot(page, 'documents-agenda-pack');
    const redacted = await savePdf(page, dir);
    expect(redacted.name).toMatch(/^agenda-pack-cme-panel-\d{4}-\d\d-\d\d-redacted\.pdf$/);
    await page.getByRole('link', { name: 'Show the full pack' }).click();
    await expect.poll(() => page.locator('.m-variant strong').textContent()).toBe('Agenda pack (full)');
    const full = await savePdf(page, dir);

    const pages = expectRunningMarks(redacted.file, /CME panel – \d\d\/\d\d\/\d{4}/, 'Agenda pack, redacted for circulation');
    expect(pages).toBeGreaterThanOrEqual(2);
    expectRunningMarks(full.file, /CME panel – \d\d\/\d\d\/\d{4}/, 'Agenda pack (full)');
    const r = squash(text(redacted.file));
    const f = squash(text(full.file));
    for (const c of children) {
      expect(r).toContain(c.case.reference);
      expect(f).toContain(`${c.child.forenames} ${c.child.surname}`);
    }
    expect(r).toContain('Case papers');
    expect(r).toContain('Northbridge Borough Council');
    expect(r.toLowerCase()).toContain('open actions');
    expectNoChildDetails(text(redacted.file), children, officers);
    pagesToPng(redacted.file, 'documents-agenda-redacted');
  });

  it('saves the minutes after the meeting, full and redacted, with the decision and the action', async () => {
    const d = await api<{ items: { id: number; kind: string }[] }>(host, 'meetings.start', { id: meetingId });
    const item = d.items.find((i) => i.kind === 'case')!;
    const active = (await api<{ id: number; active: boolean }[]>(host, 'officers.list')).find((o) => o.active)!;
    await api(host, 'meetings.goto', { id: meetingId, itemId: item.id });
    const c = children[0]!.child;
    await api(host, 'items.record', { itemId: item.id, discussion: `${c.forenames} ${c.surname} was seen in town.`, decisions: decision, outcome: 'continue' });
    await api(host, 'items.createAction', { itemId: item.id, text: action, ownerId: active.id, dueDate: '2027-01-15' });
    await api(host, 'meetings.close', { id: meetingId });

    await page.goto(`${host.url}#/print/minutes/${meetingId}/redacted`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('minutes');
    const redacted = await savePdf(page, dir);
    await page.getByRole('link', { name: 'Show the full minutes' }).click();
    await expect.poll(() => page.locator('.m-variant strong').textContent()).toBe('Full minutes');
    const full = await savePdf(page, dir);
    expect(full.name).toMatch(/^minutes-cme-panel-.*-full\.pdf$/);

    expectRunningMarks(redacted.file, /CME panel – \d\d\/\d\d\/\d{4}/, 'Redacted for circulation');
    expectRunningMarks(full.file, /CME panel – \d\d\/\d\d\/\d{4}/, 'Full minutes');
    for (const pdf of [redacted.file, full.file]) {
      const t = squash(text(pdf));
      expect(t).toContain(decision);
      expect(t).toContain(action);
    }
    expect(squash(text(full.file))).toContain(`${c.forenames} ${c.surname} was seen in town.`);
    expectNoChildDetails(text(redacted.file), children, officers);
    pagesToPng(redacted.file, 'documents-minutes-redacted');
  });

  it('saves a long-term CME case’s archiving form from the case page', async () => {
    const row = (await api<RegisterRow[]>(host, 'register.list')).find((r) => r.register === 'CME' && r.status !== 'closed' && r.longTerm)!;
    const detail = await api<CaseDetail & { checks: { outcome: string }[] }>(host, 'cases.get', { id: row.caseId });
    await page.goto(`${host.url}#/case/${row.caseId}`);
    await page.getByRole('link', { name: 'Archiving form' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('archiving');
    await shot(page, 'documents-archiving-form');
    const form = await savePdf(page, dir);
    expect(form.name).toBe(`archiving-form-${row.reference.toLowerCase()}.pdf`);
    expectRunningMarks(form.file, new RegExp(`Long-term CME case ${escapeRe(row.reference)}`), 'Archiving form');
    const t = squash(text(form.file));
    expect(t).toContain(`${detail.child.forenames} ${detail.child.surname}`);
    expect(t).toContain(uk(detail.child.dateOfBirth));
    expect(t).toContain('Commissioning Director, Education');
    if (detail.checks[0]) expect(t).toContain(squash(detail.checks[0].outcome));
    pagesToPng(form.file, 'documents-archiving');
  });
});
