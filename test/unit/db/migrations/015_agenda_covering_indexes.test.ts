import { describe, expect, it } from 'vitest';
import { AGENDA_CASES, CHILD, migrateAcross, plan } from './migrateAcross';
import { AGENDA_CASES_SQL, PENDING_CLOSURES_SQL } from '../../../../electron/services/meetings/agendaCases';
import { ALERT_CASES_SQL } from '../../../../electron/services/register/caseAlerts';


describe('migration 015: the agenda builder reads open cases from covering indexes (issue 12)', () => {
  const open = () =>
    migrateAcross('agenda_covering_indexes', (old) => {
      old.exec(CHILD);
      old.exec(AGENDA_CASES);
    });

  it('finds the open cases and the closed ones whose not-found review is due, as before', () => {
    const db = open();
    const ids = (register: string, meetingDate: string) =>
      db.prepare(AGENDA_CASES_SQL).all({ register, meetingDate }).map((r) => (r as { id: number }).id).sort();
    expect(ids('CME', '2026-09-08')).toEqual([1, 2]);
    expect(ids('CME', '2026-08-31')).toEqual([1]);
    expect(ids('PMOE', '2026-09-08')).toEqual([]);
    const row = db.prepare(AGENDA_CASES_SQL).get({ register: 'CME', meetingDate: '2026-08-31' }) as Record<string, unknown>;
    expect(row).toMatchObject({ reference: 'CME-2026-0001', rag: 'red', date_notified: '2026-02-03', date_of_birth: '2014-05-12' });
    db.close();
  });

  it('reads every column of an open case and its child from the indexes alone, never a table page', () => {
    const db = open();
    const steps = plan(db, AGENDA_CASES_SQL, { register: 'CME', meetingDate: '2026-09-08' });
    // COVERING: every column the query reads is in the index. A column added to the query but not to
    // the index makes SQLite read the table row, and this fails.
    expect(steps.some((s) => /^SEARCH c USING COVERING INDEX cases_agenda \(register=\? AND status=\?\)/.test(s)), steps.join('\n')).toBe(true);
    expect(steps.filter((s) => /^SEARCH ch USING COVERING INDEX children_agenda \(id=\?\)/.test(s)), steps.join('\n')).toHaveLength(2);
    // Closed cases only by their not-found review date (migration 012).
    expect(steps.some((s) => /^SEARCH c USING INDEX cases_unfound_review \(register=\? AND unfound_review_due[<>]/.test(s)), steps.join('\n')).toBe(true);
    expect(steps.filter((s) => /^SCAN /.test(s)), steps.join('\n')).toEqual([]);
    db.close();
  });

  it('pending closure proposals are read by their partial index, never by scanning every proposal ever made', () => {
    const db = open();
    const steps = plan(db, PENDING_CLOSURES_SQL, {});
    expect(steps.join('\n')).toMatch(/closure_proposals_one_pending/);
    db.close();
  });

  it("Home's run-out clocks read the open cases' dates from the same covering index", () => {
    const db = open();
    const steps = plan(db, ALERT_CASES_SQL, {});
    expect(steps.some((s) => /^SEARCH c USING COVERING INDEX cases_agenda \(register=\? AND status=\?\)/.test(s)), steps.join('\n')).toBe(true);
    expect(steps.filter((s) => /^SCAN /.test(s)), steps.join('\n')).toEqual([]);
    db.close();
  });
});
