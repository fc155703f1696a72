/**
 * Clocks that keep running until a child is in education — being located is not enough (DOMAIN.md
 * Corrections: "A located child is not yet safe"). Pure: dates and the term calendar are arguments.
 * Sources (../shared/seeds/):
 * - 000 §8: a child "not receiving a suitable education for two months or more" is recorded as CME,
 *   given a lead officer, and referred to the next Fair Access Panel.
 * - 001 App. 3: a child stays on Admissions' allocation list until on roll; "on list for 20 days –
 *   Admissions Officer to escalate to Admissions Manager".
 * - 000 §4, 003: schools make enquiries for 10 school days before notifying the LA, and may not
 *   delete a pupil for absence of less than 20 school days.
 */
import { type IsoDate, addDays, addMonths, compareIso, diffDays, formatUk } from './dates';
import { addSchoolDays, calendarCovers, schoolDaysBetween, type TermCalendar } from './calendar';
import type { CaseStatus, Register } from './vocab';

/** 000 §8: two months out of education → lead officer and Fair Access Panel referral. */
export const FAIR_ACCESS_AFTER_MONTHS = 2;
/** 001 App. 3: 20 days on the allocation list → Admissions Manager. */
export const ALLOCATION_ESCALATE_DAYS = 20;
/** 000 §4, 003: school enquiries before notifying the LA. */
export const ENQUIRY_SCHOOL_DAYS = 10;
/** 000 §4, 003: no deletion from roll for absence of less than 20 school days. */
export const DELETION_SCHOOL_DAYS = 20;

export type AlertCode = 'fair_access_due' | 'allocation_escalate' | 'enquiries_ended' | 'deletion_allowed';

export interface ClockAlert {
  code: AlertCode;
  /** The day the clock ran out. */
  since: IsoDate;
  text: string;
}

export interface ProvisionInput {
  register: Register;
  status: CaseStatus;
  dateNotified: IsoDate;
  lastAttendance: IsoDate | null;
  dateLocated: IsoDate | null;
  dateEnteredProvision: IsoDate | null;
}

/** A CME case whose child has been located but is not yet in a school place or provision on `onDate`. */
export function locatedWithoutProvision(c: ProvisionInput, onDate: IsoDate): boolean {
  if (c.register !== 'CME' || c.status === 'closed') return false;
  if (c.dateLocated === null || compareIso(c.dateLocated, onDate) > 0) return false;
  return c.dateEnteredProvision === null || compareIso(c.dateEnteredProvision, onDate) > 0;
}

/** The day a child has been out of education for two months: from the last attendance, else from notification. */
export function fairAccessDueOn(c: ProvisionInput): IsoDate {
  return addMonths(c.lastAttendance ?? c.dateNotified, FAIR_ACCESS_AFTER_MONTHS);
}

/** The day a located child waiting for a place is escalated to the Admissions Manager: located + 20 days. */
export function allocationEscalateOn(dateLocated: IsoDate): IsoDate {
  return addDays(dateLocated, ALLOCATION_ESCALATE_DAYS);
}

/**
 * The provision clocks that have run out for a located CME child with no place or provision
 * (none for a child not located: those are covered by the panel and long-term clocks in clocks.ts).
 */
export function provisionAlerts(c: ProvisionInput, onDate: IsoDate): ClockAlert[] {
  if (!locatedWithoutProvision(c, onDate)) return [];
  const located = c.dateLocated as IsoDate;
  const out: ClockAlert[] = [];
  const fap = fairAccessDueOn(c);
  if (compareIso(fap, onDate) <= 0) {
    out.push({
      code: 'fair_access_due',
      since: fap,
      text: `Located ${formatUk(located)} but out of education for two months or more (since ${formatUk(c.lastAttendance ?? c.dateNotified)}): allocate a lead officer and refer to the Fair Access Panel.`,
    });
  }
  const esc = allocationEscalateOn(located);
  if (compareIso(esc, onDate) <= 0) {
    out.push({
      code: 'allocation_escalate',
      since: esc,
      text: `No school place ${diffDays(located, onDate)} days after being located (${formatUk(located)}): escalate to the Admissions Manager (20 days).`,
    });
  }
  return out;
}

/**
 * School-day clocks from the date of last attendance, on the term calendar (never weekdays):
 * the 10 school days of enquiries and the 20 school days before a school may delete (000 §4, 003).
 * Only for open cases where the child is not yet in provision. Null dates when the calendar does
 * not reach far enough (the caller says so rather than guessing).
 */
export function schoolDayAlerts(lastAttendance: IsoDate | null, inEducation: boolean, onDate: IsoDate, cal: TermCalendar): ClockAlert[] {
  if (lastAttendance === null || inEducation) return [];
  const out: ClockAlert[] = [];
  const at = (n: number): IsoDate | null => {
    try {
      return addSchoolDays(lastAttendance, n, cal);
    } catch {
      return null;
    }
  };
  const enquiries = at(ENQUIRY_SCHOOL_DAYS);
  if (enquiries !== null && compareIso(enquiries, onDate) <= 0) {
    out.push({
      code: 'enquiries_ended',
      since: enquiries,
      text: `${ENQUIRY_SCHOOL_DAYS} school days of enquiries ended ${formatUk(enquiries)} (last attended ${formatUk(lastAttendance)}): the school should have notified the LA.`,
    });
  }
  const deletion = at(DELETION_SCHOOL_DAYS);
  if (deletion !== null && compareIso(deletion, onDate) <= 0) {
    out.push({
      code: 'deletion_allowed',
      since: deletion,
      text: `${DELETION_SCHOOL_DAYS} school days of absence reached ${formatUk(deletion)}: the school may now delete from roll after reasonable enquiries — not EHCP or looked-after children until new provision is confirmed.`,
    });
  }
  return out;
}

/** Where a child stands against the 10 and 20 school-day limits since last attendance (000 §4, 003). */
export interface SchoolDayDeadlines {
  sinceLastAttendance: number;
  /** The school's enquiries end (ISO), or '' when the calendar does not reach that far. */
  enquiriesEnd: IsoDate | '';
  /** The school may delete from roll from (ISO), or '' when the calendar does not reach that far. */
  deletionFrom: IsoDate | '';
  /** False when the term calendar does not cover last attendance and today: the counts are then a guess. */
  calendarCovers: boolean;
}

export function schoolDayDeadlines(lastAttendance: IsoDate | null, onDate: IsoDate, cal: TermCalendar): SchoolDayDeadlines | null {
  if (!lastAttendance) return null;
  const covers = calendarCovers(lastAttendance, cal) && calendarCovers(onDate, cal);
  try {
    return {
      sinceLastAttendance: schoolDaysBetween(lastAttendance, onDate, cal),
      enquiriesEnd: addSchoolDays(lastAttendance, ENQUIRY_SCHOOL_DAYS, cal),
      deletionFrom: addSchoolDays(lastAttendance, DELETION_SCHOOL_DAYS, cal),
      calendarCovers: covers,
    };
  } catch {
    // The term calendar doesn't reach far enough: say so rather than guess with weekdays.
    return { sinceLastAttendance: schoolDaysBetween(lastAttendance, onDate, cal), enquiriesEnd: '', deletionFrom: '', calendarCovers: false };
  }
}
