import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, chromiumAvailable, openDemoApp, shot, type Host } from './harness';
import { tempDir } from '../helpers/tempDb';

// Issue 13: Settings → Backups and Retention, and Home's backup warning, in Chromium against the browser host.
describe.skipIf(!chromiumAvailable)('backups, restore and retention on screen', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  const folder = tempDir('panel-e2e-backups-');

  beforeAll(async () => {
    ({ host, browser, page } = await openDemoApp('Priya Shah'));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('Home asks for a backup folder until one is chosen; Settings backs up now and shows when and where', async () => {
    await page.goto(`${host.url}#/`);
    await expect.poll(() => page.getByTestId('backup-warning').textContent()).toMatch(/not being backed up: choose a backup folder/);
    await shot(page, 'backup-home-warning');

    await page.goto(`${host.url}#/settings`);
    await page.getByLabel('Backup folder').fill(path.join(folder, 'missing'));
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await expect.poll(() => page.getByText(/does not exist or cannot be reached/).first().isVisible()).toBe(true);
    await page.getByLabel('Backup folder').fill(folder);
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await expect.poll(() => page.getByText(`Backups will go to ${folder}.`).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(Back up now\), \d+\.\d MB$/);
    // The backup and the keyring that opens it.
    const written = fs.readdirSync(folder).filter((n) => n.startsWith('panel-backup-')).sort();
    expect(written).toEqual([expect.stringMatching(/\.db$/), expect.stringMatching(/\.db\.keyring\.json$/)]);
    await page.getByRole('heading', { name: 'Backups' }).scrollIntoViewIfNeeded();
    await shot(page, 'backup-settings');

    await page.goto(`${host.url}#/`);
    await expect.poll(() => page.locator('h1').first().isVisible()).toBe(true);
    expect(await page.getByTestId('backup-warning').count()).toBe(0);
  });

  it('restore shows the backup first, needs the confirm box, then reopens on the restored register', async () => {
    const before = await api<{ caseCount: number }>(host, 'app.info');
    // A change after the backup, which the restore takes away.
    await api(host, 'referrals.create', {
      register: 'CME',
      child: { forenames: 'Restorando', surname: 'Testcase', dateOfBirth: '2014-05-12', gender: 'female' },
      case: { dateNotified: '2026-10-01', source: 'school', reason: 'whereabouts_unknown', lastSchool: 'Northbridge Academy', lastAttendance: '2026-09-15' },
    });
    expect((await api<{ caseCount: number }>(host, 'app.info')).caseCount).toBe(before.caseCount + 1);

    await page.goto(`${host.url}#/settings`);
    await page.getByRole('button', { name: /^Restore the backup taken/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
    await expect.poll(() => dialog.getByTestId('restore-preview').textContent()).toMatch(new RegExp(`Cases${before.caseCount.toLocaleString('en-GB')} \\(`));
    await expect.poll(() => dialog.getByText('Passed').isVisible()).toBe(true);
    await shot(page, 'backup-restore-preview');
    await dialog.getByRole('button', { name: 'Back up this register, then restore' }).click();
    await expect.poll(() => dialog.getByText(/Tick .* to go on/).isVisible()).toBe(true);
    await dialog.getByLabel('I want to replace the register with this backup').check();
    await dialog.getByRole('button', { name: 'Back up this register, then restore' }).click();
    await expect.poll(() => page.getByText(/^Restored the backup taken .* The register as it was before is kept at /).isVisible()).toBe(true);
    expect((await api<{ caseCount: number }>(host, 'app.info')).caseCount).toBe(before.caseCount);
    expect(fs.readdirSync(folder).some((n) => /-before-restore\.db$/.test(n))).toBe(true);
    await shot(page, 'backup-restored');
  });

  it('a manager sees the records past retention and erases one, then several, after confirming', async () => {
    // A short rule so the demo register (children born 2005 onwards) has records past it.
    await page.goto(`${host.url}#/settings`);
    await page.getByLabel('CME: keep closed records').selectOption('after_closure');
    await page.getByLabel('CME: years').fill('1');
    await page.getByRole('button', { name: 'Save retention rules' }).click();
    await expect.poll(() => page.getByText(/^Saved\. CME records are kept for 1 year after the case closed; PMOE records until the child’s 25th birthday\./).isVisible()).toBe(true);
    // Signed in as a manager (openDemoApp): the list is there without choosing anyone.
    const table = page.getByRole('table', { name: 'Records past retention' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    const total = Number((await page.getByText(/past retention/).filter({ hasText: /records are past retention/ }).first().textContent())!.replace(/[^\d].*$/s, '').replace(/,/g, ''));
    await page.getByRole('heading', { name: 'Past retention' }).scrollIntoViewIfNeeded();
    await shot(page, 'retention-list');
    const first = table.locator('tbody tr').first();
    const name = (await first.locator('td').nth(1).textContent())!;
    await first.getByRole('button', { name: `Erase ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Erase ${name}’s records` });
    await dialog.getByLabel('Erase this child’s personal data from the register').check();
    await shot(page, 'retention-erase-confirm');
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await expect.poll(() => page.getByText(/^Erased .*: \d+ cases? removed and \d+ audit entries blanked/).isVisible()).toBe(true);
    await expect.poll(async () => (await api<{ total: number }>(host, 'retention.pastList', {})).total).toBe(total - 1);

    // Several at once: tick two, erase selected.
    await expect.poll(() => page.getByText(`${(total - 1).toLocaleString('en-GB')} children’s records are past retention`).isVisible()).toBe(true);
    const rows = table.locator('tbody tr');
    for (const i of [0, 1]) await rows.nth(i).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Erase selected (2)…' }).click();
    const many = page.getByRole('dialog', { name: 'Erase 2 children’s records' });
    await many.getByLabel('Erase these 2 children’s personal data from the register').check();
    await many.getByRole('button', { name: 'Erase for good' }).click();
    await expect.poll(() => page.getByText(/^Erased 2 children: \d+ cases? removed/).isVisible()).toBe(true);
    expect((await api<{ total: number }>(host, 'retention.pastList', {})).total).toBe(total - 3);
    // The chain still verifies after erasing: a fresh check (in the background on a register this size) comes back intact.
    await api(host, 'audit.verify', { atOpen: false });
    await expect.poll(async () => (await api<{ status: string }>(host, 'audit.verify', { atOpen: true })).status, { timeout: 60_000 }).toBe('intact');
  });

  it('the retention card keeps what the manager types while a save is in flight, and shows the saved rule', async () => {
    await page.goto(`${host.url}#/settings`);
    await page.getByLabel('CME: keep closed records').selectOption('after_closure');
    await expect.poll(() => page.getByLabel('PMOE: age').inputValue()).toBe('25');
    // Hold the save, and then the refetch it sets off, so the typing lands between them every time.
    const gate = () => { let open!: () => void; const opened = new Promise<void>((r) => { open = r; }); return { open, opened }; };
    const setHeld = gate(); const setRelease = gate(); const getHeld = gate(); const getRelease = gate();
    await page.route('**/api/retention.set', async (route) => { setHeld.open(); await setRelease.opened; await route.continue(); });
    await page.route('**/api/retention.get', async (route) => { getHeld.open(); await getRelease.opened; await route.continue(); });
    await page.getByLabel('CME: years').fill('2');
    await page.getByRole('button', { name: 'Save retention rules' }).click();
    await setHeld.opened;
    await page.getByLabel('PMOE: age').fill('30');
    setRelease.open();
    await expect.poll(() => page.getByText(/^Saved\. CME records are kept for 2 years after the case closed; PMOE records until the child’s 25th birthday\./).isVisible()).toBe(true);
    await getHeld.opened;
    // Another manager changes the CME rule before the refetch answers: the field the manager left
    // alone shows it, so we know the reply has been drawn; the one they typed in keeps their typing.
    await api(host, 'retention.set', { rules: { CME: { basis: 'after_closure', years: 3 }, PMOE: { basis: 'birthday', years: 25 } } });
    getRelease.open();
    await expect.poll(() => page.getByLabel('CME: years').inputValue()).toBe('3');
    expect(await page.getByLabel('PMOE: age').inputValue()).toBe('30');
    await page.unroute('**/api/retention.set');
    await page.unroute('**/api/retention.get');
    await page.getByRole('heading', { name: 'Retention', exact: true }).scrollIntoViewIfNeeded();
    await shot(page, 'retention-kept-typing');
    // Saving that sends what is on screen; the card then shows the saved rules.
    await page.getByRole('button', { name: 'Save retention rules' }).click();
    await expect.poll(() => page.getByText(/^Saved\. CME records are kept for 3 years after the case closed; PMOE records until the child’s 30th birthday\./).isVisible()).toBe(true);
    expect((await api<{ rules: { PMOE: { years: number } } }>(host, 'retention.get')).rules.PMOE.years).toBe(30);
    expect(await page.getByLabel('PMOE: age').inputValue()).toBe('30');
  });

  it('the retention card keeps an unsaved change over the refetch that follows an erasure', async () => {
    await api(host, 'retention.set', { rules: { CME: { basis: 'after_closure', years: 1 }, PMOE: { basis: 'birthday', years: 25 } } });
    await page.goto(`${host.url}#/settings`);
    await page.reload();
    await expect.poll(() => page.getByLabel('CME: years').inputValue()).toBe('1');
    await page.getByLabel('PMOE: age').fill('40');
    let held!: () => void;
    const getHeld = new Promise<void>((r) => { held = r; });
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    await page.route('**/api/retention.get', async (route) => { held(); await released; await route.continue(); });
    const first = page.getByRole('table', { name: 'Records past retention' }).locator('tbody tr').first();
    const name = (await first.locator('td').nth(1).textContent())!;
    await first.getByRole('button', { name: `Erase ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Erase ${name}’s records` });
    await dialog.getByLabel('Erase this child’s personal data from the register').check();
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await getHeld;
    // As above: a change to the field left alone shows when the refetch has been drawn.
    await api(host, 'retention.set', { rules: { CME: { basis: 'after_closure', years: 2 }, PMOE: { basis: 'birthday', years: 25 } } });
    release();
    await expect.poll(() => page.getByLabel('CME: years').inputValue()).toBe('2');
    expect(await page.getByLabel('PMOE: age').inputValue()).toBe('40');
    await page.unroute('**/api/retention.get');
  });

  it('the browser host backs up when it is stopped (Ctrl+C / SIGTERM)', async () => {
    const newest = () => fs.readdirSync(folder).filter((n) => /^panel-backup-.*\d\.db$/.test(n)).sort().pop();
    const before = newest();
    await host.stop('SIGTERM');
    // Rotation keeps one copy a day, so the newest name is what changes.
    expect(newest()).not.toBe(before);
    expect(newest()! > before!).toBe(true);
  });
});
