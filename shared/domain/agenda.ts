/**
 * The panel agenda: which cases the CME (monthly) or PMOE (half-termly) panel should discuss, and
 * why. Each proposal carries the reasons, each naming its evidence and dates, so the chair can see
 * at a glance why a case is on the list (and take it off). Pure: the meeting dates are arguments.
 */
import { type IsoDate, addDays, compareIso, epochDay, formatUk, isoParts } from './dates';
import { PANEL_AFTER_DAYS, dueForPanelOn, isDueForPanel, isLongTerm } from './clocks';
import { compulsorySchoolAge } from './schoolAge';
import type { CaseStatus, Rag, Register } from './vocab';
import { provisionAlerts } from './educationClocks';
import { closureProposedText, isUnfoundReviewDue, type PendingClosure } from './closure';

export interface AgendaCase {
  caseId: number;
  reference: string;
  register: Register;
  status: CaseStatus;
  rag: Rag | null;
  dateNotified: IsoDate;
  dateLocated: IsoDate | null;
  dateOfBirth: IsoDate;
  /** The lead officer proposes closure. */
  closureProposed: boolean;
  /** The closure proposal recorded for it and still waiting (a manager, another LA), if any. */
  closurePending?: PendingClosure | null;
  /** Long-term case already archived (open but dormant, 001 §6.2). */
  archived: boolean;
  lookedAfter: boolean;
  /** PMOE criteria of concern, already computed (concern.ts). */
  concerns: { code: string; label: string; reason: string }[];
  timetableReviewDate: IsoDate | null;
  timetableEndDate: IsoDate | null;
  /** Due dates of this case's open actions. */
  openActionsDue: IsoDate[];
  /** Dates of earlier meetings of THIS panel at which the case was actually discussed. */
  discussedAt: IsoDate[];
  // Safeguarding clocks (issue 10); optional so callers that don't know them still compile.
  lastAttendance?: IsoDate | null;
  dateEnteredProvision?: IsoDate | null;
  /** Closed as not found: the next twice-yearly review (003 App. D). */
  unfoundReviewDue?: IsoDate | null;
  /** Child protection / child in need plan, missing from home or care, at risk of exploitation. */
  safeguarding?: boolean;
  /** The last meeting of this panel at which the case was on the agenda but not reached. */
  notReachedAt?: IsoDate | null;
  /** PMOE: the latest school return that added or changed the case (issue 14), e.g. "New in the return from Oak Primary (Autumn 2 2026/27)". */
  newInReturn?: { receivedOn: IsoDate; text: string } | null;
}

export interface AgendaContext {
  register: Register;
  meetingDate: IsoDate;
  nextMeetingDate: IsoDate | null;
  /** This panel's earlier meetings, newest first. */
  previousMeetingDates: IsoDate[];
}

export const AGENDA_SECTIONS = ['case_reviews', 'new_referrals', 'proposed_closures'] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

export const SECTION_LABELS: Readonly<Record<AgendaSection, string>> = {
  case_reviews: 'Case reviews',
  new_referrals: 'New referrals',
  proposed_closures: 'Proposed closures',
};

/** Reason codes in the order reasons are listed on a proposal. */
export const REASON_CODES = [
  'new_in_return',
  'concern',
  'red',
  'amber',
  'due_for_panel',
  'looked_after',
  'timetable_review',
  'actions_due',
  'closure_proposed',
  'archiving',
  'end_of_csa',
  'amber_review',
  'green_review',
  'located_without_provision',
  'unfound_review_due',
  'not_reached',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  text: string;
}

export interface Proposal {
  caseId: number;
  reference: string;
  section: AgendaSection;
  reasons: Reason[];
  rag: Rag | null;
}

/** An amber CME case comes back if it was not discussed at any of the last 2 meetings. */
export const AMBER_REVIEW_MEETINGS = 2;
/** A green CME case comes back if it was not discussed at any of the last 3 meetings. */
export const GREEN_REVIEW_MEETINGS = 3;
/** With no next meeting booked, end of CSA is looked for this many days ahead (strictly before). */
export const END_OF_CSA_LOOKAHEAD_DAYS = 31;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function latest(dates: readonly IsoDate[]): IsoDate | null {
  let max: IsoDate | null = null;
  for (const d of dates) if (max === null || d > max) max = d;
  return max;
}

/**
 * Amber/green review: was the case discussed at any of the last `n` meetings before this one?
 * Fewer than `n` earlier meetings: those there are. No earlier meetings: not discussed (so due).
 */
function reviewReason(c: AgendaCase, previous: readonly IsoDate[], discussed: readonly IsoDate[], n: number, code: ReasonCode): Reason | null {
  const window = previous.slice(0, n);
  if (window.some((m) => discussed.includes(m))) return null;
  const rag = c.rag === 'amber' ? 'amber' : 'green';
  const last = latest(discussed);
  const since = last === null ? 'never discussed at this panel' : `last discussed ${formatUk(last)}`;
  const text =
    window.length === 0
      ? `Rated ${rag}: due for review (${since})`
      : `Rated ${rag}: not discussed at the last ${window.length === 1 ? 'meeting' : plural(window.length, 'meeting')} (${since})`;
  return { code, text };
}

function actionsReason(c: AgendaCase, meetingDate: IsoDate): Reason | null {
  const due = c.openActionsDue.filter((d) => compareIso(d, meetingDate) <= 0);
  if (due.length === 0) return null;
  const overdue = due.filter((d) => d < meetingDate).length;
  return {
    code: 'actions_due',
    text: `${plural(due.length, 'action')} due by ${formatUk(meetingDate)}${overdue > 0 ? ` (${overdue} overdue)` : ''}`,
  };
}

function timetableReason(c: AgendaCase, meetingDate: IsoDate): Reason | null {
  const parts: string[] = [];
  const describe = (what: string, d: IsoDate | null): void => {
    if (d === null || compareIso(d, meetingDate) > 0) return;
    parts.push(`Part-time timetable ${what} ${formatUk(d)} ${d < meetingDate ? 'has passed' : 'is the date of this meeting'}`);
  };
  describe('review date', c.timetableReviewDate);
  describe('end date', c.timetableEndDate);
  return parts.length === 0 ? null : { code: 'timetable_review', text: parts.join('; ') };
}

/**
 * What every case's rules share at one meeting, worked out once per build rather than once per case:
 * the earlier meetings and the end-of-CSA look-ahead, and the end of compulsory school age per date
 * of birth (a large register has many children per birth date).
 */
interface Prepared {
  previous: readonly IsoDate[];
  lookahead: IsoDate;
  csaEnds: (dateOfBirth: IsoDate) => IsoDate;
}

function prepare(ctx: AgendaContext): Prepared {
  isoParts(ctx.meetingDate);
  if (ctx.nextMeetingDate !== null) isoParts(ctx.nextMeetingDate);
  const ends = new Map<IsoDate, IsoDate>();
  return {
    // Newest first, and only meetings before this one.
    previous: ctx.previousMeetingDates.filter((d) => compareIso(d, ctx.meetingDate) < 0).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)),
    lookahead: addDays(ctx.meetingDate, END_OF_CSA_LOOKAHEAD_DAYS),
    csaEnds: (dob) => {
      let e = ends.get(dob);
      if (e === undefined) {
        e = compulsorySchoolAge(dob).ends;
        ends.set(dob, e);
      }
      return e;
    },
  };
}

function endOfCsaReason(c: AgendaCase, ctx: AgendaContext, prep: Prepared): Reason | null {
  const ends = prep.csaEnds(c.dateOfBirth);
  const next = ctx.nextMeetingDate;
  const due = next !== null ? ends <= next : ends < prep.lookahead;
  if (!due) return null;
  let text: string;
  if (ends < ctx.meetingDate) text = `Reached the end of compulsory school age on ${formatUk(ends)}: record to be closed`;
  else if (next !== null) text = `Reaches the end of compulsory school age on ${formatUk(ends)}, by the next meeting on ${formatUk(next)}`;
  else text = `Reaches the end of compulsory school age on ${formatUk(ends)}, within a month of this meeting`;
  return { code: 'end_of_csa', text };
}

/**
 * A located CME child with no school place or provision whose clocks have run out: two months out of
 * education (000 §8) or 20 days waiting for an allocation (001 App. 3). Located is not safe.
 */
export function locatedWithoutProvisionReason(c: AgendaCase, meetingDate: IsoDate): Reason | null {
  const alerts = provisionAlerts(
    { register: c.register, status: c.status, dateNotified: c.dateNotified, lastAttendance: c.lastAttendance ?? null, dateLocated: c.dateLocated, dateEnteredProvision: c.dateEnteredProvision ?? null },
    meetingDate,
  );
  if (alerts.length === 0) return null;
  return { code: 'located_without_provision', text: alerts.map((a) => a.text).join(' ') };
}

/** A case closed as not found whose twice-yearly review falls on or before the meeting (003 App. D). */
export function unfoundReviewReason(c: AgendaCase, meetingDate: IsoDate): Reason | null {
  const due = c.unfoundReviewDue ?? null;
  if (!isUnfoundReviewDue(due, meetingDate)) return null;
  return { code: 'unfound_review_due', text: `Not found: twice-yearly review due ${formatUk(due)}` };
}

const RED: Reason = { code: 'red', text: 'Rated red' };

/**
 * A PMOE child a school's return added or changed since this panel last met (000 §11: the panel
 * reviews the half-termly returns), until the panel has discussed them.
 */
export function newInReturnReason(c: AgendaCase, previous: readonly IsoDate[], discussed: readonly IsoDate[]): Reason | null {
  const r = c.newInReturn ?? null;
  if (r === null) return null;
  const lastMeeting = previous[0] ?? null;
  if (lastMeeting !== null && compareIso(r.receivedOn, lastMeeting) < 0) return null;
  if (discussed.some((d) => compareIso(d, r.receivedOn) >= 0)) return null;
  return { code: 'new_in_return', text: r.text };
}

/** All the reasons a case should be discussed at this meeting, in REASON_CODES order. */
function reasonsFor(c: AgendaCase, ctx: AgendaContext, prep: Prepared): Reason[] {
  const { meetingDate } = ctx;
  const { previous } = prep;
  // Only earlier meetings count as "discussed" (the agenda may be re-proposed after a meeting is held).
  const discussed = c.discussedAt.filter((d) => compareIso(d, meetingDate) < 0);
  // Archived long-term cases are dormant: no routine reviews, but anything that needs a decision
  // (red rating, actions falling due, closure, end of CSA…) still brings them back.
  const routine = !c.archived;
  const reasons: (Reason | null)[] = [];

  if (ctx.register === 'CME') {
    if (c.rag === 'red') reasons.push(RED);
    // The clock's own fields only, not a copy of the whole case (needless garbage over thousands of cases).
    const clock = { register: c.register, status: c.status, dateNotified: c.dateNotified, dateLocated: c.dateLocated, archived: c.archived, takenToPanel: discussed.length > 0 };
    if (isDueForPanel(clock, meetingDate)) {
      reasons.push({
        code: 'due_for_panel',
        text: `Not located ${PANEL_AFTER_DAYS / 7} weeks after notification (notified ${formatUk(c.dateNotified)}, due for panel ${formatUk(dueForPanelOn(c.dateNotified))})`,
      });
    }
    reasons.push(actionsReason(c, meetingDate));
    if (c.closureProposed) reasons.push({ code: 'closure_proposed', text: closureProposedText(c.closurePending ?? null) });
    if (routine && isLongTerm(c, meetingDate)) {
      reasons.push({ code: 'archiving', text: `Open since ${formatUk(c.dateNotified)} (long-term): archiving decision due` });
    }
    reasons.push(endOfCsaReason(c, ctx, prep));
    if (routine && c.rag === 'amber') reasons.push(reviewReason(c, previous, discussed, AMBER_REVIEW_MEETINGS, 'amber_review'));
    if (routine && c.rag === 'green') reasons.push(reviewReason(c, previous, discussed, GREEN_REVIEW_MEETINGS, 'green_review'));
    // Dormant (archived by the Director) cases are left to the Director's decision.
    if (routine) reasons.push(locatedWithoutProvisionReason(c, meetingDate));
  } else {
    reasons.push(newInReturnReason(c, previous, discussed));
    if (c.concerns.length > 0) {
      reasons.push({ code: 'concern', text: `Criteria of concern: ${c.concerns.map((k) => k.label).join('; ')}` });
    }
    if (c.rag === 'red') reasons.push(RED);
    if (routine && c.rag === 'amber') reasons.push({ code: 'amber', text: 'Rated amber' });
    if (c.lookedAfter) reasons.push({ code: 'looked_after', text: 'Looked-after child: Virtual School report' });
    reasons.push(timetableReason(c, meetingDate));
    reasons.push(actionsReason(c, meetingDate));
    if (c.closureProposed) reasons.push({ code: 'closure_proposed', text: closureProposedText(c.closurePending ?? null) });
  }
  if (c.notReachedAt && compareIso(c.notReachedAt, meetingDate) < 0 && !discussed.some((d) => d > c.notReachedAt!)) {
    reasons.push({ code: 'not_reached', text: `Not reached at the meeting of ${formatUk(c.notReachedAt)}: carried to this meeting` });
  }

  const present = reasons.filter((r): r is Reason => r !== null);
  return present.sort((a, b) => REASON_CODES.indexOf(a.code) - REASON_CODES.indexOf(b.code));
}

/** "New referrals" are cases notified since the previous meeting of the panel (on or after its date). */
function sectionFor(c: AgendaCase, reasons: readonly Reason[], neverDiscussed: boolean, previousMeeting: IsoDate | null): AgendaSection {
  const has = (code: ReasonCode): boolean => reasons.some((r) => r.code === code);
  if (has('closure_proposed') || has('end_of_csa')) return 'proposed_closures';
  const newSince = previousMeeting === null || compareIso(c.dateNotified, previousMeeting) >= 0;
  if (newSince && (has('due_for_panel') || (neverDiscussed && c.status === 'referred'))) return 'new_referrals';
  return 'case_reviews';
}

/**
 * The cases this meeting should discuss: open cases on the panel's register for which at least one
 * rule applies, each once with all its reasons, in `defaultOrder`.
 *
 * CME: red (every red case); due_for_panel (not located 28 days after notification by the meeting
 * date and never discussed at this panel); actions_due (an open action due on or before the meeting
 * date); closure_proposed; archiving (open 6 months or more and not yet archived); end_of_csa
 * (the school leaving date is on or before the next meeting, or within 31 days when none is
 * booked); amber_review (amber, not discussed at any of the last 2 meetings); green_review (green,
 * not discussed at any of the last 3 meetings).
 * PMOE: new_in_return (added or changed by a school return received since the previous meeting, and
 * not discussed since); concern (any criterion of concern); red; amber; looked_after; timetable_review (part-time
 * timetable review or end date on or before the meeting date); actions_due; closure_proposed.
 * Archived (dormant) cases get no routine reasons (due_for_panel, archiving, amber/green review,
 * PMOE amber); the other rules still apply to them.
 *
 * Any register: not_reached (on the agenda of an earlier meeting but not reached, and not discussed
 * since).
 *
 * Section: proposed_closures if closure is proposed or CSA ends; otherwise new_referrals if notified
 * since the previous meeting and due for panel (or never discussed and still at status 'referred');
 * otherwise case_reviews.
 */
export function proposeAgenda(cases: readonly AgendaCase[], ctx: AgendaContext): Proposal[] {
  return defaultOrder(eligibleCases(cases, ctx).proposals);
}

/**
 * proposeAgenda's proposals in the order of `cases`, each beside its case (`of[i]` is the case of
 * `proposals[i]`): planAgenda ranks them itself, so sorting them first would be wasted.
 */
function eligibleCases(cases: readonly AgendaCase[], ctx: AgendaContext, exclude?: ReadonlySet<number>): { proposals: Proposal[]; of: AgendaCase[] } {
  const prep = prepare(ctx);
  const { previous } = prep;
  const proposals: Proposal[] = [];
  const of: AgendaCase[] = [];
  for (const c of cases) {
    if (c.register !== ctx.register || exclude?.has(c.caseId)) continue;
    // A closed case comes back only for its twice-yearly unfound review (003 App. D).
    const unfound = c.status === 'closed' ? unfoundReviewReason(c, ctx.meetingDate) : null;
    if (c.status === 'closed' && unfound === null) continue;
    const reasons = unfound !== null ? [unfound] : reasonsFor(c, ctx, prep);
    if (reasons.length === 0) continue;
    const neverDiscussed = !c.discussedAt.some((d) => d < ctx.meetingDate);
    proposals.push({
      caseId: c.caseId,
      reference: c.reference,
      section: sectionFor(c, reasons, neverDiscussed, previous[0] ?? null),
      reasons,
      rag: c.rag,
    });
    of.push(c);
  }
  return { proposals, of };
}

/** Days a packed ranking key leaves for the date notified: every day of years 0000–9999 (epochDay ±4.2 million). */
const DAY_SPAN = 2 ** 23;

const RAG_ORDER: Readonly<Record<Rag, number>> = { red: 0, amber: 1, green: 2 };

function ragRank(rag: Rag | null): number {
  return rag === null ? 3 : (RAG_ORDER[rag] ?? 3);
}

/**
 * Sections in the order case reviews, new referrals, proposed closures; within a section red,
 * amber, green, then unrated; ties by case reference (then case id). Returns a new array.
 */
export function defaultOrder(proposals: readonly Proposal[]): Proposal[] {
  return [...proposals].sort(
    (a, b) =>
      AGENDA_SECTIONS.indexOf(a.section) - AGENDA_SECTIONS.indexOf(b.section) ||
      ragRank(a.rag) - ragRank(b.rag) ||
      (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0) ||
      a.caseId - b.caseId,
  );
}

export const STANDING_ITEMS = [
  { code: 'welcome_apologies', title: 'Welcome and apologies' },
  { code: 'previous_minutes', title: 'Minutes of the last meeting and matters arising' },
  { code: 'figures', title: 'Figures' },
  { code: 'escalations', title: 'Escalations' },
  { code: 'aob', title: 'Any other business' },
  { code: 'next_meeting', title: 'Date of next meeting' },
] as const;
export type StandingItemCode = (typeof STANDING_ITEMS)[number]['code'];

/** Standing items that come before the case sections; the rest come after. */
const BEFORE_CASES: readonly StandingItemCode[] = ['welcome_apologies', 'previous_minutes', 'figures'];

export type AgendaSlot =
  | { kind: 'standing'; code: StandingItemCode; title: string }
  | { kind: 'cases'; code: AgendaSection; title: string };

/**
 * The agenda's running order: welcome and apologies, previous minutes, figures, the three case
 * sections (case reviews, new referrals, proposed closures), escalations, any other business, date
 * of next meeting. A fresh array each call.
 */
export function agendaSkeleton(): AgendaSlot[] {
  const standing = (code: StandingItemCode, title: string): AgendaSlot => ({ kind: 'standing', code, title });
  const before = STANDING_ITEMS.filter((s) => BEFORE_CASES.includes(s.code)).map((s) => standing(s.code, s.title));
  const after = STANDING_ITEMS.filter((s) => !BEFORE_CASES.includes(s.code)).map((s) => standing(s.code, s.title));
  const sections = AGENDA_SECTIONS.map((code): AgendaSlot => ({ kind: 'cases', code, title: SECTION_LABELS[code] }));
  return [...before, ...sections, ...after];
}

// ---------------------------------------------------------------------------------------------
// Capacity and priority: a panel has about two hours, so the builder proposes at most `capacity`
// cases, the most pressing first, and lists the rest as "also eligible". A layer over the reasons
// above: a new reason code only needs a tier here (and, if it obliges discussion, MANDATORY_REASONS).

/** Default cases per meeting when a panel sets none (past CME panels held 17–20 cases). */
export const DEFAULT_CAPACITY: Readonly<Record<Register, number>> = { CME: 20, PMOE: 15 };

export function capacityFor(register: Register, capacity: number | null | undefined): number {
  return capacity ?? DEFAULT_CAPACITY[register];
}

/**
 * Reasons that oblige the panel to discuss the case: taking such a case off needs a reason on the
 * record. Red (000 §11 RAG), due for panel (000 §7: not located within 4 weeks → panel), every
 * looked-after PMOE child (000 §11: the Virtual School reports on each) and the end of compulsory
 * school age (000 §7 f–h: the record is closed), a located child still without a place when a clock
has run out (000 §8: lead officer and Fair Access Panel; 001 App. 3) and the twice-yearly review of a
child not found (003 App. D).
 */
export const MANDATORY_REASONS: readonly string[] = ['red', 'due_for_panel', 'looked_after', 'end_of_csa', 'located_without_provision', 'unfound_review_due'];

export function isMandatory(reasons: readonly { code: string }[]): boolean {
  return reasons.some((r) => MANDATORY_REASONS.includes(r.code));
}

/** Priority tiers, most pressing first; labels say why a case ranks where it does. */
export const PRIORITY_TIERS = [
  'Red, whereabouts unknown',
  'Red',
  'Due for panel, a provision clock run out, or not reached last time',
  'Safeguarding flags, criteria of concern, or new in a school return',
  'Overdue actions',
  'Proposed closure',
  'End of compulsory school age',
  'Long-term: archiving decision or twice-yearly review of a child not found',
  'Other reviews',
] as const;

export function priorityTier(c: Pick<AgendaCase, 'register' | 'dateLocated' | 'safeguarding' | 'lookedAfter'>, reasons: readonly Reason[]): number {
  const has = (code: ReasonCode): boolean => reasons.some((r) => r.code === code);
  if (has('red') && c.register === 'CME' && c.dateLocated === null) return 0;
  if (has('red')) return 1;
  if (has('due_for_panel') || has('located_without_provision') || has('not_reached')) return 2;
  if (c.safeguarding === true || has('concern') || has('looked_after') || has('new_in_return')) return 3;
  if (reasons.some((r) => r.code === 'actions_due' && r.text.includes('overdue'))) return 4;
  if (has('closure_proposed')) return 5;
  if (has('end_of_csa')) return 6;
  if (has('archiving') || has('unfound_review_due')) return 7;
  return 8;
}

export interface RankedProposal extends Proposal {
  /** 1 = most pressing, over every eligible case. */
  rank: number;
  tier: number;
  mandatory: boolean;
}

export interface AgendaPlan {
  /** Proposed for the running order, in `defaultOrder`. */
  onAgenda: RankedProposal[];
  /** Eligible but over capacity, in rank order. */
  alsoEligible: RankedProposal[];
  capacity: number;
  /** Places already taken by cases kept on the agenda (added by hand, or with something recorded). */
  kept: number;
}

/**
 * Ranks every eligible case (tier, then a case the panel must discuss before one it need not, then more
 * reasons, then RAG, then longest open, then reference)
 * and proposes the top ones up to `capacity`, counting the cases `keep` already holds on the agenda.
 * Cases in `exclude` (removed by hand) are neither proposed nor listed. Linear after one sort.
 */
export function planAgenda(
  cases: readonly AgendaCase[],
  ctx: AgendaContext,
  opts: { capacity: number; keep?: ReadonlySet<number>; exclude?: ReadonlySet<number> },
): AgendaPlan {
  const keep = opts.keep ?? new Set<number>();
  const exclude = opts.exclude ?? new Set<number>();
  // Ranked over every eligible case; the ranking ends on the (unique) reference, so the order the cases come in never matters.
  const { proposals, of } = eligibleCases(cases, ctx, exclude);
  const n = proposals.length;
  // The order's numeric part packed into one number per case, so the sort compares strings only on
  // ties (thousands of eligible cases at 50,000: comparing dates as strings was a quarter of a build).
  const keys = new Float64Array(n);
  const tiers = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = proposals[i]!;
    const c = of[i]!;
    const tier = priorityTier(c, p.reasons);
    tiers[i] = tier;
    // Within a tier a must-discuss case (e.g. a looked-after PMOE child, 000 §11) comes before one
    // with more reasons but no such rule: the count of reasons must not push it off the agenda.
    const optional = isMandatory(p.reasons) ? 0 : 1;
    keys[i] = (((tier * 2 + optional) * 16 + (15 - Math.min(p.reasons.length, 15))) * 4 + ragRank(p.rag)) * DAY_SPAN + (epochDay(c.dateNotified) + DAY_SPAN / 2);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const d = keys[a]! - keys[b]!;
    if (d !== 0) return d;
    const ra = proposals[a]!.reference;
    const rb = proposals[b]!.reference;
    return ra < rb ? -1 : ra > rb ? 1 : proposals[a]!.caseId - proposals[b]!.caseId;
  });
  const ranked = order.map((i, r): RankedProposal => {
    const p = proposals[i]!;
    return { caseId: p.caseId, reference: p.reference, section: p.section, reasons: p.reasons, rag: p.rag, rank: r + 1, tier: tiers[i]!, mandatory: isMandatory(p.reasons) };
  });
  const kept = keep.size;
  let room = Math.max(0, opts.capacity - kept);
  const onAgenda: RankedProposal[] = [];
  const alsoEligible: RankedProposal[] = [];
  for (const r of ranked) {
    if (keep.has(r.caseId)) onAgenda.push(r);
    else if (room > 0) {
      onAgenda.push(r);
      room -= 1;
    } else alsoEligible.push(r);
  }
  return { onAgenda: defaultOrder(onAgenda) as RankedProposal[], alsoEligible, capacity: opts.capacity, kept };
}
