import { describe, it, expect } from 'vitest';
import { openDatabase, schemaVersion } from '../../../../db/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../db/migrations';
import { tempDbFile } from '../../../helpers/tempDb';

// The safeguarding migration (issue 10) on a populated register from the version before it.
describe('migration: safeguarding', () => {
  it('keeps the rows, makes nobody a manager, and gives unfound closed cases their review date (003 App. D)', () => {
    const before = MIGRATIONS.find((m) => m.name === 'safeguarding')!.version - 1;
    const file = tempDbFile();
    const old = openDatabase(file, { targetVersion: before });
    old.exec(`
      INSERT INTO officers (id, name, team, created_at) VALUES (1, 'Nadia Kowalczyk', 'inclusion', '2026-01-01');
      INSERT INTO children (id, forenames, surname, date_of_birth, gender, created_at) VALUES (1, 'Amelia', 'Hartley', '2014-05-12', 'female', '2026-01-01');
      INSERT INTO cases (id, child_id, register, ref_year, ref_seq, reference, status, date_notified, source, closed_on, closure_reason, created_at)
        VALUES (1, 1, 'CME', 2026, 1, 'CME-2026-0001', 'closed', '2026-01-05', 'school', '2026-03-10', 'unresolved_lost', '2026-01-05'),
               (2, 1, 'CME', 2026, 2, 'CME-2026-0002', 'closed', '2026-01-05', 'school', '2026-03-10', 'on_roll_attending', '2026-01-05'),
               (3, 1, 'CME', 2026, 3, 'CME-2026-0003', 'checks', '2026-01-05', 'school', NULL, NULL, '2026-01-05');
    `);
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT name, is_manager FROM officers').all()).toEqual([{ name: 'Nadia Kowalczyk', is_manager: 0 }]);
    expect(db.prepare('SELECT id, unfound_review_due, archived FROM cases ORDER BY id').all()).toEqual([
      { id: 1, unfound_review_due: '2026-09-10', archived: 0 },
      { id: 2, unfound_review_due: null, archived: 0 },
      { id: 3, unfound_review_due: null, archived: 0 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM closure_proposals').get()).toEqual({ n: 0 });
    db.close();
  });
});
