import { z } from 'zod';
import * as S from './schemas';
import { method } from './method';

/** Automatic backups and restore (issue 13). */
export const BackupKind = z.enum(['manual', 'daily', 'close', 'before_restore', 'command_line', 'restore']);

export const BackupLogEntry = z.object({
  at: z.string(),
  kind: BackupKind,
  folder: z.string(),
  file: z.string().nullable(),
  ok: z.boolean(),
  bytes: z.number().nullable(),
  message: z.string().nullable(),
  actor: z.string(),
});

export const BackupFile = z.object({ name: z.string(), path: z.string(), date: z.string(), time: z.string(), bytes: z.number() });

export const BackupStatus = z.object({
  folder: z.string().nullable(),
  /** The last attempt (a failure shows here with its message), and the last one that worked. */
  last: BackupLogEntry.nullable(),
  lastSuccess: BackupLogEntry.nullable(),
  warning: z.enum(['choose_folder', 'never_backed_up', 'out_of_date', 'last_failed']).nullable(),
  /** The backups in the folder, newest first (what restore can choose from). */
  files: z.array(BackupFile),
  /** Why the folder could not be listed, if it could not. */
  folderProblem: z.string().nullable(),
  rotation: z.object({ daily: z.number(), weekly: z.number(), monthly: z.number() }),
});

export const BackupPreview = z.object({
  file: z.string(),
  name: z.string(),
  /** From the file name: England's date and time the backup was taken; null for a file named otherwise. */
  takenDate: z.string().nullable(),
  takenTime: z.string().nullable(),
  lastChangeAt: z.string().nullable(),
  bytes: z.number(),
  schemaVersion: z.number(),
  children: z.number(),
  cases: z.number(),
  openCases: z.number(),
  quickCheck: z.string(),
  auditOk: z.boolean().nullable(),
  auditRows: z.number(),
  auditMessage: z.string().nullable(),
  problems: z.array(z.string()),
  restorable: z.boolean(),
});

const FilePath = S.text(1000);

export const backupsMethods = {
  'backups.status': method(z.object({}).default({}), BackupStatus, false),
  /** Where automatic backups go: a folder that exists and Panel may write to (a network drive is fine). */
  'backups.setFolder': method(z.object({ folder: FilePath }), BackupStatus, true),
  /** Back up now. Its own transaction: SQLite cannot copy a register from inside one; it logs its own row. */
  'backups.run': method(z.object({}).default({}), z.object({ entry: BackupLogEntry, status: BackupStatus }), true, { transaction: 'own' }),
  /** What is in a backup: its date, counts, integrity check and audit chain, before restoring it. */
  'backups.inspect': method(z.object({ file: FilePath }), BackupPreview, false),
  /**
   * Replace the register with a backup: only after the current register has itself been backed up;
   * the app reopens on the restored register. Its own transactions (it closes the register).
   */
  'backups.restore': method(
    z.object({ file: FilePath, confirm: z.literal(true, { error: 'must be ticked to replace the register' }) }),
    z.object({ restored: BackupPreview, safetyCopy: z.string() }),
    true,
    { transaction: 'own' },
  ),
} as const;
