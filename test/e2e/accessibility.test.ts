import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { actAs, api, chromiumAvailable, launchBrowser, openApp, openDemoApp, shot, startHost, type Host, apiSettled } from './harness';

// axe-core's own bundle, injected into each page: WCAG 2.2 AA (and the A rules under it).
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical violations on the page as it is now, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an inline script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, TAGS);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!chromiumAvailable)('every screen passes axe-core (WCAG 2.2 AA): no serious or critical violation', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  let meetingId = 0;
  let caseId = 0;

  beforeAll(async () => {
    ({ host, browser, page } = await openDemoApp('Axe Tester'));
    const panels = await api<{ id: number; register: string }[]>(host, 'panels.list');
    const cme = panels.find((p) => p.register === 'CME')!;
    const meetings = await api<{ id: number }[]>(host, 'meetings.generate', { panelId: cme.id, count: 1 });
    meetingId = meetings[0]!.id;
    await api(host, 'meetings.buildAgenda', { id: meetingId });
    const detail = await api<{ items: { kind: string; caseId: number | null; removed: boolean }[] }>(host, 'meetings.get', { id: meetingId });
    caseId = detail.items.find((i) => i.kind === 'case' && !i.removed)!.caseId!;
    // School returns: a school with a return (one pupil to confirm) and one with none, so every table shows.
    const oak = await api<{ id: number }>(host, 'schools.save', { name: 'Oak Primary School' });
    await api(host, 'schools.save', { name: 'Elm Academy' });
    const file = { name: 'oak.csv', base64: Buffer.from('Forename(s),Surname,Date of birth,Reason not in full-time education,Hours a week\r\nMaya,Patel,01/07/2013,Medical,8\r\n').toString('base64') };
    const parsed = await api<{ mapping: Record<string, string | null> }>(host, 'returns.parse', { schoolId: oak.id, kind: 'return', file });
    const status = await api<{ halfTerm: { key: string } | null }>(host, 'returns.status', {});
    if (status.halfTerm) {
      await api(host, 'returns.confirm', {
        schoolId: oak.id, kind: 'return', halfTerm: status.halfTerm.key, receivedOn: (await api<{ today: string }>(host, 'app.info')).today, file,
        mapping: Object.entries(parsed.mapping).map(([field, column]) => ({ field, column })),
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const screens: [string, () => string][] = [
    ['home', () => '#/'],
    ['register', () => '#/register'],
    ['case', () => `#/case/${caseId}`],
    ['referral', () => '#/referral'],
    ['meetings', () => '#/meetings'],
    ['meeting', () => `#/meeting/${meetingId}`],
    ['actions', () => '#/actions'],
    ['escalations', () => '#/escalations'],
    ['caseload', () => '#/caseload'],
    ['reports', () => '#/reports'],
    ['school returns', () => '#/returns'],
    ['returns import', () => '#/returns/import'],
    ['returns notices', () => '#/returns/notices'],
    ['returns report', () => '#/returns/report'],
    ['returns schools', () => '#/returns/schools'],
    ['officers', () => '#/officers'],
    ['panels', () => '#/panels'],
    ['settings', () => '#/settings'],
    ['minutes', () => `#/print/minutes/${meetingId}/redacted`],
    ['agenda pack', () => `#/print/agenda/${meetingId}/redacted`],
  ];

  it.each(screens)('%s', async (name, hash) => {
    await page.goto(`${host.url}${hash()}`);
    await apiSettled(page);
    // Wait for the page's own content, not the loading line.
    await expect.poll(() => page.locator('main h1, h1').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/^Loading/).count()).toBe(0);
    await shot(page, `axe-${name.replace(/\s+/g, '-')}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('settings with a backup, the restore preview, and the past-retention list open (issue 13)', async () => {
    const folder = fs.mkdtempSync(`${os.tmpdir()}/panel-axe-backups-`);
    await api(host, 'backups.setFolder', { folder });
    await api(host, 'backups.run');
    await api(host, 'retention.set', { rules: { CME: { basis: 'after_closure', years: 1 }, PMOE: { basis: 'birthday', years: 25 } } });
    // Signed in as a manager: the past-retention list shows without choosing anyone.
    await page.goto(`${host.url}#/settings`);
    await expect.poll(() => page.getByRole('table', { name: 'Records past retention' }).locator('tbody tr').count()).toBeGreaterThan(0);
    await shot(page, 'axe-settings-retention');
    expect(await seriousViolations(page), 'settings with lists').toEqual([]);
    await page.getByRole('button', { name: /^Restore the backup taken/ }).first().click();
    await expect.poll(() => page.getByTestId('restore-preview').isVisible()).toBe(true);
    await shot(page, 'axe-settings-restore');
    expect(await seriousViolations(page), 'restore preview').toEqual([]);
    await page.keyboard.press('Escape');
  });

  // Issue 12: the case picker with its list open, and Home's run-out clocks with more listed.
  it('the New action case picker open on its matches, and Home\'s clocks after "Show more"', async () => {
    const surname = (await api<{ surname: string; status: string }[]>(host, 'register.list')).find((r) => r.status !== 'closed' && r.surname.length >= 4)!.surname;
    await page.goto(`${host.url}#/actions`);
    await page.getByRole('button', { name: 'New action' }).click();
    const picker = page.getByRole('dialog').getByRole('combobox', { name: 'Case' });
    await picker.fill(surname.slice(0, 3));
    await page.getByRole('listbox', { name: 'Matching cases' }).getByRole('option').first().waitFor();
    await picker.press('ArrowDown');
    await shot(page, 'axe-case-picker');
    expect(await seriousViolations(page), 'case picker').toEqual([]);
    await picker.press('Escape');
    await expect.poll(() => picker.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');

    await page.goto(`${host.url}#/`);
    const clocks = page.getByRole('region', { name: /Clocks run out/ });
    // A kind with more cases than it lists (its button is hidden until the kind is opened).
    const title = await clocks.locator('details').filter({ has: page.locator('button', { hasText: /^Show \d+ more$/ }) }).first().locator('summary').innerText();
    const group = clocks.locator('details').filter({ has: page.locator('summary', { hasText: title }) });
    await group.locator('summary').click();
    await group.getByRole('button', { name: /^Show \d+ more$/ }).click();
    await group.locator('ul.trk-list-scroll').waitFor();
    await shot(page, 'axe-home-clocks-more');
    expect(await seriousViolations(page), 'home clocks, more shown').toEqual([]);
  });

  it('the cockpit and the projector, during a meeting', async () => {
    await api(host, 'meetings.start', { id: meetingId });
    for (const [name, hash] of [['cockpit', `#/cockpit/${meetingId}`], ['projector', `#/projector/${meetingId}`]] as const) {
      await page.goto(`${host.url}${hash}`);
      await apiSettled(page);
      await expect.poll(() => page.getByText(/^(Loading|Opening the meeting)/).count()).toBe(0);
      await expect.poll(() => page.locator('h1, h2').first().isVisible()).toBe(true);
      await shot(page, `axe-${name}`);
      expect(await seriousViolations(page), name).toEqual([]);
    }
  });

  // The read-only states a panel member gets: the cockpit's note, and forms shown disabled to read.
  it('the screens as a panel member sees them', async () => {
    await actAs(host, 'Axe Panel Member', 'panel_member');
    for (const [name, hash] of [['panel-member-cockpit', `#/cockpit/${meetingId}`], ['panel-member-meeting', `#/meeting/${meetingId}`], ['panel-member-panels', '#/panels'], ['panel-member-escalations', '#/escalations'], ['panel-member-caseload', '#/caseload'], ['panel-member-returns', '#/returns/schools']] as const) {
      await page.goto(`${host.url}${hash}`);
      await apiSettled(page);
      await expect.poll(() => page.locator('main h1, h1').first().isVisible()).toBe(true);
      await expect.poll(() => page.getByText(/^Loading/).count()).toBe(0);
      await shot(page, `axe-${name}`);
      expect(await seriousViolations(page), name).toEqual([]);
    }
  });
});

// Issue 13: the screens before anyone is signed in.
describe.skipIf(!chromiumAvailable)('the sign-in screens pass axe-core (WCAG 2.2 AA)', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    host = await startHost(undefined, 0, { signIn: false });
    browser = await launchBrowser();
    page = await openApp(browser, host);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const check = async (name: string, heading: string) => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(heading);
    await shot(page, `axe-${name}`);
    expect(await seriousViolations(page), name).toEqual([]);
  };

  it('first run (create the first manager), the recovery key, sign-in, and the recovery-key form', async () => {
    await check('setup', 'Welcome to Panel');
    await page.getByLabel('Your name').fill('Axe Tester');
    await page.getByLabel('Password', { exact: true }).fill('axe tester password');
    await page.getByLabel('Password again').fill('axe tester password');
    await page.getByRole('button', { name: 'Create manager and recovery key' }).click();
    await check('recovery-key', 'Print the recovery key');
    await api(host, 'session.signOut');
    await page.reload();
    await check('sign-in', 'Sign in to Panel');
    await page.getByText('Forgotten your password?').click();
    await page.getByRole('button', { name: 'Use the recovery key' }).click();
    await check('recover', 'Open the register with the recovery key');
  });
});
