import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { openDatabase, type Db, type OpenOptions } from '../../../db/open';
import type { WriteContext } from '../../../db/audit';
import { backupKeyringPath, inspectBackup, syncFolder, type BackupOpenOptions } from '../../../db/backup';
import { keyringPath, readKeyring, writeKeyring, type Keyring } from '../../../db/keyring';
import { prepareRestore, swapInRestored } from '../../../db/restore';
import { SCHEMA_VERSION } from '../../../db/migrations';
import { AppError } from '../../../shared/api/errors';
import { withKeyringLockSync } from '../../../db/keyringLock';
import type { BackupPreview } from '../../../shared/api/backups';
import { parseBackupFileName } from '../../../shared/domain/backupRotation';
import { backupFolder, englandStamp, fallbackFolder, logBackup, runBackup } from './backups';

type Preview = z.infer<typeof BackupPreview>;

/** The id of the register's keyring (null for a plain register): an encrypted backup's own keyring must carry the same. */
export const registerIdOf = (dbPath: string): string | null => {
  try {
    return readKeyring(keyringPath(dbPath))?.registerId ?? null;
  } catch {
    return null;
  }
};

/**
 * A backup's contents and checks, as Settings and `npm run restore` show them before restoring. An
 * encrypted backup is opened with the register's key (`options.key`) and must have its own keyring
 * copy beside it, belonging to `registerId` when given.
 */
export function previewBackup(file: string, options: BackupOpenOptions = {}, checks: { auditChain?: boolean; registerId?: string | null } = {}): Preview {
  const resolved = path.resolve(file);
  const i = inspectBackup(resolved, SCHEMA_VERSION, options, checks);
  const stamp = parseBackupFileName(path.basename(resolved));
  return {
    file: resolved,
    name: path.basename(resolved),
    takenDate: stamp?.date ?? null,
    takenTime: stamp?.time ?? null,
    lastChangeAt: i.lastChangeAt,
    bytes: i.bytes,
    schemaVersion: i.schemaVersion,
    children: i.children,
    cases: i.cases,
    openCases: i.openCases,
    quickCheck: i.quickCheck,
    auditOk: i.audit ? i.audit.ok : null,
    auditRows: i.audit?.rows ?? 0,
    auditMessage: i.audit?.message ?? null,
    problems: i.problems,
    restorable: i.problems.length === 0,
  };
}

export interface RestoreRequest {
  dbPath: string;
  backupFile: string;
  /** The register as it is open now, or null when it cannot be opened (damaged): it is then copied byte for byte. */
  current: Db | null;
  /** Where the copy of the current register goes when it has no backup folder (and for a damaged one). */
  safetyFolder?: string;
  openOptions?: OpenOptions;
  ctx: WriteContext;
}

export interface RestoreOutcome {
  db: Db;
  restored: Preview;
  safetyCopy: string;
}

/**
 * Replaces the register with a backup. In order, stopping at the first failure with the register as
 * it was: check the backup; back up the current register (its chosen folder, else beside it); copy
 * and open the backup beside the register (schema brought up to date, audit chain verified); close the
 * current register; swap the copy in atomically; reopen; record the restore in the restored register.
 * `current` is closed by this function once the copy is ready.
 */
export function restoreFromBackup(req: RestoreRequest): RestoreOutcome {
  const { dbPath, ctx } = req;
  // The audit chain is walked once, when the prepared copy is opened below (minutes on a large register if done twice).
  const restored = previewBackup(req.backupFile, req.openOptions, { auditChain: false, registerId: registerIdOf(dbPath) });
  if (!restored.restorable) throw new AppError('invalid_input', `This backup cannot be restored: ${restored.problems.join(' ')}`, 'file');
  if (path.resolve(restored.file) === path.resolve(dbPath)) throw new AppError('invalid_input', 'That is the register itself, not a backup of it. Choose a file from the backup folder.', 'file');

  const chosen = (req.current ? backupFolder(req.current) : null) ?? req.safetyFolder ?? null;
  // The chosen folder is never created here: a network drive that is not connected must fail, not fill a local folder.
  const folder = chosen ?? fallbackFolder(dbPath);
  if (!chosen) fs.mkdirSync(folder, { recursive: true });
  let safetyCopy: string;
  let safetyIsBackup = false;
  if (req.current) {
    try {
      safetyCopy = runBackup(req.current, ctx, { kind: 'before_restore', folder, rotate: false }).file!;
      safetyIsBackup = true;
    } catch (err) {
      // Folder gone or full: the restore stops here, so the register is never replaced unbacked.
      // A register damaged while open cannot be copied page by page: keep its bytes as they are.
      if (!(err instanceof AppError && err.code === 'database_damaged')) throw err;
      safetyCopy = copyDamaged(dbPath, folder, ctx);
    }
  } else {
    safetyCopy = copyDamaged(dbPath, folder, ctx);
  }

  const prepared = prepareRestore(restored.file, dbPath, req.openOptions);
  // Checked before anything changes; staged and swapped in the keyring's turn below.
  const backupKeyring = req.openOptions?.key ? keyringOfBackup(restored.file) : null;
  if (req.current?.open) req.current.close();
  swapInRestored(prepared, dbPath);
  // The backup's users and passwords come back with it (its users table and its keyring belong together).
  // Either keyring opens the restored file (the key never changes), so the order of the two renames is safe.
  // Staged in the keyring's turn, so wrong tries a command-line tool counted meanwhile are carried over too.
  if (backupKeyring) withKeyringLockSync(keyringPath(dbPath), () => fs.renameSync(stageKeyring(backupKeyring, dbPath), keyringPath(dbPath)));
  const db = openDatabase(dbPath, req.openOptions);
  // The copy of the old register is a backup too: the restored register's log says so (its own log predates it).
  if (safetyIsBackup) logBackup(db, ctx, { kind: 'before_restore', folder, file: safetyCopy, ok: true, bytes: fs.statSync(safetyCopy).size, message: null });
  logBackup(db, ctx, { kind: 'restore', folder: path.dirname(restored.file), file: restored.file, ok: true, bytes: restored.bytes, message: `The register as it was before is kept at ${safetyCopy}.` });
  return { db, restored, safetyCopy };
}

/** The keyring beside an encrypted backup: without it the restored register could not be opened. */
function keyringOfBackup(backupFile: string): Keyring {
  const fromBackup = readKeyring(backupKeyringPath(backupFile));
  if (!fromBackup) throw new AppError('invalid_input', `The backup's keyring (${path.basename(backupKeyringPath(backupFile))}) is not beside it, so the restored register could not be opened. Nothing was changed.`, 'file');
  return fromBackup;
}

/**
 * The backup's keyring, ready beside the register's under a temporary name. Failed sign-ins not yet
 * written to an audit trail are the current register's and carry over.
 */
function stageKeyring(fromBackup: Keyring, dbPath: string): string {
  let now = null;
  try {
    now = readKeyring(keyringPath(dbPath));
  } catch {
    // The current keyring is unreadable: the backup's replaces it as it is.
  }
  const staged = `${keyringPath(dbPath)}.restoring`;
  writeKeyring(staged, { ...fromBackup, failures: now?.failures ?? fromBackup.failures, unrecorded: now?.unrecorded ?? [] });
  return staged;
}

/** A register that cannot be opened is kept byte for byte (with its -wal), under a name rotation never touches. */
function copyDamaged(dbPath: string, folder: string, ctx: WriteContext): string {
  const s = englandStamp(new Date(ctx.now()));
  const target = path.join(folder, `panel-before-restore-${s.date}-${s.time.replace(/:/g, '')}.db`);
  if (fs.existsSync(dbPath)) {
    fs.copyFileSync(dbPath, target, fs.constants.COPYFILE_EXCL);
    if (fs.existsSync(`${dbPath}-wal`)) fs.copyFileSync(`${dbPath}-wal`, `${target}-wal`);
    // Its keyring too: without it the copy could never be opened.
    if (fs.existsSync(keyringPath(dbPath))) fs.copyFileSync(keyringPath(dbPath), backupKeyringPath(target));
    fs.chmodSync(target, 0o600);
    syncFolder(folder);
  }
  return target;
}
