/**
 * Checks on deletion and admission notices, and what each one does to the register. Pure: dates and
 * the term calendar are arguments. Sources (../shared/seeds/):
 * - 000 §4: a deletion notice must give (a) the pupil's full name, (b) the parent's full name and
 *   address, (c) at least one parent telephone number, (d) the future address and destination
 *   school, if applicable, (e) the regulation 8 ground; the school notifies "no later than the day
 *   of deletion"; a pupil "cannot be deleted" when "absent for less than 20 school days" (where
 *   their whereabouts are unknown: 8(1)(h)); schools notify "within five days" of an admission.
 * - 001 §4.4: schools inform the LA "within 5 days, of every child they enrol".
 * - 003: EHCP and looked-after children "cannot be removed from roll until a new education provision
 *   has been established and confirmed"; schools may remove after "no less than 20 days unauthorised
 *   absence following all reasonable enquiries".
 * The 5-day rule counts calendar days: the policies say "days" here and "school days" where they
 * mean school days (the 10 and 20 school-day rules), so the difference is taken as deliberate.
 */
import { type IsoDate, compareIso, diffDays, formatUk } from './dates';
import { calendarCovers, addSchoolDays, schoolDaysBetween, type TermCalendar } from './calendar';
import { DELETION_SCHOOL_DAYS } from './educationClocks';
import { reg8Entry, type Reg8Ground } from './regulation8';

/** 000 §4, 001 §4.4: an admission is notified within five days. */
export const ADMISSION_NOTICE_DAYS = 5;

export interface NoticeFlag {
  code: 'late_admission_notice' | 'late_deletion_notice' | 'under_20_school_days' | 'no_last_attendance' | 'calendar_short' | 'incomplete' | 'ehcp_lac_no_provision';
  text: string;
}

export interface DeletionFacts {
  ground: Reg8Ground;
  deletionDate: IsoDate;
  notifiedOn: IsoDate;
  lastAttendance: IsoDate | null;
  whereaboutsKnown: boolean | null;
  parentName: string | null;
  parentAddress: string | null;
  parentPhone: string | null;
  futureAddress: string | null;
  destinationSchool: string | null;
  /** From the register, when the child is matched: EHCP or looked after (003). */
  ehcp: boolean;
  lookedAfter: boolean;
}

/**
 * Whether the child's whereabouts are unknown: the school says so, or the ground is one where the
 * school and LA failed to find the pupil (8(1)(f)(iii), (h)(iii)) and the school does not say otherwise.
 */
export function whereaboutsUnknown(ground: Reg8Ground, whereaboutsKnown: boolean | null): boolean {
  if (whereaboutsKnown !== null) return !whereaboutsKnown;
  return reg8Entry(ground)?.whereaboutsUnknown ?? false;
}

/** The deletion's problems, in the order an officer would chase them. [] when it meets every rule. */
export function deletionFlags(d: DeletionFacts, calendar: TermCalendar): NoticeFlag[] {
  const out: NoticeFlag[] = [];
  if (compareIso(d.notifiedOn, d.deletionDate) > 0) {
    out.push({ code: 'late_deletion_notice', text: `Notified ${formatUk(d.notifiedOn)}, after the deletion on ${formatUk(d.deletionDate)}: schools must notify no later than the day of deletion.` });
  }
  // 8(1)(h): at least 20 school days' continuous absence, counted on the term calendar.
  if (d.ground === 'h') {
    if (d.lastAttendance === null) {
      out.push({ code: 'no_last_attendance', text: 'Ground 8(1)(h) needs 20 school days of continuous absence, but no date of last attendance was given: ask the school for it.' });
    } else if (!calendarCovers(d.lastAttendance, calendar) || !calendarCovers(d.deletionDate, calendar)) {
      out.push({ code: 'calendar_short', text: `The term calendar does not cover ${formatUk(d.lastAttendance)} to ${formatUk(d.deletionDate)}, so the 20 school days cannot be counted: add those terms under Panels & calendar.` });
    } else {
      const absent = schoolDaysBetween(d.lastAttendance, d.deletionDate, calendar);
      if (absent < DELETION_SCHOOL_DAYS) {
        let from = '';
        try {
          from = ` (not before ${formatUk(addSchoolDays(d.lastAttendance, DELETION_SCHOOL_DAYS, calendar))})`;
        } catch {
          from = '';
        }
        out.push({ code: 'under_20_school_days', text: `Deleted after ${absent} school days of absence (last attended ${formatUk(d.lastAttendance)}): a pupil cannot be deleted for absence of less than ${DELETION_SCHOOL_DAYS} school days${from}.` });
      }
    }
  }
  const missing: string[] = [];
  if (!d.parentName || !d.parentAddress) missing.push('(b) parent’s name and address');
  if (!d.parentPhone) missing.push('(c) a parent telephone number');
  if (!whereaboutsUnknown(d.ground, d.whereaboutsKnown) && d.ground !== 'j' && d.ground !== 'i' && !d.futureAddress && !d.destinationSchool) missing.push('(d) future address or destination school');
  if (missing.length > 0) out.push({ code: 'incomplete', text: `The notice is missing ${missing.join(', ')}: ask the school.` });
  if ((d.ehcp || d.lookedAfter) && !d.destinationSchool && d.ground !== 'j') {
    out.push({ code: 'ehcp_lac_no_provision', text: `${d.ehcp ? 'Has an EHCP' : 'Looked after'}: may not come off roll until new provision is established and confirmed, and no destination school is given.` });
  }
  return out;
}

export interface AdmissionFacts {
  admissionDate: IsoDate;
  notifiedOn: IsoDate;
}

export function admissionFlags(a: AdmissionFacts): NoticeFlag[] {
  const days = diffDays(a.admissionDate, a.notifiedOn);
  if (days > ADMISSION_NOTICE_DAYS) {
    return [{ code: 'late_admission_notice', text: `Notified ${days} days after the admission on ${formatUk(a.admissionDate)}: schools notify within ${ADMISSION_NOTICE_DAYS} days of adding a pupil to the roll.` }];
  }
  return [];
}
