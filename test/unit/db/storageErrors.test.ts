import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../db/open';
import { createApp } from '../../../electron/createApp';
import { openTestApp, tempDir, cmeReferral } from '../../helpers/tempDb';

const sha = (file: string) => fs.readFileSync(file).toString('base64');

/** A populated register, checkpointed into the main file and closed. */
function populated(): string {
  const app = openTestApp();
  for (let i = 0; i < 40; i++) app.ok('referrals.create', cmeReferral({}, { forenames: `Child${i}`, surname: 'Example' }));
  app.db.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
  return app.file;
}

describe('a damaged register is refused, and never written to', () => {
  it.each([
    ['a zeroed page', (buf: Buffer, page: number) => buf.fill(0, page * 3, page * 4)],
    // The b-tree page headers and cell pointers of pages 2–4 (content bytes alone are not checksummed by SQLite).
    ['flipped bytes in a page', (buf: Buffer, page: number) => { for (const p of [1, 2, 3]) for (let i = p * page; i < p * page + 64; i++) buf[i] = buf[i]! ^ 0xff; }],
    ['a zeroed header', (buf: Buffer) => buf.fill(0, 0, 100)],
  ])('%s', (_what, damage) => {
    const file = populated();
    const page = (new Database(file, { readonly: true }).pragma('page_size', { simple: true }) as number);
    const buf = fs.readFileSync(file);
    damage(buf, page);
    fs.writeFileSync(file, buf);
    for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });
    const before = sha(file);
    let message = '';
    try {
      openDatabase(file).close();
    } catch (err) {
      message = (err as Error).message;
      expect((err as { code?: string }).code).toBe('database_damaged');
    }
    expect(message).toMatch(/is damaged.*will not open or change it\. Nothing has been written to it\..*restore the most recent copy from your backups/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });
});

describe('storage failures each say what happened', () => {
  it('a read-only register: its own message, not "Something went wrong"', () => {
    const app = openTestApp();
    app.close();
    fs.chmodSync(app.file, 0o400);
    const db = new Database(app.file, { readonly: true });
    const { dispatch } = createApp(db, { today: () => '2026-11-25', version: 't', dbPath: app.file, context: () => ({ actor: 'T', source: 'register', now: () => '2026-11-25T10:00:00Z' }) });
    const r = dispatch('officers.create', { name: 'New Officer', team: 'cme' });
    expect(r).toMatchObject({ ok: false, error: { code: 'storage_read_only' } });
    if (!r.ok) expect(r.error.message).toMatch(/can only be read, not written, so nothing was saved/);
    db.close();
  });

  it('a busy register (another program holds the write lock): its own message', () => {
    const app = openTestApp();
    app.db.pragma('busy_timeout = 0');
    const other = new Database(app.file);
    other.exec('BEGIN IMMEDIATE');
    const r = app.dispatch('officers.create', { name: 'New Officer', team: 'cme' });
    expect(r).toMatchObject({ ok: false, error: { code: 'storage_busy' } });
    if (!r.ok) expect(r.error.message).toMatch(/is busy: another program .* is writing to it\. Nothing was saved/);
    other.exec('ROLLBACK');
    other.close();
    app.close();
  });

  it('a full disk: its own message', () => {
    const app = openTestApp();
    // max_page_count caps the file where it is: the next page SQLite needs fails with SQLITE_FULL, as on a full disk.
    const pages = app.db.pragma('page_count', { simple: true }) as number;
    app.db.pragma(`max_page_count = ${pages}`);
    let r = app.dispatch('officers.create', { name: 'Officer 0', team: 'cme' });
    for (let i = 1; r.ok && i < 500; i++) r = app.dispatch('referrals.create', cmeReferral({}, { forenames: `Child${i}`, surname: 'x'.repeat(90) }));
    expect(r).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    if (!r.ok) expect(r.error.message).toMatch(/disk holding the register is full, so nothing was saved/);
    app.close();
  });
});

describe('the register file is readable by its owner only', () => {
  it('creates the database, its -wal and its -shm as 0600', () => {
    const file = path.join(tempDir(), 'new.db');
    const old = process.umask(0o022);
    try {
      const db = openDatabase(file);
      db.prepare(`INSERT INTO settings (key, value) VALUES ('x', 'y')`).run();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect((fs.statSync(f).mode & 0o777).toString(8), f).toBe('600');
      db.close();
    } finally {
      process.umask(old);
    }
  });
});
