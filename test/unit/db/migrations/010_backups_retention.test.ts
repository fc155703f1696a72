import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../../../db/auditChain';
import { eraseAuditPayloads } from '../../../../db/auditErasure';
import { migrateAcross, CHILD } from './migrateAcross';

describe('migration 010: backups and retention', () => {
  it('adds the backup log, and lets an erasure blank old rows written before it while the chain still verifies', () => {
    const db = migrateAcross('backups_retention', (old) => {
      old.exec(CHILD);
      old.transaction(() => {
        const row = { actor: 'Priya Shah', source: 'register', entity: 'child', entity_id: 1, case_id: null, child_id: 1, op: null };
        appendAudit(old, { ...row, at: '2026-01-01T09:00:00Z', action: 'insert', field: null, old_value: null, new_value: '{"forenames":"Amelia","surname":"Hartley"}' });
        appendAudit(old, { ...row, at: '2026-01-02T09:00:00Z', action: 'update', field: 'surname', old_value: 'Hartley', new_value: 'Hartley-Brown' });
        appendAudit(old, { ...row, at: '2026-01-03T09:00:00Z', action: 'update', entity: 'setting', child_id: null, entity_id: 0, field: 'user_name', old_value: null, new_value: 'Priya Shah' });
      })();
    });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'backup_log'`).get()).toEqual({ name: 'backup_log' });
    db.prepare(`INSERT INTO backup_log (at, kind, folder, file, ok, actor) VALUES ('2026-12-03T09:00:00Z', 'manual', '/mnt/b', '/mnt/b/x.db', 1, 'Priya Shah')`).run();
    expect(() => db.prepare(`INSERT INTO backup_log (at, kind, folder, ok, actor) VALUES ('x', 'weekly', '/mnt/b', 1, 'P')`).run()).toThrow(/CHECK/);

    // Before any erasure row exists, even blanking is refused.
    expect(() => db.prepare('UPDATE audit SET old_value = NULL, new_value = NULL WHERE id = 1').run()).toThrow(/append-only/);
    db.transaction(() => eraseAuditPayloads(db, [1, 2], { at: '2026-12-03T09:00:00Z', actor: 'Nadia Kowalczyk', source: 'register', action: 'delete', entity_id: 0, field: null, case_id: null, child_id: null, op: null }, { erasure: 'retention' }))();
    expect(db.prepare('SELECT id, old_value, new_value FROM audit ORDER BY id').all()).toEqual([
      { id: 1, old_value: null, new_value: null },
      { id: 2, old_value: null, new_value: null },
      { id: 3, old_value: null, new_value: 'Priya Shah' },
      { id: 4, old_value: null, new_value: expect.stringContaining('"rows":[[1,') },
    ]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 4 });
    // Only the blanking is allowed: not another column, not a blanked row's hash, not a row after the erasure.
    expect(() => db.prepare(`UPDATE audit SET actor = 'X', old_value = NULL, new_value = NULL WHERE id = 3`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE audit SET hash = 'x' WHERE id = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE audit SET old_value = NULL, new_value = NULL WHERE id = 4`).run()).toThrow(/append-only/);
    // Blanking a row the manifest does not list is allowed by the trigger but caught by the chain.
    db.prepare('UPDATE audit SET old_value = NULL, new_value = NULL WHERE id = 3').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { id: 3 } });
    db.close();
  });
});
