/** Deletion and admission notices typed in from the form (the same rules and writes as an imported file), and the list of notices. */
import type { Db } from '../../../db/open';
import { auditedInsert, type WriteContext } from '../../../db/audit';
import type { MethodArgs, MethodOutput } from '../../../shared/api/contract';
import type { Notice } from '../../../shared/api/returnSchemas';
import { AppError, invalid } from '../../../shared/api/errors';
import { upnProblem, normaliseUpn } from '../../../shared/domain/upn';
import { matchPupil } from '../../../shared/domain/returnMatching';
import { reg8Label } from '../../../shared/domain/regulation8';
import { compareIso, formatUk } from '../../../shared/domain/dates';
import { currentHalfTerm, halfTerms } from '../../../shared/domain/returnStatus';
import { termCalendar } from '../settings/calendar';
import { numOrNull, strOrNull, type Row } from '../rows';
import { openCasesByChild, registerIndex } from './analyse';
import { applyAdmission, applyDeletion, checkOfficer } from './apply';
import { schoolRow } from './schools';

function toNotice(r: Row): Notice {
  return {
    id: Number(r.id), kind: r.kind as Notice['kind'], schoolId: Number(r.school_id), schoolName: String(r.school_name), returnId: numOrNull(r.return_id),
    childId: numOrNull(r.child_id), caseId: numOrNull(r.case_id), caseReference: strOrNull(r.reference), name: `${String(r.forenames)} ${String(r.surname)}`,
    dateOfBirth: String(r.date_of_birth), upn: strOrNull(r.upn), eventDate: String(r.event_date), notifiedOn: String(r.notified_on), ground: strOrNull(r.ground),
    groundLabel: r.ground ? reg8Label(String(r.ground)) : null, destinationSchool: strOrNull(r.destination_school),
    whereaboutsKnown: r.whereabouts_known === null || r.whereabouts_known === undefined ? null : r.whereabouts_known === 1,
    flags: JSON.parse(String(r.flags)) as string[], outcome: String(r.outcome),
  };
}

const SQL = `SELECT n.*, s.name AS school_name, c.reference FROM school_notices n JOIN schools s ON s.id = n.school_id LEFT JOIN cases c ON c.id = n.case_id`;

export function listNotices(db: Db, args: MethodArgs<'notices.list'>): Notice[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (args.kind) (where.push('n.kind = ?'), params.push(args.kind));
  if (args.schoolId) (where.push('n.school_id = ?'), params.push(args.schoolId));
  // Undone imports leave no notices; a notice's own return must still be imported.
  return (db.prepare(`${SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY n.notified_on DESC, n.id DESC LIMIT 500`).all(...params) as Row[]).map(toNotice);
}

/**
 * One notice from the form. A possible match on the register is put back to the officer (candidates)
 * until they choose the child or say it is a different one; a certain match is taken.
 */
export function createNotice(db: Db, ctx: WriteContext, args: MethodArgs<'notices.create'>, today: string): MethodOutput<'notices.create'> {
  const school = schoolRow(db, args.schoolId);
  let upn: string | null = null;
  if (args.upn) {
    const p = upnProblem(args.upn);
    if (p) throw invalid('upn', `UPN ${args.upn}: ${p}. Check it against the school's notice, or leave it blank.`);
    upn = normaliseUpn(args.upn);
  }
  if (compareIso(args.dateOfBirth, args.eventDate) >= 0) throw invalid('eventDate', `The date ${formatUk(args.eventDate)} is not after the date of birth.`);
  const officerId = checkOfficer(db, args.officerId, ctx);
  const index = registerIndex(db);
  const pupil = { upn, forenames: args.forenames, surname: args.surname, dateOfBirth: args.dateOfBirth };
  const m = matchPupil(pupil, (u) => index.byUpn.get(u), (d) => index.byDob.get(d) ?? []);
  let childId: number | null = m.kind === 'certain' ? m.childId : null;
  if (m.kind === 'uncertain') {
    if (!args.confirmedMatch) {
      const candidates = m.candidates.map((c) => {
        const k = [...(index.byDob.get(args.dateOfBirth) ?? []), ...(upn && index.byUpn.get(upn) ? [index.byUpn.get(upn)!] : [])].find((x) => x.childId === c.childId)!;
        const refs = (db.prepare('SELECT reference FROM cases WHERE child_id = ? ORDER BY date_notified DESC').all(c.childId) as { reference: string }[]).map((x) => x.reference);
        return { childId: c.childId, reason: c.reason, name: `${k.forenames} ${k.surname}`, dateOfBirth: k.dateOfBirth, upn: k.upn, references: refs };
      });
      return { notice: null, candidates };
    }
    if (args.childId && !m.candidates.some((c) => c.childId === args.childId)) throw invalid('childId', 'That child is not one of the possible matches. Choose from the list again.');
    childId = args.childId ?? null;
  }
  // Recorded like a one-row file (no file name), so "Returns and notices received" lists it and the
  // same one-step undo reverses a notice typed in by mistake: the case it opened or closed, its notice.
  const calendar = termCalendar(db);
  const half = currentHalfTerm(args.notifiedOn, calendar) ?? halfTerms(calendar)[0] ?? null;
  const returnId = auditedInsert(db, ctx, 'school_returns', { entity: 'school_return' }, {
    school_id: args.schoolId, kind: args.kind === 'deletion' ? 'deletions' : 'admissions', half_term: half?.key ?? 'No term dates', received_on: args.notifiedOn,
    file_name: null, row_count: 1, skipped_rows: null, status: 'imported', imported_by: ctx.actor, op: ctx.op ?? null, created_at: ctx.now(),
  });
  const nc = {
    schoolId: args.schoolId, schoolName: String(school.name), returnId, notifiedOn: args.notifiedOn, today, calendar, index,
    openCme: openCasesByChild(db, 'CME'), officerId,
  };
  const o =
    args.kind === 'deletion'
      ? applyDeletion(db, ctx, nc, 1, { ...pupil, deletionDate: args.eventDate, ground: args.ground, parentName: args.parentName, parentAddress: args.parentAddress, parentPhone: args.parentPhone, futureAddress: args.futureAddress, destinationSchool: args.destinationSchool, whereaboutsKnown: args.whereaboutsKnown, lastAttendance: args.lastAttendance, notifiedOn: args.notifiedOn }, childId)
      : applyAdmission(db, ctx, nc, 1, { ...pupil, admissionDate: args.eventDate, yearGroup: null, standardTransition: args.standardTransition, notifiedOn: args.notifiedOn }, childId);
  void o;
  const row = db.prepare(`${SQL} WHERE n.id = (SELECT max(id) FROM school_notices)`).get() as Row | undefined;
  if (!row) throw new AppError('internal', 'The notice was not saved.');
  return { notice: toNotice(row), candidates: [] };
}
