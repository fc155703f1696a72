import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openTestApp, type TestApp } from '../../helpers/tempDb';
import { loadDemo } from '../../../db/demo/register';

// Issue 9: Home, the register and the agenda builder call the same cases "due for panel" — one
// rule (shared/domain/clocks isDueForPanel, seed 000 §7), judged on the same day.
describe('"due for panel" is one rule', () => {
  const TODAY = '2026-11-25';
  let app: TestApp;
  beforeAll(() => {
    app = openTestApp({ today: TODAY });
    app.db.transaction(() => loadDemo(app.db, { actor: 'Demo', source: 'demo', now: () => `${TODAY}T09:00:00Z` }, { today: TODAY }))();
  });
  afterAll(() => app.close());

  it('Home counts, the register flags and a meeting held today proposes (or lists as also eligible) the same cases', () => {
    const register = (app.ok('register.list') as { caseId: number; dueForPanel: boolean }[]).filter((r) => r.dueForPanel).map((r) => r.caseId).sort((a, b) => a - b);
    expect(register.length).toBeGreaterThan(0);
    expect(app.ok('dashboard.get').dueForPanelCount).toBe(register.length);

    const cme = (app.ok('panels.list') as { id: number; register: string }[]).find((p) => p.register === 'CME')!.id;
    const m = app.ok('meetings.create', { panelId: cme, date: TODAY, time: '10:00' }) as { id: number };
    app.ok('meetings.buildAgenda', { id: m.id });
    const due = (sql: string) => (app.db.prepare(sql).all(m.id) as { case_id: number; reasons: string }[])
      .filter((r) => (JSON.parse(r.reasons) as { code: string }[]).some((x) => x.code === 'due_for_panel'))
      .map((r) => r.case_id);
    const builder = [
      ...due(`SELECT case_id, reasons FROM agenda_items WHERE meeting_id = ? AND kind = 'case'`),
      ...due('SELECT case_id, reasons FROM agenda_eligible WHERE meeting_id = ?'),
    ].sort((a, b) => a - b);
    expect(builder).toEqual(register);
  });

  // Issue 12: Home counts in SQL against cut-offs from the same rules; the register computes each row.
  it("Home's long-term count and end-of-school-age list are the register's, case for case", () => {
    const rows = (app.ok('register.list') as { caseId: number; status: string; longTerm: boolean; endOfCsaReached: boolean }[]).filter((r) => r.status !== 'closed');
    const home = app.ok('dashboard.get');
    const longTerm = rows.filter((r) => r.longTerm).length;
    expect(longTerm).toBeGreaterThan(0);
    expect(home.longTermCount).toBe(longTerm);
    const ended = rows.filter((r) => r.endOfCsaReached).map((r) => r.caseId);
    expect((home.endOfCsa as { caseId: number }[]).map((r) => r.caseId)).toEqual(ended);
  });
});
