import type { Db } from '../../db/open';
import { auditedInsert, auditedUpdate, auditedDelete, type WriteContext } from '../../db/audit';
import type { ActionRow, AgendaItem, Attendee, MeetingDetail, MeetingSummary } from '../../shared/api/meetingSchemas';
import { AppError, invalid, notFound } from '../../shared/api/errors';
import { addDays, compareIso, formatUk } from '../../shared/domain/dates';
import { generateSchedule } from '../../shared/domain/schedule';
import { proposeAgenda, agendaSkeleton, AGENDA_SECTIONS, type AgendaCase, type AgendaSection } from '../../shared/domain/agenda';
import { clocksFor } from './caseClocks';
import { toCase, toChild, type Row } from './rows';
import { getPanel, ensureDefaultPanels } from './panels';
import { termCalendar } from './calendar';

export const meetingSource = (id: number) => `meeting:${id}`;
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
  venue: r.venue === null ? null : String(r.venue),
  onlineLink: r.online_link === null ? null : String(r.online_link),
  status: r.status as MeetingSummary['status'],
  caseItems: Number(r.case_items ?? 0),
  approvedOn: r.approved_on === null ? null : String(r.approved_on),
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
      meeting_id: id, officer_id: m.officerId, name: officer?.name ?? `(${m.role})`, role: m.role, status: 'present', kind: 'member', position: i,
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
export function generateMeetings(db: Db, ctx: WriteContext, panelId: number, count: number, today: string): MeetingSummary[] {
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

export function updateMeeting(db: Db, ctx: WriteContext, id: number, f: { date: string; time: string; venue: string | null; onlineLink: string | null; chairId: number | null; minuteTakerId: number | null }, today: string): MeetingDetail {
  const m = meetingRow(db, id);
  if (m.status === 'approved') throw new AppError('conflict', 'These minutes are approved and locked. Record an amendment instead.');
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
         (SELECT count(*) FROM actions x WHERE x.agenda_item_id = a.id) AS actions_agreed
       FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id LEFT JOIN children ch ON ch.id = c.child_id
       WHERE a.meeting_id = ? ORDER BY a.position, a.id`,
    )
    .all(meetingId) as Row[];
  return rows.map(toItem);
}

export function toItem(r: Row): AgendaItem {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(r.id),
    position: Number(r.position),
    kind: r.kind as AgendaItem['kind'],
    code: String(r.code),
    title: String(r.title),
    caseId: r.case_id === null ? null : Number(r.case_id),
    reasons: JSON.parse(String(r.reasons ?? '[]')) as AgendaItem['reasons'],
    addedByHand: r.added_by_hand === 1,
    removed: r.removed === 1,
    removedReason: s(r.removed_reason),
    discussion: s(r.discussion),
    decisions: s(r.decisions),
    outcome: s(r.outcome),
    outcomeDetail: s(r.outcome_detail),
    ragBefore: (r.rag_before ?? null) as AgendaItem['ragBefore'],
    elapsedSeconds: Number(r.elapsed_seconds ?? 0),
    startedAt: s(r.started_at),
    done: r.done === 1,
    caseReference: s(r.reference),
    caseName: r.forenames ? `${String(r.forenames)} ${String(r.surname)}` : null,
    caseRag: (r.case_rag ?? null) as AgendaItem['caseRag'],
    actionsAgreed: Number(r.actions_agreed ?? 0),
  };
}

export const ACTION_SQL = `
  SELECT x.*, c.reference, o.name AS owner_name, m.date AS meeting_date
  FROM actions x LEFT JOIN cases c ON c.id = x.case_id LEFT JOIN officers o ON o.id = x.owner_id LEFT JOIN meetings m ON m.id = x.meeting_id`;

export function toAction(r: Row, reviewedHere: ActionRow['reviewedHere'] = null): ActionRow {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(r.id),
    caseId: r.case_id === null ? null : Number(r.case_id),
    caseReference: s(r.reference),
    meetingId: r.meeting_id === null ? null : Number(r.meeting_id),
    agendaItemId: r.agenda_item_id === null ? null : Number(r.agenda_item_id),
    text: String(r.text),
    ownerId: r.owner_id === null ? null : Number(r.owner_id),
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
  const matters = previous
    ? (db.prepare(`${ACTION_SQL} WHERE x.meeting_id = ? AND x.status IN ('open', 'carried_forward') ORDER BY x.due_date`).all(previous.id) as Row[]).map((r) => toAction(r))
    : [];
  return {
    meeting: {
      ...base,
      chairId: m.chair_id === null ? null : Number(m.chair_id),
      chairName: name(m.chair_id),
      minuteTakerId: m.minute_taker_id === null ? null : Number(m.minute_taker_id),
      minuteTakerName: name(m.minute_taker_id),
      startedAt: m.started_at === null ? null : String(m.started_at),
      closedAt: m.closed_at === null ? null : String(m.closed_at),
      currentItemId: m.current_item_id === null ? null : Number(m.current_item_id),
      liveVersion: Number(m.live_version),
      locked: m.status === 'approved',
    },
    attendance: (db.prepare('SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position, id').all(id) as Row[]).map(
      (r): Attendee => ({
        id: Number(r.id),
        officerId: r.officer_id === null ? null : Number(r.officer_id),
        name: String(r.name),
        role: String(r.role),
        status: r.status as Attendee['status'],
        kind: r.kind as Attendee['kind'],
        deputyFor: r.deputy_for === null ? null : String(r.deputy_for),
      }),
    ),
    items: items(db, id),
    previousMeeting: previous,
    nextMeeting: neighbour(db, m, 'next'),
    mattersArising: matters,
    amendments: (db
      .prepare('SELECT x.*, a.title FROM minutes_amendments x LEFT JOIN agenda_items a ON a.id = x.agenda_item_id WHERE x.meeting_id = ? ORDER BY x.id')
      .all(id) as Row[]).map((r) => ({
      at: String(r.at), actor: String(r.actor), reason: String(r.reason), field: String(r.field),
      oldValue: r.old_value === null ? null : String(r.old_value), newValue: r.new_value === null ? null : String(r.new_value), itemTitle: r.title === null ? null : String(r.title),
    })),
  };
}

export function requireEditableAgenda(m: Row): void {
  if (m.status === 'draft' || m.status === 'approved') {
    throw new AppError('conflict', 'This meeting has closed, so its agenda can no longer change. Add the case to the next meeting instead.');
  }
}

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

function agendaCases(db: Db, meetingId: number, register: 'CME' | 'PMOE', panelId: number, meetingDate: string, today: string): AgendaCase[] {
  const rows = db
    .prepare(
      `SELECT c.*, ch.id AS ch_id, ch.date_of_birth, ch.looked_after, ch.ehcp, ch.child_protection_plan, ch.child_in_need,
         ch.missing_from_home_or_care, ch.at_risk_of_exploitation, ch.forenames, ch.surname, ch.gender, ch.sen_support, ch.fsm,
         ch.youth_offending, ch.gypsy_roma_traveller, ch.young_carer, ch.asylum_refugee, ch.armed_forces_family, ch.known_as,
         ch.former_names, ch.ethnicity, ch.upn, ch.family_id, ch.looked_after_la, ch.social_worker
       FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.register = ? AND c.status <> 'closed'`,
    )
    .all(register) as Row[];
  const due = db.prepare(`SELECT due_date FROM actions WHERE case_id = ? AND status IN ('open', 'carried_forward')`);
  const discussed = db.prepare(
    `SELECT DISTINCT m.date FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
     WHERE a.case_id = ? AND m.panel_id = ? AND a.removed = 0 AND m.id <> ? AND m.date < ?`,
  );
  return rows.map((r) => {
    const k = toCase(r);
    const child = toChild(r, 'ch_id');
    const clocks = clocksFor(k, child, today);
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
      concerns: clocks.concerns,
      timetableReviewDate: k.timetableReviewDate,
      timetableEndDate: k.timetableEndDate,
      openActionsDue: (due.all(k.id) as { due_date: string }[]).map((x) => x.due_date),
      discussedAt: (discussed.all(k.id, panelId, meetingId, meetingDate) as { date: string }[]).map((x) => x.date),
    };
  });
}

/**
 * Proposes the case items from the register's rules, each with its reasons. Hand-added and removed
 * items are kept; earlier proposals get fresh reasons; proposals no longer due and not yet discussed go.
 */
export function buildAgenda(db: Db, ctx: WriteContext, id: number, today: string): MeetingDetail {
  const m = meetingRow(db, id);
  requireEditableAgenda(m);
  const panel = getPanel(db, Number(m.panel_id));
  const date = String(m.date);
  const previousDates = (db.prepare(`SELECT date FROM meetings WHERE panel_id = ? AND date < ? AND status <> 'scheduled' ORDER BY date DESC`).all(panel.id, date) as { date: string }[]).map((r) => r.date);
  const next = db.prepare('SELECT date FROM meetings WHERE panel_id = ? AND date > ? ORDER BY date LIMIT 1').get(panel.id, date) as { date: string } | undefined;
  const proposals = proposeAgenda(agendaCases(db, id, panel.register, panel.id, date, today), {
    register: panel.register, meetingDate: date, nextMeetingDate: next?.date ?? null, previousMeetingDates: previousDates,
  });
  const c = inMeeting(ctx, id);
  const existing = db.prepare(`SELECT * FROM agenda_items WHERE meeting_id = ? AND kind = 'case'`).all(id) as Row[];
  const byCase = new Map(existing.map((r) => [Number(r.case_id), r]));
  const proposed = new Set(proposals.map((p) => p.caseId));
  for (const r of existing) {
    const untouched = r.added_by_hand === 0 && r.removed === 0 && !r.discussion && !r.decisions && !r.outcome && r.done === 0;
    if (!proposed.has(Number(r.case_id)) && untouched) auditedDelete(db, c, 'agenda_items', { entity: 'agenda_item', caseId: Number(r.case_id) }, Number(r.id));
  }
  for (const p of proposals) {
    const have = byCase.get(p.caseId);
    if (have) {
      auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item', caseId: p.caseId }, Number(have.id), { reasons: JSON.stringify(p.reasons) });
      continue;
    }
    const order = db.prepare('SELECT id, code FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(id) as { id: number; code: string }[];
    const at = insertIndex(order, p.section);
    const newId = auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item', caseId: p.caseId }, {
      meeting_id: id, position: at, kind: 'case', code: p.section, title: p.reference, case_id: p.caseId, reasons: JSON.stringify(p.reasons),
    });
    order.splice(at, 0, { id: newId, code: p.section });
    renumber(db, id, order.map((o) => o.id));
  }
  bump(db, id);
  return getMeeting(db, id, today);
}

export function addCaseToAgenda(db: Db, ctx: WriteContext, meetingId: number, reference: string, section: AgendaSection, today: string): MeetingDetail {
  const m = meetingRow(db, meetingId);
  requireEditableAgenda(m);
  const ref = reference.trim().toUpperCase();
  const k = db.prepare('SELECT id, register, status FROM cases WHERE reference = ?').get(ref) as Row | undefined;
  if (!k) throw invalid('reference', `No case has the reference ${ref}. Check it on the register (e.g. CME-2026-0042).`);
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

export function removeItem(db: Db, ctx: WriteContext, itemId: number, reason: string, today: string): MeetingDetail {
  const it = itemRow(db, itemId);
  const meetingId = Number(it.meeting_id);
  requireEditableAgenda(meetingRow(db, meetingId));
  if (it.kind !== 'case') throw invalid('itemId', 'Standing items stay on the agenda; record “not needed this time” in its notes instead.');
  auditedUpdate(db, inMeeting(ctx, meetingId), 'agenda_items', { entity: 'agenda_item', caseId: Number(it.case_id) }, itemId, { removed: 1, removed_reason: reason });
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

export function moveItem(db: Db, ctx: WriteContext, itemId: number, toIndex: number, today: string): MeetingDetail {
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
  auditedInsert(db, inMeeting(ctx, f.meetingId), 'attendance', { entity: 'attendance' }, {
    meeting_id: f.meetingId, officer_id: f.officerId ?? null, name: f.name, role: f.role, status: 'present', kind: f.kind, deputy_for: f.deputyFor, position: pos,
  });
  bump(db, f.meetingId);
  return getMeeting(db, f.meetingId, today);
}

/** Banks the time spent on the item being left; the projector and minutes show per-item time. */
function leaveCurrent(db: Db, m: Row, nowIso: string): void {
  if (m.current_item_id === null) return;
  const cur = db.prepare('SELECT started_at FROM agenda_items WHERE id = ?').get(m.current_item_id) as { started_at: string | null } | undefined;
  if (cur?.started_at) {
    const secs = Math.max(0, Math.round((Date.parse(nowIso) - Date.parse(cur.started_at)) / 1000));
    // Navigation bookkeeping, not a decision: the timer and the "visited" tick are not part of the
    // record (issue 11). `done` set on purpose goes through items.record, which audits it.
    db.prepare('UPDATE agenda_items SET elapsed_seconds = elapsed_seconds + ?, started_at = NULL, done = 1 WHERE id = ?').run(secs, m.current_item_id);
  }
}

export function startMeeting(db: Db, ctx: WriteContext, id: number, today: string): MeetingDetail {
  const m = meetingRow(db, id);
  if (m.status !== 'scheduled' && m.status !== 'in_progress') throw new AppError('conflict', 'This meeting has already closed.');
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
  if (m.status !== 'in_progress') throw new AppError('conflict', m.status === 'scheduled' ? 'This meeting has not started.' : 'This meeting is already closed.');
  leaveCurrent(db, m, ctx.now());
  db.prepare('UPDATE meetings SET current_item_id = NULL WHERE id = ?').run(id);
  auditedUpdate(db, inMeeting(ctx, id), 'meetings', { entity: 'meeting' }, id, { status: 'draft', closed_at: ctx.now() });
  bump(db, id);
  return getMeeting(db, id, today);
}

/** Minutes are approved (normally as a standing item of the next meeting) and then locked. */
export function approveMinutes(db: Db, ctx: WriteContext, id: number, atMeetingId: number | null | undefined, today: string): MeetingDetail {
  const m = meetingRow(db, id);
  if (m.status !== 'draft') {
    throw new AppError('conflict', m.status === 'approved' ? 'These minutes are already approved.' : 'Only closed meetings have minutes to approve: close the meeting first.');
  }
  auditedUpdate(db, inMeeting(ctx, atMeetingId ?? id), 'meetings', { entity: 'meeting' }, id, { status: 'approved', approved_on: today, approved_at_meeting_id: atMeetingId ?? null });
  bump(db, id);
  return getMeeting(db, id, today);
}

export function amendMinutes(db: Db, ctx: WriteContext, itemId: number, field: 'discussion' | 'decisions' | 'outcomeDetail', value: string | null, reason: string, today: string): MeetingDetail {
  const it = itemRow(db, itemId);
  const meetingId = Number(it.meeting_id);
  const m = meetingRow(db, meetingId);
  if (m.status !== 'approved') throw new AppError('conflict', 'These minutes are not locked yet: edit them directly.');
  const col = field === 'outcomeDetail' ? 'outcome_detail' : field;
  const c = inMeeting(ctx, meetingId);
  auditedInsert(db, c, 'minutes_amendments', { entity: 'amendment' }, {
    meeting_id: meetingId, at: ctx.now(), actor: ctx.actor, reason, agenda_item_id: itemId, field: col, old_value: it[col] ?? null, new_value: value,
  });
  auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item', caseId: it.case_id === null ? null : Number(it.case_id) }, itemId, { [col]: value });
  bump(db, meetingId);
  return getMeeting(db, meetingId, today);
}
