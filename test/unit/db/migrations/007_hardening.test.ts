import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../db/auditChain';
import { migrateAcross } from './migrateAcross';

describe('migration 007: hardening', () => {
  it('seals the audit rows written before it into one hash chain, and refuses changes after', () => {
    const db = migrateAcross('hardening', (old) => {
      old.exec(`INSERT INTO audit (at, actor, source, action, entity, entity_id, field, old_value, new_value) VALUES
        ('2026-01-01T09:00:00Z', 'Priya Shah', 'register', 'insert', 'case', 1, NULL, NULL, NULL),
        ('2026-01-02T09:00:00Z', 'Priya Shah', 'register', 'update', 'case', 1, 'rag', 'amber', 'red')`);
    });
    const rows = db.prepare('SELECT id, hash FROM audit ORDER BY id').all() as { id: number; hash: string | null }[];
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => typeof r.hash === 'string' && r.hash.length === 64)).toBe(true);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2, firstBroken: null });
    expect(() => db.prepare(`UPDATE audit SET actor = 'Someone else' WHERE id = 1`).run()).toThrow(/append-only/);
    db.close();
  });
});
