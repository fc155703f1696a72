import { describe, it, expect } from 'vitest';
import { attendanceNotRecorded, isUnrecordedMember } from '../../../shared/domain/attendance';

describe('attendance not recorded', () => {
  it('counts the members and deputies nobody marked, of all members; guests are not members', () => {
    const attendance = [
      { kind: 'member', status: 'not_marked' },
      { kind: 'member', status: 'present' },
      { kind: 'member', status: 'apologies' },
      { kind: 'member', status: 'absent' },
      { kind: 'deputy', status: 'not_marked' },
      { kind: 'guest', status: 'not_marked' },
    ];
    expect(attendanceNotRecorded(attendance)).toEqual({ notRecorded: 2, members: 5 });
    expect(attendance.filter(isUnrecordedMember)).toHaveLength(2);
  });

  it('is all of them when nothing is marked, and none when there is no one', () => {
    const seven = Array.from({ length: 7 }, () => ({ kind: 'member', status: 'not_marked' }));
    expect(attendanceNotRecorded(seven)).toEqual({ notRecorded: 7, members: 7 });
    expect(attendanceNotRecorded([])).toEqual({ notRecorded: 0, members: 0 });
  });
});
