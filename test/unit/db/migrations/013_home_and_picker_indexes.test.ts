import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../db/open';
import { CHILD, migrateAcross } from './migrateAcross';
import { HOME_SQL } from '../../../../electron/services/caseload/caseload';
import { PICK_SQL } from '../../../../electron/services/register/casePicker';

// Issue 12: Home at 50,000 cases. "Due for panel" (seed 000 §7) and "end of compulsory school age"
// read only indexes for every case they pass over; rows are read for the cases Home lists.
const plan = (db: Db, sql: string, params: Record<string, unknown> = {}) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
const PARAMS = { notifiedBy: '2026-10-28', bornBy: '2010-08-31' };

describe('migration 013: Home and case picker indexes (issue 12)', () => {
  const open = () =>
    migrateAcross('home_and_picker_indexes', (old) => {
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

  it('the case picker finds children by the start of a surname or forename through their NOCASE indexes, never by reading every child', () => {
    const db = open();
    const steps = plan(db, PICK_SQL.name(1), { lo: 'hart', hi: 'hart\uffff', w0: '%amelia%', limit: 11 });
    expect(steps, steps.join('\n')).toContainEqual(expect.stringMatching(/SEARCH children USING COVERING INDEX children_surname_nocase \(surname>\? AND surname<\?\)/));
    expect(steps, steps.join('\n')).toContainEqual(expect.stringMatching(/SEARCH children USING COVERING INDEX children_forenames_nocase \(forenames>\? AND forenames<\?\)/));
    expect(steps.filter((s) => /^SCAN (c|ch|children|cases)\b/.test(s)), steps.join('\n')).toEqual([]);
    db.exec(`UPDATE children SET search_key = 'amelia hartley millie amelia brown'`);
    expect(db.prepare(PICK_SQL.name(1)).all({ lo: 'HART', hi: 'HART\uffff', w0: '%amel%', limit: 11 })).toHaveLength(2);
    expect(db.prepare(PICK_SQL.name(0)).all({ lo: 'amelia', hi: 'amelia\uffff', limit: 11 })).toHaveLength(2);
    expect(db.prepare(PICK_SQL.name(0)).all({ lo: 'bro', hi: 'bro\uffff', limit: 11 })).toHaveLength(0); // a former name is not a start
    db.close();
  });

  it('the case picker finds a reference exactly or by how it starts, and a UPN, by index', () => {
    const db = open();
    const exact = plan(db, PICK_SQL.exactReference, { register: 'CME', year: 2026, seq: 1 });
    expect(exact[0]).toMatch(/^SEARCH c USING INDEX sqlite_autoindex_cases_\d \(register=\? AND ref_year=\? AND ref_seq=\?\)$/);
    const prefix = plan(db, PICK_SQL.referencePrefix, { lo: 'CME-2026', hi: 'CME-2026\uffff', limit: 11 });
    expect(prefix[0]).toMatch(/^SEARCH c USING INDEX sqlite_autoindex_cases_\d \(reference>\? AND reference<\?\)$/);
    const upn = plan(db, PICK_SQL.upn, { upn: 'A123456789012', limit: 11 });
    expect(upn.join('\n')).toMatch(/SEARCH ch USING INDEX children_upn \(upn=\?\)/);
    for (const steps of [exact, prefix, upn]) expect(steps.filter((s) => /^SCAN (c|ch)\b/.test(s)), steps.join('\n')).toEqual([]);
    expect(db.prepare(PICK_SQL.exactReference).all({ register: 'CME', year: 2026, seq: 2 })).toMatchObject([{ reference: 'CME-2026-0002', status: 'closed' }]);
    expect((db.prepare(PICK_SQL.referencePrefix).all({ lo: 'CME-2026-000', hi: 'CME-2026-000\uffff', limit: 11 }) as { reference: string }[]).map((r) => r.reference)).toEqual(['CME-2026-0001', 'CME-2026-0002']);
    db.close();
  });
});
