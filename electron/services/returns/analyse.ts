/**
 * Reading a school's file against the register without writing anything: each row checked
 * (shared/domain/schoolReturns), matched (returnMatching: UPN first, then name and date of birth),
 * and described — what confirming will do, the criteria of concern the child will meet, the notice
 * rules it breaks. The preview shows this; confirm runs it again on the same bytes and applies it.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/open';
import { prepared } from '../../../db/statements';
import type { MethodArgs } from '../../../shared/api/contract';
import type { PreviewRow, Preview } from '../../../shared/api/returnSchemas';
import { formatUk } from '../../../shared/domain/dates';
import {
  FIELDS, cellsOf, checkAdmissionRow, checkDeletionRow, checkReturnRow, mappingProblems,
  type AdmissionValues, type DeletionValues, type ImportKind, type ReturnRowValues, type RowCheck,
} from '../../../shared/domain/schoolReturns';
import { matchPupil, type KnownChild, type MatchResult } from '../../../shared/domain/returnMatching';
import { categoryLabel } from '../../../shared/domain/returnValues';
import { reg8Label } from '../../../shared/domain/regulation8';
import { admissionFlags, deletionFlags, whereaboutsUnknown } from '../../../shared/domain/schoolNotices';
import { criteriaOfConcern } from '../../../shared/domain/concern';
import { wholeTerms } from '../../../shared/domain/pmoeTerms';
import type { TermCalendar } from '../../../shared/domain/calendar';
import { noChildFlags, type ChildFlags } from '../../../shared/domain/vocab';
import { termCalendar } from '../settings/calendar';
import { FLAG_COLUMNS, type Row } from '../rows';
import { readTable, type Table } from './files';
import { schoolRow } from './schools';

export interface RegisterIndex {
  byUpn: Map<string, KnownChild>;
  byDob: Map<string, KnownChild[]>;
  flags: (childId: number) => ChildFlags;
}

/** The whole register's children indexed once by UPN and date of birth: one query, then linear in the file. */
export function registerIndex(db: Db): RegisterIndex {
  const byUpn = new Map<string, KnownChild>();
  const byDob = new Map<string, KnownChild[]>();
  const rows = db.prepare('SELECT id, forenames, surname, date_of_birth, upn, known_as, former_names FROM children').raw().all() as [number, string, string, string, string | null, string | null, string | null][];
  for (const [id, forenames, surname, dob, upn, knownAs, formerNames] of rows) {
    const k: KnownChild = { childId: id, forenames, surname, dateOfBirth: dob, upn, knownAs, formerNames };
    if (upn) byUpn.set(upn, k);
    const list = byDob.get(dob);
    if (list) list.push(k);
    else byDob.set(dob, [k]);
  }
  const flagStmt = db.prepare(`SELECT ${Object.values(FLAG_COLUMNS).join(', ')} FROM children WHERE id = ?`);
  const flags = (childId: number): ChildFlags => {
    const r = flagStmt.get(childId) as Row | undefined;
    const out = noChildFlags();
    if (r) for (const [k, col] of Object.entries(FLAG_COLUMNS)) out[k as keyof ChildFlags] = r[col] === 1;
    return out;
  };
  return { byUpn, byDob, flags };
}

export interface OpenCase {
  id: number;
  reference: string;
  childId: number;
  row: Row;
}

/** Open cases on a register, by child. */
export function openCasesByChild(db: Db, register: 'CME' | 'PMOE'): Map<number, OpenCase[]> {
  const out = new Map<number, OpenCase[]>();
  for (const r of db.prepare(`SELECT * FROM cases WHERE register = ? AND status <> 'closed' ORDER BY date_notified`).all(register) as Row[]) {
    const c = { id: Number(r.id), reference: String(r.reference), childId: Number(r.child_id), row: r };
    out.set(c.childId, [...(out.get(c.childId) ?? []), c]);
  }
  return out;
}

export type CheckedRow =
  | { kind: 'return'; check: RowCheck<ReturnRowValues> }
  | { kind: 'deletions'; check: RowCheck<DeletionValues> }
  | { kind: 'admissions'; check: RowCheck<AdmissionValues> };

export interface AnalysedRow {
  checked: CheckedRow;
  match: MatchResult | null;
  preview: PreviewRow;
}

export interface Analysis {
  table: Table;
  school: Row;
  problems: string[];
  rows: AnalysedRow[];
  index: RegisterIndex;
  calendar: TermCalendar;
}

const fullName = (v: { forenames: string; surname: string } | null, c: Record<string, string>) => (v ? `${v.forenames} ${v.surname}` : `${c.forenames ?? ''} ${c.surname ?? ''}`.trim() || '(no name)');

/** What changes on an open PMOE case if this row is applied: [field label, before, after]. */
export function pmoeChanges(row: Row, v: ReturnRowValues, schoolName: string): [string, string, unknown, unknown][] {
  const out: [string, string, unknown, unknown][] = [];
  const cmp = (col: string, label: string, after: unknown) => {
    const before = row[col] ?? null;
    if (String(before ?? '') !== String(after ?? '')) out.push([col, label, before, after]);
  };
  cmp('pmoe_reason', 'reason', v.category);
  cmp('hours_per_week', 'hours a week', v.hoursPerWeek);
  if (v.provider !== null) cmp('provider', 'provider', v.provider);
  if (v.reviewDate !== null) cmp('timetable_review_date', 'review date', v.reviewDate);
  if (v.endDate !== null) cmp('timetable_end_date', 'end date', v.endDate);
  cmp('pmoe_school', 'school', schoolName);
  return out;
}

const show = (col: string, v: unknown): string => (v === null || v === undefined || v === '' ? 'blank' : col === 'pmoe_reason' ? categoryLabel(String(v)) : /_date$/.test(col) ? formatUk(String(v)) : String(v));

export function describeChanges(changes: [string, string, unknown, unknown][]): string {
  return changes.map(([col, label, b, a]) => `${label} ${show(col, b)} → ${show(col, a)}`).join('; ');
}

/** `describe`: work out the criteria of concern for the preview (confirm needs only the checks and matches). */
export function analyse(db: Db, args: MethodArgs<'returns.preview'>, describe = true): Analysis {
  const school = schoolRow(db, args.schoolId);
  const table = readTable(args.file);
  const problems = mappingProblems(args.kind, table.headers, args.mapping);
  const index = registerIndex(db);
  const calendar = termCalendar(db);
  if (problems.length > 0) return { table, school, problems, rows: [], index, calendar };
  const terms = wholeTerms(calendar);
  const openPmoe = args.kind === 'return' ? openCasesByChild(db, 'PMOE') : new Map<number, OpenCase[]>();
  const openCme = args.kind === 'return' ? new Map<number, OpenCase[]>() : openCasesByChild(db, 'CME');
  const schoolName = String(school.name);
  const on = args.receivedOn;
  const rows: AnalysedRow[] = table.rows.map(({ n, cells }) => {
    const c = cellsOf(table.headers, cells, args.mapping);
    const checked: CheckedRow =
      args.kind === 'return'
        ? { kind: 'return', check: checkReturnRow(n, c, on) }
        : args.kind === 'deletions'
          ? { kind: 'deletions', check: checkDeletionRow(n, c, on) }
          : { kind: 'admissions', check: checkAdmissionRow(n, c, on) };
    const v = checked.check.values;
    const match = v ? matchPupil(v, (u) => index.byUpn.get(u), (d) => index.byDob.get(d) ?? []) : null;
    const childId = match?.kind === 'certain' ? match.childId : null;
    let summary = '';
    let action = checked.check.errors.length > 0 ? 'Not imported until the errors are put right (or the row is left out)' : '';
    let flags: string[] = [];
    let concerns: string[] = [];
    if (checked.kind === 'return' && checked.check.values) {
      const rv = checked.check.values;
      summary = `${categoryLabel(rv.category)}${rv.hoursPerWeek !== null ? `, ${rv.hoursPerWeek} hours a week` : ''}${rv.provider ? `, ${rv.provider}` : ''}`;
      const open = childId !== null ? (openPmoe.get(childId)?.[0] ?? null) : null;
      if (open) {
        const ch = pmoeChanges(open.row, rv, schoolName);
        action = ch.length > 0 ? `Update ${open.reference}: ${describeChanges(ch)}` : `No change to ${open.reference}`;
      } else if (match?.kind === 'uncertain') action = 'Confirm the match: then a new PMOE case, or an update to theirs';
      else action = childId !== null ? 'New PMOE case for a child already on the register' : 'New child and PMOE case';
      const flagsNow = childId !== null && describe ? index.flags(childId) : noChildFlags();
      for (const [k, val] of Object.entries(rv.flags)) if (val === true) flagsNow[k as keyof ChildFlags] = true;
      const dateNotified = open ? String(open.row.date_notified) : on;
      if (describe) concerns = criteriaOfConcern(
        { register: 'PMOE', status: 'checks', dateNotified, hoursPerWeek: rv.hoursPerWeek, pmoeReason: rv.category, provider: rv.provider ?? (open ? (open.row.provider as string | null) : null), flags: flagsNow },
        on,
        terms,
      ).map((x) => x.label);
    } else if (checked.kind === 'deletions' && checked.check.values) {
      const dv = checked.check.values;
      const f = childId !== null ? index.flags(childId) : noChildFlags();
      flags = deletionFlags({ ...dv, notifiedOn: dv.notifiedOn ?? on, ehcp: f.ehcp, lookedAfter: f.lookedAfter }, calendar).map((x) => x.text);
      summary = `Deleted ${formatUk(dv.deletionDate)} under ${reg8Label(dv.ground)}${dv.destinationSchool ? `; to ${dv.destinationSchool}` : ''}`;
      const unknown = whereaboutsUnknown(dv.ground, dv.whereaboutsKnown);
      const open = childId !== null ? (openCme.get(childId)?.[0] ?? null) : null;
      action = !unknown ? 'Recorded (whereabouts known)' : open ? `Whereabouts unknown: noted on open case ${open.reference}` : 'Whereabouts unknown: opens a CME case';
    } else if (checked.kind === 'admissions' && checked.check.values) {
      const av = checked.check.values;
      flags = admissionFlags({ admissionDate: av.admissionDate, notifiedOn: av.notifiedOn ?? on }).map((x) => x.text);
      summary = `Admitted ${formatUk(av.admissionDate)}${av.yearGroup !== null ? `, year ${av.yearGroup === 0 ? 'R' : av.yearGroup}` : ''}`;
      const open = childId !== null ? (openCme.get(childId) ?? []) : [];
      action = open.length > 0 ? `Closes ${open.map((o) => o.reference).join(', ')} as located: on roll at ${schoolName}` : match?.kind === 'uncertain' ? 'Confirm the match: an open CME case would be closed as located' : 'Recorded (no open CME case)';
    }
    const candidates =
      match?.kind === 'uncertain'
        ? match.candidates.map((m) => {
            const k = [...(index.byDob.get(v!.dateOfBirth) ?? []), ...(v?.upn && index.byUpn.get(v.upn) ? [index.byUpn.get(v.upn)!] : [])].find((x) => x.childId === m.childId)!;
            const refs = (db.prepare('SELECT reference FROM cases WHERE child_id = ? ORDER BY date_notified DESC').all(m.childId) as { reference: string }[]).map((x) => x.reference);
            return { childId: m.childId, reason: m.reason, name: `${k.forenames} ${k.surname}`, dateOfBirth: k.dateOfBirth, upn: k.upn, references: refs };
          })
        : [];
    // A row with errors still shows what the school wrote, so the officer can find it in their file.
    if (!v) summary = [c.category, c.hoursPerWeek ? `${c.hoursPerWeek} hours` : '', c.deletionDate ? `deleted ${c.deletionDate}` : '', c.ground ? `ground ${c.ground}` : '', c.admissionDate ? `admitted ${c.admissionDate}` : ''].filter(Boolean).join(', ');
    const preview: PreviewRow = {
      row: n,
      name: fullName(v, c),
      dateOfBirth: v?.dateOfBirth ?? null,
      upn: v?.upn ?? null,
      summary,
      errors: checked.check.errors,
      warnings: checked.check.warnings,
      flags,
      match: match?.kind ?? null,
      matchReason: match?.reason ?? null,
      matchedChildId: childId,
      candidates,
      action,
      concerns,
    };
    return { checked, match, preview };
  });
  return { table, school, problems, rows, index, calendar };
}

const memo = new WeakMap<Db, { key: string; mark: number; analysis: Analysis }>();

/**
 * The preview's analysis, kept for the confirm that follows it: reused only for the same file, mapping
 * and target while the register is unchanged (no audit row written since), so the confirm still checks
 * exactly what it applies; any other confirm analyses the file afresh.
 */
export function analyseForPreview(db: Db, args: MethodArgs<'returns.preview'>): Analysis {
  const analysis = analyse(db, args, true);
  memo.set(db, { key: argsKey(args), mark: auditMark(db), analysis });
  return analysis;
}

export function analyseForConfirm(db: Db, args: MethodArgs<'returns.preview'>): Analysis {
  const hit = memo.get(db);
  memo.delete(db);
  if (hit && hit.key === argsKey(args) && hit.mark === auditMark(db)) return hit.analysis;
  return analyse(db, args, false);
}

const auditMark = (db: Db) => (prepared(db, 'SELECT max(id) AS m FROM audit').get() as { m: number | null }).m ?? 0;
const argsKey = (a: MethodArgs<'returns.preview'>) =>
  createHash('sha256').update(JSON.stringify([a.schoolId, a.kind, a.halfTerm, a.receivedOn, a.mapping, a.file.name])).update(a.file.base64).digest('hex');

export function toPreview(db: Db, a: Analysis, args: MethodArgs<'returns.preview'>): Preview {
  const rows = a.rows.map((r) => r.preview);
  const earlier = db.prepare(`SELECT count(*) AS n FROM school_returns WHERE school_id = ? AND half_term = ? AND status = 'imported' AND kind = ? AND file_name IS NOT NULL`).get(args.schoolId, args.halfTerm, args.kind) as { n: number };
  return {
    kind: args.kind as ImportKind,
    fileName: a.table.fileName,
    mappingProblems: a.problems,
    rows,
    counts: {
      rows: rows.length,
      errors: rows.filter((r) => r.errors.length > 0).length,
      warnings: rows.filter((r) => r.warnings.length > 0 || r.flags.length > 0).length,
      uncertain: rows.filter((r) => r.match === 'uncertain').length,
      certain: rows.filter((r) => r.match === 'certain').length,
      newChildren: rows.filter((r) => r.match === 'none').length,
    },
    earlierReturns: earlier.n,
  };
}

export const fieldsFor = (kind: ImportKind) => FIELDS[kind].map((f) => ({ key: f.key, label: f.label, required: f.required, hint: f.hint }));
