import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openTestApp, tempDbFile, type TestApp } from '../../helpers/tempDb';
import type { Reports } from '../../../shared/api/reportSchemas';

/**
 * A small register with hand-chosen dates, built through the real dispatcher, and every figure on
 * the Reports screen checked against answers worked out by hand (the comments show the working).
 *
 * The register is built in three sittings with different "today"s, because escalations are raised
 * and ratings recorded on the app's today: 01/09/2026, then 20/11/2026, then read on 25/11/2026.
 *
 *   case  register  notified    source     reason                    dates                                  closed                          lead   RAG 01/09
 *   A     CME       02/03/2026  school     whereabouts_unknown       located 09/03 (7 days)                 20/03 on roll (residing)        -      -
 *   B     CME       10/03/2026  admissions awaiting_school_place     located 09/04 (30 days)                open                            Priya  red
 *   C     CME       15/03/2026  other_la   moved_abroad_unconfirmed  departed 01/03/2026                    28/03 moved overseas (left)     -      -
 *   E     CME       10/01/2026  police     left_without_destination  -                                      open                            -      amber
 *   F     CME       05/02/2026  health     whereabouts_unknown       located 25/02 (20 days)                15/09 moved to another LA (left) -     -
 *   I     CME       20/11/2025  public     other                     -                                      open                            Priya  red
 *   J     CME       01/10/2026  ehe        ehe_unsuitable            -                                      open                            -      -
 *   G     PMOE      05/03/2026  school     reduced_timetable         entered provision 16/04 (42 days)      01/05 FTE restored (residing)   Sam    -
 *   H     PMOE      20/05/2026  health     medical                   -                                      open                            Sam    green
 */
describe('reports.get: every figure on a register with known answers', () => {
  const file = tempDbFile();
  let app: TestApp;
  let r: Reports;
  let ids: Record<string, number>;
  let priya: number;
  let sam: number;
  let cmePanel: number;
  let pmoePanel: number;
  const FROM = '2026-01-01';
  const TO = '2026-10-31';

  const cme = (dateNotified: string, source: string, reason: string, more: Record<string, unknown> = {}, forenames = 'Child') => ({
    register: 'CME',
    child: { forenames, surname: 'Test', dateOfBirth: '2014-05-12', gender: 'female' },
    case: { dateNotified, source, reason, ...more },
  });
  const pmoe = (dateNotified: string, source: string, pmoeReason: string, more: Record<string, unknown> = {}, forenames = 'Pupil') => ({
    register: 'PMOE',
    child: { forenames, surname: 'Test', dateOfBirth: '2012-02-03', gender: 'male' },
    case: { dateNotified, source, pmoeSchool: 'Northbridge Academy', pmoeReason, hoursPerWeek: 10, ...more },
  });

  beforeAll(() => {
    // Sitting 1: today 01/09/2026 — cases, ratings, lead officers, the first escalation.
    let a = openTestApp({ file, today: '2026-09-01' });
    priya = a.ok('officers.create', { name: 'Priya Shah', jobTitle: 'CME Officer', team: 'cme' }).id;
    sam = a.ok('officers.create', { name: 'Sam Okoro', jobTitle: 'Education Welfare Officer', team: 'education_welfare' }).id;
    const manager = a.ok('officers.create', { name: 'Dana Cole', jobTitle: 'EWS Operational Manager', team: 'education_welfare', isManager: true }).id;
    const make = (k: string, ref: unknown) => [k, a.ok('referrals.create', ref).caseId as number] as const;
    ids = Object.fromEntries([
      make('A', cme('2026-03-02', 'school', 'whereabouts_unknown', { dateLocated: '2026-03-09' }, 'Ava')),
      make('B', cme('2026-03-10', 'admissions', 'awaiting_school_place', { dateLocated: '2026-04-09' }, 'Ben')),
      make('C', cme('2026-03-15', 'other_la', 'moved_abroad_unconfirmed', { departureDate: '2026-03-01', destination: 'Portugal' }, 'Cara')),
      make('E', cme('2026-01-10', 'police', 'left_without_destination', {}, 'Eli')),
      make('F', cme('2026-02-05', 'health', 'whereabouts_unknown', { dateLocated: '2026-02-25' }, 'Finn')),
      make('I', cme('2025-11-20', 'public', 'other', {}, 'Isla')),
      make('G', pmoe('2026-03-05', 'school', 'reduced_timetable', { dateEnteredProvision: '2026-04-16' }, 'Gus')),
      make('H', pmoe('2026-05-20', 'health', 'medical', {}, 'Hana')),
    ]);
    const by = { proposedById: priya, evidence: 'Confirmed by the receiving school or authority' };
    a.ok('closures.propose', { ...by, id: ids.A, closedOn: '2026-03-20', reason: 'on_roll_attending', detail: 'Northbridge Academy' });
    // Moved overseas is unconfirmed: closed once a manager authorises (003 App. E), on the date proposed.
    a.ok('closures.propose', { ...by, id: ids.C, closedOn: '2026-03-28', reason: 'moved_overseas', overseasCountry: 'Portugal', overseasVerifiedHow: 'Home Office travel record' });
    a.ok('closures.authorise', { id: ids.C, authorisedById: manager });
    a.ok('closures.propose', { ...by, id: ids.G, closedOn: '2026-05-01', reason: 'full_time_education_restored' });
    a.ok('cases.setRag', { id: ids.B, rag: 'red', reason: 'Not in school' });
    a.ok('cases.setRag', { id: ids.E, rag: 'amber', reason: 'Believed with family' });
    a.ok('cases.setRag', { id: ids.I, rag: 'red', reason: 'No trace' });
    a.ok('cases.setRag', { id: ids.H, rag: 'green', reason: 'Tuition in place' });
    a.ok('cases.setLeadOfficer', { id: ids.B, officerId: priya });
    a.ok('cases.setLeadOfficer', { id: ids.I, officerId: priya });
    a.ok('cases.setLeadOfficer', { id: ids.H, officerId: sam });
    const x = a.ok('escalations.create', { caseId: ids.B, reason: 'no_progress', asked: 'School place needed' });
    a.close();

    // Sitting 2: today 20/11/2026 — escalation X goes up a level; Y raised; Z raised and resolved.
    a = openTestApp({ file, today: '2026-11-20' });
    // J is notified after sitting 1's today, so it is referred now (a referral can't be dated after today).
    ids.J = a.ok('referrals.create', cme('2026-10-01', 'ehe', 'ehe_unsuitable', {}, 'Jay')).caseId as number;
    // F's move is closed once Essex accepted (000 §9), a date after sitting 1.
    a.ok('closures.propose', { proposedById: priya, evidence: 'Essex CME officer confirmed', id: ids.F, closedOn: '2026-09-15', reason: 'moved_other_la', otherLa: 'Essex', otherLaContact: 'Essex CME team', otherLaReferredOn: '2026-09-01', otherLaAcceptedOn: '2026-09-15' });
    a.ok('escalations.escalate', { id: x.id, asked: 'Head of Service to direct admission' });
    a.ok('escalations.create', { caseId: ids.H, reason: 'no_provision', asked: 'Tuition hours' });
    const z = a.ok('escalations.create', { caseId: ids.I, reason: 'other', asked: 'Police check' });
    a.ok('escalations.resolve', { id: z.id, outcome: 'Checked', resolvedOn: '2026-11-20' });
    a.close();

    // Sitting 3: today 25/11/2026 — two held meetings (and one only scheduled), their ratings and actions.
    app = openTestApp({ file, today: '2026-11-25' });
    const panels = app.ok('panels.list') as { id: number; register: string }[];
    cmePanel = panels.find((p) => p.register === 'CME')!.id;
    pmoePanel = panels.find((p) => p.register === 'PMOE')!.id;
    const held = (panelId: number, date: string, refs: string[]) => {
      const m = app.ok('meetings.create', { panelId, date, time: '10:00' });
      let d: { items: { id: number; caseId: number | null }[] } = m;
      for (const k of refs) d = app.ok('agenda.addCase', { meetingId: m.id, reference: app.ok('cases.get', { id: ids[k] }).case.reference });
      app.ok('meetings.start', { id: m.id });
      const item = (k: string) => d.items.find((i) => i.caseId === ids[k])!.id;
      return { id: m.id as number, item };
    };
    const m1 = held(cmePanel, '2026-10-13', ['B', 'E', 'I', 'J']);
    app.ok('items.setRag', { itemId: m1.item('B'), rag: 'amber', reason: 'Place offered' }); // red -> amber: improved
    app.ok('items.setRag', { itemId: m1.item('E'), rag: 'red', reason: 'No contact' }); // amber -> red: worsened
    app.ok('items.setRag', { itemId: m1.item('J'), rag: 'green', reason: 'Plan agreed' }); // none -> green: first
    // I keeps red (in force since 01/09): same.
    app.ok('items.createAction', { itemId: m1.item('B'), text: 'Visit', ownerId: sam, dueDate: '2026-10-20' }); // overdue
    app.ok('items.createAction', { itemId: m1.item('I'), text: 'Police check', ownerId: priya, dueDate: '2026-11-01' }); // overdue
    app.ok('items.createAction', { itemId: m1.item('E'), text: 'Letter', ownerText: 'Northbridge Academy', dueDate: '2026-10-30' }); // overdue, owned by a school (not an officer)
    app.ok('items.createAction', { itemId: m1.item('B'), text: 'Confirm start', ownerId: priya, dueDate: '2026-12-01' }); // not yet due
    app.ok('items.createAction', { itemId: m1.item('J'), text: 'Call', ownerId: sam, dueDate: '2026-10-14' }); // done below
    app.ok('meetings.close', { id: m1.id });
    const m2 = held(pmoePanel, '2026-10-20', ['H']); // H stays green: same
    app.ok('items.createAction', { itemId: m2.item('H'), text: 'Review tuition', ownerId: sam, dueDate: '2026-10-27' }); // overdue
    app.ok('meetings.close', { id: m2.id });
    app.ok('meetings.create', { panelId: cmePanel, date: '2026-10-27', time: '10:00' }); // scheduled only: not counted
    const call = (app.ok('actions.list', { caseId: ids.J }) as { id: number; text: string }[]).find((x) => x.text === 'Call')!;
    app.ok('actions.complete', { id: call.id, completedOn: '2026-10-14', note: null });

    r = app.ok('reports.get', { from: FROM, to: TO });
  });
  afterAll(() => app?.close());

  it('says what it covers', () => {
    expect(r).toMatchObject({ from: FROM, to: TO, today: '2026-11-25', panel: null, registers: ['CME', 'PMOE'] });
  });

  it('RAG mix of the open register now (B amber, E red, I red, J green; H green)', () => {
    expect(r.openRag).toEqual([
      { register: 'CME', red: 2, amber: 1, green: 1, none: 0, total: 4 },
      { register: 'PMOE', red: 0, amber: 0, green: 1, none: 0, total: 1 },
    ]);
  });

  it('RAG mix and movement at each meeting held in range', () => {
    expect(r.meetings.map(({ meetingId: _m, ...rest }) => rest)).toEqual([
      { date: '2026-10-13', panelName: 'CME panel', register: 'CME', red: 2, amber: 1, green: 1, none: 0, total: 4, improved: 1, same: 1, worsened: 1, first: 1 },
      { date: '2026-10-20', panelName: 'PMOE panel', register: 'PMOE', red: 0, amber: 0, green: 1, none: 0, total: 1, improved: 0, same: 1, worsened: 0, first: 0 },
    ]);
  });

  it('agrees with the minutes’ RAG summary for the same meeting', () => {
    const doc = app.ok('minutes.get', { meetingId: r.meetings[0]!.meetingId, variant: 'full' });
    const m = r.meetings[0]!;
    expect(doc.ragSummary.after).toMatchObject({ red: m.red, amber: m.amber, green: m.green });
    expect(doc.ragSummary.movement).toEqual({ improved: m.improved, same: m.same, worsened: m.worsened, newlyRated: m.first });
  });

  it('opened and closed per month, CME and PMOE, residing / left the area (seed 001 §6.1)', () => {
    expect(r.monthly.map((x) => x.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    const at = (m: string) => r.monthly.find((x) => x.month === m)!;
    const z = { openedResiding: 0, openedLeft: 0, closedResiding: 0, closedLeft: 0 };
    // January: E opened (residing). February: F opened — closed later as moved to another LA, so "left".
    expect(at('2026-01').cme).toEqual({ ...z, openedResiding: 1 });
    expect(at('2026-02').cme).toEqual({ ...z, openedLeft: 1 });
    // March 2026: CME opened 2 residing (A, B), 1 left (C: believed moved abroad); closed 1 residing (A), 1 left (C).
    expect(at('2026-03').cme).toEqual({ openedResiding: 2, openedLeft: 1, closedResiding: 1, closedLeft: 1 });
    expect(at('2026-03').pmoe).toEqual({ ...z, openedResiding: 1 });
    expect(at('2026-05').pmoe).toEqual({ ...z, openedResiding: 1, closedResiding: 1 });
    expect(at('2026-09').cme).toEqual({ ...z, closedLeft: 1 });
    expect(at('2026-10').cme).toEqual({ ...z, openedResiding: 1 });
    for (const m of ['2026-04', '2026-06', '2026-07', '2026-08']) expect(at(m)).toEqual({ month: m, cme: z, pmoe: z });
  });

  it('time from notification to located (CME notified in range: A 7, F 20, B 30; E and J waiting; C closed without)', () => {
    expect(r.timeToLocated).toMatchObject({ measured: 3, waiting: 2, closedWithout: 1, median: 20 });
    expect(r.timeToLocated.bands.map((b) => [b.code, b.count])).toEqual([['0-7', 1], ['8-14', 0], ['15-28', 1], ['29-56', 1], ['57-91', 0], ['92-182', 0], ['183+', 0]]);
  });

  it('time from notification to entering provision (G 42 days; B, E, J, H waiting; A, C, F closed without)', () => {
    expect(r.timeToProvision).toMatchObject({ measured: 1, waiting: 4, closedWithout: 3, median: 42 });
    expect(r.timeToProvision.bands.find((b) => b.code === '29-56')!.count).toBe(1);
  });

  it('long-term cases at each month end (I from 20/05, E from 10/07, F from 05/08 until closed 15/09, B from 10/09)', () => {
    expect(r.longTerm.map((x) => [x.onDate, x.cme, x.pmoe])).toEqual([
      ['2026-01-31', 0, 0], ['2026-02-28', 0, 0], ['2026-03-31', 0, 0], ['2026-04-30', 0, 0], ['2026-05-31', 1, 0],
      ['2026-06-30', 1, 0], ['2026-07-31', 2, 0], ['2026-08-31', 3, 0], ['2026-09-30', 3, 0], ['2026-10-31', 3, 0],
    ]);
  });

  it('referrals by source and by reason, notified in range (I, notified 2025, is not counted)', () => {
    expect(r.referralsBySource.map((x) => [x.code, x.cme, x.pmoe, x.total])).toEqual([
      ['health', 1, 1, 2], ['school', 1, 1, 2], ['admissions', 1, 0, 1], ['other_la', 1, 0, 1], ['ehe', 1, 0, 1], ['police', 1, 0, 1],
    ]);
    expect(r.referralsBySource[0]!.label).toBe('Health');
    expect(r.referralsByReason.map((x) => [x.register, x.code, x.count])).toEqual([
      ['CME', 'whereabouts_unknown', 2], ['CME', 'awaiting_school_place', 1], ['CME', 'ehe_unsuitable', 1], ['CME', 'left_without_destination', 1], ['CME', 'moved_abroad_unconfirmed', 1],
      ['PMOE', 'medical', 1], ['PMOE', 'reduced_timetable', 1],
    ]);
    expect(r.referralsByReason.find((x) => x.code === 'medical')!.label).toBe('Medical');
  });

  it('closures by reason, closed in range, labelled from the vocabulary', () => {
    expect(r.closuresByReason.map((x) => [x.label, x.cme, x.pmoe])).toEqual([
      ['Full-time education restored (PMOE)', 0, 1],
      ['Moved overseas', 1, 0],
      ['Moved to another local authority (referral accepted)', 1, 0],
      ['On roll and attending a school', 1, 0],
    ]);
  });

  it('caseload now by lead officer and by team, "Not allocated" last', () => {
    expect(r.caseloadByOfficer.map((o) => [o.name, o.teamLabel, o.cme, o.pmoe, o.total])).toEqual([
      ['Priya Shah', 'CME', 2, 0, 2],
      ['Sam Okoro', 'Education Welfare', 0, 1, 1],
      ['Not allocated', 'Not allocated', 2, 0, 2],
    ]);
    expect(r.caseloadByTeam.map((t) => [t.code, t.total])).toEqual([['cme', 2], ['education_welfare', 1], ['not_allocated', 2]]);
  });

  it('actions overdue by owner (due before today, not done), matching the action tracker', () => {
    expect(r.overdueByOwner).toEqual([
      { ownerId: sam, name: 'Sam Okoro', count: 2 },
      { ownerId: priya, name: 'Priya Shah', count: 1 },
      { ownerId: null, name: 'Northbridge Academy', count: 1 },
    ]);
    const tracker = (app.ok('actions.list') as { overdue: boolean }[]).filter((a) => a.overdue).length;
    expect(r.overdueByOwner.reduce((s, o) => s + o.count, 0)).toBe(tracker);
  });

  it('escalations waiting, by level reached and by age from the first step', () => {
    // X: raised 01/09, at level 2 since 20/11, 85 days old. Y: raised 20/11, 5 days. Z resolved.
    expect(r.escalationsByLevel.map((l) => [l.level, l.count])).toEqual([[1, 1], [2, 1]]);
    expect(r.escalationsByAge.map((b) => [b.code, b.count])).toEqual([['under-1w', 1], ['1-2w', 0], ['2-4w', 0], ['1-3m', 1], ['3m+', 0]]);
    const log = (app.ok('escalations.list') as { status: string; ageDays: number; level: number }[]).filter((e) => e.status === 'open' || e.status === 'responded');
    expect(log.map((e) => [e.level, e.ageDays]).sort()).toEqual([[1, 5], [2, 85]]);
  });

  it('a panel narrows case figures to its register and meeting figures to its meetings', () => {
    const c: Reports = app.ok('reports.get', { from: FROM, to: TO, panelId: cmePanel });
    expect(c.panel).toMatchObject({ id: cmePanel, name: 'CME panel', register: 'CME' });
    expect(c.registers).toEqual(['CME']);
    expect(c.openRag.map((x) => x.register)).toEqual(['CME']);
    expect(c.meetings.map((m) => m.date)).toEqual(['2026-10-13']);
    expect(c.monthly.find((x) => x.month === '2026-05')!.pmoe).toEqual({ openedResiding: 0, openedLeft: 0, closedResiding: 0, closedLeft: 0 });
    expect(c.timeToProvision).toMatchObject({ measured: 0, waiting: 3, closedWithout: 3 });
    expect(c.referralsBySource.find((x) => x.code === 'health')).toMatchObject({ cme: 1, pmoe: 0, total: 1 });
    expect(c.caseloadByOfficer.map((o) => [o.name, o.total])).toEqual([['Priya Shah', 2], ['Not allocated', 2]]);
    expect(c.overdueByOwner.map((o) => [o.name, o.count])).toEqual([['Priya Shah', 1], ['Sam Okoro', 1], ['Northbridge Academy', 1]]);
    expect(c.escalationsByLevel).toEqual([{ level: 2, title: expect.any(String), count: 1 }]);

    const p: Reports = app.ok('reports.get', { from: FROM, to: TO, panelId: pmoePanel });
    expect(p.meetings.map((m) => m.date)).toEqual(['2026-10-20']);
    expect(p.timeToLocated).toMatchObject({ measured: 0, waiting: 0, closedWithout: 0, median: null });
    expect(p.longTerm.every((x) => x.total === 0)).toBe(true);
  });

  it('a narrower range: March 2026 only', () => {
    const m: Reports = app.ok('reports.get', { from: '2026-03-01', to: '2026-03-31' });
    expect(m.monthly).toEqual([
      { month: '2026-03', cme: { openedResiding: 2, openedLeft: 1, closedResiding: 1, closedLeft: 1 }, pmoe: { openedResiding: 1, openedLeft: 0, closedResiding: 0, closedLeft: 0 } },
    ]);
    expect(m.meetings).toEqual([]);
    expect(m.timeToLocated).toMatchObject({ measured: 2, median: 18.5 }); // A 7, B 30
  });

  it('refuses a From date after the To date, naming the field', () => {
    const bad = app.dispatch('reports.get', { from: '2026-06-01', to: '2026-05-31' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'from' } });
    expect(!bad.ok && bad.error.message).toBe('From date (01/06/2026) is after the To date (31/05/2026): choose a From date on or before it');
    expect(app.dispatch('reports.get', { from: '2026-06-01', to: '2026-02-30' })).toMatchObject({ ok: false, error: { field: 'to', message: 'To date must be a real date (dd/mm/yyyy)' } });
    expect(app.dispatch('reports.get', { from: '2006-06-01', to: '2026-06-01' })).toMatchObject({ ok: false, error: { field: 'to' } });
    expect(app.dispatch('reports.get', { from: FROM, to: TO, panelId: 999 })).toMatchObject({ ok: false, error: { field: 'panelId' } });
  });
});
