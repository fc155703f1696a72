/**
 * What may be done to a meeting in each state (DOMAIN.md "Meetings"): scheduled → in progress →
 * draft minutes (closed) → approved minutes (locked; changed only by an amendment with a reason,
 * seed 000 §7 "approve the minutes of the previous meeting"). One table instead of checks spread
 * over the services: a cell is null when the act is allowed, else the message to show.
 */
export const MEETING_STATUSES = ['scheduled', 'in_progress', 'draft', 'approved'] as const;
export type MeetingState = (typeof MEETING_STATUSES)[number];

export type MeetingAct = 'editDetails' | 'editAgenda' | 'start' | 'record' | 'close' | 'approve' | 'amend';

const LOCKED = 'These minutes are approved and locked. Record an amendment with a reason instead.';
const AGENDA_CLOSED = 'This meeting has closed, so its agenda can no longer change. Add the case to the next meeting instead.';
const ALREADY_CLOSED = 'This meeting is already closed.';
const NOT_LOCKED = 'These minutes are not locked yet: edit them directly.';
const CLOSE_FIRST = 'Only closed meetings have minutes to approve: close the meeting first.';

export const MEETING_STATUS_RULES: Readonly<Record<MeetingAct, Readonly<Record<MeetingState, string | null>>>> = {
  editDetails: { scheduled: null, in_progress: null, draft: null, approved: LOCKED },
  editAgenda: { scheduled: null, in_progress: null, draft: AGENDA_CLOSED, approved: AGENDA_CLOSED },
  start: { scheduled: null, in_progress: null, draft: ALREADY_CLOSED, approved: ALREADY_CLOSED },
  record: { scheduled: 'Start the meeting before recording decisions.', in_progress: null, draft: null, approved: LOCKED },
  close: { scheduled: 'This meeting has not started.', in_progress: null, draft: ALREADY_CLOSED, approved: ALREADY_CLOSED },
  approve: { scheduled: CLOSE_FIRST, in_progress: CLOSE_FIRST, draft: null, approved: 'These minutes are already approved.' },
  amend: { scheduled: NOT_LOCKED, in_progress: NOT_LOCKED, draft: NOT_LOCKED, approved: null },
};

/** Why `act` cannot be done to a meeting in `status` (null when it can). */
export function meetingStatusProblem(act: MeetingAct, status: MeetingState): string | null {
  return MEETING_STATUS_RULES[act][status];
}
