/**
 * PMOE "Criteria of Concern" (000_60e5703186df2ddd.txt §11): pupils on the PMOE register who are
 * monitored and tracked more closely, and then RAG-rated.
 */
import { type IsoDate, formatUk, isoParts } from './dates';
import type { CaseStatus, ChildFlags, Register } from './vocab';
import { describeTerms, termsOnRegister, type WholeTerm } from './pmoeTerms';

export const CONCERN_CRITERIA = [
  { code: 'two_terms', label: 'On the PMOE register for two consecutive terms' },
  { code: 'missing', label: 'Known to have gone missing from home or care' },
  { code: 'looked_after_cp_cin', label: 'Looked after, or on a child protection or child in need plan' },
  { code: 'exploitation', label: 'At risk of sexual exploitation (multi-agency missing meeting)' },
  { code: 'ehcp_provision', label: 'EHCP with difficulties securing provision' },
  { code: 'under_10_hours', label: 'Attending less than 10 hours a week' },
] as const;
export type ConcernCode = (typeof CONCERN_CRITERIA)[number]['code'];

export type TermName = 'autumn' | 'spring' | 'summer';

export interface Term {
  name: TermName;
  /** First day of the term as used here (see termOf). */
  starts: IsoDate;
}

/**
 * The school term a date falls in, APPROXIMATELY: used only where the term calendar (pmoeTerms.ts)
 * does not reach the dates: autumn from
 * 1 September, spring from 1 January, summer from 1 April; holidays count as part of the term
 * they follow (so August is "summer").
 */
export function termOf(iso: IsoDate): Term {
  const { year, month } = isoParts(iso);
  if (month >= 9) return { name: 'autumn', starts: `${year}-09-01` };
  if (month >= 4) return { name: 'summer', starts: `${year}-04-01` };
  return { name: 'spring', starts: `${year}-01-01` };
}

/** A running number for terms: consecutive terms differ by 1. */
function termIndex(iso: IsoDate): number {
  const { year } = isoParts(iso);
  const t = termOf(iso);
  // School year starting in September of Y: autumn Y, spring Y+1, summer Y+1.
  if (t.name === 'autumn') return year * 3;
  return (year - 1) * 3 + (t.name === 'spring' ? 1 : 2);
}

function termYearLabel(iso: IsoDate): string {
  return `${termOf(iso).name} ${isoParts(iso).year}`;
}

export interface ConcernInput {
  register: Register;
  status: CaseStatus;
  /** Date the pupil was notified to / placed on the register. */
  dateNotified: IsoDate;
  hoursPerWeek: number | null;
  pmoeReason: string | null;
  provider: string | null;
  flags: Pick<
    ChildFlags,
    'ehcp' | 'lookedAfter' | 'childProtectionPlan' | 'childInNeed' | 'missingFromHomeOrCare' | 'atRiskOfExploitation'
  >;
}

export interface Concern {
  code: ConcernCode;
  label: string;
  /** Why, naming the evidence, e.g. "Attending 6 hours a week (under 10)". */
  reason: string;
}

function labelFor(code: ConcernCode): string {
  const entry = CONCERN_CRITERIA.find((c) => c.code === code);
  return entry ? entry.label : code;
}

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formatHours(h: number): string {
  const n = Number.isInteger(h) ? String(h) : String(Math.round(h * 100) / 100);
  return `${n} ${h === 1 ? 'hour' : 'hours'}`;
}

/**
 * The criteria of concern a PMOE case meets on `onDate`, in the order of 000 §11, each with a
 * reason naming the evidence. [] for CME cases and closed cases.
 */
export function criteriaOfConcern(input: ConcernInput, onDate: IsoDate, terms: readonly WholeTerm[] | null = null): Concern[] {
  if (input.register !== 'PMOE' || input.status === 'closed') return [];
  const out: Concern[] = [];
  const add = (code: ConcernCode, reason: string): void => {
    out.push({ code, label: labelFor(code), reason });
  };
  const f = input.flags;

  // 1. Two consecutive terms, on the term calendar when it covers the dates (issue 10): on the
  // register in the term in progress and the one before. Otherwise the fixed approximation below.
  const onCalendar = terms === null ? null : termsOnRegister(input.dateNotified, onDate, terms);
  const current = termOf(onDate);
  if (onCalendar !== null) {
    if (onCalendar.length >= 2) add('two_terms', describeTerms(onCalendar, input.dateNotified));
  } else if (input.dateNotified < current.starts) {
    const terms = termIndex(onDate) - termIndex(input.dateNotified) + 1;
    const since = formatUk(input.dateNotified);
    const span =
      terms === 2
        ? `${termOf(input.dateNotified).name} and ${current.name} terms`
        : `${terms} terms, ${termYearLabel(input.dateNotified)} to ${termYearLabel(onDate)}`;
    add('two_terms', `On the PMOE register since ${since} (${span})`);
  }

  // 2. Missing from home or care.
  if (f.missingFromHomeOrCare) add('missing', 'Known to have gone missing from home or care');

  // 3. Looked after / child protection / child in need.
  const statuses: string[] = [];
  if (f.lookedAfter) statuses.push('looked after');
  if (f.childProtectionPlan) statuses.push('on a child protection plan');
  if (f.childInNeed) statuses.push('on a child in need plan');
  if (statuses.length > 0) add('looked_after_cp_cin', capitalise(joinAnd(statuses)));

  // 4. At risk of (sexual) exploitation — referred to the multi-agency missing meeting.
  if (f.atRiskOfExploitation) {
    add('exploitation', 'Identified as at risk of exploitation (multi-agency missing meeting)');
  }

  // 5. EHCP and ongoing difficulties securing provision.
  if (f.ehcp) {
    const evidence: string[] = [];
    if (input.pmoeReason === 'awaiting_ehcp_placement') evidence.push('awaiting an EHCP placement');
    if (input.provider === null || input.provider.trim() === '') evidence.push('no provider recorded');
    if (input.hoursPerWeek === 0) evidence.push('0 hours a week');
    if (evidence.length > 0) add('ehcp_provision', `Has an EHCP; ${joinAnd(evidence)}`);
  }

  // 6. Less than 10 hours a week.
  if (input.hoursPerWeek !== null && Number.isFinite(input.hoursPerWeek) && input.hoursPerWeek < 10) {
    add('under_10_hours', `Attending ${formatHours(input.hoursPerWeek)} a week (under 10)`);
  }

  return out;
}
