/**
 * The action tracker: actions agreed at panel (000_60e5703186df2ddd.txt §7 d–e: "agree actions",
 * "review previous actions"), when they are overdue or due this week, when carrying them forward
 * again suggests escalation (no progress), and how a case's RAG rating has moved.
 *
 * Pure: `onDate` is an argument and the clock is never read.
 */
import { type IsoDate, addDays, dayOfWeek, formatUk, isoParts } from './dates';
import { type Rag, type VocabEntry } from './vocab';
import { outsideOwnerProblem, type OfficerName } from './actionOwner';

export const ACTION_STATUSES = [
  { code: 'open', label: 'Open' },
  { code: 'done', label: 'Done' },
  { code: 'carried_forward', label: 'Carried forward' },
  { code: 'dropped', label: 'Dropped' },
] as const satisfies readonly VocabEntry[];
export type ActionStatus = (typeof ACTION_STATUSES)[number]['code'];

/** Still to do: open or carried forward. */
export function isOpenAction(status: ActionStatus): boolean {
  return status === 'open' || status === 'carried_forward';
}

export interface DatedAction {
  status: ActionStatus;
  dueDate: IsoDate | null;
}

/** Still to do and due before `onDate` (due today is not overdue). No due date: never overdue. */
export function isOverdue(action: DatedAction, onDate: IsoDate): boolean {
  isoParts(onDate);
  return isOpenAction(action.status) && action.dueDate !== null && action.dueDate < onDate;
}

/** The Monday and Sunday of the week containing `iso`. */
export function weekContaining(iso: IsoDate): { monday: IsoDate; sunday: IsoDate } {
  const back = (dayOfWeek(iso) + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(iso, -back);
  return { monday, sunday: addDays(monday, 6) };
}

/**
 * Still to do and due between `onDate` and the Sunday of its Monday–Sunday week, inclusive (an
 * action due earlier in the week is overdue, not "due this week").
 */
export function isDueThisWeek(action: DatedAction, onDate: IsoDate): boolean {
  if (!isOpenAction(action.status) || action.dueDate === null) return false;
  const { sunday } = weekContaining(onDate);
  return action.dueDate >= onDate && action.dueDate <= sunday;
}

/** Carried forward this many times → suggest escalating (no progress). */
export const CARRY_FORWARD_FLAG = 2;

export function carriedTooOften(carriedCount: number): boolean {
  return carriedCount >= CARRY_FORWARD_FLAG;
}

function timesText(n: number): string {
  if (n === 1) return 'once';
  if (n === 2) return 'twice';
  return `${n} times`;
}

/**
 * Suggest escalating (reason code 'no_progress' in escalation.ts) when a still-open action has been
 * carried forward `CARRY_FORWARD_FLAG` times or more. Done or dropped actions never suggest it.
 */
export function suggestEscalation(action: { status: ActionStatus; carriedCount: number }): { suggest: boolean; reason: string } {
  if (!isOpenAction(action.status) || !carriedTooOften(action.carriedCount)) return { suggest: false, reason: '' };
  return { suggest: true, reason: `Carried forward ${timesText(action.carriedCount)}: consider escalating (no progress)` };
}

/** How many reviews of an action carried it forward. */
export function countCarryForwards(reviews: readonly { outcome: ActionStatus | string }[]): number {
  return reviews.filter((r) => r.outcome === 'carried_forward').length;
}

// ---------------------------------------------------------------------------------------------
// RAG movement

export type RagMovement = 'improved' | 'same' | 'worsened' | 'new';

const RANK: Readonly<Record<Rag, number>> = { green: 0, amber: 1, red: 2 };

/** red → amber improved; green → amber worsened; null → anything new. */
export function ragMovement(from: Rag | null, to: Rag): RagMovement {
  if (from === null) return 'new';
  const d = RANK[to] - RANK[from];
  return d < 0 ? 'improved' : d > 0 ? 'worsened' : 'same';
}

export interface RagHistoryEntry {
  onDate: IsoDate;
  fromRag: Rag | null;
  toRag: Rag;
  meetingId: number | string | null;
}

/**
 * The net movement from the rating the case had before `lastMeetingDate` (changes ON that date
 * count as since the meeting) to its latest rating. History need not be sorted; entries on the same
 * date keep their given order. null when the case has never been rated. With no earlier rating (or
 * `lastMeetingDate` null) the movement is 'new'; with no change since, 'same'.
 */
export function movementSinceLastMeeting(
  history: readonly RagHistoryEntry[],
  lastMeetingDate: IsoDate | null,
): RagMovement | null {
  if (lastMeetingDate !== null) isoParts(lastMeetingDate);
  const sorted = history
    .map((h, i) => ({ h, i }))
    .sort((a, b) => (a.h.onDate < b.h.onDate ? -1 : a.h.onDate > b.h.onDate ? 1 : a.i - b.i))
    .map((x) => x.h);
  const latest = sorted[sorted.length - 1];
  if (latest === undefined) return null;
  if (lastMeetingDate === null) return 'new';

  const before = sorted.filter((h) => h.onDate < lastMeetingDate);
  const lastBefore = before[before.length - 1];
  const firstSince = sorted.find((h) => h.onDate >= lastMeetingDate);
  const ratingBefore = lastBefore !== undefined ? lastBefore.toRag : (firstSince?.fromRag ?? null);
  return ragMovement(ratingBefore, latest.toRag);
}

/** What deciding whether an action can be added needs to know, at panel or between meetings. */
export interface NewAction {
  caseReference: string;
  caseClosed: boolean;
  dueDate: IsoDate;
  /** The earliest due date allowed: today between meetings, the meeting's date at panel. */
  earliestDue: IsoDate;
  /** How to name that date in a message ("today", "this meeting"). */
  earliestLabel: string;
  /** The officer who owns it, if one was chosen. */
  officer: { name: string; active: boolean } | null;
  /** A person or agency named instead of an officer (a guest, an outside agency). */
  ownerText: string | null;
  /** At panel the minutes must say who owns each action (000 §7 d); the tracker allows "unassigned". */
  ownerRequired: boolean;
  /** The officers in post: a typed owner that shortens one of their names is asked about (actionOwner.ts). */
  officersInPost?: readonly OfficerName[];
  /** The minute-taker confirmed the typed owner is someone outside the council. */
  ownerOutside?: boolean;
}

export interface NewActionProblem {
  /** 'conflict' when the case's state forbids it, 'invalid' when a field needs changing. */
  kind: 'conflict' | 'invalid';
  field: 'caseId' | 'dueDate' | 'ownerId' | 'ownerText';
  message: string;
}

/** The one set of rules for adding an action (null when it can be added). */
export function newActionProblem(a: NewAction): NewActionProblem | null {
  if (a.caseClosed) return { kind: 'conflict', field: 'caseId', message: `Case ${a.caseReference} is closed. Reopen it to add actions.` };
  if (a.dueDate < a.earliestDue) {
    return { kind: 'invalid', field: 'dueDate', message: `Due date ${formatUk(a.dueDate)} is before ${a.earliestLabel} (${formatUk(a.earliestDue)}). Choose ${a.earliestLabel} or later.` };
  }
  if (a.officer === null && a.ownerText === null && a.ownerRequired) {
    return { kind: 'invalid', field: 'ownerId', message: 'Name who will do it: an officer, a panel member, a deputy or guest at this meeting, or an outside agency.' };
  }
  if (a.officer !== null && !a.officer.active) {
    return { kind: 'invalid', field: 'ownerId', message: `${a.officer.name} has left; choose an active officer or name someone else to own the action.` };
  }
  if (a.officer === null && a.ownerText !== null) {
    const looksLikeOfficer = outsideOwnerProblem(a.ownerText, a.officersInPost ?? [], a.ownerOutside ?? false);
    if (looksLikeOfficer) return { kind: 'invalid', field: 'ownerText', message: looksLikeOfficer };
  }
  return null;
}
