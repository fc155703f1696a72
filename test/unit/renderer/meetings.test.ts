import { describe, expect, it } from 'vitest';
import type { MeetingSummary } from '../../../shared/api/meetingSchemas';
import {
  amendedFieldLabel,
  attendanceCounts,
  attendeeKind,
  describeCadence,
  groupMeetings,
  longWeekdayDate,
  weekdayDate,
} from '../../../renderer/src/pages/meetings/format';

const meeting = (id: number, status: MeetingSummary['status'], date: string, time = '10:00'): MeetingSummary => ({
  id,
  panelId: 1,
  panelName: 'CME panel',
  register: 'CME',
  date,
  time,
  venue: null,
  onlineLink: null,
  status,
  caseItems: 0,
  approvedOn: null,
});

describe('weekdayDate', () => {
  it('shows the short weekday and the date as dd/mm/yyyy', () => {
    expect(weekdayDate('2026-02-10')).toBe('Tue 10/02/2026');
    expect(longWeekdayDate('2026-02-10')).toBe('Tuesday 10/02/2026');
  });
  it('leaves text that is not a date alone', () => {
    expect(weekdayDate('soon')).toBe('soon');
  });
});

describe('describeCadence', () => {
  it('describes a monthly cadence', () => {
    expect(describeCadence({ kind: 'monthly_nth_weekday', weekday: 2, nth: 2 })).toBe('Monthly, 2nd Tuesday (moved to the next school day in holidays)');
    expect(describeCadence({ kind: 'monthly_nth_weekday', weekday: 5, nth: -1 })).toBe('Monthly, last Friday (moved to the next school day in holidays)');
  });
  it('describes a half-termly cadence', () => {
    expect(describeCadence({ kind: 'half_termly', weekOfHalfTerm: 3, weekday: 3 })).toBe('Half-termly, Wednesday of week 3');
  });
});

describe('groupMeetings', () => {
  const list = [
    meeting(1, 'scheduled', '2026-04-14'),
    meeting(2, 'approved', '2026-01-13'),
    meeting(3, 'scheduled', '2026-03-10', '14:00'),
    meeting(4, 'draft', '2026-02-10'),
    meeting(5, 'approved', '2025-12-09'),
    meeting(6, 'in_progress', '2026-03-03'),
    meeting(7, 'scheduled', '2026-03-10', '09:30'),
  ];
  it('puts scheduled meetings soonest first (date, then time)', () => {
    expect(groupMeetings(list).upcoming.map((m) => m.id)).toEqual([7, 3, 1]);
  });
  it('puts approved and draft minutes newest first', () => {
    const g = groupMeetings(list);
    expect(g.approved.map((m) => m.id)).toEqual([2, 5]);
    expect(g.draft.map((m) => m.id)).toEqual([4]);
    expect(g.inProgress.map((m) => m.id)).toEqual([6]);
  });
  it('does not change the list it is given', () => {
    const copy = [...list];
    groupMeetings(list);
    expect(list).toEqual(copy);
  });
});

describe('attendance', () => {
  it('counts present, apologies and absent', () => {
    const s = (status: 'present' | 'apologies' | 'absent') => ({ status });
    expect(attendanceCounts([s('present'), s('present'), s('apologies'), s('apologies'), s('absent')])).toBe('2 present · 2 apologies · 1 absent');
    expect(attendanceCounts([s('apologies')])).toBe('0 present · 1 apology · 0 absent');
    expect(attendanceCounts([])).toBe('0 present · 0 apologies · 0 absent');
  });
  it('says who a deputy stands in for', () => {
    expect(attendeeKind({ kind: 'deputy', deputyFor: 'Priya Shah' })).toBe('Deputy for Priya Shah');
    expect(attendeeKind({ kind: 'deputy', deputyFor: null })).toBe('Deputy');
    expect(attendeeKind({ kind: 'guest', deputyFor: null })).toBe('Guest');
    expect(attendeeKind({ kind: 'member', deputyFor: null })).toBeNull();
  });
});

describe('amendedFieldLabel', () => {
  it('names the minutes fields', () => {
    expect(amendedFieldLabel('outcomeDetail')).toBe('Outcome detail');
    expect(amendedFieldLabel('other')).toBe('other');
  });
});
