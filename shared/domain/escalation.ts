/**
 * Escalation. When a case is intractable, the professional network disagrees, or a school appears
 * not to have met its duties (e.g. deleting a pupil from roll), the officer escalates up a ladder
 * and each step is logged (DOMAIN.md "Escalation"). The ladder differs per authority, so it is
 * configuration (`Ladder`), not code; `DEFAULT_LADDERS` holds the two ladders in the seeds.
 *
 * Pure: dates are arguments and the clock is never read.
 */
import { type IsoDate, diffDays, formatUk, isIsoDate, isoParts } from './dates';
import { type VocabEntry, labelMap } from './vocab';

export interface LadderLevel {
  /** 1 = first rung; levels run 1..n in order. */
  level: number;
  /** The role, e.g. "Relevant Head of Service". */
  title: string;
  /** A named person in the role, or null. */
  person: string | null;
}

export interface Ladder {
  code: string;
  name: string;
  levels: LadderLevel[];
}

/**
 * Bexley: 000_60e5703186df2ddd.txt §12 "Escalation to management arrangements": "Inclusion
 * Officers will escalate to the relevant Head of Service. Where the Heads of Services are unable to
 * resolve, the matter will be referred to the Deputy Director for Education and Specialist
 * Children's Services for a decision." The Inclusion Officer raises the escalation, so the first
 * rung is the Head of Service and level 2 (the Deputy Director) decides.
 *
 * Redbridge: 003_1d325f11f8174d6c.txt Appendix E "Children Missing Education Structure and
 * Management Oversight": Information Officer for Children Missing Education "Escalates Unresolved
 * Issues to" Vulnerable Children's Officer "Escalates Unresolved Matters to" Education Welfare
 * Service Operational Manager "Escalates Unresolved Issues to" Operational Director for Education
 * and Inclusion "Escalates Serious Matters to" Corporate Director of People. (The body text of 003
 * says "Operational Director of Education and Inclusion"; Appendix E's wording is used. The
 * Department for Education box beside the chart is outside the authority and not a rung.)
 */
export const DEFAULT_LADDERS: readonly Ladder[] = [
  {
    code: 'bexley',
    name: 'Bexley',
    levels: [
      // The Inclusion Officer is the one who escalates, not a rung (000 §12; issue 10).
      { level: 1, title: 'Relevant Head of Service', person: null },
      { level: 2, title: "Deputy Director for Education and Specialist Children's Services", person: null },
    ],
  },
  {
    code: 'redbridge',
    name: 'Redbridge',
    levels: [
      { level: 1, title: 'Information Officer for Children Missing Education', person: null },
      { level: 2, title: "Vulnerable Children's Officer", person: null },
      { level: 3, title: 'Education Welfare Service Operational Manager', person: null },
      { level: 4, title: 'Operational Director for Education and Inclusion', person: null },
      { level: 5, title: 'Corporate Director of People', person: null },
    ],
  },
];

/**
 * Why a case is escalated (000 §12: intractable, professional dispute, school not following its
 * duties). The canonical list: shared/api/meetingSchemas.ts uses the same codes and labels.
 */
export const ESCALATION_REASONS = [
  { code: 'no_progress', label: 'Intractable / no progress' },
  { code: 'professional_dispute', label: 'Professional dispute' },
  { code: 'school_duties', label: 'School not meeting its duties (e.g. deleting a pupil from roll)' },
  { code: 'safeguarding', label: 'Safeguarding concern' },
  { code: 'no_provision', label: 'No suitable provision available' },
  { code: 'other', label: 'Other' },
] as const satisfies readonly VocabEntry[];
export type EscalationReasonCode = (typeof ESCALATION_REASONS)[number]['code'];
export const ESCALATION_REASON_LABELS = labelMap(ESCALATION_REASONS);

// ---------------------------------------------------------------------------------------------
// Status machine

export const ESCALATION_STATUSES = [
  { code: 'open', label: 'Open' },
  { code: 'responded', label: 'Responded' },
  { code: 'resolved', label: 'Resolved' },
  { code: 'escalated', label: 'Escalated further' },
] as const satisfies readonly VocabEntry[];
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number]['code'];

/**
 * Allowed moves. A step is raised 'open'; the person at that level responds; the step is then
 * resolved or escalated to the next level. 'resolved' and 'escalated' are final (an escalated
 * step is carried on by the next step; a resolved matter raised again is a new chain).
 */
export const ESCALATION_TRANSITIONS: Readonly<Record<EscalationStatus, readonly EscalationStatus[]>> = {
  open: ['responded', 'resolved', 'escalated'],
  responded: ['resolved', 'escalated'],
  resolved: [],
  escalated: [],
};

/** True when a step may move from `from` to `to` (staying put is not a transition). */
export function canTransition(from: EscalationStatus, to: EscalationStatus): boolean {
  return ESCALATION_TRANSITIONS[from].includes(to);
}

/** Shown when there is no next level. */
export const TOP_OF_LADDER_MESSAGE = 'Already at the top of the ladder';

/**
 * The level above `level` on `ladder`, or null when `level` is the top ("already at the top of the
 * ladder"). `nextLevel(ladder, 0)` is the first rung.
 */
export function nextLevel(ladder: Ladder, level: number): LadderLevel | null {
  const next = ladder.levels.find((l) => l.level === level + 1);
  return next ? { level: next.level, title: next.title, person: next.person } : null;
}

/** The rung at `level` on `ladder`, or null when the ladder has no such level. */
export function ladderRung(ladder: Ladder, level: number): LadderLevel | null {
  return ladder.levels.find((l) => l.level === level) ?? null;
}

/**
 * Why `level` cannot be raised on `ladder` (null when it can). Every escalation, raised between
 * meetings or at a panel item, climbs the authority's configured ladder (000 §12, 003 App. E).
 */
export function ladderLevelProblem(ladder: Ladder, level: number): string | null {
  return ladderRung(ladder, level) ? null : `${ladder.name}'s ladder has levels 1 to ${ladder.levels.length}.`;
}

/** A ladder as offered when raising: level and title. */
export type LadderStep = Pick<LadderLevel, 'level' | 'title'>;

/** The ladder offered before Settings has loaded: the first default ladder (Bexley, 000 §12). */
export const DEFAULT_LADDER: readonly LadderStep[] = DEFAULT_LADDERS[0]!.levels.map(({ level, title }) => ({ level, title }));

/** The title for a level on the ladder, or '' beyond it. */
export function titleForLevel(level: number, ladder: readonly LadderStep[] = DEFAULT_LADDER): string {
  return ladder.find((s) => s.level === level)?.title ?? '';
}

/**
 * The level to propose when raising for a case: one above the highest escalation still open
 * (1 when none), at most the top of the ladder. (`nextLevel` is the rung above one step.)
 */
export function proposedLevel(existing: readonly { level: number; status: string }[], ladder: readonly LadderStep[] = DEFAULT_LADDER): number {
  const open = existing.filter((e) => e.status === 'open' || e.status === 'escalated');
  const top = Math.max(0, ...open.map((e) => e.level));
  return Math.min(top + 1, Math.max(ladder.length, 1));
}

/** Levels to offer in the "Level" select: the rungs of the ladder. */
export function levelOptions(ladder: readonly LadderStep[] = DEFAULT_LADDER): { code: string; label: string }[] {
  return ladder.map((l) => ({ code: String(l.level), label: `${l.level} — ${l.title}` }));
}

// ---------------------------------------------------------------------------------------------
// Chains

export interface EscalationStep {
  level: number;
  raisedOn: IsoDate;
  status: EscalationStatus;
  resolvedOn: IsoDate | null;
}

/**
 * Problems with a chain of steps for one escalation, given in the order they were raised ([] when
 * it is sound). Rules: levels go up by exactly one from step to step; dates never go backwards
 * (raised ≤ resolved ≤ next raised); every step but the last is 'escalated'; the last is not
 * 'escalated' (there would be a next step); a resolved step has a resolved date and an open or
 * responded one has none. With `ladder`, every level must be on it.
 */
export function validateChain(steps: readonly EscalationStep[], ladder?: Ladder): string[] {
  const problems: string[] = [];
  const top = ladder ? Math.max(0, ...ladder.levels.map((l) => l.level)) : null;
  let prevLevel: number | null = null;
  let prevDate: IsoDate | null = null;

  steps.forEach((s, i) => {
    const n = i + 1;
    const last = i === steps.length - 1;

    if (!Number.isInteger(s.level) || s.level < 1) {
      problems.push(`Step ${n}: level ${s.level} is not a level (1 or more)`);
    } else {
      if (top !== null && s.level > top) {
        problems.push(`Step ${n}: level ${s.level} is above the top of the ladder (level ${top})`);
      }
      if (prevLevel !== null && s.level !== prevLevel + 1) {
        problems.push(
          `Step ${n}: level ${s.level} follows level ${prevLevel}; each step must go up exactly one level (to ${prevLevel + 1})`,
        );
      }
    }
    prevLevel = Number.isInteger(s.level) ? s.level : null;

    if (!isIsoDate(s.raisedOn)) {
      problems.push(`Step ${n}: raised date ${JSON.stringify(s.raisedOn)} is not a date`);
    } else {
      if (prevDate !== null && s.raisedOn < prevDate) {
        problems.push(`Step ${n}: raised on ${s.raisedOn}, before the previous step's date ${prevDate}`);
      }
      prevDate = s.raisedOn;
    }

    if (s.resolvedOn !== null) {
      if (!isIsoDate(s.resolvedOn)) {
        problems.push(`Step ${n}: resolved date ${JSON.stringify(s.resolvedOn)} is not a date`);
      } else {
        if (isIsoDate(s.raisedOn) && s.resolvedOn < s.raisedOn) {
          problems.push(`Step ${n}: resolved on ${s.resolvedOn}, before it was raised on ${s.raisedOn}`);
        }
        prevDate = prevDate === null || s.resolvedOn > prevDate ? s.resolvedOn : prevDate;
      }
    }

    if (!last && s.status !== 'escalated') {
      problems.push(`Step ${n}: is '${s.status}' but a later step follows; only the last step can be open or responded, and earlier steps are 'escalated'`);
    }
    if (last && s.status === 'escalated') {
      problems.push(`Step ${n}: is 'escalated' but there is no next step`);
    }
    if (s.status === 'resolved' && s.resolvedOn === null) {
      problems.push(`Step ${n}: is resolved but has no resolved date`);
    }
    if ((s.status === 'open' || s.status === 'responded') && s.resolvedOn !== null) {
      problems.push(`Step ${n}: is '${s.status}' but has a resolved date`);
    }
  });
  return problems;
}

/** Whole days since a step was raised, never negative. */
export function escalationAge(raisedOn: IsoDate, onDate: IsoDate): number {
  return Math.max(0, diffDays(raisedOn, onDate));
}

/** An open step whose response was due before `onDate` (due today is not yet overdue). */
export function isResponseOverdue(step: { status: EscalationStatus; responseDue: IsoDate | null }, onDate: IsoDate): boolean {
  isoParts(onDate);
  return step.status === 'open' && step.responseDue !== null && step.responseDue < onDate;
}

/**
 * A step's response due date must be on or after the day the step is raised: one before it would be
 * logged as overdue at once (the QA walk found a panel escalation "due 01/01/2020" in the log and the
 * minutes). The same rule at a panel item, between meetings and up the ladder. Null when it is fine.
 */
export function responseDueProblem(responseDue: IsoDate | null | undefined, raisedOn: IsoDate): string | null {
  isoParts(raisedOn);
  if (responseDue === null || responseDue === undefined || responseDue >= raisedOn) return null;
  return `Response due ${formatUk(responseDue)} is before the escalation is raised (${formatUk(raisedOn)}). Choose that day or later.`;
}

// ---------------------------------------------------------------------------------------------
// Ladder configuration

/** Problems with a ladder set up in Settings ([] when it is sound). */
export function validateLadder(ladder: Ladder): string[] {
  const problems: string[] = [];
  if (ladder.code.trim() === '') problems.push('The ladder needs a code');
  if (ladder.name.trim() === '') problems.push('The ladder needs a name');
  if (ladder.levels.length === 0) {
    problems.push('The ladder needs at least one level');
    return problems;
  }
  ladder.levels.forEach((l, i) => {
    const expected = i + 1;
    if (l.level !== expected) {
      problems.push(`Level ${expected} is numbered ${l.level}; levels must run 1, 2, 3… in order`);
    }
    if (l.title.trim() === '') problems.push(`Level ${expected} needs a title`);
  });
  return problems;
}
