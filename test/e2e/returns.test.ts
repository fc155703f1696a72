import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHost, launchBrowser, openApp, api, shot, chromiumAvailable, actAs, type Host, apiSettled } from './harness';
import { upnCheckLetter } from '../../shared/domain/upn';
import { addDays } from '../../shared/domain/dates';

// Issue 14: an officer imports a school's half-termly PMOE return in Chromium, confirms the uncertain
// match, and finds the children on the PMOE register and on the next PMOE panel's agenda.
const upn = (tail: string) => `${upnCheckLetter(tail)}${tail}`;

describe.skipIf(!chromiumAvailable)('school returns, end to end in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  let meetingId = 0;
  const go = async (hash: string) => {
    await page.goto(`${host.url}${hash}`);
    await apiSettled(page);
  };

  beforeAll(async () => {
    host = await startHost();
    await actAs(host, 'Priya Shah');
    browser = await launchBrowser();
    page = await openApp(browser, host);
    await api(host, 'app.setup', { mode: 'empty' });
    await api(host, 'schools.save', { name: 'Oak Primary School', dfeNumber: '801/2000' });
    // Already on the register, spelt differently by the school: Leila Osei.
    await api(host, 'referrals.create', { register: 'PMOE', child: { forenames: 'Leila', surname: 'Osei', dateOfBirth: '2013-03-03', gender: 'female' }, case: { dateNotified: '2026-09-10', source: 'school', pmoeSchool: 'Oak Primary School', pmoeReason: 'medical', hoursPerWeek: 20 } });
    const pmoe = (await api<{ id: number; register: string }[]>(host, 'panels.list')).find((p) => p.register === 'PMOE')!;
    meetingId = (await api<{ id: number }>(host, 'meetings.create', { panelId: pmoe.id, date: '2027-01-20', time: '14:00' })).id;
    await page.reload();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('imports a return: columns, a row-by-row preview, the match confirmed, one import', async () => {
    const csv = [
      'Pupil UPN,First name,Last name,DOB,NC Year,Reason,Hours,Provider,Tutor',
      `${upn('801200026101')},Kacper,Nowak,01/10/2012,9,AP,12.5,Riverside Learning Centre,9B`,
      ',Layla,Osei,03/03/2013,9,Medical,6,Hospital school,9C',
    ].join('\r\n');
    await page.getByRole('link', { name: 'School returns' }).click();
    await page.getByRole('tab', { name: 'Import a file' }).click();
    await page.getByLabel('School', { exact: true }).selectOption({ label: 'Oak Primary School' });
    await page.getByLabel('What the file is').selectOption({ label: 'Half-termly PMOE return' });
    await page.getByLabel('File (.xlsx or .csv)').setInputFiles({ name: 'oak-autumn-2.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Read the columns' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /2\. Columns in oak-autumn-2\.csv/ }).isVisible()).toBe(true);
    // The school's own headings were matched; a column can be changed by hand.
    expect(await page.getByLabel('Forename(s)').inputValue()).toBe('First name');
    expect(await page.getByLabel('UPN', { exact: true }).inputValue()).toBe('Pupil UPN');
    await page.getByLabel('Provider').selectOption('Provider');
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /3\. Preview/ }).isVisible()).toBe(true);
    const preview = page.getByRole('table', { name: /Preview of oak-autumn-2\.csv/ });
    await expect.poll(() => preview.innerText()).toContain('Attending less than 10 hours a week');
    await shot(page, 'returns-preview');
    // Nothing is saved by the preview.
    expect((await api<{ rows: unknown[] }>(host, 'returns.report', {})).rows[0]).toMatchObject({ pupils: 0 });
    const importButton = page.getByRole('button', { name: /^Import 2 rows/ });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('radio', { name: /Same child as Leila Osei/ }).check();
    await importButton.click();
    await expect.poll(() => page.getByRole('heading', { name: /Imported: Half-termly PMOE return from Oak Primary School/ }).isVisible()).toBe(true);
    const result = await page.getByRole('table', { name: 'What the import did, row by row' }).innerText();
    expect(result).toMatch(/Kacper Nowak\s+PMOE-\d{4}-\d{4}\s+New PMOE case/);
    expect(result).toContain('Updated: hours a week 20 → 6');
    await shot(page, 'returns-imported');
  });

  it('shows the children on the PMOE register', async () => {
    await go('#/register');
    await expect.poll(() => page.getByRole('table', { name: 'Cases' }).innerText()).toContain('Nowak');
    const text = await page.getByRole('table', { name: 'Cases' }).innerText();
    expect(text).toContain('Osei');
    expect(text.match(/PMOE-\d{4}-\d{4}/g)?.length).toBe(2);
  });

  it('puts them on the next PMOE panel’s agenda, with "new in the return" as a reason', async () => {
    await go(`#/meeting/${meetingId}`);
    await page.getByRole('button', { name: 'Build agenda from the register' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('New in the return from Oak Primary School');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Changed in the return from Oak Primary School');
    await shot(page, 'returns-agenda');
  });

  it('shows the school’s return as received on the returns screen', async () => {
    await go('#/returns');
    await expect.poll(() => page.getByRole('table', { name: /Each school’s return/ }).innerText()).toMatch(/Oak Primary School\s+Received\s+2/);
    await shot(page, 'returns-status');
  });

  it('undoes a deletion notice typed in by mistake: the CME case it opened goes, the notice is marked undone', async () => {
    const today = (await api<{ today: string }>(host, 'app.info')).today;
    await go('#/returns/notices');
    await page.getByLabel('School', { exact: true }).selectOption({ label: 'Oak Primary School' });
    await page.getByLabel('Forename(s)').fill('Ruby');
    await page.getByLabel('Surname').fill('Ward');
    await page.getByLabel('Date of birth').fill('2012-06-06');
    await page.getByLabel('Date of deletion').fill(addDays(today, -1));
    await page.getByLabel('(e) Regulation 8 ground').selectOption('h');
    await page.getByLabel('Last attended', { exact: true }).fill(addDays(today, -40));
    await page.getByRole('button', { name: 'Save the notice' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/Ruby Ward: Whereabouts unknown: CME case CME-\d{4}-\d{4} opened/)]));
    const opened = (await api<{ reference: string; surname: string; register: string }[]>(host, 'register.list')).filter((r) => r.surname === 'Ward');
    expect(opened).toEqual([expect.objectContaining({ register: 'CME' })]);

    await page.getByRole('link', { name: /Typed in by mistake\? Undo it/ }).click();
    const history = page.getByRole('table', { name: /Every import and nil return/ });
    await expect.poll(() => history.innerText()).toMatch(/Deletion notice\s+typed in/);
    await history.getByRole('button', { name: /Undo Deletion notice from Oak Primary School/ }).click();
    await page.getByLabel('Why is it being undone?').fill('Typed from the wrong e-mail: Ruby left another school');
    await page.getByRole('button', { name: 'Undo the notice' }).click();
    await expect.poll(() => history.innerText()).toMatch(/Undone \d\d\/\d\d\/\d{4} by Priya Shah/);
    await shot(page, 'returns-notice-undone');
    expect((await api<{ surname: string }[]>(host, 'register.list')).filter((r) => r.surname === 'Ward')).toEqual([]);
    expect((await api<{ name: string }[]>(host, 'notices.list', { kind: 'deletion' })).some((n) => n.name === 'Ruby Ward')).toBe(false);
  });
});
