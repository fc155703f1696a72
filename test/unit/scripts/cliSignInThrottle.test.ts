import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../../scripts/backupCommands';
import { signInFromCommandLine } from '../../../scripts/signIn';
import { createSessionHost, type SessionHost } from '../../../electron/session/sessionHost';
import { RECOVERY_KEY_NAME } from '../../../electron/session/failedSignIns';
import { FIRST_WAIT_SECONDS } from '../../../electron/session/throttle';
import { keyringPath, readKeyring, writeKeyring } from '../../../db/keyring';
import { verifyAuditChain } from '../../../db/auditChain';
import type { Db } from '../../../db/open';
import { tempDir } from '../../helpers/tempDb';
import { encryptedRegister } from '../../helpers/encryptedRegister';

// The command line's sign-in is slowed like the app's (follow-up to issue 13): the same rule
// (electron/session/throttle.ts), the same count in the keyring and the same audit rows
// (electron/session/failedSignIns.ts). Time is a fake clock that sleeping moves on: nothing here waits.

const MANAGER = { name: 'Nadia Kowalczyk', password: 'harbour lantern quietly' };
const ENV = ['PANEL_PASSWORD', 'PANEL_USER', 'PANEL_RECOVERY_KEY'] as const;
const saved: Partial<Record<(typeof ENV)[number], string>> = {};
beforeEach(() => {
  for (const v of ENV) {
    saved[v] = process.env[v];
    delete process.env[v];
  }
});
const hosts: SessionHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.close();
  for (const v of ENV) if (saved[v] === undefined) delete process.env[v];
  else process.env[v] = saved[v];
});

/** A register set up as the app does it (a manager and an officer, one child), with its recovery key. */
const encrypted = () =>
  encryptedRegister('panel-cli-throttle-', {
    manager: MANAGER,
    users: [{ name: 'Dana Whitcombe', role: 'officer', password: 'slate harbour evening' }],
    children: [{ forenames: 'Zephyrina', surname: 'Quackenbush-Oyelaran' }],
  });

/** A clock for the commands and the app alike: `sleep` records what was asked and moves time on by it. */
function fakeClock(start = Date.parse('2026-12-03T09:00:00.000Z')) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    advance: (ms: number) => (now += ms),
    /** What was slept since the last call, in whole seconds. */
    takeSlept: () => slept.splice(0).map((ms) => ms / 1000),
    iso: (ms = 0) => new Date(now + ms).toISOString(),
  };
}
type Clock = ReturnType<typeof fakeClock>;

type Command = typeof backupCommand;
/** One command, run as a fresh process would be: nothing is shared with the last call but the files. */
async function run(fn: Command, argv: string[], answers: string[], clock: Clock) {
  const lines: string[] = [];
  const code = await fn(argv, (l) => lines.push(l), async () => answers.shift() ?? '', { now: clock.now, sleep: clock.sleep });
  return { code, out: lines.join('\n'), slept: clock.takeSlept() };
}

const failuresIn = (file: string) => readKeyring(keyringPath(file))!;
const sessionRows = (db: Db, field: string) =>
  db.prepare("SELECT at, actor, new_value FROM audit WHERE entity = 'session' AND field = ? ORDER BY id").all(field) as { at: string; actor: string; new_value: string }[];

function signInApp(file: string, clock: Clock, who = MANAGER) {
  const host = createSessionHost({ dbPath: file, version: 'test', idleCheckMs: 0, backupCheckMs: 0, clock: clock.now });
  hosts.push(host);
  return { host, result: host.dispatch('session.signIn', who) };
}

describe('npm run backup: wrong passwords in separate runs are counted in the keyring and slowed by the app’s rule', () => {
  // Each row is one run of the command. "waits" is what the run slept before its password was even tried.
  const runs: { password: 'wrong' | 'right'; after: number; waits: number[]; count: number | null; says: RegExp; notSays?: RegExp }[] = [
    { password: 'wrong', after: 0, waits: [], count: 1, says: /^That name and password don't match\. Check both and try again \(passwords are case-sensitive\)\.$/ },
    { password: 'wrong', after: 1, waits: [], count: 2, says: /don't match/, notSays: /Wait/ },
    // The third wrong in a row is the first that brings a delay; the message says how long.
    { password: 'wrong', after: 1, waits: [], count: 3, says: /don't match\. .* Wait 5 seconds before trying again\.$/ },
    // Started 1 s later: waits the other 4 s before trying, then brings the next delay (10 s).
    { password: 'wrong', after: 1, waits: [4], count: 4, says: /Too many wrong passwords for Nadia Kowalczyk\. Waiting 4 seconds before trying this one[^\n]*\n.*Wait 10 seconds before trying again/ },
    // Started after the delay ran out: tried at once.
    { password: 'wrong', after: 11, waits: [], count: 5, says: /Wait 20 seconds before trying again/ },
    // The right password waits its turn too, then works and clears the count.
    { password: 'right', after: 0, waits: [20], count: null, says: /Waiting 20 seconds[^\n]*\nBacked up / },
  ];

  it('waits out the growing delay before each try, and a right password after it works; the failures reach the audit', async () => {
    const { file } = encrypted();
    const out = tempDir('panel-cli-out-');
    const clock = fakeClock();
    const failedAt: string[] = [];
    for (const [i, r] of runs.entries()) {
      clock.advance(r.after * 1000);
      const result = await run(backupCommand, ['--db', file, '--out', out, '--user', MANAGER.name], [r.password === 'right' ? MANAGER.password : 'not the password'], clock);
      expect(result, `run ${i + 1}`).toMatchObject({ code: r.password === 'right' ? 0 : 1, slept: r.waits });
      expect(result.out, `run ${i + 1}`).toMatch(r.says);
      if (r.notSays) expect(result.out).not.toMatch(r.notSays);
      const kr = failuresIn(file);
      if (r.count === null) expect(kr.failures).toEqual({});
      else {
        failedAt.push(clock.iso());
        expect(kr.failures['nadia kowalczyk'], `run ${i + 1}`).toEqual({ count: r.count, lastAt: clock.iso() });
      }
    }
    expect(fs.readdirSync(out).filter((n) => n.endsWith('.db'))).toHaveLength(1);
    // The backup run recorded the five failures (at the times they happened) and its own sign-in, as the app does.
    expect(failuresIn(file).unrecorded).toEqual([]);
    const { host, result } = signInApp(file, clock);
    expect(result.ok).toBe(true);
    const db = host.db()!;
    expect(sessionRows(db, 'failed_sign_in')).toEqual(failedAt.map((at) => ({ at, actor: MANAGER.name, new_value: `Wrong password or recovery key for "${MANAGER.name}"` })));
    expect(sessionRows(db, 'signed_in').map((r) => [r.actor, r.new_value])).toContainEqual([MANAGER.name, 'Signed in from the command line (npm run backup)']);
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('shares one count with the app: two wrong in the app, then two separate runs: the second waits, and the app then waits too', async () => {
    const { file } = encrypted();
    const out = tempDir('panel-cli-out-');
    const clock = fakeClock();
    const app = createSessionHost({ dbPath: file, version: 'test', idleCheckMs: 0, backupCheckMs: 0, clock: clock.now });
    hosts.push(app);
    for (let i = 0; i < 2; i++) expect(app.dispatch('session.signIn', { name: MANAGER.name, password: 'wrong' }).ok).toBe(false);
    const argv = ['--db', file, '--out', out, '--user', MANAGER.name];
    const first = await run(backupCommand, argv, ['still wrong'], clock);
    expect(first).toMatchObject({ code: 1, slept: [], out: expect.stringMatching(/Wait 5 seconds before trying again/) });
    const second = await run(backupCommand, argv, ['wrong again'], clock);
    expect(second).toMatchObject({ code: 1, slept: [FIRST_WAIT_SECONDS], out: expect.stringMatching(/Wait 10 seconds before trying again/) });
    // The app is refused by the count the command line left, in its own words, with the right password.
    expect(app.dispatch('session.signIn', MANAGER)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Too many wrong passwords for Nadia Kowalczyk\. Wait 10 seconds, then try again\./) } });
    clock.advance(10_000);
    expect(app.dispatch('session.signIn', MANAGER)).toMatchObject({ ok: true });
    // All four reach the audit at this unlock, and the keyring forgets them.
    expect(sessionRows(app.db()!, 'failed_sign_in')).toHaveLength(4);
    expect(failuresIn(file)).toMatchObject({ failures: {}, unrecorded: [] });
  });

  it('a new process reads the count from the keyring (npm run backup spawned, with the password in PANEL_PASSWORD)', () => {
    const { file } = encrypted();
    const out = tempDir('panel-cli-out-');
    // Three wrong tries a minute ago, as an earlier run would have left them: the delay (5 s) has run out.
    const kr = failuresIn(file);
    const lastAt = new Date(Date.now() - 60_000).toISOString();
    writeKeyring(keyringPath(file), { ...kr, failures: { 'nadia kowalczyk': { count: 3, lastAt } }, unrecorded: [1, 2, 3].map(() => ({ at: lastAt, name: MANAGER.name })) });
    const r = spawnSync('npx', ['tsx', 'scripts/backup.ts', '--db', file, '--out', out, '--user', MANAGER.name], {
      cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8', env: { ...process.env, PANEL_PASSWORD: 'a wrong guess' },
    });
    expect(r.status).toBe(1);
    // The fourth in a row: the new process carried on from the file's count, and says what to do.
    expect(r.stdout).toMatch(/don't match\. .* Wait 10 seconds before trying again\./);
    expect(failuresIn(file).failures['nadia kowalczyk']!.count).toBe(4);
    expect(failuresIn(file).unrecorded).toHaveLength(4);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe('the recovery key on the command line: its own count, by the same rule', () => {
  it('slows wrong recovery keys (shared with the app’s recovery screen), and a right one after the delay opens the register and clears it', async () => {
    const { file, recoveryKey } = encrypted();
    const out = tempDir('panel-cli-out-');
    const clock = fakeClock();
    const argv = ['--db', file, '--out', out, '--recovery-key'];
    const wrongKey = recoveryKey.replace(/^..../, 'ZZZZ');
    for (const [count, says] of [[1, /^That recovery key is not right\. [^W]*$/], [2, /not right/], [3, /not right\. .* Wait 5 seconds before trying again\./]] as const) {
      expect(await run(backupCommand, argv, [wrongKey], clock)).toMatchObject({ code: 1, slept: [], out: expect.stringMatching(says) });
      expect(failuresIn(file).failures[RECOVERY_KEY_NAME]!.count).toBe(count);
    }
    // The app's recovery screen is held back by the same count.
    const app = createSessionHost({ dbPath: file, version: 'test', idleCheckMs: 0, backupCheckMs: 0, clock: clock.now });
    hosts.push(app);
    expect(app.dispatch('session.recover', { recoveryKey, name: MANAGER.name, newPassword: 'a brand new password' })).toMatchObject({
      ok: false, error: { message: 'Too many wrong recovery keys. Wait 5 seconds, then try again.' },
    });
    // A user's own count is untouched by wrong recovery keys.
    expect(failuresIn(file).failures['nadia kowalczyk']).toBeUndefined();

    const right = await run(backupCommand, argv, [recoveryKey.toLowerCase()], clock);
    expect(right).toMatchObject({ code: 0, slept: [5], out: expect.stringMatching(/^Too many wrong recovery keys\. Waiting 5 seconds before trying this one.*\nBacked up /s) });
    expect(failuresIn(file)).toMatchObject({ failures: {}, unrecorded: [] });
    const { host } = signInApp(file, clock);
    const db = host.db()!;
    expect(sessionRows(db, 'failed_sign_in').map((r) => r.actor)).toEqual([RECOVERY_KEY_NAME, RECOVERY_KEY_NAME, RECOVERY_KEY_NAME]);
    expect(sessionRows(db, 'signed_in').map((r) => [r.actor, r.new_value])).toContainEqual(['Recovery key (command line)', 'Signed in with the recovery key from the command line (npm run backup)']);
  });

  it('the app’s recovery screen now clears the recovery key’s count when a right key is used (it kept growing before)', () => {
    const { file, recoveryKey } = encrypted();
    const clock = fakeClock();
    const app = createSessionHost({ dbPath: file, version: 'test', idleCheckMs: 0, backupCheckMs: 0, clock: clock.now });
    hosts.push(app);
    expect(app.dispatch('session.recover', { recoveryKey: 'ZZZZ', name: MANAGER.name, newPassword: 'a brand new password' }).ok).toBe(false);
    expect(failuresIn(file).failures[RECOVERY_KEY_NAME]!.count).toBe(1);
    expect(app.dispatch('session.recover', { recoveryKey, name: MANAGER.name, newPassword: 'a brand new password' }).ok).toBe(true);
    expect(failuresIn(file)).toMatchObject({ failures: {}, unrecorded: [] });
  });
});

describe('npm run restore: tries at the backup’s own keyring', () => {
  it('counts and slows them in the backup’s keyring; a right password after the delay restores, and the restored register records them', async () => {
    const { file } = encrypted();
    const out = tempDir('panel-cli-out-');
    const clock = fakeClock();
    expect((await run(backupCommand, ['--db', file, '--out', out, '--user', MANAGER.name], [MANAGER.password], clock)).code).toBe(0);
    const backup = path.join(out, fs.readdirSync(out).find((n) => n.endsWith('.db'))!);
    const argv = ['--db', file, '--from', backup, '--user', MANAGER.name];
    for (let i = 0; i < 3; i++) expect((await run(restoreCommand, argv, ['wrong'], clock)).code).toBe(1);
    expect(failuresIn(backup).failures['nadia kowalczyk']!.count).toBe(3);
    // The register's own keyring is another keyring: its count is not the backup's.
    expect(failuresIn(file).failures).toEqual({});

    const preview = await run(restoreCommand, argv, [MANAGER.password], clock);
    expect(preview).toMatchObject({ code: 3, slept: [FIRST_WAIT_SECONDS] });
    expect(failuresIn(backup).failures).toEqual({});
    // A preview writes to no register: the three failures wait in the backup's keyring until it is restored.
    expect(failuresIn(backup).unrecorded).toHaveLength(3);

    const restored = await run(restoreCommand, [...argv, '--yes'], [MANAGER.password], clock);
    expect(restored).toMatchObject({ code: 0, slept: [], out: expect.stringMatching(/Restored\./) });
    expect(failuresIn(backup).unrecorded).toEqual([]);
    const { host } = signInApp(file, clock);
    expect(sessionRows(host.db()!, 'failed_sign_in').map((r) => r.actor)).toEqual([MANAGER.name, MANAGER.name, MANAGER.name]);
    expect(verifyAuditChain(host.db()!).ok).toBe(true);
  });
});

describe('the PDF commands (npm run minutes, agenda-pack, archiving-form) sign in through the session host', () => {
  it('wait out the delay the host would refuse with, then sign in; the host counts and audits as in the app', async () => {
    const { file } = encrypted();
    const clock = fakeClock();
    const say: string[] = [];
    const io = { ...clock, say: (l: string) => say.push(l) };
    process.env.PANEL_PASSWORD = 'not the password';
    for (let i = 0; i < 3; i++) await expect(signInFromCommandLine(file, { user: MANAGER.name, version: 'test' }, io)).rejects.toThrow(/don't match/);
    expect(failuresIn(file).failures['nadia kowalczyk']!.count).toBe(3);
    process.env.PANEL_PASSWORD = MANAGER.password;
    const host = await signInFromCommandLine(file, { user: MANAGER.name, version: 'test' }, io);
    hosts.push(host);
    expect(clock.takeSlept()).toEqual([FIRST_WAIT_SECONDS]);
    expect(say).toEqual(['Too many wrong passwords for Nadia Kowalczyk. Waiting 5 seconds before trying this one (Ctrl+C to stop).']);
    expect(host.status()).toMatchObject({ state: 'open', user: { name: MANAGER.name } });
    expect(sessionRows(host.db()!, 'failed_sign_in')).toHaveLength(3);
    expect(failuresIn(file)).toMatchObject({ failures: {}, unrecorded: [] });
  });
});
