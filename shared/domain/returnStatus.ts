/**
 * Half terms for returns, and each school's return status for one (000 §11: a return each half term;
 * 002: Ealing collects in November and April plus ad-hoc updates, so several returns in a half term
 * are allowed and the latest counts). A return is due by the last day of its half term; a school
 * with nothing received after that is on the chase list. Pure.
 */
import { type IsoDate, compareIso, diffDays, formatUk } from './dates';
import type { TermCalendar } from './calendar';

export interface HalfTerm {
  /** Stable key, e.g. "2026/27 Autumn 2". */
  key: string;
  label: string;
  starts: IsoDate;
  ends: IsoDate;
}

/** Every half term in the calendar, in date order. */
export function halfTerms(calendar: TermCalendar): HalfTerm[] {
  const out: HalfTerm[] = [];
  for (const y of calendar.years) for (const t of y.terms) out.push({ key: `${y.label} ${t.name}`, label: `${t.name} ${y.label}`, starts: t.starts, ends: t.ends });
  return out.sort((a, b) => compareIso(a.starts, b.starts));
}

/** The half term in progress on `date`, or in a holiday the one just ended (null before the calendar starts). */
export function currentHalfTerm(date: IsoDate, calendar: TermCalendar): HalfTerm | null {
  let found: HalfTerm | null = null;
  for (const h of halfTerms(calendar)) if (compareIso(h.starts, date) <= 0) found = h;
  return found;
}

/** The half term before `key` in the calendar, or null. */
export function previousHalfTerm(key: string, calendar: TermCalendar): HalfTerm | null {
  const all = halfTerms(calendar);
  const i = all.findIndex((h) => h.key === key);
  return i > 0 ? all[i - 1]! : null;
}

export type ReturnState = 'received' | 'nil' | 'missing' | 'not_yet_due';

export const RETURN_STATE_LABELS: Readonly<Record<ReturnState, string>> = {
  received: 'Received',
  nil: 'Nil return',
  missing: 'Missing',
  not_yet_due: 'Not yet received',
};

/**
 * A school's state for a half term from what it sent (kinds of its imported, not undone, returns):
 * a return with pupils beats a nil return; nothing by the end of the half term is missing.
 */
export function returnState(sent: readonly ('return' | 'nil')[], half: HalfTerm, today: IsoDate): ReturnState {
  if (sent.includes('return')) return 'received';
  if (sent.includes('nil')) return 'nil';
  return compareIso(today, half.ends) > 0 ? 'missing' : 'not_yet_due';
}

/** "Due 18/12/2026, 12 days overdue" for the chase list. */
export function chaseText(half: HalfTerm, today: IsoDate): string {
  const late = diffDays(half.ends, today);
  return late > 0 ? `Due ${formatUk(half.ends)}, ${late} ${late === 1 ? 'day' : 'days'} overdue` : `Due ${formatUk(half.ends)}`;
}
