import { z } from 'zod';
import { Rag, Register, id } from './schemas';
import { DocumentCase, DocumentMeeting, MINUTES_MARKING, MinutesAttendee, MinutesVariant } from './minutesSchemas';

/**
 * The documents Panel prints to PDF, all from one print view family (#/print/<kind>/<id>/<variant>):
 * the minutes, the agenda pack sent before a meeting, and the long-term CME "archiving" form for
 * one case (seed 001 §6.2, Appendix 4). The archiving form goes to the Commissioning Director with
 * the child's details on it, so it has only a full variant.
 */
export const DocumentKind = z.enum(['minutes', 'agenda', 'archiving']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DocumentRequest = z
  .object({ kind: DocumentKind, id, variant: MinutesVariant.optional() })
  .refine((r) => r.kind !== 'archiving' || r.variant !== 'redacted', {
    message: 'must be "full": the archiving form names the child and has no redacted variant.',
    path: ['variant'],
  })
  // Minutes and agenda packs go out redacted unless the full variant is asked for.
  .transform((r) => ({ ...r, variant: r.variant ?? (r.kind === 'archiving' ? 'full' : 'redacted') }));
export type DocumentRequest = z.output<typeof DocumentRequest>;

/** What a host needs to print a document: the running header/footer text and a file name. */
export const DocumentInfo = z.object({
  marking: z.literal(MINUTES_MARKING),
  /** e.g. "CME Panel – 12/01/2027" or "CME-2026-0042"; in the header and footer of every page. */
  title: z.string(),
  variantLabel: z.string(),
  /** A safe file name ending .pdf; never a child's name. */
  fileName: z.string(),
  /** The print view's hash route, e.g. "#/print/agenda/12/redacted". */
  route: z.string(),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

// ---------------------------------------------------------------------------------------------
// The agenda pack

export const AgendaPackAction = z.object({
  text: z.string(),
  owner: z.string().nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
  /** How many times a panel has carried it forward already. */
  carried: z.number(),
});

export const AgendaPackCase = DocumentCase.extend({
  status: z.string(),
  dateNotified: z.string(),
  daysOpen: z.number(),
  longTerm: z.boolean(),
  /** The referral's reason (CME) or why the pupil is missing out (PMOE). */
  referralReason: z.string().nullable(),
  school: z.string().nullable(),
  rag: Rag.nullable(),
  ragReason: z.string().nullable(),
  leadOfficer: z.string().nullable(),
  /** Vulnerability flags and criteria of concern, as words. */
  flags: z.array(z.string()),
  concerns: z.array(z.string()),
  checks: z.object({ count: z.number(), last: z.array(z.object({ agency: z.string(), checkedOn: z.string(), outcome: z.string() })) }),
  openActions: z.array(AgendaPackAction),
  openEscalations: z.array(z.object({ level: z.number(), levelTitle: z.string(), raisedOn: z.string(), responseDue: z.string().nullable(), status: z.string() })),
  lastMinute: z
    .object({ meetingDate: z.string(), discussion: z.string().nullable(), decisions: z.string().nullable(), outcome: z.string().nullable() })
    .nullable(),
});
export type AgendaPackCase = z.infer<typeof AgendaPackCase>;

export const AgendaPackItem = z.object({
  number: z.number(),
  kind: z.enum(['standing', 'case']),
  title: z.string(),
  /** Standing items: what the item is for, or what the register knows for it. */
  note: z.string().nullable(),
  case: AgendaPackCase.nullable(),
});
export type AgendaPackItem = z.infer<typeof AgendaPackItem>;

export const AgendaPackDoc = z.object({
  marking: z.literal(MINUTES_MARKING),
  variant: MinutesVariant,
  variantLabel: z.string(),
  authority: z.object({ name: z.string(), logo: z.string().nullable() }),
  meeting: DocumentMeeting,
  invited: z.array(MinutesAttendee),
  items: z.array(AgendaPackItem),
  summary: z.object({
    cases: z.number(),
    bySection: z.array(z.object({ section: z.string(), count: z.number() })),
    byRag: z.object({ red: z.number(), amber: z.number(), green: z.number(), unrated: z.number() }),
    overdueActions: z.number(),
    /** Actions count as overdue when due before this date: the meeting's, or today for a meeting already held. */
    overdueAsAt: z.string(),
  }),
  generatedAt: z.string(),
});
export type AgendaPackDoc = z.infer<typeof AgendaPackDoc>;

// ---------------------------------------------------------------------------------------------
// The long-term CME "archiving" form (seed 001 Appendix 4)

export const ArchivingCheckRow = z.object({
  /** The form's row, e.g. "Synergy (Admissions)" as the seed names it, with Panel's agency beside it. */
  label: z.string(),
  group: z.enum(['local', 'national', 'other']),
  lastChecked: z.string().nullable(),
  outcome: z.string().nullable(),
});
export type ArchivingCheckRow = z.infer<typeof ArchivingCheckRow>;

export const ArchivingFormDoc = z.object({
  marking: z.literal(MINUTES_MARKING),
  authority: z.object({ name: z.string(), logo: z.string().nullable() }),
  caseId: z.number(),
  reference: z.string(),
  register: Register,
  childName: z.string(),
  dateOfBirth: z.string(),
  yearGroupLabel: z.string(),
  lastKnownAddress: z.string().nullable(),
  residency: z.string(),
  lastSchool: z.string().nullable(),
  dateOpened: z.string(),
  referredFrom: z.string(),
  monthsOpen: z.number(),
  longTerm: z.boolean(),
  status: z.string(),
  closed: z.boolean(),
  checks: z.array(ArchivingCheckRow),
  lastVisit: z.string().nullable(),
  /** The checks log, newest first, as the summary of the officer's intervention. */
  intervention: z.array(z.object({ date: z.string(), agency: z.string(), by: z.string(), outcome: z.string() })),
  checksTotal: z.number(),
  leadOfficer: z.string().nullable(),
  generatedAt: z.string(),
});
export type ArchivingFormDoc = z.infer<typeof ArchivingFormDoc>;
