import { z } from 'zod';
import { id, isoDate, Register } from './schemas';
import { isIsoDate, formatUk } from '../domain/dates';
import { monthsBetween } from '../domain/figures';

/** Ten years of months is already more than a chart can show legibly. */
export const MAX_REPORT_MONTHS = 120;

/**
 * What the Reports screen asks for: a date range and, optionally, one panel (which narrows case
 * figures to its register and meeting figures to its own meetings).
 */
export const ReportInput = z
  .object({ from: isoDate, to: isoDate, panelId: id.nullish().transform((v) => v ?? null) })
  // The object checks only make sense once both dates are real; the fields say so themselves otherwise.
  .refine((r) => !isIsoDate(r.from) || !isIsoDate(r.to) || r.from <= r.to, {
    path: ['from'],
    error: (issue) => {
      const r = issue.input as { from: string; to: string };
      return `(${formatUk(r.from)}) is after the To date (${formatUk(r.to)}): choose a From date on or before it`;
    },
  })
  .refine((r) => !isIsoDate(r.from) || !isIsoDate(r.to) || r.from > r.to || monthsBetween(r.from, r.to) < MAX_REPORT_MONTHS, {
    path: ['to'],
    error: `is more than ${MAX_REPORT_MONTHS / 12} years after the From date: choose a shorter range`,
  });
export type ReportInput = z.input<typeof ReportInput>;

const n = z.number().int().min(0);

export const RagMix = z.object({ red: n, amber: n, green: n, none: n, total: n });
export type RagMix = z.infer<typeof RagMix>;

/** Opened and closed in a month, split residing in / left the area (001 §6.1). */
export const PiCounts = z.object({ openedResiding: n, openedLeft: n, closedResiding: n, closedLeft: n });
export type PiCounts = z.infer<typeof PiCounts>;

/**
 * Days from notification to an event: how many have a date (measured: the median and bands are of
 * these), how many are still open without one, and how many closed without one.
 */
export const Pace = z.object({
  measured: n,
  waiting: n,
  closedWithout: n,
  median: z.number().nullable(),
  bands: z.array(z.object({ code: z.string(), label: z.string(), count: n })),
});
export type Pace = z.infer<typeof Pace>;

/** A count per code, split by register. */
export const RegisterCount = z.object({ code: z.string(), label: z.string(), cme: n, pmoe: n, total: n });
export type RegisterCount = z.infer<typeof RegisterCount>;

export const MeetingFigures = RagMix.extend({
  meetingId: z.number(),
  date: z.string(),
  panelName: z.string(),
  register: Register,
  improved: n,
  same: n,
  worsened: n,
  first: n,
});
export type MeetingFigures = z.infer<typeof MeetingFigures>;

/**
 * Every figure on the Reports screen, already aggregated on the server (the register can hold
 * 50,000 cases; nothing here grows with it except the officer and month lists).
 */
export const Reports = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  panel: z.object({ id: z.number(), name: z.string(), register: Register }).nullable(),
  /** The registers the case figures cover: both, or the chosen panel's. */
  registers: z.array(Register),
  /** Open now, by register. */
  openRag: z.array(RagMix.extend({ register: Register })),
  /** Held meetings in range, oldest first: the rating each case item left the meeting with, and how it moved. */
  meetings: z.array(MeetingFigures),
  /** Every month in range; cases notified (opened) or closed within the range. */
  monthly: z.array(z.object({ month: z.string(), cme: PiCounts, pmoe: PiCounts })),
  /** CME cases notified in range (a PMOE pupil is on a roll: there is no one to locate). */
  timeToLocated: Pace,
  /** Cases notified in range, both registers in scope. */
  timeToProvision: Pace,
  /** Open 6 months or more at each month end (today for the current month). */
  longTerm: z.array(z.object({ month: z.string(), onDate: z.string(), cme: n, pmoe: n, total: n })),
  /** Cases notified in range. */
  referralsBySource: z.array(RegisterCount),
  referralsByReason: z.array(z.object({ register: Register, code: z.string(), label: z.string(), count: n })),
  /** Cases closed in range. */
  closuresByReason: z.array(RegisterCount),
  /** Open cases now. officerId null = not allocated. */
  caseloadByOfficer: z.array(z.object({ officerId: z.number().nullable(), name: z.string(), team: z.string().nullable(), teamLabel: z.string(), active: z.boolean(), cme: n, pmoe: n, total: n })),
  caseloadByTeam: z.array(RegisterCount),
  /** Open actions due before today, by owner (ownerId null = no owner). */
  overdueByOwner: z.array(z.object({ ownerId: z.number().nullable(), name: z.string(), count: n })),
  /** Escalations waiting (open or responded), by the level reached and by age from the first step. */
  escalationsByLevel: z.array(z.object({ level: z.number(), title: z.string(), count: n })),
  escalationsByAge: z.array(z.object({ code: z.string(), label: z.string(), count: n })),
});
export type Reports = z.infer<typeof Reports>;
