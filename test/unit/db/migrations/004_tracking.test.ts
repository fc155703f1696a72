import { describe, expect, it } from 'vitest';
import { CHILD, migrateAcross } from './migrateAcross';

describe('migration 004: tracking', () => {
  it('starts allocation and RAG history from each case as it stood', () => {
    const db = migrateAcross('tracking', (old) => {
      old.exec(CHILD);
      old.exec(`INSERT INTO officers (id, name, team, created_at) VALUES (7, 'Priya Shah', 'inclusion', '2026-01-01')`);
      old.exec(`INSERT INTO cases (id, child_id, register, ref_year, ref_seq, reference, status, date_notified, source, lead_officer_id, rag, rag_reason, created_at) VALUES
        (1, 1, 'CME', 2026, 1, 'CME-2026-0001', 'checks', '2026-02-03', 'school', 7, 'red', 'No contact', '2026-02-03T09:00:00Z'),
        (2, 1, 'CME', 2026, 2, 'CME-2026-0002', 'referred', '2026-03-04', 'school', NULL, NULL, NULL, '2026-03-04T09:00:00Z')`);
    });
    expect(db.prepare('SELECT case_id, from_officer_id, to_officer_id, on_date FROM lead_allocations').all()).toEqual([
      { case_id: 1, from_officer_id: null, to_officer_id: 7, on_date: '2026-02-03' },
    ]);
    expect(db.prepare('SELECT case_id, on_date, from_rag, to_rag, reason FROM rag_history').all()).toEqual([
      { case_id: 1, on_date: '2026-02-03', from_rag: null, to_rag: 'red', reason: 'No contact' },
    ]);
    db.close();
  });
});
