import { z } from 'zod';
import { isIsoDate, formatUk, compareIso } from '../domain/dates';
import { markPastDate } from './pastDates';
import {
  REGISTERS, CASE_STATUSES, RAGS, REFERRAL_SOURCES, CME_REASONS, PMOE_REASONS, URGENCIES,
  CLOSURE_REASONS, CHECK_AGENCIES, TEAMS, GENDERS, codesOf,
} from '../domain/vocab';

/**
 * Every date the contract takes is a real date within 1990–2100 (issue 11: year 0000 got in and
 * broke the agenda pack). Dates of birth, referrals and checks are not in the future either.
 */
export const DATE_MIN = '1990-01-01';
export const DATE_MAX = '2100-12-31';
const DATE_SCHEMAS = new WeakSet<object>();
/** True for the shared date schemas (they carry the range); the contract test uses it. */
export const isDateSchema = (s: unknown): boolean => typeof s === 'object' && s !== null && DATE_SCHEMAS.has(s);
const dated = <T extends z.ZodType>(s: T): T => {
  DATE_SCHEMAS.add(s);
  return s;
};

export const isoDate = dated(
  z
    .string({ error: 'is required: enter a date' })
    // An empty box is a missing date, not a malformed one (QA walk: "Date must be a real date").
    .min(1, { error: 'is required: enter a date' })
    .max(10, { error: 'must be a real date (dd/mm/yyyy)' })
    .refine(isIsoDate, { message: 'must be a real date (dd/mm/yyyy)' })
    // zod runs every refinement even after one fails, so these must tolerate a non-date.
    .refine((d) => !isIsoDate(d) || (compareIso(d, DATE_MIN) >= 0 && compareIso(d, DATE_MAX) <= 0), {
      error: (issue) => `${formatUk(String(issue.input))} is out of range: enter a date between ${formatUk(DATE_MIN)} and ${formatUk(DATE_MAX)}`,
    }),
);

/**
 * A date that has happened: a referral, a check, a date of birth. Parsed as any date; the host
 * refuses one after its today (pastDates.ts), since a schema has no clock of its own.
 */
export const pastDate = dated(markPastDate(isoDate.clone()));

export const text = (max = 200) => z.string().trim().min(1, { error: 'is required' }).max(max, { error: `is longer than ${max} characters` });
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, { error: `is longer than ${max} characters` })
    .nullish()
    .transform((v) => (v ? v : null));
export const optionalDate = z
  .union([isoDate, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));
export const optionalPastDate = z
  .union([pastDate, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));
export const id = z.number({ error: 'must be a record number' }).int().positive();

/**
 * A list a person can send, bounded to what a person could select or type (issue 11: 600,000 ids
 * blocked the event loop for 12 s). Every array in the contract is made with this.
 */
export const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, { error: `has more than ${max} entries: send at most ${max} at a time` });
/** A short code or key (a standing item's code, a ladder's key). */
export const code = (max = 40) => z.string().max(max, { error: `is longer than ${max} characters` });
/** The most cases or actions a person can select at once (a whole caseload, the whole action tracker page). */
export const MAX_SELECTION = 5000;

export const Register = z.enum(codesOf(REGISTERS));
export const CaseStatus = z.enum(codesOf(CASE_STATUSES));
export const Rag = z.enum(codesOf(RAGS));
export const ReferralSource = z.enum(codesOf(REFERRAL_SOURCES));
export const CmeReason = z.enum(codesOf(CME_REASONS));
export const PmoeReason = z.enum(codesOf(PMOE_REASONS));
export const Urgency = z.enum(codesOf(URGENCIES));
export const ClosureReason = z.enum(codesOf(CLOSURE_REASONS));
export const CheckAgency = z.enum(codesOf(CHECK_AGENCIES));
export const Team = z.enum(codesOf(TEAMS));
export const Gender = z.enum(codesOf(GENDERS));

export const ChildFlags = z.object({
  ehcp: z.boolean(),
  senSupport: z.boolean(),
  fsm: z.boolean(),
  lookedAfter: z.boolean(),
  childProtectionPlan: z.boolean(),
  childInNeed: z.boolean(),
  youthOffending: z.boolean(),
  gypsyRomaTraveller: z.boolean(),
  youngCarer: z.boolean(),
  asylumRefugee: z.boolean(),
  armedForcesFamily: z.boolean(),
  missingFromHomeOrCare: z.boolean(),
  atRiskOfExploitation: z.boolean(),
});
export type ChildFlags = z.infer<typeof ChildFlags>;
export const FLAG_KEYS = Object.keys(ChildFlags.shape) as (keyof ChildFlags)[];

export const Officer = z.object({
  id: z.number(),
  name: z.string(),
  jobTitle: z.string().nullable(),
  team: Team,
  email: z.string().nullable(),
  active: z.boolean(),
  /** May authorise closures that need a manager (003 App. D/E). */
  isManager: z.boolean(),
  openCases: z.number(),
});
export type Officer = z.infer<typeof Officer>;

export const OfficerInput = z.object({
  name: text(120),
  jobTitle: optionalText(120),
  team: Team,
  email: z
    .union([z.email({ error: 'is not an e-mail address (e.g. name@council.gov.uk)' }).max(200, { error: 'is longer than 200 characters' }), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
  active: z.boolean().default(true),
  isManager: z.boolean().default(false),
});

export const Child = z.object({
  id: z.number(),
  forenames: z.string(),
  surname: z.string(),
  knownAs: z.string().nullable(),
  formerNames: z.string().nullable(),
  dateOfBirth: z.string(),
  gender: Gender,
  ethnicity: z.string().nullable(),
  upn: z.string().nullable(),
  familyId: z.number().nullable(),
  flags: ChildFlags,
  lookedAfterLa: z.string().nullable(),
  socialWorker: z.string().nullable(),
});
export type Child = z.infer<typeof Child>;

export const Address = z.object({
  id: z.number(),
  line1: z.string(),
  line2: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  current: z.boolean(),
});
export type Address = z.infer<typeof Address>;

export const Adult = z.object({
  id: z.number(),
  name: z.string(),
  relationship: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Adult = z.infer<typeof Adult>;

/** Editable referral and case fields (everything but status, RAG, lead officer and closure). */
export const CaseFieldsInput = z.object({
  dateNotified: pastDate,
  source: ReferralSource,
  referrerName: optionalText(120),
  referrerAgency: optionalText(120),
  referrerContact: optionalText(200),
  reason: CmeReason.nullish().transform((v) => v ?? null),
  urgency: Urgency.default('routine'),
  lastSchool: optionalText(160),
  lastAttendance: optionalPastDate,
  pmoeSchool: optionalText(160),
  pmoeReason: PmoeReason.nullish().transform((v) => v ?? null),
  hoursPerWeek: z
    .number({ error: 'must be a number of hours' })
    .min(0, { error: 'cannot be negative' })
    .max(40, { error: 'cannot be more than 40 hours a week' })
    .nullish()
    .transform((v) => v ?? null),
  provider: optionalText(160),
  timetableReviewDate: optionalDate,
  timetableEndDate: optionalDate,
  departureDate: optionalDate,
  destination: optionalText(200),
  professionalInvolvement: optionalText(4000),
  additionalInfo: optionalText(4000),
  dateAssessed: optionalPastDate,
  dateProvisionDetermined: optionalPastDate,
  dateEnteredProvision: optionalPastDate,
  dateLocated: optionalPastDate,
});
export type CaseFieldsInput = z.input<typeof CaseFieldsInput>;

export const Concern = z.object({ code: z.string(), label: z.string(), reason: z.string() });

export const CaseClocks = z.object({
  ageYears: z.number(),
  yearGroup: z.number(),
  yearGroupLabel: z.string(),
  csaStarts: z.string(),
  csaEnds: z.string(),
  daysOpen: z.number(),
  dueForPanel: z.boolean(),
  dueForPanelOn: z.string().nullable(),
  longTerm: z.boolean(),
  longTermFrom: z.string(),
  endOfCsaReached: z.boolean(),
  concerns: z.array(Concern),
});
export type CaseClocks = z.infer<typeof CaseClocks>;

export const Case = z.object({
  id: z.number(),
  childId: z.number(),
  register: Register,
  reference: z.string(),
  status: CaseStatus,
  dateNotified: z.string(),
  source: z.string(),
  referrerName: z.string().nullable(),
  referrerAgency: z.string().nullable(),
  referrerContact: z.string().nullable(),
  reason: z.string().nullable(),
  urgency: z.string(),
  lastSchool: z.string().nullable(),
  lastAttendance: z.string().nullable(),
  pmoeSchool: z.string().nullable(),
  pmoeReason: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  provider: z.string().nullable(),
  timetableReviewDate: z.string().nullable(),
  timetableEndDate: z.string().nullable(),
  departureDate: z.string().nullable(),
  destination: z.string().nullable(),
  professionalInvolvement: z.string().nullable(),
  additionalInfo: z.string().nullable(),
  dateAssessed: z.string().nullable(),
  dateProvisionDetermined: z.string().nullable(),
  dateEnteredProvision: z.string().nullable(),
  dateLocated: z.string().nullable(),
  leadOfficerId: z.number().nullable(),
  leadOfficerName: z.string().nullable(),
  rag: Rag.nullable(),
  ragReason: z.string().nullable(),
  closedOn: z.string().nullable(),
  closureReason: z.string().nullable(),
  closureDetail: z.string().nullable(),
  closureProposed: z.boolean(),
  archived: z.boolean(),
  /** Closed as not found: the next twice-yearly review (003 App. D). */
  unfoundReviewDue: z.string().nullable(),
  archiveFormCompletedOn: z.string().nullable(),
  archiveDirector: z.string().nullable(),
  archiveDecidedOn: z.string().nullable(),
  createdAt: z.string(),
});
export type Case = z.infer<typeof Case>;

/** A proposed closure and its decision (propose → authorise; shared/domain/closure.ts). */
export const ClosureProposal = z.object({
  id: z.number(),
  status: z.enum(['pending', 'authorised', 'declined', 'withdrawn', 'closed']),
  reason: ClosureReason,
  closedOn: z.string(),
  detail: z.string().nullable(),
  evidence: z.string(),
  s2sUploadedOn: z.string().nullable(),
  reasonableStepsLetterOn: z.string().nullable(),
  socialCareReferral: z.string().nullable(),
  safeguardingConclusion: z.string().nullable(),
  otherLa: z.string().nullable(),
  otherLaContact: z.string().nullable(),
  otherLaReferredOn: z.string().nullable(),
  otherLaAcceptedOn: z.string().nullable(),
  chaseOn: z.string().nullable(),
  overseasCountry: z.string().nullable(),
  overseasVerifiedHow: z.string().nullable(),
  proposedById: z.number(),
  proposedByName: z.string(),
  proposedOn: z.string(),
  meetingId: z.number().nullable(),
  decidedByName: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Still to happen before the case can close (e.g. the receiving LA's acceptance). */
  waitingFor: z.array(z.string()),
  /** Why a manager must authorise; empty when none is needed. */
  authorisationReasons: z.array(z.string()),
  /** Managers who may authorise (active, not the proposer). */
  authorisers: z.array(z.object({ id: z.number(), name: z.string(), jobTitle: z.string().nullable() })),
});
export type ClosureProposal = z.infer<typeof ClosureProposal>;

export const ClosureProposalInput = z.object({
  id,
  reason: ClosureReason,
  closedOn: pastDate,
  proposedById: id,
  evidence: text(4000),
  detail: optionalText(500),
  s2sUploadedOn: optionalPastDate,
  reasonableStepsLetterOn: optionalPastDate,
  socialCareReferral: optionalText(2000),
  safeguardingConclusion: optionalText(2000),
  otherLa: optionalText(160),
  otherLaContact: optionalText(300),
  otherLaReferredOn: optionalPastDate,
  otherLaAcceptedOn: optionalPastDate,
  overseasCountry: optionalText(120),
  overseasVerifiedHow: optionalText(1000),
});

/** A clock that has passed or is close: shown on the case and on Home. */
export const CaseAlert = z.object({
  code: z.string(),
  level: z.enum(['due', 'overdue']),
  text: z.string(),
  since: z.string(),
});
export type CaseAlert = z.infer<typeof CaseAlert>;

/** Clocks run out across the register, for Home: each kind with its count and the newest cases. */
export const HomeAlerts = z.array(
  z.object({
    code: z.string(),
    count: z.number(),
    cases: z.array(z.object({ caseId: z.number(), reference: z.string(), name: z.string(), since: z.string(), text: z.string() })),
  }),
);
export type HomeAlerts = z.infer<typeof HomeAlerts>;

export const Check = z.object({
  id: z.number(),
  agency: z.string(),
  checkedOn: z.string(),
  checkedBy: z.string(),
  outcome: z.string(),
  located: z.boolean(),
});
export type Check = z.infer<typeof Check>;

export const Note = z.object({
  id: z.number(),
  notedOn: z.string(),
  author: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof Note>;

export const Sibling = z.object({
  childId: z.number(),
  forenames: z.string(),
  surname: z.string(),
  dateOfBirth: z.string(),
  cases: z.array(z.object({ id: z.number(), reference: z.string(), status: CaseStatus })),
});
export type Sibling = z.infer<typeof Sibling>;

export const CaseDetail = z.object({
  case: Case,
  child: Child,
  clocks: CaseClocks,
  addresses: z.array(Address),
  adults: z.array(Adult),
  siblings: z.array(Sibling),
  checks: z.array(Check),
  notes: z.array(Note),
  otherCases: z.array(z.object({ id: z.number(), reference: z.string(), status: CaseStatus, register: Register })),
  /** School-day clocks from the date of last attendance, counted on the term calendar (seed 000 §4, 003). */
  schoolDays: z
    .object({
      sinceLastAttendance: z.number(),
      enquiriesEnd: z.string(),
      deletionFrom: z.string(),
      calendarCovers: z.boolean(),
    })
    .nullable(),
  /** The pending closure, if one is waiting; then the earlier ones, newest first. */
  closures: z.array(ClosureProposal),
  alerts: z.array(CaseAlert),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const RegisterRow = z.object({
  caseId: z.number(),
  reference: z.string(),
  register: Register,
  status: CaseStatus,
  childId: z.number(),
  forenames: z.string(),
  surname: z.string(),
  /** The current address's postcode, for search. */
  postcode: z.string().nullable(),
  knownAs: z.string().nullable(),
  formerNames: z.string().nullable(),
  upn: z.string().nullable(),
  dateOfBirth: z.string(),
  ageYears: z.number(),
  yearGroup: z.number(),
  dateNotified: z.string(),
  rag: Rag.nullable(),
  leadOfficerId: z.number().nullable(),
  leadOfficerName: z.string().nullable(),
  school: z.string().nullable(),
  flags: z.array(z.string()),
  daysOpen: z.number(),
  dueForPanel: z.boolean(),
  longTerm: z.boolean(),
  endOfCsaReached: z.boolean(),
  concerns: z.number(),
  urgency: z.string(),
  closedOn: z.string().nullable(),
  closureReason: z.string().nullable(),
  /** Net RAG movement since the last meeting of the case's panel (null: never rated). */
  ragMovement: z.enum(['improved', 'same', 'worsened', 'new']).nullable(),
});
export type RegisterRow = z.infer<typeof RegisterRow>;

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  source: z.string().nullable(),
  action: z.enum(['insert', 'update', 'delete']),
  entity: z.string(),
  entityId: z.number(),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ChildInput = z.object({
  forenames: text(100),
  surname: text(100),
  knownAs: optionalText(100),
  formerNames: optionalText(200),
  dateOfBirth: pastDate,
  gender: Gender,
  ethnicity: optionalText(8),
  upn: optionalText(20),
  flags: ChildFlags.partial().default({}),
  lookedAfterLa: optionalText(120),
  socialWorker: optionalText(120),
});
export type ChildInput = z.input<typeof ChildInput>;

export const AddressInput = z.object({
  line1: text(160),
  line2: optionalText(160),
  town: optionalText(80),
  postcode: optionalText(10),
  fromDate: optionalDate,
  toDate: optionalDate,
});
export const AdultInput = z.object({
  name: text(120),
  relationship: optionalText(60),
  phone: optionalText(40),
  email: optionalText(120),
  notes: optionalText(1000),
});
export const CheckInput = z.object({
  agency: CheckAgency,
  checkedOn: pastDate,
  checkedBy: text(120),
  outcome: text(2000),
  located: z.boolean().default(false),
});

export const ReferralInput = z.object({
  register: Register,
  child: ChildInput,
  /** Set to link the referral to a child already on the register (e.g. after a duplicate warning). */
  existingChildId: id.nullish(),
  /** The person saw a child on the register with the same name and date of birth and says this is a different child. */
  confirmedDifferentChild: z.boolean().default(false),
  siblings: list(ChildInput.pick({ forenames: true, surname: true, dateOfBirth: true, gender: true, ethnicity: true, flags: true }).extend({ refer: z.boolean().default(true) }), 20).default([]),
  address: AddressInput.nullish(),
  newAddress: AddressInput.nullish(),
  adults: list(AdultInput, 20).default([]),
  case: CaseFieldsInput,
  preReferralActions: list(CheckInput, 100).default([]),
});
export type ReferralInput = z.input<typeof ReferralInput>;
