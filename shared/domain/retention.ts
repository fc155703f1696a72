import { birthdayIn, isoParts, addMonths, type IsoDate } from './dates';

/**
 * How long a register keeps a child's records once their cases are closed (issue 13).
 *
 * The seeds set no period: they ask that the register be held under data-protection law and used
 * for no other purpose (seed 004 "Database and Monitoring": the database "is registered under the
 * terms of the Data Protection Act … The data must not be used for any other purpose"; seed 002
 * Annex B: information sent securely, under an agreed privacy policy). Keeping closed records until
 * the child's 25th birthday is the usual local-authority schedule for education case files, so it is
 * the default, and each register (CME, PMOE) can set its own rule.
 *
 * Two limits come from the seeds, not from configuration:
 * - a child not found is never past retention: "Until a child/young person is located the LEA should
 *   maintain a record of their details" (seed 004 "De-registration Protocols"; seed 000 §7(g) and seed 003
 *   App. D keep unfound cases under review);
 * - a child with any open case, on either register, is not past retention.
 */
export type RetentionBasis = 'birthday' | 'after_closure';

export interface RetentionRule {
  /** birthday: keep until the child's `years`th birthday; after_closure: `years` years after the case closed. */
  basis: RetentionBasis;
  years: number;
}

export type RetentionRules = Record<'CME' | 'PMOE', RetentionRule>;

export const DEFAULT_RETENTION: RetentionRules = {
  CME: { basis: 'birthday', years: 25 },
  PMOE: { basis: 'birthday', years: 25 },
};

export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 100;

export interface RetentionCase {
  register: 'CME' | 'PMOE';
  status: string;
  closedOn: IsoDate | null;
  closureReason: string | null;
}

export type RetentionVerdict =
  | { kind: 'open' }
  | { kind: 'not_found' }
  | { kind: 'keep'; until: IsoDate }
  | { kind: 'past'; since: IsoDate };

/** The date a closed case's retention ends under its register's rule (a 29 February birthday: 1 March). */
export function retentionEndsOn(dateOfBirth: IsoDate, c: RetentionCase, rules: RetentionRules = DEFAULT_RETENTION): IsoDate {
  const rule = rules[c.register];
  if (rule.basis === 'birthday') return birthdayIn(dateOfBirth, isoParts(dateOfBirth).year + rule.years);
  if (!c.closedOn) throw new RangeError('A closed case needs its closing date to work out its retention');
  return addMonths(c.closedOn, rule.years * 12);
}

/**
 * Whether a child's records are past retention on `today`: every case closed, none closed as not
 * found, and `today` on or after the latest of their cases' retention end dates (records are kept
 * *until* that date, so they may be erased on it).
 */
export function retentionVerdict(dateOfBirth: IsoDate, cases: readonly RetentionCase[], today: IsoDate, rules: RetentionRules = DEFAULT_RETENTION): RetentionVerdict {
  if (cases.some((c) => c.status !== 'closed')) return { kind: 'open' };
  if (cases.some((c) => c.closureReason === 'unresolved_lost')) return { kind: 'not_found' };
  if (cases.length === 0) return { kind: 'past', since: dateOfBirth };
  const end = cases.map((c) => retentionEndsOn(dateOfBirth, c, rules)).reduce((a, b) => (a > b ? a : b));
  return today >= end ? { kind: 'past', since: end } : { kind: 'keep', until: end };
}

/** Checks a rule someone typed; returns the problem in words, or null. */
export function retentionRuleProblem(rule: RetentionRule): string | null {
  if (!Number.isInteger(rule.years) || rule.years < RETENTION_YEARS_MIN || rule.years > RETENTION_YEARS_MAX) {
    return `must be a whole number of years from ${RETENTION_YEARS_MIN} to ${RETENTION_YEARS_MAX}`;
  }
  // Keeping a record past retention is allowed; erasing before the child is an adult is a mistake worth stopping.
  if (rule.basis === 'birthday' && rule.years < 18) return 'keeps records only until a birthday before 18: choose 18 or more';
  return null;
}
