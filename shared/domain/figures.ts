/**
 * The figures managers review (DOMAIN.md "Figures managers review"): open and closed cases per
 * month for children residing in the area and for those who have left (001_e0f19c1c146ffac1.txt
 * §6.1), long-term cases (001 §6.2), pace from notification into provision (004), RAG mix and
 * movement over time, and the age of open escalations.
 *
 * Pure: every date to judge on is an argument; the clock is never read.
 */
import { type IsoDate, daysInMonth, diffDays, isoParts } from './dates';
import { isLongTerm, longTermFrom } from './clocks';
import { ragMovement } from './actions';
import type { Rag, VocabEntry } from './vocab';

// ---------------------------------------------------------------------------------------------
// Months

/** A calendar month as `yyyy-mm`. */
export type Month = string;

/** Every month from the one containing `from` to the one containing `to`, inclusive; [] when from > to. */
export function monthBuckets(from: IsoDate, to: IsoDate): Month[] {
  const a = isoParts(from);
  const b = isoParts(to);
  const out: Month[] = [];
  for (let n = a.year * 12 + a.month - 1; n <= b.year * 12 + b.month - 1; n++) {
    out.push(`${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The month an ISO date falls in: '2026-03-14' -> '2026-03'. */
export const monthOf = (iso: IsoDate): Month => iso.slice(0, 7);

/** The last day of a month: '2026-02' -> '2026-02-28'. */
export function monthEnd(month: Month): IsoDate {
  const { year, month: m } = isoParts(`${month}-01`);
  return `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
}

/** Calendar months from one date's month to the other's, ignoring the days: '2026-01-31' to '2026-12-01' is 11. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = isoParts(from);
  const b = isoParts(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

// ---------------------------------------------------------------------------------------------
// Medians and bands

/** The median of a list of numbers (the mean of the middle two for an even count); null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Band extends VocabEntry {
  /** Inclusive bounds in days; max null = no upper bound. */
  readonly min: number;
  readonly max: number | null;
}

/**
 * Days from notification to an event (located, entering provision), in bands that follow the
 * register's own clocks: the first week, a fortnight, four weeks (the point a CME case goes to
 * panel, 000 §7), eight weeks, about three months, six months (long-term, 001 §6.2), and beyond.
 */
export const DAY_BANDS = [
  { code: '0-7', label: '0–7 days', min: 0, max: 7 },
  { code: '8-14', label: '8–14 days', min: 8, max: 14 },
  { code: '15-28', label: '15–28 days', min: 15, max: 28 },
  { code: '29-56', label: '29–56 days', min: 29, max: 56 },
  { code: '57-91', label: '57–91 days', min: 57, max: 91 },
  { code: '92-182', label: '92–182 days', min: 92, max: 182 },
  { code: '183+', label: '183 days or more', min: 183, max: null },
] as const satisfies readonly Band[];

/** How long open escalations have been waiting, counted from the first step (as the escalation log does). */
export const ESCALATION_AGE_BANDS = [
  { code: 'under-1w', label: 'Under a week', min: 0, max: 6 },
  { code: '1-2w', label: '1–2 weeks', min: 7, max: 13 },
  { code: '2-4w', label: '2–4 weeks', min: 14, max: 27 },
  { code: '1-3m', label: '4 weeks to 3 months', min: 28, max: 90 },
  { code: '3m+', label: 'Over 3 months', min: 91, max: null },
] as const satisfies readonly Band[];

/** The band a number of days falls in; negative days (a date entered before notification) count as 0. */
export function bandOf<B extends Band>(bands: readonly B[], days: number): B {
  const d = Math.max(0, days);
  const hit = bands.find((b) => d >= b.min && (b.max === null || d <= b.max));
  if (!hit) throw new RangeError(`No band holds ${days} days`);
  return hit;
}

export interface BandCount {
  code: string;
  label: string;
  count: number;
}

/** Counts per band, every band listed (zeros included) in band order. */
export function distribute(bands: readonly Band[], days: readonly number[]): BandCount[] {
  const counts = new Map<string, number>(bands.map((b) => [b.code, 0]));
  for (const d of days) {
    const b = bandOf(bands, d);
    counts.set(b.code, counts.get(b.code)! + 1);
  }
  return bands.map((b) => ({ code: b.code, label: b.label, count: counts.get(b.code)! }));
}

// ---------------------------------------------------------------------------------------------
// RAG movement at a meeting

/** How a case's rating moved at a meeting; 'first' when it had no rating before. */
export type RagMove = 'improved' | 'same' | 'worsened' | 'first';

/**
 * From the rating before a meeting to the rating after it (red < amber < green, so red -> amber
 * improved). A case still not rated after the meeting has no movement (null): it shows in the RAG
 * mix as "not rated" instead. The ordering rule is shared/domain/actions.ts's ragMovement.
 */
export function ragMove(before: Rag | null, after: Rag | null): RagMove | null {
  if (after === null) return null;
  const m = ragMovement(before, after);
  return m === 'new' ? 'first' : m;
}

/**
 * The rating a case had at a meeting that did not change it: the RAG history's rating in force on
 * the day; else what the agenda item noted when the meeting started; else, only for a case with no
 * history at all (nothing recorded since history began), its rating now. A case rated only after
 * the meeting was not rated at it.
 */
export function ratingAtMeeting(f: { inForce: Rag | null; itemRagBefore: Rag | null; current: Rag | null; hasHistory: boolean }): Rag | null {
  return f.inForce ?? f.itemRagBefore ?? (f.hasHistory ? null : f.current);
}

// ---------------------------------------------------------------------------------------------
// Residing in the area / left the area (001 §6.1)

export type Residence = 'residing' | 'left';

/** Closures that mean the child now lives elsewhere (CLOSURE_REASONS: moved_other_la, moved_overseas). */
export const LEFT_AREA_CLOSURES: readonly string[] = ['moved_other_la', 'moved_overseas'];
/** The CME reason that records a child reported to have gone abroad (001 §1.1). */
export const LEFT_AREA_REASONS: readonly string[] = ['moved_abroad_unconfirmed'];

export interface ResidenceInput {
  closureReason: string | null;
  /** cases.departure_date: the travel details taken when a family leaves the UK (003 App. A). */
  departureDate: IsoDate | null;
  /** The CME reason (cases.reason); PMOE cases pass their PMOE reason or null. */
  reason: string | null;
}

/**
 * Seed 001 §6.1 asks for "the number of open and closed CME cases per month of children residing
 * in, and for those that have left, this authority". The register holds no dated history of where
 * a child lives, so the split is taken from what it does hold, as it stands on `onDate` (today):
 * a child has LEFT the area when
 *   - the case was closed as moved to another local authority or moved overseas, or
 *   - a date of departure is recorded on or before `onDate` (a future date is a plan, not a move), or
 *   - the CME reason is "believed to have moved abroad" — 001 §1.1 counts children "reported to have
 *     moved abroad" among those who "have moved away from their last known address";
 * every other child is counted as RESIDING in the area (001 §1.1: "known to be residing in
 * [the borough's] boundary", including whereabouts unknown — last known here).
 * So a case opened in March and closed in June as moved to another LA counts as "left" in March's
 * row too: the figures are worked out afresh from the register each time they are asked for.
 */
export function residence(c: ResidenceInput, onDate: IsoDate): Residence {
  if (c.closureReason !== null && LEFT_AREA_CLOSURES.includes(c.closureReason)) return 'left';
  if (c.departureDate !== null && c.departureDate !== '' && c.departureDate <= onDate) return 'left';
  if (c.reason !== null && LEFT_AREA_REASONS.includes(c.reason)) return 'left';
  return 'residing';
}

// ---------------------------------------------------------------------------------------------
// Long-term cases over time (001 §6.2)

export interface DatedCase {
  dateNotified: IsoDate;
  closedOn: IsoDate | null;
}

/** Open at the end of `onDate`: notified by then and not closed on or before it. */
export function openOn(c: DatedCase, onDate: IsoDate): boolean {
  return c.dateNotified <= onDate && (c.closedOn === null || c.closedOn > onDate);
}

/** Long-term on `onDate`: open then, and open 6 months or more (clocks.ts isLongTerm, 001 §6.2). */
export function longTermAt(c: DatedCase, onDate: IsoDate): boolean {
  return openOn(c, onDate) && isLongTerm({ status: 'checks', dateNotified: c.dateNotified }, onDate);
}

/**
 * How many of `cases` (each with a count, as grouped by the database) were long-term on each of
 * `dates`. The same rule as longTermAt, with clocks.ts's longTermFrom worked out once per
 * notification date so 50,000 cases over 12 month ends stays a string comparison each.
 */
export function countLongTermAt(cases: readonly (DatedCase & { n: number })[], dates: readonly IsoDate[]): number[] {
  const from = new Map<IsoDate, IsoDate>();
  const out = dates.map(() => 0);
  for (const c of cases) {
    let lt = from.get(c.dateNotified);
    if (lt === undefined) {
      lt = longTermFrom(c.dateNotified);
      from.set(c.dateNotified, lt);
    }
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i]!;
      if (d >= lt && (c.closedOn === null || c.closedOn > d)) out[i]! += c.n;
    }
  }
  return out;
}

/**
 * The dates the long-term line is read on: each month's last day, but never after `to` or `today`
 * (the current month is read today); months that start after both are left out.
 */
export function monthEndsUpTo(from: IsoDate, to: IsoDate, today: IsoDate): { month: Month; onDate: IsoDate }[] {
  const last = to < today ? to : today;
  return monthBuckets(from, to)
    .filter((m) => `${m}-01` <= last)
    .map((m) => {
      const end = monthEnd(m);
      return { month: m, onDate: end < last ? end : last };
    });
}

/** Whole days between two dates, never negative (a date entered before notification counts as 0). */
export const daysFrom = (from: IsoDate, to: IsoDate): number => Math.max(0, diffDays(from, to));

/** The first day of the month containing `iso`. */
export const firstOfMonth = (iso: IsoDate): IsoDate => `${iso.slice(0, 7)}-01`;
