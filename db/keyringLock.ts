import fs from 'node:fs';
import { AppError } from '../shared/api/errors';

/** How often a writer waiting for another's turn looks again, and when a lock left behind counts as abandoned. */
const STEP_MS = 50;
const ABANDONED_MS = 10_000;
/** How long the app waits for a command-line tool's turn (one try is a scrypt, plus opening the register) before saying so. */
export const APP_WAIT_MS = 5_000;

export const lockPath = (keyringFile: string): string => `${keyringFile}.lock`;

/**
 * The app and the command-line tools take turns at a keyring: the lock (`<keyring>.lock`, created
 * exclusively, holding the process id) is held while the keyring is read, changed and written back, so
 * neither writes over the other's change with an older copy (a password changed in the app, a wrong try
 * counted by a tool). The command line also holds it across each try (its scrypt), so tools started side
 * by side cannot all try at the moment a delay runs out. A lock whose process has gone (Ctrl+C in the
 * middle of a try), or older than any try takes, is removed.
 *
 * A process that holds the lock already (the command line signing in through the app's session host)
 * runs a nested turn straight away: its own lock file would otherwise look like another's.
 */
const held = new Set<string>();

/** The command line's turn: waits with its own (injectable) sleep until the keyring is free. */
export async function withKeyringLock<T>(keyringFile: string, sleep: (ms: number) => Promise<void>, fn: () => T): Promise<T> {
  for (;;) {
    const turn = take(keyringFile);
    if (turn === 'busy') await sleep(STEP_MS);
    else return inTurn(keyringFile, turn, fn);
  }
}

/**
 * The app's turn, for its synchronous handlers: waits in short steps (the thread sleeps, it doesn't spin)
 * and gives up after `waitMs` with a message saying what to do, having changed nothing.
 */
export function withKeyringLockSync<T>(keyringFile: string, fn: () => T, waitMs = APP_WAIT_MS): T {
  const giveUpAt = Date.now() + waitMs;
  for (;;) {
    const turn = take(keyringFile);
    if (turn !== 'busy') return inTurn(keyringFile, turn, fn);
    const left = giveUpAt - Date.now();
    if (left <= 0) throw new AppError('storage_busy', `Another Panel tool is using the keyring beside ${registerOf(keyringFile)}; try again in a moment.`);
    pause(Math.min(STEP_MS, left));
  }
}

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/**
 * Sleeps the thread for `ms`. Node lets its main thread block in Atomics.wait; a runtime that refuses
 * (a browser-like main thread throws TypeError) gets a busy wait instead: the wait is rare and bounded.
 */
export function pause(ms: number): void {
  try {
    Atomics.wait(SLEEPER, 0, 0, ms);
  } catch {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      /* another Panel tool holds the keyring for a moment */
    }
  }
}

/** The register the keyring belongs to, as the person knows it (`<register>.keyring.json`). */
const registerOf = (keyringFile: string) => keyringFile.replace(/\.keyring\.json$/, '');

/** Takes the lock ('taken'), finds this process holds it already ('nested'), or finds another's ('busy'). */
function take(keyringFile: string): 'taken' | 'nested' | 'busy' {
  const lock = lockPath(keyringFile);
  if (held.has(lock)) return 'nested';
  let fd: number;
  try {
    fd = fs.openSync(lock, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (!abandoned(lock)) return 'busy';
      fs.rmSync(lock, { force: true });
      return take(keyringFile);
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppError(
        'storage_read_only',
        `Panel can't write beside ${keyringFile}, where wrong passwords are counted. ` +
          'Copy the file and its keyring to a folder you can write to (or ask IT for write access), then try again.',
      );
    }
    throw err;
  }
  try {
    fs.writeSync(fd, String(process.pid));
  } finally {
    fs.closeSync(fd);
  }
  return 'taken';
}

function inTurn<T>(keyringFile: string, turn: 'taken' | 'nested', fn: () => T): T {
  if (turn === 'nested') return fn();
  const lock = lockPath(keyringFile);
  held.add(lock);
  try {
    return fn();
  } finally {
    held.delete(lock);
    fs.rmSync(lock, { force: true });
  }
}

/** The lock's owner has exited, or it has been held far longer than one try takes. */
function abandoned(lock: string): boolean {
  let pid: number;
  let age: number;
  try {
    pid = Number(fs.readFileSync(lock, 'utf8'));
    // The file's own time against the machine's: this is housekeeping, not the sign-in rule.
    age = Date.now() - fs.statSync(lock).mtimeMs;
  } catch {
    return false; // gone already: the next look creates it
  }
  if (age > ABANDONED_MS) return true;
  if (!Number.isInteger(pid) || pid <= 0) return false; // just created; its id is being written
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
