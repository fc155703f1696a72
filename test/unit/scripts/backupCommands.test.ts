import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { verifyAuditChain } from '../../../db/auditChain';
import { backupCommand, restoreCommand } from '../../../scripts/backupCommands';
import { openTestApp, cmeReferral, tempDir } from '../../helpers/tempDb';
import { createSessionHost } from '../../../electron/session/sessionHost';
import { keyringPath } from '../../../db/keyring';
import { encryptedRegister } from '../../helpers/encryptedRegister';

// Issue 13: npm run backup / npm run restore for IT staff.
function register(children: number) {
  const app = openTestApp();
  for (let i = 0; i < children; i++) app.ok('referrals.create', cmeReferral({}, { forenames: `Child${i}`, surname: 'Okafor' }));
  app.close();
  return app.file;
}
type Command = (argv: string[], print: (l: string) => void, ask: (q: string) => Promise<string>) => Promise<number>;
/** Runs a command in-process; `answers` are typed at its prompts (a password, a recovery key), in order. */
const run = async (fn: Command, argv: string[], answers: string[] = []) => {
  const lines: string[] = [];
  const asked: string[] = [];
  const code = await fn(argv, (l) => lines.push(l), async (q) => {
    asked.push(q);
    const a = answers.shift();
    if (a === undefined) throw new Error(`not expected to ask: ${q}`);
    return a;
  });
  return { code, out: lines.join('\n'), asked };
};
const cases = (file: string) => {
  const db = openDatabase(file);
  const n = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  const chain = verifyAuditChain(db).ok;
  db.close();
  return { n, chain };
};

describe('npm run backup -- --db PATH --out DIR', () => {
  it('writes a dated backup into DIR and says where; usage without --out; a clear message for a missing folder', async () => {
    const db = register(2);
    const out = tempDir('panel-it-');
    const r = await run(backupCommand, ['--db', db, '--out', out]);
    expect(r.code).toBe(0);
    const [name] = fs.readdirSync(out);
    expect(name).toMatch(/^panel-backup-\d{4}-\d{2}-\d{2}-\d{6}\.db$/);
    expect(r.out).toContain(path.join(out, name!));
    expect(cases(path.join(out, name!))).toEqual({ n: 2, chain: true });

    expect((await run(backupCommand, ['--db', db])).code).toBe(2);
    const gone = await run(backupCommand, ['--db', db, '--out', path.join(out, 'no', 'such')]);
    expect(gone).toMatchObject({ code: 1, out: expect.stringMatching(/cannot be reached/) });
    expect(await run(backupCommand, ['--db', path.join(out, 'none.db'), '--out', out])).toMatchObject({ code: 1, out: expect.stringMatching(/There is no register at/) });
  });
});

describe('npm run restore -- --db PATH --from FILE [--yes]', () => {
  it('prints the preview and changes nothing without --yes; with --yes keeps the old register and restores', async () => {
    const db = register(3);
    const out = tempDir('panel-it-');
    await run(backupCommand, ['--db', db, '--out', out]);
    const backup = path.join(out, fs.readdirSync(out)[0]!);
    const app = openTestApp({ file: db });
    app.ok('referrals.create', cmeReferral({}, { forenames: 'Later', surname: 'Okafor' }));
    app.close();

    const look = await run(restoreCommand, ['--db', db, '--from', backup]);
    expect(look.code).toBe(3);
    expect(look.out).toMatch(/Children: +3\nCases: +3 \(3 open\)\nIntegrity: +passed \(quick check\)\nAudit trail: The audit trail is intact/);
    expect(look.out).toMatch(/Nothing has been changed\. .*--yes/);
    expect(cases(db).n).toBe(4);

    const r = await run(restoreCommand, ['--db', db, '--from', backup, '--yes']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Restored\. .* now holds 3 children and 3 cases\./);
    expect(cases(db)).toEqual({ n: 3, chain: true });
    // Without a backup folder set in the register, the copy of the old one goes beside it.
    const kept = /kept at (.+)\.$/m.exec(r.out)![1]!;
    expect(path.dirname(kept)).toBe(path.join(path.dirname(db), 'Panel backups'));
    expect(cases(kept).n).toBe(4);
  });

  it('restores over a register too damaged to open, keeping its bytes first', async () => {
    const db = register(2);
    const out = tempDir('panel-it-');
    await run(backupCommand, ['--db', db, '--out', out]);
    const backup = path.join(out, fs.readdirSync(out)[0]!);
    const damaged = fs.readFileSync(db);
    damaged.fill(0x5a, 4096, 4096 * 3);
    fs.writeFileSync(db, damaged);
    expect(() => openDatabase(db)).toThrow(/damaged/);
    const r = await run(restoreCommand, ['--db', db, '--from', backup, '--yes', '--backup-dir', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/byte-for-byte copy/);
    expect(cases(db)).toEqual({ n: 2, chain: true });
    const kept = fs.readdirSync(out).find((n) => n.startsWith('panel-before-restore-'))!;
    expect(fs.readFileSync(path.join(out, kept)).equals(damaged)).toBe(true);
  });

  it('refuses a damaged backup, showing why', async () => {
    const db = register(1);
    const bad = path.join(tempDir(), 'panel-backup-2026-12-01-120000.db');
    fs.writeFileSync(bad, 'not a database at all, just text'.repeat(200));
    const r = await run(restoreCommand, ['--db', db, '--from', bad, '--yes']);
    expect(r).toMatchObject({ code: 1, out: expect.stringMatching(/Cannot be restored:\n {2}- This file is damaged, is not a Panel register, or is encrypted/) });
    expect(cases(db).n).toBe(1);
  });
});

describe('an encrypted register: the commands unlock with a password or the recovery key', () => {
  const MANAGER = { name: 'Nadia Kowalczyk', password: 'harbour lantern quietly' };
  for (const v of ['PANEL_PASSWORD', 'PANEL_USER', 'PANEL_RECOVERY_KEY']) delete process.env[v];

  /** A register set up as the app does it: a manager, an officer and a panel member; two children. */
  const encrypted = () =>
    encryptedRegister('panel-it-', {
      manager: MANAGER,
      users: [
        { name: 'Dana Whitcombe', role: 'officer', password: 'slate harbour evening' },
        { name: 'Alison Tregear', role: 'panel_member', password: 'quiet meadow lantern' },
      ],
      children: [
        { forenames: 'Zephyrina', surname: 'Quackenbush-Oyelaran' },
        { forenames: 'Ayodele', surname: 'Quackenbush-Oyelaran' },
      ],
    });
  const childrenIn = (file: string, password = MANAGER.password) => {
    const host = createSessionHost({ dbPath: file, version: 'test', idleCheckMs: 0, backupCheckMs: 0 });
    const r = host.dispatch('session.signIn', { name: MANAGER.name, password });
    if (!r.ok) throw new Error(r.error.message);
    const n = (host.db()!.prepare('SELECT count(*) AS n FROM children').get() as { n: number }).n;
    host.close();
    return n;
  };

  it('backs up with a user’s password (asked for), encrypted and with its keyring; refuses a wrong password and a panel member', async () => {
    const { file } = encrypted();
    const out = tempDir('panel-it-');
    const r = await run(backupCommand, ['--db', file, '--out', out, '--user', MANAGER.name], [MANAGER.password]);
    expect(r).toMatchObject({ code: 0, asked: [`Password for ${MANAGER.name}: `] });
    const [backup, keyring] = fs.readdirSync(out).sort();
    expect(keyring).toBe(`${backup}.keyring.json`);
    const bytes = fs.readFileSync(path.join(out, backup!));
    expect(bytes.includes(Buffer.from('Quackenbush-Oyelaran'))).toBe(false);
    expect(bytes.includes(Buffer.from('Zephyrina', 'utf16le'))).toBe(false);
    // The register's audit names who backed up.
    const host = createSessionHost({ dbPath: file, version: 'test', idleCheckMs: 0, backupCheckMs: 0 });
    host.dispatch('session.signIn', MANAGER);
    expect(host.db()!.prepare(`SELECT actor, kind FROM backup_log`).all()).toEqual([{ actor: MANAGER.name, kind: 'command_line' }]);
    host.close();

    expect(await run(backupCommand, ['--db', file, '--out', out, '--user', MANAGER.name], ['wrong'])).toMatchObject({ code: 1, out: expect.stringMatching(/name and password don't match/) });
    expect(await run(backupCommand, ['--db', file, '--out', out], [])).toMatchObject({ code: 1, out: expect.stringMatching(/--user "Your Name".*--recovery-key/) });
    expect(await run(backupCommand, ['--db', file, '--out', out, '--user', 'Alison Tregear'], ['quiet meadow lantern'])).toMatchObject({ code: 1, out: expect.stringMatching(/Panel members can't do this \(backups\.run\)/) });
    expect(fs.readdirSync(out)).toHaveLength(2);
  });

  it('restores with the backup’s own keyring: an officer is refused, the recovery key (or a manager) replaces the register', async () => {
    const { file, recoveryKey } = encrypted();
    const out = tempDir('panel-it-');
    expect((await run(backupCommand, ['--db', file, '--out', out, '--recovery-key'], [recoveryKey])).code).toBe(0);
    const backup = path.join(out, fs.readdirSync(out).find((n) => n.endsWith('.db'))!);
    // A change after the backup, and the register's keyring lost: the backup's own keyring still opens it.
    const host = createSessionHost({ dbPath: file, version: 'test', idleCheckMs: 0, backupCheckMs: 0 });
    host.dispatch('session.signIn', MANAGER);
    host.dispatch('referrals.create', cmeReferral({}, { forenames: 'Later', surname: 'Child' }));
    host.close();
    expect(childrenIn(file)).toBe(3);
    fs.rmSync(keyringPath(file));

    const officer = await run(restoreCommand, ['--db', file, '--from', backup, '--yes', '--user', 'Dana Whitcombe'], ['slate harbour evening']);
    expect(officer).toMatchObject({ code: 1, out: expect.stringMatching(/Officers can't do this \(backups\.restore\)/) });
    const look = await run(restoreCommand, ['--db', file, '--from', backup, '--recovery-key'], [recoveryKey]);
    expect(look).toMatchObject({ code: 3, out: expect.stringMatching(/Children: +2\n/) });
    const r = await run(restoreCommand, ['--db', file, '--from', backup, '--yes', '--recovery-key'], [recoveryKey]);
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/now holds 2 children/) });
    // The keyring came back with the register: the manager's password opens it again.
    expect(fs.existsSync(keyringPath(file))).toBe(true);
    expect(childrenIn(file)).toBe(2);

    // A plain backup (from before encryption) is not put in place of an encrypted register.
    const plain = register(5);
    const plainOut = tempDir('panel-it-');
    await run(backupCommand, ['--db', plain, '--out', plainOut]);
    const plainBackup = path.join(plainOut, fs.readdirSync(plainOut)[0]!);
    const refused = await run(restoreCommand, ['--db', file, '--from', plainBackup, '--yes']);
    expect(refused).toMatchObject({ code: 1, out: expect.stringMatching(/is encrypted, but .* has no keyring beside it.*Nothing was changed/) });
    expect(childrenIn(file)).toBe(2);
  });
});

it('npm run backup is wired to the script (spawned as IT would run it)', () => {
  const db = register(1);
  const out = tempDir('panel-it-');
  const r = spawnSync('npx', ['tsx', 'scripts/backup.ts', '--db', db, '--out', out], { cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Backed up /);
  expect(fs.readdirSync(out)).toHaveLength(1);
});
