import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../db/open';
import { CHILD, migrateAcross } from './migrateAcross';
import { HOME_SQL } from '../../../../electron/services/caseload/caseload';

// Issue 12: Home at 50,000 cases. "Due for panel" (seed 000 §7) and "end of compulsory school age"
// read only indexes for every case they pass over; rows are read for the cases Home lists.
const plan = (db: Db, sql: string, params: Record<string, unknown> = {}) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
const PARAMS = { notifiedBy: '2026-10-28', bornBy: '2010-08-31' };

describe('migration 012: dashboard indexes (issue 12)', () => {
  const open = () =>
    migrateAcross('dashboard_indexes', (old) => {
      old.exec(CHILD);
      old.exec(`INSERT INTO cases (id, child_id, register, ref_year, ref_seq, reference, status, date_notified, source, rag, archived, created_at) VALUES
        (1, 1, 'CME', 2026, 1, 'CME-2026-0001', 'checks', '2026-02-03', 'school', 'red', 0, '2026-02-03T09:00:00Z'),
        (2, 1, 'CME', 2026, 2, 'CME-2026-0002', 'closed', '2026-01-04', 'school', NULL, 1, '2026-01-04T09:00:00Z')`);
    });

  it('keeps every case, adds the indexes and replaces cases_child by cases_child_status', () => {
    const db = open();
    expect(db.prepare('SELECT id, child_id, status, archived FROM cases ORDER BY id').all()).toEqual([
      { id: 1, child_id: 1, status: 'checks', archived: 0 },
      { id: 2, child_id: 1, status: 'closed', archived: 1 },
    ]);
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all() as string[];
    expect(names).toContain('cases_due_for_panel');
    expect(names).toContain('cases_child_status');
    expect(names).not.toContain('cases_child');
    // A child's cases are still found by index (the foreign key from cases to children uses it too).
    expect(plan(db, 'SELECT id FROM cases WHERE child_id = 1').join('\n')).toMatch(/USING (COVERING )?INDEX cases_child_status \(child_id=\?\)/);
    db.close();
  });

  it.each(['dueForPanelCount', 'dueForPanel'] as const)('"due for panel" (%s) passes over cases in the covering index, never their rows', (name) => {
    const db = open();
    const steps = plan(db, HOME_SQL[name], PARAMS);
    expect(steps, steps.join('\n')).toContainEqual(expect.stringMatching(/^SEARCH c USING COVERING INDEX cases_due_for_panel \(register=\? AND archived=\? AND date_located=\? AND status=\? AND date_notified<\?\)$/));
    expect(steps.filter((s) => /^SCAN (c|k|ch|cases|children)\b/.test(s)), steps.join('\n')).toEqual([]);
    if (name === 'dueForPanel') {
      // The eight listed are read by id, after the LIMIT.
      expect(steps).toContain('SEARCH k USING INTEGER PRIMARY KEY (rowid=?)');
    }
    db.close();
  });

  it('"end of compulsory school age" checks each older child for an open case in cases_child_status', () => {
    const db = open();
    const steps = plan(db, HOME_SQL.endOfCsa, PARAMS);
    expect(steps[0]).toMatch(/^SEARCH ch USING (COVERING )?INDEX children_dob \(date_of_birth<\?\)$/);
    expect(steps[1]).toBe('SEARCH c USING INDEX cases_child_status (child_id=? AND status=?)');
    db.close();
  });

  it('the Home queries answer the same on the seeded rows', () => {
    const db = open();
    expect(db.prepare(HOME_SQL.dueForPanelCount).get({ notifiedBy: PARAMS.notifiedBy })).toEqual({ n: 1 });
    expect(db.prepare(HOME_SQL.dueForPanel).all({ notifiedBy: PARAMS.notifiedBy })).toEqual([
      { id: 1, reference: 'CME-2026-0001', date_notified: '2026-02-03', rag: 'red', forenames: 'Amelia', surname: 'Hartley' },
    ]);
    expect(db.prepare(HOME_SQL.endOfCsa).all({ bornBy: '2014-05-12' })).toEqual([
      { id: 1, reference: 'CME-2026-0001', register: 'CME', forenames: 'Amelia', surname: 'Hartley' },
    ]);
    expect(db.prepare(HOME_SQL.endOfCsa).all({ bornBy: '2014-05-11' })).toEqual([]);
    db.close();
  });
});
