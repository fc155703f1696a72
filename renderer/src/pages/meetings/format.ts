/**
 * Words and grouping for the meetings screens. Pure: no React, no calls, no clock (today is an argument).
 */
import type { Attendee, MeetingStatus, MeetingSummary } from '../../../../shared/api/meetingSchemas';
import type { Cadence } from '../../../../shared/api/meetingSchemas';
import { dayOfWeek, formatUk, isIsoDate } from '../../../../shared/domain/dates';

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Monday to Friday, as the contract's cadence weekdays (1 = Monday … 5 = Friday). */
export const SCHOOL_WEEKDAYS = [1, 2, 3, 4, 5].map((n) => ({ code: String(n), label: WEEKDAY_NAMES[n]! }));

export const NTH_OPTIONS = [
  { code: '1', label: '1st' },
  { code: '2', label: '2nd' },
  { code: '3', label: '3rd' },
  { code: '4', label: '4th' },
  { code: '-1', label: 'Last' },
] as const;

export const STATUS_LABELS: Readonly<Record<MeetingStatus, string>> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  draft: 'Draft minutes',
  approved: 'Approved',
};

export const STATUS_PILL: Readonly<Record<MeetingStatus, string>> = {
  scheduled: 'pill',
  in_progress: 'pill pill-alert',
  draft: 'pill pill-warn',
  approved: 'pill pill-ok',
};

/** "Tue 10/02/2026"; the ISO text itself when it is not a date. */
export function weekdayDate(iso: string): string {
  if (!isIsoDate(iso)) return iso;
  return `${WEEKDAY_NAMES[dayOfWeek(iso)]!.slice(0, 3)} ${formatUk(iso)}`;
}

/** "Tuesday 10/02/2026". */
export function longWeekdayDate(iso: string): string {
  if (!isIsoDate(iso)) return iso;
  return `${WEEKDAY_NAMES[dayOfWeek(iso)]!} ${formatUk(iso)}`;
}

function ordinal(nth: number): string {
  return nth === -1 ? 'last' : (NTH_OPTIONS.find((o) => o.code === String(nth))?.label ?? `${nth}th`);
}

/** The cadence in words, e.g. "Monthly, 2nd Tuesday (moved to the next school day in holidays)". */
export function describeCadence(c: Cadence): string {
  const day = WEEKDAY_NAMES[c.weekday] ?? `day ${c.weekday}`;
  if (c.kind === 'monthly_nth_weekday') return `Monthly, ${ordinal(c.nth)} ${day} (moved to the next school day in holidays)`;
  return `Half-termly, ${day} of week ${c.weekOfHalfTerm}`;
}

export interface MeetingGroups {
  upcoming: MeetingSummary[];
  inProgress: MeetingSummary[];
  draft: MeetingSummary[];
  approved: MeetingSummary[];
}

const when = (m: MeetingSummary) => `${m.date}T${m.time}`;
const soonest = (a: MeetingSummary, b: MeetingSummary) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : a.id - b.id);
const newest = (a: MeetingSummary, b: MeetingSummary) => -soonest(a, b);

/** Scheduled soonest first; in progress soonest first; draft minutes and approved newest first. */
export function groupMeetings(list: readonly MeetingSummary[]): MeetingGroups {
  const by = (s: MeetingStatus) => list.filter((m) => m.status === s);
  return {
    upcoming: by('scheduled').sort(soonest),
    inProgress: by('in_progress').sort(soonest),
    draft: by('draft').sort(newest),
    approved: by('approved').sort(newest),
  };
}

/** "7 present · 2 apologies · 1 absent", and "· 3 not yet marked" while any are. */
export function attendanceCounts(list: readonly Pick<Attendee, 'status'>[]): string {
  const n = (s: Attendee['status']) => list.filter((a) => a.status === s).length;
  const apologies = n('apologies');
  const open = n('not_marked');
  return `${n('present')} present · ${apologies} ${apologies === 1 ? 'apology' : 'apologies'} · ${n('absent')} absent${open > 0 ? ` · ${open} not yet marked` : ''}`;
}

/** What a row in the attendance table says about the person's part: "Deputy for Inclusion Manager", "Guest". */
export function attendeeKind(a: Pick<Attendee, 'kind' | 'deputyFor'>): string | null {
  if (a.kind === 'deputy') return a.deputyFor ? `Deputy for ${a.deputyFor}` : 'Deputy';
  if (a.kind === 'guest') return 'Guest';
  return null;
}

const AMENDED_FIELDS: Readonly<Record<string, string>> = { discussion: 'Discussion', decisions: 'Decisions', outcomeDetail: 'Outcome detail', outcome_detail: 'Outcome detail' };
/** The name of an amended minutes field as a person reads it. */
export function amendedFieldLabel(field: string): string {
  return AMENDED_FIELDS[field] ?? field;
}
