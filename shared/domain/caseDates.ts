/**
 * How a case's dates must sit against each other (DOMAIN.md "Register"): a child is notified after
 * they are born; they last attended school no later than the notification; every later step on the
 * case (assessed, provision determined, entered provision, located) comes on or after it; and a
 * PMOE part-time timetable ends on or after its review. One list for the referral form and the
 * services. Pure: only valid ISO dates are compared; a missing date is simply not checked.
 */
import { compareIso, formatUk, type IsoDate } from './dates';

export type CaseDateField =
  | 'dateNotified'
  | 'lastAttendance'
  | 'dateAssessed'
  | 'dateProvisionDetermined'
  | 'dateEnteredProvision'
  | 'dateLocated'
  | 'timetableReviewDate'
  | 'timetableEndDate';

export type CaseDates = Partial<Record<CaseDateField, IsoDate | null>>;

export interface CaseDateProblem {
  field: CaseDateField;
  message: string;
}

/** Steps on a case that cannot come before it was notified, with how the forms name them. */
export const STEPS_AFTER_NOTIFICATION = [
  ['dateAssessed', 'Date assessed'],
  ['dateProvisionDetermined', 'Date provision determined'],
  ['dateEnteredProvision', 'Date entered provision'],
  ['dateLocated', 'Date located'],
] as const satisfies readonly (readonly [CaseDateField, string])[];

/** A dated step on a case that comes before the date notified, as a message (null when it doesn't). */
function beforeNotifiedProblem(label: string, value: IsoDate | null | undefined, dateNotified: IsoDate): string | null {
  return value && compareIso(value, dateNotified) < 0
    ? `${label} ${formatUk(value)} is before the date notified (${formatUk(dateNotified)}). Check both dates.`
    : null;
}

/** Every problem with the dates given, in the order a form shows its fields. */
export function caseDateProblems(c: CaseDates, dateOfBirth: IsoDate | null): CaseDateProblem[] {
  const out: CaseDateProblem[] = [];
  const notified = c.dateNotified ?? null;
  if (notified && dateOfBirth && compareIso(notified, dateOfBirth) <= 0) {
    out.push({ field: 'dateNotified', message: `Date notified ${formatUk(notified)} is before the child's date of birth (${formatUk(dateOfBirth)}). Check both dates.` });
  }
  const last = c.lastAttendance;
  if (notified && last && compareIso(last, notified) > 0) {
    out.push({ field: 'lastAttendance', message: `Date of last attendance ${formatUk(last)} is after the date notified (${formatUk(notified)}). Check both dates.` });
  }
  if (notified) {
    for (const [field, label] of STEPS_AFTER_NOTIFICATION) {
      const message = beforeNotifiedProblem(label, c[field], notified);
      if (message) out.push({ field, message });
    }
  }
  const review = c.timetableReviewDate;
  const end = c.timetableEndDate;
  if (review && end && compareIso(end, review) < 0) {
    out.push({ field: 'timetableEndDate', message: `Timetable planned end date ${formatUk(end)} is before its review date (${formatUk(review)}). Check both dates.` });
  }
  return out;
}
