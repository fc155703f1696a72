// Mapping between the database's snake_case rows and the contract's camelCase objects.
import type { Address, Adult, Case, Check, Child, ChildFlags, Note, Officer } from '../../shared/api/schemas';
import { FLAG_KEYS } from '../../shared/api/schemas';

export type Row = Record<string, unknown>;

/** The one set of null helpers for reading rows: a nullable column stays null, else becomes a string or number. */
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** Free text where an empty string means nothing was written. */
export const textOrNull = (v: unknown): string | null => (v === '' ? null : strOrNull(v));
const s = strOrNull;
const n = numOrNull;

export const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const FLAG_COLUMNS: Record<keyof ChildFlags, string> = Object.fromEntries(FLAG_KEYS.map((k) => [k, snake(k)])) as Record<
  keyof ChildFlags,
  string
>;

/** `idColumn` lets a joined row carry the child's id under another name (e.g. ch_id). */
export function toChild(r: Row, idColumn = 'id'): Child {
  const flags = {} as ChildFlags;
  for (const k of FLAG_KEYS) flags[k] = r[FLAG_COLUMNS[k]] === 1;
  return {
    id: Number(r[idColumn]),
    forenames: String(r.forenames),
    surname: String(r.surname),
    knownAs: s(r.known_as),
    formerNames: s(r.former_names),
    dateOfBirth: String(r.date_of_birth),
    gender: String(r.gender) as Child['gender'],
    ethnicity: s(r.ethnicity),
    upn: s(r.upn),
    familyId: n(r.family_id),
    flags,
    lookedAfterLa: s(r.looked_after_la),
    socialWorker: s(r.social_worker),
  };
}

export const CASE_FIELD_COLUMNS = {
  dateNotified: 'date_notified',
  source: 'source',
  referrerName: 'referrer_name',
  referrerAgency: 'referrer_agency',
  referrerContact: 'referrer_contact',
  reason: 'reason',
  urgency: 'urgency',
  lastSchool: 'last_school',
  lastAttendance: 'last_attendance',
  pmoeSchool: 'pmoe_school',
  pmoeReason: 'pmoe_reason',
  hoursPerWeek: 'hours_per_week',
  provider: 'provider',
  timetableReviewDate: 'timetable_review_date',
  timetableEndDate: 'timetable_end_date',
  departureDate: 'departure_date',
  destination: 'destination',
  professionalInvolvement: 'professional_involvement',
  additionalInfo: 'additional_info',
  dateAssessed: 'date_assessed',
  dateProvisionDetermined: 'date_provision_determined',
  dateEnteredProvision: 'date_entered_provision',
  dateLocated: 'date_located',
} as const;

// Written out field by field: this runs for every row of a 50,000-case register.
export function toCase(r: Row): Case {
  return {
    id: Number(r.id),
    childId: Number(r.child_id),
    register: r.register as Case['register'],
    reference: String(r.reference),
    status: r.status as Case['status'],
    dateNotified: String(r.date_notified),
    source: String(r.source),
    referrerName: s(r.referrer_name),
    referrerAgency: s(r.referrer_agency),
    referrerContact: s(r.referrer_contact),
    reason: s(r.reason),
    urgency: String(r.urgency),
    lastSchool: s(r.last_school),
    lastAttendance: s(r.last_attendance),
    pmoeSchool: s(r.pmoe_school),
    pmoeReason: s(r.pmoe_reason),
    hoursPerWeek: n(r.hours_per_week),
    provider: s(r.provider),
    timetableReviewDate: s(r.timetable_review_date),
    timetableEndDate: s(r.timetable_end_date),
    departureDate: s(r.departure_date),
    destination: s(r.destination),
    professionalInvolvement: s(r.professional_involvement),
    additionalInfo: s(r.additional_info),
    dateAssessed: s(r.date_assessed),
    dateProvisionDetermined: s(r.date_provision_determined),
    dateEnteredProvision: s(r.date_entered_provision),
    dateLocated: s(r.date_located),
    leadOfficerId: n(r.lead_officer_id),
    leadOfficerName: s(r.lead_officer_name),
    rag: (r.rag ?? null) as Case['rag'],
    ragReason: s(r.rag_reason),
    closedOn: s(r.closed_on),
    closureReason: s(r.closure_reason),
    closureDetail: s(r.closure_detail),
    closureProposed: r.closure_proposed === 1,
    archived: r.archived === 1,
    unfoundReviewDue: s(r.unfound_review_due),
    archiveFormCompletedOn: s(r.archive_form_completed_on),
    archiveDirector: s(r.archive_director),
    archiveDecidedOn: s(r.archive_decided_on),
    createdAt: String(r.created_at),
  };
}

export const toOfficer = (r: Row): Officer => ({
  id: Number(r.id),
  name: String(r.name),
  jobTitle: s(r.job_title),
  team: r.team as Officer['team'],
  email: s(r.email),
  active: r.active === 1,
  isManager: r.is_manager === 1,
  openCases: Number(r.open_cases ?? 0),
});

export const toAddress = (r: Row): Address => ({
  id: Number(r.id),
  line1: String(r.line1),
  line2: s(r.line2),
  town: s(r.town),
  postcode: s(r.postcode),
  fromDate: s(r.from_date),
  toDate: s(r.to_date),
  current: r.is_current === 1,
});

export const toAdult = (r: Row): Adult => ({
  id: Number(r.id),
  name: String(r.name),
  relationship: s(r.relationship),
  phone: s(r.phone),
  email: s(r.email),
  notes: s(r.notes),
});

export const toCheck = (r: Row): Check => ({
  id: Number(r.id),
  agency: String(r.agency),
  checkedOn: String(r.checked_on),
  checkedBy: String(r.checked_by),
  outcome: String(r.outcome),
  located: r.located === 1,
});

export const toNote = (r: Row): Note => ({
  id: Number(r.id),
  notedOn: String(r.noted_on),
  author: String(r.author),
  text: String(r.text),
  createdAt: String(r.created_at),
});
