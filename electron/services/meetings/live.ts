// Running a meeting: starting it and moving from item to item.
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedUpdate, type WriteContext } from '../../../db/audit';
import type { MeetingDetail } from '../../../shared/api/meetingSchemas';
import { invalid } from '../../../shared/api/errors';
import type { Row } from '../rows';
import { bump, inMeeting, itemRow, meetingRow, requireMeeting } from './meetingRows';
import { getMeeting } from './meetingDetail';

/** Banks the time spent on the item being left; the projector and minutes show per-item time. */
export function leaveCurrent(db: Db, m: Row, nowIso: string): void {
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

export function startMeeting(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.start'>): MeetingDetail {
  const { id } = args;
  const m = meetingRow(db, id);
  requireMeeting(m, 'start');
  const first = db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND removed = 0 ORDER BY position LIMIT 1').get(id) as { id: number } | undefined;
  if (m.status === 'scheduled') {
    auditedUpdate(db, inMeeting(ctx, id), 'meetings', { entity: 'meeting' }, id, { status: 'in_progress', started_at: ctx.now() });
    // Rule-proposed cases are now "at panel".
    const cases = db.prepare(`SELECT a.case_id FROM agenda_items a JOIN cases c ON c.id = a.case_id WHERE a.meeting_id = ? AND a.removed = 0 AND c.status IN ('referred', 'checks')`).all(id) as { case_id: number }[];
    for (const k of cases) auditedUpdate(db, inMeeting(ctx, id), 'cases', { entity: 'case', caseId: k.case_id }, k.case_id, { status: 'at_panel' });
  }
  if (m.current_item_id === null && first) gotoItem(db, { id, itemId: first.id }, ctx.now());
  bump(db, id);
  return getMeeting(db, id);
}

/** Moves the meeting to an item (navigation, not minutes: not audited, not undone). */
export function gotoItem(db: Db, args: MethodArgs<'meetings.goto'>, nowIso: string): void {
  const { id: meetingId, itemId } = args;
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
