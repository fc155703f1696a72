import { describe, expect, it } from 'vitest';
import { AGENDA_CASES, CHILD, migrateAcross, plan } from './migrateAcross';
import { DISCUSSED_AT_SQL, NOT_REACHED_SQL, OPEN_ACTIONS_SQL } from '../../../../electron/services/meetings/agendaCases';

const scansOf = (steps: string[], aliases: string[]) => steps.filter((s) => aliases.some((a) => new RegExp(`^SCAN ${a}\\b`).test(s)));

describe('migration 012: agenda build indexes (issue 12)', () => {
  const open = () =>
    migrateAcross('agenda_build_indexes', (old) => {
      old.exec(CHILD);
      old.exec(AGENDA_CASES);
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
