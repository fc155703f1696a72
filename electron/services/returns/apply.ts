/**
 * Applying a school's file, or one notice typed in, to the register. Runs inside the dispatcher's one
 * transaction with every audit row under the call's op, so the import is undone as one (undo.ts).
 * New PMOE children and new CME cases go through the referral service (createReferral); admissions
 * close CME cases through the closure service (proposeCaseClosure) — never a copy of either.
 */
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import { prepared } from '../../../db/statements';
import { appendAudit } from '../../../db/auditChain';
import type { MethodArgs } from '../../../shared/api/contract';
import type { z } from 'zod';
import type { ReferralInput } from '../../../shared/api/schemas';
import { AppError, invalid } from '../../../shared/api/errors';
import { compareIso, formatUk } from '../../../shared/domain/dates';
import { isOfCompulsorySchoolAge } from '../../../shared/domain/schoolAge';
import { assessClosure, type ClosureEvidence } from '../../../shared/domain/closure';
import { admissionFlags, deletionFlags, whereaboutsUnknown } from '../../../shared/domain/schoolNotices';
import { reg8Label } from '../../../shared/domain/regulation8';
import { categoryLabel } from '../../../shared/domain/returnValues';
import type { AdmissionValues, DeletionValues, ReturnRowValues } from '../../../shared/domain/schoolReturns';
import type { TermCalendar } from '../../../shared/domain/calendar';
import { noChildFlags, type ChildFlags } from '../../../shared/domain/vocab';
import { createReferral } from '../referrals/referrals';
import { proposeCaseClosure } from '../closures/closures';
import { addNoteRow, caseRow, proposeClosure } from '../register/cases';
import { updateChild } from '../register/children';
import { getOfficer } from '../settings/officers';
import { linkedOfficerId } from '../users/users';
import { FLAG_COLUMNS, type Row } from '../rows';
import { describeChanges, openCasesByChild, pmoeChanges, type OpenCase, type RegisterIndex } from './analyse';

type Referral = z.output<typeof ReferralInput>;
type CaseFields = Referral['case'];

export interface Outcome {
  row: number;
  name: string;
  reference: string | null;
  caseId: number | null;
  outcome: string;
}

const EMPTY_CASE: Omit<CaseFields, 'dateNotified' | 'source'> = {
  referrerName: null, referrerAgency: null, referrerContact: null, reason: null, urgency: 'routine', lastSchool: null, lastAttendance: null,
  pmoeSchool: null, pmoeReason: null, hoursPerWeek: null, provider: null, timetableReviewDate: null, timetableEndDate: null, departureDate: null,
  destination: null, professionalInvolvement: null, additionalInfo: null, dateAssessed: null, dateProvisionDetermined: null,
  dateEnteredProvision: null, dateLocated: null,
};

function referral(register: 'CME' | 'PMOE', pupil: { upn: string | null; forenames: string; surname: string; dateOfBirth: string; gender?: Referral['child']['gender'] }, childId: number | null, c: Partial<CaseFields> & Pick<CaseFields, 'dateNotified'>, flags: Partial<ChildFlags> = {}, extra: Partial<Referral> = {}): Referral {
  return {
    register,
    child: { forenames: pupil.forenames, surname: pupil.surname, knownAs: null, formerNames: null, dateOfBirth: pupil.dateOfBirth, gender: pupil.gender ?? 'not_known', ethnicity: null, upn: pupil.upn, flags, lookedAfterLa: null, socialWorker: null },
    existingChildId: childId,
    // A new child is created only when no child matched, or the officer said this is a different child.
    confirmedDifferentChild: true,
    siblings: [], address: null, newAddress: null, adults: [], preReferralActions: [],
    case: { ...EMPTY_CASE, source: 'school', ...c },
    ...extra,
  };
}

/** Y in the return sets a flag the register lacks; N or blank never clears one (the school may not know). */
function newFlags(v: ReturnRowValues, current: ChildFlags): Partial<ChildFlags> {
  const out: Partial<ChildFlags> = {};
  for (const [k, val] of Object.entries(v.flags)) if (val === true && !current[k as keyof ChildFlags]) out[k as keyof ChildFlags] = true;
  return out;
}

/** Fills in a UPN the register lacks and sets flags the return reports, through the child service. */
function updateChildFromFile(db: Db, ctx: WriteContext, childId: number, upn: string | null, flags: Partial<ChildFlags>): void {
  const have = prepared(db, 'SELECT upn FROM children WHERE id = ?').get(childId) as { upn: string | null };
  const changes: { upn?: string; flags?: Partial<ChildFlags> } = {};
  if (upn && !have.upn && !(db.prepare('SELECT 1 FROM children WHERE upn = ? AND id <> ?').get(upn, childId))) changes.upn = upn;
  if (Object.keys(flags).length > 0) changes.flags = flags;
  if (changes.upn || changes.flags) updateChild(db, ctx, { id: childId, changes });
}

export interface ReturnContext {
  returnId: number;
  schoolName: string;
  receivedOn: string;
  index: RegisterIndex;
  openPmoe: Map<number, OpenCase[]>;
  /** [row, case id, outcome] of each line written, for the one audit row that records them. */
  lines: [number, number, string][];
}

/** The audit row for a return's lines: which row became which case, and how (new, changed, unchanged). */
export function recordReturnLines(db: Db, ctx: WriteContext, returnId: number, lines: [number, number, string][], action: 'insert' | 'delete'): void {
  appendAudit(db, {
    at: ctx.now(), actor: ctx.actor, source: ctx.source, action, entity: 'return_lines', entity_id: returnId, field: null,
    old_value: action === 'delete' ? JSON.stringify(lines) : null, new_value: action === 'insert' ? JSON.stringify(lines) : null, case_id: null, child_id: null, op: ctx.op ?? null,
  });
}

/** One row of a half-termly return: a new PMOE case, or the open one brought up to date. */
export function applyReturnRow(db: Db, ctx: WriteContext, rc: ReturnContext, row: number, v: ReturnRowValues, childId: number | null): Outcome {
  const name = `${v.forenames} ${v.surname}`;
  const fields: Partial<CaseFields> = {
    referrerAgency: rc.schoolName,
    pmoeSchool: rc.schoolName,
    pmoeReason: v.category,
    hoursPerWeek: v.hoursPerWeek,
    provider: v.provider,
    timetableReviewDate: v.reviewDate,
    timetableEndDate: v.endDate,
    additionalInfo: v.monitoring ? `How the school monitors the pupil: ${v.monitoring}` : null,
  };
  const open = childId !== null ? (rc.openPmoe.get(childId)?.[0] ?? null) : null;
  let caseId: number;
  let reference: string;
  let outcome: 'new' | 'changed' | 'unchanged';
  let changes: [string, string, unknown, unknown][] = [];
  if (childId !== null) updateChildFromFile(db, ctx, childId, v.upn, newFlags(v, rc.index.flags(childId)));
  if (open) {
    changes = pmoeChanges(open.row, v, rc.schoolName);
    if (changes.length > 0) {
      auditedUpdate(db, ctx, 'cases', { entity: 'case', caseId: open.id, childId: open.childId }, open.id, Object.fromEntries(changes.map(([col, , , after]) => [col, after])));
    }
    caseId = open.id;
    reference = open.reference;
    outcome = changes.length > 0 ? 'changed' : 'unchanged';
    childId = open.childId;
  } else {
    const flags = childId === null ? Object.fromEntries(Object.entries(v.flags).filter(([, x]) => x === true)) : {};
    const made = createReferral(db, ctx, referral('PMOE', v, childId, { ...fields, dateNotified: rc.receivedOn }, flags));
    caseId = made.caseId;
    reference = made.reference;
    childId = made.childId;
    outcome = 'new';
  }
  // The line is bookkeeping of the import (what each row did): written here, audited with the
  // return's other lines as one row in recordReturnLines, so 5,000 pupils add one audit row, not 5,000.
  prepared(db, 'INSERT INTO return_lines (return_id, row_number, child_id, case_id, outcome, pmoe_reason, hours_per_week, provider, changes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    rc.returnId, row, childId, caseId, outcome, v.category, v.hoursPerWeek, v.provider,
    changes.length > 0 ? JSON.stringify(changes.map(([col, label, before, after]) => ({ col, label, before, after }))) : null, ctx.now(),
  );
  rc.lines.push([row, caseId, outcome]);
  const text =
    outcome === 'new' ? `New PMOE case: ${categoryLabel(v.category)}${v.hoursPerWeek !== null ? `, ${v.hoursPerWeek} hours a week` : ''}` : outcome === 'changed' ? `Updated: ${describeChanges(changes)}` : 'No change';
  return { row, name, reference, caseId, outcome: text };
}

export interface NoticeContext {
  schoolId: number;
  schoolName: string;
  returnId: number | null;
  notifiedOn: string;
  today: string;
  calendar: TermCalendar;
  index: RegisterIndex;
  openCme: Map<number, OpenCase[]>;
  officerId: number | null;
}

function insertNotice(db: Db, ctx: WriteContext, nc: NoticeContext, kind: 'deletion' | 'admission', v: { upn: string | null; forenames: string; surname: string; dateOfBirth: string }, childId: number | null, caseId: number | null, extra: Row, flags: string[], outcome: string): void {
  auditedInsert(db, ctx, 'school_notices', { entity: 'school_notice', caseId, childId }, {
    kind, school_id: nc.schoolId, return_id: nc.returnId, child_id: childId, case_id: caseId, upn: v.upn, forenames: v.forenames, surname: v.surname,
    date_of_birth: v.dateOfBirth, notified_on: nc.notifiedOn, flags: JSON.stringify(flags), outcome, created_at: ctx.now(), ...extra,
  });
}

/**
 * A deletion from roll (000 §4). Where the child's whereabouts are unknown it becomes a CME referral
 * (or a note on the child's open CME case); otherwise it is recorded with its checks.
 */
export function applyDeletion(db: Db, ctx: WriteContext, nc: NoticeContext, row: number, v: DeletionValues, childId: number | null): Outcome {
  const name = `${v.forenames} ${v.surname}`;
  const notifiedOn = v.notifiedOn ?? nc.notifiedOn;
  const f = childId !== null ? nc.index.flags(childId) : noChildFlags();
  const flags = deletionFlags({ ...v, notifiedOn, ehcp: f.ehcp, lookedAfter: f.lookedAfter }, nc.calendar).map((x) => x.text);
  const unknown = whereaboutsUnknown(v.ground, v.whereaboutsKnown);
  const detail = `Deleted from roll at ${nc.schoolName} on ${formatUk(v.deletionDate)} under ${reg8Label(v.ground)}; notified ${formatUk(notifiedOn)}.`;
  let caseId: number | null = null;
  let reference: string | null = null;
  let outcome: string;
  if (!unknown) {
    outcome = `Recorded: whereabouts known${v.destinationSchool ? ` (to ${v.destinationSchool})` : ''}`;
  } else {
    const open = childId !== null ? (nc.openCme.get(childId)?.[0] ?? null) : null;
    if (open) {
      addNoteRow(db, ctx, { caseId: open.id, childId: open.childId, notedOn: nc.today, text: `${detail} Whereabouts unknown.${flags.length ? ` ${flags.join(' ')}` : ''}` });
      caseId = open.id;
      reference = open.reference;
      outcome = `Whereabouts unknown: noted on open case ${open.reference}`;
    } else if (!isOfCompulsorySchoolAge(v.dateOfBirth, v.deletionDate)) {
      outcome = 'Whereabouts unknown, but not of compulsory school age on the date of deletion: no CME case (recorded)';
    } else {
      const made = createReferral(
        db,
        ctx,
        referral('CME', v, childId, {
          dateNotified: compareIso(notifiedOn, nc.today) > 0 ? nc.today : notifiedOn,
          referrerAgency: nc.schoolName,
          reason: 'removed_from_roll',
          urgency: 'high',
          lastSchool: nc.schoolName,
          lastAttendance: v.lastAttendance,
          destination: v.destinationSchool,
          additionalInfo: `${detail} The school and the authority have not found where the child is.${v.futureAddress ? ` Future address given: ${v.futureAddress}.` : ''}`,
        }, {}, {
          adults: v.parentName ? [{ name: v.parentName, relationship: 'Parent', phone: v.parentPhone, email: null, notes: null }] : [],
          address: v.parentAddress ? { line1: v.parentAddress.slice(0, 160), line2: null, town: null, postcode: null, fromDate: null, toDate: null } : null,
        }),
      );
      caseId = made.caseId;
      reference = made.reference;
      childId = made.childId;
      outcome = `Whereabouts unknown: CME case ${made.reference} opened`;
    }
  }
  insertNotice(db, ctx, nc, 'deletion', v, childId, caseId, {
    event_date: v.deletionDate, ground: v.ground, parent_name: v.parentName, parent_address: v.parentAddress, parent_phone: v.parentPhone,
    future_address: v.futureAddress, destination_school: v.destinationSchool, whereabouts_known: v.whereaboutsKnown, last_attendance: v.lastAttendance,
  }, flags, outcome);
  return { row, name, reference, caseId, outcome: flags.length ? `${outcome}. ${flags.join(' ')}` : outcome };
}

/**
 * An admission (000 §4, 001 §4.4): the child's open CME cases close as located, on roll at the school,
 * through the closure rules — a case they say a manager must confirm (safeguarding, 003) is
 * proposed for closure instead, with the admission recorded, and waits for that manager.
 */
export function applyAdmission(db: Db, ctx: WriteContext, nc: NoticeContext, row: number, v: AdmissionValues, childId: number | null): Outcome {
  const name = `${v.forenames} ${v.surname}`;
  const notifiedOn = v.notifiedOn ?? nc.notifiedOn;
  const flags = admissionFlags({ admissionDate: v.admissionDate, notifiedOn }).map((x) => x.text);
  const open = childId !== null ? (nc.openCme.get(childId) ?? []) : [];
  const done: string[] = [];
  for (const o of open) {
    const r = caseRow(db, o.id);
    const closedOn = [v.admissionDate, String(r.date_notified)].sort()[1]!;
    const on = compareIso(closedOn, nc.today) > 0 ? nc.today : closedOn;
    const evidence: ClosureEvidence = {
      evidence: `Admission notice from ${nc.schoolName}: on roll from ${formatUk(v.admissionDate)} (notified ${formatUk(notifiedOn)}).`,
      detail: nc.schoolName, s2sUploadedOn: null, reasonableStepsLetterOn: null, socialCareReferral: null, safeguardingConclusion: null,
      otherLa: null, otherLaContact: null, otherLaReferredOn: null, otherLaAcceptedOn: null, overseasCountry: null, overseasVerifiedHow: null,
    };
    const link = { entity: 'case', caseId: o.id, childId: o.childId };
    // Located and in provision from the admission (a located child is not yet safe: the school place is what counts).
    auditedUpdate(db, ctx, 'cases', link, o.id, { date_located: r.date_located ?? v.admissionDate, date_entered_provision: r.date_entered_provision ?? v.admissionDate });
    const child = db.prepare(`SELECT date_of_birth, ${[FLAG_COLUMNS.childProtectionPlan, FLAG_COLUMNS.childInNeed, FLAG_COLUMNS.lookedAfter, FLAG_COLUMNS.missingFromHomeOrCare, FLAG_COLUMNS.atRiskOfExploitation].join(', ')} FROM children WHERE id = ?`).get(o.childId) as Row;
    const checksDone = (db.prepare('SELECT DISTINCT agency FROM checks WHERE case_id = ?').all(o.id) as { agency: string }[]).map((x) => x.agency);
    const a = assessClosure(
      {
        register: 'CME', dateNotified: String(r.date_notified), dateOfBirth: String(child.date_of_birth), dateLocated: v.admissionDate, checksDone,
        flags: { childProtectionPlan: child.child_protection_plan === 1, childInNeed: child.child_in_need === 1, lookedAfter: child.looked_after === 1, missingFromHomeOrCare: child.missing_from_home_or_care === 1, atRiskOfExploitation: child.at_risk_of_exploitation === 1 },
      },
      'on_roll_attending',
      on,
      evidence,
    );
    if (a.problems.length === 0) {
      if (nc.officerId === null) throw invalid('officerId', `Choose who proposes the closures: the admission of ${name} closes ${o.reference} as on roll and attending.`);
      const { closed } = proposeCaseClosure(db, ctx, { id: o.id, reason: 'on_roll_attending', closedOn: on, proposedById: nc.officerId, ...evidence }, nc.today);
      done.push(closed ? `${o.reference} closed as on roll at ${nc.schoolName}` : `${o.reference}: closure proposed, waiting for a manager to authorise`);
    } else {
      proposeClosure(db, ctx, { id: o.id, proposed: true }, nc.today);
      addNoteRow(db, ctx, { caseId: o.id, childId: o.childId, notedOn: nc.today, text: `${evidence.evidence} Proposed for closure as on roll and attending; ${a.problems.map((p) => p.message).join(' ')}` });
      done.push(`${o.reference}: proposed for closure (${a.problems[0]!.message})`);
    }
  }
  const outcome = done.length > 0 ? done.join('; ') : 'Recorded (no open CME case)';
  insertNotice(db, ctx, nc, 'admission', v, childId, open[0]?.id ?? null, { event_date: v.admissionDate, standard_transition: v.standardTransition }, flags, outcome);
  return { row, name, reference: open[0]?.reference ?? null, caseId: open[0]?.id ?? null, outcome: flags.length ? `${outcome}. ${flags.join(' ')}` : outcome };
}

/**
 * The officer proposing closures must be an active officer (checked before anything is written). Not
 * chosen: the signed-in user's own officer record, when their account is linked to one.
 */
export function checkOfficer(db: Db, officerId: number | null | undefined, ctx?: WriteContext): number | null {
  const id = officerId || (ctx?.user ? linkedOfficerId(db, ctx.user.id) : null);
  if (!id) return null;
  const o = getOfficer(db, id);
  if (!o.active) throw invalid('officerId', `${o.name} is marked as having left. Choose an active officer.`);
  return o.id;
}

export { openCasesByChild, AppError };
export type { MethodArgs };
