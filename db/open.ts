import fs from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { AppError } from '../shared/api/errors';
import { sealAudit, type AuditCheck } from './auditChain';
import { auditStatus, startAuditCheck } from './auditVerifier';
import { damagedMessage, storageError } from './storageErrors';
import { applyKey } from './encryption';
import { integrityResult, pageCount, quickCheckProblems, recordIntegrity, startIntegrityCheck } from './integrityCheck';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron's, in the desktop app). */
  nativeBinding?: string;
  /** Stop at this schema version (tests that migrate from an earlier version). */
  targetVersion?: number;
  /**
   * The register's key (db/keyring.ts unwraps it at sign-in): the file, its WAL and its journal are
   * then encrypted (db/encryption.ts). Without one the file is plain, as the unit tests' files are.
   */
  key?: Buffer;
  /** Check the audit chain before returning up to this many entries; above, in a worker (auditVerifier.ts). */
  auditInlineRows?: number;
  /**
   * Check the file's integrity before returning up to this many pages; above, in a worker after it
   * opens (integrityCheck.ts). Default: always before (restores, scripts); the hosts' sign-in passes
   * INTEGRITY_INLINE_PAGES so a large register opens without waiting for it.
   */
  integrityInlinePages?: number;
}

/** What the audit-chain check found when this register was opened; undefined while it is still running. */
export const auditCheckOnOpen = (db: Db): AuditCheck | undefined => {
  const s = auditStatus(db);
  return s && s.status !== 'checking' ? s : undefined;
};

/**
 * Opens (creating if needed) the register and brings its schema up to date.
 * Refuses, without touching it, a file written by a newer Panel, and a damaged file: the quick
 * integrity check runs before anything is written (even the journal mode) — except on a file larger
 * than `integrityInlinePages` with no migrations to run, which opens once its first read succeeds (a
 * wrong key or a file that is not a database fails there) and is checked in a worker (issue 12).
 * A new file is created readable and writable by its owner only (0600); SQLite gives its -wal and
 * -shm files the same mode.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:' && !fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'wx', 0o600));
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw storageError(err, file) ?? err;
  }
  try {
    if (options.key) {
      applyKey(db, options.key);
      // A plain SQLite build ignores PRAGMA cipher: refuse to write names into a file it won't encrypt.
      if (db.pragma('cipher', { simple: true }) !== 'sqlcipher') {
        throw new AppError('unavailable', 'This build of Panel cannot encrypt the register (its SQLite has no cipher support). Reinstall Panel.');
      }
    }
    // The first read: the header and the schema (a wrong key or not a database throws here).
    const pages = pageCount(db);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const target = options.targetVersion ?? SCHEMA_VERSION;
    // Migrations rewrite tables: never on a file not yet known to be whole.
    const inBackground = pages > (options.integrityInlinePages ?? Infinity) && schemaVersion(db) === target;
    if (!inBackground) {
      checkIntegrity(db, file);
      recordIntegrity(db, file, integrityResult(pages, []), { nativeBinding: options.nativeBinding, key: options.key });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: a committed minute survives a power cut, not just a crash of the app.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // So an INSERT OR REPLACE that deletes an audit row fires the audit's delete trigger too.
    db.pragma('recursive_triggers = ON');
    migrate(db, target, file);
    if (schemaVersion(db) >= AUDIT_CHAIN_VERSION) {
      sealAudit(db);
      startAuditCheck(db, file, { nativeBinding: options.nativeBinding, key: options.key, inlineUpTo: options.auditInlineRows });
    }
    for (const side of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(side)) fs.chmodSync(side, 0o600);
    if (inBackground) startIntegrityCheck(db, file, { nativeBinding: options.nativeBinding, key: options.key });
    return db;
  } catch (err) {
    db.close();
    throw storageError(err, file) ?? err;
  }
}

/** The schema version that added the audit hash chain (migration 007_hardening). */
export const AUDIT_CHAIN_VERSION = MIGRATIONS.findIndex((m) => m.name === 'hardening') + 1;

/** PRAGMA quick_check: every page readable and well-formed (not the slower index-vs-table check). */
function checkIntegrity(db: Db, file: string): void {
  let problems: string[];
  try {
    problems = quickCheckProblems(db, file);
  } catch (err) {
    throw storageError(err, file) ?? err;
  }
  if (problems.length > 0) throw new AppError('database_damaged', damagedMessage(file, problems.slice(0, 2).join('; ')));
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, target: number, file: string): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new AppError(
      'database_too_new',
      `The register at ${file} was written by a newer version of Panel (schema ${current}; this version ` +
        `understands up to ${SCHEMA_VERSION}). Install the newer Panel to open it. Nothing in the file has been changed.`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    // Each step is all-or-nothing: a failed migration leaves the previous version intact.
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
