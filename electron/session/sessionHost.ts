import fs from 'node:fs';
import { openDatabase, type Db } from '../../db/open';
import { INTEGRITY_INLINE_PAGES, knownDamaged } from '../../db/integrityCheck';
import { encryptPlainRegister, hasContent, isPlainDatabase, newRegisterKey } from '../../db/encryption';
import * as K from '../../db/keyring';
import { auditedSetting, type WriteContext } from '../../db/audit';
import { storageError } from '../../db/storageErrors';
import { createApp, type App } from '../createApp';
import { validateInput, refusal, type Dispatch } from '../dispatch';
import { contract, isMethodName, type MethodArgs, type MethodName } from '../../shared/api/contract';
import { allowed, BACKGROUND_METHODS, PERMISSIONS, ANYONE } from '../../shared/api/permissions';
import { AppError, invalid, type Result } from '../../shared/api/errors';
import { IDLE_MINUTES_DEFAULT, type SessionStatus, type SessionUser } from '../../shared/api/session';
import { insertUser, userRow } from '../services/users/users';
import { getSetting } from '../services/context';
import type { RegisterKeys } from '../services/handlers';
import type { PushMessage } from '../../shared/api/events';
import * as F from './failedSignIns';
import { withKeyringLockSync } from '../../db/keyringLock';
import { updateKeyring } from './keyringUpdate';
import { backupFolder, lastBackup, runBackup } from '../services/backups/backups';
import { restoreFromBackup } from '../services/backups/restore';
import { dailyBackupDue } from '../../shared/domain/backupRotation';

/**
 * The hosts' session layer (issue 13). A host starts LOCKED: the register file is encrypted and its
 * key is only in the keyring, wrapped by each user's password. Until someone signs in only the
 * `session.*` methods answer; signing in unwraps the key, opens the register and composes the app
 * (createApp) with the signed-in user as the write context. Locking (sign out, idle, the OS
 * locking) closes the register and forgets the key. Both hosts put this in front of their
 * transport (electron/server/http.ts, electron/desktop/ipc.ts), so the rules are the same in each.
 *
 * It is the one owner of the open register, so backups live here too: while someone is signed in a
 * timer backs up daily (to the folder chosen in Settings), the register is backed up before it
 * closes (sign-out, idle, the OS locking, the host stopping), and a restore swaps the file and
 * reopens it with the same key (`backups.restore` reaches it through createApp's `host`).
 */
export type LockReason = 'idle' | 'signed_out' | 'os_lock';

export interface SessionHostOptions {
  dbPath: string;
  version: string;
  /** Path to a better_sqlite3.node built for the running ABI (the desktop app's). */
  nativeBinding?: string;
  today?: () => string;
  checkOutputs?: boolean;
  log?: (message: string, err: unknown) => void;
  /** Milliseconds since the epoch: injectable so tests can move time on for the idle lock and the sign-in delay. */
  clock?: () => number;
  /** How often the idle lock is checked between calls (ms); 0 turns the timer off (tests check on each call). */
  idleCheckMs?: number;
  /** Overrides the idle time set in the register, in seconds (the browser host's end-to-end tests of the lock). */
  idleSeconds?: number;
  /** Told after the app locks (the desktop closes its projector window). */
  onLock?: (reason: LockReason) => void;
  /** How often to ask, while signed in, whether the daily backup is due (ms); 0 turns the timer off (tests). Default 30 minutes. */
  backupCheckMs?: number;
  /** Told when an automatic backup fails (the message names the folder); the register carries on, and the failure is logged in it. */
  onBackupError?: (message: string) => void;
  /** Registers larger than this many pages are checked for damage after sign-in, in a worker (default INTEGRITY_INLINE_PAGES). */
  integrityInlinePages?: number;
  /** How long a keyring change waits for a command-line tool's turn before refusing (ms; default keyringLock's APP_WAIT_MS). */
  keyringWaitMs?: number;
}

export interface SessionHost {
  /** The one entry point for both transports: session.* always, everything else once signed in. */
  dispatch: Dispatch;
  status(): SessionStatus;
  /** Locks now (OS lock or suspend, the host shutting down). */
  lock(reason: LockReason): void;
  /** The signed-in app, or null when locked. */
  current(): App | null;
  /** The open register, or null when locked (the hosts' shutdown, tests reading the audit). */
  db(): Db | null;
  /**
   * The push channel (issue 12) across sign-ins: a meeting's or the register's new version from whichever app is signed
   * in. Nothing is heard while locked, since there is no register open to change.
   */
  subscribePush(listener: (message: PushMessage) => void): () => void;
  /** The daily check the timer runs: backs up when signed in, a folder is chosen and the last good backup is a day old. */
  backupIfDue(): void;
  /** Backs up (when signed in and a folder is chosen), then locks. */
  close(): void;
}

interface Open {
  db: Db;
  key: Buffer;
  app: App;
  userId: number;
  lastActivity: number;
}

const IDLE_SETTING = 'idle_lock_minutes';

export function createSessionHost(options: SessionHostOptions): SessionHost {
  const { dbPath } = options;
  const pushListeners = new Set<(message: PushMessage) => void>();
  const keyringFile = K.keyringPath(dbPath);
  const clock = options.clock ?? Date.now;
  const iso = () => new Date(clock()).toISOString();
  let open: Open | null = null;
  let lockedBecause: SessionStatus['lockedBecause'] = 'started';
  let idleMinutes = IDLE_MINUTES_DEFAULT;

  const readKeyring = () => K.readKeyring(keyringFile);
  const waitMs = options.keyringWaitMs;
  /** Read again and changed in the app's turn at the keyring, so a command-line tool's change since is kept. */
  const update = (change: (k: K.Keyring) => K.Keyring) => updateKeyring(keyringFile, change, waitMs);
  const needsSetup = () => !fs.existsSync(keyringFile) && !(hasContent(dbPath) && !isPlainDatabase(dbPath));

  function sessionUser(o: Open): SessionUser | null {
    const row = userRow(o.db, o.userId);
    return row && !row.removed_at ? { id: row.id, name: row.name, role: row.role } : null;
  }

  function status(): SessionStatus {
    checkIdle();
    const user = open ? sessionUser(open) : null;
    return {
      state: open && user ? 'open' : needsSetup() ? 'setup' : 'locked',
      user,
      existingRegister: needsSetup() && hasContent(dbPath) && isPlainDatabase(dbPath),
      lockedBecause: open ? null : lockedBecause,
      idleMinutes,
      dbPath,
    };
  }

  function lock(reason: LockReason): void {
    if (!open) return;
    const o = open;
    // Back up before the register closes, while the key is still held.
    automaticBackup(o, 'close');
    open = null;
    lockedBecause = reason;
    if (firstBackupCheck) clearTimeout(firstBackupCheck);
    try {
      o.db.close();
    } finally {
      o.key.fill(0);
    }
    options.onLock?.(reason);
  }

  const idleMs = () => (options.idleSeconds ? options.idleSeconds * 1000 : idleMinutes * 60_000);
  function checkIdle(): void {
    if (open && clock() - open.lastActivity >= idleMs()) lock('idle');
  }
  const timer = options.idleCheckMs === 0 ? null : setInterval(checkIdle, options.idleCheckMs ?? 15_000);
  timer?.unref?.();

  /** A backup the app makes by itself, in the signed-in user's name; a failure is reported and logged, never thrown. */
  function automaticBackup(o: Open, kind: 'daily' | 'close'): void {
    // A damaged register is not copied over the good backups it may have to be restored from.
    if (!o.db.open || !backupFolder(o.db) || knownDamaged(o.db)) return;
    const user = sessionUser(o);
    if (!user) return;
    try {
      runBackup(o.db, { actor: user.name, source: 'backup', now: iso, user }, { kind });
    } catch (err) {
      options.onBackupError?.((err as Error).message);
    }
  }
  function backupIfDue(): void {
    checkIdle();
    if (open && open.db.open && dailyBackupDue(lastBackup(open.db, true)?.at ?? null, iso())) automaticBackup(open, 'daily');
  }
  const backupEvery = options.backupCheckMs ?? 30 * 60_000;
  const backupTimer = backupEvery > 0 ? setInterval(backupIfDue, backupEvery) : null;
  backupTimer?.unref?.();
  // The first check soon after signing in, so a register left unbacked over a weekend is copied at once.
  let firstBackupCheck: ReturnType<typeof setTimeout> | null = null;

  /** The register's key, held by the open session, as users.* may use it. */
  function keysFor(o: Open): RegisterKeys {
    /**
     * The key wrapped for `label` (the scrypt) before the keyring's turn is taken, so command-line tools
     * don't wait on it; wrapped again in the turn only if the keyring was replaced meanwhile (a restore).
     */
    const wrapThenUpdate = (label: string, secret: string, apply: (kr: K.Keyring, wrapped: K.WrappedKey) => K.Keyring) => {
      const before = readKeyring();
      const wrapped = before ? K.wrapKey(before, label, secret, o.key) : null;
      update((kr) => apply(kr, wrapped && kr.registerId === before?.registerId ? wrapped : K.wrapKey(kr, label, secret, o.key)));
    };
    return {
      setPassword: (user, password) =>
        wrapThenUpdate(K.userLabel(user.userId), password, (kr, wrapped) => K.clearFailures(K.putUserKey(kr, user, wrapped), user.name)),
      dropUser: (userId) => void update((kr) => K.dropUserKey(kr, userId)),
      newRecoveryKey: () => {
        const recoveryKey = K.newRecoveryKey();
        wrapThenUpdate(K.RECOVERY_LABEL, recoveryKey, (kr, recovery) => ({ ...kr, recovery }));
        return recoveryKey;
      },
      canSignIn: (userId) => Boolean(readKeyring()?.users.some((u) => u.userId === userId)),
    };
  }

  /**
   * Opens the register with its key and composes the app for `userId`. `firstUser` writes what a
   * new register needs (its default panels) at setup, before that user's row exists.
   */
  function unlock(key: Buffer, userId: number, firstUser?: WriteContext): Open {
    lock('signed_out');
    let db: Db;
    try {
      // Wrong key, not a database, migrations: refused here. A large file's page-by-page check runs after, in a worker (issue 12).
      db = openDatabase(dbPath, { key, nativeBinding: options.nativeBinding, integrityInlinePages: options.integrityInlinePages ?? INTEGRITY_INLINE_PAGES });
    } catch (err) {
      key.fill(0);
      throw storageError(err, dbPath) ?? err;
    }
    const o: Open = { db, key, userId, lastActivity: clock(), app: undefined as unknown as App };
    const context = (): WriteContext => {
      const user = sessionUser(o);
      // A user removed while signed in (or absent from a restored backup) is signed out by their next call.
      if (!user) throw new AppError('locked', 'Your user has been removed from this register. Ask a manager.');
      return { actor: user.name, source: 'register', now: iso, user };
    };
    const openOptions = { key, nativeBinding: options.nativeBinding };
    const build = (prepareAs?: WriteContext): App => {
      const app = createApp(o.db, {
        version: options.version, dbPath, today: options.today, context, prepareAs, checkOutputs: options.checkOutputs, log: options.log, keys: keysFor(o),
        host: {
          openOptions,
          // Closes this register, swaps the backup in (with its keyring) and reopens it with the same key.
          restore: (file, writeCtx) => {
            try {
              const outcome = restoreFromBackup({ dbPath, backupFile: file, current: o.db, openOptions, ctx: writeCtx });
              o.db = outcome.db;
              o.app = build(writeCtx);
              return { restored: outcome.restored, safetyCopy: outcome.safetyCopy };
            } catch (err) {
              // Failed after the register was closed: nothing is open to carry on with, so lock (the file is the old or the restored one, whole).
              if (!o.db.open) lock('signed_out');
              throw err;
            }
          },
        },
      });
      // The app dies with its register (at lock, or replaced by a restore); its meeting and register
      // events reach whoever listens to the host (the push channel, issue 12).
      app.subscribePush((message) => {
        for (const listener of [...pushListeners]) listener(message);
      });
      return app;
    };
    o.app = build(firstUser);
    const setting = Number(getSetting(db, IDLE_SETTING));
    idleMinutes = Number.isInteger(setting) && setting > 0 ? setting : IDLE_MINUTES_DEFAULT;
    open = o;
    if (backupEvery > 0) {
      firstBackupCheck = setTimeout(backupIfDue, Math.min(backupEvery, 60_000));
      firstBackupCheck.unref?.();
    }
    return o;
  }

  const auditSession = (db: Db, actor: string, field: string, value: string) => F.auditSessionEvent(db, actor, field, value, iso());

  /** Failed sign-ins noted in the keyring while the register was locked go into its audit trail now (the command line does the same). */
  function recordSignIn(o: Open, user: SessionUser, how: string, clear: readonly string[] = [user.name]): void {
    F.recordSignIn(o.db, keyringFile, { actor: user.name, how, at: iso(), clear }, waitMs);
  }

  function keyringOrExplain(): K.Keyring {
    const kr = readKeyring();
    if (kr) return kr;
    throw new AppError(
      'unavailable',
      `The register at ${dbPath} is encrypted, but its keyring (${keyringFile}) is missing, so nobody can sign in. ` +
        'Put the keyring file back beside the register (from the backup it came with).',
    );
  }

  const handlers = {
    'session.status': ({ active }: MethodArgs<'session.status'>) => {
      const now = status();
      if (active && open) open.lastActivity = clock();
      return now;
    },

    'session.setup': ({ name, password }: MethodArgs<'session.setup'>) => {
      if (!needsSetup()) throw new AppError('conflict', 'This register already has users. Sign in instead.');
      const key = newRegisterKey();
      const recoveryKey = K.newRecoveryKey();
      // The first user is record 1 of a new users table. The keyring is written before the register
      // is encrypted, so a key that has encrypted anything is never only in memory.
      const withUser = K.setUserKey(K.newKeyring(), { userId: 1, name }, password, key);
      const kr = { ...withUser, recovery: K.wrapKey(withUser, K.RECOVERY_LABEL, recoveryKey, key) };
      try {
        // In the keyring's turn, after the scrypts: a keyring written meanwhile (another Panel setting this register up) is kept.
        withKeyringLockSync(keyringFile, () => {
          if (fs.existsSync(keyringFile)) throw new AppError('conflict', 'This register already has users. Sign in instead.');
          K.writeKeyring(keyringFile, kr);
        }, waitMs);
      } catch (err) {
        key.fill(0);
        throw err;
      }
      let o: Open;
      try {
        if (hasContent(dbPath) && isPlainDatabase(dbPath)) encryptPlainRegister(dbPath, key, { nativeBinding: options.nativeBinding });
        const ctx: WriteContext = { actor: name.trim(), source: 'session', now: iso };
        o = unlock(Buffer.from(key), 1, ctx);
        o.db.transaction(() => {
          if (userRow(o.db, 1)) throw new Error('the register already has users but no keyring');
          insertUser(o.db, ctx, { id: 1, name, role: 'manager' });
        })();
      } catch (err) {
        lock('signed_out');
        // Nothing was encrypted with this key unless the register now is: then the keyring must stay.
        if (!(hasContent(dbPath) && !isPlainDatabase(dbPath))) fs.rmSync(keyringFile, { force: true });
        throw err;
      } finally {
        key.fill(0);
      }
      const user = sessionUser(o)!;
      recordSignIn(o, user, 'Created the register’s first user (a manager) and its recovery key');
      return { status: status(), recoveryKey };
    },

    'session.signIn': ({ name, password }: MethodArgs<'session.signIn'>) => {
      const kr = keyringOrExplain();
      F.refuseWhileThrottled(kr, name, clock());
      const tried = F.tryPassword(kr, name, password);
      if (!tried) throw F.recordFailedSignIn(keyringFile, name, iso(), waitMs);
      const { key, entry } = tried;
      const o = unlock(key, entry.userId);
      const user = sessionUser(o);
      if (!user) {
        lock('signed_out');
        throw new AppError('forbidden', `${entry.name} is no longer a user of this register. Ask a manager.`);
      }
      recordSignIn(o, user, 'Signed in');
      return status();
    },

    'session.recover': ({ recoveryKey, name, newPassword }: MethodArgs<'session.recover'>) => {
      const kr = keyringOrExplain();
      // The recovery key is counted and slowed by the same rule as a password, under its own name.
      F.refuseWhileThrottled(kr, F.RECOVERY_KEY_NAME, clock());
      const key = F.tryRecoveryKey(kr, recoveryKey);
      if (!key) throw F.recordFailedSignIn(keyringFile, F.RECOVERY_KEY_NAME, iso(), waitMs);
      const o = unlock(key, 0);
      const row = o.db.prepare("SELECT id FROM users WHERE name_key = ? AND removed_at IS NULL AND role = 'manager'").get(K.normaliseUserName(name)) as { id: number } | undefined;
      if (!row) {
        lock('signed_out');
        throw invalid('name', `There is no manager called ${name.trim()} on this register. Enter the name of a current manager, exactly as it was set up.`);
      }
      o.userId = row.id;
      const user = sessionUser(o)!;
      const ctx: WriteContext = { actor: user.name, source: 'session', now: iso, user };
      o.db.transaction(() => {
        o.db.prepare('UPDATE users SET password_set_at = ? WHERE id = ?').run(ctx.now(), row.id);
        auditSession(o.db, user.name, 'password_reset', 'New password set with the recovery key');
        keysFor(o).setPassword({ userId: row.id, name: user.name }, newPassword);
      })();
      recordSignIn(o, user, 'Signed in with the recovery key', [user.name, F.RECOVERY_KEY_NAME]);
      return status();
    },

    'session.signOut': () => {
      lock('signed_out');
      return status();
    },

    'session.changePassword': ({ currentPassword, newPassword }: MethodArgs<'session.changePassword'>, o: Open, user: SessionUser) => {
      const kr = keyringOrExplain();
      const entry = kr.users.find((u) => u.userId === user.id);
      const check = entry ? K.unwrapKey(kr, K.userLabel(entry.userId), currentPassword, entry.wrapped) : null;
      if (!check) throw invalid('currentPassword', 'Your current password is not right. Type it again.');
      check.fill(0);
      o.db.transaction(() => {
        o.db.prepare('UPDATE users SET password_set_at = ? WHERE id = ?').run(iso(), user.id);
        auditSession(o.db, user.name, 'password_changed', 'Changed their own password');
        keysFor(o).setPassword({ userId: user.id, name: user.name }, newPassword);
      })();
      return { changed: true as const };
    },

    'session.setIdleMinutes': ({ minutes }: MethodArgs<'session.setIdleMinutes'>, o: Open, user: SessionUser) => {
      o.db.transaction(() => auditedSetting(o.db, { actor: user.name, source: 'settings', now: iso, user }, IDLE_SETTING, String(minutes)))();
      idleMinutes = minutes;
      return status();
    },
  };

  // The background check found the file damaged: nothing more is written to it (as a damaged file
  // was never opened before the check moved off sign-in), until a backup is restored over it.
  const damagedError = (): Result<never> => ({
    ok: false,
    error: {
      code: 'database_damaged',
      message:
        'Nothing was saved: the register file is damaged, so Panel is not saving changes to it. You can still read the register. ' +
        'A manager should restore the most recent backup (Settings, Backups).',
    },
  });

  type SessionMethod = keyof typeof handlers;
  const isSession = (m: MethodName): m is SessionMethod => m in handlers;
  const lockedError = (): Result<never> => ({
    ok: false,
    error: { code: 'locked', message: lockedBecause === 'idle' ? 'Panel locked itself after being left idle. Sign in to carry on.' : 'Panel is locked. Sign in to carry on.' },
  });

  function runSession(method: SessionMethod, rawArgs: unknown): Result<unknown> {
    const parsed = validateInput(method, rawArgs);
    if (!parsed.ok) return parsed;
    try {
      if (PERMISSIONS[method] === ANYONE) {
        const h = handlers[method] as (args: unknown) => unknown;
        return { ok: true, value: h(parsed.value) };
      }
      if (!open) return lockedError();
      const user = sessionUser(open);
      if (!user) return lockedError();
      if (!allowed(method, user.role)) return { ok: false, error: refusal(method, user.role) };
      open.lastActivity = clock();
      const h = handlers[method] as (args: unknown, o: Open, user: SessionUser) => unknown;
      return { ok: true, value: h(parsed.value, open, user) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
      options.log?.(`Unexpected error in ${method}`, err);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong signing in. Nothing was changed; please try again, and tell your administrator if it keeps happening.' } };
    }
  }

  const dispatch: Dispatch = (method, rawArgs) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Panel has no operation called "${String(method)}".` } };
    }
    if (isSession(method)) return runSession(method, rawArgs);
    checkIdle();
    if (!open) return lockedError();
    if (!BACKGROUND_METHODS.has(method)) open.lastActivity = clock();
    if (contract[method].write && knownDamaged(open.db) && !WHILE_DAMAGED.has(method)) return damagedError();
    const result = open.app.dispatch(method, rawArgs);
    if (!result.ok && result.error.code === 'locked') lock('signed_out');
    return result;
  };

  return {
    dispatch,
    status,
    lock,
    current: () => open?.app ?? null,
    db: () => open?.db ?? null,
    subscribePush: (listener) => {
      pushListeners.add(listener);
      return () => {
        pushListeners.delete(listener);
      };
    },
    backupIfDue,
    close: () => {
      if (timer) clearInterval(timer);
      if (backupTimer) clearInterval(backupTimer);
      lock('signed_out');
    },
  };
}

/** The writes a damaged register still takes: restoring a backup over it is the way out. */
const WHILE_DAMAGED: ReadonlySet<MethodName> = new Set<MethodName>(['backups.restore']);

