import readline from 'node:readline';
import { createSessionHost, type SessionHost } from '../electron/session/sessionHost';
import * as F from '../electron/session/failedSignIns';
import * as K from '../db/keyring';
import type { Db } from '../db/open';
import { withKeyringLock } from '../db/keyringLock';

/**
 * The command line's time (injectable: tests move a clock on instead of waiting) and where it says
 * that it is waiting out a sign-in delay.
 */
export interface SignInClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  say: (line: string) => void;
}

export const REAL_CLOCK: SignInClock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  say: (line) => console.error(line),
};

/**
 * One try at a keyring from the command line, slowed as the app's sign-in is (electron/session/throttle.ts,
 * counted in the keyring by electron/session/failedSignIns.ts): while the count of wrong tries for `name`
 * asks for a delay, the command says so and waits it out before the try is even made (a script gains
 * nothing by starting new processes, since the count is in the file). The check and the try are made
 * holding the keyring's lock, so tools started side by side (and the app) take turns; the session host's
 * own keyring writes during the try run in this turn (a nested turn of the same process).
 */
async function inTurn<T>(keyringFile: string, name: string, clock: SignInClock, attempt: (kr: K.Keyring) => T): Promise<T> {
  for (;;) {
    const turn = await withKeyringLock(keyringFile, clock.sleep, (): { value: T } | { wait: number } => {
      const kr = K.readKeyring(keyringFile);
      if (!kr) throw new Error(missingKeyring(keyringFile));
      const wait = F.waitFor(kr, name, clock.now());
      return wait > 0 ? { wait } : { value: attempt(kr) };
    });
    if ('value' in turn) return turn.value;
    clock.say(F.waitingMessage(name, turn.wait));
    await clock.sleep(turn.wait * 1000);
  }
}

const missingKeyring = (keyringFile: string) =>
  `The keyring ${keyringFile} is missing, and an encrypted register cannot be opened without it. Put it back beside its file.`;

/**
 * Command-line tools sign in like the app (issue 13): the register is encrypted and only a user's
 * password opens it. The name comes from --user (or PANEL_USER), the password from PANEL_PASSWORD
 * (scripts, CI) or is asked for on the terminal without echoing it. The session host counts, slows
 * and audits the try as it does in the app; this waits out a delay first, rather than being refused.
 */
export async function signInFromCommandLine(
  dbPath: string,
  options: { user?: string; version: string; today?: () => string },
  clock: SignInClock = REAL_CLOCK,
): Promise<SessionHost> {
  const name = options.user ?? process.env.PANEL_USER;
  if (!name) throw new Error('The register is encrypted: say who you are with --user "Your Name" (and set PANEL_PASSWORD, or type the password when asked).');
  const password = process.env.PANEL_PASSWORD ?? (await askHidden(`Password for ${name}: `));
  const host = createSessionHost({ dbPath, version: options.version, today: options.today, idleCheckMs: 0, clock: clock.now });
  try {
    await inTurn(K.keyringPath(dbPath), name, clock, () => {
      const r = host.dispatch('session.signIn', { name, password });
      if (!r.ok) throw new Error(r.error.message);
    });
  } catch (err) {
    host.close();
    throw err;
  }
  return host;
}

export function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new Error('No terminal to ask for the password on: set PANEL_PASSWORD for this command.'));
  }
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    out._writeToOutput = (s: string) => {
      // Show the question, then nothing of what is typed.
      if (!asked) process.stdout.write(s);
      asked = true;
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

export interface UnlockedKey {
  key: Buffer;
  /** Who unlocked it: a user of the keyring (their id in the register), or the recovery key. */
  by: { userId: number; name: string } | 'recovery key';
}

/**
 * The register's key for tools that must open a file without the app (npm run backup / restore):
 * unwrapped from a keyring with a user's password (--user, PANEL_PASSWORD or asked for) or with the
 * printed recovery key (--recovery-key, PANEL_RECOVERY_KEY or asked for). Which keyring is the
 * caller's choice: restore uses the backup's own copy, which opens the backup whatever the state
 * of the register it replaces. A wrong password or recovery key is counted in that keyring and slows
 * the next try exactly as in the app (a recovery key under its own count, as on the app's recovery
 * screen); a right one clears its count. The failures reach an audit trail when the caller opens a
 * register with the key (recordCommandLineSignIn).
 */
export async function unlockKeyring(
  keyringFile: string,
  how: { user?: string; recoveryKey?: boolean },
  ask: (question: string) => Promise<string> = askHidden,
  clock: SignInClock = REAL_CLOCK,
): Promise<UnlockedKey> {
  if (!K.readKeyring(keyringFile)) throw new Error(missingKeyring(keyringFile));
  const at = () => new Date(clock.now()).toISOString();
  if (how.recoveryKey) {
    const typed = process.env.PANEL_RECOVERY_KEY ?? (await ask('Recovery key: '));
    const key = await inTurn(keyringFile, F.RECOVERY_KEY_NAME, clock, (kr) => {
      const found = F.tryRecoveryKey(kr, typed);
      if (!found) throw F.recordFailedSignIn(keyringFile, F.RECOVERY_KEY_NAME, at());
      F.clearFailedSignIns(keyringFile, [F.RECOVERY_KEY_NAME]);
      return found;
    });
    return { key, by: 'recovery key' };
  }
  const name = how.user ?? process.env.PANEL_USER;
  if (!name) {
    throw new Error('The register is encrypted: say who you are with --user "Your Name" (and set PANEL_PASSWORD, or type the password when asked), or use --recovery-key.');
  }
  const password = process.env.PANEL_PASSWORD ?? (await ask(`Password for ${name}: `));
  const { key, entry } = await inTurn(keyringFile, name, clock, (kr) => {
    const tried = F.tryPassword(kr, name, password);
    if (!tried) throw F.recordFailedSignIn(keyringFile, name, at());
    F.clearFailedSignIns(keyringFile, [name]);
    return tried;
  });
  return { key, by: { userId: entry.userId, name: entry.name } };
}

/**
 * A command that has opened a register with an unlocked key records the sign-in as the app does: the
 * failed sign-ins noted in `keyringFile` (the one the key came from) go into that register's audit trail,
 * with a row for this sign-in, and the keyring forgets them.
 */
export function recordCommandLineSignIn(db: Db, keyringFile: string, unlocked: UnlockedKey, command: string, at: string): void {
  const { by } = unlocked;
  const byKey = by === 'recovery key';
  F.recordSignIn(db, keyringFile, {
    actor: byKey ? 'Recovery key (command line)' : by.name,
    how: `Signed in ${byKey ? 'with the recovery key ' : ''}from the command line (${command})`,
    at,
    clear: [byKey ? F.RECOVERY_KEY_NAME : by.name],
  });
}
