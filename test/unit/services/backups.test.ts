import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { verifyAuditChain } from '../../../db/auditChain';
import { backupFailure } from '../../../db/backup';
import { createSessionHost, type SessionHost } from '../../../electron/session/sessionHost';
import { applyKey } from '../../../db/encryption';
import { keyringPath, readKeyring, unwrapKey, userLabel } from '../../../db/keyring';
import { backupFileName, parseBackupFileName, rotateBackups } from '../../../shared/domain/backupRotation';
import { addDays } from '../../../shared/domain/dates';
import { cmeReferral, tempDir } from '../../helpers/tempDb';

// Issue 13: automatic backups, rotation on real files, failures, and the restore drill, on an
// encrypted register opened by signing in (electron/session/sessionHost.ts owns the open register).
const MANAGER = { name: 'Priya Shah', password: 'copper kettle morning' };
const sessions: SessionHost[] = [];
const errors: string[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

/** A host as the apps start it, signed in as a new register's first manager, with a clock the test moves (each reading a second on). */
function open(dbPath = path.join(tempDir(), 'panel.db'), start = '2026-12-03T09:00:00.000Z') {
  let now = Date.parse(start);
  const s = createSessionHost({
    dbPath, version: 'test', today: () => '2026-12-03', clock: () => (now += 1000), idleCheckMs: 0, idleSeconds: 30 * 24 * 3600, // the test moves the clock by days: no idle lock
    backupCheckMs: 0, checkOutputs: true, log: (m, e) => console.error(m, e), onBackupError: (m) => errors.push(m),
  });
  sessions.push(s);
  const setup = s.dispatch('session.setup', MANAGER);
  if (!setup.ok) throw new Error(setup.error.message);
  const ok = <T = any>(method: string, args: unknown = {}): T => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = s.dispatch(method, args);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  return { s, dbPath, ok, setNow: (iso: string) => (now = Date.parse(iso)) };
}

const count = (s: SessionHost, table: string) => (s.db()!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * Opens an encrypted register or backup directly, as a tool would: the manager's password unwraps the
 * key from the keyring beside the file (a backup's own copy), so a backup without it cannot be opened.
 */
function openKeyed(file: string, options: { readonly?: boolean } = {}): Database.Database {
  const kr = readKeyring(keyringPath(file));
  if (!kr) throw new Error(`no keyring beside ${file}`);
  const key = unwrapKey(kr, userLabel(kr.users[0]!.userId), MANAGER.password, kr.users[0]!.wrapped);
  if (!key) throw new Error('wrong password');
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: true });
  applyKey(db, key);
  return db;
}
const quickCheck = (db: Database.Database) => {
  try {
    return String(db.pragma('quick_check', { simple: true }));
  } catch (err) {
    return (err as Error).message; // a page that fails its authentication code
  }
};
const files = (dir: string) => fs.readdirSync(dir).sort();
/** The backups in a folder, without the keyring copy beside each. */
const backupsIn = (dir: string) => files(dir).filter((f) => !f.endsWith('.keyring.json'));

function addChildren(ok: ReturnType<typeof open>['ok'], n: number, from = 0) {
  for (let i = 0; i < n; i++) ok('referrals.create', cmeReferral({}, { forenames: `Child${from + i}`, surname: 'Hartley' }));
}

describe('Back up now, into the chosen folder', () => {
  it('writes a complete, openable copy named with the date and time, and Settings shows when and where', () => {
    const { s, ok } = open();
    addChildren(ok, 3);
    expect(ok('backups.status').warning).toBe('choose_folder');
    const folder = tempDir('panel-backups-');
    expect(ok('backups.setFolder', { folder }).warning).toBe('never_backed_up');
    const { entry, status } = ok('backups.run');
    // 09:00Z on 3 December is 09:00 in England (GMT).
    expect(path.basename(entry.file)).toMatch(/^panel-backup-2026-12-03-0900\d\d\.db$/);
    // No temporary file left behind; the keyring that opens it beside it.
    expect(files(folder)).toEqual([path.basename(entry.file), `${path.basename(entry.file)}.keyring.json`]);
    expect(status).toMatchObject({ folder, warning: null, last: { ok: true, kind: 'manual', folder }, files: [{ name: path.basename(entry.file) }] });
    const copy = openKeyed(entry.file, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(3);
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    copy.close();
    expect(fs.statSync(entry.file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(keyringPath(entry.file)).mode & 0o777).toBe(0o600);
    // The backup is logged and audited in the register.
    expect(s.db()!.prepare(`SELECT count(*) AS n FROM audit WHERE entity = 'backup'`).get()).toEqual({ n: 1 });
  });

  it('refuses a folder that does not exist or is a file, naming the field', () => {
    const { ok, s } = open();
    const missing = s.dispatch('backups.setFolder', { folder: path.join(tempDir(), 'not-there') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'folder', message: expect.stringMatching(/does not exist or cannot be reached/) } });
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    expect(s.dispatch('backups.setFolder', { folder: file })).toMatchObject({ ok: false, error: { field: 'folder', message: expect.stringMatching(/is a file, not a folder/) } });
    expect(s.dispatch('backups.setFolder', { folder: 'relative/path' })).toMatchObject({ ok: false, error: { field: 'folder', message: expect.stringMatching(/full path/) } });
    expect(ok('backups.status').folder).toBeNull();
  });

  it('a folder that has gone (network drive unplugged): a clear message, logged, and the register carries on', () => {
    const { s, ok } = open();
    const folder = tempDir('panel-backups-');
    ok('backups.setFolder', { folder });
    fs.rmSync(folder, { recursive: true });
    const r = s.dispatch('backups.run', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'backup_failed', message: expect.stringMatching(new RegExp(`backup folder ${folder} cannot be reached.*not affected`)) } });
    expect(ok('backups.status')).toMatchObject({ last: { ok: false, kind: 'manual' }, lastSuccess: null, warning: 'last_failed', folderProblem: expect.stringMatching(/cannot be reached/) });
    // The open register is undisturbed: it still writes and verifies.
    addChildren(ok, 1);
    expect(count(s, 'cases')).toBe(1);
    expect(verifyAuditChain(s.db()!).ok).toBe(true);
  });

  it('a full disk: SQLite reports SQLITE_FULL and the message says the folder is full', () => {
    // On a plain connection: an encrypted one reads the target's header first, and /dev/full reads as
    // zeros (SQLITE_NOTADB), so this stand-in for a full disk only works unencrypted.
    const plain = openDatabase(path.join(tempDir(), 'plain.db'));
    let err: unknown;
    try {
      plain.prepare('VACUUM INTO ?').run('/dev/full');
    } catch (e) {
      err = e;
    }
    plain.close();
    expect((err as { code: string }).code).toBe('SQLITE_FULL');
    expect(backupFailure(err, '/mnt/backups').message).toMatch(/^The backup could not be written: the backup folder \/mnt\/backups is full\. .*The open register is not affected/);
  });

  it('takes a consistent copy while another connection holds a write transaction open, without waiting for it', () => {
    const { s, ok, dbPath } = open();
    addChildren(ok, 2);
    ok('backups.setFolder', { folder: tempDir('panel-backups-') });
    const other = openKeyed(dbPath);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    other.prepare(`INSERT INTO settings (key, value) VALUES ('uncommitted', 'yes')`).run();
    const { entry } = ok('backups.run');
    other.exec('COMMIT');
    other.close();
    const copy = openKeyed(entry.file, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(2);
    expect(copy.prepare(`SELECT value FROM settings WHERE key = 'uncommitted'`).get()).toBeUndefined();
    copy.close();
    expect(s.db()!.prepare(`SELECT value FROM settings WHERE key = 'uncommitted'`).get()).toEqual({ value: 'yes' });
  });
});

describe('rotation on real files: 7 daily, 4 weekly, 12 monthly', () => {
  it('after a year of daily copies, a new backup leaves exactly what the rule keeps, and other files alone', () => {
    const { ok, setNow } = open();
    const folder = tempDir('panel-backups-');
    ok('backups.setFolder', { folder });
    const old = Array.from({ length: 400 }, (_, i) => backupFileName({ date: addDays('2025-10-29', i), time: '18:00:00' }));
    for (const n of old) fs.writeFileSync(path.join(folder, n), 'old copy');
    fs.writeFileSync(path.join(folder, 'README.txt'), 'not a backup');
    setNow('2026-12-03T17:00:00.000Z');
    const { entry, status } = ok('backups.run');
    const expected = rotateBackups([...old, path.basename(entry.file)]).keep;
    expect(backupsIn(folder)).toEqual([...expected, 'README.txt'].sort());
    // Each backup's keyring copy goes when rotation removes it (the old ones here were written without one).
    expect(files(folder).filter((f) => f.endsWith('.keyring.json'))).toEqual([`${path.basename(entry.file)}.keyring.json`]);
    expect(expected).toHaveLength(7 + 2 + 10); // the daily copies stand for 2 of the 4 weeks and 2 of the 12 months
    expect(status.files.map((f: { name: string }) => f.name)).toEqual(expected);
    expect(entry.message).toMatch(/^Rotation removed 382 older copies\.$/);
  });
});

describe('automatic backups: daily while open, and on close', () => {
  it('backs up when the last good backup is a day old, not before; and on close', () => {
    errors.splice(0); // (an earlier test's session closing on a removed folder reports here too)
    const { s, ok, setNow, dbPath } = open();
    const folder = tempDir('panel-backups-');
    s.backupIfDue(); // no folder yet: nothing, and no error
    ok('backups.setFolder', { folder });
    s.backupIfDue();
    expect(backupsIn(folder)).toHaveLength(1);
    setNow('2026-12-03T20:00:00.000Z');
    s.backupIfDue();
    expect(backupsIn(folder)).toHaveLength(1);
    setNow('2026-12-04T09:05:00.000Z');
    s.backupIfDue();
    expect(backupsIn(folder)).toHaveLength(2);
    s.close();
    expect(errors).toEqual([]);
    expect(s.db()).toBeNull(); // closed (locked) after its backup
    const db = openKeyed(dbPath);
    const log = db.prepare('SELECT kind, file FROM backup_log ORDER BY id').all() as { kind: string; file: string }[];
    expect(log.map((r) => r.kind)).toEqual(['daily', 'daily', 'close']);
    // Rotation keeps the newest copy of each day: 3 December's, and the one taken on close on the 4th.
    expect(backupsIn(folder)).toEqual([path.basename(log[0]!.file), path.basename(log[2]!.file)]);
    db.close();
  });
});

describe('backups before the register closes: signing out and locking', () => {
  it('signing out and the idle lock each back up first; nothing when no folder is chosen', () => {
    const { s, ok, dbPath } = open();
    ok('session.signOut'); // no folder yet: closes without a backup, and without an error
    expect(errors).toEqual([]);
    ok('session.signIn', MANAGER);
    const folder = tempDir('panel-backups-');
    ok('backups.setFolder', { folder });
    ok('session.signOut');
    expect(backupsIn(folder)).toHaveLength(1);
    ok('session.signIn', MANAGER);
    s.lock('idle');
    expect(s.db()).toBeNull();
    const db = openKeyed(dbPath, { readonly: true });
    expect(db.prepare('SELECT kind, actor FROM backup_log ORDER BY id').all()).toEqual([
      { kind: 'close', actor: MANAGER.name },
      { kind: 'close', actor: MANAGER.name },
    ]);
    db.close();
  });
});

describe('the restore drill', () => {
  it('make changes, back up, damage the register, restore: counts and the audit chain come back', () => {
    const { s, ok, dbPath } = open();
    addChildren(ok, 12);
    const folder = tempDir('panel-backups-');
    ok('backups.setFolder', { folder });
    const { entry } = ok('backups.run');
    const before = { children: count(s, 'children'), cases: count(s, 'cases'), audit: verifyAuditChain(s.db()!) };
    expect(before.audit.ok).toBe(true);
    // Changes after the backup are what a restore loses.
    addChildren(ok, 3, 100);

    // Damage: overwrite pages in the middle of the file while it is open.
    s.db()!.pragma('wal_checkpoint(TRUNCATE)');
    const fd = fs.openSync(dbPath, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0xab), 0, 4096 * 3, Math.floor(size / 4096 / 2) * 4096);
    fs.closeSync(fd);
    // The file on disk is damaged (a fresh connection's check fails); the open connection still holds good pages in its cache.
    const fresh = openKeyed(dbPath, { readonly: true });
    expect(quickCheck(fresh)).not.toBe('ok');
    fresh.close();

    const preview = ok('backups.inspect', { file: entry.file });
    expect(preview).toMatchObject({ children: 12, cases: 12, openCases: 12, quickCheck: 'ok', auditOk: true, restorable: true, takenDate: '2026-12-03' });

    const r = ok('backups.restore', { file: entry.file, confirm: true });
    expect(r.restored).toMatchObject({ children: 12, cases: 12 });
    // The register was backed up before being replaced (here from the connection's good cached pages;
    // a register too damaged to read is kept byte for byte instead: see the command-line test).
    expect(path.basename(r.safetyCopy)).toMatch(/-before-restore\.db$/);
    expect(fs.existsSync(r.safetyCopy)).toBe(true);

    // The app reopened on the restored register: same dispatch, restored data.
    expect(count(s, 'children')).toBe(before.children);
    expect(ok('register.list', {}).total ?? count(s, 'cases')).toBe(before.cases);
    const chain = verifyAuditChain(s.db()!);
    expect(chain.ok).toBe(true);
    // The backup's rows (its own log row came after it) plus the records of the copy taken before and of the restore.
    expect(chain.rows).toBe(before.audit.rows + 1);
    expect(quickCheck(s.db()!)).toBe('ok');
    expect(ok('backups.status').folder).toBe(folder);
    const log = s.db()!.prepare(`SELECT kind, file, message FROM backup_log WHERE kind = 'restore'`).get() as { kind: string; file: string; message: string };
    expect(log).toMatchObject({ file: entry.file, message: expect.stringContaining(r.safetyCopy) });
    // It keeps working.
    addChildren(ok, 1, 200);
    expect(count(s, 'children')).toBe(13);
  });

  it('backs up the healthy current register first, and refuses to restore when that backup cannot be written', () => {
    const { s, ok } = open();
    addChildren(ok, 2);
    const folder = tempDir('panel-backups-');
    ok('backups.setFolder', { folder });
    const { entry } = ok('backups.run');
    addChildren(ok, 2, 10);
    const r = ok('backups.restore', { file: entry.file, confirm: true });
    expect(path.basename(r.safetyCopy)).toMatch(/^panel-backup-2026-12-03-\d{6}-before-restore\.db$/);
    const safety = openKeyed(r.safetyCopy, { readonly: true });
    expect((safety.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(4);
    safety.close();
    expect(count(s, 'cases')).toBe(2);
    // The restored register's log knows about the copy taken just before (its own log predates it).
    expect(ok('backups.status')).toMatchObject({ warning: null, lastSuccess: { kind: 'before_restore', file: r.safetyCopy } });

    // Folder gone: the current register cannot be backed up, so it is not replaced.
    addChildren(ok, 1, 20);
    const elsewhere = path.join(tempDir(), path.basename(entry.file));
    fs.copyFileSync(entry.file, elsewhere);
    fs.copyFileSync(keyringPath(entry.file), keyringPath(elsewhere));
    fs.rmSync(folder, { recursive: true });
    const refused = s.dispatch('backups.restore', { file: elsewhere, confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup_failed', message: expect.stringMatching(/cannot be reached/) } });
    expect(count(s, 'cases')).toBe(3);
  });

  it('shows a damaged or foreign backup with its problems and will not restore it', () => {
    const { s, ok } = open();
    const folder = tempDir('panel-backups-');
    const junk = path.join(folder, 'panel-backup-2026-12-01-120000.db');
    fs.writeFileSync(junk, Buffer.alloc(8192, 7));
    const p = ok('backups.inspect', { file: junk });
    expect(p).toMatchObject({
      restorable: false, takenDate: '2026-12-01',
      problems: [expect.stringMatching(/keyring .* is not beside it/), expect.stringMatching(/damaged, is not a Panel register, or is a backup of a different register/)],
    });
    expect(s.dispatch('backups.restore', { file: junk, confirm: true })).toMatchObject({ ok: false, error: { field: 'file' } });
    expect(s.dispatch('backups.restore', { file: junk })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'confirm' } });
    expect(ok('backups.inspect', { file: path.join(folder, 'gone.db') }).problems[0]).toMatch(/There is no file at/);
  });
});

describe('an encrypted register’s backups', () => {
  it('hold no child’s name in their bytes, and open only with their own keyring', () => {
    const { ok } = open();
    ok('referrals.create', cmeReferral({}, { forenames: 'Zephyrina', surname: 'Quackenbush-Oyelaran' }));
    const folder = tempDir('panel-backups-');
    ok('backups.setFolder', { folder });
    const { entry } = ok('backups.run');
    const bytes = fs.readFileSync(entry.file);
    for (const name of ['Zephyrina', 'Quackenbush-Oyelaran']) {
      expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(name, 'utf16le'))).toBe(false);
    }
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    // No key is in clear in the keyring copy either: only wrapped copies.
    expect(readKeyring(keyringPath(entry.file))!.users.map((u) => u.name)).toEqual([MANAGER.name]);
    const copy = openKeyed(entry.file, { readonly: true });
    expect(copy.prepare('SELECT surname FROM children').get()).toEqual({ surname: 'Quackenbush-Oyelaran' });
    copy.close();

    // Without its keyring a backup is shown as unusable, and not restored.
    const bare = path.join(tempDir(), path.basename(entry.file));
    fs.copyFileSync(entry.file, bare);
    expect(ok('backups.inspect', { file: bare })).toMatchObject({ restorable: false, problems: [expect.stringMatching(/keyring .* is not beside it/)] });
  });

  it('a backup of a different register is refused: its keyring belongs to another register', () => {
    const other = open();
    other.ok('backups.setFolder', { folder: tempDir('panel-backups-') });
    const { entry } = other.ok('backups.run');
    const { ok, s } = open();
    const p = ok('backups.inspect', { file: entry.file });
    expect(p).toMatchObject({ restorable: false, problems: [expect.stringMatching(/backup of a different register/), expect.stringMatching(/does not open with this register’s key/)] });
    expect(s.dispatch('backups.restore', { file: entry.file, confirm: true })).toMatchObject({ ok: false, error: { field: 'file' } });
  });

  it('a restore brings back the backup’s keyring with its users: the password of that time opens it', () => {
    const { s, ok, dbPath } = open();
    ok('backups.setFolder', { folder: tempDir('panel-backups-') });
    const { entry } = ok('backups.run');
    ok('users.create', { name: 'Dana Whitcombe', role: 'officer', password: 'slate harbour evening' });
    expect(readKeyring(keyringPath(dbPath))!.users).toHaveLength(2);
    ok('backups.restore', { file: entry.file, confirm: true });
    expect(readKeyring(keyringPath(dbPath))!.users.map((u) => u.name)).toEqual([MANAGER.name]);
    expect(fs.existsSync(`${keyringPath(dbPath)}.restoring`)).toBe(false);
    // Still signed in on the restored register, and it opens again after signing out.
    expect(count(s, 'users')).toBe(1);
    ok('session.signOut');
    expect(s.dispatch('session.signIn', { name: 'Dana Whitcombe', password: 'slate harbour evening' })).toMatchObject({ ok: false });
    ok('session.signIn', MANAGER);
    expect(s.db()).not.toBeNull();
  });
});

it('the file name parser agrees with what the runner writes', () => {
  expect(parseBackupFileName(backupFileName({ date: '2026-12-03', time: '09:00:01' }, 'before restore'))).toEqual({ date: '2026-12-03', time: '09:00:01' });
});
