// `npm run bench`: every row of issue 12's table, each beside its floor measured in the same run,
// as median / p95 over ≥ 20 samples and the ratio to the floor, at 1k / 10k / 50k cases.
//   npm run bench                               (1,000, 10,000 and 50,000 cases; 20 samples)
//   npm run bench -- --sizes 10000 --samples 30 --budget 60
//   npm run bench -- --quick                    (1,000 cases, 5 samples: a smoke run)
//   npm run bench -- --only service,browser     (some groups of rows: service, host, signin, browser, pdf)
// Registers are built once through the services, encrypted as the app's set-up does, and cached under
// .cache/ (scripts/bench/registers.ts); the hosts start locked and the bench signs in through their API.
// A row stops sampling at one size after --budget seconds (default 120), keeping what it has: the
// n column says how many. Needs the built UI (npx vite build) and Chromium (/usr/bin/chromium).
// Not a test: nothing here asserts a time. The table also goes to .cache/bench-results.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureRendererBuilt } from './pdf';
import { BENCH_USER, ensureRegister } from './bench/registers';
import { signInHost, startHost } from './bench/host';
import { launch } from './bench/browser';
import { browserRows, hostStartRow, pdfRow, serviceRows, signInRow } from './bench/rows';
import { parseOptions, renderTable, type BenchGroup, type BenchRow } from './bench/stats';

const opts = parseOptions(process.argv.slice(2));
const log = (line: string) => console.error(line);
ensureRendererBuilt();

const rows: BenchRow[] = [];
const failed = (measure: string, cases: number, err: unknown): BenchRow => ({
  measure,
  cases,
  summary: null,
  floor: null,
  target: '',
  error: (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160),
});
async function attempt(measure: string, cases: number, run: () => Promise<BenchRow | BenchRow[]>): Promise<void> {
  try {
    const r = await run();
    rows.push(...(Array.isArray(r) ? r : [r]));
  } catch (err) {
    log(`  ${measure} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    rows.push(failed(measure, cases, err));
  }
}

const browser = await launch();
try {
  for (const cases of opts.sizes) {
    log(`${cases.toLocaleString('en-GB')} cases`);
    const reg = ensureRegister(cases, log);
    const runs = (g: BenchGroup) => opts.only.has(g);
    if (runs('service')) await attempt('build agenda / Home', cases, () => serviceRows(reg, opts, log));
    if (runs('host')) {
      log('  browser host start');
      await attempt('browser host start', cases, () => hostStartRow(reg, opts));
    }
    if (!runs('signin') && !runs('browser') && !runs('pdf')) continue;
    // The host starts locked (issue 13): the sign-in row signs in and leaves it signed in for the browser rows.
    const host = await startHost(reg.file);
    try {
      if (runs('signin')) {
        log('  sign in → register open');
        await attempt('sign in → register open', cases, () => signInRow(reg, host, opts));
      }
      await signInHost(host, BENCH_USER);
      if (runs('browser')) await attempt('register and projector rows', cases, () => browserRows(reg, host, browser, opts, log));
      if (runs('pdf')) {
        log('  minutes PDF');
        await attempt('minutes PDF, 60 items, warm', cases, () => pdfRow(reg, host, browser, opts));
      }
    } finally {
      await host.stop();
    }
  }
} finally {
  await browser.close();
}

// One block per measure, its sizes in order, so growth reads down the table.
const order = [
  'build agenda',
  'open the register (navigation → rows drawn)',
  'keystroke in register search → rows drawn',
  'sort click → rows drawn',
  'filter select → rows drawn',
  'cockpit change → projector shows it',
  'minutes PDF, 60 items, warm',
  'Home (dashboard.get + alerts.home)',
  'memory with the register open',
  'browser host start',
  'sign in → register open',
];
const rank = (m: string) => (order.includes(m) ? order.indexOf(m) : order.length);
rows.sort((a, b) => rank(a.measure) - rank(b.measure) || a.cases - b.cases);

const cpus = os.cpus();
const header =
  `Panel bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ` +
  `load ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}; up to ${opts.samples} samples a row (budget ${opts.budgetS} s), Chromium ${await chromiumVersion()}`;
const table = `${header}\n\n${renderTable(rows)}\n`;
console.log(`\n${table}`);
fs.mkdirSync('.cache', { recursive: true });
fs.writeFileSync(path.resolve('.cache/bench-results.md'), table);

async function chromiumVersion(): Promise<string> {
  const b = await launch();
  try {
    return b.version();
  } finally {
    await b.close();
  }
}
