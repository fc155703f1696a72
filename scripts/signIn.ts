import readline from 'node:readline';
import { createSessionHost, type SessionHost } from '../electron/session/sessionHost';
import * as K from '../db/keyring';

/**
 * Command-line tools sign in like the app (issue 13): the register is encrypted and only a user's
 * password opens it. The name comes from --user (or PANEL_USER), the password from PANEL_PASSWORD
 * (scripts, CI) or is asked for on the terminal without echoing it.
 */
export async function signInFromCommandLine(dbPath: string, options: { user?: string; version: string; today?: () => string }): Promise<SessionHost> {
  const name = options.user ?? process.env.PANEL_USER;
  if (!name) throw new Error('The register is encrypted: say who you are with --user "Your Name" (and set PANEL_PASSWORD, or type the password when asked).');
  const password = process.env.PANEL_PASSWORD ?? (await askHidden(`Password for ${name}: `));
  const host = createSessionHost({ dbPath, version: options.version, today: options.today, idleCheckMs: 0 });
  const r = host.dispatch('session.signIn', { name, password });
  if (!r.ok) {
    host.close();
    throw new Error(r.error.message);
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
 * of the register it replaces.
 */
export async function unlockKeyring(
  keyringFile: string,
  how: { user?: string; recoveryKey?: boolean },
  ask: (question: string) => Promise<string> = askHidden,
): Promise<UnlockedKey> {
  const kr = K.readKeyring(keyringFile);
  if (!kr) throw new Error(`The keyring ${keyringFile} is missing, and an encrypted register cannot be opened without it. Put it back beside its file.`);
  if (how.recoveryKey) {
    const typed = process.env.PANEL_RECOVERY_KEY ?? (await ask('Recovery key: '));
    const key = kr.recovery ? K.unwrapKey(kr, K.RECOVERY_LABEL, K.normaliseRecoveryKey(typed), kr.recovery) : null;
    if (!key) throw new Error('That recovery key is not right. Check it against the printed copy (dashes and spaces don’t matter).');
    return { key, by: 'recovery key' };
  }
  const name = how.user ?? process.env.PANEL_USER;
  if (!name) {
    throw new Error('The register is encrypted: say who you are with --user "Your Name" (and set PANEL_PASSWORD, or type the password when asked), or use --recovery-key.');
  }
  const entry = K.findUser(kr, name);
  const password = process.env.PANEL_PASSWORD ?? (await ask(`Password for ${name}: `));
  const key = entry ? K.unwrapKey(kr, K.userLabel(entry.userId), password, entry.wrapped) : null;
  if (!entry || !key) throw new Error("That name and password don't match. Check both and try again (passwords are case-sensitive).");
  return { key, by: { userId: entry.userId, name: entry.name } };
}
