import { describe, expect, it } from 'vitest';
import { migrateAcross } from './migrateAcross';

describe('migration 014: the "also eligible" count kept with the meeting (issue 12)', () => {
  it('keeps every meeting, with no count yet: an agenda built before counts its stored rows', () => {
    const db = migrateAcross('also_eligible_total', (old) => {
      old.exec(`INSERT INTO panels (id, name, register, cadence, default_time, standing_items, active, created_at)
        VALUES (1, 'CME panel', 'CME', '{}', '10:00', '[]', 1, '2026-01-01')`);
      old.exec(`INSERT INTO meetings (id, panel_id, date, time, status, created_at) VALUES (1, 1, '2026-10-13', '10:00', 'scheduled', '2026-01-01')`);
    });
    expect(db.prepare('SELECT id, date, status, also_eligible_total FROM meetings').all()).toEqual([
      { id: 1, date: '2026-10-13', status: 'scheduled', also_eligible_total: null },
    ]);
    db.close();
  });
});
