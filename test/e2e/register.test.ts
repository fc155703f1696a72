import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHost, launchBrowser, openApp, api, shot, chromiumAvailable, type Host } from './harness';

// A new user, on a new register, from first run to a closed case — through the real UI in Chromium.
describe.skipIf(!chromiumAvailable)('the register, end to end in Chromium', () => {
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

  it('first run: creates the first manager, shows the recovery key once, and starts an empty register', async () => {
    // The page shows 'Opening Panel…' until the host answers; wait for the first-run screen, don't read it once.
    await expect.poll(() => page.locator('body').innerText()).toContain('If the passwords are lost, the register is lost.');
    await page.getByLabel('Your name').fill('Jo Minute');
    await page.getByLabel('Password', { exact: true }).fill('minute taker password');
    await page.getByLabel('Password again').fill('minute taker passwort');
    await page.getByRole('button', { name: 'Create manager and recovery key' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('The two passwords are not the same');
    await page.getByLabel('Password again').fill('minute taker password');
    await page.getByRole('button', { name: 'Create manager and recovery key' }).click();
    const key = await page.getByTestId('recovery-key').innerText();
    expect(key).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    await shot(page, 'first-run-recovery-key');
    expect(await page.getByRole('button', { name: 'Continue to Panel' }).isDisabled()).toBe(true);
    await page.getByLabel(/I have printed or written down the recovery key/).check();
    await page.getByRole('button', { name: 'Continue to Panel' }).click();
    await page.getByRole('button', { name: /Start empty/ }).click();
    await expect.poll(() => page.locator('.sidebar .user').innerText()).toContain('Jo Minute');
    await page.getByRole('link', { name: 'Officers' }).click();
    await page.getByLabel('Officer name').fill('Priya Shah');
    await page.getByLabel('Job title').fill('CME Officer');
    await page.getByLabel('Team').selectOption({ label: 'CME' });
    await page.getByRole('button', { name: 'Add officer' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Officers' }).innerText()).toContain('Priya Shah');
  });

  it('refuses a referral with a date of birth in the future, saving nothing', async () => {
    await page.getByRole('link', { name: 'New referral' }).click();
    await page.getByLabel(/^CME/).check();
    await page.getByLabel('Forenames').fill('Amelia');
    await page.getByLabel('Surname').fill('Hartley');
    await page.getByLabel('Date of birth').fill('2031-03-12');
    await page.getByLabel('Gender').selectOption({ label: 'Female' });
    await page.getByLabel('Referral source').selectOption({ label: 'School' });
    await page.getByLabel('Reason', { exact: true }).selectOption({ label: 'Whereabouts unknown' });
    await page.getByLabel('Last school').fill('Northbridge Academy');
    await page.getByLabel('Address line 1').fill('12 Mill Lane');
    await page.getByRole('button', { name: 'Save referral' }).click();
    await expect.poll(() => page.locator('[role=alert]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Date of birth 12/03/2031 is in the future')]),
    );
    await shot(page, 'referral-error');
    expect(await api<unknown[]>(host, 'register.list')).toHaveLength(0);
  });

  let caseUrl = '';
  it('saves the corrected referral and opens its case', async () => {
    await page.getByLabel('Date of birth').fill('2014-05-12');
    await page.getByRole('button', { name: 'Save referral' }).click();
    await page.waitForURL(/#\/case\/\d+/);
    caseUrl = page.url();
    await expect.poll(() => page.locator('.case-head').innerText()).toContain('Amelia Hartley');
    expect(await page.locator('.case-head').innerText()).toMatch(/CME-\d{4}-0001/);
    const rows = await api<{ reference: string }[]>(host, 'register.list');
    expect(rows).toHaveLength(1);
  });

  it('finds the case from the register search', async () => {
    await page.getByRole('link', { name: 'Register', exact: true }).first().click();
    await page.getByLabel('Search the register').fill('hartley amel');
    const link = page.getByRole('link', { name: /CME-\d{4}-0001/ });
    await link.waitFor();
    await shot(page, 'register-search');
    await link.click();
    await page.waitForURL(caseUrl);
  });

  it('adds a check and a note', async () => {
    await page.getByRole('tab', { name: /Checks/ }).click();
    await page.getByLabel('Agency or database').selectOption({ label: 'Housing' });
    await page.getByLabel('Outcome').fill('No trace on the housing system');
    await page.getByRole('button', { name: 'Add check' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Checks' }).innerText()).toContain('No trace on the housing system');

    await page.getByRole('tab', { name: /Notes/ }).click();
    await page.getByLabel('Note', { exact: true }).fill('Spoke to the school: last seen on the trip to the coast.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Notes' }).innerText()).toContain('last seen on the trip');
  });

  it('sets the RAG rating and the lead officer', async () => {
    await page.getByRole('button', { name: 'Set RAG' }).click();
    await page.getByLabel('RAG rating', { exact: true }).selectOption('red');
    await page.getByLabel('Reason for rating').fill('Whereabouts unknown for six weeks');
    await page.getByRole('button', { name: 'Save RAG' }).click();
    await expect.poll(() => page.locator('.case-head').innerText()).toContain('Whereabouts unknown for six weeks');

    await page.getByRole('button', { name: 'Lead officer' }).click();
    const lead = page.getByLabel('Lead officer', { exact: true });
    const value = await lead.locator('option', { hasText: 'Priya Shah' }).getAttribute('value');
    await lead.selectOption(value!);
    await page.getByRole('button', { name: 'Save lead officer' }).click();
    await expect.poll(() => page.locator('.case-head').innerText()).toContain('Lead officer: Priya Shah');
  });

  it('closes the case with a reason, and the history shows everything', async () => {
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByLabel('Closure reason', { exact: true }).selectOption({ label: 'On roll and attending a school' });
    await page.getByLabel('Evidence').fill('St Aidan’s office confirmed she started on Monday');
    // The detail the reason needs is asked for by name, and required.
    await page.getByRole('dialog').getByRole('button', { name: 'Propose closure' }).click();
    await expect.poll(() => page.getByRole('dialog').innerText()).toContain('Destination school is required');
    await page.getByLabel('Destination school').fill('St Aidan’s CE Primary');
    // A confirmed outcome with no safeguarding flags closes on the officer's proposal (003 App. D).
    await page.getByRole('dialog').getByRole('button', { name: 'Propose closure' }).click();
    await expect.poll(() => page.locator('.case-head').innerText()).toContain('Closed');

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'History' });
    await expect.poll(() => history.innerText()).toContain('Closure reason');
    const text = await history.innerText();
    for (const expected of ['Case added', 'Child added', 'Check added', 'No trace on the housing system', 'Note added', 'RAG rating', 'Red', 'Lead officer', 'Priya Shah', 'Status', 'Closed', 'St Aidan’s CE Primary', 'Jo Minute']) {
      expect(text).toContain(expected);
    }
    await shot(page, 'case-history');
  });

  it('keeps a name typed the moment the authority box opens, before the saved name was filled in', async () => {
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    // Types in the same task that makes the box editable, before React's effects run: the race a
    // fast typist (or a test) hit, which put "Your local authority" back over what was typed.
    await page.evaluate(() => {
      const typed = 'Typed as the form opened';
      const observer = new MutationObserver(() => {
        const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Local authority name'));
        const input = label?.htmlFor ? (document.getElementById(label.htmlFor) as HTMLInputElement | null) : null;
        if (!input || input.readOnly) return;
        observer.disconnect();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, typed);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['readonly'] });
    });
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expect.poll(() => page.getByLabel('Local authority name').inputValue()).toBe('Typed as the form opened');
    // Long enough for any late fill to land; nothing is saved, and leaving drops the form.
    await page.waitForTimeout(300);
    expect(await page.getByLabel('Local authority name').inputValue()).toBe('Typed as the form opened');
    await page.getByRole('link', { name: 'Home', exact: true }).click();
  });

  it('sets the authority’s name and logo for the minutes in Settings', async () => {
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    // As a person would: the saved name is on screen before they change it.
    await expect.poll(() => page.getByLabel('Local authority name').inputValue()).toBe('Your local authority');
    await page.getByLabel('Local authority name').fill('Northbridge Borough Council');
    await expect.poll(() => page.getByLabel('Local authority name').inputValue()).toBe('Northbridge Borough Council');
    await page.getByLabel('Logo', { exact: true }).setInputFiles(new URL('../../renderer/public/favicon.svg', import.meta.url).pathname);
    await page.getByRole('img', { name: 'Current logo' }).waitFor();
    await page.getByRole('button', { name: 'Save authority' }).click();
    await expect
      .poll(() => api<{ name: string; logo: string | null }>(host, 'settings.getAuthority'))
      .toMatchObject({ name: 'Northbridge Borough Council', logo: expect.stringMatching(/^data:image\/svg\+xml;base64,/) });
    await shot(page, 'settings');
  });
});
