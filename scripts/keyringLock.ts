import fs from 'node:fs';

/** How often a command waiting for another's turn looks again, and when a lock left behind counts as abandoned. */
const STEP_MS = 50;
const ABANDONED_MS = 10_000;

export const lockPath = (keyringFile: string): string => `${keyringFile}.lock`;

/**
 * Command-line tools take turns at a keyring: the lock (`<keyring>.lock`, created exclusively, holding
 * the process id) is held while one try is checked against the delay, made (one scrypt) and counted, so
 * tools started side by side cannot all try at the moment a delay runs out, nor lose each other's counts.
 * A lock whose process has gone (Ctrl+C in the middle of a try), or older than any try takes, is removed.
 */
export async function withKeyringLock<T>(keyringFile: string, sleep: (ms: number) => Promise<void>, fn: () => T): Promise<T> {
  const lock = lockPath(keyringFile);
  for (;;) {
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx', 0o600);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        if (abandoned(lock)) fs.rmSync(lock, { force: true });
        else await sleep(STEP_MS);
        continue;
      }
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new Error(
          `Panel can't write beside ${keyringFile}, where wrong passwords are counted. ` +
            'Copy the file and its keyring to a folder you can write to (or ask IT for write access), then try again.',
          { cause: err },
        );
      }
      throw err;
    }
    try {
      fs.writeSync(fd, String(process.pid));
    } finally {
      fs.closeSync(fd);
    }
    try {
      return fn();
    } finally {
      fs.rmSync(lock, { force: true });
    }
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
    return false; // gone already: the next loop creates it
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
