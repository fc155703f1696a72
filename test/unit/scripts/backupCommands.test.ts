import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { verifyAuditChain } from '../../../db/auditChain';
import { backupCommand, restoreCommand } from '../../../scripts/backupCommands';
import { openTestApp, cmeReferral, tempDir } from '../../helpers/tempDb';

// Issue 13: npm run backup / npm run restore for IT staff.
function register(children: number) {
  const app = openTestApp();
  for (let i = 0; i < children; i++) app.ok('referrals.create', cmeReferral({}, { forenames: `Child${i}`, surname: 'Okafor' }));
  app.close();
  return app.file;
}
const run = (fn: (argv: string[], print: (l: string) => void) => number, argv: string[]) => {
  const lines: string[] = [];
  const code = fn(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
};
const cases = (file: string) => {
  const db = openDatabase(file);
  const n = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  const chain = verifyAuditChain(db).ok;
  db.close();
  return { n, chain };
};

describe('npm run backup -- --db PATH --out DIR', () => {
  it('writes a dated backup into DIR and says where; usage without --out; a clear message for a missing folder', () => {
    const db = register(2);
    const out = tempDir('panel-it-');
    const r = run(backupCommand, ['--db', db, '--out', out]);
    expect(r.code).toBe(0);
    const [name] = fs.readdirSync(out);
    expect(name).toMatch(/^panel-backup-\d{4}-\d{2}-\d{2}-\d{6}\.db$/);
    expect(r.out).toContain(path.join(out, name!));
    expect(cases(path.join(out, name!))).toEqual({ n: 2, chain: true });

    expect(run(backupCommand, ['--db', db]).code).toBe(2);
    const gone = run(backupCommand, ['--db', db, '--out', path.join(out, 'no', 'such')]);
    expect(gone).toMatchObject({ code: 1, out: expect.stringMatching(/cannot be reached/) });
    expect(run(backupCommand, ['--db', path.join(out, 'none.db'), '--out', out])).toMatchObject({ code: 1, out: expect.stringMatching(/There is no register at/) });
  });
});

describe('npm run restore -- --db PATH --from FILE [--yes]', () => {
  it('prints the preview and changes nothing without --yes; with --yes keeps the old register and restores', () => {
    const db = register(3);
    const out = tempDir('panel-it-');
    run(backupCommand, ['--db', db, '--out', out]);
    const backup = path.join(out, fs.readdirSync(out)[0]!);
    const app = openTestApp({ file: db });
    app.ok('referrals.create', cmeReferral({}, { forenames: 'Later', surname: 'Okafor' }));
    app.close();

    const look = run(restoreCommand, ['--db', db, '--from', backup]);
    expect(look.code).toBe(3);
    expect(look.out).toMatch(/Children: +3\nCases: +3 \(3 open\)\nIntegrity: +passed \(quick check\)\nAudit trail: The audit trail is intact/);
    expect(look.out).toMatch(/Nothing has been changed\. .*--yes/);
    expect(cases(db).n).toBe(4);

    const r = run(restoreCommand, ['--db', db, '--from', backup, '--yes']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Restored\. .* now holds 3 children and 3 cases\./);
    expect(cases(db)).toEqual({ n: 3, chain: true });
    // Without a backup folder set in the register, the copy of the old one goes beside it.
    const kept = /kept at (.+)\.$/m.exec(r.out)![1]!;
    expect(path.dirname(kept)).toBe(path.join(path.dirname(db), 'Panel backups'));
    expect(cases(kept).n).toBe(4);
  });

  it('restores over a register too damaged to open, keeping its bytes first', () => {
    const db = register(2);
    const out = tempDir('panel-it-');
    run(backupCommand, ['--db', db, '--out', out]);
    const backup = path.join(out, fs.readdirSync(out)[0]!);
    const damaged = fs.readFileSync(db);
    damaged.fill(0x5a, 4096, 4096 * 3);
    fs.writeFileSync(db, damaged);
    expect(() => openDatabase(db)).toThrow(/damaged/);
    const r = run(restoreCommand, ['--db', db, '--from', backup, '--yes', '--backup-dir', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/byte-for-byte copy/);
    expect(cases(db)).toEqual({ n: 2, chain: true });
    const kept = fs.readdirSync(out).find((n) => n.startsWith('panel-before-restore-'))!;
    expect(fs.readFileSync(path.join(out, kept)).equals(damaged)).toBe(true);
  });

  it('refuses a damaged backup, showing why', () => {
    const db = register(1);
    const bad = path.join(tempDir(), 'panel-backup-2026-12-01-120000.db');
    fs.writeFileSync(bad, 'not a database at all, just text'.repeat(200));
    const r = run(restoreCommand, ['--db', db, '--from', bad, '--yes']);
    expect(r).toMatchObject({ code: 1, out: expect.stringMatching(/Cannot be restored:\n {2}- This file is damaged or is not a Panel register/) });
    expect(cases(db).n).toBe(1);
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
