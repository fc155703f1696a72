/**
 * Confirming an import: the same analysis as the preview, on the same bytes, then every row applied in
 * the dispatcher's one transaction. Refused, with nothing written, while any row has an error the
 * officer has not chosen to leave out or any uncertain match is unconfirmed.
 */
import type { Db } from '../../../db/open';
import { auditedInsert, type WriteContext } from '../../../db/audit';
import { prepared } from '../../../db/statements';
import type { MethodArgs, MethodOutput } from '../../../shared/api/contract';
import { invalid } from '../../../shared/api/errors';
import { halfTerms } from '../../../shared/domain/returnStatus';
import { analyseForConfirm, openCasesByChild, type Analysis } from './analyse';
import { applyAdmission, applyDeletion, applyReturnRow, checkOfficer, recordReturnLines, type Outcome } from './apply';
import { rememberMapping } from './schools';
import { returnSummary } from './history';

const listRows = (rows: { row: number; name: string; text: string }[]) =>
  rows.slice(0, 5).map((r) => `row ${r.row} (${r.name}): ${r.text}`).join('; ') + (rows.length > 5 ? `; and ${rows.length - 5} more` : '');

export function requireHalfTerm(db: Db, key: string, calendar: Analysis['calendar']): void {
  if (!halfTerms(calendar).some((h) => h.key === key)) throw invalid('halfTerm', `Half term “${key}” is not in the term calendar. Choose one from the list, or add the term dates under Panels & calendar.`);
}

export function confirmImport(db: Db, ctx: WriteContext, args: MethodArgs<'returns.confirm'>, today: string): MethodOutput<'returns.confirm'> {
  const a = analyseForConfirm(db, args);
  requireHalfTerm(db, args.halfTerm, a.calendar);
  if (a.problems.length > 0) throw invalid('mapping', `The columns are not all chosen: ${a.problems.join(' ')}`);
  const skip = new Set(args.skipRows);
  const bad = a.rows.filter((r) => r.preview.errors.length > 0 && !skip.has(r.preview.row));
  if (bad.length > 0) {
    throw invalid('skipRows', `Nothing was imported: ${bad.length} ${bad.length === 1 ? 'row has' : 'rows have'} errors — ${listRows(bad.map((r) => ({ row: r.preview.row, name: r.preview.name, text: r.preview.errors.join(', ') })))}. Correct the file and import it again, or leave those rows out.`);
  }
  const decisions = new Map(args.decisions.map((d) => [d.row, d.childId]));
  const undecided = a.rows.filter((r) => !skip.has(r.preview.row) && r.match?.kind === 'uncertain' && !decisions.has(r.preview.row));
  if (undecided.length > 0) {
    throw invalid('decisions', `Nothing was imported: confirm who ${undecided.length === 1 ? 'this pupil is' : 'these pupils are'} first — ${listRows(undecided.map((r) => ({ row: r.preview.row, name: r.preview.name, text: r.preview.matchReason ?? '' })))}.`);
  }
  for (const r of a.rows) {
    const d = decisions.get(r.preview.row);
    if (d != null && !(r.match?.kind === 'uncertain' && r.match.candidates.some((c) => c.childId === d))) {
      throw invalid('decisions', `Row ${r.preview.row} (${r.preview.name}): child ${d} is not one of the possible matches. Preview the file again and choose from the list.`);
    }
  }
  const officerId = checkOfficer(db, args.officerId, ctx);
  const kept = a.rows.filter((r) => !skip.has(r.preview.row) && r.checked.check.values !== null);
  if (kept.length === 0) throw invalid('skipRows', 'Every row is left out, so there is nothing to import.');

  const schoolName = String(a.school.name);
  const returnId = auditedInsert(db, ctx, 'school_returns', { entity: 'school_return' }, {
    school_id: args.schoolId, kind: args.kind, half_term: args.halfTerm, received_on: args.receivedOn, file_name: a.table.fileName,
    row_count: kept.length, skipped_rows: skip.size > 0 ? JSON.stringify([...skip].sort((x, y) => x - y)) : null, status: 'imported',
    imported_by: ctx.actor, op: ctx.op ?? null, created_at: ctx.now(),
  });
  const outcomes: Outcome[] = [];
  const childOf = (r: (typeof kept)[number]) => (r.match?.kind === 'certain' ? r.match.childId : r.match?.kind === 'uncertain' ? (decisions.get(r.preview.row) ?? null) : null);
  if (args.kind === 'return') {
    const rc = { returnId, schoolName, receivedOn: args.receivedOn, index: a.index, openPmoe: openCasesByChild(db, 'PMOE'), lines: [] as [number, number, string][] };
    const seen = new Set<number>();
    for (const r of kept) {
      if (r.checked.kind !== 'return' || !r.checked.check.values) continue;
      const childId = childOf(r);
      if (childId !== null && seen.has(childId)) {
        outcomes.push({ row: r.preview.row, name: r.preview.name, reference: null, caseId: null, outcome: 'Left out: the same pupil is on an earlier row of this file' });
        continue;
      }
      const o = applyReturnRow(db, ctx, rc, r.preview.row, r.checked.check.values, childId);
      if (o.caseId !== null) {
        const child = (prepared(db, 'SELECT child_id FROM cases WHERE id = ?').get(o.caseId) as { child_id: number }).child_id;
        seen.add(child);
        // A new case made for this file is this child's open PMOE case for its later rows.
        if (!rc.openPmoe.has(child)) rc.openPmoe.set(child, [{ id: o.caseId, reference: o.reference!, childId: child, row: prepared(db, 'SELECT * FROM cases WHERE id = ?').get(o.caseId) as Record<string, unknown> }]);
      }
      outcomes.push(o);
    }
    recordReturnLines(db, ctx, returnId, rc.lines, 'insert');
  } else {
    const nc = { schoolId: args.schoolId, schoolName, returnId, notifiedOn: args.receivedOn, today, calendar: a.calendar, index: a.index, openCme: openCasesByChild(db, 'CME'), officerId };
    for (const r of kept) {
      const childId = childOf(r);
      if (r.checked.kind === 'deletions' && r.checked.check.values) outcomes.push(applyDeletion(db, ctx, nc, r.preview.row, r.checked.check.values, childId));
      if (r.checked.kind === 'admissions' && r.checked.check.values) {
        const o = applyAdmission(db, ctx, nc, r.preview.row, r.checked.check.values, childId);
        outcomes.push(o);
        // A case closed by an earlier row is no longer open for a later one.
        if (o.caseId !== null) nc.openCme = openCasesByChild(db, 'CME');
      }
    }
  }
  rememberMapping(db, ctx, args.schoolId, args.kind, args.mapping);
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const k = o.outcome.startsWith('New') ? 'new' : o.outcome.startsWith('Updated') ? 'changed' : o.outcome.startsWith('No change') ? 'unchanged' : o.outcome.startsWith('Left out') ? 'leftOut' : 'notices';
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return { return: returnSummary(db, returnId), outcomes, counts };
}
