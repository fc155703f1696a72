/**
 * Client-side checks of a New referral form: the shared zod schema (`ReferralInput`) plus the
 * rules `referrals.create` applies on the server, so a person sees every problem at once, next to
 * its field, before saving. Keys are dotted field paths like the server's (`child.dateOfBirth`,
 * `case.lastAttendance`, `siblings.0.dateOfBirth`), with row numbers counting the form's rows.
 * Pure: `today` is passed in; nothing reads the clock.
 */
import { pmoeSchoolProblem } from '../../../../shared/domain/pmoeRoll';
import type { z } from 'zod';
import { ReferralInput } from '../../../../shared/api/schemas';
import { labelForPath } from '../../../../shared/api/fieldLabels';
import { compareIso, formatUk, isIsoDate, type IsoDate } from '../../../../shared/domain/dates';
import { upnProblem } from '../../../../shared/domain/upn';
import { caseDateProblems, type CaseDates } from '../../../../shared/domain/caseDates';
import { compulsorySchoolAge, isOfCompulsorySchoolAge, yearGroup, yearGroupLabel } from '../../../../shared/domain/schoolAge';
import { isBlankAction, isBlankAdult, isBlankSibling, type ReferralForm } from './form';
import { destinationParts, formKeyFor, parseFreeAddress, toInput } from './toInput';

export type FieldErrors = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const blank = (s: string) => s.trim() === '';

/**
 * Checks one date the person must enter that cannot be in the future. Returns a message or null.
 * `label` names the field the way the form does ("Date of birth", "Sibling 2 date of birth").
 */
function pastDateProblem(label: string, value: string, today: IsoDate, required: string | null): string | null {
  if (value === '') return required;
  if (!isIsoDate(value)) return `${label} is not a real date: enter it as day, month and year.`;
  if (compareIso(value, today) > 0) return `${label} ${formatUk(value)} is in the future: check the day, month and year.`;
  return null;
}

function humaniseIssue(issue: z.core.$ZodIssue, path: (string | number)[]): string {
  const label = labelForPath(path);
  if (issue.code === 'invalid_value') return `${label} is required: choose one from the list.`;
  if (issue.code === 'invalid_type') return `${label} is required.`;
  return `${label} ${issue.message}.`;
}

/** Every problem with the form, keyed by field path; empty when it can be saved. */
export function validateReferral(form: ReferralForm, today: IsoDate): FieldErrors {
  const e: FieldErrors = {};
  const set = (key: string, message: string | null) => {
    if (message && !e[key]) e[key] = message;
  };
  // The case's date rules are the services' own (shared/domain/caseDates.ts).
  const setDateProblems = (dates: CaseDates, dateOfBirth: IsoDate | null) => {
    for (const p of caseDateProblems(dates, dateOfBirth)) set(`case.${p.field}`, p.message);
  };
  const c = form.child;
  const f = form.case;
  const cme = form.register === 'CME';

  if (form.register !== 'CME' && form.register !== 'PMOE') set('register', 'Register is required: choose CME or PMOE.');

  // Child
  if (blank(c.forenames)) set('child.forenames', "Forenames are required: enter the child's first name and any middle names.");
  if (blank(c.surname)) set('child.surname', "Surname is required: enter the child's family name.");
  set('child.dateOfBirth', pastDateProblem('Date of birth', c.dateOfBirth, today, "Date of birth is required: enter the child's date of birth."));
  if (!c.gender) set('child.gender', 'Gender is required: choose one (choose “Not known” if nobody has said).');
  if (!blank(c.upn)) {
    const problem = upnProblem(c.upn);
    if (problem) set('child.upn', `UPN ${c.upn.trim()}: ${problem}. Check it against the school's record, or leave it blank.`);
  }
  const dobOk = isIsoDate(c.dateOfBirth) && !e['child.dateOfBirth'];
  if (dobOk && form.linkedChild && form.linkedChild.dateOfBirth !== c.dateOfBirth) {
    set(
      'child.dateOfBirth',
      `Date of birth ${formatUk(c.dateOfBirth)} is not the date of birth of ${form.linkedChild.name} (${formatUk(form.linkedChild.dateOfBirth)}), ` +
        'the child you linked this referral to. Correct the date, or undo the link.',
    );
  }

  // Referral
  const notified = f.dateNotified;
  set('case.dateNotified', pastDateProblem('Date notified', notified, today, 'Date notified is required: enter the date the referral reached you.'));
  const notifiedOk = isIsoDate(notified) && !e['case.dateNotified'];
  if (notifiedOk && dobOk) setDateProblems({ dateNotified: notified }, c.dateOfBirth);
  if (!f.source) set('case.source', 'Referral source is required: choose who made the referral.');

  if (cme) {
    if (!f.reason) set('case.reason', 'Reason is required for a CME referral: choose the reason category.');
    if (dobOk && notifiedOk && !isOfCompulsorySchoolAge(c.dateOfBirth, notified)) {
      const csa = compulsorySchoolAge(c.dateOfBirth);
      set(
        'child.dateOfBirth',
        `Date of birth ${formatUk(c.dateOfBirth)}: the child was not of compulsory school age on ${formatUk(notified)} ` +
          `(it runs ${formatUk(csa.starts)} to ${formatUk(csa.ends)}), so is not CME. Check the date of birth.`,
      );
    }
    set('case.lastAttendance', pastDateProblem('Date of last attendance', f.lastAttendance, today, null));
    if (!e['case.lastAttendance'] && notifiedOk && isIsoDate(f.lastAttendance)) setDateProblems({ dateNotified: notified, lastAttendance: f.lastAttendance }, null);
  } else {
    set('case.pmoeSchool', pmoeSchoolProblem(f.pmoeSchool, f.pmoeReason));
    if (!f.pmoeReason) set('case.pmoeReason', 'Reason not in full-time education is required for a PMOE case: choose one.');
    if (!blank(f.hoursPerWeek)) {
      const h = Number(f.hoursPerWeek);
      if (!Number.isFinite(h)) set('case.hoursPerWeek', `Hours of education a week “${f.hoursPerWeek}” is not a number: enter the hours, e.g. 12.5.`);
      else if (h < 0) set('case.hoursPerWeek', 'Hours of education a week cannot be negative: enter 0 if the pupil has none.');
      else if (h > 40) set('case.hoursPerWeek', `Hours of education a week ${h} is more than 40: check the hours.`);
    }
    if (isIsoDate(f.timetableReviewDate) && isIsoDate(f.timetableEndDate)) setDateProblems({ timetableReviewDate: f.timetableReviewDate, timetableEndDate: f.timetableEndDate }, null);
  }

  // Siblings
  form.siblings.forEach((s, i) => {
    if (isBlankSibling(s)) return;
    const n = `Sibling ${i + 1}`;
    if (blank(s.forenames)) set(`siblings.${i}.forenames`, `${n} forenames are required: enter their first name, or remove the sibling.`);
    if (blank(s.surname)) set(`siblings.${i}.surname`, `${n} surname is required: enter their family name.`);
    set(`siblings.${i}.dateOfBirth`, pastDateProblem(`${n} date of birth`, s.dateOfBirth, today, `${n} date of birth is required: enter it, or remove the sibling.`));
    if (!s.gender) set(`siblings.${i}.gender`, `${n} gender is required: choose one (choose “Not known” if nobody has said).`);
  });

  // Addresses
  const a = form.address;
  if (blank(a.line1) && !(blank(a.line2) && blank(a.town) && blank(a.postcode) && blank(a.toDate))) {
    set('address.line1', 'Address line 1 is required when you give a current address: enter the house number and street.');
  }
  const moved = parseFreeAddress(form.newAddress);
  if (moved && blank(moved.line1)) set('newAddress', 'New address needs its first line: enter the house number and street above the postcode.');

  const { destination } = destinationParts(form);
  if (destination && destination.length > 200) {
    set(
      form.leavingUk.flightAndDestination.trim() || form.leavingUk.placeOfDeparture.trim() || form.leavingUk.accompanyingAdult.trim() ? 'case.destination' : 'newSchool',
      `The leaving-the-UK details are ${destination.length} characters long; together they can be at most 200. Shorten them, and put the rest in Additional information.`,
    );
  }

  // Responsible adults
  form.adults.forEach((ad, i) => {
    if (isBlankAdult(ad)) return;
    const n = `Adult ${i + 1}`;
    if (blank(ad.name)) set(`adults.${i}.name`, `${n} name is required: enter the responsible adult's name, or remove the row.`);
    if (!blank(ad.email) && !EMAIL.test(ad.email.trim())) {
      set(`adults.${i}.email`, `${n} e-mail “${ad.email.trim()}” is not an e-mail address: check it (e.g. name@example.com).`);
    }
  });

  // Pre-referral actions
  form.preReferralActions.forEach((p, i) => {
    if (isBlankAction(p)) return;
    const n = `Action ${i + 1}`;
    if (!p.agency) set(`preReferralActions.${i}.agency`, `${n} type is required: choose phone call, letter, home visit, e-mail, school or other.`);
    set(`preReferralActions.${i}.checkedOn`, pastDateProblem(`${n} date`, p.checkedOn, today, `${n} date is required: enter when it was done.`));
    if (!e[`preReferralActions.${i}.checkedOn`] && notifiedOk && isIsoDate(p.checkedOn) && compareIso(p.checkedOn, notified) > 0) {
      set(`preReferralActions.${i}.checkedOn`, `${n} date ${formatUk(p.checkedOn)} is after the date notified (${formatUk(notified)}): pre-referral actions come before the referral.`);
    }
    if (blank(p.checkedBy)) set(`preReferralActions.${i}.checkedBy`, `${n} “by whom” is required: enter who did it.`);
    if (blank(p.outcome)) set(`preReferralActions.${i}.outcome`, `${n} outcome is required: say what happened.`);
  });

  // Anything else the shared schema objects to (lengths, formats). Dates in the future are the
  // checks above, against the host's `today` (the schema has no clock).
  const { input, rows } = toInput(form);
  const parsed = ReferralInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = formKeyFor(issue.path.map(String).join('.'), rows);
      const formPath = key.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      set(key, humaniseIssue(issue, formPath));
    }
  }
  return e;
}

/** Whether a sibling with "Also refer" ticked will get a case of their own (only if of compulsory school age). */
export function siblingReferralNote(dateOfBirth: string, dateNotified: string): string | null {
  if (!isIsoDate(dateOfBirth) || !isIsoDate(dateNotified) || compareIso(dateOfBirth, dateNotified) >= 0) return null;
  if (isOfCompulsorySchoolAge(dateOfBirth, dateNotified)) return null;
  return 'Not of compulsory school age on the date notified: recorded as a sibling, no case opened.';
}

/** "Year 5 · compulsory school age 31/08/2019 to 26/06/2030", for the date of birth hint. */
export function ageHint(dateOfBirth: string, onDate: string): string | null {
  if (!isIsoDate(dateOfBirth) || !isIsoDate(onDate) || compareIso(dateOfBirth, onDate) >= 0) return null;
  const csa = compulsorySchoolAge(dateOfBirth);
  return `${yearGroupLabel(yearGroup(dateOfBirth, onDate))} on ${formatUk(onDate)} · compulsory school age ${formatUk(csa.starts)} to ${formatUk(csa.ends)}`;
}
