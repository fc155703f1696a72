import type { scheduleMethods, agendaMethods, attendanceMethods, liveMethods, approvalMethods } from '../../../shared/api/meetings';
import type { DomainHandlerFactory } from '../handlers';
import { listPanels, savePanel } from './panels';
import {
  listMeetings, generateMeetings, createMeeting, updateMeeting, getMeeting, buildAgenda, bringIn, addCaseToAgenda, removeItems, restoreItem, moveItem,
  markAttendance, addAttendee, startMeeting, gotoItem, closeMeeting, approveMinutes, amendMinutes, meetingRow,
} from './meetings';
import { getItem, recordItem, setItemRag, setItemLead, closeFromItem, addAction, reviewAction, raiseEscalation } from './items';
import { projectorView, projectorControl } from './projector';
import { undoLast } from './undo';

const scheduleHandlers: DomainHandlerFactory<typeof scheduleMethods> = (db, { today }) => ({
  'panels.list': () => listPanels(db),
  'panels.save': (a, ctx) => savePanel(db, ctx, a),
  'meetings.list': ({ panelId }) => listMeetings(db, panelId),
  'meetings.generate': (a, ctx) => generateMeetings(db, ctx, a, today()),
  'meetings.create': (a, ctx) => createMeeting(db, ctx, a),
  'meetings.update': (a, ctx) => updateMeeting(db, ctx, a, today()),
  'meetings.get': ({ id }) => getMeeting(db, id, today()),
});

const agendaHandlers: DomainHandlerFactory<typeof agendaMethods> = (db, { today }) => ({
  'meetings.buildAgenda': ({ id }, ctx) => buildAgenda(db, ctx, id, today()),
  'agenda.addCase': (a, ctx) => addCaseToAgenda(db, ctx, a, today()),
  'agenda.remove': (a, ctx) => removeItems(db, ctx, a, today()),
  'agenda.bringIn': (a, ctx) => bringIn(db, ctx, a, today()),
  'agenda.restore': ({ itemId }, ctx) => restoreItem(db, ctx, itemId, today()),
  'agenda.move': (a, ctx) => moveItem(db, ctx, a, today()),
});

const attendanceHandlers: DomainHandlerFactory<typeof attendanceMethods> = (db, { today }) => ({
  'attendance.mark': ({ id, status }, ctx) => markAttendance(db, ctx, id, status, today()),
  'attendance.add': (a, ctx) => addAttendee(db, ctx, a, today()),
});

const liveHandlers: DomainHandlerFactory<typeof liveMethods> = (db, { today }) => ({
  'meetings.start': ({ id }, ctx) => startMeeting(db, ctx, id, today()),
  'meetings.goto': ({ id, itemId }, ctx) => {
    gotoItem(db, id, itemId, ctx.now());
    return getMeeting(db, id, today());
  },
  'meetings.item': ({ itemId }) => getItem(db, itemId, today()),
  'items.record': ({ itemId, ...f }, ctx) => recordItem(db, ctx, itemId, f, today()),
  'items.setRag': (a, ctx) => setItemRag(db, ctx, a, today()),
  'items.setLead': (a, ctx) => setItemLead(db, ctx, a, today()),
  'items.close': ({ itemId, reason, detail, proposedById, evidence }, ctx) => closeFromItem(db, ctx, itemId, reason, detail, today(), { proposedById, evidence }),
  'items.createAction': ({ itemId, ...f }, ctx) => addAction(db, ctx, itemId, f, today()),
  'items.reviewAction': (a, ctx) => reviewAction(db, ctx, a, today()),
  'items.createEscalation': ({ itemId, ...f }, ctx) => raiseEscalation(db, ctx, itemId, f, today()),
  'meetings.undo': ({ id }, ctx) => {
    meetingRow(db, id);
    return undoLast(db, ctx, id);
  },
  'projector.view': ({ id, sinceVersion }) => projectorView(db, id, sinceVersion, today()),
  'projector.control': ({ id, action }, ctx) => projectorControl(db, ctx, id, action, (itemId) => gotoItem(db, id, itemId, ctx.now())),
});

const approvalHandlers: DomainHandlerFactory<typeof approvalMethods> = (db, { today }) => ({
  'meetings.close': ({ id }, ctx) => closeMeeting(db, ctx, id, today()),
  'meetings.approveMinutes': ({ id, atMeetingId }, ctx) => approveMinutes(db, ctx, id, atMeetingId, today()),
  'meetings.amend': (a, ctx) => amendMinutes(db, ctx, a, today()),
});

/** Meetings end to end: schedule, agenda, attendance, the live meeting and approval. */
export const meetingsHandlers: DomainHandlerFactory<typeof scheduleMethods & typeof agendaMethods & typeof attendanceMethods & typeof liveMethods & typeof approvalMethods> = (db, opts) => ({
  ...scheduleHandlers(db, opts),
  ...agendaHandlers(db, opts),
  ...attendanceHandlers(db, opts),
  ...liveHandlers(db, opts),
  ...approvalHandlers(db, opts),
});
