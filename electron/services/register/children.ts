import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { Address, Adult, Child, ChildFlags, Sibling } from '../../../shared/api/schemas';
import { invalid, AppError } from '../../../shared/api/errors';
import { compareIso, formatUk } from '../../../shared/domain/dates';
import { isPossibleDuplicate } from '../../../shared/domain/duplicates';
import { normaliseUpn, upnProblem } from '../../../shared/domain/upn';
import { caseByReference, childRow, siblingsOf } from './cases';
import { FLAG_COLUMNS, toAddress, toAdult, toChild, type Row } from '../rows';

export interface ChildFields {
  forenames: string;
  surname: string;
  knownAs: string | null;
  formerNames: string | null;
  dateOfBirth: string;
  gender: string;
  ethnicity: string | null;
  upn: string | null;
  flags: Partial<ChildFlags>;
  lookedAfterLa: string | null;
  socialWorker: string | null;
}

const searchKey = (c: { forenames: string; surname: string; knownAs?: string | null; formerNames?: string | null }) =>
  [c.forenames, c.surname, c.knownAs ?? '', c.formerNames ?? ''].join(' ').toLowerCase();

/** Checks the UPN's DfE check letter; returns it normalised (upper case, no spaces). */
export function validUpn(upn: string | null | undefined, field = 'upn'): string | null {
  if (!upn) return null;
  const problem = upnProblem(upn);
  if (problem) throw invalid(field, `UPN ${upn}: ${problem}. Check it against the school's record, or leave it blank.`);
  return normaliseUpn(upn);
}

function childColumns(c: Partial<ChildFields>): Row {
  const cols: Row = {};
  if (c.forenames !== undefined) cols.forenames = c.forenames;
  if (c.surname !== undefined) cols.surname = c.surname;
  if (c.knownAs !== undefined) cols.known_as = c.knownAs;
  if (c.formerNames !== undefined) cols.former_names = c.formerNames;
  if (c.dateOfBirth !== undefined) cols.date_of_birth = c.dateOfBirth;
  if (c.gender !== undefined) cols.gender = c.gender;
  if (c.ethnicity !== undefined) cols.ethnicity = c.ethnicity;
  if (c.upn !== undefined) cols.upn = validUpn(c.upn);
  if (c.lookedAfterLa !== undefined) cols.looked_after_la = c.lookedAfterLa;
  if (c.socialWorker !== undefined) cols.social_worker = c.socialWorker;
  for (const [k, v] of Object.entries(c.flags ?? {})) {
    const col = FLAG_COLUMNS[k as keyof ChildFlags];
    if (col && v !== undefined) cols[col] = v;
  }
  return cols;
}

export function insertChild(db: Db, ctx: WriteContext, c: ChildFields, familyId: number | null): number {
  const cols = { ...childColumns(c), family_id: familyId, search_key: searchKey(c), created_at: ctx.now() };
  const id = auditedInsert(db, ctx, 'children', { entity: 'child' }, cols);
  // The child's id is only known after the insert; tag its creation row so the case history finds it.
  return id;
}

export function updateChild(db: Db, ctx: WriteContext, args: MethodArgs<'children.update'>): Child {
  const { id, changes } = args;
  const before = toChild(childRow(db, id));
  const after = { ...before, ...changes };
  if (changes.dateOfBirth) {
    const earliest = db.prepare('SELECT min(date_notified) AS d FROM cases WHERE child_id = ?').get(id) as { d: string | null };
    if (earliest.d && compareIso(changes.dateOfBirth, earliest.d) >= 0) {
      throw invalid('dateOfBirth', `Date of birth ${formatUk(changes.dateOfBirth)} is after this child was first notified (${formatUk(earliest.d)}).`);
    }
  }
  auditedUpdate(db, ctx, 'children', { entity: 'child', childId: id }, id, { ...childColumns(changes), search_key: searchKey(after) });
  return toChild(childRow(db, id));
}

export interface AddressFields { line1: string; line2: string | null; town: string | null; postcode: string | null; fromDate: string | null; toDate: string | null }

export function insertAddress(db: Db, ctx: WriteContext, a: AddressFields & { childId: number; current: boolean }): Address {
  const { childId, current } = a;
  if (a.fromDate && a.toDate && compareIso(a.toDate, a.fromDate) < 0) {
    throw invalid('toDate', `To date ${formatUk(a.toDate)} is before the from date (${formatUk(a.fromDate)}).`);
  }
  if (current) {
    // Keep the history: the previous current address becomes a past one.
    const prev = db.prepare('SELECT id FROM addresses WHERE child_id = ? AND is_current = 1').all(childId) as { id: number }[];
    for (const p of prev) auditedUpdate(db, ctx, 'addresses', { entity: 'address', childId }, p.id, { is_current: 0, to_date: a.fromDate ?? ctx.now().slice(0, 10) });
  }
  const id = auditedInsert(db, ctx, 'addresses', { entity: 'address', childId }, {
    child_id: childId, line1: a.line1, line2: a.line2, town: a.town, postcode: a.postcode?.toUpperCase() ?? null,
    from_date: a.fromDate, to_date: a.toDate, is_current: current, created_at: ctx.now(),
  });
  return toAddress(db.prepare('SELECT * FROM addresses WHERE id = ?').get(id) as Row);
}

export interface AdultFields { name: string; relationship: string | null; phone: string | null; email: string | null; notes: string | null }

export function insertAdult(db: Db, ctx: WriteContext, a: AdultFields & { childId: number }): Adult {
  const { childId } = a;
  const id = auditedInsert(db, ctx, 'adults', { entity: 'adult', childId }, {
    child_id: childId, name: a.name, relationship: a.relationship, phone: a.phone, email: a.email, notes: a.notes, created_at: ctx.now(),
  });
  return toAdult(db.prepare('SELECT * FROM adults WHERE id = ?').get(id) as Row);
}

export function ensureFamily(db: Db, ctx: WriteContext, childId: number): number {
  const row = childRow(db, childId);
  if (row.family_id !== null) return Number(row.family_id);
  const familyId = auditedInsert(db, ctx, 'families', { entity: 'family', childId }, { created_at: ctx.now() });
  auditedUpdate(db, ctx, 'children', { entity: 'child', childId }, childId, { family_id: familyId });
  return familyId;
}

/** Groups two children as siblings (merging their families if both already have one). */
export function linkSibling(db: Db, ctx: WriteContext, args: MethodArgs<'children.linkSibling'>): Sibling[] {
  const { childId, siblingReference } = args;
  const { ref, row } = caseByReference(db, siblingReference, 'siblingReference');
  const other = { child_id: Number(row.child_id) };
  if (other.child_id === childId) throw invalid('siblingReference', `${ref} is this child's own case.`);
  const familyId = ensureFamily(db, ctx, childId);
  const otherRow = childRow(db, other.child_id);
  const members = otherRow.family_id === null
    ? [other.child_id]
    : (db.prepare('SELECT id FROM children WHERE family_id = ?').all(otherRow.family_id) as { id: number }[]).map((r) => r.id);
  for (const m of members) auditedUpdate(db, ctx, 'children', { entity: 'child', childId: m }, m, { family_id: familyId });
  return siblingsOf(db, childId, familyId);
}

export interface DuplicateMatch { childId: number; name: string; dateOfBirth: string; reason: string; references: string[]; /** Same name and date of birth: a new child needs "this is a different child". */ exact: boolean }

/** Children already on the register with the same date of birth and a similar name. */
export function findPossibleDuplicates(db: Db, p: { forenames: string; surname: string; dateOfBirth: string; knownAs?: string | null }): DuplicateMatch[] {
  if (!p.dateOfBirth || !p.forenames.trim() || !p.surname.trim()) return [];
  const same = db.prepare('SELECT * FROM children WHERE date_of_birth = ?').all(p.dateOfBirth) as Row[];
  const refs = db.prepare('SELECT reference FROM cases WHERE child_id = ? ORDER BY date_notified DESC');
  const out: DuplicateMatch[] = [];
  for (const r of same) {
    const c = toChild(r);
    const result = isPossibleDuplicate(
      { forenames: p.forenames, surname: p.surname, dateOfBirth: p.dateOfBirth, knownAs: p.knownAs ?? null },
      { forenames: c.forenames, surname: c.surname, dateOfBirth: c.dateOfBirth, knownAs: c.knownAs, formerNames: c.formerNames },
    );
    if (result.match) {
      out.push({
        childId: c.id,
        name: `${c.forenames} ${c.surname}`,
        dateOfBirth: c.dateOfBirth,
        reason: result.reason,
        exact: result.exact === true,
        references: (refs.all(c.id) as { reference: string }[]).map((x) => x.reference),
      });
    }
  }
  return out;
}

export function assertChildExists(db: Db, id: number): void {
  if (!db.prepare('SELECT 1 FROM children WHERE id = ?').get(id)) throw new AppError('not_found', `There is no child with record number ${id}.`);
}
