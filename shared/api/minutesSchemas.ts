import { z } from 'zod';
import { Rag, Register } from './schemas';
import { MeetingStatus } from './meetingSchemas';

/**
 * The minutes of one meeting as a document: everything the print view needs, and nothing more.
 * Built on the server (electron/services/minutes.ts); in the redacted variant the server has
 * already replaced every child's name with initials and taken addresses, contacts and dates of
 * birth out of the free text, so nothing identifying reaches the print view.
 */
export const MinutesVariant = z.enum(['full', 'redacted']);
export type MinutesVariant = z.infer<typeof MinutesVariant>;

export const MINUTES_MARKING = 'OFFICIAL-SENSITIVE' as const;
export const VARIANT_LABELS: Readonly<Record<MinutesVariant, string>> = { full: 'Full minutes', redacted: 'Redacted for circulation' };

const RagOrNull = Rag.nullable();

export const MinutesAttendee = z.object({
  name: z.string(),
  role: z.string(),
  /** "deputy for …", "guest", "apologies" — shown after the name. */
  note: z.string().nullable(),
});
export type MinutesAttendee = z.infer<typeof MinutesAttendee>;

export const MinutesAction = z.object({
  text: z.string(),
  owner: z.string().nullable(),
  dueDate: z.string(),
});

export const MinutesReviewedAction = z.object({
  text: z.string(),
  owner: z.string().nullable(),
  /** The due date before this meeting reviewed it. */
  dueDate: z.string(),
  outcome: z.enum(['done', 'carried_forward', 'dropped']),
  reason: z.string().nullable(),
  newDueDate: z.string().nullable(),
});

export const MinutesEscalation = z.object({
  reason: z.string(),
  level: z.number(),
  levelTitle: z.string(),
  escalatedTo: z.string().nullable(),
  asked: z.string().nullable(),
  responseDue: z.string().nullable(),
  raisedBy: z.string(),
});

/** A case item as a meeting's documents (minutes, agenda pack) head it. */
export const DocumentCase = z.object({
  reference: z.string(),
  /** Full name in the full variant; initials in the redacted one. */
  child: z.string(),
  ageYears: z.number(),
  yearGroupLabel: z.string(),
  register: Register,
  section: z.string(),
  /** Why the case is on the agenda (the agenda rules' reasons, or the minute-taker's). */
  reasons: z.array(z.string()),
});

export const MinutesCase = DocumentCase.extend({
  ragBefore: RagOrNull,
  ragAfter: RagOrNull,
  ragChanged: z.boolean(),
  /** The reason given at this meeting when the rating changed, else the reason for the rating in force. */
  ragReason: z.string().nullable(),
  leadOfficer: z.string().nullable(),
  /** The lead officer before this meeting changed it (null when unchanged). */
  previousLeadOfficer: z.string().nullable(),
  leadChanged: z.boolean(),
  outcome: z.string().nullable(),
  outcomeDetail: z.string().nullable(),
  closure: z.string().nullable(),
  actionsReviewed: z.array(MinutesReviewedAction),
  actionsAgreed: z.array(MinutesAction),
  escalations: z.array(MinutesEscalation),
  /** On the agenda but not discussed (passed over): carried to the next meeting's agenda. */
  notReached: z.boolean(),
  /** Closed at this meeting: shown as closed, not with the rating it had. */
  closedHere: z.boolean(),
});
export type MinutesCase = z.infer<typeof MinutesCase>;

export const MinutesItem = z.object({
  number: z.number(),
  kind: z.enum(['standing', 'case']),
  title: z.string(),
  /** Standing items: their text; case items: the discussion. */
  discussion: z.string().nullable(),
  decisions: z.string().nullable(),
  case: MinutesCase.nullable(),
  /** "Minutes of the last meeting and matters arising": earlier actions reviewed under this item. */
  mattersArising: z.array(MinutesReviewedAction.extend({ reference: z.string().nullable() })),
});
export type MinutesItem = z.infer<typeof MinutesItem>;

export const MinutesActionRow = z.object({
  reference: z.string().nullable(),
  itemNumber: z.number().nullable(),
  text: z.string(),
  dueDate: z.string(),
  /** 'agreed' at this meeting, or 'carried' forward from an earlier one. */
  kind: z.enum(['agreed', 'carried']),
});

export const RagCounts = z.object({ red: z.number(), amber: z.number(), green: z.number(), unrated: z.number() });
export type RagCounts = z.infer<typeof RagCounts>;

/** The meeting as the head of its documents (minutes, agenda pack) describes it. */
export const DocumentMeeting = z.object({
  id: z.number(),
  panelName: z.string(),
  register: Register,
  date: z.string(),
  time: z.string(),
  venue: z.string().nullable(),
  onlineLink: z.string().nullable(),
  chair: z.string().nullable(),
  minuteTaker: z.string().nullable(),
  status: MeetingStatus,
});
export type DocumentMeeting = z.infer<typeof DocumentMeeting>;

export const MinutesDoc = z.object({
  marking: z.literal(MINUTES_MARKING),
  variant: MinutesVariant,
  variantLabel: z.string(),
  authority: z.object({ name: z.string(), logo: z.string().nullable() }),
  meeting: DocumentMeeting.extend({
    /** "DRAFT" or "APPROVED on 12/01/2027". */
    statusLabel: z.string(),
    approvedOn: z.string().nullable(),
    approvedAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  }),
  attendance: z.object({
    present: z.array(MinutesAttendee),
    apologies: z.array(MinutesAttendee),
    absent: z.array(MinutesAttendee),
    guests: z.array(MinutesAttendee),
    /** Members whose attendance nobody recorded. */
    notMarked: z.array(MinutesAttendee),
  }),
  items: z.array(MinutesItem),
  /** Cases taken off the agenda before the meeting: how many, for each reason (no names: issue 9). */
  withdrawn: z.array(z.object({ reason: z.string().nullable(), count: z.number() })),
  /** Case items passed over without being discussed, carried to the next meeting. */
  notReached: z.array(z.object({ number: z.number(), reference: z.string() })),
  actionsByOwner: z.array(z.object({ owner: z.string(), actions: z.array(MinutesActionRow) })),
  ragSummary: z.object({
    cases: z.number(),
    before: RagCounts,
    after: RagCounts,
    movement: z.object({ improved: z.number(), same: z.number(), worsened: z.number(), newlyRated: z.number() }),
  }),
  nextMeeting: z.object({ date: z.string(), time: z.string(), venue: z.string().nullable() }).nullable(),
  /** The agenda carries "Date of next meeting" as a standing item, so the minutes say it there and not again at the end. */
  nextMeetingOnAgenda: z.boolean(),
  amendments: z.array(z.object({ at: z.string(), actor: z.string(), item: z.string().nullable(), field: z.string(), reason: z.string() })),
  generatedAt: z.string(),
});
export type MinutesDoc = z.infer<typeof MinutesDoc>;
