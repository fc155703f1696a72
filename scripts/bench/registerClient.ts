// The register screen as an officer feels it, in Chromium against the browser host (issue 12):
// navigation → first rows drawn (and the bytes sent for it), and keystroke in search → rows drawn.
//   npx tsx scripts/bench/registerClient.ts --db FILE [--runs 20]
// Exported for scripts/bench.ts. A benchmark, not a test: nothing here asserts a time.
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import type { Sample } from './server';
import { signInHost } from './host';
import { BENCH_USER, registerFile } from './registers';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const sample = (name: string, times: number[], detail?: string): Sample => ({ name, median: quantile(times, 0.5), p95: quantile(times, 0.95), samples: times.length, detail });

/** Starts the browser host on `db`; resolves with its url and token and a stop function. */
export async function startBrowserHost(db: string): Promise<{ url: string; token: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/server/main.ts', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PANEL_READY (\{.*\})/.exec(out);
      if (m) resolve(JSON.parse(m[1]!) as { url: string; token: string });
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
  return { ...ready, stop: () => void child.kill() };
}

/** tsx names functions with a helper (__name) that does not exist in the page: give the page one. */
export async function prepareForBench(page: Page): Promise<void> {
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
}

/** Navigation from Home to the register until the first case row is drawn; bytes of register replies. */
export async function measureOpenRegister(page: Page, runs = 20, beforeEach?: () => Promise<void>): Promise<Sample> {
  const times: number[] = [];
  let bytes = 0;
  let later = 0;
  page.on('response', (r) => {
    // The working set is asked for after the rows are drawn: counted apart.
    if (r.url().includes('/api/register.workingSet')) void r.body().then((b) => { later += b.length; }).catch(() => undefined);
    else if (r.url().includes('/api/register.')) void r.body().then((b) => { bytes += b.length; }).catch(() => undefined);
  });
  let sent = 0;
  let sentAfter = 0;
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => { location.hash = '#/'; });
    await page.waitForSelector('h1:has-text("Home"), h1', { state: 'visible' });
    await page.waitForTimeout(150);
    if (beforeEach) await beforeEach();
    bytes = 0;
    later = 0;
    times.push(await page.evaluate(() => new Promise<number>((resolve) => {
      const t0 = performance.now();
      location.hash = '#/register';
      const tick = () => (document.querySelector('.reg-body-row:not(.reg-loading-row)') ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(tick));
      tick();
    })));
    await page.waitForSelector('.reg-page[data-rows="local"]', { state: 'attached' });
    await page.waitForTimeout(200);
    sent = Math.max(sent, bytes);
    sentAfter = Math.max(sentAfter, later);
  }
  return sample('open register: navigation → rows drawn', times, `${(sent / 1e6).toFixed(3)} MB sent before the rows; working set after: ${(sentAfter / 1e6).toFixed(3)} MB`);
}

/** Typing a name into search one key at a time: each key → the new rows drawn. */
export async function measureKeystrokes(page: Page, word = 'smith', rounds = 4): Promise<Sample> {
  const times: number[] = [];
  const box = page.getByLabel('Search the register');
  for (let r = 0; r < rounds; r++) {
    await box.fill('');
    await page.waitForTimeout(300);
    for (const ch of word) {
      times.push(await page.evaluate((c) => new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('.reg-search input')!;
        const counts = () => document.querySelector('.reg-counts')?.textContent ?? '';
        const t0 = performance.now();
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setValue.call(input, input.value + c);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const tick = () => {
          const table = document.querySelector('.reg-table');
          const settled = (!table || table.getAttribute('aria-busy') !== 'true') && counts() !== '';
          if (settled) requestAnimationFrame(() => resolve(performance.now() - t0));
          else requestAnimationFrame(tick);
        };
        // The first frame after the key: React has rendered the keystroke by then.
        requestAnimationFrame(tick);
      }), ch));
    }
  }
  return sample('search keystroke → rows drawn', times);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
  const host = await startBrowserHost(arg('db', registerFile(50_000)));
  // The host starts locked (issue 13); the bench's registers have BENCH_USER as their manager.
  await signInHost(host, BENCH_USER);
  const browser = await chromium.launch({ executablePath: process.env.PANEL_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' })).newPage();
    await prepareForBench(page);
    await page.goto(`${host.url}#token=${host.token}`);
    await page.waitForSelector('h1');
    const runs = Number(arg('runs', '20'));
    const touch = async () => {
      await page.evaluate(async ({ url, token }) => {
        await fetch(`${url}api/app.setUserName`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `Bench ${Math.random().toString(36).slice(2, 7)}` }) });
      }, { url: host.url, token: host.token });
    };
    const out = [
      await measureOpenRegister(page, runs),
      { ...(await measureOpenRegister(page, runs, touch)), name: 'open register after a write (cache rebuilt)' },
      await measureKeystrokes(page, arg('word', 'smith'), Math.ceil(runs / 5)),
    ];
    for (const s of out) console.log(`${s.name.padEnd(48)} median ${s.median.toFixed(1).padStart(8)} ms  p95 ${s.p95.toFixed(1).padStart(8)} ms  (n=${s.samples})${s.detail ? `  ${s.detail}` : ''}`);
  } finally {
    await browser.close();
    host.stop();
  }
}
