import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionHost, type SessionHost } from '../../../electron/session/sessionHost';
import { keyringPath, readKeyring } from '../../../db/keyring';
import { lockPath } from '../../../db/keyringLock';
import { tempDir, TODAY } from '../../helpers/tempDb';

// The app takes its turn at the keyring as the command-line tools do (db/keyringLock.ts):
// what another process writes while it holds the lock is kept, and the app's change goes on top.

const MANAGER = { name: 'Nadia Okafor', password: 'harbour lantern quietly' };
const NEW_PASSWORD = 'copper kettle slowly';

const hosts: SessionHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.close();
});

/** A register set up by MANAGER, who is signed in. */
function signedIn(keyringWaitMs?: number) {
  const file = path.join(tempDir('panel-turns-'), 'panel.db');
  const host = createSessionHost({ dbPath: file, version: 'test', today: () => TODAY, idleCheckMs: 0, backupCheckMs: 0, keyringWaitMs });
  hosts.push(host);
  const setup = host.dispatch('session.setup', MANAGER);
  if (!setup.ok) throw new Error(setup.error.message);
  return { host, file, keyring: keyringPath(file) };
}

const changePassword = (host: SessionHost) => host.dispatch('session.changePassword', { currentPassword: MANAGER.password, newPassword: NEW_PASSWORD });
const signInWith = (host: SessionHost, password: string) => {
  host.dispatch('session.signOut', {});
  return host.dispatch('session.signIn', { name: MANAGER.name, password });
};

/**
 * Another process (a command-line tool) taking its turn: it takes the lock, reads the keyring, says so on
 * stdout, holds the lock for `holdMs`, then writes back its copy with one more wrong try counted for `who`
 * and lets go. An app that wrote during the hold would have its change overwritten by that older copy.
 */
const OTHER_TOOL = `
const fs = require('node:fs');
const [file, who, holdMs] = process.argv.slice(1);
const lock = file + '.lock';
const fd = fs.openSync(lock, 'wx', 0o600);
fs.writeSync(fd, String(process.pid));
fs.closeSync(fd);
const kr = JSON.parse(fs.readFileSync(file, 'utf8'));
process.stdout.write('held\\n');
setTimeout(() => {
  const key = who.toLowerCase();
  kr.failures[key] = { count: (kr.failures[key]?.count ?? 0) + 1, lastAt: new Date().toISOString() };
  kr.unrecorded.push({ at: kr.failures[key].lastAt, name: who });
  fs.writeFileSync(file + '.other.tmp', JSON.stringify(kr));
  fs.renameSync(file + '.other.tmp', file);
  fs.rmSync(lock);
}, Number(holdMs));
`;

async function otherToolHolding(keyringFile: string, who: string): Promise<{ done: Promise<number | null> }> {
  const child = spawn(process.execPath, ['-e', OTHER_TOOL, keyringFile, who, '300'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
    child.on('exit', (code) => reject(new Error(`the other tool exited (${code}) before taking the lock`)));
  });
  return { done };
}

describe('the app takes turns at the keyring with the command-line tools', () => {
  it('a password change waits for the other process, then applies on top of what it wrote', async () => {
    const { host, keyring } = signedIn();
    const other = await otherToolHolding(keyring, 'Someone Else');
    expect(changePassword(host)).toMatchObject({ ok: true });
    expect(await other.done).toBe(0);
    expect(readKeyring(keyring)!.failures['someone else']).toMatchObject({ count: 1 });
    expect(signInWith(host, NEW_PASSWORD)).toMatchObject({ ok: true });
    expect(fs.existsSync(lockPath(keyring))).toBe(false);
  });

  it('a failed sign-in counts on top of a wrong try another process counted meanwhile', async () => {
    const { host, keyring } = signedIn();
    host.dispatch('session.signOut', {});
    const other = await otherToolHolding(keyring, MANAGER.name);
    expect(host.dispatch('session.signIn', { name: MANAGER.name, password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await other.done).toBe(0);
    const kr = readKeyring(keyring)!;
    expect(kr.failures['nadia okafor']).toMatchObject({ count: 2 });
    expect(kr.unrecorded.map((f) => f.name)).toEqual([MANAGER.name, MANAGER.name]);
  });

  it('a lock left by a process that has exited does not hold the app up', () => {
    // No time to wait at all: only a lock found abandoned lets the change through.
    const { host, keyring } = signedIn(0);
    const deadPid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    fs.writeFileSync(lockPath(keyring), deadPid);
    expect(changePassword(host)).toMatchObject({ ok: true });
    expect(fs.existsSync(lockPath(keyring))).toBe(false);
    expect(signInWith(host, NEW_PASSWORD)).toMatchObject({ ok: true });
  });

  it('a lock held past the wait refuses the change, saying why, and changes nothing', () => {
    const { host, file, keyring } = signedIn(100);
    fs.writeFileSync(lockPath(keyring), String(process.pid)); // a running process's: this one's, outside the module
    const before = fs.readFileSync(keyring);
    expect(changePassword(host)).toEqual({
      ok: false,
      error: { code: 'storage_busy', message: `Another Panel tool is using the keyring beside ${file}; try again in a moment.` },
    });
    expect(fs.readFileSync(keyring).equals(before)).toBe(true);
    expect(host.db()!.prepare("SELECT COUNT(*) AS n FROM audit WHERE field = 'password_changed'").get()).toEqual({ n: 0 });
    fs.rmSync(lockPath(keyring));
    expect(signInWith(host, MANAGER.password)).toMatchObject({ ok: true });
  });
});
