import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db, OpenOptions } from './open';
import { verifyAuditChain, type AuditCheck } from './auditChain';
import { AppError } from '../shared/api/errors';
import { applyKey } from './encryption';
import { keyringPath, readKeyring } from './keyring';

/**
 * Backups of the register (issue 13). Two functions touch backup files, and only these two:
 * `writeBackup` makes one, `openBackupForInspection` opens one to read. An encrypted register's
 * backup is encrypted under the same key: VACUUM INTO writes the copy with the open connection's
 * cipher and key (test/unit/services/backups.test.ts greps a backup's bytes), and the register's
 * keyring (`<register>.keyring.json`) is copied beside it as `<backup>.keyring.json`, because a
 * register without its keyring cannot be opened by anyone.
 */

/** How to open a backup: the driver build, and (for an encrypted register) its key. */
export type BackupOpenOptions = Pick<OpenOptions, 'nativeBinding' | 'key'>;

/** The backup's own copy of the keyring that opens it. */
export const backupKeyringPath = keyringPath;

/** The name a backup is written under until it is complete; never mistaken for a backup by rotation or restore. */
export const partialName = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.partial`);

/**
 * Writes a consistent copy of the open register to `file`: VACUUM INTO reads one snapshot (a write
 * in progress on another connection is not in it, and is not blocked by it), into a temporary name
 * beside `file`, flushed to disk and then renamed, so a half-written copy never looks complete. The
 * open register is only read. Must not run inside a transaction (SQLite refuses VACUUM there).
 * Throws the underlying error; the callers turn it into a message (backupFailure).
 */
export function writeBackup(db: Db, file: string): { file: string; bytes: number } {
  if (fs.existsSync(file)) throw new AppError('conflict', `A backup called ${path.basename(file)} already exists in ${path.dirname(file)}.`);
  const partial = partialName(file);
  const registerKeyring = db.name && db.name !== ':memory:' ? keyringPath(db.name) : null;
  const keyringCopy = keyringPath(file);
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.chmodSync(partial, 0o600);
    fsyncFile(partial);
    // The keyring goes first: a backup that looks complete always has the keyring that opens it.
    if (registerKeyring && fs.existsSync(registerKeyring)) {
      fs.copyFileSync(registerKeyring, keyringCopy);
      fs.chmodSync(keyringCopy, 0o600);
      fsyncFile(keyringCopy);
    }
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(keyringCopy, { force: true });
    throw err;
  }
  syncFolder(path.dirname(file));
  return { file, bytes: fs.statSync(file).size };
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a folder's entries (the rename) where the system allows it; Windows cannot open a folder. */
export function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not supported here: the rename is still atomic, only its durability across a power cut is weaker.
  }
}

/**
 * Opens a backup read-only, to look inside it before restoring. The one place a backup is opened:
 * the register's key is applied right after `new Database`, before the first read.
 */
export function openBackupForInspection(file: string, options: BackupOpenOptions = {}): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    if (options.key) applyKey(db, options.key);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Why an encrypted backup could not be used even if it opens now: its own keyring copy must be beside
 * it (a restore puts that keyring beside the register), and be this register's (`registerId`).
 */
export function backupKeyringProblem(file: string, registerId: string | null): string | null {
  const copy = keyringPath(file);
  let kr;
  try {
    kr = readKeyring(copy);
  } catch (err) {
    return `The backup's keyring (${path.basename(copy)}) cannot be read: ${(err as Error).message}`;
  }
  if (!kr) {
    return `The backup's keyring (${path.basename(copy)}) is not beside it, and a register cannot be opened without its keyring. Copy the keyring file that was saved with this backup into the same folder.`;
  }
  if (registerId && kr.registerId !== registerId) return 'This is a backup of a different register (its keyring belongs to another register). Choose a backup of this register.';
  return null;
}

export interface BackupInspection {
  file: string;
  bytes: number;
  schemaVersion: number;
  children: number;
  cases: number;
  openCases: number;
  /** The newest change recorded in its audit trail (ISO), or null when none. */
  lastChangeAt: string | null;
  /** "ok", or what PRAGMA quick_check found. */
  quickCheck: string;
  audit: AuditCheck | null;
  /** Everything that stops a restore from this file, in words; empty when it can be restored. */
  problems: string[];
}

/**
 * What is in a backup: counts, its integrity (quick_check) and its audit chain. Never throws for a
 * bad file: an unreadable, damaged or foreign file comes back with its problems listed.
 */
export function inspectBackup(
  file: string,
  newestSchema: number,
  options: BackupOpenOptions = {},
  checks: { auditChain?: boolean; /** The open register's keyring id: an encrypted backup's keyring must match it. */ registerId?: string | null } = {},
): BackupInspection {
  const result: BackupInspection = {
    file, bytes: 0, schemaVersion: 0, children: 0, cases: 0, openCases: 0, lastChangeAt: null, quickCheck: 'not run', audit: null, problems: [],
  };
  if (!fs.existsSync(file)) {
    result.problems.push(`There is no file at ${file}. Check the name, and that the backup folder (or network drive) is connected.`);
    return result;
  }
  result.bytes = fs.statSync(file).size;
  const keyring = options.key ? backupKeyringProblem(file, checks.registerId ?? null) : null;
  if (keyring) result.problems.push(keyring);
  let db: Db | undefined;
  try {
    db = openBackupForInspection(file, options);
    result.quickCheck = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
    if (result.quickCheck !== 'ok') result.problems.push(`The backup is damaged (its integrity check found: ${result.quickCheck}). Choose an earlier backup.`);
    result.schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    if (!tables.has('children') || !tables.has('cases') || !tables.has('audit')) {
      result.problems.push('This file is not a Panel register. Choose a file Panel wrote into your backup folder (panel-backup-….db).');
      return result;
    }
    if (result.schemaVersion > newestSchema) {
      result.problems.push(`This backup was written by a newer version of Panel (schema ${result.schemaVersion}; this version understands up to ${newestSchema}). Install the newer Panel to restore it.`);
    }
    const one = (sql: string) => Number((db!.prepare(sql).get() as { n: number }).n);
    result.children = one('SELECT count(*) AS n FROM children');
    result.cases = one('SELECT count(*) AS n FROM cases');
    result.openCases = one(`SELECT count(*) AS n FROM cases WHERE status <> 'closed'`);
    result.lastChangeAt = (db.prepare('SELECT max(at) AS at FROM audit').get() as { at: string | null }).at;
    if (checks.auditChain !== false && result.quickCheck === 'ok' && hasColumn(db, 'audit', 'hash')) {
      result.audit = verifyAuditChain(db);
      if (!result.audit.ok) result.problems.push(result.audit.message);
    }
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    result.problems.push(
      code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')
        ? options.key
          ? 'This file is damaged, is not a Panel register, or is a backup of a different register (it does not open with this register’s key). Choose another backup.'
          : 'This file is damaged, is not a Panel register, or is encrypted (sign in with a user of the register it came from). Choose another backup.'
        : `The backup could not be read (${(err as Error).message}). Check that the folder is connected and you may read the file.`,
    );
  } finally {
    db?.close();
  }
  return result;
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).some((c) => c.name === column);
}

/** What a failed backup tells a person: which folder, what happened, what to do. The register is never affected. */
export function backupFailure(err: unknown, folder: string): AppError {
  if (err instanceof AppError) return err;
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  const tail = ' The open register is not affected, and nothing else was changed.';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('backup_failed', `The backup could not be written: the backup folder ${folder} is full. Free some space there (or choose another folder in Settings), then press Back up now.${tail}`);
  }
  if (code === 'ENOENT' || code === 'ENOTDIR' || code.startsWith('SQLITE_CANTOPEN') || code === 'EHOSTDOWN' || code === 'ENOTCONN' || code === 'ESTALE') {
    return new AppError('backup_failed', `The backup folder ${folder} cannot be reached. If it is on a network drive, check that the drive is connected; or choose another folder in Settings.${tail}`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return new AppError('backup_failed', `Panel may not write to the backup folder ${folder}. Ask IT for permission to write there, or choose another folder in Settings.${tail}`);
  }
  return new AppError('backup_failed', `The backup to ${folder} failed (${(err as Error)?.message ?? String(err)}). Try Back up now again; if it keeps failing, tell IT.${tail}`);
}
