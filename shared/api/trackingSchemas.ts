import { z } from 'zod';
import { id, isoDate, optionalDate, optionalText, pastDate, text, list, code, Rag, Register, CaseStatus, Team } from './schemas';
import { ActionRow, EscalationReason, MeetingSummary } from './meetingSchemas';

export const TrackerAction = ActionRow.extend({
  caseName: z.string().nullable(),
  ownerTeam: Team.nullable(),
  panelName: z.string().nullable(),
  overdue: z.boolean(),
  dueThisWeek: z.boolean(),
  carriedTooOften: z.boolean(),
  suggestion: z.string().nullable(),
});
export type TrackerAction = z.infer<typeof TrackerAction>;

const RagCounts = z.object({ red: z.number(), amber: z.number(), green: z.number(), none: z.number(), total: z.number() });
export type RagCounts = z.infer<typeof RagCounts>;

export const CaseloadRow = z.object({
  officerId: z.number(),
  name: z.string(),
  jobTitle: z.string().nullable(),
  team: Team,
  active: z.boolean(),
  cme: RagCounts,
  pmoe: RagCounts,
  overdueActions: z.number(),
  openActions: z.number(),
});
export const Caseload = z.object({
  officers: z.array(CaseloadRow),
  unallocated: z.object({ cme: RagCounts, pmoe: RagCounts }),
  needsReallocation: z.array(
    z.object({
      officerId: z.number(),
      name: z.string(),
      cases: z.array(z.object({ caseId: z.number(), reference: z.string(), register: Register, rag: Rag.nullable(), childName: z.string() })),
      /** Their open actions; `movesWithCase` when the case they lead is reallocated. */
      actions: z.array(z.object({ id: z.number(), text: z.string(), dueDate: z.string(), caseReference: z.string().nullable(), movesWithCase: z.boolean() })),
    }),
  ),
});
export type Caseload = z.infer<typeof Caseload>;

export const EscalationStep = z.object({
  id: z.number(),
  level: z.number(),
  levelTitle: z.string(),
  escalatedTo: z.string().nullable(),
  asked: z.string().nullable(),
  raisedBy: z.string(),
  raisedOn: z.string(),
  responseDue: z.string().nullable(),
  response: z.string().nullable(),
  respondedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  status: z.enum(['open', 'responded', 'resolved', 'escalated']),
  resolvedOn: z.string().nullable(),
  peopleInformed: z.string().nullable(),
  meetingId: z.number().nullable(),
});
export const EscalationLogRow = z.object({
  /** The latest step; the chain holds every step, first to last. */
  id: z.number(),
  caseId: z.number(),
  caseReference: z.string(),
  caseName: z.string(),
  register: Register,
  reason: z.string(),
  status: z.enum(['open', 'responded', 'resolved', 'escalated']),
  level: z.number(),
  levelTitle: z.string(),
  raisedOn: z.string(),
  firstRaisedOn: z.string(),
  ageDays: z.number(),
  responseDue: z.string().nullable(),
  responseOverdue: z.boolean(),
  canEscalate: z.boolean(),
  nextLevelTitle: z.string().nullable(),
  chain: z.array(EscalationStep),
});
export type EscalationLogRow = z.infer<typeof EscalationLogRow>;

export const Ladder = z.object({
  code: text(40),
  name: text(80),
  levels: list(z.object({ level: z.number().int().min(1).max(20), title: text(160), person: optionalText(120) }), 20).min(1, { error: 'needs at least one level' }),
});
export const Ladders = z.object({ active: code(40), ladders: list(Ladder, 20) });
export type Ladders = z.infer<typeof Ladders>;

export const RagChange = z.object({ onDate: z.string(), from: Rag.nullable(), to: Rag, reason: z.string(), actor: z.string(), meetingId: z.number().nullable(), meetingLabel: z.string().nullable() });
export const Allocation = z.object({ onDate: z.string(), fromName: z.string().nullable(), toName: z.string().nullable(), actor: z.string(), reason: z.string().nullable(), meetingId: z.number().nullable(), meetingLabel: z.string().nullable() });
export const SuggestedRag = z.object({ rag: Rag, reasons: z.array(z.object({ rule: z.string(), rag: Rag, text: z.string() })) });

export const CaseTracking = z.object({
  ragHistory: z.array(RagChange),
  leadHistory: z.array(Allocation),
  suggestedRag: SuggestedRag,
  escalations: z.array(EscalationLogRow),
  actions: z.array(TrackerAction),
});
export type CaseTracking = z.infer<typeof CaseTracking>;

export const Dashboard = z.object({
  today: z.string(),
  overdueActions: z.array(TrackerAction),
  overdueActionCount: z.number(),
  escalationsAwaiting: z.array(EscalationLogRow),
  escalationsAwaitingCount: z.number(),
  dueForPanel: z.array(z.object({ caseId: z.number(), reference: z.string(), childName: z.string(), daysOpen: z.number(), rag: Rag.nullable() })),
  dueForPanelCount: z.number(),
  longTermCount: z.number(),
  endOfCsa: z.array(z.object({ caseId: z.number(), reference: z.string(), childName: z.string(), register: Register })),
  needsReallocation: Caseload.shape.needsReallocation,
  nextMeetings: z.array(MeetingSummary),
  openByRag: z.object({ CME: RagCounts, PMOE: RagCounts }),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const ActionCreateInput = z.object({ caseId: id, text: text(1000), ownerId: id.nullable(), dueDate: isoDate });
export const EscalationCreateInput = z.object({
  caseId: id,
  reason: EscalationReason,
  level: z.number().int().min(1).max(9).default(1),
  escalatedTo: optionalText(160),
  asked: optionalText(2000),
  responseDue: optionalDate,
  peopleInformed: optionalText(1000),
});
export { CaseStatus, pastDate };
