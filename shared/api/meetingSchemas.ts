import { z } from 'zod';
import { isoDate, optionalDate, optionalText, text, id, list, code, Rag, Register, CaseStatus } from './schemas';
import { codesOf, CLOSURE_REASONS } from '../domain/vocab';
import { ESCALATION_REASONS } from '../domain/escalation';

export const Cadence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly_nth_weekday'), weekday: z.number().int().min(1).max(5), nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]) }),
  z.object({ kind: z.literal('half_termly'), weekOfHalfTerm: z.number().int().min(1).max(7), weekday: z.number().int().min(1).max(5) }),
]);
export type Cadence = z.infer<typeof Cadence>;

export const StandingItem = z.object({ code: code(40), title: text(200), text: optionalText(2000) });

export const PanelMember = z.object({ role: text(120), officerId: id.nullable() });

export const Panel = z.object({
  id: z.number(),
  name: z.string(),
  register: Register,
  cadence: Cadence,
  defaultTime: z.string(),
  defaultVenue: z.string().nullable(),
  defaultChairId: z.number().nullable(),
  defaultMinuteTakerId: z.number().nullable(),
  standingItems: z.array(StandingItem),
  members: z.array(z.object({ role: z.string(), officerId: z.number().nullable(), officerName: z.string().nullable() })),
  active: z.boolean(),
  /** Cases per meeting; null = the register's default (shared/domain/agenda DEFAULT_CAPACITY). */
  capacity: z.number().nullable(),
});
export type Panel = z.infer<typeof Panel>;

export const time = z.string().min(1, { error: 'is required: enter a time like 10:00' }).max(5, { error: 'must be a time like 10:00' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time like 10:00' });

export const PanelInput = z.object({
  id: id.nullish(),
  name: text(120),
  register: Register,
  cadence: Cadence,
  defaultTime: time,
  defaultVenue: optionalText(200),
  defaultChairId: id.nullish().transform((v) => v ?? null),
  defaultMinuteTakerId: id.nullish().transform((v) => v ?? null),
  standingItems: list(StandingItem, 40).min(1, { error: 'needs at least one item' }),
  members: list(PanelMember, 60),
  active: z.boolean().default(true),
  capacity: z.number({ error: 'must be a whole number of cases' }).int({ error: 'must be a whole number of cases' }).min(1, { error: 'must be at least 1 case' }).max(200, { error: 'must be at most 200 cases' }).nullish().transform((v) => v ?? null),
});

export const CalendarTerm = z.object({ yearLabel: text(20), name: text(40), starts: isoDate, ends: isoDate });
export const CalendarClosure = z.object({ date: isoDate, kind: z.enum(['inset', 'bank_holiday', 'other']), label: text(80) });
export const Calendar = z.object({ terms: z.array(CalendarTerm), closures: z.array(CalendarClosure), note: z.string() });
export type Calendar = z.infer<typeof Calendar>;

export const MeetingStatus = z.enum(['scheduled', 'in_progress', 'draft', 'approved']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const MeetingSummary = z.object({
  id: z.number(),
  panelId: z.number(),
  panelName: z.string(),
  register: Register,
  date: z.string(),
  time: z.string(),
  venue: z.string().nullable(),
  onlineLink: z.string().nullable(),
  status: MeetingStatus,
  caseItems: z.number(),
  approvedOn: z.string().nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const Reason = z.object({ code: z.string(), text: z.string() });

export const ActionRow = z.object({
  id: z.number(),
  caseId: z.number().nullable(),
  caseReference: z.string().nullable(),
  meetingId: z.number().nullable(),
  agendaItemId: z.number().nullable(),
  text: z.string(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(['open', 'done', 'carried_forward', 'dropped']),
  carriedCount: z.number(),
  completedOn: z.string().nullable(),
  completionNote: z.string().nullable(),
  raisedOn: z.string(),
  /** The outcome recorded for it at this meeting, when reviewing. */
  reviewedHere: z.enum(['done', 'carried_forward', 'dropped']).nullable(),
});
export type ActionRow = z.infer<typeof ActionRow>;

export const EscalationRow = z.object({
  id: z.number(),
  caseId: z.number(),
  reason: z.string(),
  level: z.number(),
  levelTitle: z.string(),
  escalatedTo: z.string().nullable(),
  asked: z.string().nullable(),
  raisedBy: z.string(),
  raisedOn: z.string(),
  responseDue: z.string().nullable(),
  status: z.enum(['open', 'responded', 'resolved', 'escalated']),
  meetingId: z.number().nullable(),
  agendaItemId: z.number().nullable(),
});
export type EscalationRow = z.infer<typeof EscalationRow>;

/** What the cockpit needs about the case behind an item, with names: never sent to the projector. */
export const ItemCase = z.object({
  caseId: z.number(),
  reference: z.string(),
  register: Register,
  status: CaseStatus,
  forenames: z.string(),
  surname: z.string(),
  initials: z.string(),
  ageYears: z.number(),
  yearGroupLabel: z.string(),
  flags: z.array(z.string()),
  rag: Rag.nullable(),
  ragReason: z.string().nullable(),
  leadOfficerId: z.number().nullable(),
  leadOfficerName: z.string().nullable(),
  daysOpen: z.number(),
  dueForPanel: z.boolean(),
  longTerm: z.boolean(),
  endOfCsaReached: z.boolean(),
  concerns: z.array(z.object({ code: z.string(), label: z.string(), reason: z.string() })),
  checksCount: z.number(),
  lastChecks: z.array(z.object({ agency: z.string(), checkedOn: z.string(), outcome: z.string() })),
  lastMinute: z.object({ meetingDate: z.string(), discussion: z.string().nullable(), decisions: z.string().nullable(), outcome: z.string().nullable(), actionsAgreed: z.array(z.string()) }).nullable(),
  openActions: z.array(ActionRow),
});
export type ItemCase = z.infer<typeof ItemCase>;

export const AgendaItem = z.object({
  id: z.number(),
  position: z.number(),
  kind: z.enum(['standing', 'case']),
  code: z.string(),
  title: z.string(),
  caseId: z.number().nullable(),
  reasons: z.array(Reason),
  addedByHand: z.boolean(),
  removed: z.boolean(),
  removedReason: z.string().nullable(),
  discussion: z.string().nullable(),
  decisions: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeDetail: z.string().nullable(),
  ragBefore: Rag.nullable(),
  /** Proposed on a rule that obliges discussion (red, due for panel…): removing it needs a reason. */
  mandatory: z.boolean(),
  elapsedSeconds: z.number(),
  startedAt: z.string().nullable(),
  done: z.boolean(),
  /** Marked done or something recorded on it (not merely passed over): what the agenda ticks and the minutes count. */
  discussed: z.boolean(),
  /** Short case facts for lists (reference, name, RAG); the full summary comes with meetings.item. */
  caseReference: z.string().nullable(),
  caseName: z.string().nullable(),
  caseRag: Rag.nullable(),
  actionsAgreed: z.number(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Attendee = z.object({
  id: z.number(),
  officerId: z.number().nullable(),
  name: z.string(),
  role: z.string(),
  /** 'not_marked' until someone records it: nobody is assumed present. */
  status: z.enum(['not_marked', 'present', 'apologies', 'absent']),
  kind: z.enum(['member', 'deputy', 'guest']),
  deputyFor: z.string().nullable(),
});
export type Attendee = z.infer<typeof Attendee>;

export const MeetingDetail = z.object({
  meeting: MeetingSummary.extend({
    chairId: z.number().nullable(),
    chairName: z.string().nullable(),
    minuteTakerId: z.number().nullable(),
    minuteTakerName: z.string().nullable(),
    startedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    currentItemId: z.number().nullable(),
    liveVersion: z.number(),
    locked: z.boolean(),
  }),
  attendance: z.array(Attendee),
  /** Members whose attendance nobody marked, of all members: the minutes would say "Attendance not recorded" for them. */
  attendanceNotRecorded: z.object({ notRecorded: z.number(), members: z.number() }),
  items: z.array(AgendaItem),
  previousMeeting: MeetingSummary.nullable(),
  nextMeeting: MeetingSummary.nullable(),
  /** Actions still open from any earlier meeting of this panel, and those reviewed at this one (matters arising). */
  mattersArising: z.array(ActionRow),
  /** Cases per meeting for this panel, and the eligible cases over it, most pressing first. */
  capacity: z.number(),
  /** How many cases are eligible over capacity; `alsoEligible` carries the most pressing of them (at most ALSO_ELIGIBLE_SHOWN). */
  alsoEligibleCount: z.number(),
  alsoEligible: z.array(z.object({ caseId: z.number(), reference: z.string(), caseName: z.string(), rag: Rag.nullable(), rank: z.number(), section: z.string(), reasons: z.array(Reason), mandatory: z.boolean() })),
  amendments: z.array(z.object({ at: z.string(), actor: z.string(), reason: z.string(), field: z.string(), oldValue: z.string().nullable(), newValue: z.string().nullable(), itemTitle: z.string().nullable() })),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const ItemDetail = z.object({
  item: AgendaItem,
  case: ItemCase.nullable(),
  actionsAgreed: z.array(ActionRow),
  escalations: z.array(EscalationRow),
  /** The default due date for new actions: the day before the next meeting. */
  defaultDueDate: z.string(),
  /** For the "Escalations" standing item: every open escalation on this panel's register. */
  openEscalations: z.array(EscalationRow.extend({ caseReference: z.string(), levelTitle: z.string(), ageDays: z.number(), responseOverdue: z.boolean() })),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

export const OUTCOMES = [
  { code: 'continue', label: 'Continue to monitor' },
  { code: 'close', label: 'Close (with reason)' },
  { code: 'refer_csc', label: "Refer to children's social care" },
  { code: 's2s_lost_pupil', label: 'Name on the S2S lost pupil database' },
  { code: 'reasonable_steps_letter', label: 'Reasonable-steps letter to the last school' },
  { code: 'school_attendance_order', label: 'School Attendance Order process' },
  { code: 'archive', label: 'Present for archiving: the Director decides (long-term, all avenues exhausted)' },
  { code: 'other', label: 'Other' },
] as const;
export const Outcome = z.enum(codesOf(OUTCOMES));

// The reasons live with the escalation rules; re-exported here for the contract's users.
export { ESCALATION_REASONS };
export const EscalationReason = z.enum(codesOf(ESCALATION_REASONS));

export const ClosureReasonCode = z.enum(codesOf(CLOSURE_REASONS));

/** The projector's view: privacy first — reference, initials, age and year group unless the chair shows names. */
export const ProjectorView = z.object({
  unchanged: z.literal(false),
  version: z.number(),
  blank: z.boolean(),
  title: z.string(),
  date: z.string(),
  status: MeetingStatus,
  meetingStartedAt: z.string().nullable(),
  items: z.array(z.object({ id: z.number(), title: z.string(), current: z.boolean(), done: z.boolean(), section: z.string() })),
  current: z
    .object({
      title: z.string(),
      kind: z.enum(['standing', 'case']),
      reference: z.string().nullable(),
      displayName: z.string().nullable(),
      namesShown: z.boolean(),
      ageYears: z.number().nullable(),
      yearGroupLabel: z.string().nullable(),
      register: z.string().nullable(),
      rag: Rag.nullable(),
      reasons: z.array(z.string()),
      actions: z.array(z.object({ text: z.string(), owner: z.string().nullable(), dueDate: z.string() })),
      elapsedSeconds: z.number(),
      startedAt: z.string().nullable(),
    })
    .nullable(),
  serverTime: z.string(),
});
export type ProjectorView = z.infer<typeof ProjectorView>;

export { optionalDate };
