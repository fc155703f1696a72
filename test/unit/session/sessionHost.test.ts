import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionHost, type SessionHost } from '../../../electron/session/sessionHost';
import Database from 'better-sqlite3';
import { applyKey, isPlainDatabase, newRegisterKey } from '../../../db/encryption';
import { keyringPath, readKeyring } from '../../../db/keyring';
import { openDatabase } from '../../../db/open';
import { cmeReferral, openTestApp, tempDir, TODAY } from '../../helpers/tempDb';
import type { Result } from '../../../shared/api/errors';
import { LOST_PUPIL_CHECKS } from '../../../shared/domain/closure';

// Issue 13: the register encrypted at rest, opened by signing in; key wrapping per user; idle lock.

const NAME = { forenames: 'Zephyrina', surname: 'Quackenbush-Oyelaran' };
const MANAGER = { name: 'Nadia Okafor', password: 'harbour lantern quietly' };

interface Rig {
  host: SessionHost;
  file: string;
  /** Moves the host's clock on. */
  advance: (ms: number) => void;
  call: <T = any>(method: string, args?: unknown) => T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const hosts: SessionHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.close();
});

function rig(file = path.join(tempDir('panel-session-'), 'panel.db')): Rig {
  let now = Date.parse(`${TODAY}T09:00:00Z`);
  const host = createSessionHost({ dbPath: file, version: 'test', today: () => TODAY, clock: () => now, idleCheckMs: 0, checkOutputs: true });
  hosts.push(host);
  const call = (method: string, args: unknown = {}) => {
    const r = host.dispatch(method, args);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
    return r.value as never;
  };
  return { host, file, advance: (ms) => (now += ms), call };
}

const refusedWith = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

/** Every byte the register has on disk: the file, its WAL and its rollback journal. */
function rawBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-journal`, `${file}-shm`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

function holdsName(bytes: Buffer): boolean {
  return [NAME.forenames, NAME.surname].some((n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le')));
}

describe('session host: encryption at rest', () => {
  it('starts in set-up, and the first user is a manager with a printed recovery key', () => {
    const r = rig();
    expect(r.call('session.status')).toMatchObject({ state: 'setup', user: null, existingRegister: false, idleMinutes: 15 });
    expect(refusedWith(r.host.dispatch('register.list', {}))).toBe('locked');
    const { status, recoveryKey } = r.call('session.setup', MANAGER);
    expect(status).toMatchObject({ state: 'open', user: { name: 'Nadia Okafor', role: 'manager' } });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    expect(r.call('app.info')).toMatchObject({ userName: 'Nadia Okafor' });
    expect(refusedWith(r.host.dispatch('session.setup', { name: 'Someone Else', password: 'another long password' }))).toBe('conflict');
  });

  it('writes a child through the services and no raw byte of the register, its WAL or journal holds the name', () => {
    const r = rig();
    r.call('session.setup', MANAGER);
    const { caseId } = r.call('referrals.create', cmeReferral({}, NAME));
    r.call('notes.add', { caseId, notedOn: TODAY, text: `Spoke to ${NAME.forenames}'s aunt` });
    // While open (the WAL holds the latest pages) and after locking (checkpointed into the file).
    expect(fs.existsSync(`${r.file}-wal`)).toBe(true);
    expect(holdsName(rawBytes(r.file))).toBe(false);
    expect(isPlainDatabase(r.file)).toBe(false);
    r.call('session.signOut');
    expect(holdsName(rawBytes(r.file))).toBe(false);
    // Without the key the file is not a database at all.
    expect(() => openDatabase(r.file)).toThrow(/damaged|not a database/i);
    // And the keyring beside it holds no name of a child and no key in clear (only wrapped copies).
    const keyring = fs.readFileSync(keyringPath(r.file), 'utf8');
    expect(holdsName(Buffer.from(keyring))).toBe(false);
    expect(keyring).not.toMatch(/[0-9a-f]{64}/i);
    expect(fs.statSync(keyringPath(r.file)).mode & 0o077).toBe(0);
    r.call('session.signIn', { name: MANAGER.name, password: MANAGER.password });
    expect(r.call('register.list', {}).map((x: { surname: string }) => x.surname)).toContain(NAME.surname);
  });

  it('encrypts an existing plain register in place on first sign-in: counts checked, plain file gone', () => {
    const file = path.join(tempDir('panel-session-'), 'panel.db');
    const plain = openTestApp({ file });
    plain.ok('referrals.create', cmeReferral({}, NAME));
    plain.ok('referrals.create', cmeReferral({}, { forenames: 'Bo', surname: 'Lee' }));
    const before = plain.db.prepare('SELECT (SELECT count(*) FROM children) AS children, (SELECT count(*) FROM cases) AS cases').get() as { children: number; cases: number };
    plain.close();
    expect(isPlainDatabase(file)).toBe(true);
    expect(holdsName(rawBytes(file))).toBe(true);

    const r = rig(file);
    expect(r.call('session.status')).toMatchObject({ state: 'setup', existingRegister: true });
    r.call('session.setup', MANAGER);
    expect(isPlainDatabase(file)).toBe(false);
    expect(holdsName(rawBytes(file))).toBe(false);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['panel.db', 'panel.db-shm', 'panel.db-wal', 'panel.db.keyring.json']);
    const after = r.host.current()!;
    expect(after.dispatch('register.list', {})).toMatchObject({ ok: true, value: { length: before.cases } });
    expect(r.host.db()!.prepare('SELECT (SELECT count(*) FROM children) AS children, (SELECT count(*) FROM cases) AS cases').get()).toEqual({ children: before.children, cases: before.cases });
    r.call('session.signOut');
    r.call('session.signIn', MANAGER);
    expect(r.call('register.list', {})).toHaveLength(before.cases);
  });
});

describe('session host: sign-in, users and roles', () => {
  it('refuses a wrong password, slows repeated tries, and records them in the audit once unlocked', () => {
    const r = rig();
    r.call('session.setup', MANAGER);
    r.call('session.signOut');
    expect(r.call('session.status')).toMatchObject({ state: 'locked', lockedBecause: 'signed_out' });
    const wrong = () => r.host.dispatch('session.signIn', { name: MANAGER.name, password: 'not the password' });
    expect(wrong()).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/don't match/) } });
    expect(wrong()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(wrong()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The third failure in a row means waiting before the next try, even with the right password.
    expect(r.host.dispatch('session.signIn', MANAGER)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Wait 5 seconds/) } });
    expect(readKeyring(keyringPath(r.file))!.failures['nadia okafor']).toMatchObject({ count: 3 });
    r.advance(5_000);
    expect(r.call('session.signIn', MANAGER)).toMatchObject({ state: 'open' });
    const failures = r.host.db()!.prepare("SELECT actor, new_value FROM audit WHERE entity = 'session' AND field = 'failed_sign_in'").all();
    expect(failures).toHaveLength(3);
    expect(readKeyring(keyringPath(r.file))).toMatchObject({ failures: {}, unrecorded: [] });
  });

  it('adds, re-roles, resets and removes users without re-encrypting the register', () => {
    const r = rig();
    r.call('session.setup', MANAGER);
    const salt = () => fs.readFileSync(r.file).subarray(0, 16).toString('hex');
    r.call('session.signOut');
    r.call('session.signIn', MANAGER);
    const firstSalt = salt();
    const priya = r.call('users.create', { name: 'Priya Shah', role: 'officer', password: 'copper kettle morning' });
    const sam = r.call('users.create', { name: 'Sam Reid', role: 'panel_member', password: 'violet tram sixteen' });
    expect(r.call('users.list').map((u: { name: string; role: string; canSignIn: boolean }) => [u.name, u.role, u.canSignIn])).toEqual([
      ['Nadia Okafor', 'manager', true], ['Priya Shah', 'officer', true], ['Sam Reid', 'panel_member', true],
    ]);
    expect(refusedWith(r.host.dispatch('users.create', { name: 'priya  SHAH', role: 'officer', password: 'another long password' }))).toBe('invalid_input');

    // A panel member reads but can't change anything, nor manage users.
    r.call('session.signOut');
    r.call('session.signIn', { name: 'sam reid', password: 'violet tram sixteen' });
    expect(r.call('session.status').user).toMatchObject({ name: 'Sam Reid', role: 'panel_member' });
    expect(r.host.dispatch('register.list', {}).ok).toBe(true);
    expect(r.host.dispatch('referrals.create', cmeReferral())).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/panel member can't make this change/) } });
    expect(refusedWith(r.host.dispatch('users.list', {}))).toBe('forbidden');

    // The officer writes; every audit row carries them.
    r.call('session.signOut');
    r.call('session.signIn', { name: 'Priya Shah', password: 'copper kettle morning' });
    const { caseId } = r.call('referrals.create', cmeReferral());
    expect(new Set(r.call('audit.forCase', { caseId }).map((a: { actor: string }) => a.actor))).toEqual(new Set(['Priya Shah']));
    expect(refusedWith(r.host.dispatch('users.remove', { id: sam.id }))).toBe('forbidden');

    // The manager resets the officer's forgotten password and removes the panel member.
    r.call('session.signOut');
    r.call('session.signIn', MANAGER);
    r.call('users.resetPassword', { id: priya.id, password: 'brand new password' });
    r.call('users.setRole', { id: priya.id, role: 'manager' });
    r.call('users.remove', { id: sam.id });
    expect(refusedWith(r.host.dispatch('users.remove', { id: 1 }))).toBe('conflict');
    r.call('session.signOut');
    expect(refusedWith(r.host.dispatch('session.signIn', { name: 'Sam Reid', password: 'violet tram sixteen' }))).toBe('forbidden');
    expect(refusedWith(r.host.dispatch('session.signIn', { name: 'Priya Shah', password: 'copper kettle morning' }))).toBe('forbidden');
    expect(r.call('session.signIn', { name: 'Priya Shah', password: 'brand new password' }).user).toMatchObject({ role: 'manager' });
    // The register's own key never changed: same salt page, and the first manager's password still opens it.
    expect(salt()).toBe(firstSalt);
    r.call('session.signOut');
    expect(r.call('session.signIn', MANAGER).state).toBe('open');
  });

  it('keeps a manager: the only manager can be neither demoted nor removed', () => {
    const r = rig();
    r.call('session.setup', MANAGER);
    expect(r.host.dispatch('users.setRole', { id: 1, role: 'officer' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/only manager/) } });
  });

  it('opens with the recovery key when every manager password is lost, setting a new one', () => {
    const r = rig();
    const { recoveryKey } = r.call('session.setup', MANAGER);
    r.call('session.signOut');
    expect(refusedWith(r.host.dispatch('session.recover', { recoveryKey: 'AAAA-BBBB', name: MANAGER.name, newPassword: 'fresh start password' }))).toBe('forbidden');
    const typed = (recoveryKey as string).toLowerCase().replace(/-/g, ' ');
    expect(r.call('session.recover', { recoveryKey: typed, name: MANAGER.name, newPassword: 'fresh start password' })).toMatchObject({ state: 'open' });
    r.call('session.signOut');
    expect(refusedWith(r.host.dispatch('session.signIn', MANAGER))).toBe('forbidden');
    expect(r.call('session.signIn', { name: MANAGER.name, password: 'fresh start password' }).state).toBe('open');
  });

  it('locks after the idle time (polls do not count as activity), closing the register', () => {
    const r = rig();
    r.call('session.setup', MANAGER);
    r.call('session.setIdleMinutes', { minutes: 5 });
    r.advance(4 * 60_000);
    r.call('register.list', {});
    r.advance(4 * 60_000);
    expect(r.call('session.status').state).toBe('open');
    // Someone typing a long note (nothing saved yet) is using Panel: the window's check says so.
    r.advance(30_000);
    expect(r.call('session.status', { active: true }).state).toBe('open');
    r.advance(4 * 60_000);
    expect(r.call('session.status').state).toBe('open');
    r.advance(60_000);
    // session.status is what a window polls with: it sees the lock but doesn't hold it off.
    expect(r.call('session.status')).toMatchObject({ state: 'locked', lockedBecause: 'idle', idleMinutes: 5 });
    expect(r.host.dispatch('register.list', {})).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringMatching(/left idle/) } });
    expect(r.host.current()).toBeNull();
    expect(r.call('session.signIn', MANAGER).idleMinutes).toBe(5);
  });
});


describe('encryption of the rollback journal', () => {
  it('keeps the pages a transaction is changing encrypted in the -journal file too', () => {
    const file = path.join(tempDir('panel-journal-'), 'j.db');
    const db = new Database(file);
    applyKey(db, newRegisterKey());
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE t (name TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run(`${NAME.forenames} ${NAME.surname}`);
    db.exec('BEGIN');
    db.prepare('UPDATE t SET name = ?').run('someone else');
    // Mid-transaction the journal holds the original page, with the name on it: encrypted.
    const journal = fs.readFileSync(`${file}-journal`);
    expect(journal.length).toBeGreaterThan(0);
    expect(holdsName(journal)).toBe(false);
    db.exec('ROLLBACK');
    expect(db.prepare('SELECT name FROM t').get()).toEqual({ name: `${NAME.forenames} ${NAME.surname}` });
    db.close();
    expect(holdsName(rawBytes(file))).toBe(false);
  });
});

describe('closure authorisation by the signed-in manager', () => {
  it('an officer proposes; the manager who proposed another cannot authorise it; a second manager does, named from sign-in', () => {
    const r = rig();
    r.call('session.setup', MANAGER);
    r.call('users.create', { name: 'Priya Shah', role: 'officer', password: 'copper kettle morning' });
    r.call('users.create', { name: 'Gareth Lowden', role: 'manager', password: 'seven blue herons' });
    const priya = r.call('officers.create', { name: 'Priya Shah', team: 'cme' }).id;
    const nadia = r.call('officers.create', { name: 'Nadia Okafor', team: 'inclusion', isManager: true }).id;
    const caseId = r.call('referrals.create', cmeReferral()).caseId;
    for (const agency of LOST_PUPIL_CHECKS) r.call('checks.add', { caseId, agency, checkedOn: '2026-10-20', checkedBy: 'Priya Shah', outcome: 'No trace', located: false });
    const lost = {
      id: caseId, reason: 'unresolved_lost', closedOn: '2026-11-24', evidence: 'All enquiries exhausted',
      s2sUploadedOn: '2026-10-28', reasonableStepsLetterOn: '2026-10-29', socialCareReferral: 'MASH consulted: not known',
    };

    // The officer proposes, and may not authorise (the role table refuses before anything else).
    r.call('session.signOut');
    r.call('session.signIn', { name: 'Priya Shah', password: 'copper kettle morning' });
    r.call('closures.propose', { ...lost, proposedById: priya });
    expect(r.host.dispatch('closures.authorise', { id: caseId })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/officer can't make this change/) } });

    // Nadia (a manager) proposes again herself: as the proposer she can't authorise, whatever officer id is sent.
    r.call('session.signOut');
    r.call('session.signIn', MANAGER);
    r.call('closures.propose', { ...lost, proposedById: nadia });
    expect(r.host.dispatch('closures.authorise', { id: caseId, authorisedById: 999 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Nadia Okafor proposed this closure/) } });

    // Gareth, signed in, authorises: the proposal and the audit name him.
    r.call('session.signOut');
    r.call('session.signIn', { name: 'Gareth Lowden', password: 'seven blue herons' });
    const d = r.call('closures.authorise', { id: caseId, note: 'Agreed' });
    expect(d.case.status).toBe('closed');
    expect(d.closures[0]).toMatchObject({ status: 'authorised', proposedByName: 'Nadia Okafor', decidedByName: 'Gareth Lowden' });
    const actors = r.host.db()!.prepare("SELECT DISTINCT actor FROM audit WHERE case_id = ? AND entity = 'closure_proposal' AND field = 'status' AND new_value = 'authorised'").all(caseId);
    expect(actors).toEqual([{ actor: 'Gareth Lowden' }]);
  });
});
