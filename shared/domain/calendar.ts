/**
 * The term calendar: academic years, half terms, INSET days and bank holidays, so that time limits
 * counted in school days (10 school days of enquiries, 20 school days before deletion from roll,
 * 15 school days for a CTF — DOMAIN.md "Time limits") can be worked out. Pure: every function takes
 * the calendar as an argument and never reads the clock.
 */
import { type IsoDate, addDays, dayOfWeek, formatUk, fromParts, isIsoDate, isoParts } from './dates';
import { schoolYearStartYear } from './schoolAge';

/** One half term (Autumn 1 … Summer 2). The gaps between terms are holidays and half-term breaks. */
export interface Term {
  /** E.g. 'Autumn 1'. */
  name: string;
  /** First day of the half term (inclusive). */
  starts: IsoDate;
  /** Last day of the half term (inclusive). */
  ends: IsoDate;
}

export type ClosureKind = 'inset' | 'bank_holiday' | 'other';

/** A weekday inside a term on which the schools are shut. */
export interface Closure {
  date: IsoDate;
  kind: ClosureKind;
  label: string;
}

export interface AcademicYear {
  /** E.g. '2026/27'. */
  label: string;
  terms: Term[];
  closures: Closure[];
}

export interface TermCalendar {
  years: AcademicYear[];
}

export const DEFAULT_CALENDAR_NOTE =
  'These are typical dates for England. Check them against your local authority’s published term dates.';

/**
 * A sensible default for England for 2025/26 and 2026/27 (so that school-day clocks work for
 * recent referrals as well as for the coming year). Each year has two INSET days (the first day
 * of the autumn term and the first day back after the February half term) and lists the bank
 * holidays between its first and last day of term — most fall in holidays, which is harmless.
 * See DEFAULT_CALENDAR_NOTE: a local authority should replace these with its own dates.
 */
export function defaultCalendar2026_27(): TermCalendar {
  return {
    years: [
      {
        label: '2025/26',
        terms: [
          { name: 'Autumn 1', starts: '2025-09-03', ends: '2025-10-24' },
          { name: 'Autumn 2', starts: '2025-11-03', ends: '2025-12-19' },
          { name: 'Spring 1', starts: '2026-01-05', ends: '2026-02-13' },
          { name: 'Spring 2', starts: '2026-02-23', ends: '2026-03-27' },
          { name: 'Summer 1', starts: '2026-04-13', ends: '2026-05-22' },
          { name: 'Summer 2', starts: '2026-06-01', ends: '2026-07-22' },
        ],
        closures: [
          { date: '2025-09-03', kind: 'inset', label: 'INSET day' },
          { date: '2025-12-25', kind: 'bank_holiday', label: 'Christmas Day' },
          { date: '2025-12-26', kind: 'bank_holiday', label: 'Boxing Day' },
          { date: '2026-01-01', kind: 'bank_holiday', label: 'New Year’s Day' },
          { date: '2026-02-23', kind: 'inset', label: 'INSET day' },
          { date: '2026-04-03', kind: 'bank_holiday', label: 'Good Friday' },
          { date: '2026-04-06', kind: 'bank_holiday', label: 'Easter Monday' },
          { date: '2026-05-04', kind: 'bank_holiday', label: 'Early May bank holiday' },
          { date: '2026-05-25', kind: 'bank_holiday', label: 'Spring bank holiday' },
        ],
      },
      {
        label: '2026/27',
        terms: [
          { name: 'Autumn 1', starts: '2026-09-02', ends: '2026-10-23' },
          { name: 'Autumn 2', starts: '2026-11-02', ends: '2026-12-18' },
          { name: 'Spring 1', starts: '2027-01-04', ends: '2027-02-12' },
          { name: 'Spring 2', starts: '2027-02-22', ends: '2027-03-25' },
          { name: 'Summer 1', starts: '2027-04-12', ends: '2027-05-28' },
          { name: 'Summer 2', starts: '2027-06-07', ends: '2027-07-21' },
        ],
        closures: [
          { date: '2026-09-02', kind: 'inset', label: 'INSET day' },
          { date: '2026-12-25', kind: 'bank_holiday', label: 'Christmas Day' },
          { date: '2026-12-28', kind: 'bank_holiday', label: 'Boxing Day (substitute day)' },
          { date: '2027-01-01', kind: 'bank_holiday', label: 'New Year’s Day' },
          { date: '2027-02-22', kind: 'inset', label: 'INSET day' },
          { date: '2027-03-26', kind: 'bank_holiday', label: 'Good Friday' },
          { date: '2027-03-29', kind: 'bank_holiday', label: 'Easter Monday' },
          { date: '2027-05-03', kind: 'bank_holiday', label: 'Early May bank holiday' },
          { date: '2027-05-31', kind: 'bank_holiday', label: 'Spring bank holiday' },
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Internals

interface PlacedTerm {
  year: AcademicYear;
  term: Term;
}

/** First and last day a year "covers": 1 September – 31 August of its school year, widened to its terms. */
function yearSpan(year: AcademicYear): { from: IsoDate; to: IsoDate } | null {
  const valid = year.terms.filter((t) => isIsoDate(t.starts) && isIsoDate(t.ends));
  if (valid.length === 0) return null;
  let first = valid[0]!.starts;
  let last = valid[0]!.ends;
  for (const t of valid) {
    if (t.starts < first) first = t.starts;
    if (t.ends > last) last = t.ends;
  }
  const startYear = schoolYearStartYear(first);
  const sep1 = fromParts(startYear, 9, 1);
  const aug31 = fromParts(startYear + 1, 8, 31);
  return { from: first < sep1 ? first : sep1, to: last > aug31 ? last : aug31 };
}

/** A calendar prepared for repeated look-ups. */
interface CalendarIndex {
  terms: PlacedTerm[]; // sorted by start date
  closures: Set<IsoDate>;
  spans: { from: IsoDate; to: IsoDate }[];
}

function indexCalendar(calendar: TermCalendar): CalendarIndex {
  const terms: PlacedTerm[] = [];
  const closures = new Set<IsoDate>();
  const spans: { from: IsoDate; to: IsoDate }[] = [];
  for (const year of calendar.years) {
    for (const term of year.terms) {
      if (isIsoDate(term.starts) && isIsoDate(term.ends) && term.starts <= term.ends) terms.push({ year, term });
    }
    for (const c of year.closures) closures.add(c.date);
    const span = yearSpan(year);
    if (span) spans.push(span);
  }
  terms.sort((a, b) => (a.term.starts < b.term.starts ? -1 : a.term.starts > b.term.starts ? 1 : 0));
  return { terms, closures, spans };
}

function covers(index: CalendarIndex, date: IsoDate): boolean {
  return index.spans.some((s) => date >= s.from && date <= s.to);
}

function placedTermContaining(index: CalendarIndex, date: IsoDate): PlacedTerm | null {
  return index.terms.find((p) => date >= p.term.starts && date <= p.term.ends) ?? null;
}

function schoolDay(index: CalendarIndex, date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) return false;
  if (index.closures.has(date)) return false;
  return placedTermContaining(index, date) !== null;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * True when `date` falls in one of the calendar's academic years (1 September – 31 August of the
 * school year of its terms, widened to the terms themselves). Outside that, the calendar cannot say
 * whether a day is a school day: callers should warn that the term dates need adding.
 */
export function calendarCovers(date: IsoDate, calendar: TermCalendar): boolean {
  isoParts(date);
  return covers(indexCalendar(calendar), date);
}

/**
 * The first and last day the calendar covers (see calendarCovers), or null for a calendar with no
 * usable terms. Years need not be contiguous: a day between two covered years is not covered.
 */
export function calendarRange(calendar: TermCalendar): { from: IsoDate; to: IsoDate } | null {
  const { spans } = indexCalendar(calendar);
  let range: { from: IsoDate; to: IsoDate } | null = null;
  for (const s of spans) {
    if (range === null) range = { ...s };
    else {
      if (s.from < range.from) range.from = s.from;
      if (s.to > range.to) range.to = s.to;
    }
  }
  return range;
}

/** Monday–Friday, inside a term, and not a closure (INSET, bank holiday…). False outside the calendar. */
export function isSchoolDay(date: IsoDate, calendar: TermCalendar): boolean {
  isoParts(date);
  return schoolDay(indexCalendar(calendar), date);
}

/**
 * The date `n` school days after `date` (n ≥ 0, whole). The day itself does not count when n > 0:
 * from Monday 5 January 2026, 1 school day later is Tuesday 6 January. n = 0 gives `date` itself
 * if it is a school day, otherwise the next school day. Throws a RangeError when the count runs
 * past a day the calendar does not cover (add the next year's term dates).
 */
export function addSchoolDays(date: IsoDate, n: number, calendar: TermCalendar): IsoDate {
  isoParts(date);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addSchoolDays needs a whole number of days ≥ 0, got ${n}`);
  const index = indexCalendar(calendar);
  const offEnd = (d: IsoDate): RangeError =>
    new RangeError(
      `The term calendar does not cover ${formatUk(d)}, so ${n} school day${n === 1 ? '' : 's'} from ${formatUk(date)} ` +
        `cannot be counted. Add the term dates for that academic year.`,
    );
  let d = date;
  let remaining = n;
  if (n === 0) {
    if (!covers(index, d)) throw offEnd(d);
    while (!schoolDay(index, d)) {
      d = addDays(d, 1);
      if (!covers(index, d)) throw offEnd(d);
    }
    return d;
  }
  while (remaining > 0) {
    d = addDays(d, 1);
    if (!covers(index, d)) throw offEnd(d);
    if (schoolDay(index, d)) remaining -= 1;
  }
  return d;
}

/**
 * School days after `from` up to and including `to`; 0 when `to` ≤ `from`. Days the calendar does
 * not cover are not school days (use calendarCovers to warn), so this never throws for valid dates.
 */
export function schoolDaysBetween(from: IsoDate, to: IsoDate, calendar: TermCalendar): number {
  isoParts(from);
  isoParts(to);
  if (to <= from) return 0;
  const index = indexCalendar(calendar);
  // Only days inside terms can count: skip straight to the first term that ends after `from`.
  let count = 0;
  for (const { term } of index.terms) {
    if (term.ends <= from || term.starts > to) continue;
    let d = term.starts > from ? term.starts : addDays(from, 1);
    const last = term.ends < to ? term.ends : to;
    while (d <= last) {
      if (schoolDay(index, d)) count += 1;
      d = addDays(d, 1);
    }
  }
  return count;
}

/** The half term containing `date` (holidays and half-term breaks: null), with its academic year. */
export function termContaining(date: IsoDate, calendar: TermCalendar): { year: AcademicYear; term: Term } | null {
  isoParts(date);
  const found = placedTermContaining(indexCalendar(calendar), date);
  return found ? { year: found.year, term: found.term } : null;
}

/** Half terms overlapping `from`..`to` (inclusive), in date order; [] when `to` is before `from`. */
export function halfTermsBetween(from: IsoDate, to: IsoDate, calendar: TermCalendar): Term[] {
  isoParts(from);
  isoParts(to);
  if (to < from) return [];
  return indexCalendar(calendar)
    .terms.filter(({ term }) => term.starts <= to && term.ends >= from)
    .map(({ term }) => term);
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const KIND_LABELS: Readonly<Record<ClosureKind, string>> = {
  inset: 'INSET day',
  bank_holiday: 'Bank holiday',
  other: 'Closure',
};

/**
 * Problems with a calendar, in words an administrator can act on; [] when it is usable.
 * Checks: dates are real; each term ends on or after it starts; no two terms overlap (across years
 * too); every closure lies within its own academic year's terms. An INSET day or other closure must
 * fall inside a term on a weekday (anywhere else it is a mistake); a bank holiday may fall in a
 * holiday between terms (a national list can be pasted in whole) but not outside the year's first
 * to last day of term.
 */
export function validateCalendar(calendar: TermCalendar): string[] {
  const problems: string[] = [];
  if (calendar.years.length === 0) {
    problems.push('The calendar has no academic years.');
    return problems;
  }
  const labels = new Set<string>();
  const placed: PlacedTerm[] = [];
  for (const year of calendar.years) {
    const y = year.label.trim() === '' ? 'An academic year with no label' : year.label;
    if (labels.has(year.label)) problems.push(`${y} appears more than once.`);
    labels.add(year.label);
    if (year.terms.length === 0) problems.push(`${y} has no terms.`);

    const goodTerms: Term[] = [];
    for (const term of year.terms) {
      const t = `${y} ${term.name}`;
      let ok = true;
      if (!isIsoDate(term.starts)) {
        problems.push(`${t}: start date ${JSON.stringify(term.starts)} is not a real date.`);
        ok = false;
      }
      if (!isIsoDate(term.ends)) {
        problems.push(`${t}: end date ${JSON.stringify(term.ends)} is not a real date.`);
        ok = false;
      }
      if (ok && term.ends < term.starts) {
        problems.push(`${t} ends (${formatUk(term.ends)}) before it starts (${formatUk(term.starts)}).`);
        ok = false;
      }
      if (ok) {
        goodTerms.push(term);
        placed.push({ year, term });
      }
    }

    const first = goodTerms.reduce<IsoDate | null>((m, t) => (m === null || t.starts < m ? t.starts : m), null);
    const last = goodTerms.reduce<IsoDate | null>((m, t) => (m === null || t.ends > m ? t.ends : m), null);
    const seen = new Set<IsoDate>();
    for (const c of year.closures) {
      const what = `${KIND_LABELS[c.kind] ?? 'Closure'}${c.label.trim() !== '' ? ` (${c.label})` : ''}`;
      if (!isIsoDate(c.date)) {
        problems.push(`${y}: ${what} has a date ${JSON.stringify(c.date)} that is not a real date.`);
        continue;
      }
      const on = `${what} on ${formatUk(c.date)}`;
      if (seen.has(c.date)) problems.push(`${y}: ${formatUk(c.date)} is listed as a closure more than once.`);
      seen.add(c.date);
      const inTerm = goodTerms.some((t) => c.date >= t.starts && c.date <= t.ends);
      const inYear = first !== null && last !== null && c.date >= first && c.date <= last;
      if (c.kind === 'bank_holiday') {
        if (!inYear) problems.push(`${y}: ${on} is outside the year's terms.`);
      } else {
        if (!inTerm) problems.push(`${y}: ${on} is not in any term.`);
        const dow = dayOfWeek(c.date);
        if (dow === 0 || dow === 6) problems.push(`${y}: ${on} is a ${DAY_NAMES[dow]}.`);
      }
    }
  }

  placed.sort((a, b) => (a.term.starts < b.term.starts ? -1 : a.term.starts > b.term.starts ? 1 : 0));
  for (let i = 0; i < placed.length; i += 1) {
    const a = placed[i]!;
    for (let j = i + 1; j < placed.length; j += 1) {
      const b = placed[j]!;
      if (b.term.starts > a.term.ends) break;
      problems.push(
        `${a.year.label} ${a.term.name} (${formatUk(a.term.starts)}–${formatUk(a.term.ends)}) overlaps ` +
          `${b.year.label} ${b.term.name} (${formatUk(b.term.starts)}–${formatUk(b.term.ends)}).`,
      );
    }
  }
  return problems;
}
