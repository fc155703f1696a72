import { z } from 'zod';
import * as S from './schemas';
import * as M from './meetingSchemas';
import * as T from './trackingSchemas';
import { MinutesDoc } from './minutesSchemas';
import { ReportInput, Reports } from './reportSchemas';
import * as D from './documentSchemas';
import type { MethodName } from './methods';
export { METHOD_NAMES, isMethodName, type MethodName } from './methods';

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, write: boolean) => ({ input, output, write });

const CaseRef = z.object({ id: S.id });

/**
 * The one contract between the UI and the services: method name -> input and output schema.
 * Both hosts (Electron IPC and the browser bridge) dispatch against this map and nothing else.
 * `write` marks methods that change the register (they run in one transaction with their audit rows).
 */
export const contract = {
  'app.info': method(
    z.object({}).default({}),
    z.object({
      version: z.string(),
      schemaVersion: z.number(),
      dbPath: z.string(),
      userName: z.string(),
      setupDone: z.boolean(),
      caseCount: z.number(),
      today: z.string(),
    }),
    false,
  ),
  'app.setUserName': method(z.object({ name: S.text(80) }), z.object({ userName: z.string() }), true),
  'app.setup': method(
    z.object({ mode: z.enum(['empty', 'demo']) }),
    z.object({ caseCount: z.number() }),
    true,
  ),

  'officers.list': method(z.object({ includeLeft: z.boolean().default(true) }).default({ includeLeft: true }), z.array(S.Officer), false),
  'officers.create': method(S.OfficerInput, S.Officer, true),
  'officers.update': method(S.OfficerInput.extend({ id: S.id }), S.Officer, true),

  'register.list': method(z.object({}).default({}), z.array(S.RegisterRow), false),

  'children.checkDuplicates': method(
    z.object({ forenames: S.code(100), surname: S.code(100), dateOfBirth: S.isoDate, knownAs: S.code(100).nullish() }),
    z.array(
      z.object({ childId: z.number(), name: z.string(), dateOfBirth: z.string(), reason: z.string(), references: z.array(z.string()), exact: z.boolean() }),
    ),
    false,
  ),
  'children.update': method(z.object({ id: S.id, changes: S.ChildInput.partial() }), S.Child, true),
  'children.addAddress': method(S.AddressInput.extend({ childId: S.id, current: z.boolean().default(true) }), S.Address, true),
  'children.addAdult': method(S.AdultInput.extend({ childId: S.id }), S.Adult, true),
  'children.linkSibling': method(
    z.object({ childId: S.id, siblingReference: S.text(20) }),
    z.array(S.Sibling),
    true,
  ),

  'referrals.create': method(S.ReferralInput, z.object({ caseId: z.number(), reference: z.string(), childId: z.number(), siblingCases: z.array(z.string()) }), true),

  'cases.get': method(CaseRef, S.CaseDetail, false),
  'cases.update': method(z.object({ id: S.id, changes: S.CaseFieldsInput.partial() }), S.CaseDetail, true),
  'cases.setRag': method(
    z.object({ id: S.id, rag: S.Rag, reason: S.text(1000) }),
    S.CaseDetail,
    true,
  ),
  'cases.setLeadOfficer': method(z.object({ id: S.id, officerId: S.id.nullable(), reason: S.optionalText(1000) }), S.CaseDetail, true),
  'cases.setStatus': method(z.object({ id: S.id, status: z.enum(['referred', 'checks', 'at_panel']) }), S.CaseDetail, true),
  // Closing: propose (reason + evidence) → authorise by a named manager where the rules ask for it
  // (shared/domain/closure.ts). There is no other way to close a case.
  'cases.archive': method(z.object({ id: S.id, formCompletedOn: S.optionalPastDate, director: S.optionalText(160), decidedOn: S.pastDate }), S.CaseDetail, true),
  'alerts.home': method(z.object({}).default({}), S.HomeAlerts, false),
  'closures.propose': method(S.ClosureProposalInput, S.CaseDetail, true),
  'closures.authorise': method(z.object({ id: S.id, authorisedById: S.id, note: S.optionalText(1000) }), S.CaseDetail, true),
  'closures.decline': method(z.object({ id: S.id, decidedById: S.id, reason: S.text(1000) }), S.CaseDetail, true),
  'closures.recordUnfoundReview': method(z.object({ id: S.id, outcome: S.text(2000) }), S.CaseDetail, true),
  'cases.reopen': method(z.object({ id: S.id, reason: S.text(1000) }), S.CaseDetail, true),
  'checks.add': method(S.CheckInput.extend({ caseId: S.id }), S.CaseDetail, true),
  'notes.add': method(z.object({ caseId: S.id, notedOn: S.pastDate, text: S.text(8000) }), S.CaseDetail, true),
  'audit.forCase': method(z.object({ caseId: S.id }), z.array(S.AuditEntry), false),

  'cases.tracking': method(z.object({ caseId: S.id }), T.CaseTracking, false),
  'cases.reallocate': method(z.object({ caseIds: S.list(S.id, S.MAX_SELECTION).min(1, { error: 'choose at least one case' }), toOfficerId: S.id, reason: S.text(500) }), z.object({ moved: z.number() }), true),
  'cases.proposeClosure': method(z.object({ id: S.id, proposed: z.boolean() }), S.CaseDetail, true),
  'actions.list': method(z.object({ caseId: S.id.nullish() }).default({}), z.array(T.TrackerAction), false),
  'actions.create': method(T.ActionCreateInput, T.TrackerAction, true),
  'actions.complete': method(z.object({ id: S.id, completedOn: S.pastDate, note: S.optionalText(1000) }), T.TrackerAction, true),
  'actions.bulk': method(
    z.object({ ids: S.list(S.id, S.MAX_SELECTION).min(1, { error: 'choose at least one action' }), op: z.enum(['done', 'reassign']), ownerId: S.id.nullish(), note: S.optionalText(1000) }),
    z.object({ updated: z.number() }),
    true,
  ),
  'caseload.get': method(z.object({}).default({}), T.Caseload, false),
  'escalations.list': method(z.object({}).default({}), z.array(T.EscalationLogRow), false),
  'escalations.create': method(T.EscalationCreateInput, T.EscalationLogRow, true),
  'escalations.respond': method(z.object({ id: S.id, response: S.text(4000), respondedOn: S.pastDate }), T.EscalationLogRow, true),
  'escalations.escalate': method(z.object({ id: S.id, escalatedTo: S.optionalText(160), asked: S.text(2000), responseDue: S.optionalDate }), T.EscalationLogRow, true),
  'escalations.resolve': method(z.object({ id: S.id, outcome: S.text(4000), resolvedOn: S.pastDate }), T.EscalationLogRow, true),
  'ladders.get': method(z.object({}).default({}), T.Ladders, false),
  'ladders.save': method(T.Ladders, T.Ladders, true),
  'dashboard.get': method(z.object({}).default({}), T.Dashboard, false),
  'reports.get': method(ReportInput, Reports, false),

  'panels.list': method(z.object({}).default({}), z.array(M.Panel), false),
  'panels.save': method(M.PanelInput, M.Panel, true),
  'calendar.get': method(z.object({}).default({}), M.Calendar, false),
  'calendar.save': method(z.object({ terms: S.list(M.CalendarTerm, 100), closures: S.list(M.CalendarClosure, 400) }), M.Calendar, true),

  'meetings.list': method(z.object({ panelId: S.id.nullish() }).default({}), z.array(M.MeetingSummary), false),
  'meetings.generate': method(z.object({ panelId: S.id, count: z.number().int().min(1).max(24) }), z.array(M.MeetingSummary), true),
  'meetings.create': method(
    z.object({ panelId: S.id, date: S.isoDate, time: M.time, venue: S.optionalText(200), onlineLink: S.optionalText(500) }),
    M.MeetingSummary,
    true,
  ),
  'meetings.update': method(
    z.object({ id: S.id, date: S.isoDate, time: M.time, venue: S.optionalText(200), onlineLink: S.optionalText(500), chairId: S.id.nullable(), minuteTakerId: S.id.nullable() }),
    M.MeetingDetail,
    true,
  ),
  'meetings.get': method(z.object({ id: S.id }), M.MeetingDetail, false),
  'meetings.buildAgenda': method(z.object({ id: S.id }), M.MeetingDetail, true),
  'agenda.addCase': method(z.object({ meetingId: S.id, reference: S.text(20), section: z.enum(['case_reviews', 'new_referrals', 'proposed_closures']).default('case_reviews') }), M.MeetingDetail, true),
  'agenda.remove': method(z.object({ itemIds: S.list(S.id, S.MAX_SELECTION).min(1, { error: 'choose at least one case' }), reason: S.optionalText(500) }), M.MeetingDetail, true),
  'agenda.bringIn': method(z.object({ meetingId: S.id, caseIds: S.list(S.id, S.MAX_SELECTION).min(1, { error: 'choose at least one case' }) }), M.MeetingDetail, true),
  'agenda.restore': method(z.object({ itemId: S.id }), M.MeetingDetail, true),
  'agenda.move': method(z.object({ itemId: S.id, toIndex: z.number().int().min(0) }), M.MeetingDetail, true),
  'attendance.mark': method(z.object({ id: S.id, status: z.enum(['present', 'apologies', 'absent']) }), M.MeetingDetail, true),
  'attendance.add': method(
    z.object({ meetingId: S.id, name: S.text(120), role: S.text(120), kind: z.enum(['deputy', 'guest']), deputyFor: S.optionalText(120), officerId: S.id.nullish() }),
    M.MeetingDetail,
    true,
  ),

  'meetings.start': method(z.object({ id: S.id }), M.MeetingDetail, true),
  'meetings.goto': method(z.object({ id: S.id, itemId: S.id }), M.MeetingDetail, true),
  'meetings.item': method(z.object({ itemId: S.id }), M.ItemDetail, false),
  'items.record': method(
    z.object({
      itemId: S.id,
      discussion: S.optionalText(20000).optional(),
      decisions: S.optionalText(20000).optional(),
      outcome: M.Outcome.nullish(),
      outcomeDetail: S.optionalText(1000).optional(),
      done: z.boolean().optional(),
    }),
    M.ItemDetail,
    true,
  ),
  'items.setRag': method(z.object({ itemId: S.id, rag: S.Rag, reason: S.text(1000) }), M.ItemDetail, true),
  'items.setLead': method(z.object({ itemId: S.id, officerId: S.id.nullable(), reason: S.optionalText(500) }), M.ItemDetail, true),
  'items.close': method(z.object({ itemId: S.id, reason: M.ClosureReasonCode, detail: S.optionalText(500), proposedById: S.id.nullish(), evidence: S.optionalText(4000) }), M.ItemDetail, true),
  // The owner: an officer (ownerId), or a person or agency named in ownerText (a panel member, deputy or guest, an outside agency).
  'items.createAction': method(z.object({ itemId: S.id, text: S.text(1000), ownerId: S.id.nullish().transform((v) => v ?? null), ownerText: S.optionalText(160), dueDate: S.isoDate }), M.ItemDetail, true),
  'items.reviewAction': method(
    z.object({ itemId: S.id, actionId: S.id, outcome: z.enum(['done', 'carried_forward', 'dropped']), reason: S.optionalText(500), newDueDate: S.optionalDate }),
    M.ItemDetail,
    true,
  ),
  'items.createEscalation': method(
    z.object({ itemId: S.id, reason: M.EscalationReason, level: z.number().int().min(1).max(9), levelTitle: S.text(120), escalatedTo: S.optionalText(120), asked: S.optionalText(2000), responseDue: S.optionalDate }),
    M.ItemDetail,
    true,
  ),
  'meetings.undo': method(z.object({ id: S.id }), z.object({ undone: z.string().nullable() }), true),
  'meetings.close': method(z.object({ id: S.id }), M.MeetingDetail, true),
  'meetings.approveMinutes': method(z.object({ id: S.id, atMeetingId: S.id.nullish() }), M.MeetingDetail, true),
  'meetings.amend': method(
    z.object({ itemId: S.id, field: z.enum(['discussion', 'decisions', 'outcomeDetail']), value: S.optionalText(20000), reason: S.text(500) }),
    M.MeetingDetail,
    true,
  ),
  'projector.view': method(z.object({ id: S.id, sinceVersion: z.number().int().nullish() }), z.union([M.ProjectorView, z.object({ unchanged: z.literal(true), version: z.number() })]), false),
  'projector.control': method(z.object({ id: S.id, action: z.enum(['next', 'previous', 'blank', 'unblank', 'toggleBlank', 'showNames', 'hideNames']) }), z.object({ version: z.number() }), true),
  'minutes.get': method(z.object({ meetingId: S.id, variant: z.enum(['full', 'redacted']) }), MinutesDoc, false),
  'agendaPack.get': method(z.object({ meetingId: S.id, variant: z.enum(['full', 'redacted']) }), D.AgendaPackDoc, false),
  'archivingForm.get': method(z.object({ caseId: S.id }), D.ArchivingFormDoc, false),
  'documents.describe': method(D.DocumentRequest, D.DocumentInfo, false),
  /** Walks the audit trail's hash chain (issue 11): the first broken link, if any. */
  'audit.verify': method(
    /** atOpen: the check run when the register was opened (the app's start-up warning); else a fresh walk. */
    z.object({ atOpen: z.boolean().default(false) }).default({ atOpen: false }),
    z.object({
      ok: z.boolean(),
      rows: z.number(),
      firstBroken: z.object({ id: z.number(), at: z.string().nullable(), actor: z.string().nullable(), entity: z.string().nullable() }).nullable(),
      message: z.string(),
    }),
    false,
  ),
  'settings.getAuthority': method(z.object({}).default({}), z.object({ name: z.string(), logo: z.string().nullable() }), false),
  'settings.setAuthority': method(z.object({ name: S.text(120), logo: z.string().max(500000).nullish() }), z.object({ name: z.string(), logo: z.string().nullable() }), true),
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType; write: boolean }>;

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
