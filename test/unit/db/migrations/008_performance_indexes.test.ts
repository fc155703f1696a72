import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../db/open';
import { CHILD, migrateAcross } from './migrateAcross';
import { OPEN_CASES_SQL, registerSql } from '../../../../electron/services/register/register';
import { HOME_SQL, REALLOCATION_SQL } from '../../../../electron/services/caseload/caseload';
import { takenToPanelSql } from '../../../../electron/services/register/discussed';

/** SQLite's plan for a statement, one line per step ("SEARCH c USING INDEX …", "SCAN x", …). */
function plan(db: Db, sql: string, params: Record<string, unknown> = {}): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
}
/** Steps that read a whole table (or a whole index of it) among `aliases`. */
const scans = (steps: string[], aliases: string[]) => steps.filter((s) => aliases.some((a) => new RegExp(`^SCAN ${a}\\b`).test(s)));

const CASES_AND_ACTIONS = ['c', 'cases', 'x', 'actions', 'v', 'e', 'h'];

describe('migration 008: performance indexes (issue 12)', () => {
  const open = () =>
    migrateAcross('performance_indexes', (old) => {
      old.exec(CHILD);
      old.exec(`INSERT INTO officers (id, name, team, active, created_at) VALUES (7, 'Priya Shah', 'cme', 0, '2026-01-01')`);
      old.exec(`INSERT INTO cases (id, child_id, register, ref_year, ref_seq, reference, status, date_notified, source, lead_officer_id, rag, created_at) VALUES
        (1, 1, 'CME', 2026, 1, 'CME-2026-0001', 'checks', '2026-02-03', 'school', 7, 'red', '2026-02-03T09:00:00Z'),
        (2, 1, 'CME', 2026, 2, 'CME-2026-0002', 'closed', '2026-01-04', 'school', NULL, NULL, '2026-01-04T09:00:00Z')`);
    });

  it('keeps every case and adds the indexes', () => {
    const db = open();
    expect(db.prepare('SELECT id, status, lead_officer_id FROM cases ORDER BY id').all()).toEqual([
      { id: 1, status: 'checks', lead_officer_id: 7 },
      { id: 2, status: 'closed', lead_officer_id: null },
    ]);
    const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all() as string[]);
    for (const ix of ['actions_agenda_item', 'action_reviews_agenda_item', 'escalations_agenda_item', 'rag_history_meeting_case', 'cases_status_register', 'cases_status_notified', 'cases_lead_status', 'actions_status_due', 'actions_owner_status', 'escalations_status', 'audit_unsealed']) {
      expect(names, ix).toContain(ix);
    }
    db.close();
  });

  it('opening finds unsealed audit rows without reading the whole trail', () => {
    const db = open();
    const steps = plan(db, 'SELECT 1 FROM audit WHERE hash IS NULL LIMIT 1');
    // A walk of the partial index, which holds only unsealed rows (none once sealed), never of the table.
    expect(steps).toEqual([expect.stringMatching(/^(SCAN|SEARCH) audit USING (COVERING )?INDEX audit_unsealed$/)]);
    db.close();
  });

  it('"taken to panel" finds an item\'s actions, reviews, escalations and ratings by index, not by scanning', () => {
    const db = open();
    const steps = plan(db, `SELECT ${takenToPanelSql('?')} AS t`.replace('?', '1'));
    expect(steps.join('\n')).toContain('actions_agenda_item');
    expect(steps.join('\n')).toContain('action_reviews_agenda_item');
    expect(steps.join('\n')).toContain('escalations_agenda_item');
    expect(steps.join('\n')).toContain('rag_history_meeting_case');
    expect(scans(steps, CASES_AND_ACTIONS)).toEqual([]);
    db.close();
  });

  it('the register\'s open cases are read by status, never by scanning every case', () => {
    const db = open();
    const steps = plan(db, registerSql({ where: OPEN_CASES_SQL }), { lastCme: '2026-01-01', lastPmoe: '2026-01-01' });
    expect(steps.some((s) => /^SEARCH c USING (COVERING )?INDEX cases_status/.test(s)), steps.join('\n')).toBe(true);
    expect(scans(steps, CASES_AND_ACTIONS)).toEqual([]);
    db.close();
  });

  it.each(Object.keys(HOME_SQL) as (keyof typeof HOME_SQL)[])('Home\'s %s query uses an index on cases', (name) => {
    const db = open();
    const steps = plan(db, HOME_SQL[name], { notifiedBy: '2026-10-28', bornBy: '2010-08-31' });
    expect(scans(steps, CASES_AND_ACTIONS), steps.join('\n')).toEqual([]);
    expect(steps.some((s) => /USING (COVERING )?INDEX (cases_|children_dob)/.test(s)), steps.join('\n')).toBe(true);
    db.close();
  });

  it('an officer\'s cases and open actions are found by lead officer and by owner', () => {
    const db = open();
    const cases = plan(db, REALLOCATION_SQL.cases);
    expect(cases.some((s) => /SEARCH c USING (COVERING )?INDEX cases_lead/.test(s)), cases.join('\n')).toBe(true);
    expect(scans(cases, CASES_AND_ACTIONS)).toEqual([]);
    const actions = plan(db, REALLOCATION_SQL.actions);
    expect(actions.some((s) => /SEARCH x USING (COVERING )?INDEX actions_owner_status/.test(s)), actions.join('\n')).toBe(true);
    expect(scans(actions, CASES_AND_ACTIONS)).toEqual([]);
    db.close();
  });
});
