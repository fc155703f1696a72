import type { MethodArgs } from '../../../shared/api/contract';
import { wholeTerms } from '../../../shared/domain/pmoeTerms';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, auditedDelete, type WriteContext } from '../../../db/audit';
import type { ActionRow, AgendaItem, Attendee, MeetingDetail, MeetingSummary } from '../../../shared/api/meetingSchemas';
import { AppError, invalid, notFound } from '../../../shared/api/errors';
import { addDays, compareIso, formatUk } from '../../../shared/domain/dates';
import { generateSchedule } from '../../../shared/domain/schedule';
import { returnFactsByCase } from '../returns/agendaFacts';
import { planAgenda, agendaSkeleton, capacityFor, isMandatory, AGENDA_SECTIONS, type AgendaCase } from '../../../shared/domain/agenda';
import { clocksFor } from '../register/caseClocks';
import { toCase, toChild, type Row, numOrNull, strOrNull as s, strOrNull } from '../rows';
import { getPanel, ensureDefaultPanels } from './panels';
import { termCalendar } from '../settings/calendar';
import { caseByReference } from '../register/cases';
import { meetingStatusProblem, type MeetingAct, type MeetingState } from '../../../shared/domain/meetingStatus';
import { DISCUSSED_SQL } from '../register/discussed';

export const meetingSource = (id: number) => `meeting:${id}`;

/** A large register can have thousands of eligible cases over capacity: the meeting carries the top ones. */
export const ALSO_ELIGIBLE_SHOWN = 200;
export const inMeeting = (ctx: WriteContext, id: number): WriteContext => ({ ...ctx, source: meetingSource(id) });

/** The projector polls for this: any change to a meeting or its items moves it on. */
export function bump(db: Db, meetingId: number): void {
  db.prepare('UPDATE meetings SET live_version = live_version + 1 WHERE id = ?').run(meetingId);
}

export function meetingRow(db: Db, id: number): Row {
  const r = db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw notFound(`There is no meeting with record number ${id}. Go back to Meetings and choose it again.`);
  return r;
}

const SUMMARY_SQL = `
  SELECT m.*, p.name AS panel_name, p.register,
    (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id AND a.kind = 'case' AND a.removed = 0) AS case_items
  FROM meetings m JOIN panels p ON p.id = m.panel_id`;

const toSummary = (r: Row): MeetingSummary => ({
  id: Number(r.id),
  panelId: Number(r.panel_id),
  panelName: String(r.panel_name),
  register: r.register as MeetingSummary['register'],
  date: String(r.date),
  time: String(r.time),
  venue: strOrNull(r.venue),
  onlineLink: strOrNull(r.online_link),
  status: r.status as MeetingSummary['status'],
  caseItems: Number(r.case_items ?? 0),
  approvedOn: strOrNull(r.approved_on),
});

export function listMeetings(db: Db, ctx: WriteContext, panelId: number | null | undefined): MeetingSummary[] {
  ensureDefaultPanels(db, ctx);
  const rows = panelId
    ? (db.prepare(`${SUMMARY_SQL} WHERE m.panel_id = ? ORDER BY m.date, m.time`).all(panelId) as Row[])
    : (db.prepare(`${SUMMARY_SQL} ORDER BY m.date, m.time`).all() as Row[]);
  return rows.map(toSummary);
}

function summary(db: Db, id: number): MeetingSummary {
  return toSummary(db.prepare(`${SUMMARY_SQL} WHERE m.id = ?`).get(id) as Row);
}

/** A meeting with the panel's defaults, its standing membership as attendance and the standing items. */
export function createMeeting(db: Db, ctx: WriteContext, f: { panelId: number; date: string; time?: string | null; venue?: string | null; onlineLink?: string | null }): MeetingSummary {
  const panel = getPanel(db, f.panelId);
  const clash = db.prepare('SELECT id FROM meetings WHERE panel_id = ? AND date = ?').get(f.panelId, f.date);
  if (clash) throw invalid('date', `${panel.name} already has a meeting on ${formatUk(f.date)}. Choose another date or open that meeting.`);
  const id = auditedInsert(db, ctx, 'meetings', { entity: 'meeting' }, {
    panel_id: panel.id, date: f.date, time: f.time ?? panel.defaultTime, venue: f.venue ?? panel.defaultVenue, online_link: f.onlineLink ?? null,
    status: 'scheduled', chair_id: panel.defaultChairId, minute_taker_id: panel.defaultMinuteTakerId, created_at: ctx.now(),
  });
  const c = inMeeting(ctx, id);
  const names = db.prepare('SELECT name FROM officers WHERE id = ?');
  panel.members.forEach((m, i) => {
    const officer = m.officerId ? (names.get(m.officerId) as { name: string } | undefined) : undefined;
    auditedInsert(db, c, 'attendance', { entity: 'attendance' }, {
      meeting_id: id, officer_id: m.officerId, name: officer?.name ?? `(${m.role})`, role: m.role, status: 'not_marked', kind: 'member', position: i,
    });
  });
  const text = new Map(panel.standingItems.map((s) => [s.code, s]));
  agendaSkeleton().forEach((slot, i) => {
    if (slot.kind !== 'standing') return;
    const custom = text.get(slot.code);
    if (!custom && panel.standingItems.length > 0) return; // the panel removed this standing item
    auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item' }, {
      meeting_id: id, position: i, kind: 'standing', code: slot.code, title: custom?.title ?? slot.title, discussion: custom?.text ?? null,
    });
  });
  // Standing items the panel added itself go before any other business.
  for (const s of panel.standingItems) {
    if (agendaSkeleton().some((slot) => slot.code === s.code)) continue;
    auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item' }, { meeting_id: id, position: 90, kind: 'standing', code: s.code, title: s.title, discussion: s.text });
  }
  renumber(db, id);
  return summary(db, id);
}

/** The next `count` meetings from the panel's cadence and the term calendar. */
export function generateMeetings(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.generate'>, today: string): MeetingSummary[] {
  const { panelId, count } = args;
  const panel = getPanel(db, panelId);
  const existing = (db.prepare('SELECT date FROM meetings WHERE panel_id = ?').all(panelId) as { date: string }[]).map((r) => r.date);
  const last = existing.filter((d) => compareIso(d, today) >= 0).sort().pop();
  const from = last ? addDays(last, 1) : today;
  const dates = generateSchedule(panel.cadence, { from, count, calendar: termCalendar(db), existing });
  if (dates.length === 0) {
    throw invalid('count', `No more meeting dates fit the term calendar after ${formatUk(from)}. Add the next academic year's term dates in Panels & calendar.`);
  }
  return dates.map((date) => createMeeting(db, ctx, { panelId, date }));
}

export function updateMeeting(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.update'>, today: string): MeetingDetail {
  const { id, ...f } = args;
  const m = meetingRow(db, id);
  requireMeeting(m, 'editDetails');
  if (f.date !== m.date) {
    const clash = db.prepare('SELECT id FROM meetings WHERE panel_id = ? AND date = ? AND id <> ?').get(m.panel_id, f.date, id);
    if (clash) throw invalid('date', `This panel already has a meeting on ${formatUk(f.date)}.`);
  }
  auditedUpdate(db, inMeeting(ctx, id), 'meetings', { entity: 'meeting' }, id, {
    date: f.date, time: f.time, venue: f.venue, online_link: f.onlineLink, chair_id: f.chairId, minute_taker_id: f.minuteTakerId,
  });
  bump(db, id);
  return getMeeting(db, id, today);
}

function items(db: Db, meetingId: number): AgendaItem[] {
  const rows = db
    .prepare(
      `SELECT a.*, c.reference, c.rag AS case_rag, ch.forenames, ch.surname,
         (SELECT count(*) FROM actions x WHERE x.agenda_item_id = a.id) AS actions_agreed, ${DISCUSSED_SQL} AS discussed
       FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id LEFT JOIN children ch ON ch.id = c.child_id
       WHERE a.meeting_id = ? ORDER BY a.position, a.id`,
    )
    .all(meetingId) as Row[];
  return rows.map(toItem);
}

export function toItem(r: Row): AgendaItem {
  return {
    id: Number(r.id),
    position: Number(r.position),
    kind: r.kind as AgendaItem['kind'],
    code: String(r.code),
    title: String(r.title),
    caseId: numOrNull(r.case_id),
    reasons: JSON.parse(String(r.reasons ?? '[]')) as AgendaItem['reasons'],
    addedByHand: r.added_by_hand === 1,
    removed: r.removed === 1,
    removedReason: s(r.removed_reason),
    discussion: s(r.discussion),
    decisions: s(r.decisions),
    outcome: s(r.outcome),
    outcomeDetail: s(r.outcome_detail),
    ragBefore: (r.rag_before ?? null) as AgendaItem['ragBefore'],
    mandatory: r.added_by_hand !== 1 && isMandatory(JSON.parse(String(r.reasons ?? '[]')) as { code: string }[]),
    elapsedSeconds: Number(r.elapsed_seconds ?? 0),
    startedAt: s(r.started_at),
    done: r.done === 1,
    discussed: r.done === 1 || r.discussed === 1,
    caseReference: s(r.reference),
    caseName: r.forenames ? `${String(r.forenames)} ${String(r.surname)}` : null,
    caseRag: (r.case_rag ?? null) as AgendaItem['caseRag'],
    actionsAgreed: Number(r.actions_agreed ?? 0),
  };
}

export const ACTION_SQL = `
  SELECT x.*, c.reference, coalesce(o.name, x.owner_text) AS owner_name, m.date AS meeting_date
  FROM actions x LEFT JOIN cases c ON c.id = x.case_id LEFT JOIN officers o ON o.id = x.owner_id LEFT JOIN meetings m ON m.id = x.meeting_id`;

export function toAction(r: Row, reviewedHere: ActionRow['reviewedHere'] = null): ActionRow {
  return {
    id: Number(r.id),
    caseId: numOrNull(r.case_id),
    caseReference: s(r.reference),
    meetingId: numOrNull(r.meeting_id),
    agendaItemId: numOrNull(r.agenda_item_id),
    text: String(r.text),
    ownerId: numOrNull(r.owner_id),
    ownerName: s(r.owner_name),
    dueDate: String(r.due_date),
    status: r.status as ActionRow['status'],
    carriedCount: Number(r.carried_count),
    completedOn: s(r.completed_on),
    completionNote: s(r.completion_note),
    raisedOn: s(r.meeting_date) ?? String(r.created_at).slice(0, 10),
    reviewedHere,
  };
}

function neighbour(db: Db, m: Row, dir: 'previous' | 'next'): MeetingSummary | null {
  const r = db
    .prepare(
      dir === 'previous'
        ? `${SUMMARY_SQL} WHERE m.panel_id = ? AND m.date < ? ORDER BY m.date DESC LIMIT 1`
        : `${SUMMARY_SQL} WHERE m.panel_id = ? AND m.date > ? ORDER BY m.date LIMIT 1`,
    )
    .get(m.panel_id, m.date) as Row | undefined;
  return r ? toSummary(r) : null;
}

export function getMeeting(db: Db, id: number, _today: string): MeetingDetail {
  const m = meetingRow(db, id);
  const base = summary(db, id);
  const name = (officerId: unknown) => (officerId === null ? null : ((db.prepare('SELECT name FROM officers WHERE id = ?').get(officerId) as { name: string } | undefined)?.name ?? null));
  const previous = neighbour(db, m, 'previous');
  const matters = mattersArising(db, m);
  const panel = getPanel(db, Number(m.panel_id));
  return {
    meeting: {
      ...base,
      chairId: numOrNull(m.chair_id),
      chairName: name(m.chair_id),
      minuteTakerId: numOrNull(m.minute_taker_id),
      minuteTakerName: name(m.minute_taker_id),
      startedAt: strOrNull(m.started_at),
      closedAt: strOrNull(m.closed_at),
      currentItemId: numOrNull(m.current_item_id),
      liveVersion: Number(m.live_version),
      locked: m.status === 'approved',
    },
    attendance: (db.prepare('SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position, id').all(id) as Row[]).map(
      (r): Attendee => ({
        id: Number(r.id),
        officerId: numOrNull(r.officer_id),
        name: String(r.name),
        role: String(r.role),
        status: r.status as Attendee['status'],
        kind: r.kind as Attendee['kind'],
        deputyFor: strOrNull(r.deputy_for),
      }),
    ),
    items: items(db, id),
    previousMeeting: previous,
    nextMeeting: neighbour(db, m, 'next'),
    mattersArising: matters,
    capacity: capacityFor(panel.register, panel.capacity),
    alsoEligibleCount: (db.prepare('SELECT count(*) AS n FROM agenda_eligible WHERE meeting_id = ?').get(id) as { n: number }).n,
    alsoEligible: (db
      .prepare(
        `SELECT e.*, c.reference, c.rag, ch.forenames, ch.surname FROM agenda_eligible e JOIN cases c ON c.id = e.case_id JOIN children ch ON ch.id = c.child_id
         WHERE e.meeting_id = ? ORDER BY e.rank LIMIT ${ALSO_ELIGIBLE_SHOWN}`,
      )
      .all(id) as Row[]).map((r) => {
      const reasons = JSON.parse(String(r.reasons)) as { code: string; text: string }[];
      return {
        caseId: Number(r.case_id), reference: String(r.reference), caseName: `${String(r.forenames)} ${String(r.surname)}`, rag: (r.rag ?? null) as AgendaItem['caseRag'],
        rank: Number(r.rank), section: String(r.section), reasons, mandatory: isMandatory(reasons),
      };
    }),
    amendments: (db
      .prepare('SELECT x.*, a.title FROM minutes_amendments x LEFT JOIN agenda_items a ON a.id = x.agenda_item_id WHERE x.meeting_id = ? ORDER BY x.id')
      .all(id) as Row[]).map((r) => ({
      at: String(r.at), actor: String(r.actor), reason: String(r.reason), field: String(r.field),
      oldValue: strOrNull(r.old_value), newValue: strOrNull(r.new_value), itemTitle: strOrNull(r.title),
    })),
  };
}

/** Refuses `act` when the meeting's state does not allow it (shared/domain/meetingStatus). */
export function requireMeeting(m: Row, act: MeetingAct): void {
  const problem = meetingStatusProblem(act, m.status as MeetingState);
  if (problem) throw new AppError('conflict', problem);
}

export const requireEditableAgenda = (m: Row): void => requireMeeting(m, 'editAgenda');

/**
 * Positions 0..n in the current order. Not audited row by row: it follows an audited change (an
 * item added, removed or the agenda built), and the order follows from those records; a move the
 * chair makes on purpose is audited in moveItem.
 */
export function renumber(db: Db, meetingId: number, order?: number[]): void {
  const ids = order ?? (db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as { id: number }[]).map((r) => r.id);
  const set = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
  ids.forEach((id, i) => set.run(i, id));
}

/** Where a new item of `code` goes: after the last item of its slot, or after the slots before it. */
function insertIndex(existing: { code: string }[], code: string): number {
  const slots = agendaSkeleton().map((s) => s.code as string);
  const rank = (c: string) => {
    const i = slots.indexOf(c);
    return i < 0 ? slots.indexOf('aob') - 0.5 : i;
  };
  let at = 0;
  existing.forEach((e, i) => {
    if (rank(e.code) <= rank(code)) at = i + 1;
  });
  return at;
}

/**
 * Matters arising: every action still open from any earlier meeting of this panel (new, carried
 * forward or overdue, however long ago), and those already reviewed at this meeting with their
 * outcome, so the list and its counter stay right after each review.
 */
export function mattersArising(db: Db, m: Row): ActionRow[] {
  const reviewed = new Map(
    (db.prepare('SELECT action_id, outcome FROM action_reviews WHERE meeting_id = ?').all(m.id) as { action_id: number; outcome: ActionRow['reviewedHere'] }[]).map((r) => [r.action_id, r.outcome]),
  );
  return (db
    .prepare(
      `${ACTION_SQL} WHERE x.meeting_id IN (SELECT id FROM meetings WHERE panel_id = ? AND date < ? AND id <> ?)
         AND (x.status IN ('open', 'carried_forward') OR x.id IN (SELECT action_id FROM action_reviews WHERE meeting_id = ?))
       ORDER BY x.due_date, x.id`,
    )
    .all(m.panel_id, m.date, m.id, m.id) as Row[]).map((r) => toAction(r, reviewed.get(Number(r.id)) ?? null));
}

const SAFEGUARDING_SQL = '(ch.child_protection_plan = 1 OR ch.child_in_need = 1 OR ch.missing_from_home_or_care = 1 OR ch.at_risk_of_exploitation = 1)';

/** What the agenda rules need about every open case on the register: a fixed number of queries, whatever its size. */
function agendaCases(db: Db, meetingId: number, register: 'CME' | 'PMOE', panelId: number, meetingDate: string, today: string): AgendaCase[] {
  const rows = db
    .prepare(
      `SELECT c.*, ch.id AS ch_id, ch.date_of_birth, ch.looked_after, ch.ehcp, ch.child_protection_plan, ch.child_in_need,
         ch.missing_from_home_or_care, ch.at_risk_of_exploitation, ch.forenames, ch.surname, ch.gender, ch.sen_support, ch.fsm,
         ch.youth_offending, ch.gypsy_roma_traveller, ch.young_carer, ch.asylum_refugee, ch.armed_forces_family, ch.known_as,
         ch.former_names, ch.ethnicity, ch.upn, ch.family_id, ch.looked_after_la, ch.social_worker, ${SAFEGUARDING_SQL} AS safeguarding
       FROM cases c JOIN children ch ON ch.id = c.child_id
       WHERE c.register = ? AND (c.status <> 'closed' OR (c.unfound_review_due IS NOT NULL AND c.unfound_review_due <= ?))`,
    )
    .all(register, meetingDate) as Row[];
  const group = (sql: string, ...args: unknown[]) => {
    const out = new Map<number, string[]>();
    for (const r of db.prepare(sql).all(...args) as { case_id: number; d: string }[]) {
      const list = out.get(r.case_id);
      if (list) list.push(r.d);
      else out.set(r.case_id, [r.d]);
    }
    return out;
  };
  const due = group(`SELECT x.case_id, x.due_date AS d FROM actions x JOIN cases c ON c.id = x.case_id WHERE c.register = ? AND x.status IN ('open', 'carried_forward')`, register);
  // Earlier meetings of this panel: where the case was discussed (marked done or something recorded),
  // and where it was on the agenda but not reached.
  const earlier = `FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
     WHERE a.kind = 'case' AND m.panel_id = ? AND a.removed = 0 AND m.id <> ? AND m.date < ? AND m.status <> 'scheduled'`;
  const discussed = group(`SELECT DISTINCT a.case_id, m.date AS d ${earlier} AND ${DISCUSSED_SQL}`, panelId, meetingId, meetingDate);
  const notReached = group(`SELECT a.case_id, max(m.date) AS d ${earlier} AND NOT ${DISCUSSED_SQL} GROUP BY a.case_id`, panelId, meetingId, meetingDate);
  const terms = wholeTerms(termCalendar(db));
  const fromReturns = register === 'PMOE' ? returnFactsByCase(db) : new Map<number, { receivedOn: string; text: string }>();
  return rows.map((r) => {
    const k = toCase(r);
    const child = toChild(r, 'ch_id');
    const clocks = clocksFor(k, child, today, terms);
    return {
      caseId: k.id,
      reference: k.reference,
      register: k.register,
      status: k.status,
      rag: k.rag,
      dateNotified: k.dateNotified,
      dateLocated: k.dateLocated,
      dateOfBirth: child.dateOfBirth,
      closureProposed: r.closure_proposed === 1,
      archived: r.archived === 1,
      lookedAfter: child.flags.lookedAfter,
      safeguarding: r.safeguarding === 1,
      concerns: clocks.concerns,
      timetableReviewDate: k.timetableReviewDate,
      timetableEndDate: k.timetableEndDate,
      openActionsDue: due.get(k.id) ?? [],
      discussedAt: discussed.get(k.id) ?? [],
      notReachedAt: notReached.get(k.id)?.[0] ?? null,
      lastAttendance: k.lastAttendance,
      dateEnteredProvision: k.dateEnteredProvision,
      unfoundReviewDue: k.unfoundReviewDue,
      newInReturn: fromReturns.get(k.id) ?? null,
    };
  });
}

/**
 * Proposes the case items from the register's rules, most pressing first, up to the panel's
 * capacity (shared/domain/agenda planAgenda); the other eligible cases are listed as "also
 * eligible". Hand-added, removed and already-recorded items are kept (and count towards the
 * capacity); kept proposals get fresh reasons; untouched proposals that no longer make the cut go.
 * Linear in the number of cases: one ranking in memory, inserts with their final positions, one
 * renumbering.
 */
export function buildAgenda(db: Db, ctx: WriteContext, id: number, today: string): MeetingDetail {
  const m = meetingRow(db, id);
  requireEditableAgenda(m);
  const panel = getPanel(db, Number(m.panel_id));
  const date = String(m.date);
  const previousDates = (db.prepare(`SELECT date FROM meetings WHERE panel_id = ? AND date < ? AND status <> 'scheduled' ORDER BY date DESC`).all(panel.id, date) as { date: string }[]).map((r) => r.date);
  const next = db.prepare('SELECT date FROM meetings WHERE panel_id = ? AND date > ? ORDER BY date LIMIT 1').get(panel.id, date) as { date: string } | undefined;
  const c = inMeeting(ctx, id);
  const existing = db.prepare(`SELECT * FROM agenda_items WHERE meeting_id = ? AND kind = 'case'`).all(id) as Row[];
  const untouched = (r: Row) => r.added_by_hand === 0 && r.removed === 0 && !r.discussion && !r.decisions && !r.outcome && r.done === 0;
  const keep = new Set(existing.filter((r) => r.removed === 0 && !untouched(r)).map((r) => Number(r.case_id)));
  const exclude = new Set(existing.filter((r) => r.removed === 1).map((r) => Number(r.case_id)));
  const plan = planAgenda(agendaCases(db, id, panel.register, panel.id, date, today), {
    register: panel.register, meetingDate: date, nextMeetingDate: next?.date ?? null, previousMeetingDates: previousDates,
  }, { capacity: capacityFor(panel.register, panel.capacity), keep, exclude });

  const proposed = new Map(plan.onAgenda.map((p) => [p.caseId, p]));
  const byCase = new Map(existing.map((r) => [Number(r.case_id), r]));
  for (const r of existing) {
    if (untouched(r) && !proposed.has(Number(r.case_id))) auditedDelete(db, c, 'agenda_items', { entity: 'agenda_item', caseId: Number(r.case_id) }, Number(r.id));
  }
  // The running order as it stands, then each new case after the last item of its section.
  const order = (db.prepare('SELECT id, code FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(id) as { id: number; code: string }[]);
  const fresh = new Map<string, number[]>();
  for (const p of plan.onAgenda) {
    const have = byCase.get(p.caseId);
    if (have && have.removed === 0) {
      auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item', caseId: p.caseId }, Number(have.id), { reasons: JSON.stringify(p.reasons) });
      continue;
    }
    const newId = auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item', caseId: p.caseId }, {
      meeting_id: id, position: 0, kind: 'case', code: p.section, title: p.reference, case_id: p.caseId, reasons: JSON.stringify(p.reasons),
    });
    fresh.set(p.section, [...(fresh.get(p.section) ?? []), newId]);
  }
  const slots = agendaSkeleton().map((x) => x.code as string);
  const final: number[] = [];
  const placed = new Set<string>();
  const flush = (upTo: number) => {
    // Sections whose slot comes at or before `upTo` and have not been placed yet.
    for (const section of AGENDA_SECTIONS) {
      if (placed.has(section) || slots.indexOf(section) > upTo) continue;
      final.push(...(fresh.get(section) ?? []));
      placed.add(section);
    }
  };
  const rankOf = (code: string) => (slots.includes(code) ? slots.indexOf(code) : slots.indexOf('aob') - 0.5);
  for (const o of order) {
    flush(rankOf(o.code) - 0.25);
    final.push(o.id);
  }
  flush(Infinity);
  renumber(db, id, final);

  // "Also eligible": a derived list, replaced on every build; the build itself is audited above.
  db.prepare('DELETE FROM agenda_eligible WHERE meeting_id = ?').run(id);
  const insert = db.prepare('INSERT INTO agenda_eligible (meeting_id, case_id, rank, section, reasons) VALUES (?, ?, ?, ?, ?)');
  for (const p of plan.alsoEligible) insert.run(id, p.caseId, p.rank, p.section, JSON.stringify(p.reasons));
  bump(db, id);
  return getMeeting(db, id, today);
}

/** Brings "also eligible" cases onto the agenda with the reasons they were proposed on. */
export function bringIn(db: Db, ctx: WriteContext, args: MethodArgs<'agenda.bringIn'>, today: string): MeetingDetail {
  const { meetingId, caseIds } = args;
  const m = meetingRow(db, meetingId);
  requireEditableAgenda(m);
  const c = inMeeting(ctx, meetingId);
  const order = db.prepare('SELECT id, code FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as { id: number; code: string }[];
  for (const caseId of caseIds) {
    const e = db.prepare('SELECT * FROM agenda_eligible WHERE meeting_id = ? AND case_id = ?').get(meetingId, caseId) as Row | undefined;
    if (!e) throw invalid('caseIds', 'That case is no longer on the "also eligible" list. Rebuild the agenda or add it by reference.');
    const k = db.prepare('SELECT reference FROM cases WHERE id = ?').get(caseId) as { reference: string };
    const section = String(e.section);
    const at = insertIndex(order, section);
    const newId = auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item', caseId }, {
      meeting_id: meetingId, position: at, kind: 'case', code: section, title: k.reference, case_id: caseId, reasons: String(e.reasons),
    });
    order.splice(at, 0, { id: newId, code: section });
    db.prepare('DELETE FROM agenda_eligible WHERE id = ?').run(e.id);
  }
  renumber(db, meetingId, order.map((o) => o.id));
  bump(db, meetingId);
  return getMeeting(db, meetingId, today);
}

export function addCaseToAgenda(db: Db, ctx: WriteContext, args: MethodArgs<'agenda.addCase'>, today: string): MeetingDetail {
  const { meetingId, reference, section } = args;
  const m = meetingRow(db, meetingId);
  requireEditableAgenda(m);
  const { ref, row: k } = caseByReference(db, reference, 'reference');
  const already = db.prepare('SELECT id, removed FROM agenda_items WHERE meeting_id = ? AND case_id = ?').get(meetingId, k.id) as Row | undefined;
  if (already && already.removed === 0) throw invalid('reference', `${ref} is already on this agenda.`);
  const c = inMeeting(ctx, meetingId);
  if (already) {
    auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item', caseId: Number(k.id) }, Number(already.id), { removed: 0, removed_reason: null });
  } else {
    const order = db.prepare('SELECT id, code FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as { id: number; code: string }[];
    const at = insertIndex(order, AGENDA_SECTIONS.includes(section) ? section : 'case_reviews');
    const newId = auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item', caseId: Number(k.id) }, {
      meeting_id: meetingId, position: at, kind: 'case', code: section, title: ref, case_id: k.id,
      reasons: JSON.stringify([{ code: 'added_by_hand', text: `Added by ${ctx.actor}` }]), added_by_hand: 1,
    });
    order.splice(at, 0, { id: newId, code: section });
    renumber(db, meetingId, order.map((o) => o.id));
  }
  bump(db, meetingId);
  return getMeeting(db, meetingId, today);
}

export function itemRow(db: Db, itemId: number): Row {
  const r = db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(itemId) as Row | undefined;
  if (!r) throw notFound(`There is no agenda item with record number ${itemId}. Reload the meeting.`);
  return r;
}

/**
 * Takes cases off the agenda (one or many). A reason is needed only when one of them was proposed on
 * a rule that obliges discussion (shared/domain/agenda MANDATORY_REASONS); it goes on the record.
 */
export function removeItems(db: Db, ctx: WriteContext, args: MethodArgs<'agenda.remove'>, today: string): MeetingDetail {
  const { itemIds, reason } = args;
  const rows = itemIds.map((itemId) => itemRow(db, itemId));
  const meetingId = Number(rows[0]!.meeting_id);
  requireEditableAgenda(meetingRow(db, meetingId));
  for (const it of rows) {
    if (Number(it.meeting_id) !== meetingId) throw invalid('itemIds', 'Those items belong to different meetings. Remove them from one meeting at a time.');
    if (it.kind !== 'case') throw invalid('itemIds', 'Standing items stay on the agenda; record “not needed this time” in its notes instead.');
  }
  const obliged = rows.filter((it) => it.added_by_hand !== 1 && isMandatory(JSON.parse(String(it.reasons)) as { code: string }[]));
  if (obliged.length > 0 && !reason) {
    throw invalid('reason', `${obliged.map((it) => String(it.title)).join(', ')} ${obliged.length === 1 ? 'was' : 'were'} proposed on a rule the panel must follow (e.g. rated red, due for panel): say why ${obliged.length === 1 ? 'it is' : 'they are'} taken off.`);
  }
  const c = inMeeting(ctx, meetingId);
  for (const it of rows) {
    if (it.removed === 1) continue;
    auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item', caseId: Number(it.case_id) }, Number(it.id), { removed: 1, removed_reason: reason });
  }
  bump(db, meetingId);
  return getMeeting(db, meetingId, today);
}

export function restoreItem(db: Db, ctx: WriteContext, itemId: number, today: string): MeetingDetail {
  const it = itemRow(db, itemId);
  const meetingId = Number(it.meeting_id);
  requireEditableAgenda(meetingRow(db, meetingId));
  auditedUpdate(db, inMeeting(ctx, meetingId), 'agenda_items', { entity: 'agenda_item', caseId: Number(it.case_id) }, itemId, { removed: 0, removed_reason: null });
  bump(db, meetingId);
  return getMeeting(db, meetingId, today);
}

export function moveItem(db: Db, ctx: WriteContext, args: MethodArgs<'agenda.move'>, today: string): MeetingDetail {
  const { itemId, toIndex } = args;
  const it = itemRow(db, itemId);
  const meetingId = Number(it.meeting_id);
  requireEditableAgenda(meetingRow(db, meetingId));
  const order = (db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as { id: number }[]).map((r) => r.id);
  const from = order.indexOf(itemId);
  order.splice(from, 1);
  order.splice(Math.min(toIndex, order.length), 0, itemId);
  const c = inMeeting(ctx, meetingId);
  order.forEach((id, i) => auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item' }, id, { position: i }));
  bump(db, meetingId);
  return getMeeting(db, meetingId, today);
}

export function markAttendance(db: Db, ctx: WriteContext, id: number, status: string, today: string): MeetingDetail {
  const r = db.prepare('SELECT meeting_id FROM attendance WHERE id = ?').get(id) as { meeting_id: number } | undefined;
  if (!r) throw notFound('That attendee is no longer on this meeting. Reload the page.');
  auditedUpdate(db, inMeeting(ctx, r.meeting_id), 'attendance', { entity: 'attendance' }, id, { status });
  bump(db, r.meeting_id);
  return getMeeting(db, r.meeting_id, today);
}

export function addAttendee(db: Db, ctx: WriteContext, f: { meetingId: number; name: string; role: string; kind: 'deputy' | 'guest'; deputyFor: string | null; officerId?: number | null | undefined }, today: string): MeetingDetail {
  meetingRow(db, f.meetingId);
  const pos = (db.prepare('SELECT coalesce(max(position), -1) + 1 AS p FROM attendance WHERE meeting_id = ?').get(f.meetingId) as { p: number }).p;
  const c = inMeeting(ctx, f.meetingId);
  auditedInsert(db, c, 'attendance', { entity: 'attendance' }, {
    meeting_id: f.meetingId, officer_id: f.officerId ?? null, name: f.name, role: f.role, status: 'present', kind: f.kind, deputy_for: f.deputyFor, position: pos,
  });
  // A deputy stands in for a member who is not there: that member sends apologies.
  if (f.kind === 'deputy' && f.deputyFor) {
    const member = db
      .prepare(`SELECT id FROM attendance WHERE meeting_id = ? AND kind = 'member' AND status IN ('present', 'not_marked') AND (name = ? OR role = ?) ORDER BY position LIMIT 1`)
      .get(f.meetingId, f.deputyFor, f.deputyFor) as { id: number } | undefined;
    if (member) auditedUpdate(db, c, 'attendance', { entity: 'attendance' }, member.id, { status: 'apologies' });
  }
  bump(db, f.meetingId);
  return getMeeting(db, f.meetingId, today);
}

/** Banks the time spent on the item being left; the projector and minutes show per-item time. */
function leaveCurrent(db: Db, m: Row, nowIso: string): void {
  if (m.current_item_id === null) return;
  const cur = db.prepare('SELECT started_at FROM agenda_items WHERE id = ?').get(m.current_item_id) as { started_at: string | null } | undefined;
  if (cur?.started_at) {
    const secs = Math.max(0, Math.round((Date.parse(nowIso) - Date.parse(cur.started_at)) / 1000));
    // Navigation bookkeeping, not a decision: the item's timer is not part of the record (issue 11).
    // Passing over an item does not mark it discussed (issue 9); `done` set on purpose goes through
    // items.record, which audits it.
    db.prepare('UPDATE agenda_items SET elapsed_seconds = elapsed_seconds + ?, started_at = NULL WHERE id = ?').run(secs, m.current_item_id);
  }
}

export function startMeeting(db: Db, ctx: WriteContext, id: number, today: string): MeetingDetail {
  const m = meetingRow(db, id);
  requireMeeting(m, 'start');
  const first = db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND removed = 0 ORDER BY position LIMIT 1').get(id) as { id: number } | undefined;
  if (m.status === 'scheduled') {
    auditedUpdate(db, inMeeting(ctx, id), 'meetings', { entity: 'meeting' }, id, { status: 'in_progress', started_at: ctx.now() });
    // Rule-proposed cases are now "at panel".
    const cases = db.prepare(`SELECT a.case_id FROM agenda_items a JOIN cases c ON c.id = a.case_id WHERE a.meeting_id = ? AND a.removed = 0 AND c.status IN ('referred', 'checks')`).all(id) as { case_id: number }[];
    for (const k of cases) auditedUpdate(db, inMeeting(ctx, id), 'cases', { entity: 'case', caseId: k.case_id }, k.case_id, { status: 'at_panel' });
  }
  if (m.current_item_id === null && first) gotoItem(db, id, first.id, ctx.now());
  bump(db, id);
  return getMeeting(db, id, today);
}

/** Moves the meeting to an item (navigation, not minutes: not audited, not undone). */
export function gotoItem(db: Db, meetingId: number, itemId: number, nowIso: string): void {
  const m = meetingRow(db, meetingId);
  const it = itemRow(db, itemId);
  if (Number(it.meeting_id) !== meetingId) throw invalid('itemId', 'That item belongs to another meeting.');
  if (Number(m.current_item_id) === itemId) return;
  leaveCurrent(db, m, nowIso);
  db.prepare('UPDATE agenda_items SET started_at = ? WHERE id = ?').run(nowIso, itemId);
  // Names shown on the projector for one item go back to hidden at the next.
  db.prepare('UPDATE meetings SET current_item_id = ?, projector_names_item_id = NULL WHERE id = ?').run(itemId, meetingId);
  bump(db, meetingId);
}

export function closeMeeting(db: Db, ctx: WriteContext, id: number, today: string): MeetingDetail {
  const m = meetingRow(db, id);
  requireMeeting(m, 'close');
  leaveCurrent(db, m, ctx.now());
  db.prepare('UPDATE meetings SET current_item_id = NULL WHERE id = ?').run(id);
  auditedUpdate(db, inMeeting(ctx, id), 'meetings', { entity: 'meeting' }, id, { status: 'draft', closed_at: ctx.now() });
  bump(db, id);
  return getMeeting(db, id, today);
}

/** Minutes are approved (normally as a standing item of the next meeting) and then locked. */
export function approveMinutes(db: Db, ctx: WriteContext, id: number, atMeetingId: number | null | undefined, today: string): MeetingDetail {
  const m = meetingRow(db, id);
  requireMeeting(m, 'approve');
  auditedUpdate(db, inMeeting(ctx, atMeetingId ?? id), 'meetings', { entity: 'meeting' }, id, { status: 'approved', approved_on: today, approved_at_meeting_id: atMeetingId ?? null });
  bump(db, id);
  return getMeeting(db, id, today);
}

export function amendMinutes(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.amend'>, today: string): MeetingDetail {
  const { itemId, field, value, reason } = args;
  const it = itemRow(db, itemId);
  const meetingId = Number(it.meeting_id);
  const m = meetingRow(db, meetingId);
  requireMeeting(m, 'amend');
  const col = field === 'outcomeDetail' ? 'outcome_detail' : field;
  const c = inMeeting(ctx, meetingId);
  auditedInsert(db, c, 'minutes_amendments', { entity: 'amendment' }, {
    meeting_id: meetingId, at: ctx.now(), actor: ctx.actor, reason, agenda_item_id: itemId, field: col, old_value: it[col] ?? null, new_value: value,
  });
  auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item', caseId: numOrNull(it.case_id) }, itemId, { [col]: value });
  bump(db, meetingId);
  return getMeeting(db, meetingId, today);
}
