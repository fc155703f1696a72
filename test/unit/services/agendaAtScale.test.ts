import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openTestApp, type TestApp } from '../../helpers/tempDb';
import { loadDemo } from '../../../db/demo/register';
import { planAgenda, capacityFor, type AgendaCase, type AgendaPlan } from '../../../shared/domain/agenda';
import { wholeTerms } from '../../../shared/domain/pmoeTerms';
import { clocksFor } from '../../../electron/services/register/caseClocks';
import { termCalendar } from '../../../electron/services/settings/calendar';
import { DISCUSSED_SQL } from '../../../electron/services/register/discussed';
import { toCase, toChild, type Row } from '../../../electron/services/rows';
import { ALSO_ELIGIBLE_SHOWN } from '../../../electron/services/meetings/meetingDetail';

// Issue 12: the agenda builder reads only the cases that can be eligible (SQL narrows them by
// index) and ranks without a wasted sort. This checks, on a generated register of a few thousand
// cases, that it proposes exactly what the straightforward rule gives when it is handed EVERY case
// on the register, read one by one with the register's own mapping (toCase, toChild, clocksFor).

const TODAY = '2026-11-25';

interface Panel { id: number; register: 'CME' | 'PMOE'; capacity: number | null }
interface Item { kind: string; caseId: number | null; code: string; reasons: unknown; id: number; removed: boolean }

/** The straightforward reading: every case of every register and status, each fact by its own query. */
function everyCase(app: TestApp, meeting: { id: number; panelId: number; date: string }): AgendaCase[] {
  const { db } = app;
  const terms = wholeTerms(termCalendar(db));
  const child = db.prepare('SELECT * FROM children WHERE id = ?');
  const actions = db.prepare(`SELECT due_date FROM actions WHERE case_id = ? AND status IN ('open', 'carried_forward')`).pluck();
  const earlier = `FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
    WHERE a.case_id = ? AND a.kind = 'case' AND a.removed = 0 AND m.panel_id = ? AND m.id <> ? AND m.date < ? AND m.status <> 'scheduled'`;
  const discussed = db.prepare(`SELECT DISTINCT m.date ${earlier} AND ${DISCUSSED_SQL}`).pluck();
  const notReached = db.prepare(`SELECT max(m.date) ${earlier} AND NOT ${DISCUSSED_SQL}`).pluck();
  return (db.prepare('SELECT * FROM cases ORDER BY id').all() as Row[]).map((r) => {
    const k = toCase(r);
    const chRow = child.get(k.childId) as Row;
    const ch = toChild(chRow);
    const args = [k.id, meeting.panelId, meeting.id, meeting.date];
    return {
      caseId: k.id, reference: k.reference, register: k.register, status: k.status, rag: k.rag,
      dateNotified: k.dateNotified, dateLocated: k.dateLocated, dateOfBirth: ch.dateOfBirth,
      closureProposed: k.closureProposed, archived: k.archived, lookedAfter: ch.flags.lookedAfter,
      safeguarding: ch.flags.childProtectionPlan || ch.flags.childInNeed || ch.flags.missingFromHomeOrCare || ch.flags.atRiskOfExploitation,
      concerns: clocksFor(k, ch, TODAY, terms).concerns,
      timetableReviewDate: k.timetableReviewDate, timetableEndDate: k.timetableEndDate,
      openActionsDue: actions.all(k.id) as string[],
      discussedAt: discussed.all(...args) as string[],
      notReachedAt: (notReached.get(...args) as string | null) ?? null,
      lastAttendance: k.lastAttendance, dateEnteredProvision: k.dateEnteredProvision, unfoundReviewDue: k.unfoundReviewDue,
      newInReturn: null,
    };
  });
}

function expectedPlan(app: TestApp, panel: Panel, meeting: { id: number; date: string }, keep: Set<number>, exclude: Set<number>): AgendaPlan {
  const { db } = app;
  const previous = db.prepare(`SELECT date FROM meetings WHERE panel_id = ? AND date < ? AND status <> 'scheduled' ORDER BY date DESC`).pluck().all(panel.id, meeting.date) as string[];
  const next = db.prepare('SELECT date FROM meetings WHERE panel_id = ? AND date > ? ORDER BY date LIMIT 1').pluck().get(panel.id, meeting.date) as string | undefined;
  const cases = everyCase(app, { ...meeting, panelId: panel.id });
  return planAgenda(cases, { register: panel.register, meetingDate: meeting.date, nextMeetingDate: next ?? null, previousMeetingDates: previous }, {
    capacity: capacityFor(panel.register, panel.capacity), keep, exclude,
  });
}

/** The built agenda's proposed items, its "also eligible" list as stored (the most pressing) and how many are eligible in all. */
function built(app: TestApp, meetingId: number, items: Item[]) {
  return {
    proposed: items.filter((i) => i.kind === 'case' && !i.removed).map((i) => ({ caseId: i.caseId, section: i.code, reasons: i.reasons })),
    eligible: (app.db.prepare('SELECT case_id, rank, section, reasons FROM agenda_eligible WHERE meeting_id = ? ORDER BY rank').all(meetingId) as Row[]).map((r) => ({
      caseId: r.case_id, rank: r.rank, section: r.section, reasons: JSON.parse(String(r.reasons)),
    })),
    eligibleCount: app.ok('meetings.get', { id: meetingId }).alsoEligibleCount as number,
  };
}

function planned(plan: AgendaPlan) {
  const ranked = [...plan.alsoEligible].sort((a, b) => a.rank - b.rank);
  return {
    proposed: plan.onAgenda.map((p) => ({ caseId: p.caseId, section: p.section, reasons: p.reasons })),
    eligible: ranked.slice(0, ALSO_ELIGIBLE_SHOWN).map((p) => ({ caseId: p.caseId, rank: p.rank, section: p.section, reasons: p.reasons })),
    eligibleCount: plan.alsoEligible.length,
  };
}

describe('the agenda builder at scale gives the straightforward rule’s agenda', () => {
  let app: TestApp;
  let panels: Panel[];

  beforeAll(() => {
    app = openTestApp({ today: TODAY });
    app.db.transaction(() => loadDemo(app.db, { actor: 'Demo', source: 'demo', now: () => `${TODAY}T09:00:00Z` }, { today: TODAY, cases: 3000 }))();
    panels = app.ok('panels.list');
  }, 120_000);
  afterAll(() => app.close());

  it.each(['CME', 'PMOE'] as const)('%s: the same cases, reasons, sections and order, and the same "also eligible" ranks', (register) => {
    const panel = panels.find((p) => p.register === register)!;
    const date = register === 'CME' ? '2027-01-12' : '2027-01-20';
    const meeting = app.ok('meetings.create', { panelId: panel.id, date, time: '10:00' });
    if (register === 'CME') {
      // Not-found reviews (seed 003 App. D) either side of the meeting date: due on the day, not the day after.
      const closed = app.db.prepare(`SELECT id FROM cases WHERE register = 'CME' AND status = 'closed' AND unfound_review_due IS NULL ORDER BY id LIMIT 2`).pluck().all() as number[];
      app.db.prepare('UPDATE cases SET unfound_review_due = ? WHERE id = ?').run(date, closed[0]);
      app.db.prepare('UPDATE cases SET unfound_review_due = ? WHERE id = ?').run('2027-01-13', closed[1]);
      const dueOrNot = app.db.prepare(`SELECT sum(unfound_review_due <= ?) AS due, sum(unfound_review_due > ?) AS later FROM cases WHERE status = 'closed' AND register = 'CME'`).get(date, date) as { due: number; later: number };
      expect(dueOrNot.due).toBeGreaterThan(10);
      expect(dueOrNot.later).toBeGreaterThan(10);
    }

    const first = app.ok('meetings.buildAgenda', { id: meeting.id });
    const plan = expectedPlan(app, panel, { id: meeting.id, date }, new Set(), new Set());
    // A real test of scale: many more eligible cases than places.
    expect(plan.onAgenda.length).toBe(capacityFor(register, panel.capacity));
    expect(plan.alsoEligible.length).toBeGreaterThan(ALSO_ELIGIBLE_SHOWN);
    expect(built(app, meeting.id, first.items)).toEqual(planned(plan));
    if (register === 'CME') {
      const ids = new Set([...plan.onAgenda, ...plan.alsoEligible].map((p) => p.caseId));
      const reviewed = app.db.prepare(`SELECT id, unfound_review_due FROM cases WHERE unfound_review_due IN (?, '2027-01-13') AND status = 'closed'`).all(date) as { id: number; unfound_review_due: string }[];
      for (const r of reviewed) expect(ids.has(r.id), r.unfound_review_due).toBe(r.unfound_review_due === date);
    }

    // Edited by hand, then rebuilt: a removed case stays off, a case added by hand keeps its place.
    const cases = (first.items as Item[]).filter((i) => i.kind === 'case');
    app.ok('agenda.remove', { itemIds: [cases[0]!.id], reason: 'Discussed at a strategy meeting' });
    const outside = plan.alsoEligible.at(-1)!;
    const reference = app.db.prepare('SELECT reference FROM cases WHERE id = ?').pluck().get(outside.caseId) as string;
    app.ok('agenda.addCase', { meetingId: meeting.id, reference, section: 'case_reviews' });
    const again = app.ok('meetings.buildAgenda', { id: meeting.id });
    const replan = expectedPlan(app, panel, { id: meeting.id, date }, new Set([outside.caseId]), new Set([cases[0]!.caseId!]));
    const rebuilt = built(app, meeting.id, again.items);
    const expected = planned(replan);
    // The hand-added item keeps its own reasons ("Added by …"); every other proposal is the rule's.
    expect(rebuilt.proposed.map((p) => p.caseId).sort()).toEqual(expected.proposed.map((p) => p.caseId).sort());
    expect(rebuilt.proposed.filter((p) => p.caseId !== outside.caseId)).toEqual(expected.proposed.filter((p) => p.caseId !== outside.caseId));
    expect(rebuilt.eligible).toEqual(expected.eligible);
    expect(rebuilt.eligibleCount).toBe(expected.eligibleCount);
    expect(rebuilt.eligible.some((e) => e.caseId === cases[0]!.caseId)).toBe(false);
  }, 120_000);

  it('keeps the most pressing eligible cases with the count of all, and bringing one in takes it off both', () => {
    const panel = panels.find((p) => p.register === 'CME')!;
    const meeting = app.ok('meetings.create', { panelId: panel.id, date: '2027-02-09', time: '10:00' });
    const detail = app.ok('meetings.buildAgenda', { id: meeting.id });
    expect(detail.alsoEligibleCount).toBeGreaterThan(ALSO_ELIGIBLE_SHOWN);
    expect(detail.alsoEligible).toHaveLength(ALSO_ELIGIBLE_SHOWN);
    const stored = app.db.prepare('SELECT count(*) FROM agenda_eligible WHERE meeting_id = ?').pluck().get(meeting.id);
    expect(stored).toBe(ALSO_ELIGIBLE_SHOWN);
    const top = detail.alsoEligible[0]!;
    const after = app.ok('agenda.bringIn', { meetingId: meeting.id, caseIds: [top.caseId] });
    expect(after.alsoEligibleCount).toBe(detail.alsoEligibleCount - 1);
    expect(after.alsoEligible.some((e: { caseId: number }) => e.caseId === top.caseId)).toBe(false);
    expect(after.items.some((i: Item) => i.caseId === top.caseId && !i.removed)).toBe(true);
  });
});
