import { useState } from 'react';
import type { ItemDetail, MeetingDetail } from '../../../../shared/api/meetingSchemas';
import { call } from '../../api/client';
import { ESCALATION_REASONS } from '../../../../shared/domain/escalation';
import { labelOf } from '../../../../shared/domain/vocab';
import { formatUk } from '../../lib/format';
import { UNNAMED_SEAT_NOTE, isUnnamedSeat } from '../../../../shared/domain/attendance';

const STATUS_LABEL = { not_marked: 'not yet marked', present: 'present', apologies: 'apologies', absent: 'absent' } as const;

/** What the minute-taker needs beside a standing item: attendance, the next meeting, a reminder of the keys. */
export function StandingInfo({ code, title, meeting, mattersArising, openEscalations = [] }: { code: string; title: string; meeting: MeetingDetail; mattersArising: number; openEscalations?: ItemDetail['openEscalations'] }) {
  const [approved, setApproved] = useState<string | null>(null);
  const [approveError, setApproveError] = useState<string | null>(null);
  const prev = meeting.previousMeeting;
  // The previous minutes are approved here, as a standing item, and locked from then on.
  const approvePrevious = async () => {
    if (!prev) return;
    try {
      const r = await call('meetings.approveMinutes', { id: prev.id, atMeetingId: meeting.meeting.id });
      setApproved(r.meeting.approvedOn);
      setApproveError(null);
    } catch (e) {
      setApproveError((e as Error).message);
    }
  };
  const present = meeting.attendance.filter((a) => a.status === 'present').length;
  const apologies = meeting.attendance.filter((a) => a.status === 'apologies').length;
  return (
    <section className="ck-card ck-summary" aria-label="Agenda item">
      <div className="ck-ref">Standing item</div>
      <h1 className="ck-name">{title}</h1>
      {code === 'welcome_apologies' ? (
        <div className="ck-block">
          <h3>Attendance <span className="count">{present} present · {apologies} apologies</span></h3>
          {meeting.attendance.length === 0 ? (
            <p className="muted small">No attendance recorded. Mark it on the meeting page.</p>
          ) : (
            <ul className="ck-attendance">
              {meeting.attendance.map((a) => (
                <li key={a.id}>
                  {attendeeLabel(a)}
                  <span className={`ck-att-status ck-att-${a.status}`}>{STATUS_LABEL[a.status]}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {code === 'previous_minutes' ? (
        <div className="ck-block">
          <h3>Last meeting</h3>
          <p className="small">
            {meeting.previousMeeting
              ? `${formatUk(meeting.previousMeeting.date)} — minutes ${meeting.previousMeeting.status === 'approved' ? 'approved' : 'to approve'}.`
              : 'No earlier meeting of this panel.'}{' '}
            {mattersArising === 0 ? 'No action from earlier meetings is waiting for review.' : `${mattersArising} ${mattersArising === 1 ? 'action' : 'actions'} from earlier meetings to review (D done, C carry forward).`}
          </p>
          {prev && prev.status === 'draft' && !approved ? (
            <button type="button" className="primary" onClick={() => void approvePrevious()}>
              Approve the minutes of {formatUk(prev.date)}
            </button>
          ) : null}
          {approved ? <p className="pill pill-ok" role="status">Minutes of {formatUk(prev?.date ?? null)} approved and locked.</p> : null}
          {approveError ? <p className="error-text" role="alert">{approveError}</p> : null}
        </div>
      ) : null}
      {code === 'escalations' ? (
        <div className="ck-block">
          <h3>Open escalations <span className="count">{openEscalations.length}</span></h3>
          {openEscalations.length === 0 ? <p className="muted small">No escalation on this register is awaiting a response.</p> : (
            <ul className="ck-attendance" aria-label="Open escalations">
              {openEscalations.map((e) => (
                <li key={e.id}>
                  <strong>{e.caseReference}</strong> — {labelOf(ESCALATION_REASONS, e.reason)}, level {e.level} ({e.levelTitle}), raised {formatUk(e.raisedOn)}, {e.ageDays} days
                  {e.responseOverdue ? <span className="pill pill-alert"> Response overdue</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {code === 'next_meeting' ? (
        <div className="ck-block">
          <h3>Next meeting</h3>
          <p>{meeting.nextMeeting ? `${formatUk(meeting.nextMeeting.date)} at ${meeting.nextMeeting.time}${meeting.nextMeeting.venue ? `, ${meeting.nextMeeting.venue}` : ''}` : 'Not booked yet: add it on the Meetings page.'}</p>
        </div>
      ) : null}
      <div className="ck-block ck-tips">
        <h3>Keys</h3>
        <p><kbd>N</kbd> notes · <kbd>J</kbd>/<kbd>K</kbd> next/previous item · <kbd>/</kbd> add a case · <kbd>P</kbd> projector · <kbd>?</kbd> all keys</p>
      </div>
    </section>
  );
}

/**
 * "Name · role, for X" (a role can carry its own brackets: "Chair (Systems Lead for Inclusion)").
 * A seat with no named officer is stored as "(Role)": it is listed by its role once, as
 * "Role · no one named", not "(Role) (Role)".
 */
function attendeeLabel(a: { name: string; role: string; kind: string; deputyFor: string | null }) {
  const extra = a.kind === 'deputy' && a.deputyFor ? `for ${a.deputyFor}` : a.kind === 'guest' ? 'guest' : '';
  const seatOnly = isUnnamedSeat(a);
  const note = [seatOnly ? UNNAMED_SEAT_NOTE : a.role, extra].filter(Boolean).join(', ');
  return (
    <>
      {seatOnly ? a.role : a.name}
      <span className="muted"> · {note}</span>
    </>
  );
}
