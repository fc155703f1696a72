import type { MethodName } from './methods';
import type { Role } from './session';

/**
 * Who may call what (issue 13): one table, method -> the roles allowed to call it. The dispatcher
 * refuses any call a signed-in user's role is not listed for; the UI hides or disables what the role
 * can't do by asking `allowed` too. Every contract method is listed (the type makes a missing one a
 * compile error, and test/unit/permissions.test.ts walks every method x role).
 *
 * - panel member: reads the register and the minutes, changes nothing (seed 004 restricts the CME
 *   data to those who need it; seed 002 shares it with the panel for its decisions);
 * - officer: keeps the register and records meetings;
 * - manager: also authorises closures (seed 003 App. D: "confirmed by a line manager") and records
 *   the archiving decision (seed 001 §6.2), manages users, restores backups and erases records past retention.
 * `ANYONE` marks the few methods a locked app answers (signing in needs no role).
 */
export const ANYONE = 'anyone' as const;
const ALL: readonly Role[] = ['manager', 'officer', 'panel_member'];
const STAFF: readonly Role[] = ['manager', 'officer'];
const MANAGER: readonly Role[] = ['manager'];

export const PERMISSIONS: { readonly [M in MethodName]: readonly Role[] | typeof ANYONE } = {
  'app.info': ALL,
  'app.setup': MANAGER,
  'audit.verify': ALL,
  'integrity.verify': ALL,
  'officers.list': ALL,
  'officers.create': STAFF,
  'officers.update': STAFF,
  'calendar.get': ALL,
  'calendar.save': STAFF,
  'settings.getAuthority': ALL,
  'settings.setAuthority': STAFF,
  'register.list': ALL,
  'register.page': ALL,
  'register.pick': ALL,
  'register.matching': ALL,
  'register.workingSet': ALL,
  'children.checkDuplicates': ALL,
  'children.update': STAFF,
  'children.addAddress': STAFF,
  'children.addAdult': STAFF,
  'children.linkSibling': STAFF,
  'cases.get': ALL,
  'cases.update': STAFF,
  'cases.setRag': STAFF,
  'cases.setLeadOfficer': STAFF,
  'cases.setStatus': STAFF,
  'alerts.home': ALL,
  'cases.reopen': STAFF,
  'checks.add': STAFF,
  'notes.add': STAFF,
  'audit.forCase': ALL,
  'referrals.create': STAFF,
  'cases.archive': MANAGER,
  'closures.propose': STAFF,
  'closures.authorise': MANAGER,
  'closures.decline': MANAGER,
  'closures.recordUnfoundReview': STAFF,
  'cases.proposeClosure': STAFF,
  'cases.tracking': ALL,
  'cases.reallocate': STAFF,
  'caseload.get': ALL,
  'dashboard.get': ALL,
  'actions.list': ALL,
  'actions.create': STAFF,
  'actions.complete': STAFF,
  'actions.bulk': STAFF,
  'escalations.list': ALL,
  'escalations.create': STAFF,
  'escalations.respond': STAFF,
  'escalations.escalate': STAFF,
  'escalations.resolve': STAFF,
  'ladders.get': ALL,
  'ladders.save': STAFF,
  'reports.get': ALL,
  'panels.list': ALL,
  'panels.save': STAFF,
  'meetings.list': ALL,
  'meetings.generate': STAFF,
  'meetings.create': STAFF,
  'meetings.update': STAFF,
  'meetings.get': ALL,
  'meetings.buildAgenda': STAFF,
  'agenda.addCase': STAFF,
  'agenda.remove': STAFF,
  'agenda.bringIn': STAFF,
  'agenda.restore': STAFF,
  'agenda.move': STAFF,
  'attendance.mark': STAFF,
  'attendance.add': STAFF,
  'meetings.start': STAFF,
  'meetings.goto': STAFF,
  'meetings.item': ALL,
  'items.record': STAFF,
  'items.setRag': STAFF,
  'items.setLead': STAFF,
  'items.close': STAFF,
  'items.createAction': STAFF,
  'items.reviewAction': STAFF,
  'items.createEscalation': STAFF,
  'meetings.undo': STAFF,
  'projector.view': ALL,
  'projector.control': STAFF,
  'meetings.close': STAFF,
  'meetings.approveMinutes': STAFF,
  'meetings.amend': STAFF,
  'minutes.get': ALL,
  'agendaPack.get': ALL,
  'archivingForm.get': ALL,
  'documents.describe': ALL,
  'schools.list': ALL,
  'schools.save': STAFF,
  'returns.parse': ALL,
  'returns.preview': ALL,
  'returns.confirm': STAFF,
  'returns.undo': STAFF,
  'returns.nil': STAFF,
  'returns.status': ALL,
  'returns.report': ALL,
  'returns.reportCsv': ALL,
  'returns.template': ALL,
  'notices.create': STAFF,
  'notices.list': ALL,
  'session.status': ANYONE,
  'session.setup': ANYONE,
  'session.signIn': ANYONE,
  'session.recover': ANYONE,
  'session.signOut': ANYONE,
  'session.changePassword': ALL,
  'session.setIdleMinutes': MANAGER,
  'users.list': MANAGER,
  'users.create': MANAGER,
  'users.setRole': MANAGER,
  'users.resetPassword': MANAGER,
  'users.remove': MANAGER,
  'users.newRecoveryKey': MANAGER,
  // Backups: everyone sees whether the register is backed up (Home warns); staff back up now; a
  // manager chooses the folder and restores (restoring replaces everyone's register), and inspects
  // backups, which is only done to restore one.
  'backups.status': ALL,
  'backups.run': STAFF,
  'backups.inspect': MANAGER,
  'backups.setFolder': MANAGER,
  'backups.restore': MANAGER,
  // Retention: the rule is read by all; a manager sets it, reviews the records past it and erases
  // them (seed 004 "Database and Monitoring": held for this purpose only, under the Data Protection Act).
  'retention.get': ALL,
  'retention.set': MANAGER,
  'retention.pastList': MANAGER,
  'retention.erase': MANAGER,
};

/** True when a signed-in user with `role` may call `method`. */
export function allowed(method: MethodName, role: Role): boolean {
  const roles = PERMISSIONS[method];
  return roles === ANYONE || roles.includes(role);
}

/** Methods a locked app answers. */
export const answersWhenLocked = (method: MethodName): boolean => PERMISSIONS[method] === ANYONE;

/**
 * Calls that windows make on their own (the projector and the cockpit following the chair poll),
 * not a person at the keyboard: they don't keep the app from locking when it is left idle.
 */
export const BACKGROUND_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(['session.status', 'projector.view', 'app.info', 'audit.verify', 'integrity.verify']);
