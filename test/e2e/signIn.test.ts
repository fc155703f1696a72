import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHost, launchBrowser, openApp, api, shot, chromiumAvailable, signIn, E2E_MANAGER, type Host } from './harness';

// Issue 13: the register is opened by signing in; roles limit what each user can do; idle locks.
describe.skipIf(!chromiumAvailable)('signing in, end to end in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  let caseId = 0;

  beforeAll(async () => {
    host = await startHost();
    await api(host, 'app.setup', { mode: 'empty' });
    caseId = (await api<{ caseId: number }>(host, 'referrals.create', {
      register: 'CME',
      child: { forenames: 'Tomasz', surname: 'Wiśniewski', dateOfBirth: '2013-06-02', gender: 'male' },
      case: { dateNotified: '2026-10-01', source: 'school', reason: 'whereabouts_unknown', lastSchool: 'Northbridge Academy' },
    })).caseId;
    await api(host, 'session.signOut');
    browser = await launchBrowser();
    page = await openApp(browser, host);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const signInWith = async (name: string, password: string) => {
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('a locked app shows only the sign-in screen, and the API answers "locked"', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in to Panel');
    expect(await page.locator('body').innerText()).not.toContain('Wiśniewski');
    const r = await fetch(`${host.url}api/register.list`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('refuses a wrong password with a message, then signs in with the right one', async () => {
    await signInWith(E2E_MANAGER.name, 'not my password');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain("That name and password don't match");
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await shot(page, 'sign-in-wrong-password');
    await signInWith(E2E_MANAGER.name, E2E_MANAGER.password);
    await expect.poll(() => page.locator('.sidebar .user').innerText()).toContain(E2E_MANAGER.name);
    expect(await page.locator('.sidebar .user').innerText()).toContain('Manager');
  });

  it('a manager adds a panel member in Settings › Users', async () => {
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: 'Add user…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Sam Reid');
    await dialog.getByLabel('Role').selectOption({ label: 'Panel member' });
    await dialog.getByLabel('Password', { exact: true }).fill('violet tram sixteen');
    await dialog.getByLabel('Password again').fill('violet tram sixteen');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const users = page.getByRole('region', { name: 'Users' });
    await expect.poll(() => users.innerText()).toContain('Sam Reid');
    expect(await users.getByLabel('Role of Sam Reid').inputValue()).toBe('panel_member');
    await shot(page, 'settings-users');
  });

  it('a panel member reads the case but is offered no change, and the host refuses one', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in to Panel');
    await signInWith('Sam Reid', 'violet tram sixteen');
    await expect.poll(() => page.locator('.sidebar .user').innerText()).toContain('Panel member');
    expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).not.toContain('New referral');
    await page.goto(`${host.url}#/case/${caseId}`);
    await expect.poll(() => page.locator('.case-head').innerText()).toContain('Wiśniewski');
    expect(await page.getByRole('button', { name: 'Set RAG' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Close case/ }).count()).toBe(0);
    await shot(page, 'case-panel-member');
    const r = await fetch(`${host.url}api/cases.setRag`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: JSON.stringify({ id: caseId, rag: 'red', reason: 'Not seen' }) });
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining("A panel member can't make this change") } });
  });
});

describe.skipIf(!chromiumAvailable)('idle lock, end to end in Chromium', () => {
  let host: Host;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    // A short idle time for the test (the setting itself is in minutes, 15 by default).
    host = await startHost(undefined, 0, { env: { PANEL_IDLE_SECONDS: '3' } });
    await api(host, 'app.setup', { mode: 'empty' });
    browser = await launchBrowser();
    page = await openApp(browser, host);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('locks when left idle: the register leaves the screen, and signing in carries on', async () => {
    await expect.poll(() => page.locator('.sidebar .user').innerText()).toContain(E2E_MANAGER.name);
    // Nobody touches it: the host locks, and the page's next status check shows the sign-in screen.
    await page.getByRole('heading', { name: 'Sign in to Panel' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('status').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('left idle')]));
    expect(await page.locator('.sidebar').count()).toBe(0);
    await shot(page, 'sign-in-after-idle');
    await signIn(host);
    await page.reload();
    await expect.poll(() => page.locator('.sidebar .user').innerText()).toContain(E2E_MANAGER.name);
  });
});
