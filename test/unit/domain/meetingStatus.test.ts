import { describe, expect, it } from 'vitest';
import { MEETING_STATUSES, meetingStatusProblem, type MeetingAct, type MeetingState } from '../../../shared/domain/meetingStatus';

// Which acts each state allows (DOMAIN.md "Meetings"; seed 000 §7): ✓ allowed, ✗ refused with a message.
const ALLOWED: Record<MeetingAct, Record<MeetingState, boolean>> = {
  editDetails: { scheduled: true, in_progress: true, draft: true, approved: false },
  editAgenda: { scheduled: true, in_progress: true, draft: false, approved: false },
  start: { scheduled: true, in_progress: true, draft: false, approved: false },
  record: { scheduled: false, in_progress: true, draft: true, approved: false },
  close: { scheduled: false, in_progress: true, draft: false, approved: false },
  approve: { scheduled: false, in_progress: false, draft: true, approved: false },
  amend: { scheduled: false, in_progress: false, draft: false, approved: true },
};

describe('meetingStatusProblem: one table of what each meeting state allows', () => {
  const cases = (Object.keys(ALLOWED) as MeetingAct[]).flatMap((act) => MEETING_STATUSES.map((status) => [act, status, ALLOWED[act][status]] as const));
  it.each(cases)('%s when %s: allowed %s', (act, status, allowed) => {
    const problem = meetingStatusProblem(act, status);
    if (allowed) expect(problem).toBeNull();
    else expect(problem).toMatch(/\.$/);
  });

  it('says what to do instead', () => {
    expect(meetingStatusProblem('record', 'approved')).toBe('These minutes are approved and locked. Record an amendment with a reason instead.');
    expect(meetingStatusProblem('approve', 'in_progress')).toBe('Only closed meetings have minutes to approve: close the meeting first.');
  });
});
