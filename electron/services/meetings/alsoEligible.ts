// A built agenda's "also eligible" list: the most pressing ALSO_ELIGIBLE_SHOWN cases kept as rows
// (agenda_eligible) and the count of all of them (meetings.also_eligible_total, migration 014);
// written by a build, kept right when a case is brought in (agenda.ts) or a child is erased (retention).
import type { Db } from '../../../db/open';
import { planAgenda, proposeAgenda, capacityFor, type AgendaCase, type AgendaContext, type AgendaPlan, type Proposal } from '../../../shared/domain/agenda';
import type { Row } from '../rows';
import { getPanel } from './panels';
import { ALSO_ELIGIBLE_SHOWN } from './meetingDetail';
import { agendaCases } from './agendaCases';

/**
 * The agenda rule (shared/domain/agenda planAgenda) over the register as it stands, for meeting `m`:
 * `keep` are cases that stay on the agenda whatever their rank, `exclude` cases taken off it.
 * `capacity` defaults to the panel's. Reads only.
 */
export function planForMeeting(db: Db, m: Row, today: string, sets: { keep: ReadonlySet<number>; exclude: ReadonlySet<number> }, capacity?: number): AgendaPlan {
  const { panel, cases, context } = ruleInputs(db, m, today);
  return planAgenda(cases, context, { capacity: capacity ?? capacityFor(panel.register, panel.capacity), ...sets });
}

/**
 * The reasons the agenda rule (shared/domain/agenda proposeAgenda) gives case `caseId` for meeting
 * `m`, over the register as it stands; none when the rules would not propose it. Reads only.
 */
export function ruledReasons(db: Db, m: Row, today: string, caseId: number): Proposal['reasons'] {
  const { cases, context } = ruleInputs(db, m, today);
  const own = cases.filter((c) => c.caseId === caseId);
  return proposeAgenda(own, context)[0]?.reasons ?? [];
}

function ruleInputs(db: Db, m: Row, today: string): { panel: ReturnType<typeof getPanel>; cases: AgendaCase[]; context: AgendaContext } {
  const panel = getPanel(db, Number(m.panel_id));
  const date = String(m.date);
  const previousMeetingDates = (db.prepare(`SELECT date FROM meetings WHERE panel_id = ? AND date < ? AND status <> 'scheduled' ORDER BY date DESC`).all(panel.id, date) as { date: string }[]).map((r) => r.date);
  const next = db.prepare('SELECT date FROM meetings WHERE panel_id = ? AND date > ? ORDER BY date LIMIT 1').get(panel.id, date) as { date: string } | undefined;
  return {
    panel,
    cases: agendaCases(db, { id: Number(m.id), register: panel.register, panelId: panel.id, date }, today),
    context: { register: panel.register, meetingDate: date, nextMeetingDate: next?.date ?? null, previousMeetingDates },
  };
}

/**
 * Replaces a meeting's "also eligible" rows with the most pressing of `alsoEligible` (a plan's, already
 * in rank order: planAgenda), and its count with all of them.
 */
export function storeAlsoEligible(db: Db, meetingId: number, alsoEligible: AgendaPlan['alsoEligible']): void {
  db.prepare('DELETE FROM agenda_eligible WHERE meeting_id = ?').run(meetingId);
  const insert = db.prepare('INSERT INTO agenda_eligible (meeting_id, case_id, rank, section, reasons) VALUES (?, ?, ?, ?, ?)');
  for (const p of alsoEligible.slice(0, ALSO_ELIGIBLE_SHOWN)) insert.run(meetingId, p.caseId, p.rank, p.section, JSON.stringify(p.reasons));
  db.prepare('UPDATE meetings SET also_eligible_total = ? WHERE id = ?').run(alsoEligible.length, meetingId);
}

/**
 * Takes erased cases off every built agenda's "also eligible" list, inside the erasure's transaction;
 * call it before the cases' rows go. Returns the rows deleted, and `recount`, to call once the
 * erased rows are gone.
 *
 * - Every meeting loses the rows and its count goes down by as many: the screen's "N more
 *   eligible" no longer counts a child who is no longer on the register.
 * - An erased child can also have been counted without being among the rows kept (the count covers
 *   every eligible case; only the first ALSO_ELIGIBLE_SHOWN are stored). Which of them were cannot be
 *   known without running the rule again. For a meeting still `scheduled` the list is a proposal the
 *   chair has yet to use, so `recount` runs the same rule a build runs (planForMeeting) over the
 *   register without the erased children, leaves the agenda itself as it stands, and stores
 *   everything eligible that is not on it: the count and the rows then agree with a fresh build, and
 *   the next case moves up into the rows kept. (If the erasure also took an item off this agenda, a
 *   fresh build would fill that place from the top of the list; the recount leaves that to the chair.) Only meetings whose count exceeded their rows are
 *   recounted: where every eligible case was stored, the decrement is already exact (and the rows
 *   stay as built).
 * - A meeting in progress or held keeps its list as built, less the erased rows: re-running the rule
 *   would replace what the panel had in front of it with today's register (history the minutes and
 *   the chair's choices at the time rest on); its count may still include an erased child who was not
 *   among the rows kept, which is a number with no one's details in it. Retention erases a child's
 *   personal data (seed 004 "Database and Monitoring"; README, Retention), not the panel's record of
 *   how many cases it had over capacity.
 */
export function eraseFromAlsoEligible(db: Db, caseIds: readonly number[], today: string): { deleted: number; recount: () => number } {
  if (caseIds.length === 0) return { deleted: 0, recount: () => 0 };
  const inCases = `(${caseIds.map(() => '?').join(', ')})`;
  const touched = db
    .prepare(`SELECT meeting_id, count(*) AS n FROM agenda_eligible WHERE case_id IN ${inCases} GROUP BY meeting_id`)
    .all(...caseIds) as { meeting_id: number; n: number }[];
  // Scheduled meetings of the erased cases' registers where an erased child may be counted but not stored.
  const uncertain = (db
    .prepare(
      `SELECT m.id FROM meetings m JOIN panels p ON p.id = m.panel_id
       WHERE m.status = 'scheduled' AND p.register IN (SELECT DISTINCT register FROM cases WHERE id IN ${inCases})
         AND m.also_eligible_total > (SELECT count(*) FROM agenda_eligible e WHERE e.meeting_id = m.id)`,
    )
    .all(...caseIds) as { id: number }[]).map((r) => r.id);

  const deleted = db.prepare(`DELETE FROM agenda_eligible WHERE case_id IN ${inCases}`).run(...caseIds).changes;
  const lower = db.prepare('UPDATE meetings SET also_eligible_total = max(also_eligible_total - ?, 0) WHERE id = ? AND also_eligible_total IS NOT NULL');
  for (const t of touched) lower.run(t.n, t.meeting_id);

  const recount = () => {
    for (const id of uncertain) {
      const m = db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as Row;
      const items = db.prepare(`SELECT case_id, removed FROM agenda_items WHERE meeting_id = ? AND kind = 'case' AND case_id IS NOT NULL`).all(id) as { case_id: number; removed: number }[];
      const keep = new Set(items.filter((r) => r.removed === 0).map((r) => r.case_id));
      const exclude = new Set(items.filter((r) => r.removed === 1).map((r) => r.case_id));
      // Capacity = the agenda as it stands: nothing is added to it, everything else eligible is listed.
      storeAlsoEligible(db, id, planForMeeting(db, m, today, { keep, exclude }, keep.size).alsoEligible);
    }
    return uncertain.length;
  };
  return { deleted, recount };
}
