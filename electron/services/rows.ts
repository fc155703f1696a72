// Mapping between the database's snake_case rows and the contract's camelCase objects.
import type { Address, Adult, Case, Check, Child, ChildFlags, Note, Officer } from '../../shared/api/schemas';
import { FLAG_KEYS } from '../../shared/api/schemas';
import type { Rag } from '../../shared/domain/vocab';
import { strOrNull, numOrNull, codeOrNull } from '../../db/nulls';

export type Row = Record<string, unknown>;

export { strOrNull, numOrNull, textOrNull, codeOrNull } from '../../db/nulls';

/** A RAG rating column (CHECK-constrained to red, amber or green), or null when unrated. */
export const ragOrNull = (v: unknown): Rag | null => codeOrNull<Rag>(v);

export const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const FLAG_COLUMNS: Record<keyof ChildFlags, string> = Object.fromEntries(FLAG_KEYS.map((k) => [k, snake(k)])) as Record<
  keyof ChildFlags,
  string
>;

/** The child's flags from their 0/1 columns (a flag whose column the query left out reads as not set). */
export function flagsOf(r: Row): ChildFlags {
  const flags = {} as ChildFlags;
  for (const k of FLAG_KEYS) flags[k] = r[FLAG_COLUMNS[k]] === 1;
  return flags;
}

/** `idColumn` lets a joined row carry the child's id under another name (e.g. ch_id). */
export function toChild(r: Row, idColumn = 'id'): Child {
  const flags = flagsOf(r);
  return {
    id: Number(r[idColumn]),
    forenames: String(r.forenames),
    surname: String(r.surname),
    knownAs: strOrNull(r.known_as),
    formerNames: strOrNull(r.former_names),
    dateOfBirth: String(r.date_of_birth),
    gender: String(r.gender) as Child['gender'],
    ethnicity: strOrNull(r.ethnicity),
    upn: strOrNull(r.upn),
    familyId: numOrNull(r.family_id),
    flags,
    lookedAfterLa: strOrNull(r.looked_after_la),
    socialWorker: strOrNull(r.social_worker),
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
    referrerName: strOrNull(r.referrer_name),
    referrerAgency: strOrNull(r.referrer_agency),
    referrerContact: strOrNull(r.referrer_contact),
    reason: strOrNull(r.reason),
    urgency: String(r.urgency),
    lastSchool: strOrNull(r.last_school),
    lastAttendance: strOrNull(r.last_attendance),
    pmoeSchool: strOrNull(r.pmoe_school),
    pmoeReason: strOrNull(r.pmoe_reason),
    hoursPerWeek: numOrNull(r.hours_per_week),
    provider: strOrNull(r.provider),
    timetableReviewDate: strOrNull(r.timetable_review_date),
    timetableEndDate: strOrNull(r.timetable_end_date),
    departureDate: strOrNull(r.departure_date),
    destination: strOrNull(r.destination),
    professionalInvolvement: strOrNull(r.professional_involvement),
    additionalInfo: strOrNull(r.additional_info),
    dateAssessed: strOrNull(r.date_assessed),
    dateProvisionDetermined: strOrNull(r.date_provision_determined),
    dateEnteredProvision: strOrNull(r.date_entered_provision),
    dateLocated: strOrNull(r.date_located),
    leadOfficerId: numOrNull(r.lead_officer_id),
    leadOfficerName: strOrNull(r.lead_officer_name),
    rag: ragOrNull(r.rag),
    ragReason: strOrNull(r.rag_reason),
    closedOn: strOrNull(r.closed_on),
    closureReason: strOrNull(r.closure_reason),
    closureDetail: strOrNull(r.closure_detail),
    closureProposed: r.closure_proposed === 1,
    archived: r.archived === 1,
    unfoundReviewDue: strOrNull(r.unfound_review_due),
    archiveFormCompletedOn: strOrNull(r.archive_form_completed_on),
    archiveDirector: strOrNull(r.archive_director),
    archiveDecidedOn: strOrNull(r.archive_decided_on),
    createdAt: String(r.created_at),
  };
}

export const toOfficer = (r: Row): Officer => ({
  id: Number(r.id),
  name: String(r.name),
  jobTitle: strOrNull(r.job_title),
  team: r.team as Officer['team'],
  email: strOrNull(r.email),
  active: r.active === 1,
  isManager: r.is_manager === 1,
  openCases: Number(r.open_cases ?? 0),
});

export const toAddress = (r: Row): Address => ({
  id: Number(r.id),
  line1: String(r.line1),
  line2: strOrNull(r.line2),
  town: strOrNull(r.town),
  postcode: strOrNull(r.postcode),
  fromDate: strOrNull(r.from_date),
  toDate: strOrNull(r.to_date),
  current: r.is_current === 1,
});

export const toAdult = (r: Row): Adult => ({
  id: Number(r.id),
  name: String(r.name),
  relationship: strOrNull(r.relationship),
  phone: strOrNull(r.phone),
  email: strOrNull(r.email),
  notes: strOrNull(r.notes),
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
