import { describe, expect, it } from 'vitest';
import { migrateAcross } from './migrateAcross';

describe('migration 005: meeting room', () => {
  it('keeps attendance as marked and lets new attendance start "not marked"', () => {
    const db = migrateAcross('meeting_room', (old) => {
      old.exec(`INSERT INTO panels (id, name, register, cadence, default_time, standing_items, active, created_at)
        VALUES (1, 'CME panel', 'CME', '{}', '10:00', '[]', 1, '2026-01-01')`);
      old.exec(`INSERT INTO meetings (id, panel_id, date, time, status, created_at) VALUES (1, 1, '2026-10-13', '10:00', 'scheduled', '2026-01-01')`);
      old.exec(`INSERT INTO attendance (id, meeting_id, name, role, status, kind, position) VALUES
        (1, 1, 'Priya Shah', 'Chair', 'present', 'member', 0), (2, 1, 'Sam Okoro', 'SEN Officer', 'apologies', 'member', 1)`);
    });
    expect(db.prepare('SELECT id, name, status FROM attendance ORDER BY id').all()).toEqual([
      { id: 1, name: 'Priya Shah', status: 'present' },
      { id: 2, name: 'Sam Okoro', status: 'apologies' },
    ]);
    db.prepare(`INSERT INTO attendance (meeting_id, name, role, status, kind, position) VALUES (1, 'Guest', 'Police', 'not_marked', 'guest', 2)`).run();
    expect(() => db.prepare(`INSERT INTO attendance (meeting_id, name, role, status, kind, position) VALUES (1, 'X', 'Y', 'late', 'guest', 3)`).run()).toThrow(/CHECK/);
    db.close();
  });
});
