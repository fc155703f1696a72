// A meeting's rows: reading them (a missing one is a clear not-found), mapping them to the contract,
// the status gate every change passes, and the live version the projector polls.
import type { Db } from '../../../db/open';
import type { WriteContext } from '../../../db/audit';
import type { ActionRow, AgendaItem, MeetingSummary } from '../../../shared/api/meetingSchemas';
import { AppError, notFound } from '../../../shared/api/errors';
import { isMandatory } from '../../../shared/domain/agenda';
import { type Row, numOrNull, strOrNull, ragOrNull } from '../rows';
import { meetingStatusProblem, type MeetingAct, type MeetingState } from '../../../shared/domain/meetingStatus';

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

export const SUMMARY_SQL = `
  SELECT m.*, p.name AS panel_name, p.register,
    (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id AND a.kind = 'case' AND a.removed = 0) AS case_items
  FROM meetings m JOIN panels p ON p.id = m.panel_id`;

export const toSummary = (r: Row): MeetingSummary => ({
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

export function summary(db: Db, id: number): MeetingSummary {
  return toSummary(db.prepare(`${SUMMARY_SQL} WHERE m.id = ?`).get(id) as Row);
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
    removedReason: strOrNull(r.removed_reason),
    discussion: strOrNull(r.discussion),
    decisions: strOrNull(r.decisions),
    outcome: strOrNull(r.outcome),
    outcomeDetail: strOrNull(r.outcome_detail),
    ragBefore: ragOrNull(r.rag_before),
    mandatory: r.added_by_hand !== 1 && isMandatory(JSON.parse(String(r.reasons ?? '[]')) as { code: string }[]),
    elapsedSeconds: Number(r.elapsed_seconds ?? 0),
    startedAt: strOrNull(r.started_at),
    done: r.done === 1,
    discussed: r.done === 1 || r.discussed === 1,
    caseReference: strOrNull(r.reference),
    caseName: r.forenames ? `${String(r.forenames)} ${String(r.surname)}` : null,
    caseRag: ragOrNull(r.case_rag),
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
    caseReference: strOrNull(r.reference),
    meetingId: numOrNull(r.meeting_id),
    agendaItemId: numOrNull(r.agenda_item_id),
    text: String(r.text),
    ownerId: numOrNull(r.owner_id),
    ownerName: strOrNull(r.owner_name),
    dueDate: String(r.due_date),
    status: r.status as ActionRow['status'],
    carriedCount: Number(r.carried_count),
    completedOn: strOrNull(r.completed_on),
    completionNote: strOrNull(r.completion_note),
    raisedOn: strOrNull(r.meeting_date) ?? String(r.created_at).slice(0, 10),
    reviewedHere,
  };
}

/** Refuses `act` when the meeting's state does not allow it (shared/domain/meetingStatus). */
export function requireMeeting(m: Row, act: MeetingAct): void {
  const problem = meetingStatusProblem(act, m.status as MeetingState);
  if (problem) throw new AppError('conflict', problem);
}

export const requireEditableAgenda = (m: Row): void => requireMeeting(m, 'editAgenda');

export function itemRow(db: Db, itemId: number): Row {
  const r = db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(itemId) as Row | undefined;
  if (!r) throw notFound(`There is no agenda item with record number ${itemId}. Reload the meeting.`);
  return r;
}
