/**
 * The clocks of shared/domain as date cut-offs, so a count over 50,000 cases can be one indexed
 * SQL comparison (issue 12) while the rule stays defined once, in clocks.ts and schoolAge.ts.
 * Each clock here is monotone in its input date (a case notified earlier becomes due no later),
 * so the set of dates for which it has been reached by `today` is every date up to a cut-off; the
 * cut-off is found by asking the rule itself (binary search), never by restating it. Tests check
 * the SQL form against the function on the dates around each boundary (clockCutoffs.test.ts).
 */
import { addDays, diffDays, type IsoDate } from './dates';
import { dueForPanelOn, longTermFrom } from './clocks';
import { compulsorySchoolAge } from './schoolAge';

/** Span searched: 30 years before `today` to `today` (no child or open case lies outside it). */
const SPAN_DAYS = 366 * 30;

/**
 * The latest date d in (today − SPAN_DAYS, today] with `reached(d)` true, or the day before the span
 * when none is; `reached` must be true for every date up to some point and false after it.
 */
export function latestDateReached(today: IsoDate, reached: (d: IsoDate) => boolean): IsoDate {
  const first = addDays(today, -SPAN_DAYS);
  if (!reached(first)) return addDays(first, -1);
  let lo = 0; // reached(first + lo)
  let hi = diffDays(first, today) + 1; // past the end (today + 1: nothing later can have been reached)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reached(addDays(first, mid))) lo = mid;
    else hi = mid;
  }
  return addDays(first, lo);
}

/** Latest notification date of a CME case that is due for panel today by the clock (isDueForPanel, 000 §7). */
export const dueForPanelNotifiedBy = (today: IsoDate): IsoDate => latestDateReached(today, (d) => today >= dueForPanelOn(d));

/** Latest notification date of an open case that is long-term today (isLongTerm, 001 §6.2). */
export const longTermNotifiedBy = (today: IsoDate): IsoDate => latestDateReached(today, (d) => today >= longTermFrom(d));

/** Latest date of birth of a child past the end of compulsory school age today (endOfCompulsorySchoolAgeReached). */
export const endOfCsaBornBy = (today: IsoDate): IsoDate => latestDateReached(today, (d) => today >= compulsorySchoolAge(d).ends);
