/**
 * Meeting dates generated from a panel's cadence: the CME panel meets monthly (e.g. the second
 * Tuesday), the PMOE panel half-termly (DOMAIN.md "Two registers, two panels"). Pure and
 * deterministic: the term calendar and the start date are arguments.
 */
import { type IsoDate, addDays, daysInMonth, dayOfWeek, fromParts, isoParts } from './dates';
import { type TermCalendar, calendarRange, isSchoolDay, halfTermsBetween } from './calendar';

export type Cadence =
  | {
      kind: 'monthly_nth_weekday';
      /** 0 = Sunday … 6 = Saturday. */
      weekday: number;
      /** 1st–4th, or -1 for the last. */
      nth: 1 | 2 | 3 | 4 | -1;
    }
  | {
      kind: 'half_termly';
      /** 1-based school week within each half term; week 1 is the (Monday–Sunday) week containing the term's first day. */
      weekOfHalfTerm: number;
      /** 0 = Sunday … 6 = Saturday. */
      weekday: number;
    };

export interface ScheduleOptions {
  /** Meetings on or after this date. */
  from: IsoDate;
  /** How many meeting dates to return (fewer if the calendar runs out). */
  count: number;
  calendar: TermCalendar;
  /** Meetings already booked: never returned again, and they do not count towards `count`. */
  existing?: IsoDate[];
}

function checkWeekday(weekday: number): void {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new RangeError(`weekday must be 0 (Sunday) to 6 (Saturday), got ${weekday}`);
  }
}

/** The nth `weekday` (0 = Sunday … 6 = Saturday) of `month` (1..12); nth = -1 is the last. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: 1 | 2 | 3 | 4 | -1): IsoDate {
  checkWeekday(weekday);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1 to 12, got ${month}`);
  if (![1, 2, 3, 4, -1].includes(nth)) throw new RangeError(`nth must be 1, 2, 3, 4 or -1 (last), got ${nth}`);
  if (nth === -1) {
    const last = fromParts(year, month, daysInMonth(year, month));
    return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
  }
  const first = fromParts(year, month, 1);
  return addDays(first, (weekday - dayOfWeek(first) + 7) % 7 + (nth - 1) * 7);
}

/** The first school day on or after `date` and on or before `limit`, or null. */
function nextSchoolDayUpTo(date: IsoDate, limit: IsoDate, calendar: TermCalendar): IsoDate | null {
  for (let d = date; d <= limit; d = addDays(d, 1)) {
    if (isSchoolDay(d, calendar)) return d;
  }
  return null;
}

/**
 * The next `count` meeting dates on or after `from`, in date order.
 *
 * Monthly (nth weekday): the nth weekday of each month; when that day is not a school day (holiday,
 * half term, INSET, bank holiday) the meeting moves to the next school day in the same month, and
 * a month with no school day left (e.g. August) has no meeting.
 *
 * Half-termly: one meeting per half term, on `weekday` of week `weekOfHalfTerm` (week 1 = the
 * Monday–Sunday week containing the term's first day). When that day is not a school day — or is
 * before the term starts — it moves forward to the next school day in the same half term; a half
 * term too short for the week asked for has no meeting.
 *
 * Dates in `existing` are never returned (and do not count). Generation stops at the end of the
 * calendar, so fewer than `count` dates come back when the term dates run out.
 */
export function generateSchedule(cadence: Cadence, options: ScheduleOptions): IsoDate[] {
  const { from, count, calendar } = options;
  isoParts(from);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  checkWeekday(cadence.weekday);
  const existing = new Set(options.existing ?? []);
  const out: IsoDate[] = [];
  const range = calendarRange(calendar);
  if (count === 0 || range === null || from > range.to) return out;

  const take = (d: IsoDate | null): void => {
    if (d === null || d < from || existing.has(d) || out.includes(d)) return;
    out.push(d);
  };

  if (cadence.kind === 'monthly_nth_weekday') {
    const start = isoParts(from > range.from ? from : range.from);
    let year = start.year;
    let month = start.month;
    while (out.length < count) {
      const monthStart = fromParts(year, month, 1);
      if (monthStart > range.to) break;
      const monthEnd = fromParts(year, month, daysInMonth(year, month));
      take(nextSchoolDayUpTo(nthWeekdayOfMonth(year, month, cadence.weekday, cadence.nth), monthEnd, calendar));
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
    return out;
  }

  const week = cadence.weekOfHalfTerm;
  if (!Number.isInteger(week) || week < 1) throw new RangeError(`weekOfHalfTerm must be a whole number ≥ 1, got ${week}`);
  for (const term of halfTermsBetween(from, range.to, calendar)) {
    if (out.length >= count) break;
    const week1Monday = addDays(term.starts, -((dayOfWeek(term.starts) + 6) % 7));
    const target = addDays(week1Monday, (week - 1) * 7 + ((cadence.weekday + 6) % 7));
    take(nextSchoolDayUpTo(target > term.starts ? target : term.starts, term.ends, calendar));
  }
  return out;
}
