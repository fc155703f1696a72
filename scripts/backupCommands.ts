// The command line for IT staff (issue 13): `npm run backup` and `npm run restore`. The logic is
// here, called by scripts/backup.ts and scripts/restore.ts, so the tests run it in-process.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { openDatabase, type Db } from '../db/open';
import { isPlainDatabase } from '../db/encryption';
import { keyringPath } from '../db/keyring';
import { openBackupForInspection } from '../db/backup';
import { allowed } from '../shared/api/permissions';
import { ROLE_LABELS, type Role } from '../shared/api/session';
import type { MethodName } from '../shared/api/contract';
import { askHidden, REAL_CLOCK, recordCommandLineSignIn, unlockKeyring, type SignInClock, type UnlockedKey } from './signIn';
import type { WriteContext } from '../db/audit';
import { AppError } from '../shared/api/errors';
import { formatUk } from '../shared/domain/dates';
import { runBackup } from '../electron/services/backups/backups';
import { previewBackup, registerIdOf, restoreFromBackup } from '../electron/services/backups/restore';
import { defaultDatabasePath } from '../electron/server/paths';
import type { z } from 'zod';
import type { BackupPreview } from '../shared/api/backups';

type Print = (line: string) => void;
type Ask = (question: string) => Promise<string>;
/** The clock a sign-in delay is waited out on (tests move it on); its messages go to the command's output. */
type Clock = Partial<SignInClock>;
const clockFor = (print: Print, clock: Clock): SignInClock => ({ ...REAL_CLOCK, say: print, ...clock });

export function argOf(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/**
 * A plain register (written before encryption, or by the unit tests) has no keyring: no key is needed.
 * A backup without a keyring is not unlocked either: its preview then says what is wrong with it.
 */
async function unlockFor(file: string, argv: readonly string[], ask: Ask, clock: SignInClock, kind: 'register' | 'backup' = 'register'): Promise<UnlockedKey | null> {
  if (!fs.existsSync(keyringPath(file)) && (kind === 'backup' || !fs.existsSync(file) || isPlainDatabase(file))) return null;
  return unlockKeyring(keyringPath(file), { user: argOf(argv, 'user'), recoveryKey: argv.includes('--recovery-key') }, ask, clock);
}

/**
 * Who the command acts as: the user whose password unlocked it, with their role in `db` checked
 * against the role table like a call in the app; the recovery key stands for a manager (it is
 * kept with them). A plain register: the computer's user name, as before sign-in existed.
 */
function cliContext(unlocked: UnlockedKey | null, db: Db | null, method: MethodName): WriteContext {
  const now = () => new Date().toISOString();
  if (!unlocked) {
    let user = 'IT';
    try {
      user = os.userInfo().username || user;
    } catch {
      // keep "IT"
    }
    return { actor: `${user} (command line)`, source: 'command line', now };
  }
  if (unlocked.by === 'recovery key') return { actor: 'Recovery key (command line)', source: 'command line', now };
  const row = db?.prepare('SELECT id, name, role FROM users WHERE id = ? AND removed_at IS NULL').get(unlocked.by.userId) as { id: number; name: string; role: Role } | undefined;
  if (!row) throw new AppError('forbidden', `${unlocked.by.name} is not a current user of this register. Ask a manager.`);
  if (!allowed(method, row.role)) {
    throw new AppError('forbidden', `${ROLE_LABELS[row.role]}s can't do this (${method}). Ask a manager, or sign in as one with --user.`);
  }
  return { actor: row.name, source: 'command line', now, user: row };
}

const failed = (print: Print, err: unknown): number => {
  print(err instanceof AppError ? err.message : `Failed: ${(err as Error).message}`);
  return 1;
};

const UNLOCK_USAGE = '  An encrypted register is opened with --user "Your Name" (password from PANEL_PASSWORD, or asked for)\n  or with --recovery-key (from PANEL_RECOVERY_KEY, or asked for).';

/** npm run backup -- --db PATH --out DIR: one backup into DIR, with DIR rotated (7 daily, 4 weekly, 12 monthly). */
export async function backupCommand(argv: readonly string[], print: Print = console.log, ask: Ask = askHidden, clock: Clock = {}): Promise<number> {
  const time = clockFor(print, clock);
  const out = argOf(argv, 'out');
  if (!out) {
    print(`Usage: npm run backup -- [--db PATH] --out DIR [--user NAME | --recovery-key]\n  Writes a backup of the register, and its keyring, into DIR (kept: the last 7 daily, 4 weekly and 12 monthly copies).\n${UNLOCK_USAGE}`);
    return 2;
  }
  const dbPath = path.resolve(argOf(argv, 'db') ?? process.env.PANEL_DB ?? defaultDatabasePath());
  if (!fs.existsSync(dbPath)) {
    print(`There is no register at ${dbPath}. Give its path with --db.`);
    return 1;
  }
  let db: Db | undefined;
  try {
    const unlocked = await unlockFor(dbPath, argv, ask, time);
    db = openDatabase(dbPath, unlocked ? { key: unlocked.key } : {});
    // As the app does at sign-in: failed sign-ins noted in the keyring go into the audit trail now.
    if (unlocked) recordCommandLineSignIn(db, keyringPath(dbPath), unlocked, 'npm run backup', new Date(time.now()).toISOString());
    const entry = runBackup(db, cliContext(unlocked, db, 'backups.run'), { kind: 'command_line', folder: path.resolve(out) });
    print(`Backed up ${dbPath}\n  to ${entry.file} (${((entry.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB)${entry.message ? `\n  ${entry.message}` : ''}`);
    return 0;
  } catch (err) {
    return failed(print, err);
  } finally {
    db?.close();
  }
}

export function describePreview(p: z.infer<typeof BackupPreview>): string {
  const taken = p.takenDate ? `${formatUk(p.takenDate)} at ${p.takenTime}` : 'unknown (not named by Panel)';
  return [
    `Backup:      ${p.file}`,
    `Taken:       ${taken}`,
    `Children:    ${p.children.toLocaleString('en-GB')}`,
    `Cases:       ${p.cases.toLocaleString('en-GB')} (${p.openCases.toLocaleString('en-GB')} open)`,
    `Integrity:   ${p.quickCheck === 'ok' ? 'passed (quick check)' : p.quickCheck}`,
    `Audit trail: ${p.auditMessage ?? 'not checked'}`,
    ...(p.problems.length ? ['', 'Cannot be restored:', ...p.problems.map((x) => `  - ${x}`)] : []),
  ].join('\n');
}

/**
 * npm run restore -- --db PATH --from FILE [--yes]: shows the backup; with --yes, backs up the register and replaces it.
 * An encrypted backup is unlocked with its own keyring copy (a damaged register, or one whose keyring is lost, can
 * still be replaced); the key is the register's too, since it never changes.
 */
export async function restoreCommand(argv: readonly string[], print: Print = console.log, ask: Ask = askHidden, clock: Clock = {}): Promise<number> {
  const time = clockFor(print, clock);
  const from = argOf(argv, 'from');
  if (!from) {
    print(`Usage: npm run restore -- [--db PATH] --from FILE [--yes] [--backup-dir DIR] [--user NAME | --recovery-key]\n  Shows what is in the backup; with --yes, backs up the current register and replaces it with the backup (and its keyring).\n${UNLOCK_USAGE}`);
    return 2;
  }
  const dbPath = path.resolve(argOf(argv, 'db') ?? process.env.PANEL_DB ?? defaultDatabasePath());
  let unlocked: UnlockedKey | null;
  try {
    unlocked = await unlockFor(path.resolve(from), argv, ask, time, 'backup');
  } catch (err) {
    return failed(print, err);
  }
  // A plain backup (taken before the register was encrypted, so with no keyring) would put an unencrypted
  // file beside the encrypted register's keyring, which then opens nothing: refuse rather than do that.
  if (!unlocked && fs.existsSync(keyringPath(dbPath))) {
    print(`The register at ${dbPath} is encrypted, but ${from} has no keyring beside it (${path.basename(keyringPath(from))}), so it is either a backup from before the register was encrypted or its keyring has been separated from it. Nothing was changed. Put the backup's keyring back beside it, or choose a later backup.`);
    return 1;
  }
  const openOptions = unlocked ? { key: unlocked.key } : {};
  const preview = previewBackup(from, openOptions, { registerId: registerIdOf(dbPath) });
  print(describePreview(preview));
  if (!preview.restorable) return 1;
  if (!argv.includes('--yes')) {
    print(`\nNothing has been changed. To replace the register at ${dbPath} with this backup, close Panel and run the same command with --yes.`);
    return 3;
  }
  let current: Db | null = null;
  if (fs.existsSync(dbPath)) {
    try {
      current = openDatabase(dbPath, openOptions);
    } catch (err) {
      // A damaged register is what restore is for: it is kept byte for byte instead of backed up.
      if (!(err instanceof AppError && err.code === 'database_damaged')) return failed(print, err);
      print(`\nThe current register cannot be opened (${err.message.split('.')[0]}); a byte-for-byte copy is kept instead of a backup.`);
    }
  }
  const safetyDir = argOf(argv, 'backup-dir');
  try {
    // The role is the one in the register being replaced, or, when that cannot be opened, in the backup.
    let ctx: WriteContext;
    if (current || !unlocked) {
      ctx = cliContext(unlocked, current, 'backups.restore');
    } else {
      const backup = openBackupForInspection(path.resolve(from), openOptions);
      try {
        ctx = cliContext(unlocked, backup, 'backups.restore');
      } finally {
        backup.close();
      }
    }
    const outcome = restoreFromBackup({ dbPath, backupFile: from, current, safetyFolder: safetyDir ? path.resolve(safetyDir) : undefined, openOptions, ctx });
    // Wrong tries at the backup's keyring are counted there; the register it has become records them (a preview writes to no register, so they wait there).
    if (unlocked) recordCommandLineSignIn(outcome.db, keyringPath(path.resolve(from)), unlocked, 'npm run restore', new Date(time.now()).toISOString());
    const n = (sql: string) => (outcome.db.prepare(sql).get() as { n: number }).n;
    print(`\nRestored. ${dbPath} now holds ${n('SELECT count(*) AS n FROM children').toLocaleString('en-GB')} children and ${n('SELECT count(*) AS n FROM cases').toLocaleString('en-GB')} cases.\nThe register as it was before is kept at ${outcome.safetyCopy}.`);
    outcome.db.close();
    return 0;
  } catch (err) {
    if (current?.open) current.close();
    return failed(print, err);
  }
}
