import { describe, expect, it } from 'vitest';
import { migrateAcross, CHILD } from './migrateAcross';

describe('migration 011: school returns and notices', () => {
  it('keeps the register as it was and adds schools, returns, their lines and notices with their rules', () => {
    const db = migrateAcross('school_returns', (old) => {
      old.exec(CHILD);
      old.exec(`INSERT INTO cases (id, child_id, register, ref_year, ref_seq, reference, status, date_notified, source, pmoe_school, pmoe_reason, hours_per_week, created_at)
        VALUES (1, 1, 'PMOE', 2026, 1, 'PMOE-2026-0001', 'checks', '2026-09-10', 'school', 'Oak Primary School', 'reduced_timetable', 15, '2026-09-10')`);
    });
    expect(db.prepare('SELECT reference, hours_per_week FROM cases').all()).toEqual([{ reference: 'PMOE-2026-0001', hours_per_week: 15 }]);
    db.exec(`INSERT INTO schools (id, name, created_at) VALUES (1, 'Oak Primary School', '2026-11-01')`);
    // One school per name, whatever the case.
    expect(() => db.exec(`INSERT INTO schools (name, created_at) VALUES ('oak primary school', '2026-11-01')`)).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO school_returns (id, school_id, kind, half_term, received_on, imported_by, created_at) VALUES (1, 1, 'return', '2026/27 Autumn 2', '2026-11-20', 'Priya Shah', '2026-11-20')`);
    db.exec(`INSERT INTO return_lines (return_id, row_number, child_id, case_id, outcome, pmoe_reason, hours_per_week, created_at) VALUES (1, 2, 1, 1, 'changed', 'reduced_timetable', 6, '2026-11-20')`);
    expect(db.prepare('SELECT status FROM school_returns').get()).toEqual({ status: 'imported' });
    expect(() => db.exec(`INSERT INTO school_returns (school_id, kind, half_term, received_on, imported_by, created_at) VALUES (1, 'weekly', 'x', '2026-11-20', 'P', '2026-11-20')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO return_lines (return_id, row_number, child_id, case_id, outcome, pmoe_reason, created_at) VALUES (1, 3, 1, 99, 'new', 'medical', '2026-11-20')`)).toThrow(/FOREIGN KEY/);
    expect(() => db.exec(`INSERT INTO school_notices (kind, school_id, forenames, surname, date_of_birth, event_date, notified_on, outcome, created_at) VALUES ('transfer', 1, 'A', 'B', '2014-05-12', '2026-11-01', '2026-11-01', 'x', '2026-11-01')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO school_mappings (school_id, kind, mapping, updated_at) VALUES (1, 'return', '{}', 'x'), (1, 'return', '{}', 'y')`)).toThrow(/UNIQUE/);
    db.close();
  });
});
