import { isExactDuplicate } from '../../../shared/domain/duplicates';
import type { Db } from '../../../db/open';
import { auditedInsert, type WriteContext } from '../../../db/audit';
import { prepared } from '../../../db/statements';
import type { ReferralInput } from '../../../shared/api/schemas';
import type { z } from 'zod';
import { invalid, AppError } from '../../../shared/api/errors';
import { formatUk, isoParts } from '../../../shared/domain/dates';
import { compulsorySchoolAge, isOfCompulsorySchoolAge } from '../../../shared/domain/schoolAge';
import { formatCaseReference } from '../../../shared/domain/caseReference';
import { noChildFlags } from '../../../shared/domain/vocab';
import { CASE_FIELD_COLUMNS, type Row } from '../rows';
import { checkCaseDates, checkRegisterFields, addCheckRow } from '../register/cases';
import { insertChild, insertAddress, insertAdult, ensureFamily, assertChildExists, validUpn } from '../register/children';

type Referral = z.output<typeof ReferralInput>;
type CaseFields = Referral['case'];

/** Rules shared with case edits name bare fields; inside a referral they live under `case.`. */
function underField(prefix: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError && err.field) throw new AppError(err.code, err.message, `${prefix}.${err.field}`);
    throw err;
  }
}

/** The next reference on a register for the year the referral was notified, e.g. CME-2026-0042. */
export function nextReference(db: Db, register: 'CME' | 'PMOE', year: number): { seq: number; reference: string } {
  const row = prepared(db, 'SELECT max(ref_seq) AS m FROM cases WHERE register = ? AND ref_year = ?').get(register, year) as { m: number | null };
  const seq = (row.m ?? 0) + 1;
  return { seq, reference: formatCaseReference(register, year, seq) };
}

export function insertCase(db: Db, ctx: WriteContext, { register, childId, fields: c }: { register: 'CME' | 'PMOE'; childId: number; fields: CaseFields }): { id: number; reference: string } {
  const year = isoParts(c.dateNotified).year;
  const { seq, reference } = nextReference(db, register, year);
  const cols: Row = {};
  for (const [k, col] of Object.entries(CASE_FIELD_COLUMNS)) cols[col] = (c as Record<string, unknown>)[k] ?? null;
  if (register === 'CME') Object.assign(cols, { pmoe_school: null, pmoe_reason: null, hours_per_week: null, provider: null, timetable_review_date: null, timetable_end_date: null });
  const id = auditedInsert(db, ctx, 'cases', { entity: 'case', childId }, {
    ...cols,
    child_id: childId,
    register,
    ref_year: year,
    ref_seq: seq,
    reference,
    status: c.dateLocated ? 'checks' : 'referred',
    created_at: ctx.now(),
  });
  return { id, reference };
}

/**
 * Logs a referral (seed 003 App. A): the child (or an existing child), siblings, addresses,
 * responsible adults, the case and its pre-referral actions — all in the caller's one transaction.
 */
export function createReferral(db: Db, ctx: WriteContext, r: Referral) {
  underField('case', () => {
    checkRegisterFields(r.register, r.case);
    checkCaseDates(r.case, r.child.dateOfBirth);
  });
  if (r.register === 'CME' && !isOfCompulsorySchoolAge(r.child.dateOfBirth, r.case.dateNotified)) {
    const csa = compulsorySchoolAge(r.child.dateOfBirth);
    throw invalid(
      'child.dateOfBirth',
      `Date of birth ${formatUk(r.child.dateOfBirth)}: the child was not of compulsory school age on ${formatUk(r.case.dateNotified)} ` +
        `(it runs ${formatUk(csa.starts)} to ${formatUk(csa.ends)}), so is not CME. Check the date of birth.`,
    );
  }
  validUpn(r.child.upn, 'child.upn');
  for (const [i, a] of r.preReferralActions.entries()) {
    if (a.checkedOn > r.case.dateNotified) {
      throw invalid(`preReferralActions.${i}.checkedOn`, `Pre-referral action ${i + 1}: date ${formatUk(a.checkedOn)} is after the date notified (${formatUk(r.case.dateNotified)}).`);
    }
  }

  let childId: number;
  if (r.existingChildId) {
    assertChildExists(db, r.existingChildId);
    childId = r.existingChildId;
    const open = db.prepare(`SELECT reference FROM cases WHERE child_id = ? AND register = ? AND status <> 'closed'`).get(childId, r.register) as { reference: string } | undefined;
    if (open) throw new AppError('conflict', `This child already has an open ${r.register} case (${open.reference}). Add to that case instead of opening another.`);
  } else {
    // An exact duplicate (same name and date of birth) is saved as a new child only when the person says it is a different child.
    if (!r.confirmedDifferentChild) {
      const same = (db.prepare('SELECT id, forenames, surname, date_of_birth FROM children WHERE date_of_birth = ?').all(r.child.dateOfBirth) as Row[]).find((c) =>
        isExactDuplicate(r.child, { forenames: String(c.forenames), surname: String(c.surname), dateOfBirth: String(c.date_of_birth) }),
      );
      if (same) {
        const refs = (db.prepare('SELECT reference FROM cases WHERE child_id = ? ORDER BY date_notified DESC').all(same.id) as { reference: string }[]).map((x) => x.reference);
        throw invalid(
          'confirmedDifferentChild',
          `${String(same.forenames)} ${String(same.surname)}, born ${formatUk(String(same.date_of_birth))}, is already on the register${refs.length ? ` (${refs.join(', ')})` : ''}. Link this referral to them, or tick “This is a different child” to save a new record.`,
        );
      }
    }
    childId = insertChild(db, ctx, { ...r.child, flags: { ...noChildFlags(), ...r.child.flags } }, null);
  }
  if (r.address) insertAddress(db, ctx, { ...r.address, childId, current: true });
  if (r.newAddress) insertAddress(db, ctx, { ...r.newAddress, childId, current: false });
  for (const a of r.adults) insertAdult(db, ctx, { ...a, childId });

  const created = insertCase(db, ctx, { register: r.register, childId, fields: r.case });
  for (const a of r.preReferralActions) addCheckRow(db, ctx, { ...a, caseId: created.id, childId });

  const siblingCases: string[] = [];
  if (r.siblings.length > 0) {
    const familyId = ensureFamily(db, ctx, childId);
    for (const s of r.siblings) {
      const sibId = insertChild(
        db,
        ctx,
        { forenames: s.forenames, surname: s.surname, knownAs: null, formerNames: null, dateOfBirth: s.dateOfBirth, gender: s.gender, ethnicity: s.ethnicity, upn: null, flags: { ...noChildFlags(), ...s.flags }, lookedAfterLa: null, socialWorker: null },
        familyId,
      );
      if (r.address) insertAddress(db, ctx, { ...r.address, childId: sibId, current: true });
      for (const a of r.adults) insertAdult(db, ctx, { ...a, childId: sibId });
      if (s.refer && isOfCompulsorySchoolAge(s.dateOfBirth, r.case.dateNotified)) {
        siblingCases.push(insertCase(db, ctx, { register: r.register, childId: sibId, fields: r.case }).reference);
      }
    }
  }
  return { caseId: created.id, reference: created.reference, childId, siblingCases };
}
