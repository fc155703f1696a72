import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionHost, type SessionHost } from '../../../electron/session/sessionHost';
import { integrityCheckSettled } from '../../../db/integrityCheck';
import { cmeReferral, tempDir, TODAY } from '../../helpers/tempDb';
import type { Result } from '../../../shared/api/errors';

// Issue 12: signing in no longer waits for the whole file's quick_check on a large register: it runs
// in a worker after the register opens. integrityInlinePages: 0 makes this small register take that path.

const MANAGER = { name: 'Nadia Okafor', password: 'harbour lantern quietly' };
const hosts: SessionHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.close();
});

function host(file: string): SessionHost {
  const h = createSessionHost({ dbPath: file, version: 'test', today: () => TODAY, idleCheckMs: 0, backupCheckMs: 0, integrityInlinePages: 0 });
  hosts.push(h);
  return h;
}
const ok = <T = unknown>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** An encrypted register with a few cases, a backup folder chosen, signed out. */
function register(): { file: string; backups: string } {
  const dir = tempDir('panel-damaged-');
  const file = path.join(dir, 'panel.db');
  const backups = path.join(dir, 'backups');
  fs.mkdirSync(backups);
  const h = host(file);
  ok(h.dispatch('session.setup', MANAGER));
  ok(h.dispatch('app.setup', { mode: 'empty' }));
  ok(h.dispatch('backups.setFolder', { folder: backups }));
  for (const surname of ['Abernethy', 'Blackwood', 'Carrow', 'Dunmore']) ok(h.dispatch('referrals.create', cmeReferral({}, { surname })));
  h.close();
  return { file, backups };
}

describe('a register found damaged after sign-in', () => {
  it('signs in at once, reports the damage when the check ends, then reads but saves nothing (except a restore)', async () => {
    const { file, backups } = register();
    // Find the cases table's page with the key (signed in), then damage it with the register closed.
    const finder = host(file);
    ok(finder.dispatch('session.signIn', MANAGER));
    const page = (finder.db()!.prepare("SELECT max(pageno) AS p FROM dbstat WHERE name = 'cases'").get() as { p: number }).p;
    expect(page).toBeGreaterThan(1);
    finder.close();
    const backupsBefore = fs.readdirSync(backups).sort();

    const h = host(file);
    const db = () => h.db()!;
    damageWithoutKey(file, page);
    expect(ok(h.dispatch('session.signIn', MANAGER))).toMatchObject({ state: 'open' });
    expect(ok(h.dispatch('integrity.verify', { atOpen: true }))).toMatchObject({ status: 'checking' });
    await integrityCheckSettled(db());
    const check = ok(h.dispatch('integrity.verify', { atOpen: true })) as { status: string; problems: string[]; message: string };
    expect(check.status).toBe('damaged');
    expect(check.problems.length).toBeGreaterThan(0);

    // Reads still answer (those that do not touch the damaged page).
    expect(ok(h.dispatch('app.info', {}))).toMatchObject({ userName: MANAGER.name });
    // A write is refused, with a message that says what to do, and changes nothing.
    const auditRows = (db().prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    const refused = h.dispatch('officers.create', { name: 'Priya Raman', team: 'cme' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Nothing was saved.*restore the most recent backup/);
    expect((db().prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n).toBe(auditRows);
    // Restoring a backup is the way out: it is not refused for the damage (this file is not a backup, so it fails for that).
    const restore = h.dispatch('backups.restore', { file: path.join(backups, 'no-such-backup.db'), confirm: true });
    expect(restore.ok ? 'ok' : restore.error.code).not.toBe('database_damaged');
    // Signing out does not copy the damaged register over the good backups.
    h.lock('signed_out');
    expect(fs.readdirSync(backups).sort()).toEqual(backupsBefore);
  });

  it('a wrong password is still refused at once', () => {
    const { file } = register();
    const h = host(file);
    expect(h.dispatch('session.signIn', { ...MANAGER, password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h.db()).toBeNull();
  });
});

/** Flips the first 64 bytes of page `page` (its HMAC then fails) of a closed register. */
function damageWithoutKey(file: string, page: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const at = (page - 1) * 4096;
    const buf = Buffer.alloc(64);
    fs.readSync(fd, buf, 0, 64, at);
    for (let i = 0; i < 64; i++) buf[i] = buf[i]! ^ 0xff;
    fs.writeSync(fd, buf, 0, 64, at);
  } finally {
    fs.closeSync(fd);
  }
}
