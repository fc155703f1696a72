// Server-side measurements for issue 12 (open, Home, register windows). Exported so the main
// bench (scripts/bench.ts) can print them in its table; `npx tsx scripts/bench/server.ts --db FILE`
// runs them alone. Benchmarks, not tests: nothing here asserts a time.
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../db/open';
import { applyKey } from '../../db/encryption';
import * as K from '../../db/keyring';
import { createApp, type App } from '../../electron/createApp';
import { BENCH_USER, registerFile, signInInProcess } from './registers';

export interface Sample {
  name: string;
  median: number;
  p95: number;
  samples: number;
  detail?: string;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

/** Runs fn `runs` times (after one warm-up unless cold) and reports median and p95 in ms. */
export function measure(name: string, fn: (i: number) => string | void, runs = 20, warm = true): Sample {
  if (warm) fn(-1);
  const times: number[] = [];
  let detail: string | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const out = fn(i);
    times.push(performance.now() - t);
    if (typeof out === 'string') detail = out;
  }
  return { name, median: quantile(times, 0.5), p95: quantile(times, 0.95), samples: runs, detail };
}

/** openDatabase on an existing register (with its key if encrypted), closed again each time (every run is a cold open of the file). */
export function measureOpen(file: string, runs = 20, key?: Buffer): Sample {
  return measure('openDatabase', () => void openDatabase(file, { key }).close(), runs, false);
}

function must<T>(app: App, method: string, input: unknown): T {
  const r = app.dispatch(method as never, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}
const mb = (x: unknown) => `${(JSON.stringify(x).length / 1e6).toFixed(3)} MB`;

/** The floor under opening: SQLite's quick integrity check of the file, which opening must run first. */
export function measureQuickCheck(file: string, runs = 20, key?: Buffer): Sample {
  const db = new Database(file, { readonly: true });
  try {
    if (key) applyKey(db, key);
    return measure('floor: PRAGMA quick_check alone', () => void db.pragma('quick_check(5)'), runs, false);
  } finally {
    db.close();
  }
}

/** The floor under Home and the register: one SELECT of the open cases' ids. */
export function measureOpenCasesSelect(db: Db, runs = 20): Sample {
  return measure('floor: SELECT the open cases', () => `${db.prepare(`SELECT id, status FROM cases WHERE status <> 'closed'`).raw().all().length} rows`, runs);
}

/** Home (dashboard.get), as the host runs it. */
export function measureHome(app: App, runs = 20): Sample {
  return measure('dashboard.get (Home)', () => mb(must(app, 'dashboard.get', {})), runs);
}

/** The whole register in one reply (register.list), what the screen loaded before paging. */
export function measureRegisterList(app: App, runs = 20): Sample {
  return measure('register.list (every case)', () => mb(must(app, 'register.list', {})), runs);
}

const DEFAULT_QUERY = { search: '', register: 'all', status: 'open', rag: 'all', officer: 'all', school: null, flag: 'all', movement: 'all', dueForPanel: false, longTerm: false, endOfCsa: false, sorting: [] };

/**
 * Opening the register screen: the first window of the default view (open cases). `fresh`
 * measures it after a write (the server's cached view is out of date), the worst case.
 */
export function measureRegisterOpen(app: App, db: Db, runs = 20, fresh = true): Sample {
  return measure(`register.page, first window${fresh ? ' after a write' : ''}`, () => {
    if (fresh) touch(db);
    return mb(must(app, 'register.page', { query: DEFAULT_QUERY, offset: 0, limit: 100 }));
  }, runs);
}

/** A keystroke in search: each sample asks for a longer prefix of a surname, as typing does. */
export function measureSearchKeystroke(app: App, runs = 20): Sample {
  // Surnames common on the demo register, typed a key at a time.
  const words = ['r', 'ri', 'rid', 'ridl', 'ridle', 'ridley', 'ridley m', 'ridley ma', 'f', 'fa', 'fai', 'fair', 'fairb', 'fairbr', 'fairbro', 'd', 'du', 'dun', 'duns', 'dunst'];
  return measure('register.page, search keystroke', (i) => {
    const w = words[(i + words.length) % words.length]!;
    const r = must<{ total: number }>(app, 'register.page', { query: { ...DEFAULT_QUERY, search: w }, offset: 0, limit: 100 });
    return `${r.total} matching`;
  }, runs);
}

/** A sort click: the default view sorted by a computed column, alternating direction. */
export function measureSortClick(app: App, runs = 20): Sample {
  return measure('register.page, sort click', (i) => void must(app, 'register.page', { query: { ...DEFAULT_QUERY, sorting: [{ id: i % 2 ? 'clocks' : 'child', desc: i % 4 < 2 }] }, offset: 0, limit: 100 }), runs);
}

/** Scrolling: windows further down an already-sorted view. */
export function measureScrollWindow(app: App, runs = 20): Sample {
  return measure('register.page, next window while scrolling', (i) => void must(app, 'register.page', { query: DEFAULT_QUERY, offset: ((i + 1) * 100) % 5000, limit: 100 }), runs);
}

/** A write the way the services make one: an audited setting, so every cache keyed on the data is out of date. */
function touch(db: Db) {
  const app = createApp(db, { version: 'bench', dbPath: '' });
  must(app, 'app.setUserName', { name: `Bench ${Math.random().toString(36).slice(2, 8)}` });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--db');
  const file = i >= 0 ? process.argv[i + 1]! : registerFile(50_000);
  const only = (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',');
  const want = (k: string) => !process.argv.includes('--only') || only.includes(k);
  const today = '2026-11-25';
  const out: Sample[] = [];
  // The bench's registers are encrypted (issue 13): the key from the keyring, as signing in unwraps it.
  const kr = K.readKeyring(K.keyringPath(file));
  const entry = kr && K.findUser(kr, BENCH_USER.name);
  const key = (kr && entry && K.unwrapKey(kr, K.userLabel(entry.userId), BENCH_USER.password, entry.wrapped)) || undefined;
  if (want('open')) out.push(measureQuickCheck(file, 20, key), measureOpen(file, 20, key));
  const session = key ? signInInProcess(file, () => today) : null;
  const db = session?.db() ?? openDatabase(file);
  const app = session?.current() ?? createApp(db, { today: () => today, version: 'bench', dbPath: file });
  if (want('home')) out.push(measureOpenCasesSelect(db), measureHome(app), measure('alerts.home (Home\'s clock alerts)', () => void must(app, 'alerts.home', {})));
  if (want('list')) out.push(measureRegisterList(app, 5));
  if (want('page')) {
    out.push(measureRegisterOpen(app, db));
    out.push(measureRegisterOpen(app, db, 20, false));
    out.push(measureScrollWindow(app));
    out.push(measureSearchKeystroke(app));
    out.push(measureSortClick(app));
  }
  for (const s of out) console.log(`${s.name.padEnd(48)} median ${s.median.toFixed(1).padStart(8)} ms  p95 ${s.p95.toFixed(1).padStart(8)} ms  (n=${s.samples})${s.detail ? `  ${s.detail}` : ''}`);
  if (session) session.close();
  else db.close();
}
