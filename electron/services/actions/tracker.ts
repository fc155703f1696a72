import { numOrNull, strOrNull, codeOrNull } from '../rows';
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { TrackerAction } from '../../../shared/api/trackingSchemas';
import { AppError, invalid, notFound } from '../../../shared/api/errors';
import { isOverdue, isDueThisWeek, carriedTooOften, suggestEscalation, newActionProblem, type ActionStatus } from '../../../shared/domain/actions';
import { getOfficer } from '../settings/officers';
import { toAction } from '../meetings/meetingRows';
import type { Row } from '../rows';
import type { Team } from '../../../shared/domain/vocab';

// The owner is the officer, or else the person or agency named at panel (owner_text), as the
// meeting's own list (ACTION_SQL) shows it: "Unassigned" for an agency's action lost who owns it.
const TRACKER_SQL = `
  SELECT x.*, c.reference, ch.forenames, ch.surname, coalesce(o.name, x.owner_text) AS owner_name, o.team AS owner_team, m.date AS meeting_date, p.name AS panel_name
  FROM actions x
  LEFT JOIN cases c ON c.id = x.case_id LEFT JOIN children ch ON ch.id = c.child_id
  LEFT JOIN officers o ON o.id = x.owner_id
  LEFT JOIN meetings m ON m.id = x.meeting_id LEFT JOIN panels p ON p.id = m.panel_id`;

function toTracker(r: Row, today: string): TrackerAction {
  const a = toAction(r);
  const status = a.status as ActionStatus;
  const s = suggestEscalation({ status, carriedCount: a.carriedCount });
  return {
    ...a,
    caseName: r.forenames ? `${String(r.forenames)} ${String(r.surname)}` : null,
    ownerTeam: codeOrNull<Team>(r.owner_team),
    panelName: strOrNull(r.panel_name),
    overdue: isOverdue({ status, dueDate: a.dueDate }, today),
    dueThisWeek: isDueThisWeek({ status, dueDate: a.dueDate }, today),
    carriedTooOften: carriedTooOften(a.carriedCount) && (status === 'open' || status === 'carried_forward'),
    suggestion: s.suggest ? s.reason : null,
  };
}

/** Every action, from meetings and raised between them. The screen filters and sorts. */
export function listActions(db: Db, today: string, caseId?: number | null): TrackerAction[] {
  const rows = caseId
    ? (db.prepare(`${TRACKER_SQL} WHERE x.case_id = ? ORDER BY x.due_date, x.id`).all(caseId) as Row[])
    : (db.prepare(`${TRACKER_SQL} ORDER BY x.due_date, x.id`).all() as Row[]);
  return rows.map((r) => toTracker(r, today));
}

export function getTrackerAction(db: Db, id: number, today: string): TrackerAction {
  const r = db.prepare(`${TRACKER_SQL} WHERE x.id = ?`).get(id) as Row | undefined;
  if (!r) throw notFound(`There is no action with record number ${id}.`);
  return toTracker(r, today);
}

/** An action raised between meetings, from the case page or the tracker. */
export function createAction(db: Db, ctx: WriteContext, f: { caseId: number; text: string; ownerId: number | null; dueDate: string }, today: string): TrackerAction {
  const k = db.prepare('SELECT id, status, reference FROM cases WHERE id = ?').get(f.caseId) as Row | undefined;
  if (!k) throw notFound(`There is no case with record number ${f.caseId}.`);
  const problem = newActionProblem({
    caseReference: String(k.reference), caseClosed: k.status === 'closed', dueDate: f.dueDate, earliestDue: today, earliestLabel: 'today',
    officer: f.ownerId === null ? null : getOfficer(db, f.ownerId), ownerText: null, ownerRequired: false,
  });
  if (problem) throw problem.kind === 'conflict' ? new AppError('conflict', problem.message) : invalid(problem.field, problem.message);
  const id = auditedInsert(db, ctx, 'actions', { entity: 'action', caseId: f.caseId }, {
    case_id: f.caseId, text: f.text, owner_id: f.ownerId, due_date: f.dueDate, status: 'open', carried_count: 0, created_at: ctx.now(),
  });
  return getTrackerAction(db, id, today);
}

export function completeAction(db: Db, ctx: WriteContext, args: MethodArgs<'actions.complete'>, today: string): TrackerAction {
  const { id, completedOn, note } = args;
  const a = db.prepare('SELECT * FROM actions WHERE id = ?').get(id) as Row | undefined;
  if (!a) throw notFound(`There is no action with record number ${id}.`);
  if (a.status === 'done' || a.status === 'dropped') throw new AppError('conflict', 'This action is already finished.');
  auditedUpdate(db, ctx, 'actions', { entity: 'action', caseId: numOrNull(a.case_id) }, id, { status: 'done', completed_on: completedOn, completion_note: note });
  return getTrackerAction(db, id, today);
}

export function bulkActions(db: Db, ctx: WriteContext, args: MethodArgs<'actions.bulk'>, today: string): { updated: number } {
  const { ids, op, ownerId, note } = args;
  if (op === 'reassign') {
    if (!ownerId) throw invalid('ownerId', 'Choose the officer to reassign the actions to.');
    const o = getOfficer(db, ownerId);
    if (!o.active) throw invalid('ownerId', `${o.name} has left; choose an active officer.`);
  }
  let updated = 0;
  for (const id of ids) {
    const a = db.prepare('SELECT * FROM actions WHERE id = ?').get(id) as Row | undefined;
    if (!a || a.status === 'done' || a.status === 'dropped') continue;
    const link = { entity: 'action', caseId: numOrNull(a.case_id) };
    updated += auditedUpdate(db, ctx, 'actions', link, id, op === 'done' ? { status: 'done', completed_on: today, completion_note: note } : { owner_id: ownerId }) > 0 ? 1 : 0;
  }
  return { updated };
}
