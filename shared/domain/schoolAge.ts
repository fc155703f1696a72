/**
 * Compulsory school age (CSA) and year groups (000_60e5703186df2ddd.txt §3,
 * 001_e0f19c1c146ffac1.txt §1.2; Education Act 1996 s8).
 */
import { type IsoDate, addDays, birthdayIn, fromParts, isoParts, lastFridayOfJune, lastMondayOfJune } from './dates';

/**
 * The rule this app uses for the end of compulsory school age.
 *
 * 000_60e5703186df2ddd.txt §3 (Bexley): "A child continues to be of compulsory school age until the
 * last Friday of June in the school year that they reach sixteen" (also the statutory school
 * leaving date). 001_e0f19c1c146ffac1.txt §1.2 (Barking & Dagenham) words it "the last Friday
 * before the last Monday in June" — the two differ whenever 30 June is a Friday, Saturday or
 * Sunday (e.g. 2028: last Friday 30 June, last Friday before the last Monday 23 June). This app
 * follows the last Friday in June; `lastFridayBeforeLastMondayOfJune` is kept only for comparison.
 */
export const CSA_END_RULE = 'last Friday in June of the school year in which the child turns 16';

/** Barking & Dagenham's wording (001 §1.2). Not used by the rules; see CSA_END_RULE. */
export function lastFridayBeforeLastMondayOfJune(year: number): IsoDate {
  return addDays(lastMondayOfJune(year), -3);
}

/** The calendar year in which the school year containing `iso` starts (school year 1 Sep – 31 Aug). */
export function schoolYearStartYear(iso: IsoDate): number {
  const { year, month } = isoParts(iso);
  return month >= 9 ? year : year - 1;
}

/** E.g. '2025/26' for any date from 2025-09-01 to 2026-08-31. */
export function schoolYearLabel(iso: IsoDate): string {
  const start = schoolYearStartYear(iso);
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

export interface CompulsorySchoolAge {
  /** First day of compulsory school age. */
  starts: IsoDate;
  /** The school leaving date: last day of compulsory school age (CSA_END_RULE). */
  ends: IsoDate;
}

/**
 * Start: the prescribed day (31 March, 31 August, 31 December) on or after the 5th birthday —
 * 5th birthday 1 Jan–31 Mar → 31 March; 1 Apr–31 Aug → 31 August; 1 Sep–31 Dec → 31 December
 * (000 §3). A birthday on a prescribed day starts that day.
 * End: the last Friday in June of the school year (1 Sep–31 Aug) in which the child turns 16
 * (CSA_END_RULE). A child who turns 16 in July or August still finishes in that June.
 * A 29 February birthday is taken as 1 March in non-leap years.
 */
export function compulsorySchoolAge(dateOfBirth: IsoDate): CompulsorySchoolAge {
  const { year } = isoParts(dateOfBirth);
  const fifth = isoParts(birthdayIn(dateOfBirth, year + 5));
  const startMonth = fifth.month <= 3 ? 3 : fifth.month <= 8 ? 8 : 12;
  const starts = fromParts(fifth.year, startMonth, 31);

  const sixteenth = birthdayIn(dateOfBirth, year + 16);
  const ends = lastFridayOfJune(schoolYearStartYear(sixteenth) + 1);
  return { starts, ends };
}

/**
 * Year group on `onDate`: Reception = 0, Year 1 = 1 … Year 13 = 13; negative before Reception
 * (nursery / pre-school), above 13 after Year 13. Cohorts run 1 September – 31 August: a child
 * born 1 Sep 2020 – 31 Aug 2021 is in Reception in the school year starting 1 Sep 2025.
 */
export function yearGroup(dateOfBirth: IsoDate, onDate: IsoDate): number {
  const b = isoParts(dateOfBirth);
  // The calendar year in which the child's cohort (1 Sep – 31 Aug) ends.
  const cohortEndYear = b.month >= 9 ? b.year + 1 : b.year;
  return schoolYearStartYear(onDate) - cohortEndYear - 4;
}

export function yearGroupLabel(n: number): string {
  if (n < 0) return 'Pre-school';
  if (n === 0) return 'Reception';
  if (n > 13) return 'Post-16';
  return `Year ${n}`;
}

/** True from the school leaving date (the day the record is closed, 000 §7 h) onwards. */
export function endOfCompulsorySchoolAgeReached(dateOfBirth: IsoDate, onDate: IsoDate): boolean {
  isoParts(onDate);
  return onDate >= compulsorySchoolAge(dateOfBirth).ends;
}

/**
 * True from the start date to the end date inclusive: the Education Act 1996 s8(3) says a person
 * ceases to be of compulsory school age "at the end of the day" which is the school leaving date,
 * so on the last Friday of June itself the child is still of compulsory school age (even though
 * `endOfCompulsorySchoolAgeReached` is already true that day).
 */
export function isOfCompulsorySchoolAge(dateOfBirth: IsoDate, onDate: IsoDate): boolean {
  isoParts(onDate);
  const { starts, ends } = compulsorySchoolAge(dateOfBirth);
  return onDate >= starts && onDate <= ends;
}
