import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedSetting, type WriteContext } from '../../../db/audit';
import { backupFailure, backupKeyringPath, writeBackup } from '../../../db/backup';
import { AppError } from '../../../shared/api/errors';
import type { BackupLogEntry, BackupStatus, BackupFile } from '../../../shared/api/backups';
import { backupFileName, backupWarning, parseBackupFileName, rotateBackups, DEFAULT_ROTATION, type BackupStamp } from '../../../shared/domain/backupRotation';
import { getSetting } from '../context';
import { storageError } from '../../../db/storageErrors';

export type BackupKind = z.infer<typeof BackupLogEntry>['kind'];
type Entry = z.infer<typeof BackupLogEntry>;
type Status = z.infer<typeof BackupStatus>;

export const FOLDER_SETTING = 'backup_folder';

/** The folder automatic backups go to, or null until someone chooses one. */
export const backupFolder = (db: Db): string | null => getSetting(db, FOLDER_SETTING);

/** Where the copy taken before a restore goes when no backup folder is chosen: beside the register. */
export const fallbackFolder = (dbPath: string) => path.join(path.dirname(dbPath), 'Panel backups');

/** England's local date and time of `at` (backup names use it, so they read as the clock on the wall). */
export function englandStamp(at: Date): BackupStamp {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/** Checks a folder someone chose: it exists, is a folder, and Panel can write a file there. */
export function checkFolder(folder: string): void {
  if (!path.isAbsolute(folder)) {
    throw new AppError('invalid_input', `Backup folder must be a full path, such as ${process.platform === 'win32' ? 'H:\\Panel backups' : '/mnt/shared/Panel backups'}.`, 'folder');
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new AppError('invalid_input', `Backup folder ${folder} does not exist or cannot be reached. Create it (or connect the network drive) first, then choose it again.`, 'folder');
  }
  if (!stat.isDirectory()) throw new AppError('invalid_input', `Backup folder ${folder} is a file, not a folder. Choose the folder that should hold the backups.`, 'folder');
  const probe = path.join(folder, `.panel-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, '', { mode: 0o600 });
    fs.rmSync(probe, { force: true });
  } catch {
    throw new AppError('invalid_input', `Backup folder ${folder} cannot be written to. Ask IT for permission to write there, or choose another folder.`, 'folder');
  }
}

export function setBackupFolder(db: Db, ctx: WriteContext, folder: string): void {
  checkFolder(folder.trim());
  auditedSetting(db, ctx, FOLDER_SETTING, path.resolve(folder.trim()));
}

const entryOf = (r: Record<string, unknown>): Entry => ({
  at: String(r.at), kind: r.kind as BackupKind, folder: String(r.folder), file: r.file === null ? null : String(r.file), ok: r.ok === 1,
  bytes: r.bytes === null ? null : Number(r.bytes), message: r.message === null ? null : String(r.message), actor: String(r.actor),
});

/** Records a backup or a restore, with its audit row, in its own transaction. */
export function logBackup(db: Db, ctx: WriteContext, e: Omit<Entry, 'at' | 'actor'>): Entry {
  const row = { at: ctx.now(), kind: e.kind, folder: e.folder, file: e.file, ok: e.ok ? 1 : 0, bytes: e.bytes, message: e.message, actor: ctx.actor };
  db.transaction(() => auditedInsert(db, ctx, 'backup_log', { entity: 'backup' }, row))();
  return entryOf(row);
}

/** The backups in a folder, newest first. */
export function listBackups(folder: string): z.infer<typeof BackupFile>[] {
  const out: z.infer<typeof BackupFile>[] = [];
  for (const name of fs.readdirSync(folder)) {
    const stamp = parseBackupFileName(name);
    if (!stamp) continue;
    const file = path.join(folder, name);
    try {
      out.push({ name, path: file, date: stamp.date, time: stamp.time, bytes: fs.statSync(file).size });
    } catch {
      // Removed between the listing and the stat (rotation in another Panel): skip it.
    }
  }
  return out.sort((a, b) => `${b.date} ${b.time} ${b.name}`.localeCompare(`${a.date} ${a.time} ${a.name}`));
}

/** Removes the copies rotation does not keep (only files named as Panel backups). Returns the names removed. */
export function rotateFolder(folder: string): string[] {
  const { remove } = rotateBackups(fs.readdirSync(folder), DEFAULT_ROTATION);
  const removed: string[] = [];
  for (const name of remove) {
    try {
      fs.rmSync(path.join(folder, name));
      // The keyring copy that opens it goes with it.
      fs.rmSync(backupKeyringPath(path.join(folder, name)), { force: true });
      removed.push(name);
    } catch {
      // A copy that cannot be removed now is tried again after the next backup.
    }
  }
  return removed;
}

export interface RunBackupOptions {
  kind: BackupKind;
  /** Write here instead of the chosen folder (the command line's --out, the copy before a restore). */
  folder?: string;
  /** Rotate the folder after writing (not for the copy before a restore, which must survive). */
  rotate?: boolean;
}

/**
 * Writes one backup of the open register, rotates the folder, and logs the outcome. A failure is
 * logged too and thrown as a message naming the folder; the register itself is only read.
 * Outside any transaction (VACUUM INTO cannot run inside one).
 */
export function runBackup(db: Db, ctx: WriteContext, options: RunBackupOptions): Entry {
  const folder = options.folder ?? backupFolder(db);
  if (!folder) throw new AppError('backup_failed', 'No backup folder has been chosen. Choose one in Settings → Backups (a network drive is a good place), then back up.');
  const stamp = englandStamp(new Date(ctx.now()));
  const label = options.kind === 'before_restore' ? 'before restore' : undefined;
  let bytes: number;
  let file: string;
  try {
    file = path.join(folder, backupFileName(stamp, label));
    // Two backups in the same second (a click on Back up now as the daily one runs): the second gets a number.
    for (let n = 2; fs.existsSync(file); n++) file = path.join(folder, backupFileName(stamp, `${label ?? ''} ${n}`));
    bytes = writeBackup(db, file).bytes;
  } catch (err) {
    // A register found damaged while open says so (restore then keeps a byte-for-byte copy instead).
    const damaged = storageError(err);
    const failure = damaged?.code === 'database_damaged' ? damaged : backupFailure(err, folder);
    safeLog(db, ctx, { kind: options.kind, folder, file: null, ok: false, bytes: null, message: failure.message });
    throw failure;
  }
  let removed: string[] = [];
  if (options.rotate !== false && options.kind !== 'before_restore') removed = rotateFolder(folder);
  const note = removed.length ? `Rotation removed ${removed.length} older ${removed.length === 1 ? 'copy' : 'copies'}.` : null;
  return safeLog(db, ctx, { kind: options.kind, folder, file, ok: true, bytes, message: note }) ?? { at: ctx.now(), kind: options.kind, folder, file, ok: true, bytes, message: note, actor: ctx.actor };
}

/** Logging a backup must not turn a good backup into a failure (e.g. the register's own disk is full). */
function safeLog(db: Db, ctx: WriteContext, e: Omit<Entry, 'at' | 'actor'>): Entry | null {
  try {
    return logBackup(db, ctx, e);
  } catch {
    return null;
  }
}

export function lastBackup(db: Db, okOnly: boolean): Entry | null {
  const r = db.prepare(`SELECT * FROM backup_log WHERE kind <> 'restore' ${okOnly ? 'AND ok = 1' : ''} ORDER BY at DESC, id DESC LIMIT 1`).get() as Record<string, unknown> | undefined;
  return r ? entryOf(r) : null;
}

export function backupStatus(db: Db, now: string): Status {
  const folder = backupFolder(db);
  const lastSuccess = lastBackup(db, true);
  let files: Status['files'] = [];
  let folderProblem: string | null = null;
  if (folder) {
    try {
      files = listBackups(folder);
    } catch (err) {
      folderProblem = backupFailure(err, folder).message;
    }
  }
  const last = lastBackup(db, false);
  return {
    folder,
    last,
    lastSuccess,
    warning: backupWarning(folder, lastSuccess?.at ?? null, now, last && !last.ok ? last.at : null),
    files,
    folderProblem,
    rotation: DEFAULT_ROTATION,
  };
}
