/**
 * Form → `ReferralInput` (what `referrals.create` takes), and the reverse mapping of an error's
 * dotted path back to the form control it is about. Pure: no React, no I/O.
 */
import type { ReferralInput } from '../../../../shared/api/schemas';
import { isBlankAction, isBlankAdult, isBlankSibling, type ReferralForm } from './form';

type Input = ReferralInput;
type AddressIn = NonNullable<Input['address']>;

/** For each list, the form row index of each input row (blank rows are left out of the input). */
export interface RowMap {
  siblings: number[];
  adults: number[];
  preReferralActions: number[];
}

const opt = (s: string): string | null => (s.trim() ? s.trim() : null);

const UK_POSTCODE = /([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/i;

/**
 * Splits a free-text address (one line per line, or comma separated) into address lines:
 * the first line is line 1, a trailing UK postcode becomes the postcode, the last remaining line
 * the town, anything between line 2. Null when blank.
 */
export function parseFreeAddress(text: string): AddressIn | null {
  const lines = text.split(/[\n,]/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return null;
  let postcode: string | null = null;
  const last = lines[lines.length - 1]!;
  const m = UK_POSTCODE.exec(last);
  if (m && (m.index === 0 || /\s$/.test(last.slice(0, m.index)))) {
    postcode = `${m[1]} ${m[2]}`.toUpperCase();
    const before = last.slice(0, m.index).trim();
    if (before) lines[lines.length - 1] = before;
    else lines.pop();
  }
  const line1 = lines[0] ?? '';
  const rest = lines.slice(1);
  const town = rest.length > 0 ? rest[rest.length - 1]! : null;
  const line2 = rest.length > 1 ? rest.slice(0, -1).join(', ') : null;
  return { line1, line2, town, postcode, fromDate: null, toDate: null };
}

/** The "Where is the child going?" details: a headline for `case.destination`, and what goes in the notes. */
export function destinationParts(form: ReferralForm): { destination: string | null; extraInfo: string[] } {
  const u = form.leavingUk;
  const uk = [
    opt(u.flightAndDestination),
    opt(u.placeOfDeparture) ? `departing from ${u.placeOfDeparture.trim()}` : null,
    opt(u.accompanyingAdult) ? `with ${u.accompanyingAdult.trim()}` : null,
  ].filter((p): p is string => p !== null);
  const school = opt(form.newSchool);
  if (uk.length > 0) {
    return { destination: uk.join('; '), extraInfo: school ? [`New school (where known): ${school}`] : [] };
  }
  return { destination: school ? `New school: ${school}` : null, extraInfo: [] };
}

export function toInput(form: ReferralForm): { input: Input; rows: RowMap } {
  const rows: RowMap = { siblings: [], adults: [], preReferralActions: [] };
  const c = form.child;
  const f = form.case;
  const cme = form.register === 'CME';

  const siblings: Input['siblings'] = [];
  form.siblings.forEach((s, i) => {
    if (isBlankSibling(s)) return;
    rows.siblings.push(i);
    siblings.push({
      forenames: s.forenames.trim(),
      surname: s.surname.trim(),
      dateOfBirth: s.dateOfBirth,
      gender: s.gender as 'female',
      ethnicity: opt(s.ethnicity),
      flags: { ...s.flags },
      refer: s.refer,
    });
  });

  const adults: Input['adults'] = [];
  form.adults.forEach((a, i) => {
    if (isBlankAdult(a)) return;
    rows.adults.push(i);
    adults.push({ name: a.name.trim(), relationship: opt(a.relationship), phone: opt(a.phone), email: opt(a.email), notes: null });
  });

  const actions: Input['preReferralActions'] = [];
  form.preReferralActions.forEach((a, i) => {
    if (isBlankAction(a)) return;
    rows.preReferralActions.push(i);
    actions.push({ agency: a.agency as 'other', checkedOn: a.checkedOn, checkedBy: a.checkedBy.trim(), outcome: a.outcome.trim(), located: false });
  });

  const ad = form.address;
  const address: AddressIn | null =
    opt(ad.line1) || opt(ad.line2) || opt(ad.town) || opt(ad.postcode) || opt(ad.toDate)
      ? { line1: ad.line1.trim(), line2: opt(ad.line2), town: opt(ad.town), postcode: opt(ad.postcode)?.toUpperCase() ?? null, fromDate: null, toDate: opt(ad.toDate) }
      : null;

  const { destination, extraInfo } = destinationParts(form);
  const additionalInfo = [opt(f.additionalInfo), ...extraInfo].filter(Boolean).join('\n\n') || null;
  const hours = f.hoursPerWeek.trim() === '' ? null : Number(f.hoursPerWeek);
  const careFlag = c.flags.lookedAfter || c.flags.childProtectionPlan || c.flags.childInNeed;

  const input: Input = {
    register: form.register,
    child: {
      forenames: c.forenames.trim(),
      surname: c.surname.trim(),
      knownAs: opt(c.knownAs),
      formerNames: opt(c.formerNames),
      dateOfBirth: c.dateOfBirth,
      gender: c.gender as 'female',
      ethnicity: opt(c.ethnicity),
      upn: opt(c.upn)?.toUpperCase() ?? null,
      flags: { ...c.flags },
      lookedAfterLa: c.flags.lookedAfter ? opt(c.lookedAfterLa) : null,
      socialWorker: careFlag ? opt(c.socialWorker) : null,
    },
    existingChildId: form.linkedChild?.childId ?? null,
    confirmedDifferentChild: form.linkedChild === null && form.confirmedDifferentChild,
    siblings,
    address,
    newAddress: parseFreeAddress(form.newAddress),
    adults,
    case: {
      dateNotified: f.dateNotified,
      source: f.source as 'other',
      referrerName: opt(f.referrerName),
      referrerAgency: opt(f.referrerAgency),
      referrerContact: opt(f.referrerContact),
      urgency: (f.urgency || 'routine') as 'routine',
      reason: cme ? ((opt(f.reason) as 'other' | null) ?? null) : null,
      lastSchool: cme ? opt(f.lastSchool) : null,
      lastAttendance: cme ? opt(f.lastAttendance) : null,
      pmoeSchool: cme ? null : opt(f.pmoeSchool),
      pmoeReason: cme ? null : ((opt(f.pmoeReason) as 'other' | null) ?? null),
      hoursPerWeek: cme ? null : hours,
      provider: cme ? null : opt(f.provider),
      timetableReviewDate: cme ? null : opt(f.timetableReviewDate),
      timetableEndDate: cme ? null : opt(f.timetableEndDate),
      departureDate: opt(f.departureDate),
      destination,
      professionalInvolvement: opt(f.professionalInvolvement),
      additionalInfo,
    },
    preReferralActions: actions,
  };
  return { input, rows };
}

const CASE_KEYS = new Set([
  'dateNotified', 'source', 'referrerName', 'referrerAgency', 'referrerContact', 'reason', 'urgency', 'lastSchool',
  'lastAttendance', 'pmoeSchool', 'pmoeReason', 'hoursPerWeek', 'provider', 'timetableReviewDate', 'timetableEndDate',
  'departureDate', 'destination', 'professionalInvolvement', 'additionalInfo',
]);
const CHILD_KEYS = new Set(['forenames', 'surname', 'knownAs', 'formerNames', 'dateOfBirth', 'gender', 'ethnicity', 'upn', 'lookedAfterLa', 'socialWorker']);

/**
 * The form control an input path is about: 'siblings.0.dateOfBirth' → the form row it came from,
 * a bare 'lastAttendance' (as some server rules report it) → 'case.lastAttendance', any part of
 * the free-text new address → 'newAddress'.
 */
export function formKeyFor(path: string, rows: RowMap): string {
  const segs = path.split('.').filter(Boolean);
  const [head, second] = segs;
  if (head === undefined) return '';
  if (segs.length === 1) {
    if (CASE_KEYS.has(head)) return `case.${head}`;
    if (CHILD_KEYS.has(head)) return `child.${head}`;
    return head;
  }
  if (head === 'newAddress') return 'newAddress';
  if (head === 'child' && second === 'flags') return 'child.flags';
  if (head === 'address' && second === 'fromDate') return 'address.toDate';
  if (head === 'siblings' || head === 'adults' || head === 'preReferralActions') {
    const i = Number(second);
    const formIndex = Number.isInteger(i) ? (rows[head][i] ?? i) : i;
    const rest = segs.slice(2);
    if (head === 'siblings' && rest[0] === 'flags') return `siblings.${formIndex}.flags`;
    return [head, String(formIndex), ...rest].join('.');
  }
  return segs.join('.');
}
