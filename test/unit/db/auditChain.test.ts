import fs from 'node:fs';
import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, auditCheckOnOpen, AUDIT_CHAIN_VERSION } from '../../../db/open';
import { appendAudit, verifyAuditChain, type AuditRecord } from '../../../db/auditChain';
import { auditCheckSettled, auditStatus } from '../../../db/auditVerifier';
import { createApp } from '../../../electron/createApp';
import { isPlainDatabase, newRegisterKey } from '../../../db/encryption';
import { openTestApp, tempDbFile, cmeReferral } from '../../helpers/tempDb';

const row = (n: number): Omit<AuditRecord, 'id'> => ({
  at: `2026-01-0${n}T10:00:00Z`, actor: 'Priya Shah', source: 'register', action: 'update', entity: 'case', entity_id: 1, field: 'rag', old_value: 'amber', new_value: 'red', case_id: 1, child_id: null, op: null,
});

/** A register with three audit rows, closed; returns its path. */
function threeRows(): string {
  const file = tempDbFile();
  const db = openDatabase(file);
  for (const n of [1, 2, 3]) appendAudit(db, row(n));
  db.close();
  return file;
}
/** Edits the file with a plain SQLite connection, as someone with a database tool could, triggers and all dropped. */
function tamper(file: string, sql: string) {
  const raw = new Database(file);
  raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_replace; DROP TRIGGER audit_hash_required;');
  raw.exec(sql);
  raw.close();
}

describe('the audit trail is append-only', () => {
  it('refuses INSERT OR REPLACE, UPSERT, REPLACE INTO, UPDATE and DELETE of an existing row', () => {
    const db = openDatabase(threeRows());
    const existing = db.prepare('SELECT * FROM audit WHERE id = 2').get() as Record<string, unknown>;
    const cols = Object.keys(existing);
    const forged: Record<string, unknown> = { ...existing, actor: 'someone else' };
    const vals = cols.map((c) => forged[c]);
    const marks = cols.map(() => '?').join(', ');
    for (const sql of [
      `INSERT OR REPLACE INTO audit (${cols.join(', ')}) VALUES (${marks})`,
      `REPLACE INTO audit (${cols.join(', ')}) VALUES (${marks})`,
      `INSERT INTO audit (${cols.join(', ')}) VALUES (${marks}) ON CONFLICT(id) DO UPDATE SET actor = excluded.actor`,
      `INSERT OR IGNORE INTO audit (${cols.join(', ')}) VALUES (${marks})`,
    ]) {
      expect(() => db.prepare(sql).run(...vals), sql).toThrow(/append-only/);
    }
    expect(() => db.prepare(`UPDATE audit SET actor = 'x' WHERE id = 2`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE audit SET hash = NULL WHERE id = 2`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit WHERE id = 3`).run()).toThrow(/append-only/);
    expect((db.prepare('SELECT actor FROM audit WHERE id = 2').get() as { actor: string }).actor).toBe('Priya Shah');
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });
});

describe('the audit trail is tamper-evident', () => {
  it('a register written through the services verifies, on open and on demand', () => {
    const app = openTestApp();
    app.ok('referrals.create', cmeReferral());
    const check = app.ok('audit.verify');
    expect(check).toMatchObject({ ok: true, firstBroken: null });
    expect(check.rows).toBeGreaterThanOrEqual(2);
    expect(check.message).toMatch(/^The audit trail is intact/);
    app.close();
    const db = openDatabase(app.file);
    expect(auditCheckOnOpen(db)).toMatchObject({ ok: true });
    db.close();
  });

  it.each([
    ['a changed value', `UPDATE audit SET new_value = 'green' WHERE id = 2`, 2],
    ['a changed actor', `UPDATE audit SET actor = 'Someone Else' WHERE id = 3`, 3],
    ['a deleted row', `DELETE FROM audit WHERE id = 2`, 3],
    ['a row inserted by hand at the end', `INSERT INTO audit (at, actor, action, entity, entity_id, hash) VALUES ('2026-02-01', 'x', 'insert', 'case', 1, 'abc')`, 4],
    ['rows swapped', `UPDATE audit SET id = 99 WHERE id = 1; UPDATE audit SET id = 1 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = 99`, 1],
  ])('reports the first broken link after %s', (_what, sql, brokenAt) => {
    const file = threeRows();
    tamper(file, sql);
    const db = openDatabase(file);
    const check = auditCheckOnOpen(db)!;
    expect(check.ok).toBe(false);
    expect(check.firstBroken?.id).toBe(brokenAt);
    expect(check.message).toContain(`breaks at entry ${brokenAt}`);
    db.close();
  });

  it('seals the rows a register held before the chain existed, so they verify from then on', () => {
    const file = tempDbFile();
    const old = openDatabase(file, { targetVersion: AUDIT_CHAIN_VERSION - 1 });
    old.prepare(`INSERT INTO audit (at, actor, action, entity, entity_id) VALUES ('2026-01-01', 'x', 'insert', 'case', 1)`).run();
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT hash IS NOT NULL AS sealed FROM audit').get()).toEqual({ sealed: 1 });
    expect(auditCheckOnOpen(db)).toMatchObject({ ok: true, rows: 1 });
    appendAudit(db, row(2));
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2 });
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});

// Issue 12: a large register's chain is walked in a worker thread, so opening does not wait for it.
// auditInlineRows: 0 sends even these small registers to the worker, the path a 50,000-case one takes.
describe('the audit trail is checked in the background on a large register', () => {
  it('says "checking" as soon as the register is open, then intact', async () => {
    const db = openDatabase(threeRows(), { auditInlineRows: 0 });
    expect(auditStatus(db)).toMatchObject({ status: 'checking', ok: false, rows: 3 });
    expect(auditCheckOnOpen(db)).toBeUndefined();
    const app = createApp(db, { version: 'test', dbPath: db.name });
    const during = app.dispatch('audit.verify', { atOpen: true });
    expect(during.ok && during.value).toMatchObject({ status: 'checking', message: expect.stringMatching(/^Checking the audit trail/) });
    // Opening the app writes the default panels (with their audit rows) while the worker walks: it
    // sees those too, or only the first three, depending on when its connection reads.
    const settled = await auditCheckSettled(db)!;
    expect(settled.ok).toBe(true);
    expect(settled.rows).toBeGreaterThanOrEqual(3);
    const after = app.dispatch('audit.verify', { atOpen: true });
    expect(after.ok && after.value).toMatchObject({ status: 'intact', ok: true, rows: settled.rows, firstBroken: null });
    db.close();
  });

  it.each([
    ['a changed value', `UPDATE audit SET new_value = 'green' WHERE id = 2`, 2],
    ['a deleted row', `DELETE FROM audit WHERE id = 2`, 3],
    ['rows swapped', `UPDATE audit SET id = 99 WHERE id = 1; UPDATE audit SET id = 1 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = 99`, 1],
  ])('reports the first broken link after %s, and again after a restart', async (_what, sql, brokenAt) => {
    const file = threeRows();
    tamper(file, sql);
    for (const restart of [1, 2]) {
      const db = openDatabase(file, { auditInlineRows: 0 });
      expect(auditStatus(db)?.status, `open ${restart}`).toBe('checking');
      const check = await auditCheckSettled(db)!;
      expect(check.ok).toBe(false);
      expect(check.firstBroken?.id).toBe(brokenAt);
      expect(auditStatus(db)).toMatchObject({ status: 'broken', ok: false, firstBroken: { id: brokenAt } });
      expect(auditCheckOnOpen(db)?.message).toContain(`breaks at entry ${brokenAt}`);
      db.close();
    }
  });

  it('walks an encrypted register in the worker with the register\'s key (without it the file reads as damaged)', async () => {
    const key = newRegisterKey();
    const file = tempDbFile();
    const first = openDatabase(file, { key });
    for (const n of [1, 2, 3]) appendAudit(first, row(n));
    first.close();
    expect(isPlainDatabase(file)).toBe(false);
    const db = openDatabase(file, { key, auditInlineRows: 0 });
    expect(auditStatus(db)?.status).toBe('checking');
    await expect(auditCheckSettled(db)).resolves.toMatchObject({ ok: true, rows: 3 });
    expect(auditStatus(db)).toMatchObject({ status: 'intact' });
    db.close();
  });

  it('"check now" on a large register starts a fresh walk in the background and finds a later break', async () => {
    const file = threeRows();
    const db = openDatabase(file, { auditInlineRows: 0 });
    await auditCheckSettled(db);
    expect(auditStatus(db)?.status).toBe('intact');
    tamper(file, `UPDATE audit SET actor = 'Someone Else' WHERE id = 3`);
    const app = createApp(db, { version: 'test', dbPath: file });
    const started = app.dispatch('audit.verify', { atOpen: false });
    expect(started.ok && started.value).toMatchObject({ status: 'checking' });
    await expect(auditCheckSettled(db)).resolves.toMatchObject({ ok: false, firstBroken: { id: 3 } });
    const latest = app.dispatch('audit.verify', { atOpen: true });
    expect(latest.ok && latest.value).toMatchObject({ status: 'broken', firstBroken: { id: 3 } });
    db.close();
  });
});

describe('changes that were not audited', () => {
  it('showing and hiding names on the projector is recorded, with who and for which item', () => {
    const app = openTestApp({ actor: 'Chair Person' });
    const { reference } = app.ok('referrals.create', cmeReferral());
    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    const [m] = app.ok('meetings.generate', { panelId: cme.id, count: 1 });
    app.ok('agenda.addCase', { meetingId: m.id, reference });
    const d = app.ok('meetings.start', { id: m.id });
    const item = d.items.find((i: { kind: string }) => i.kind === 'case');
    app.ok('meetings.goto', { id: m.id, itemId: item.id });
    app.ok('projector.control', { id: m.id, action: 'showNames' });
    app.ok('projector.control', { id: m.id, action: 'hideNames' });
    const rows = app.db.prepare(`SELECT actor, source, old_value, new_value FROM audit WHERE entity = 'meeting' AND field = 'projector_names_item_id' ORDER BY id`).all();
    expect(rows).toEqual([
      { actor: 'Chair Person', source: `meeting:${m.id}`, old_value: null, new_value: String(item.id) },
      { actor: 'Chair Person', source: `meeting:${m.id}`, old_value: String(item.id), new_value: null },
    ]);
    expect(app.ok('audit.verify').ok).toBe(true);
    app.close();
  });
});
