/**
 * Case clocks. Every function takes the date to judge on (`onDate`) explicitly and never reads the
 * system clock, so results are reproducible and testable.
 */
import { type IsoDate, addDays, addMonths, diffDays, isoParts } from './dates';
import type { CaseStatus, Register } from './vocab';

/** Not located within four weeks → referred to the CME panel (000_60e5703186df2ddd.txt §7). */
export const PANEL_AFTER_DAYS = 28;

/** Open six months or more → long-term CME (001_e0f19c1c146ffac1.txt §6.2). */
export const LONG_TERM_AFTER_MONTHS = 6;

/**
 * Whole days a case has been open: from the date notified to the date closed, or to `onDate` if
 * it is still open (or was closed after `onDate`). Never negative.
 */
export function daysOpen(dateNotified: IsoDate, closedOn: IsoDate | null, onDate: IsoDate): number {
  isoParts(onDate);
  const end = closedOn !== null && closedOn < onDate ? closedOn : onDate;
  return Math.max(0, diffDays(dateNotified, end));
}

/** The day a CME case not yet located becomes due for panel: date notified + 28 days. */
export function dueForPanelOn(dateNotified: IsoDate): IsoDate {
  return addDays(dateNotified, PANEL_AFTER_DAYS);
}

export interface PanelClockInput {
  register: Register;
  status: CaseStatus;
  dateNotified: IsoDate;
  dateLocated: IsoDate | null;
  /** Archived long-term case: open but dormant (001 §6.2), so no routine panel clock. */
  archived?: boolean;
  /** Already discussed at a panel meeting: it has been referred, and comes back by review rules. */
  takenToPanel?: boolean;
}

/**
 * A CME case is due for panel when it is open, the child has not been located, four weeks have
 * passed since notification (000 §7) and it has not yet been taken to panel (nor archived). PMOE
 * cases go to the half-termly panel by return, not by clock. The one rule behind Home's and the
 * register's "due for panel" and the agenda's `due_for_panel` reason.
 */
export function isDueForPanel(c: PanelClockInput, onDate: IsoDate): boolean {
  if (c.register !== 'CME' || c.status === 'closed' || c.dateLocated !== null) return false;
  if (c.archived === true || c.takenToPanel === true) return false;
  isoParts(onDate);
  return onDate >= dueForPanelOn(c.dateNotified);
}

/** The day an open case becomes long-term: date notified + 6 calendar months (clamped to month end). */
export function longTermFrom(dateNotified: IsoDate): IsoDate {
  return addMonths(dateNotified, LONG_TERM_AFTER_MONTHS);
}

export interface LongTermInput {
  status: CaseStatus;
  dateNotified: IsoDate;
}

/** Open for 6 months or more (001 §6.2). */
export function isLongTerm(c: LongTermInput, onDate: IsoDate): boolean {
  if (c.status === 'closed') return false;
  isoParts(onDate);
  return onDate >= longTermFrom(c.dateNotified);
}
