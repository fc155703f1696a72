import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempDir } from '../helpers/tempDb';
import { HOST_ENTRY, hostBundleStale } from '../../scripts/hostBundle.mjs';

export const CHROMIUM = process.env.PANEL_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM);

export interface Host {
  url: string;
  port: number;
  token: string;
  dbPath: string;
  process: ChildProcess;
  output: () => string;
  /** Stops the host; `signal` SIGKILL simulates a crash. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

/** The manager every end-to-end register is set up with (the host starts locked: issue 13). */
export const E2E_MANAGER = { name: 'Esme Manager', password: 'end to end password' };
/** The password of every other user the tests add (actAs). */
export const E2E_PASSWORD = 'end to end password';

export interface HostOptions {
  /** false: leave the host locked (the sign-in tests); default: set up or sign in as E2E_MANAGER. */
  signIn?: boolean;
  /** Extra environment, e.g. PANEL_IDLE_SECONDS for the idle-lock test. */
  env?: Record<string, string>;
}

/**
 * Starts the real browser host (its bundle, dist/host/main.mjs, as `npm start` and
 * `npm run start:browser` run it; globalSetup.ts builds it) on a free port and a database file,
 * then signs in (the session is the host's, so every page opened on it is signed in too).
 * `port` 0 picks a free one; pass a previous host's port to restart it where the browser expects it.
 */
export async function startHost(dbPath = path.join(tempDir('panel-e2e-'), 'panel.db'), port = 0, options: HostOptions = {}): Promise<Host> {
  // Never a stale host: a source changed since globalSetup built it fails the test, naming the file.
  const stale = hostBundleStale();
  if (stale) throw new Error(`The browser host's bundle is out of date (${stale}): run "npm run build:host", or run the tests again (they rebuild it).`);
  // One process (node itself, no loader or launcher in between) so a SIGKILL is a real crash.
  const child = spawn(process.execPath, [HOST_ENTRY, '--db', dbPath, '--port', String(port)], {
    cwd: root,
    env: { ...process.env, PANEL_CHECK_OUTPUTS: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const ready = await new Promise<{ url: string; token: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Browser host did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /PANEL_READY (\{.*\})/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]!) as { url: string; token: string; port: number });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`Browser host exited (${code}):\n${out}`)); });
  });
  const host: Host = {
    ...ready,
    dbPath,
    process: child,
    output: () => out,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
  if (options.signIn !== false) await signIn(host);
  return host;
}

/** Sets the register up with E2E_MANAGER (a new register) or signs in as them (a restarted host). */
export async function signIn(host: Host, user: { name: string; password: string } = E2E_MANAGER): Promise<void> {
  const status = await api<{ state: string }>(host, 'session.status');
  if (status.state === 'setup') await api(host, 'session.setup', user);
  else await api(host, 'session.signIn', user);
}

/** Signs in as `name` (a user with `role`, added by the manager if new): what the pages do is then recorded under that name. */
export async function actAs(host: Host, name: string, role: 'manager' | 'officer' | 'panel_member' = 'manager'): Promise<void> {
  await signIn(host);
  const users = await api<{ name: string }[]>(host, 'users.list');
  if (!users.some((u) => u.name === name)) await api(host, 'users.create', { name, role, password: E2E_PASSWORD });
  await api(host, 'session.signIn', { name, password: E2E_PASSWORD });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu', '--lang=en-GB'],
  });
}

/** The requests each page has in flight, but for the push stream (GET /events), which stays open. */
const inFlight = new WeakMap<Page, Set<unknown>>();

function trackRequests(page: Page): void {
  const open = new Set<unknown>();
  inFlight.set(page, open);
  page.on('request', (r) => {
    if (!new URL(r.url()).pathname.endsWith('/events')) open.add(r);
  });
  page.on('requestfinished', (r) => void open.delete(r));
  page.on('requestfailed', (r) => void open.delete(r));
}

/**
 * Waits until the page has had no request in flight for `quietMs`: what waitForLoadState('networkidle')
 * did before every page held the push stream open (it never goes idle now).
 */
export async function apiSettled(page: Page, quietMs = 300, timeoutMs = 20_000): Promise<void> {
  const open = inFlight.get(page);
  if (!open) throw new Error('apiSettled needs a page opened by openApp');
  const until = Date.now() + timeoutMs;
  let quietSince = Date.now();
  for (;;) {
    if (open.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() > until) throw new Error(`requests still in flight after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function openApp(browser: Browser, host: Host): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  trackRequests(page);
  page.on('pageerror', (e) => { throw e; });
  await page.goto(`${host.url}#token=${host.token}`);
  return page;
}

/** Calls the API as the page would, for assertions about what was (not) saved. */
export async function api<T>(host: Host, method: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

export const SHOTS = path.join(root, 'test-results');
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/** poppler-utils (pdftotext, pdfinfo, pdftoppm), which the PDF tests read their output with. */
export const pdfToolsAvailable = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A PDF's text (one page, or all), laid out as printed. */
export const pdfText = (pdf: string, page?: number): string =>
  execFileSync('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'], { encoding: 'utf8' });

export const pdfPages = (pdf: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

export interface AppInChromium { host: Host; browser: Browser; page: Page }

/** A new register's host, and Chromium with the app open on it (first run). */
export async function startAppInChromium(): Promise<AppInChromium> {
  const host = await startHost();
  const browser = await launchBrowser();
  const page = await openApp(browser, host);
  return { host, browser, page };
}

/** Closes what startAppInChromium opened; either may be missing when setting up failed. */
export async function stopAppInChromium(app: { host?: Host | undefined; browser?: Browser | undefined }): Promise<void> {
  await app.browser?.close();
  await app.host?.stop();
}

/** A new register filled with the demo at first run by `userName` (a signed-in manager), open in Chromium. */
export async function openDemoApp(userName: string): Promise<AppInChromium> {
  const { host, browser, page } = await startAppInChromium();
  await actAs(host, userName);
  await api(host, 'app.setup', { mode: 'demo' });
  await page.reload();
  return { host, browser, page };
}
