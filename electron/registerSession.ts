import { openDatabase, type Db, type OpenOptions } from '../db/open';
import type { WriteContext } from '../db/audit';
import { createApp, type App, type AppOptions } from './createApp';
import type { Dispatch } from './dispatch';
import { contextFor } from './services/context';
import { backupFolder, lastBackup, runBackup } from './services/backups/backups';
import { restoreFromBackup } from './services/backups/restore';
import { dailyBackupDue } from '../shared/domain/backupRotation';

/**
 * The register as a host holds it (issue 13): the app over the open register, the daily backup
 * timer, the backup on close, and restore, which closes the register, swaps the file and reopens
 * it. Both hosts (electron/desktop/main.ts, electron/server/main.ts) use this, so `dispatch` stays
 * the same function across a restore while the app behind it is rebuilt on the restored register.
 */
export interface RegisterSessionOptions extends Omit<AppOptions, 'host'> {
  /** How to open the register (the driver build; issue 13 part A adds the key here). */
  openOptions?: OpenOptions;
  /** How often to ask whether the daily backup is due; 0 turns the timer off (tests). Default 30 minutes. */
  checkEveryMs?: number;
  /** Told when an automatic backup fails (the message names the folder); the app carries on. */
  onBackupError?: (message: string) => void;
}

export interface RegisterSession {
  /** Stable across a restore. */
  dispatch: Dispatch;
  db: () => Db;
  app: () => App;
  /** The daily check, also run by the timer: backs up when a folder is chosen and the last good backup is a day old. */
  backupIfDue: () => void;
  /** Backs up (if a folder is chosen) and closes the register. Safe to call twice. */
  close: () => void;
}

export function openRegisterSession(options: RegisterSessionOptions): RegisterSession {
  const openOptions = options.openOptions ?? {};
  let db = openDatabase(options.dbPath, openOptions);
  const ctx = (): WriteContext => (options.context ?? contextFor(db))();
  let closed = false;

  const build = (): App =>
    createApp(db, {
      ...options,
      context: options.context ?? contextFor(db),
      host: {
        openOptions,
        restore: (file, writeCtx) => {
          const outcome = restoreFromBackup({ dbPath: options.dbPath, backupFile: file, current: db, openOptions, ctx: writeCtx });
          db = outcome.db;
          app = build();
          return { restored: outcome.restored, safetyCopy: outcome.safetyCopy };
        },
      },
    });
  let app = build();

  const automatic = (kind: 'daily' | 'close') => {
    if (!backupFolder(db)) return;
    try {
      runBackup(db, ctx(), { kind });
    } catch (err) {
      options.onBackupError?.((err as Error).message);
    }
  };

  const backupIfDue = () => {
    if (closed || !db.open) return;
    if (dailyBackupDue(lastBackup(db, true)?.at ?? null, ctx().now())) automatic('daily');
  };

  const every = options.checkEveryMs ?? 30 * 60 * 1000;
  const timer = every > 0 ? setInterval(backupIfDue, every) : undefined;
  timer?.unref();
  // The first check soon after opening, so a register left unbacked over a weekend is copied at once.
  const first = every > 0 ? setTimeout(backupIfDue, Math.min(every, 60 * 1000)) : undefined;
  first?.unref();

  return {
    dispatch: (method, args) => app.dispatch(method, args),
    db: () => db,
    app: () => app,
    backupIfDue,
    close: () => {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
      if (db.open) {
        automatic('close');
        db.close();
      }
    },
  };
}
