// The command line for IT staff (issue 13): `npm run backup` and `npm run restore`. The logic is
// here, called by scripts/backup.ts and scripts/restore.ts, so the tests run it in-process.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { openDatabase, type Db } from '../db/open';
import type { WriteContext } from '../db/audit';
import { AppError } from '../shared/api/errors';
import { formatUk } from '../shared/domain/dates';
import { runBackup } from '../electron/services/backups/backups';
import { previewBackup, restoreFromBackup } from '../electron/services/backups/restore';
import { defaultDatabasePath } from '../electron/server/paths';
import type { z } from 'zod';
import type { BackupPreview } from '../shared/api/backups';

type Print = (line: string) => void;

export function argOf(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

const cliContext = (): WriteContext => {
  let user = 'IT';
  try {
    user = os.userInfo().username || user;
  } catch {
    // keep "IT"
  }
  return { actor: `${user} (command line)`, source: 'command line', now: () => new Date().toISOString() };
};

const failed = (print: Print, err: unknown): number => {
  print(err instanceof AppError ? err.message : `Failed: ${(err as Error).message}`);
  return 1;
};

/** npm run backup -- --db PATH --out DIR: one backup into DIR, with DIR rotated (7 daily, 4 weekly, 12 monthly). */
export function backupCommand(argv: readonly string[], print: Print = console.log): number {
  const out = argOf(argv, 'out');
  if (!out) {
    print('Usage: npm run backup -- [--db PATH] --out DIR\n  Writes a backup of the register into DIR (kept: the last 7 daily, 4 weekly and 12 monthly copies).');
    return 2;
  }
  const dbPath = path.resolve(argOf(argv, 'db') ?? process.env.PANEL_DB ?? defaultDatabasePath());
  if (!fs.existsSync(dbPath)) {
    print(`There is no register at ${dbPath}. Give its path with --db.`);
    return 1;
  }
  let db: Db | undefined;
  try {
    db = openDatabase(dbPath);
    const entry = runBackup(db, cliContext(), { kind: 'command_line', folder: path.resolve(out) });
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

/** npm run restore -- --db PATH --from FILE [--yes]: shows the backup; with --yes, backs up the register and replaces it. */
export function restoreCommand(argv: readonly string[], print: Print = console.log): number {
  const from = argOf(argv, 'from');
  if (!from) {
    print('Usage: npm run restore -- [--db PATH] --from FILE [--yes] [--backup-dir DIR]\n  Shows what is in the backup; with --yes, backs up the current register and replaces it with the backup.');
    return 2;
  }
  const dbPath = path.resolve(argOf(argv, 'db') ?? process.env.PANEL_DB ?? defaultDatabasePath());
  const preview = previewBackup(from);
  print(describePreview(preview));
  if (!preview.restorable) return 1;
  if (!argv.includes('--yes')) {
    print(`\nNothing has been changed. To replace the register at ${dbPath} with this backup, close Panel and run the same command with --yes.`);
    return 3;
  }
  let current: Db | null = null;
  if (fs.existsSync(dbPath)) {
    try {
      current = openDatabase(dbPath);
    } catch (err) {
      // A damaged register is what restore is for: it is kept byte for byte instead of backed up.
      if (!(err instanceof AppError && err.code === 'database_damaged')) return failed(print, err);
      print(`\nThe current register cannot be opened (${err.message.split('.')[0]}); a byte-for-byte copy is kept instead of a backup.`);
    }
  }
  const safetyDir = argOf(argv, 'backup-dir');
  try {
    const outcome = restoreFromBackup({ dbPath, backupFile: from, current, safetyFolder: safetyDir ? path.resolve(safetyDir) : undefined, ctx: cliContext() });
    const n = (sql: string) => (outcome.db.prepare(sql).get() as { n: number }).n;
    print(`\nRestored. ${dbPath} now holds ${n('SELECT count(*) AS n FROM children').toLocaleString('en-GB')} children and ${n('SELECT count(*) AS n FROM cases').toLocaleString('en-GB')} cases.\nThe register as it was before is kept at ${outcome.safetyCopy}.`);
    outcome.db.close();
    return 0;
  } catch (err) {
    if (current?.open) current.close();
    return failed(print, err);
  }
}
