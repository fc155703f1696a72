import { describe, expect, it } from 'vitest';
import { CHILD, migrateAcross } from './migrateAcross';

describe('migration 003: meetings', () => {
  it('leaves existing cases neither proposed for closure nor archived, and starts with no panels or meetings', () => {
    const db = migrateAcross('meetings', (old) => {
      old.exec(CHILD);
      old.exec(`INSERT INTO cases (id, child_id, register, ref_year, ref_seq, reference, status, date_notified, source, created_at)
        VALUES (1, 1, 'CME', 2026, 1, 'CME-2026-0001', 'checks', '2026-02-03', 'school', '2026-02-03')`);
    });
    expect(db.prepare('SELECT id, closure_proposed, archived FROM cases').all()).toEqual([{ id: 1, closure_proposed: 0, archived: 0 }]);
    expect(db.prepare('SELECT (SELECT count(*) FROM panels) AS panels, (SELECT count(*) FROM meetings) AS meetings').get()).toEqual({ panels: 0, meetings: 0 });
    db.close();
  });
});
