// The bench's registers: a demo register of N cases, built once through the real services and
// cached under .cache/ (a 50,000-case build takes minutes), each with a 60-item CME meeting run in
// full for the minutes row and a live meeting for the projector row. Built plain, then set up as
// the app sets up an existing register (issue 13): session.setup encrypts it in place and writes
// its keyring beside it, so every row measures the encrypted register a user opens.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../db/open';
import { keyringPath } from '../../db/keyring';
import { loadDemo } from '../../db/demo/register';
import { createApp } from '../../electron/createApp';
import { createSessionHost, type SessionHost } from '../../electron/session/sessionHost';

/** The bench's fixed "today", so every run sees the same clocks and agenda. */
export const BENCH_TODAY = '2026-11-25';
/** Items in the minutes row's meeting (the "minutes PDF, 60 items"). */
export const MINUTES_ITEMS = 60;

export interface BenchRegister {
  file: string;
  cases: number;
  /** A closed 60-item CME meeting, for the minutes PDF. */
  minutesMeetingId: number;
  /** A CME meeting in progress, for cockpit → projector. */
  liveMeetingId: number;
}

const META_KEY = 'bench_meta';

/** The manager every bench register is set up with (a bench password, not a secret). */
export const BENCH_USER = { name: 'Bench Manager', password: 'bench register password' };

/**
 * The cache name carries "enc": the plain `bench-N.db` files of the bench before issue 13 are
 * never taken for one of these (a plain file would make the host ask for set-up, not sign-in).
 */
export function registerFile(cases: number, dir = '.cache'): string {
  return path.resolve(dir, `bench-enc-${cases}.db`);
}

/** Signs in to the encrypted register in this process, as the hosts do (createSessionHost + session.signIn). */
export function signInInProcess(file: string, today?: () => string): SessionHost {
  const host = createSessionHost({ dbPath: file, version: 'bench', today, idleCheckMs: 0 });
  const r = host.dispatch('session.signIn', BENCH_USER);
  if (!r.ok) {
    host.close();
    throw new Error(`session.signIn: ${r.error.message}`);
  }
  return host;
}

function cachedMeta(file: string): Omit<BenchRegister, 'file' | 'cases'> | null {
  if (!fs.existsSync(file) || !fs.existsSync(keyringPath(file))) return null;
  let host: SessionHost;
  try {
    host = signInInProcess(file);
  } catch {
    return null;
  }
  try {
    const meta = host.db()!.prepare('SELECT value FROM settings WHERE key = ?').get(META_KEY) as { value: string } | undefined;
    return meta ? (JSON.parse(meta.value) as Omit<BenchRegister, 'file' | 'cases'>) : null;
  } finally {
    host.close();
  }
}

/** Opens (building first if needed) the cached, encrypted register of `cases` cases. */
export function ensureRegister(cases: number, log: (line: string) => void = console.log): BenchRegister {
  const file = registerFile(cases);
  const cached = cachedMeta(file);
  if (cached) return { file, cases, ...cached };
  // Unfinished or from an older bench: start again.
  for (const f of [file, `${file}-wal`, `${file}-shm`, keyringPath(file)]) fs.rmSync(f, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const t = performance.now();
  const db = openDatabase(file);
  // The registers the bench has measured since issue 12: held meetings only up to 5,000 cases (the
  // bench makes its own minutes and live meeting), so figures stay comparable across runs.
  try {
    db.transaction(() => loadDemo(db, { actor: 'Bench', source: 'demo', now: () => `${BENCH_TODAY}T09:00:00Z` }, { cases, today: BENCH_TODAY, meetings: cases <= 5000 }))();
    db.prepare("INSERT INTO settings (key, value) VALUES ('setup_done', '1') ON CONFLICT(key) DO UPDATE SET value = '1'").run();
    const meta = { minutesMeetingId: runMinutesMeeting(db), liveMeetingId: startLiveMeeting(db) };
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(META_KEY, JSON.stringify(meta));
    db.close();
    // Encrypted in place with a keyring beside it, as the app's first sign-in does to an existing register.
    const session = createSessionHost({ dbPath: file, version: 'bench', idleCheckMs: 0 });
    try {
      const r = session.dispatch('session.setup', BENCH_USER);
      if (!r.ok) throw new Error(`session.setup: ${r.error.message}`);
    } finally {
      session.close();
    }
    log(`built ${path.relative(process.cwd(), file)}: ${cases.toLocaleString('en-GB')} cases, encrypted, in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return { file, cases, ...meta };
  } finally {
    if (db.open) db.close();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bench set-up reads loosely typed values
type Ok = (method: string, args?: unknown) => any;

function services(db: Db): Ok {
  const { dispatch } = createApp(db, { today: () => BENCH_TODAY, version: 'bench', dbPath: 'bench' });
  return (method, args = {}) => {
    const r = dispatch(method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
}

/** Open CME cases not already on a meeting, straight from the table (whatever register.list returns). */
function openCmeReferences(db: Db, n: number, skip = 0): string[] {
  return (db.prepare("SELECT reference FROM cases WHERE register = 'CME' AND status != 'closed' ORDER BY id LIMIT ? OFFSET ?").all(n, skip) as { reference: string }[]).map((r) => r.reference);
}

/** A CME panel with 60 cases run in full: discussion, decisions, RAG, a review and two actions per case. */
function runMinutesMeeting(db: Db): number {
  const ok = services(db);
  const cme = ok('panels.list').find((p: { register: string }) => p.register === 'CME');
  const meetingId = ok('meetings.create', { panelId: cme.id, date: BENCH_TODAY, time: '10:00', venue: 'Committee Room 2' }).id as number;
  for (const reference of openCmeReferences(db, MINUTES_ITEMS)) ok('agenda.addCase', { meetingId, reference });
  const officers = ok('officers.list').filter((o: { active: boolean }) => o.active);
  const started = ok('meetings.start', { id: meetingId });
  const caseItems = started.items.filter((i: { kind: string; removed: boolean }) => i.kind === 'case' && !i.removed);
  caseItems.forEach((item: { id: number }, n: number) => {
    const it = ok('meetings.item', { itemId: item.id });
    const c = it.case;
    ok('items.record', {
      itemId: item.id,
      discussion: `${c.forenames} ${c.surname}: the lead officer reported the latest checks. The family has not replied to two letters; the last school has no forwarding details. Housing confirm the tenancy is still live.`,
      decisions: `Visit ${c.forenames} at home before the next panel; if not seen, refer to children's social care.`,
      outcome: 'continue',
    });
    ok('items.setRag', { itemId: item.id, rag: ['red', 'amber', 'green'][n % 3], reason: 'Reviewed at panel' });
    for (const a of c.openActions.slice(0, 1)) ok('items.reviewAction', { itemId: item.id, actionId: a.id, outcome: 'carried_forward', reason: 'Waiting for a reply', newDueDate: it.defaultDueDate });
    for (let k = 0; k < 2; k++) ok('items.createAction', { itemId: item.id, text: `Action ${k + 1} for ${c.reference}: visit and report back`, ownerId: officers[(n + k) % officers.length].id, dueDate: it.defaultDueDate });
  });
  ok('meetings.close', { id: meetingId });
  return meetingId;
}

/** A CME meeting in progress with a dozen cases, for the cockpit and the projector. */
function startLiveMeeting(db: Db): number {
  const ok = services(db);
  const cme = ok('panels.list').find((p: { register: string }) => p.register === 'CME');
  const meetingId = ok('meetings.create', { panelId: cme.id, date: '2026-11-18', time: '14:00', venue: 'Committee Room 1' }).id as number;
  for (const reference of openCmeReferences(db, 12, MINUTES_ITEMS)) ok('agenda.addCase', { meetingId, reference });
  ok('meetings.start', { id: meetingId });
  return meetingId;
}

// `tsx scripts/bench/registers.ts 1000 10000 50000` builds the caches ahead of a run.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const n of process.argv.slice(2).map(Number)) ensureRegister(n);
}
