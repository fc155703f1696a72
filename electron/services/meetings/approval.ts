// After a meeting: closing it, approving the minutes (then locked), amending them with a reason.
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { MeetingDetail } from '../../../shared/api/meetingSchemas';
import { numOrNull } from '../rows';
import { bump, inMeeting, itemRow, meetingRow, requireMeeting } from './meetingRows';
import { getMeeting } from './meetingDetail';
import { leaveCurrent } from './live';

export function closeMeeting(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.close'>): MeetingDetail {
  const { id } = args;
  const m = meetingRow(db, id);
  requireMeeting(m, 'close');
  leaveCurrent(db, m, ctx.now());
  db.prepare('UPDATE meetings SET current_item_id = NULL WHERE id = ?').run(id);
  auditedUpdate(db, inMeeting(ctx, id), 'meetings', { entity: 'meeting' }, id, { status: 'draft', closed_at: ctx.now() });
  bump(db, id);
  return getMeeting(db, id);
}

/** Minutes are approved (normally as a standing item of the next meeting) and then locked. */
export function approveMinutes(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.approveMinutes'>, today: string): MeetingDetail {
  const { id, atMeetingId } = args;
  const m = meetingRow(db, id);
  requireMeeting(m, 'approve');
  auditedUpdate(db, inMeeting(ctx, atMeetingId ?? id), 'meetings', { entity: 'meeting' }, id, { status: 'approved', approved_on: today, approved_at_meeting_id: atMeetingId ?? null });
  bump(db, id);
  return getMeeting(db, id);
}

export function amendMinutes(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.amend'>): MeetingDetail {
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
  return getMeeting(db, meetingId);
}
