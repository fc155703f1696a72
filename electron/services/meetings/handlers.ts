import type { scheduleMethods, agendaMethods, attendanceMethods, liveMethods, approvalMethods } from '../../../shared/api/meetings';
import type { DomainHandlerFactory } from '../handlers';
import { listPanels, savePanel } from './panels';
import { listMeetings, generateMeetings, createMeeting, updateMeeting } from './schedule';
import { getMeeting } from './meetingDetail';
import { meetingRow } from './meetingRows';
import { buildAgenda } from './agendaBuild';
import { bringIn, addCaseToAgenda, removeItems, restoreItem, moveItem } from './agenda';
import { markAttendance, addAttendee } from './attendance';
import { startMeeting, gotoItem } from './live';
import { closeMeeting, approveMinutes, amendMinutes } from './approval';
import { getItem, recordItem, setItemRag, setItemLead, closeFromItem, addAction, reviewAction, raiseEscalation } from './items';
import { projectorView, projectorControl } from './projector';
import { undoLast } from './undo';

const scheduleHandlers: DomainHandlerFactory<typeof scheduleMethods> = (db, { today }) => ({
  'panels.list': () => listPanels(db),
  'panels.save': (a, ctx) => savePanel(db, ctx, a),
  'meetings.list': ({ panelId }) => listMeetings(db, panelId),
  'meetings.generate': (a, ctx) => generateMeetings(db, ctx, a, today()),
  'meetings.create': (a, ctx) => createMeeting(db, ctx, a),
  'meetings.update': (a, ctx) => updateMeeting(db, ctx, a),
  'meetings.get': ({ id }) => getMeeting(db, id),
});

const agendaHandlers: DomainHandlerFactory<typeof agendaMethods> = (db, { today }) => ({
  'meetings.buildAgenda': (a, ctx) => buildAgenda(db, ctx, a, today()),
  'agenda.addCase': (a, ctx) => addCaseToAgenda(db, ctx, a, today()),
  'agenda.remove': (a, ctx) => removeItems(db, ctx, a),
  'agenda.bringIn': (a, ctx) => bringIn(db, ctx, a),
  'agenda.restore': (a, ctx) => restoreItem(db, ctx, a),
  'agenda.move': (a, ctx) => moveItem(db, ctx, a),
});

const attendanceHandlers: DomainHandlerFactory<typeof attendanceMethods> = (db) => ({
  'attendance.mark': (a, ctx) => markAttendance(db, ctx, a),
  'attendance.add': (a, ctx) => addAttendee(db, ctx, a),
});

const liveHandlers: DomainHandlerFactory<typeof liveMethods> = (db, { today }) => ({
  'meetings.start': (a, ctx) => startMeeting(db, ctx, a),
  'meetings.goto': (a, ctx) => {
    gotoItem(db, a, ctx.now());
    return getMeeting(db, a.id);
  },
  'meetings.item': ({ itemId }) => getItem(db, itemId, today()),
  'items.record': (a, ctx) => recordItem(db, ctx, a, today()),
  'items.setRag': (a, ctx) => setItemRag(db, ctx, a, today()),
  'items.setLead': (a, ctx) => setItemLead(db, ctx, a, today()),
  'items.close': (a, ctx) => closeFromItem(db, ctx, a, today()),
  'items.createAction': (a, ctx) => addAction(db, ctx, a, today()),
  'items.reviewAction': (a, ctx) => reviewAction(db, ctx, a, today()),
  'items.createEscalation': (a, ctx) => raiseEscalation(db, ctx, a, today()),
  'meetings.undo': ({ id }, ctx) => {
    meetingRow(db, id);
    return undoLast(db, ctx, id);
  },
  'projector.view': (a) => projectorView(db, a, today()),
  'projector.control': (a, ctx) => projectorControl(db, ctx, a),
});

const approvalHandlers: DomainHandlerFactory<typeof approvalMethods> = (db, { today }) => ({
  'meetings.close': (a, ctx) => closeMeeting(db, ctx, a),
  'meetings.approveMinutes': (a, ctx) => approveMinutes(db, ctx, a, today()),
  'meetings.amend': (a, ctx) => amendMinutes(db, ctx, a),
});

/** Meetings end to end: schedule, agenda, attendance, the live meeting and approval. */
export const meetingsHandlers: DomainHandlerFactory<typeof scheduleMethods & typeof agendaMethods & typeof attendanceMethods & typeof liveMethods & typeof approvalMethods> = (db, opts) => ({
  ...scheduleHandlers(db, opts),
  ...agendaHandlers(db, opts),
  ...attendanceHandlers(db, opts),
  ...liveHandlers(db, opts),
  ...approvalHandlers(db, opts),
});
