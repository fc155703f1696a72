import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../db/open';
import { CHILD, migrateAcross } from './migrateAcross';
import { DISCUSSED_AT_SQL, NOT_REACHED_SQL, OPEN_ACTIONS_SQL } from '../../../../electron/services/meetings/agendaCases';

/** SQLite's plan for a statement, one line per step ("SEARCH c USING INDEX …", "SCAN x", …). */
function plan(db: Db, sql: string, params: Record<string, unknown>): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
}
const scansOf = (steps: string[], aliases: string[]) => steps.filter((s) => aliases.some((a) => new RegExp(`^SCAN ${a}\\b`).test(s)));

describe('migration 012: agenda build indexes (issue 12)', () => {
  const open = () =>
    migrateAcross('agenda_build_indexes', (old) => {
      old.exec(CHILD);
      // An open case, a closed-not-found one under twice-yearly review (seed 003 App. D) and a closed one.
      old.exec(`INSERT INTO cases (id, child_id, register, ref_year, ref_seq, reference, status, date_notified, source, rag, closed_on, closure_reason, unfound_review_due, created_at) VALUES
        (1, 1, 'CME', 2026, 1, 'CME-2026-0001', 'checks', '2026-02-03', 'school', 'red', NULL, NULL, NULL, '2026-02-03T09:00:00Z'),
        (2, 1, 'CME', 2026, 2, 'CME-2026-0002', 'closed', '2026-01-04', 'school', NULL, '2026-03-01', 'unresolved_lost', '2026-09-01', '2026-01-04T09:00:00Z'),
        (3, 1, 'PMOE', 2026, 1, 'PMOE-2026-0001', 'closed', '2026-01-05', 'school', NULL, '2026-03-02', 'returned', NULL, '2026-01-05T09:00:00Z')`);
    });

  it('keeps every case and adds the not-found review index', () => {
    const db = open();
    expect(db.prepare('SELECT id, status, unfound_review_due FROM cases ORDER BY id').all()).toEqual([
      { id: 1, status: 'checks', unfound_review_due: null },
      { id: 2, status: 'closed', unfound_review_due: '2026-09-01' },
      { id: 3, status: 'closed', unfound_review_due: null },
    ]);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'cases_unfound_review'`).pluck().get()).toBe('cases_unfound_review');
    // The builder's own query needs migration 015's indexes: 015_agenda_covering_indexes.test.ts runs it.
    const due = `SELECT id FROM cases WHERE register = 'CME' AND status = 'closed' AND unfound_review_due IS NOT NULL AND unfound_review_due <= ?`;
    expect(plan(db, due.replace('?', `'2026-09-08'`), {}).some((s) => s.includes('cases_unfound_review'))).toBe(true);
    expect(db.prepare(due).pluck().all('2026-09-08')).toEqual([2]);
    db.close();
  });

  it('open actions and earlier meetings are found by index, never by scanning', () => {
    const db = open();
    for (const [sql, params] of [
      [OPEN_ACTIONS_SQL, { register: 'CME' }],
      [DISCUSSED_AT_SQL, { panelId: 1, meetingId: 9, meetingDate: '2026-09-08' }],
      [NOT_REACHED_SQL, { panelId: 1, meetingId: 9, meetingDate: '2026-09-08' }],
    ] as const) {
      const steps = plan(db, sql, params);
      expect(scansOf(steps, ['c', 'x', 'a', 'm', 'v', 'e', 'h']), steps.join('\n')).toEqual([]);
    }
    db.close();
  });
});
