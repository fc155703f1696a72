import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { AuditEntry, CaseDetail, Sibling } from '../../../shared/api/schemas';
import { invalid, notFound, AppError } from '../../../shared/api/errors';
import { labelOf, RAGS, CASE_STATUS_LABELS } from '../../../shared/domain/vocab';
import { listClosures } from '../closures/closures';
import { wholeTerms } from '../../../shared/domain/pmoeTerms';
import { pmoeSchoolProblem } from '../../../shared/domain/pmoeRoll';
import { caseAlerts } from './caseAlerts';
import { clocksFor } from './caseClocks';
import { takenToPanelSql } from './discussed';
import { CASE_SELECT } from './register';
import { CASE_FIELD_COLUMNS, toAddress, toAdult, toCase, toCheck, toChild, toNote, type Row, numOrNull, strOrNull } from '../rows';
import { getOfficer } from '../settings/officers';
import { recordRag, recordAllocation } from './history';
import { termCalendar } from '../settings/calendar';
import { normaliseCaseReference } from '../../../shared/domain/caseReference';
import { caseDateProblems, type CaseDates } from '../../../shared/domain/caseDates';
import { schoolDayDeadlines } from '../../../shared/domain/educationClocks';

export function caseRow(db: Db, id: number): Row {
  const row = db.prepare(`${CASE_SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound(`There is no case with record number ${id}. It may have been removed; go back to the register and search again.`);
  return row;
}

/** The case a typed reference names (shared/domain/caseReference), or a message on `field` saying there is none. */
export function caseByReference(db: Db, reference: string, field: string): { ref: string; row: Row } {
  const ref = normaliseCaseReference(reference);
  const row = db.prepare('SELECT * FROM cases WHERE reference = ?').get(ref) as Row | undefined;
  if (!row) throw invalid(field, `No case has the reference ${ref}. Check it on the register (e.g. CME-2026-0042).`);
  return { ref, row };
}

export function childRow(db: Db, id: number): Row {
  const row = db.prepare('SELECT * FROM children WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw notFound(`There is no child with record number ${id}.`);
  return row;
}

export function siblingsOf(db: Db, childId: number, familyId: number | null): Sibling[] {
  if (familyId === null) return [];
  const kids = db.prepare('SELECT * FROM children WHERE family_id = ? AND id <> ? ORDER BY date_of_birth').all(familyId, childId) as Row[];
  const casesOf = db.prepare('SELECT id, reference, status FROM cases WHERE child_id = ? ORDER BY date_notified DESC');
  return kids.map((k) => ({
    childId: Number(k.id),
    forenames: String(k.forenames),
    surname: String(k.surname),
    dateOfBirth: String(k.date_of_birth),
    cases: (casesOf.all(k.id) as Row[]).map((c) => ({ id: Number(c.id), reference: String(c.reference), status: c.status as Sibling['cases'][number]['status'] })),
  }));
}

export function getCaseDetail(db: Db, id: number, today: string): CaseDetail {
  const k = toCase(caseRow(db, id));
  const child = toChild(childRow(db, k.childId));
  return {
    schoolDays: schoolDayDeadlines(k.lastAttendance, today, termCalendar(db)),
    case: k,
    child,
    clocks: clocksFor({ ...k, takenToPanel: (db.prepare(`SELECT ${takenToPanelSql('?')} AS t`).get(k.id) as { t: number }).t === 1 }, child, today, wholeTerms(termCalendar(db))),
    addresses: (db.prepare('SELECT * FROM addresses WHERE child_id = ? ORDER BY is_current DESC, from_date DESC, id DESC').all(child.id) as Row[]).map(toAddress),
    adults: (db.prepare('SELECT * FROM adults WHERE child_id = ? ORDER BY id').all(child.id) as Row[]).map(toAdult),
    siblings: siblingsOf(db, child.id, child.familyId),
    checks: (db.prepare('SELECT * FROM checks WHERE case_id = ? ORDER BY checked_on DESC, id DESC').all(id) as Row[]).map(toCheck),
    notes: (db.prepare('SELECT * FROM notes WHERE case_id = ? ORDER BY noted_on DESC, id DESC').all(id) as Row[]).map(toNote),
    otherCases: (db.prepare('SELECT id, reference, status, register FROM cases WHERE child_id = ? AND id <> ? ORDER BY date_notified DESC').all(child.id, id) as Row[]).map(
      (r) => ({ id: Number(r.id), reference: String(r.reference), status: r.status as CaseDetail['case']['status'], register: r.register as CaseDetail['case']['register'] }),
    ),
    closures: listClosures(db, id),
    alerts: caseAlerts(db, k, today),
  };
}

const link = (caseId: number, childId: number) => ({ entity: 'case', caseId, childId });

function requireOpen(row: Row, doing: string): void {
  if (row.status === 'closed') {
    throw new AppError('conflict', `Case ${String(row.reference)} is closed, so you can't ${doing}. Reopen it first (Reopen case, with a reason).`);
  }
}

/** The case's dates against each other and the child's date of birth (shared/domain/caseDates.ts): the first problem, as an error on its field. */
export function checkCaseDates(c: Record<string, unknown>, dateOfBirth: string): void {
  const [first] = caseDateProblems(c as CaseDates, dateOfBirth);
  if (first) throw invalid(first.field, first.message);
}

export function checkRegisterFields(register: 'CME' | 'PMOE', c: Record<string, unknown>): void {
  if (register === 'PMOE') {
    const school = pmoeSchoolProblem(c.pmoeSchool as string | null, c.pmoeReason as string | null);
    if (school) throw invalid('pmoeSchool', school);
    if (!c.pmoeReason) throw invalid('pmoeReason', 'Reason not in full-time education is required for a PMOE case: choose one.');
  } else if (!c.reason) {
    throw invalid('reason', 'Reason is required for a CME referral: choose the reason category.');
  }
}

export function updateCase(db: Db, ctx: WriteContext, args: MethodArgs<'cases.update'>, today: string): CaseDetail {
  const { id, changes } = args;
  const before = getCaseDetail(db, id, today);
  const merged = { ...before.case, ...changes };
  checkCaseDates(merged, before.child.dateOfBirth);
  checkRegisterFields(before.case.register, merged);
  const cols: Row = {};
  for (const [k, v] of Object.entries(changes)) {
    const col = CASE_FIELD_COLUMNS[k as keyof typeof CASE_FIELD_COLUMNS];
    if (col) cols[col] = v;
  }
  // Locating a child moves it on from "referred": the checks have started.
  if (changes.dateLocated && before.case.status === 'referred') cols.status = 'checks';
  auditedUpdate(db, ctx, 'cases', link(id, before.child.id), id, cols);
  return getCaseDetail(db, id, today);
}

export function setRag(db: Db, ctx: WriteContext, args: MethodArgs<'cases.setRag'>, today: string): CaseDetail {
  const { id, rag, reason } = args;
  const row = caseRow(db, id);
  requireOpen(row, `change its RAG rating to ${labelOf(RAGS, rag)}`);
  auditedUpdate(db, ctx, 'cases', link(id, Number(row.child_id)), id, { rag, rag_reason: reason });
  recordRag(db, ctx, { caseId: id, from: strOrNull(row.rag), to: rag, reason, onDate: today });
  return getCaseDetail(db, id, today);
}

export function setLeadOfficer(db: Db, ctx: WriteContext, args: MethodArgs<'cases.setLeadOfficer'>, today: string): CaseDetail {
  const { id, officerId, reason } = args;
  const row = caseRow(db, id);
  requireOpen(row, 'change its lead officer');
  if (officerId !== null) {
    const officer = getOfficer(db, officerId);
    if (!officer.active) {
      throw invalid('officerId', `${officer.name} is marked as having left, so can't lead a case. Choose an active officer.`);
    }
  }
  auditedUpdate(db, ctx, 'cases', link(id, Number(row.child_id)), id, { lead_officer_id: officerId });
  recordAllocation(db, ctx, { caseId: id, from: numOrNull(row.lead_officer_id), to: officerId, reason, onDate: today });
  if (reason) addNoteRow(db, ctx, { caseId: id, childId: Number(row.child_id), notedOn: today, text: `Lead officer changed: ${reason}` });
  return getCaseDetail(db, id, today);
}

/** The lead officer proposes closure: the case goes to the next panel's proposed closures. */
export function proposeClosure(db: Db, ctx: WriteContext, args: MethodArgs<'cases.proposeClosure'>, today: string): CaseDetail {
  const { id, proposed } = args;
  const row = caseRow(db, id);
  requireOpen(row, 'propose it for closure');
  auditedUpdate(db, ctx, 'cases', link(id, Number(row.child_id)), id, { closure_proposed: proposed });
  return getCaseDetail(db, id, today);
}

export function setStatus(db: Db, ctx: WriteContext, args: MethodArgs<'cases.setStatus'>, today: string): CaseDetail {
  const { id, status } = args;
  const row = caseRow(db, id);
  requireOpen(row, `mark it "${CASE_STATUS_LABELS[status]}"`);
  auditedUpdate(db, ctx, 'cases', link(id, Number(row.child_id)), id, { status });
  return getCaseDetail(db, id, today);
}

export function reopenCase(db: Db, ctx: WriteContext, args: MethodArgs<'cases.reopen'>, today: string): CaseDetail {
  const { id, reason } = args;
  const row = caseRow(db, id);
  if (row.status !== 'closed') throw new AppError('conflict', `Case ${String(row.reference)} is already open.`);
  const childId = Number(row.child_id);
  auditedUpdate(db, ctx, 'cases', link(id, childId), id, { status: 'checks', closed_on: null, closure_reason: null, closure_detail: null, unfound_review_due: null });
  addNoteRow(db, ctx, { caseId: id, childId, notedOn: today, text: `Case reopened: ${reason}` });
  return getCaseDetail(db, id, today);
}

export interface CheckFields { agency: string; checkedOn: string; checkedBy: string; outcome: string; located: boolean }

export function addCheckRow(db: Db, ctx: WriteContext, f: CheckFields & { caseId: number; childId: number }): number {
  const { caseId, childId } = f;
  return auditedInsert(db, ctx, 'checks', { entity: 'check', caseId, childId }, {
    case_id: caseId, agency: f.agency, checked_on: f.checkedOn, checked_by: f.checkedBy, outcome: f.outcome, located: f.located, created_at: ctx.now(),
  });
}

export function addCheck(db: Db, ctx: WriteContext, args: MethodArgs<'checks.add'>, today: string): CaseDetail {
  const { caseId, ...f } = args;
  const row = caseRow(db, caseId);
  requireOpen(row, 'add a check');
  const childId = Number(row.child_id);
  addCheckRow(db, ctx, { ...f, caseId, childId });
  // A check that finds the child locates the case; the first check moves a referral on to "checks".
  const changes: Row = {};
  if (f.located && !row.date_located) changes.date_located = f.checkedOn;
  if (row.status === 'referred') changes.status = 'checks';
  auditedUpdate(db, ctx, 'cases', link(caseId, childId), caseId, changes);
  return getCaseDetail(db, caseId, today);
}

/** A dated note on a case, written by whoever is making the change. */
export interface NoteEntry { caseId: number; childId: number; notedOn: string; text: string }

export function addNoteRow(db: Db, ctx: WriteContext, { caseId, childId, notedOn, text }: NoteEntry): number {
  return auditedInsert(db, ctx, 'notes', { entity: 'note', caseId, childId }, {
    case_id: caseId, noted_on: notedOn, author: ctx.actor, text, created_at: ctx.now(),
  });
}

export function addNote(db: Db, ctx: WriteContext, args: MethodArgs<'notes.add'>, today: string): CaseDetail {
  const { caseId, notedOn, text } = args;
  const row = caseRow(db, caseId);
  addNoteRow(db, ctx, { caseId, childId: Number(row.child_id), notedOn, text });
  return getCaseDetail(db, caseId, today);
}

/** Everything recorded about this case and its child, newest first. */
export function auditForCase(db: Db, caseId: number): AuditEntry[] {
  const row = caseRow(db, caseId);
  const rows = db
    .prepare(
      `SELECT * FROM audit WHERE case_id = ? OR (child_id = ? AND case_id IS NULL) ORDER BY id DESC`,
    )
    .all(caseId, row.child_id) as Row[];
  return rows.map((r) => ({
    id: Number(r.id),
    at: String(r.at),
    actor: String(r.actor),
    source: strOrNull(r.source),
    action: r.action as AuditEntry['action'],
    entity: String(r.entity),
    entityId: Number(r.entity_id),
    field: strOrNull(r.field),
    oldValue: strOrNull(r.old_value),
    newValue: strOrNull(r.new_value),
  }));
}
