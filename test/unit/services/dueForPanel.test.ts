import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { type TestApp, openDemoTestApp } from '../../helpers/tempDb';
import { listRegister } from '../../../electron/services/register/register';
import { getDashboard } from '../../../electron/services/caseload/caseload';
import type { Dashboard } from '../../../shared/api/trackingSchemas';
import type { HomeAlerts } from '../../../shared/api/schemas';
import { HOME_ALERT_LIMIT } from '../../../electron/services/register/caseAlerts';

// Issue 9: Home, the register and the agenda builder call the same cases "due for panel" — one
// rule (shared/domain/clocks isDueForPanel, seed 000 §7), judged on the same day.
describe('"due for panel" is one rule', () => {
  const TODAY = '2026-11-25';
  let app: TestApp;
  beforeAll(() => {
    app = openDemoTestApp(TODAY);
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

// Issue 12 (migration 012): Home's figures come from indexes alone and are kept per register version;
// they must be exactly what the register's own rows say, on any day and after any write.
describe("Home's figures are the register's, day by day", () => {
  const TODAY = '2026-11-25';
  let app: TestApp;
  beforeAll(() => {
    app = openDemoTestApp(TODAY);
  });
  afterAll(() => app.close());

  /** Home as the register's rows (listRegister: every clock worked out per case by shared/domain) say it should be. */
  function fromRegister(day: string) {
    const open = listRegister(app.db, day).filter((r) => r.status !== 'closed');
    const due = open.filter((r) => r.dueForPanel).sort((a, b) => a.dateNotified.localeCompare(b.dateNotified) || b.caseId - a.caseId);
    const openByRag = { CME: { red: 0, amber: 0, green: 0, none: 0, total: 0 }, PMOE: { red: 0, amber: 0, green: 0, none: 0, total: 0 } };
    for (const r of open) {
      openByRag[r.register][r.rag ?? 'none'] += 1;
      openByRag[r.register].total += 1;
    }
    return {
      dueForPanelCount: due.length,
      dueForPanel: due.slice(0, 8).map((r) => ({ caseId: r.caseId, reference: r.reference, childName: `${r.forenames} ${r.surname}`, daysOpen: r.daysOpen, rag: r.rag })),
      longTermCount: open.filter((r) => r.longTerm).length,
      endOfCsa: open.filter((r) => r.endOfCsaReached)
        .sort((a, b) => b.dateNotified.localeCompare(a.dateNotified) || b.caseId - a.caseId)
        .map((r) => ({ caseId: r.caseId, reference: r.reference, childName: `${r.forenames} ${r.surname}`, register: r.register })),
      openByRag,
    };
  }
  const pick = (d: Dashboard) => ({ dueForPanelCount: d.dueForPanelCount, dueForPanel: d.dueForPanel, longTermCount: d.longTermCount, endOfCsa: d.endOfCsa, openByRag: d.openByRag });

  // The demo's today, the days around the end of the summer term and 31 August (school age, seed 000
  // §2), a half-term week and a year on, when most of the demo's cases have passed each clock.
  it.each(['2026-11-25', '2026-07-21', '2026-08-31', '2026-09-01', '2026-10-28', '2026-10-29', '2027-08-31', '2027-09-01', '2027-11-25'])('on %s', (day) => {
    const expected = fromRegister(day);
    expect(pick(getDashboard(app.db, day))).toEqual(expected);
  });

  it('the demo has something under every figure on its today (so the comparison above is not of empty lists)', () => {
    const f = fromRegister(TODAY);
    expect(f.dueForPanelCount).toBeGreaterThan(8);
    expect(f.longTermCount).toBeGreaterThan(0);
    expect(f.openByRag.CME.total).toBeGreaterThan(0);
    expect(f.openByRag.PMOE.total).toBeGreaterThan(0);
    expect(fromRegister('2027-09-01').endOfCsa.length).toBeGreaterThan(0);
  });

  it('dashboard.get answers from its kept figures until a write, then from the register as changed', () => {
    const before = app.ok('dashboard.get');
    expect(app.ok('dashboard.get')).toBe(before); // the same answer, not worked out again
    expect(pick(before)).toEqual(fromRegister(TODAY));
    const red = before.openByRag.CME.red;
    const target = listRegister(app.db, TODAY).find((r) => r.register === 'CME' && r.status !== 'closed' && r.rag !== 'red')!;
    app.ok('cases.setRag', { id: target.caseId, rag: 'red', reason: 'Sibling seen at a new address; whereabouts unknown again.' });
    const after = app.ok('dashboard.get');
    expect(after).not.toBe(before);
    expect(after.openByRag.CME.red).toBe(red + 1);
    expect(pick(after)).toEqual(fromRegister(TODAY));
  });
});

// Home's run-out clocks list the newest few of each kind; "Show more" asks for more of one kind.
describe("Home's run-out clocks, a few at a time", () => {
  const TODAY = '2026-11-25';
  let app: TestApp;
  beforeAll(() => {
    app = openDemoTestApp(TODAY);
  });
  afterAll(() => app.close());

  it('lists the newest 8 of each kind with the full count, and more of the one asked for, in the same order', () => {
    const groups = app.ok('alerts.home') as HomeAlerts;
    const big = groups.find((g) => g.count > HOME_ALERT_LIMIT)!;
    expect(big, groups.map((g) => `${g.code}:${g.count}`).join(' ')).toBeDefined();
    for (const g of groups) expect(g.cases.length).toBe(Math.min(g.count, HOME_ALERT_LIMIT));
    const more = app.ok('alerts.home', { expand: { code: big.code, limit: HOME_ALERT_LIMIT + 100 } }) as HomeAlerts;
    const expanded = more.find((g) => g.code === big.code)!;
    expect(expanded.count).toBe(big.count);
    expect(expanded.cases.length).toBe(Math.min(big.count, HOME_ALERT_LIMIT + 100));
    expect(expanded.cases.slice(0, HOME_ALERT_LIMIT)).toEqual(big.cases);
    const since = expanded.cases.map((c) => c.since);
    expect(since).toEqual([...since].sort().reverse());
    // The other kinds stay at 8.
    for (const g of more.filter((x) => x.code !== big.code)) expect(g.cases.length).toBe(Math.min(g.count, HOME_ALERT_LIMIT));
    const all = app.ok('alerts.home', { expand: { code: big.code, limit: 10_000 } }) as HomeAlerts;
    expect(all.find((g) => g.code === big.code)!.cases).toHaveLength(big.count);
  });

  it("names each case's child, as the register does, in the groups shown and in the ones expanded", () => {
    const nameOf = new Map(listRegister(app.db, TODAY).map((r) => [r.caseId, `${r.forenames} ${r.surname}`]));
    const groups = app.ok('alerts.home') as HomeAlerts;
    const big = groups.find((g) => g.count > HOME_ALERT_LIMIT)!;
    const more = app.ok('alerts.home', { expand: { code: big.code, limit: HOME_ALERT_LIMIT + 50 } }) as HomeAlerts;
    const shown = [...groups, ...more].flatMap((g) => g.cases);
    expect(shown.length).toBeGreaterThan(HOME_ALERT_LIMIT + 50);
    for (const c of shown) expect(c.name, c.reference).toBe(nameOf.get(c.caseId));
  });

  it('refuses a kind of alert it does not know, naming the field', () => {
    const r = app.dispatch('alerts.home', { expand: { code: 'sometime', limit: 10 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field ?? r.error.message).toMatch(/expand/);
  });
});
