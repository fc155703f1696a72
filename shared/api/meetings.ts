import { z } from 'zod';
import * as S from './schemas';
import * as M from './meetingSchemas';
import { method } from './method';

/** Panels and their meeting schedule. */
export const scheduleMethods = {
  'panels.list': method(z.object({}).default({}), z.array(M.Panel), false),
  'panels.save': method(M.PanelInput, M.Panel, true),
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
} as const;

/** Building and editing a meeting's agenda. */
export const agendaMethods = {
  'meetings.buildAgenda': method(z.object({ id: S.id }), M.MeetingDetail, true),
  'agenda.addCase': method(z.object({ meetingId: S.id, reference: S.text(20), section: z.enum(['case_reviews', 'new_referrals', 'proposed_closures']).default('case_reviews') }), M.MeetingDetail, true),
  'agenda.remove': method(z.object({ itemIds: S.list(S.id, S.MAX_SELECTION).min(1, { error: 'choose at least one case' }), reason: S.optionalText(500) }), M.MeetingDetail, true),
  'agenda.bringIn': method(z.object({ meetingId: S.id, caseIds: S.list(S.id, S.MAX_SELECTION).min(1, { error: 'choose at least one case' }) }), M.MeetingDetail, true),
  'agenda.restore': method(z.object({ itemId: S.id }), M.MeetingDetail, true),
  'agenda.move': method(z.object({ itemId: S.id, toIndex: z.number().int().min(0) }), M.MeetingDetail, true),
} as const;

/** Who attends a meeting. */
export const attendanceMethods = {
  'attendance.mark': method(z.object({ id: S.id, status: z.enum(['present', 'apologies', 'absent']) }), M.MeetingDetail, true),
  'attendance.add': method(
    z.object({ meetingId: S.id, name: S.text(120), role: S.text(120), kind: z.enum(['deputy', 'guest']), deputyFor: S.optionalText(120), officerId: S.id.nullish() }),
    M.MeetingDetail,
    true,
  ),
} as const;

/** Running a meeting: the cockpit, item recording, actions and escalations raised at an item, undo and the projector. */
export const liveMethods = {
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
      /**
       * The text this window last had from the host for each text field it writes. When another
       * window has changed the field since, the save is refused (conflict, field "base.<name>")
       * rather than silently replacing the other window's words; the cockpit then keeps both.
       */
      base: z
        .object({ discussion: S.optionalText(20000).optional(), decisions: S.optionalText(20000).optional(), outcomeDetail: S.optionalText(1000).optional() })
        .optional(),
    }),
    M.ItemDetail,
    true,
  ),
  'items.setRag': method(z.object({ itemId: S.id, rag: S.Rag, reason: S.text(1000) }), M.ItemDetail, true),
  'items.setLead': method(z.object({ itemId: S.id, officerId: S.id.nullable(), reason: S.optionalText(500) }), M.ItemDetail, true),
  'items.close': method(z.object({ itemId: S.id, reason: M.ClosureReasonCode, detail: S.optionalText(500), proposedById: S.id.nullish(), evidence: S.optionalText(4000) }), M.ItemDetail, true),
  // The owner: an officer (ownerId), or a person or agency named in ownerText (a panel member, deputy or guest, an outside agency).
  // ownerOutside: the minute-taker confirmed ownerText is outside the council though it looks like an officer's name.
  'items.createAction': method(
    z.object({ itemId: S.id, text: S.text(1000), ownerId: S.id.nullish().transform((v) => v ?? null), ownerText: S.optionalText(160), ownerOutside: z.boolean().optional(), dueDate: S.isoDate }),
    M.ItemDetail,
    true,
  ),
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
  'projector.view': method(z.object({ id: S.id, sinceVersion: z.number().int().nullish() }), z.union([M.ProjectorView, z.object({ unchanged: z.literal(true), version: z.number() })]), false),
  'projector.control': method(z.object({ id: S.id, action: z.enum(['next', 'previous', 'blank', 'unblank', 'toggleBlank', 'showNames', 'hideNames']) }), z.object({ version: z.number() }), true),
} as const;

/** After a meeting: closing it, approving and amending the minutes. */
export const approvalMethods = {
  'meetings.close': method(z.object({ id: S.id }), M.MeetingDetail, true),
  'meetings.approveMinutes': method(z.object({ id: S.id, atMeetingId: S.id.nullish() }), M.MeetingDetail, true),
  'meetings.amend': method(
    z.object({ itemId: S.id, field: z.enum(['discussion', 'decisions', 'outcomeDetail']), value: S.optionalText(20000), reason: S.text(500) }),
    M.MeetingDetail,
    true,
  ),
} as const;

/** Meetings end to end: schedule, agenda, attendance, the live meeting and approval. */
export const meetingsMethods = {
  ...scheduleMethods,
  ...agendaMethods,
  ...attendanceMethods,
  ...liveMethods,
  ...approvalMethods,
} as const;
