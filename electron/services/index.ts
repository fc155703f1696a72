import type { Db } from '../../db/open';
import { verifyAuditChain } from '../../db/auditChain';
import { auditCheckOnOpen } from '../../db/open';
import { schemaVersion } from '../../db/open';
import type { Handlers } from '../dispatch';
import { AppError } from '../../shared/api/errors';
import { getSetting, userName } from './context';
import { auditedSetting } from '../../db/audit';
import { listOfficers, createOfficer, updateOfficer } from './officers';
import { listRegister } from './register';
import { findPossibleDuplicates, updateChild, insertAddress, insertAdult, linkSibling } from './children';
import { createReferral } from './referrals';
import {
  getCaseDetail, updateCase, setRag, setLeadOfficer, setStatus, reopenCase, addCheck, addNote, auditForCase,
} from './cases';
import { loadDemo } from './demo';
import { listPanels, savePanel } from './panels';
import { getCalendar, saveCalendar } from './calendar';
import {
  listMeetings, generateMeetings, createMeeting, updateMeeting, getMeeting, buildAgenda, bringIn, addCaseToAgenda, removeItems, restoreItem, moveItem,
  markAttendance, addAttendee, startMeeting, gotoItem, closeMeeting, approveMinutes, amendMinutes, meetingRow,
} from './meetings';
import { getItem, recordItem, setItemRag, setItemLead, closeFromItem, addAction, reviewAction, raiseEscalation } from './items';
import { projectorView, projectorControl } from './projector';
import { undoLast } from './undo';
import { listActions, createAction, completeAction, bulkActions } from './tracker';
import { listEscalations, createEscalation, respondEscalation, escalateFurther, resolveEscalation, getLadders, saveLadders } from './escalations';
import { getCaseload, reallocate, caseTracking, getDashboard } from './caseload';
import { proposeClosure } from './cases';
import { homeAlerts } from './caseAlerts';
import { recordArchiveDecision } from './archiving';
import { proposeCaseClosure, authoriseClosure, declineClosure, recordUnfoundReview } from './closures';
import { buildMinutes, getAuthority, setAuthority } from './minutes';
import { getReports } from './reports';
import { buildAgendaPack } from './agendaPack';
import { buildArchivingForm } from './archivingForm';
import { describeDocument } from './documents';

export interface ServiceOptions {
  /** Today's date (ISO), injectable so tests can pin the clock. */
  today: () => string;
  version: string;
  dbPath: string;
}

const caseCount = (db: Db) => (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;

/** The services behind every method in the contract, grouped by what they look after. */
export function createHandlers(db: Db, opts: ServiceOptions): Handlers {
  const { today } = opts;
  return {
    'app.info': () => ({
      version: opts.version,
      schemaVersion: schemaVersion(db),
      dbPath: opts.dbPath,
      userName: userName(db),
      setupDone: getSetting(db, 'setup_done') === '1',
      caseCount: caseCount(db),
      today: today(),
    }),
    'app.setUserName': ({ name }, ctx) => {
      auditedSetting(db, ctx, 'user_name', name);
      return { userName: name };
    },
    'app.setup': ({ mode }, ctx) => {
      if (getSetting(db, 'setup_done') === '1' || caseCount(db) > 0) {
        throw new AppError('conflict', 'This register has already been set up. The demo register can only be loaded into a new, empty register.');
      }
      if (mode === 'demo') loadDemo(db, { ...ctx, source: 'demo' }, { today: today() });
      auditedSetting(db, ctx, 'setup_done', '1');
      return { caseCount: caseCount(db) };
    },

    'officers.list': ({ includeLeft }) => listOfficers(db, includeLeft),
    'officers.create': (a, ctx) => createOfficer(db, ctx, a),
    'officers.update': ({ id, ...a }, ctx) => updateOfficer(db, ctx, id, a),

    'register.list': () => listRegister(db, today()),

    'children.checkDuplicates': (a) => findPossibleDuplicates(db, a),
    'children.update': ({ id, changes }, ctx) => updateChild(db, ctx, id, changes),
    'children.addAddress': ({ childId, current, ...a }, ctx) => insertAddress(db, ctx, childId, a, current),
    'children.addAdult': ({ childId, ...a }, ctx) => insertAdult(db, ctx, childId, a),
    'children.linkSibling': ({ childId, siblingReference }, ctx) => linkSibling(db, ctx, childId, siblingReference),

    'referrals.create': (a, ctx) => createReferral(db, ctx, a),

    'cases.get': ({ id }) => getCaseDetail(db, id, today()),
    'cases.update': ({ id, changes }, ctx) => updateCase(db, ctx, id, changes, today()),
    'cases.setRag': ({ id, rag, reason }, ctx) => setRag(db, ctx, id, rag, reason, today()),
    'cases.setLeadOfficer': ({ id, officerId, reason }, ctx) => setLeadOfficer(db, ctx, id, officerId, reason, today()),
    'cases.setStatus': ({ id, status }, ctx) => setStatus(db, ctx, id, status, today()),
    'cases.archive': ({ id, ...d }, ctx) => {
      recordArchiveDecision(db, ctx, id, d);
      return getCaseDetail(db, id, today());
    },
    'alerts.home': () => homeAlerts(db, today()),
    'closures.propose': ({ id, ...p }, ctx) => {
      proposeCaseClosure(db, ctx, id, p, today());
      return getCaseDetail(db, id, today());
    },
    'closures.authorise': ({ id, authorisedById, note }, ctx) => {
      authoriseClosure(db, ctx, id, authorisedById, note, today());
      return getCaseDetail(db, id, today());
    },
    'closures.decline': ({ id, decidedById, reason }, ctx) => {
      declineClosure(db, ctx, id, decidedById, reason, today());
      return getCaseDetail(db, id, today());
    },
    'closures.recordUnfoundReview': ({ id, outcome }, ctx) => {
      recordUnfoundReview(db, ctx, id, outcome, today());
      return getCaseDetail(db, id, today());
    },
    'cases.reopen': ({ id, reason }, ctx) => reopenCase(db, ctx, id, reason, today()),
    'checks.add': ({ caseId, ...f }, ctx) => addCheck(db, ctx, caseId, f, today()),
    'notes.add': ({ caseId, notedOn, text }, ctx) => addNote(db, ctx, caseId, notedOn, text, today()),
    'audit.forCase': ({ caseId }) => auditForCase(db, caseId),

    'cases.tracking': ({ caseId }) => caseTracking(db, caseId, today()),
    'cases.reallocate': ({ caseIds, toOfficerId, reason }, ctx) => reallocate(db, ctx, caseIds, toOfficerId, reason, today()),
    'cases.proposeClosure': ({ id, proposed }, ctx) => proposeClosure(db, ctx, id, proposed, today()),
    'actions.list': ({ caseId }) => listActions(db, today(), caseId),
    'actions.create': (a, ctx) => createAction(db, ctx, a, today()),
    'actions.complete': ({ id, completedOn, note }, ctx) => completeAction(db, ctx, id, completedOn, note, today()),
    'actions.bulk': ({ ids, op, ownerId, note }, ctx) => bulkActions(db, ctx, ids, op, ownerId, note, today()),
    'caseload.get': () => getCaseload(db, today()),
    'escalations.list': () => listEscalations(db, today()),
    'escalations.create': (a, ctx) => createEscalation(db, ctx, a, today()),
    'escalations.respond': ({ id, response, respondedOn }, ctx) => respondEscalation(db, ctx, id, response, respondedOn, today()),
    'escalations.escalate': ({ id, ...f }, ctx) => escalateFurther(db, ctx, id, f, today()),
    'escalations.resolve': ({ id, outcome, resolvedOn }, ctx) => resolveEscalation(db, ctx, id, outcome, resolvedOn, today()),
    'ladders.get': () => getLadders(db),
    'ladders.save': (a, ctx) => saveLadders(db, ctx, a),
    'dashboard.get': () => getDashboard(db, today()),
    'reports.get': (a) => getReports(db, a, today()),

    'panels.list': (_a, ctx) => listPanels(db, ctx),
    'panels.save': (a, ctx) => savePanel(db, ctx, a),
    'calendar.get': (_a, ctx) => db.transaction(() => getCalendar(db, ctx))(),
    'calendar.save': (a, ctx) => saveCalendar(db, ctx, a),

    'meetings.list': ({ panelId }, ctx) => listMeetings(db, ctx, panelId),
    'meetings.generate': ({ panelId, count }, ctx) => generateMeetings(db, ctx, panelId, count, today()),
    'meetings.create': (a, ctx) => createMeeting(db, ctx, a),
    'meetings.update': ({ id, ...f }, ctx) => updateMeeting(db, ctx, id, f, today()),
    'meetings.get': ({ id }) => getMeeting(db, id, today()),
    'meetings.buildAgenda': ({ id }, ctx) => buildAgenda(db, ctx, id, today()),
    'agenda.addCase': ({ meetingId, reference, section }, ctx) => addCaseToAgenda(db, ctx, meetingId, reference, section, today()),
    'agenda.remove': ({ itemIds, reason }, ctx) => removeItems(db, ctx, itemIds, reason, today()),
    'agenda.bringIn': ({ meetingId, caseIds }, ctx) => bringIn(db, ctx, meetingId, caseIds, today()),
    'agenda.restore': ({ itemId }, ctx) => restoreItem(db, ctx, itemId, today()),
    'agenda.move': ({ itemId, toIndex }, ctx) => moveItem(db, ctx, itemId, toIndex, today()),
    'attendance.mark': ({ id, status }, ctx) => markAttendance(db, ctx, id, status, today()),
    'attendance.add': (a, ctx) => addAttendee(db, ctx, a, today()),
    'meetings.start': ({ id }, ctx) => startMeeting(db, ctx, id, today()),
    'meetings.goto': ({ id, itemId }, ctx) => {
      gotoItem(db, id, itemId, ctx.now());
      return getMeeting(db, id, today());
    },
    'meetings.item': ({ itemId }) => getItem(db, itemId, today()),
    'items.record': ({ itemId, ...f }, ctx) => recordItem(db, ctx, itemId, f, today()),
    'items.setRag': ({ itemId, rag, reason }, ctx) => setItemRag(db, ctx, itemId, rag, reason, today()),
    'items.setLead': ({ itemId, officerId, reason }, ctx) => setItemLead(db, ctx, itemId, officerId, reason, today()),
    'items.close': ({ itemId, reason, detail, proposedById, evidence }, ctx) => closeFromItem(db, ctx, itemId, reason, detail, today(), { proposedById, evidence }),
    'items.createAction': ({ itemId, ...f }, ctx) => addAction(db, ctx, itemId, f, today()),
    'items.reviewAction': ({ itemId, actionId, outcome, reason, newDueDate }, ctx) => reviewAction(db, ctx, itemId, actionId, outcome, reason, newDueDate, today()),
    'items.createEscalation': ({ itemId, ...f }, ctx) => raiseEscalation(db, ctx, itemId, f, today()),
    'meetings.undo': ({ id }, ctx) => {
      meetingRow(db, id);
      return undoLast(db, ctx, id);
    },
    'meetings.close': ({ id }, ctx) => closeMeeting(db, ctx, id, today()),
    'meetings.approveMinutes': ({ id, atMeetingId }, ctx) => approveMinutes(db, ctx, id, atMeetingId, today()),
    'meetings.amend': ({ itemId, field, value, reason }, ctx) => amendMinutes(db, ctx, itemId, field, value, reason, today()),
    'projector.view': ({ id, sinceVersion }) => projectorView(db, id, sinceVersion, today()),
    'projector.control': ({ id, action }, ctx) => projectorControl(db, ctx, id, action, (itemId) => gotoItem(db, id, itemId, ctx.now())),
    'minutes.get': ({ meetingId, variant }) => buildMinutes(db, meetingId, variant, today()),
    'agendaPack.get': ({ meetingId, variant }) => buildAgendaPack(db, meetingId, variant, today()),
    'archivingForm.get': ({ caseId }) => buildArchivingForm(db, caseId, today()),
    'documents.describe': (req) => describeDocument(db, req),
    'audit.verify': ({ atOpen }) => (atOpen ? auditCheckOnOpen(db) : undefined) ?? verifyAuditChain(db),
    'settings.getAuthority': () => getAuthority(db),
    'settings.setAuthority': ({ name, logo }, ctx) => setAuthority(db, ctx, name, logo),
  };
}
