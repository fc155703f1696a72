import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { lockPath, pause, withKeyringLock, withKeyringLockSync } from '../../../db/keyringLock';
import { tempDir } from '../../helpers/tempDb';

const keyringFile = () => path.join(tempDir('panel-lock-'), 'panel.db.keyring.json');

describe('withKeyringLock: command-line tools take turns at a keyring', () => {
  /** A process id that is not running: a child that has already exited. */
  const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;

  it.each([
    ['nobody holds it', null, 0],
    ['a process that has exited holds it (Ctrl+C during a try)', 'dead', 0],
    ['a running process holds it, and lets go after one look', 'alive', 1],
  ] as const)('%s: looks again %i times', async (_label, holder, looks) => {
    const file = keyringFile();
    const lock = lockPath(file);
    if (holder) fs.writeFileSync(lock, holder === 'dead' ? deadPid() : String(process.pid));
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      fs.rmSync(lock, { force: true }); // the other process finishes its try
    };
    let heldDuring = false;
    const value = await withKeyringLock(file, sleep, () => {
      heldDuring = fs.readFileSync(lock, 'utf8') === String(process.pid);
      return 42;
    });
    expect(value).toBe(42);
    expect(heldDuring).toBe(true);
    expect(sleeps).toHaveLength(looks);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('lets go when the try throws (a wrong password)', async () => {
    const file = keyringFile();
    await expect(withKeyringLock(file, async () => {}, () => {
      throw new Error('wrong');
    })).rejects.toThrow('wrong');
    expect(fs.existsSync(lockPath(file))).toBe(false);
  });

  it('a lock held far longer than any try is taken over', async () => {
    const file = keyringFile();
    fs.writeFileSync(lockPath(file), String(process.pid));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPath(file), old, old);
    const sleeps: number[] = [];
    expect(await withKeyringLock(file, async (ms) => void sleeps.push(ms), () => 'mine')).toBe('mine');
    expect(sleeps).toEqual([]);
  });

  it("a turn taken inside this process's own turn (the command line signing in through the session host) runs at once, and the outer turn keeps the lock", async () => {
    const file = keyringFile();
    const inner = await withKeyringLock(file, async () => {}, () => {
      const value = withKeyringLockSync(file, () => 'inner', 0);
      return { value, stillHeld: fs.existsSync(lockPath(file)) };
    });
    expect(inner).toEqual({ value: 'inner', stillHeld: true });
    expect(fs.existsSync(lockPath(file))).toBe(false);
  });
});

describe('pause: the synchronous turn\'s sleep', () => {
  it('still waits where the runtime refuses to block the thread (Atomics.wait throws)', () => {
    const refuse = vi.spyOn(Atomics, 'wait').mockImplementation(() => {
      throw new TypeError('Atomics.wait cannot be called in this context');
    });
    try {
      const before = Date.now();
      pause(40);
      expect(refuse).toHaveBeenCalledTimes(1);
      expect(Date.now() - before).toBeGreaterThanOrEqual(40);
    } finally {
      refuse.mockRestore();
    }
  });
});
