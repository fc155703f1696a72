/**
 * A suggested RAG rating, worked out from stated rules and shown beside the panel's own rating
 * with its reasons. The panel decides: the suggestion is advice, and choosing a different rating
 * needs a reason (`overrideNeedsReason`).
 *
 * The rules live in one table, `RAG_RULES` (code, rating, description, source, test) — the table
 * a manager reads in Settings. The suggestion is the worst rating of any rule that fires; when
 * none fires it is green with the reason "No risk factors recorded" (`RAG_NO_RISK_FACTORS`).
 *
 * Sources (seed files in ../shared/seeds/):
 * - 000_60e5703186df2ddd.txt §7 (four weeks → panel), §8 ("has not been receiving a suitable
 *   education for two months or more"), §11 (criteria of concern, RAG rating).
 * - 002_4e2ea64e89123f19.txt (Ealing's risk factors: open social care or youth justice case;
 *   part-time or no provision for a child with an EHCP; Gypsy, Roma or Traveller community).
 *
 * Pure: `onDate` is an argument and the clock is never read.
 */
import { type IsoDate, diffDays, isIsoDate, isoParts } from './dates';
import { PANEL_AFTER_DAYS } from './clocks';
import type { CaseStatus, ChildFlags, Rag, Register } from './vocab';

/** Under this many hours a week is a criterion of concern (000 §11). */
export const UNDER_HOURS_THRESHOLD = 10;
/** Hours a week treated as full-time for the "out of education" rule. */
export const FULL_TIME_HOURS = 25;
/** "Two months" (000 §8) as days: open for more than 60 days, i.e. 61 or more. */
export const OUT_OF_EDUCATION_DAYS = 61;

export type RagFlags = Pick<
  ChildFlags,
  | 'ehcp'
  | 'lookedAfter'
  | 'childProtectionPlan'
  | 'childInNeed'
  | 'missingFromHomeOrCare'
  | 'atRiskOfExploitation'
  | 'youthOffending'
  | 'gypsyRomaTraveller'
>;

export interface SuggestedRagInput {
  register: Register;
  status: CaseStatus;
  dateNotified: IsoDate;
  dateLocated: IsoDate | null;
  hoursPerWeek: number | null;
  pmoeReason: string | null;
  provider: string | null;
  flags: RagFlags;
  /** CME: the date the child entered a school place or provision (a located child without one is not safe). */
  dateEnteredProvision?: IsoDate | null;
  /** PMOE criteria of concern, already computed (concern.ts); only 'two_terms' is read here. */
  concerns: readonly { code: string; label: string; reason: string }[];
}

/** Facts every rule reads, worked out once. */
export interface RagFacts {
  input: SuggestedRagInput;
  onDate: IsoDate;
  open: boolean;
  /** Whole days from notification to onDate, never negative. */
  daysSinceNotified: number;
  /** Located on or before onDate (a dateLocated after onDate does not count yet). */
  located: boolean;
  /** An open CME case whose child has not been located by onDate. */
  cmeNotLocated: boolean;
  /** Hours a week when recorded as a finite number ≥ 0, else null. */
  hours: number | null;
  /** Provider recorded (not null/blank). */
  hasProvider: boolean;
}

export interface RagRule {
  readonly code: string;
  readonly rag: Rag;
  /** Plain English, for the Settings table. */
  readonly description: string;
  /** Seed file and section the rule comes from. */
  readonly source: string;
  /** True when the rule applies. */
  readonly test: (f: RagFacts) => boolean;
  /** The reason shown beside the suggestion, naming the evidence. Only called when `test` is true. */
  readonly explain: (f: RagFacts) => string;
}

export interface RagReason {
  rule: string;
  rag: Rag;
  text: string;
}

export interface SuggestedRag {
  rag: Rag;
  reasons: RagReason[];
}

const SEED_000 = '000_60e5703186df2ddd.txt';
const SEED_002 = '002_4e2ea64e89123f19.txt';

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

function hoursText(h: number): string {
  const n = Number.isInteger(h) ? String(h) : String(Math.round(h * 100) / 100);
  return `${n} ${h === 1 ? 'hour' : 'hours'}`;
}

/** Red rules first, then amber; reasons are listed in this order. */
export const RAG_RULES: readonly RagRule[] = [
  // ---- RED -----------------------------------------------------------------------------------
  {
    code: 'cme_whereabouts_unknown',
    rag: 'red',
    description: `CME: whereabouts unknown (not located) for ${PANEL_AFTER_DAYS} days or more`,
    source: `${SEED_000} §7`,
    test: (f) => f.cmeNotLocated && f.daysSinceNotified >= PANEL_AFTER_DAYS,
    explain: (f) => `Whereabouts unknown for ${days(f.daysSinceNotified)} (${PANEL_AFTER_DAYS} or more)`,
  },
  {
    code: 'child_protection_plan',
    rag: 'red',
    description: 'On a child protection plan',
    source: `${SEED_000} §11`,
    test: (f) => f.input.flags.childProtectionPlan,
    explain: () => 'On a child protection plan',
  },
  {
    code: 'missing_from_home_or_care',
    rag: 'red',
    description: 'Known to have gone missing from home or care',
    source: `${SEED_000} §11`,
    test: (f) => f.input.flags.missingFromHomeOrCare,
    explain: () => 'Known to have gone missing from home or care',
  },
  {
    code: 'at_risk_of_exploitation',
    rag: 'red',
    description: 'At risk of exploitation (multi-agency missing meeting)',
    source: `${SEED_000} §11`,
    test: (f) => f.input.flags.atRiskOfExploitation,
    explain: () => 'At risk of exploitation',
  },
  {
    // A CME child not yet located is covered by the two whereabouts rules instead, so it is not
    // counted twice.
    code: 'no_provision',
    rag: 'red',
    description: 'PMOE: no provision at all (0 hours a week)',
    source: `${SEED_000} §11; ${SEED_002}`,
    test: (f) => f.open && f.input.register === 'PMOE' && f.hours === 0,
    explain: () => 'No provision: 0 hours a week',
  },
  {
    code: 'looked_after_not_located',
    rag: 'red',
    description: 'CME: looked after and not located',
    source: `${SEED_000} §11`,
    test: (f) => f.input.flags.lookedAfter && f.cmeNotLocated,
    explain: (f) => `Looked after and not located (${days(f.daysSinceNotified)} since notified)`,
  },
  // ---- AMBER ---------------------------------------------------------------------------------
  {
    code: 'cme_whereabouts_not_confirmed',
    rag: 'amber',
    description: `CME: whereabouts not yet confirmed (not located, under ${PANEL_AFTER_DAYS} days)`,
    source: `${SEED_000} §7`,
    test: (f) => f.cmeNotLocated && f.daysSinceNotified < PANEL_AFTER_DAYS,
    explain: (f) =>
      `Whereabouts not yet confirmed (${days(f.daysSinceNotified)} since notified; panel at ${PANEL_AFTER_DAYS})`,
  },
  {
    code: 'pmoe_under_10_hours',
    rag: 'amber',
    description: `PMOE: attending under ${UNDER_HOURS_THRESHOLD} hours a week (but more than 0)`,
    source: `${SEED_000} §11`,
    test: (f) =>
      f.open && f.input.register === 'PMOE' && f.hours !== null && f.hours > 0 && f.hours < UNDER_HOURS_THRESHOLD,
    explain: (f) => `Attending ${hoursText(f.hours ?? 0)} a week (under ${UNDER_HOURS_THRESHOLD})`,
  },
  {
    code: 'child_in_need',
    rag: 'amber',
    description: 'On a child in need plan',
    source: `${SEED_000} §11; ${SEED_002}`,
    test: (f) => f.input.flags.childInNeed,
    explain: () => 'On a child in need plan',
  },
  {
    code: 'looked_after',
    rag: 'amber',
    description: 'Looked after (located, or in provision)',
    source: `${SEED_000} §11`,
    test: (f) => f.input.flags.lookedAfter && !f.cmeNotLocated,
    explain: () => 'Looked after: the Virtual School reports on the case',
  },
  {
    code: 'ehcp_provision',
    rag: 'amber',
    description: 'Has an EHCP with no provider recorded, or awaiting an EHCP placement',
    source: `${SEED_000} §11; ${SEED_002}`,
    test: (f) => f.input.flags.ehcp && (!f.hasProvider || f.input.pmoeReason === 'awaiting_ehcp_placement'),
    explain: (f) => {
      const evidence: string[] = [];
      if (f.input.pmoeReason === 'awaiting_ehcp_placement') evidence.push('awaiting an EHCP placement');
      if (!f.hasProvider) evidence.push('no provider recorded');
      return `Has an EHCP; ${evidence.join(' and ')}`;
    },
  },
  {
    code: 'youth_offending',
    rag: 'amber',
    description: 'Youth Offending Service involvement (open youth justice case)',
    source: SEED_002,
    test: (f) => f.input.flags.youthOffending,
    explain: () => 'Youth Offending Service involvement',
  },
  {
    code: 'gypsy_roma_traveller',
    rag: 'amber',
    description: 'From the Gypsy, Roma or Traveller community (Ealing risk factor)',
    source: SEED_002,
    test: (f) => f.input.flags.gypsyRomaTraveller,
    explain: () => 'From the Gypsy, Roma or Traveller community',
  },
  {
    code: 'out_of_education_2_months',
    rag: 'amber',
    description:
      `Out of education two months or more: open ${OUT_OF_EDUCATION_DAYS}+ days and, for CME, not located or located with no school place or provision; ` +
      `for PMOE, under ${FULL_TIME_HOURS} hours a week (or hours not recorded)`,
    source: `${SEED_000} §3, §8`,
    // A located CME child with no school place or provision is still out of education (DOMAIN.md
    // Corrections: located is not safe), so it is never suggested green on that account.
    test: (f) => {
      if (!f.open || f.daysSinceNotified < OUT_OF_EDUCATION_DAYS) return false;
      if (f.input.register === 'CME') return f.cmeNotLocated || !inProvision(f);
      return f.hours === null || f.hours < FULL_TIME_HOURS;
    },
    explain: (f) =>
      f.input.register === 'CME'
        ? f.cmeNotLocated
          ? `Out of education for ${days(f.daysSinceNotified)} (two months or more)`
          : `Located but no school place or provision ${days(f.daysSinceNotified)} after notification (two months or more)`
        : `Not in full-time education for ${days(f.daysSinceNotified)} (two months or more)`,
  },
  {
    code: 'pmoe_two_terms',
    rag: 'amber',
    description: 'PMOE: on the register for two consecutive terms',
    source: `${SEED_000} §11`,
    test: (f) => f.open && f.input.register === 'PMOE' && f.input.concerns.some((c) => c.code === 'two_terms'),
    explain: (f) => f.input.concerns.find((c) => c.code === 'two_terms')?.reason || 'On the PMOE register for two consecutive terms',
  },
];

function inProvision(f: RagFacts): boolean {
  const d = f.input.dateEnteredProvision ?? null;
  return d !== null && isIsoDate(d) && d <= f.onDate;
}

/** The green default, shown as the last row of the Settings table. */
export const RAG_NO_RISK_FACTORS = {
  code: 'no_risk_factors',
  rag: 'green',
  description: `None of the rules above applies (e.g. located, or in part-time provision of ${UNDER_HOURS_THRESHOLD}+ hours a week with no other factors)`,
  text: 'No risk factors recorded',
} as const;

const RANK: Readonly<Record<Rag, number>> = { green: 0, amber: 1, red: 2 };

/** The worse of two ratings (red > amber > green). */
export function worseRag(a: Rag, b: Rag): Rag {
  return RANK[b] > RANK[a] ? b : a;
}

/** The facts the rules read. Throws RangeError for an invalid onDate or dateNotified. */
export function ragFacts(input: SuggestedRagInput, onDate: IsoDate): RagFacts {
  isoParts(onDate);
  const open = input.status !== 'closed';
  const located = input.dateLocated !== null && isIsoDate(input.dateLocated) && input.dateLocated <= onDate;
  const h = input.hoursPerWeek;
  return {
    input,
    onDate,
    open,
    daysSinceNotified: Math.max(0, diffDays(input.dateNotified, onDate)),
    located,
    cmeNotLocated: input.register === 'CME' && open && !located,
    hours: h !== null && Number.isFinite(h) && h >= 0 ? h : null,
    hasProvider: input.provider !== null && input.provider.trim() !== '',
  };
}

/**
 * The suggested rating on `onDate`: the worst rating of the rules that fire, with one reason per
 * rule in `RAG_RULES` order (red first); green "No risk factors recorded" when none fires.
 */
export function suggestRag(input: SuggestedRagInput, onDate: IsoDate): SuggestedRag {
  const facts = ragFacts(input, onDate);
  const reasons: RagReason[] = [];
  let rag: Rag = 'green';
  for (const rule of RAG_RULES) {
    if (!rule.test(facts)) continue;
    reasons.push({ rule: rule.code, rag: rule.rag, text: rule.explain(facts) });
    rag = worseRag(rag, rule.rag);
  }
  if (reasons.length === 0) {
    reasons.push({ rule: RAG_NO_RISK_FACTORS.code, rag: 'green', text: RAG_NO_RISK_FACTORS.text });
  }
  return { rag, reasons };
}

/** Choosing a rating other than the suggested one needs a reason. */
export function overrideNeedsReason(suggested: Rag, chosen: Rag): boolean {
  return suggested !== chosen;
}
