// What the agenda rules (shared/domain/agenda planAgenda) need to know about every case that can
// be eligible for a panel's meeting: a fixed number of queries, whatever the register's size, each
// narrowed in SQL by an index (proven in test/unit/db/migrations/012_agenda_build_indexes.test.ts).
import type { Db } from '../../../db/open';
import type { AgendaCase } from '../../../shared/domain/agenda';
import type { PendingClosure } from '../../../shared/domain/closure';
import { criteriaOfConcern } from '../../../shared/domain/concern';
import { wholeTerms } from '../../../shared/domain/pmoeTerms';
import { CASE_STATUSES, type CaseStatus, type Register } from '../../../shared/domain/vocab';
import { DISCUSSED_SQL } from '../register/discussed';
import { termCalendar } from '../settings/calendar';
import { returnFactsByCase } from '../returns/agendaFacts';
import { ragOrNull } from '../rows';

const OPEN_STATUSES = CASE_STATUSES.map((s) => s.code).filter((s) => s !== 'closed');

// Only the columns the rules read: a register row has some forty, and reading them all costs more
// than the rules themselves at 50,000 cases. Every one is in the covering indexes cases_agenda and
// children_agenda (migration 015), so the build reads no table page of an open case.
const COLUMNS = `c.id, c.reference, c.register, c.status, c.rag, c.date_notified, c.date_located, c.closure_proposed, c.archived,
  c.timetable_review_date, c.timetable_end_date, c.last_attendance, c.date_entered_provision, c.unfound_review_due,
  c.hours_per_week, c.pmoe_reason, c.provider, ch.date_of_birth, ch.ehcp, ch.looked_after, ch.child_protection_plan,
  ch.child_in_need, ch.missing_from_home_or_care, ch.at_risk_of_exploitation`;

/**
 * The cases that can be eligible: open cases on the panel's register (by status and register), and
 * closed ones whose twice-yearly not-found review falls by the meeting (seed 003 App. D), by their
 * own index. Every other closed case is skipped in SQL, never read.
 */
export const AGENDA_CASES_SQL = `
  SELECT ${COLUMNS} FROM cases c INDEXED BY cases_agenda JOIN children ch INDEXED BY children_agenda ON ch.id = c.child_id
  WHERE c.register = @register AND c.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})
  UNION ALL
  SELECT ${COLUMNS} FROM cases c JOIN children ch INDEXED BY children_agenda ON ch.id = c.child_id
  WHERE c.register = @register AND c.status = 'closed' AND c.unfound_review_due IS NOT NULL AND c.unfound_review_due <= @meetingDate`;

/** Closures proposed and still waiting (a manager, another LA): by the partial index of pending proposals. */
export const PENDING_CLOSURES_SQL = `SELECT case_id, proposed_by_name, proposed_on, reason, chase_on FROM closure_proposals WHERE status = 'pending'`;

/** Due dates of the open actions on the register's cases. */
export const OPEN_ACTIONS_SQL = `SELECT x.case_id, x.due_date AS d FROM actions x JOIN cases c ON c.id = x.case_id
  WHERE c.register = @register AND x.status IN ('open', 'carried_forward')`;

// Earlier meetings of this panel: where the case was discussed (marked done or something recorded),
// and where it was on the agenda but not reached.
const EARLIER = `FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
  WHERE a.kind = 'case' AND m.panel_id = @panelId AND a.removed = 0 AND m.id <> @meetingId AND m.date < @meetingDate AND m.status <> 'scheduled'`;
export const DISCUSSED_AT_SQL = `SELECT DISTINCT a.case_id, m.date AS d ${EARLIER} AND ${DISCUSSED_SQL}`;
export const NOT_REACHED_SQL = `SELECT a.case_id, max(m.date) AS d ${EARLIER} AND NOT ${DISCUSSED_SQL} GROUP BY a.case_id`;

/** A row of AGENDA_CASES_SQL, column by column (read as arrays: thousands of rows, no per-row key objects). */
type CaseRow = [
  id: number, reference: string, register: Register, status: CaseStatus, rag: string | null, dateNotified: string,
  dateLocated: string | null, closureProposed: number, archived: number, timetableReviewDate: string | null,
  timetableEndDate: string | null, lastAttendance: string | null, dateEnteredProvision: string | null,
  unfoundReviewDue: string | null, hoursPerWeek: number | null, pmoeReason: string | null, provider: string | null,
  dateOfBirth: string, ehcp: number, lookedAfter: number, childProtectionPlan: number, childInNeed: number,
  missingFromHomeOrCare: number, atRiskOfExploitation: number,
];

function grouped(db: Db, sql: string, params: Record<string, unknown>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of db.prepare(sql).all(params) as { case_id: number; d: string }[]) {
    const list = out.get(r.case_id);
    if (list) list.push(r.d);
    else out.set(r.case_id, [r.d]);
  }
  return out;
}

export interface AgendaMeeting {
  id: number;
  register: Register;
  panelId: number;
  date: string;
}

/** Every case that can be eligible for `meeting`, as the agenda rules take it. `today` sets the PMOE criteria of concern. */
export function agendaCases(db: Db, meeting: AgendaMeeting, today: string): AgendaCase[] {
  const { register } = meeting;
  const rows = db.prepare(AGENDA_CASES_SQL).raw(true).all({ register, meetingDate: meeting.date }) as CaseRow[];
  const due = grouped(db, OPEN_ACTIONS_SQL, { register });
  const earlier = { panelId: meeting.panelId, meetingId: meeting.id, meetingDate: meeting.date };
  const discussed = grouped(db, DISCUSSED_AT_SQL, earlier);
  const notReached = grouped(db, NOT_REACHED_SQL, earlier);
  const pending = new Map<number, PendingClosure>();
  for (const p of db.prepare(PENDING_CLOSURES_SQL).all() as { case_id: number; proposed_by_name: string; proposed_on: string; reason: string; chase_on: string | null }[]) {
    pending.set(p.case_id, { proposedBy: p.proposed_by_name, proposedOn: p.proposed_on, reason: p.reason, chaseOn: p.chase_on });
  }
  // The term calendar and school returns only bear on PMOE rules (criteria of concern, new in a return).
  const terms = register === 'PMOE' ? wholeTerms(termCalendar(db)) : null;
  const fromReturns = register === 'PMOE' ? returnFactsByCase(db) : null;
  // Most cases have no open action and no earlier discussion: one shared empty list for them, rather
  // than two new arrays per case (thousands at 50,000 cases) for the collector to sweep up.
  const none: never[] = [];
  return rows.map((r): AgendaCase => {
    const [id, reference, reg, status, rag, dateNotified, dateLocated, closureProposed, archived, timetableReviewDate, timetableEndDate,
      lastAttendance, dateEnteredProvision, unfoundReviewDue, hoursPerWeek, pmoeReason, provider, dateOfBirth] = r;
    const lookedAfter = r[19] === 1;
    const childProtectionPlan = r[20] === 1;
    const childInNeed = r[21] === 1;
    const missingFromHomeOrCare = r[22] === 1;
    const atRiskOfExploitation = r[23] === 1;
    const flags = { ehcp: r[18] === 1, lookedAfter, childProtectionPlan, childInNeed, missingFromHomeOrCare, atRiskOfExploitation };
    return {
      caseId: id,
      reference,
      register: reg,
      status,
      rag: ragOrNull(rag),
      dateNotified,
      dateLocated,
      dateOfBirth,
      closureProposed: closureProposed === 1,
      closurePending: pending.get(id) ?? null,
      archived: archived === 1,
      lookedAfter,
      safeguarding: childProtectionPlan || childInNeed || missingFromHomeOrCare || atRiskOfExploitation,
      concerns: criteriaOfConcern({ register: reg, status, dateNotified, hoursPerWeek, pmoeReason, provider, flags }, today, terms),
      timetableReviewDate,
      timetableEndDate,
      openActionsDue: due.get(id) ?? none,
      discussedAt: discussed.get(id) ?? none,
      notReachedAt: notReached.get(id)?.[0] ?? null,
      lastAttendance,
      dateEnteredProvision,
      unfoundReviewDue,
      newInReturn: fromReturns?.get(id) ?? null,
    };
  });
}
