import { randomBytes } from 'node:crypto';
import * as K from '../../db/keyring';
import { appendAudit } from '../../db/auditChain';
import type { Db } from '../../db/open';
import { AppError } from '../../shared/api/errors';
import { secondsToWait, waitSecondsAfter } from './throttle';
import { withKeyringLockSync } from '../../db/keyringLock';
import { updateKeyring } from './keyringUpdate';

/**
 * What a sign-in attempt does to the keyring's record of failures (issue 13, and the command line's
 * follow-up): one set of functions for the session host (the app) and for the command-line tools
 * (scripts/signIn.ts), so a wrong password counts the same, slows the next try by the same rule
 * (throttle.ts) and reaches the same audit trail whichever of them it was typed into.
 */

/** Wrong recovery keys are counted under this name, by the same rule as a user's wrong passwords. */
export const RECOVERY_KEY_NAME = '(recovery key)';

export const WRONG_PASSWORD = "That name and password don't match. Check both and try again (passwords are case-sensitive).";
export const WRONG_RECOVERY_KEY = 'That recovery key is not right. Check it against the printed copy (letters and digits; dashes and spaces don’t matter).';

export const seconds = (n: number): string => `${n} second${n === 1 ? '' : 's'}`;

/** Whole seconds `name` must still wait at `nowMs` before another try is heard (0 = may try now). */
export function waitFor(kr: K.Keyring, name: string, nowMs: number): number {
  return secondsToWait(kr.failures[K.normaliseUserName(name)], nowMs);
}

/** Whose wrong tries a refusal is about: a user by name, or the recovery key. */
const whose = (name: string) => (name === RECOVERY_KEY_NAME ? 'Too many wrong recovery keys' : `Too many wrong passwords for ${name.trim()}`);

/** The refusal while the delay runs, as the sign-in screen shows it. */
export function tooManyMessage(name: string, wait: number): string {
  const forgotten = name === RECOVERY_KEY_NAME ? '' : ' If the password is forgotten, a manager can reset it.';
  return `${whose(name)}. Wait ${seconds(wait)}, then try again.${forgotten}`;
}

/** What the command line prints before it waits the delay out itself. */
export function waitingMessage(name: string, wait: number): string {
  return `${whose(name)}. Waiting ${seconds(wait)} before trying this one (Ctrl+C to stop).`;
}

/** Refuses, before any scrypt is spent, while `name` must still wait. */
export function refuseWhileThrottled(kr: K.Keyring, name: string, nowMs: number): void {
  const wait = waitFor(kr, name, nowMs);
  if (wait > 0) throw new AppError('forbidden', tooManyMessage(name, wait));
}

/**
 * A user's password tried against the keyring: their key and entry, or null. An unknown name costs the
 * same scrypt as a known one, so the time taken doesn't tell which names exist.
 */
export function tryPassword(kr: K.Keyring, name: string, password: string): { key: Buffer; entry: K.KeyringUser } | null {
  const entry = K.findUser(kr, name);
  if (!entry) {
    K.unwrapKey(kr, 'none', password, DECOY);
    return null;
  }
  const key = K.unwrapKey(kr, K.userLabel(entry.userId), password, entry.wrapped);
  return key ? { key, entry } : null;
}

/** The printed recovery key tried against the keyring: the register's key, or null. */
export function tryRecoveryKey(kr: K.Keyring, typed: string): Buffer | null {
  return kr.recovery ? K.unwrapKey(kr, K.RECOVERY_LABEL, K.normaliseRecoveryKey(typed), kr.recovery) : null;
}

/**
 * Counts a wrong password (or recovery key) in the keyring file, where it outlives the process and is
 * written to the audit at the next unlock: on top of the count as it is now, not as it was read before
 * the try (another process may have counted one meanwhile). Returns the refusal to throw: what went wrong
 * and, when the count now brings a delay, how long to wait before the next try.
 */
export function recordFailedSignIn(keyringFile: string, name: string, at: string, waitMs?: number): AppError {
  const next = updateKeyring(keyringFile, (kr) => K.recordFailure(kr, name, at), waitMs);
  const wait = waitSecondsAfter(next.failures[K.normaliseUserName(name)]?.count ?? 0);
  const wrong = name === RECOVERY_KEY_NAME ? WRONG_RECOVERY_KEY : WRONG_PASSWORD;
  return new AppError('forbidden', wait > 0 ? `${wrong} Wait ${seconds(wait)} before trying again.` : wrong);
}

/** A right password or recovery key: the count of wrong tries for each of `names` starts again from nothing. */
export function clearFailedSignIns(keyringFile: string, names: readonly string[], waitMs?: number): void {
  updateKeyring(keyringFile, (kr) => (names.some((n) => kr.failures[K.normaliseUserName(n)]) ? names.reduce(K.clearFailures, kr) : kr), waitMs);
}

/** One audit row about signing in (no case, no child): who, and what happened. */
export function auditSessionEvent(db: Db, actor: string, field: string, value: string, at: string): void {
  appendAudit(db, {
    at, actor, source: 'session', action: 'insert', entity: 'session', entity_id: 0, field,
    old_value: null, new_value: value, case_id: null, child_id: null, op: null,
  });
}

/**
 * A sign-in that opened the register: the failed sign-ins noted in the keyring while it was locked go
 * into its audit trail, with a row for this sign-in, in one transaction; then the keyring forgets them
 * and the counts of `clear` (the user, and the recovery key when it was used). All in one turn at the
 * keyring, so a failure another process notes meanwhile is neither forgotten unaudited nor audited twice.
 */
export function recordSignIn(
  db: Db,
  keyringFile: string,
  signIn: { actor: string; how: string; at: string; clear: readonly string[] },
  waitMs?: number,
): void {
  withKeyringLockSync(
    keyringFile,
    () => {
      const kr = K.readKeyring(keyringFile);
      db.transaction(() => {
        for (const f of kr?.unrecorded ?? []) auditSessionEvent(db, f.name || '(no name)', 'failed_sign_in', `Wrong password or recovery key for "${f.name}"`, f.at);
        auditSessionEvent(db, signIn.actor, 'signed_in', signIn.how, signIn.at);
      })();
      if (kr) K.writeKeyring(keyringFile, { ...signIn.clear.reduce(K.clearFailures, kr), unrecorded: [] });
    },
    waitMs,
  );
}

/** A wrapped key nobody has: unwrapping it costs one scrypt and always fails. */
const DECOY: K.WrappedKey = {
  kdf: 'scrypt', ...K.SCRYPT, salt: randomBytes(16).toString('base64'), iv: randomBytes(12).toString('base64'),
  tag: randomBytes(16).toString('base64'), data: randomBytes(32).toString('base64'),
};
