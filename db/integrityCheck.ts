import type Database from 'better-sqlite3';
import { storageError } from './storageErrors';
import { runRegisterCheck } from './workerEntry';

type Db = Database.Database;

/**
 * The register file's integrity for an open register (issue 12): SQLite's quick_check, every page
 * read (and, in an encrypted file, its HMAC checked) and well-formed. Over the whole file it costs
 * about 1 s at 10,000 cases and 10 s or more at 50,000 on a loaded machine, which sign-in used to
 * wait for. Now a small file is still checked before openDatabase returns; a larger one in a worker
 * thread over its own read-only connection with the key, as the audit chain is (auditVerifier.ts),
 * and the result is reported the same way (the banner on every page, Settings). What must refuse a
 * register at once still does so in openDatabase: a wrong key or a file that is not a database (its
 * first read), a newer schema, and a register with migrations to run (checked in full first).
 */
export interface IntegrityStatus {
  status: 'checking' | 'intact' | 'damaged';
  /** True only once the whole file has been checked and found intact. */
  ok: boolean;
  pages: number;
  /** What quick_check reported (at most 5 lines); empty unless damaged. */
  problems: string[];
  message: string;
}

/** Up to this many pages (4 MB at SQLite's 4 kB pages: about 50 ms) the file is checked before the register opens. */
export const INTEGRITY_INLINE_PAGES = 1_024;

/** At most this many problems are listed: enough to say where, not a page of SQLite internals. */
const MAX_PROBLEMS = 5;

interface Entry {
  file: string;
  nativeBinding?: string;
  key?: Buffer;
  status: IntegrityStatus;
  settled: Promise<IntegrityStatus>;
  running: boolean;
}
const entries = new WeakMap<Db, Entry>();

/** quick_check's findings, [] when the file is whole. A page that cannot be read (a failed HMAC) is a finding too. */
export function quickCheckProblems(db: Db, file?: string): string[] {
  try {
    const rows = (db.pragma(`quick_check(${MAX_PROBLEMS})`) as { quick_check: string }[]).map((r) => r.quick_check);
    if (rows.length === 1 && rows[0] === 'ok') return [];
    // One finding a line, without SQLite's "*** in database main ***" headings.
    const lines = rows.flatMap((r) => r.split('\n')).map((l) => l.trim()).filter((l) => l && !/^\*\*\* in database/.test(l));
    return (lines.length > 0 ? lines : rows).slice(0, MAX_PROBLEMS);
  } catch (err) {
    if (storageError(err, file)?.code === 'database_damaged') return [(err as Error).message];
    throw err;
  }
}

export const pageCount = (db: Db): number => db.pragma('page_count', { simple: true }) as number;

export function integrityResult(pages: number, problems: string[]): IntegrityStatus {
  if (problems.length === 0) {
    return { status: 'intact', ok: true, pages, problems, message: `The register file is intact: all ${pages.toLocaleString('en-GB')} pages were read and are well formed.` };
  }
  return {
    status: 'damaged',
    ok: false,
    pages,
    problems,
    // SQLite's own words ("Tree 23 page 2299: unable to get the page") are for IT: Settings lists them.
    message:
      'The register file is damaged: some of its pages cannot be read. To keep the damage from spreading, Panel is not saving ' +
      'changes to it: you can still read the register. A manager should restore the most recent backup (Settings, Backups); ' +
      'keep the damaged file as it is and tell IT.',
  };
}

function checking(pages: number): IntegrityStatus {
  const mb = Math.max(1, Math.round((pages * 4096) / 1e6));
  return {
    status: 'checking',
    ok: false,
    pages,
    problems: [],
    message: `Checking the register file… (about ${mb.toLocaleString('en-GB')} MB; this takes a few seconds for a large register).`,
  };
}

/** Records a check made before the register opened (openDatabase's inline check). */
export function recordIntegrity(db: Db, file: string, status: IntegrityStatus, options: { nativeBinding?: string; key?: Buffer } = {}): void {
  entries.set(db, { file, nativeBinding: options.nativeBinding, key: options.key ? Buffer.from(options.key) : undefined, status, settled: Promise.resolve(status), running: false });
}

/** Starts checking `db`'s file (opened from `file`) in a worker; a check already running is left to finish. */
export function startIntegrityCheck(db: Db, file: string, options: { nativeBinding?: string; key?: Buffer } = {}): IntegrityStatus {
  const prior = entries.get(db);
  if (prior?.running) return prior.status;
  const key = options.key ? Buffer.from(options.key) : prior?.key;
  const nativeBinding = options.nativeBinding ?? prior?.nativeBinding;
  const pages = pageCount(db);
  const entry: Entry = { file, nativeBinding, key, status: checking(pages), settled: Promise.resolve(null as never), running: true };
  entries.set(db, entry);
  if (file === ':memory:' || file === '') {
    entry.status = integrityResult(pages, quickCheckProblems(db, file));
    entry.settled = Promise.resolve(entry.status);
    entry.running = false;
    return entry.status;
  }
  entry.settled = inWorker(file, nativeBinding, key, () => db.open)
    // A worker that cannot start (a damaged install) must not leave the file unchecked: check it here.
    .catch(() => (db.open ? quickCheckProblems(db, file) : Promise.reject(new Error('The register was closed before its file was checked.'))))
    .then((problems) => {
      entry.status = integrityResult(pages, problems);
      return entry.status;
    })
    .finally(() => {
      entry.running = false;
    });
  entry.settled.catch(() => undefined);
  return entry.status;
}

/** The file check's state for this register: checking, intact or damaged. */
export function integrityStatus(db: Db): IntegrityStatus | undefined {
  return entries.get(db)?.status;
}

/** True once a check of this register's file has found it damaged. */
export const knownDamaged = (db: Db): boolean => entries.get(db)?.status.status === 'damaged';

/** Resolves with the running (or last) check's result. */
export function integrityCheckSettled(db: Db): Promise<IntegrityStatus> | undefined {
  return entries.get(db)?.settled;
}

/** Checks the file again, in a worker (Settings' "Check now"). */
export function recheckIntegrity(db: Db): IntegrityStatus {
  return startIntegrityCheck(db, entries.get(db)?.file ?? db.name, {});
}

/** `stillOpen`: polled; once the register is closed the check is stopped (nobody can see its result). */
function inWorker(file: string, nativeBinding: string | undefined, key: Buffer | undefined, stillOpen: () => boolean): Promise<string[]> {
  return runRegisterCheck<string[]>('integrityWorker', { file, nativeBinding, key }, stillOpen, (m) => (Array.isArray(m.problems) ? (m.problems as string[]) : undefined), 'The register file check');
}
