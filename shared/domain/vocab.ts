/**
 * Controlled vocabularies. Each list is an `as const` array of `{ code, label }` (some entries
 * carry extra fields); the code union types are derived from the arrays so that adding an entry
 * in one place updates the types everywhere. Codes are stored in the database; labels are shown.
 * Sources are cited by seed file name (in ../shared/seeds/) and section.
 */

export interface VocabEntry<C extends string = string> {
  readonly code: C;
  readonly label: string;
}

type CodeOf<L extends readonly VocabEntry[]> = L[number]['code'];

/** The label for `code` in `list`; '' for null/undefined/''; the code itself if it is unknown. */
export function labelOf<L extends readonly VocabEntry[]>(list: L, code: CodeOf<L> | string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  const entry = list.find((e) => e.code === code);
  return entry ? entry.label : code;
}

/** The entry for `code`, or undefined. */
export function entryOf<L extends readonly VocabEntry[]>(list: L, code: string | null | undefined): L[number] | undefined {
  if (code === null || code === undefined) return undefined;
  return list.find((e) => e.code === code);
}

/** True when `code` is one of the codes in `list` (narrows the type). */
export function isCodeOf<L extends readonly VocabEntry[]>(list: L, code: unknown): code is CodeOf<L> {
  return typeof code === 'string' && list.some((e) => e.code === code);
}

/** The codes as a non-empty tuple, in list order (handy for `z.enum(codesOf(LIST))`). */
export function codesOf<L extends readonly [VocabEntry, ...VocabEntry[]]>(list: L): [CodeOf<L>, ...CodeOf<L>[]] {
  const [first, ...rest] = list.map((e) => e.code as CodeOf<L>);
  if (first === undefined) throw new Error('empty vocabulary');
  return [first, ...rest];
}

/** `{ code: label }` for a list. */
export function labelMap<L extends readonly VocabEntry[]>(list: L): Readonly<Record<CodeOf<L>, string>> {
  const out: Partial<Record<CodeOf<L>, string>> = {};
  for (const e of list) out[e.code as CodeOf<L>] = e.label;
  return out as Record<CodeOf<L>, string>;
}

// ---------------------------------------------------------------------------------------------
// Registers, statuses, RAG

/** Two registers, two panels (DOMAIN.md "Two registers, two panels"; 000 §7, §11). */
export const REGISTERS = [
  { code: 'CME', label: 'Children Missing Education' },
  { code: 'PMOE', label: 'Pupils Missing Out on Education' },
] as const satisfies readonly VocabEntry[];
export type Register = CodeOf<typeof REGISTERS>;
export const REGISTER_LABELS = labelMap(REGISTERS);

/** Case life: referred → checks → at panel → closed (000 §7, DOMAIN.md "Case life"). */
export const CASE_STATUSES = [
  { code: 'referred', label: 'Referred' },
  { code: 'checks', label: 'Checks under way' },
  { code: 'at_panel', label: 'At panel' },
  { code: 'closed', label: 'Closed' },
] as const satisfies readonly VocabEntry[];
export type CaseStatus = CodeOf<typeof CASE_STATUSES>;
export const CASE_STATUS_LABELS = labelMap(CASE_STATUSES);

/** RAG rating of circumstances and barriers to a quick return to full-time education (000 §11). */
export const RAGS = [
  { code: 'red', label: 'Red' },
  { code: 'amber', label: 'Amber' },
  { code: 'green', label: 'Green' },
] as const satisfies readonly VocabEntry[];
export type Rag = CodeOf<typeof RAGS>;
export const RAG_LABELS = labelMap(RAGS);

// ---------------------------------------------------------------------------------------------
// Referral

/** Who notified the LA (DOMAIN.md case life step 1; 000 §5, 003 App. A). */
export const REFERRAL_SOURCES = [
  { code: 'admissions', label: 'Admissions' },
  { code: 'school', label: 'School' },
  { code: 'other_la', label: 'Another local authority (CME officer)' },
  { code: 'ehe', label: 'Elective Home Education officer' },
  { code: 'social_care_mash', label: 'Social worker / MASH' },
  { code: 'health', label: 'Health' },
  { code: 'yot', label: 'Youth Offending Team' },
  { code: 'send', label: 'SEND team' },
  { code: 'inclusion', label: 'Inclusion team' },
  { code: 'police', label: 'Police' },
  { code: 'public', label: 'Member of the public' },
  { code: 'other', label: 'Other' },
] as const satisfies readonly VocabEntry[];
export type ReferralSource = CodeOf<typeof REFERRAL_SOURCES>;

/** Reason category for a CME referral (000 §3, 001 §3.1, 003). */
export const CME_REASONS = [
  { code: 'whereabouts_unknown', label: 'Whereabouts unknown' },
  { code: 'left_without_destination', label: 'Left school with no known destination' },
  { code: 'moved_abroad_unconfirmed', label: 'Believed to have moved abroad (not confirmed)' },
  { code: 'not_on_roll_new_arrival', label: 'New arrival, not on a school roll' },
  { code: 'removed_from_roll', label: 'Removed from a school roll' },
  { code: 'ehe_unsuitable', label: 'Home education not suitable' },
  { code: 'awaiting_school_place', label: 'Awaiting a school place' },
  { code: 'other', label: 'Other' },
] as const satisfies readonly VocabEntry[];
export type CmeReason = CodeOf<typeof CME_REASONS>;

/** Why a pupil on roll is not in full-time education (DOMAIN.md PMOE; 000 §11, 002). */
export const PMOE_REASONS = [
  { code: 'reduced_timetable', label: 'Reduced / part-time timetable' },
  { code: 'ap_part_time', label: 'Alternative provision (part time)' },
  { code: 'ap_full_time', label: 'Alternative provision (full time, off site)' },
  { code: 'medical', label: 'Medical' },
  { code: 'awaiting_ehcp_placement', label: 'Awaiting EHCP placement' },
  // 000 §11 "Many of these children are not on a school roll"; 002 includes children awaiting a placement.
  { code: 'awaiting_placement', label: 'Awaiting a school placement (not on roll)' },
  { code: 'excluded', label: 'Excluded' },
  { code: 'other', label: 'Other' },
] as const satisfies readonly VocabEntry[];
export type PmoeReason = CodeOf<typeof PMOE_REASONS>;

/** Triage on receipt, "urgent to routine" (003 App. D). Most urgent first. */
export const URGENCIES = [
  { code: 'urgent', label: 'Urgent' },
  { code: 'high', label: 'High' },
  { code: 'routine', label: 'Routine' },
] as const satisfies readonly VocabEntry[];
export type Urgency = CodeOf<typeof URGENCIES>;

// ---------------------------------------------------------------------------------------------
// Closure

export interface ClosureReasonEntry extends VocabEntry {
  /** Label of the free-text detail the officer must/can give, or null when none is asked for. */
  readonly detailLabel: string | null;
  readonly detailRequired: boolean;
}

/**
 * Why a case was closed (DOMAIN.md case life step 6; 000 §7 f–h, §9; 002; 003 App. D).
 * - moved_other_la: close once the other LA has accepted the CME referral (000 §9).
 * - moved_overseas: destination "confirmed where possible", so the country is asked for but not required.
 * - end_of_csa: closed on the last Friday of June (000 §7 h).
 * - unresolved_lost: not found after all enquiries — S2S lost pupil database, reasonable-steps
 *   letter to last school, CSC referral considered (000 §7 g, 003 App. D).
 */
export const CLOSURE_REASONS = [
  { code: 'on_roll_attending', label: 'On roll and attending a school', detailLabel: 'Destination school', detailRequired: true },
  { code: 'moved_other_la', label: 'Moved to another local authority (referral accepted)', detailLabel: 'New local authority', detailRequired: true },
  { code: 'moved_overseas', label: 'Moved overseas', detailLabel: 'Destination country', detailRequired: false },
  { code: 'ehe_confirmed', label: 'Elective home education confirmed', detailLabel: null, detailRequired: false },
  { code: 'end_of_csa', label: 'Reached the end of compulsory school age', detailLabel: null, detailRequired: false },
  { code: 'full_time_education_restored', label: 'Full-time education restored (PMOE)', detailLabel: null, detailRequired: false },
  { code: 'unresolved_lost', label: 'Not found after all enquiries (lost pupil)', detailLabel: null, detailRequired: false },
  { code: 'other', label: 'Other', detailLabel: 'Reason', detailRequired: true },
] as const satisfies readonly ClosureReasonEntry[];
export type ClosureReason = CodeOf<typeof CLOSURE_REASONS>;

// ---------------------------------------------------------------------------------------------
// Checks

export type CheckStage = 1 | 2 | 3;

export interface CheckAgencyEntry extends VocabEntry {
  readonly stage: CheckStage;
}

/** Redbridge's three stages of enquiry (003 App. D). */
export const CHECK_STAGE_LABELS: Readonly<Record<CheckStage, string>> = {
  1: 'Stage 1: intelligence',
  2: 'Stage 2: database checks',
  3: 'Stage 3: final home visit',
};

/**
 * Agencies and systems checked to locate a child (DOMAIN.md step 3; 000 §7; 001 §4.2, App. 4).
 * Stage per 003 App. D: stage 1 "all intelligence provided investigated" (contacting the
 * referrer, the last school, the family by phone/letter/e-mail, another LA); stage 2 "details
 * checked against available databases"; stage 3 "final home visit". (003 App. E also mentions
 * home visits and phone calls "at second stage of enquiry"; the flowchart stages are used here.)
 */
export const CHECK_AGENCIES = [
  { code: 'housing', label: 'Housing', stage: 2 },
  { code: 'council_tax', label: 'Council Tax', stage: 2 },
  { code: 'health_nhs', label: 'Health (NHS)', stage: 2 },
  { code: 'police', label: 'Police', stage: 2 },
  { code: 'benefits_hmrc', label: 'Benefits / HMRC Child Benefit', stage: 2 },
  // 001 §4.2: "United Kingdom Border Agency (UKBA): Child protection cases only."
  { code: 'home_office', label: 'Home Office (child protection cases only)', stage: 2 },
  { code: 'social_care_system', label: 'Social care system', stage: 2 },
  { code: 'admissions_system', label: 'Admissions system', stage: 2 },
  { code: 'last_school', label: 'School last attended', stage: 1 },
  { code: 'key_to_success', label: 'DfE Key to Success', stage: 2 },
  { code: 's2s_lost_pupil', label: 'S2S lost pupil database', stage: 2 },
  { code: 'home_visit', label: 'Home visit', stage: 3 },
  { code: 'other_la', label: 'Another local authority', stage: 1 },
  { code: 'phone_call', label: 'Phone call', stage: 1 },
  { code: 'letter', label: 'Letter', stage: 1 },
  { code: 'email', label: 'E-mail', stage: 1 },
  { code: 'other', label: 'Other', stage: 1 },
] as const satisfies readonly CheckAgencyEntry[];
export type CheckAgency = CodeOf<typeof CHECK_AGENCIES>;

// ---------------------------------------------------------------------------------------------
// People

/** Teams a lead officer can belong to (000 §7 c, §12). */
export const TEAMS = [
  { code: 'admissions', label: 'Admissions' },
  { code: 'education_welfare', label: 'Education Welfare' },
  { code: 'sen', label: 'SEN' },
  { code: 'inclusion', label: 'Inclusion' },
  { code: 'virtual_school', label: 'Virtual School' },
  { code: 'yos', label: 'Youth Offending Service' },
  { code: 'childrens_social_care', label: "Children's Social Care" },
  { code: 'mash', label: 'MASH' },
  { code: 'ehe', label: 'Elective Home Education' },
  { code: 'health', label: 'Health' },
  { code: 'cme', label: 'CME' },
  { code: 'other', label: 'Other' },
] as const satisfies readonly VocabEntry[];
export type Team = CodeOf<typeof TEAMS>;

export const GENDERS = [
  { code: 'female', label: 'Female' },
  { code: 'male', label: 'Male' },
  { code: 'other', label: 'Other' },
  { code: 'not_known', label: 'Not known' },
] as const satisfies readonly VocabEntry[];
export type Gender = CodeOf<typeof GENDERS>;

/** DfE ethnicity main codes (school census). */
export const ETHNICITIES = [
  { code: 'WBRI', label: 'White British' },
  { code: 'WIRI', label: 'White Irish' },
  { code: 'WOTH', label: 'Any other White background' },
  { code: 'WROM', label: 'Gypsy / Roma' },
  { code: 'WIRT', label: 'Traveller of Irish heritage' },
  { code: 'MWBC', label: 'White and Black Caribbean' },
  { code: 'MWBA', label: 'White and Black African' },
  { code: 'MWAS', label: 'White and Asian' },
  { code: 'MOTH', label: 'Any other mixed background' },
  { code: 'AIND', label: 'Indian' },
  { code: 'APKN', label: 'Pakistani' },
  { code: 'ABAN', label: 'Bangladeshi' },
  { code: 'AOTH', label: 'Any other Asian background' },
  { code: 'BCRB', label: 'Black Caribbean' },
  { code: 'BAFR', label: 'Black African' },
  { code: 'BOTH', label: 'Any other Black background' },
  { code: 'CHNE', label: 'Chinese' },
  { code: 'OOTH', label: 'Any other ethnic group' },
  { code: 'REFU', label: 'Refused' },
  { code: 'NOBT', label: 'Information not yet obtained' },
] as const satisfies readonly VocabEntry[];
export type Ethnicity = CodeOf<typeof ETHNICITIES>;

/**
 * Yes/no facts about a child. The camelCase codes are the property names used on child records
 * (`ChildFlags`) elsewhere — keep them exactly. Sources: referral content (003 App. A), criteria of
 * concern (000 §11), Ealing's risk factors (002).
 */
export const CHILD_FLAGS = [
  { code: 'ehcp', label: 'EHCP' },
  { code: 'senSupport', label: 'SEN support' },
  { code: 'fsm', label: 'Free school meals' },
  { code: 'lookedAfter', label: 'Looked after' },
  { code: 'childProtectionPlan', label: 'Child protection plan' },
  { code: 'childInNeed', label: 'Child in need plan' },
  { code: 'youthOffending', label: 'YOS involvement' },
  { code: 'gypsyRomaTraveller', label: 'Gypsy, Roma or Traveller' },
  { code: 'youngCarer', label: 'Young carer' },
  { code: 'asylumRefugee', label: 'Asylum seeker / refugee' },
  { code: 'armedForcesFamily', label: 'Armed forces family' },
  { code: 'missingFromHomeOrCare', label: 'Missing from home or care' },
  { code: 'atRiskOfExploitation', label: 'At risk of exploitation' },
] as const satisfies readonly VocabEntry[];
export type ChildFlagCode = CodeOf<typeof CHILD_FLAGS>;
export type ChildFlags = Record<ChildFlagCode, boolean>;

/** All flags false. */
export function noChildFlags(): ChildFlags {
  const out = {} as ChildFlags;
  for (const f of CHILD_FLAGS) out[f.code] = false;
  return out;
}
