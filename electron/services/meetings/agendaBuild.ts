// Building a meeting's agenda from the register's rules (shared/domain/agenda planAgenda).
import type { MethodArgs } from '../../../shared/api/contract';
import { wholeTerms } from '../../../shared/domain/pmoeTerms';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, auditedDelete, type WriteContext } from '../../../db/audit';
import type { MeetingDetail } from '../../../shared/api/meetingSchemas';
import { planAgenda, agendaSkeleton, capacityFor, AGENDA_SECTIONS, type AgendaCase } from '../../../shared/domain/agenda';
import { clocksFor } from '../register/caseClocks';
import { toCase, toChild, type Row } from '../rows';
import { getPanel } from './panels';
import { termCalendar } from '../settings/calendar';
import { DISCUSSED_SQL } from '../register/discussed';
import { bump, inMeeting, meetingRow, requireEditableAgenda } from './meetingRows';
import { getMeeting } from './meetingDetail';
import { renumber } from './agenda';
import { returnFactsByCase } from '../returns/agendaFacts';

const SAFEGUARDING_SQL = '(ch.child_protection_plan = 1 OR ch.child_in_need = 1 OR ch.missing_from_home_or_care = 1 OR ch.at_risk_of_exploitation = 1)';

/** What the agenda rules need about every open case on the register: a fixed number of queries, whatever its size. */
function agendaCases(db: Db, meeting: { id: number; register: 'CME' | 'PMOE'; panelId: number; date: string }, today: string): AgendaCase[] {
  const { id: meetingId, register, panelId, date: meetingDate } = meeting;
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
export function buildAgenda(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.buildAgenda'>, today: string): MeetingDetail {
  const { id } = args;
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
  const plan = planAgenda(agendaCases(db, { id, register: panel.register, panelId: panel.id, date }, today), {
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
  return getMeeting(db, id);
}
