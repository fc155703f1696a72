import type { registerMethods } from '../../../shared/api/register';
import type { DomainHandlerFactory } from '../handlers';
import { listRegister } from './register';
import { registerMatching, registerPage, registerWorkingSet } from './registerView';
import { findPossibleDuplicates, updateChild, insertAddress, insertAdult, linkSibling } from './children';
import { getCaseDetail, updateCase, setRag, setLeadOfficer, setStatus, reopenCase, addCheck, addNote, auditForCase } from './cases';
import { homeAlerts } from './caseAlerts';
import { pickCases } from './casePicker';

export const registerHandlers: DomainHandlerFactory<typeof registerMethods> = (db, { today }) => ({
  'register.list': () => listRegister(db, today()),
  'register.page': ({ query, offset, limit }) => registerPage(db, today(), query, offset, limit),
  'register.pick': ({ search, limit }) => pickCases(db, search, limit),
  'register.matching': ({ query }) => registerMatching(db, today(), query),
  'register.workingSet': ({ ifNot }) => registerWorkingSet(db, today(), ifNot),
  'children.checkDuplicates': (a) => findPossibleDuplicates(db, a),
  'children.update': (a, ctx) => updateChild(db, ctx, a),
  'children.addAddress': (a, ctx) => insertAddress(db, ctx, a),
  'children.addAdult': (a, ctx) => insertAdult(db, ctx, a),
  'children.linkSibling': (a, ctx) => linkSibling(db, ctx, a),
  'cases.get': ({ id }) => getCaseDetail(db, id, today()),
  'cases.update': (a, ctx) => updateCase(db, ctx, a, today()),
  'cases.setRag': (a, ctx) => setRag(db, ctx, a, today()),
  'cases.setLeadOfficer': (a, ctx) => setLeadOfficer(db, ctx, a, today()),
  'cases.setStatus': (a, ctx) => setStatus(db, ctx, a, today()),
  'alerts.home': ({ expand }) => homeAlerts(db, today(), expand),
  'cases.reopen': (a, ctx) => reopenCase(db, ctx, a, today()),
  'checks.add': (a, ctx) => addCheck(db, ctx, a, today()),
  'notes.add': (a, ctx) => addNote(db, ctx, a, today()),
  'audit.forCase': ({ caseId }) => auditForCase(db, caseId),
});
