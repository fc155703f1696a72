// Who is at a meeting: members marked, deputies and guests added.
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { MeetingDetail } from '../../../shared/api/meetingSchemas';
import { notFound } from '../../../shared/api/errors';
import { bump, inMeeting, meetingRow } from './meetingRows';
import { getMeeting } from './meetingDetail';

export function markAttendance(db: Db, ctx: WriteContext, args: MethodArgs<'attendance.mark'>): MeetingDetail {
  const { id, status } = args;
  const r = db.prepare('SELECT meeting_id FROM attendance WHERE id = ?').get(id) as { meeting_id: number } | undefined;
  if (!r) throw notFound('That attendee is no longer on this meeting. Reload the page.');
  auditedUpdate(db, inMeeting(ctx, r.meeting_id), 'attendance', { entity: 'attendance' }, id, { status });
  bump(db, r.meeting_id);
  return getMeeting(db, r.meeting_id);
}

export function addAttendee(db: Db, ctx: WriteContext, f: MethodArgs<'attendance.add'>): MeetingDetail {
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
  return getMeeting(db, f.meetingId);
}
