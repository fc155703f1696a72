import type Database from 'better-sqlite3';
import { verifyAuditChain, type AuditCheck } from './auditChain';
import { runRegisterCheck } from './workerEntry';

type Db = Database.Database;

/**
 * Where the audit hash chain check stands for an open register (issue 12). Walking the chain takes
 * about 10 µs an entry: a fraction of a second for a small register, seconds for a large one
 * (580,000 entries on the 50,000-case demo). Small registers are checked before openDatabase
 * returns; larger ones in a worker thread over a read-only connection, so the register opens at
 * once and Settings and the banner say "checking" until the result is in. Every open walks the
 * whole chain again, so an entry altered outside Panel is reported after every restart.
 */
export type AuditStatus = (AuditCheck & { status: 'intact' | 'broken' }) | { status: 'checking'; ok: false; rows: number; firstBroken: null; message: string };

/** Up to this many entries the chain is checked before the register opens (about 0.1 s). */
export const AUDIT_INLINE_ROWS = 10_000;

interface Entry {
  file: string;
  nativeBinding?: string;
  /** The register's key (an encrypted register): the worker's own connection needs it too. */
  key?: Buffer;
  inlineUpTo: number;
  status: AuditStatus;
  settled: Promise<AuditCheck>;
  running: boolean;
}
const entries = new WeakMap<Db, Entry>();

export interface VerifyOptions {
  nativeBinding?: string;
  key?: Buffer;
  /** Check inline up to this many entries; above, in a worker. Defaults to AUDIT_INLINE_ROWS. */
  inlineUpTo?: number;
}

const done = (check: AuditCheck): AuditStatus => ({ ...check, status: check.ok ? 'intact' : 'broken' });

/** Starts checking the chain of `db` (opened from `file`); a check already running is left to finish. */
export function startAuditCheck(db: Db, file: string, options: VerifyOptions = {}): AuditStatus {
  const prior = entries.get(db);
  if (prior?.running) return prior.status;
  const inlineUpTo = options.inlineUpTo ?? prior?.inlineUpTo ?? AUDIT_INLINE_ROWS;
  const key = options.key ? Buffer.from(options.key) : prior?.key;
  const entry: Entry = { file, nativeBinding: options.nativeBinding ?? prior?.nativeBinding, key, inlineUpTo, status: prior?.status ?? checking(0), settled: Promise.resolve(null as never), running: false };
  entries.set(db, entry);
  const rows = (db.prepare('SELECT ifnull(max(id), 0) AS n FROM audit').get() as { n: number }).n;
  if (file === ':memory:' || file === '' || rows <= inlineUpTo) {
    entry.status = done(verifyAuditChain(db));
    entry.settled = Promise.resolve(entry.status);
    return entry.status;
  }
  entry.status = checking(rows);
  entry.running = true;
  entry.settled = inWorker(entry.file, entry.nativeBinding, entry.key, () => db.open)
    // A worker that cannot start (a damaged install) must not leave the chain unchecked: walk it here.
    .catch(() => (db.open ? verifyAuditChain(db) : Promise.reject(new Error('The register was closed before its audit trail was checked.'))))
    .then((check) => {
      entry.status = done(check);
      return check;
    })
    .finally(() => {
      entry.running = false;
    });
  entry.settled.catch(() => undefined);
  return entry.status;
}

/** The chain check's state for this register: checking, intact or broken at entry N. */
export function auditStatus(db: Db): AuditStatus | undefined {
  return entries.get(db)?.status;
}

/** Resolves with the running (or last) check's result. */
export function auditCheckSettled(db: Db): Promise<AuditCheck> | undefined {
  return entries.get(db)?.settled;
}

/** Checks again, the same way as on open (in a worker for a large register). */
export function recheckAudit(db: Db): AuditStatus {
  const e = entries.get(db);
  return startAuditCheck(db, e?.file ?? db.name, {});
}

function checking(rows: number): AuditStatus {
  return {
    status: 'checking',
    ok: false,
    rows,
    firstBroken: null,
    message: `Checking the audit trail… (${rows.toLocaleString('en-GB')} entries; this takes a few seconds for a large register).`,
  };
}

/** `stillOpen`: polled; once the register is closed the walk is stopped (nobody can see its result). */
function inWorker(file: string, nativeBinding: string | undefined, key: Buffer | undefined, stillOpen: () => boolean): Promise<AuditCheck> {
  return runRegisterCheck<AuditCheck>('auditWorker', { file, nativeBinding, key }, stillOpen, (m) => (m.check ? (m.check as AuditCheck) : undefined), 'The audit trail check');
}
