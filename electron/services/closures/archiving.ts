import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import { invalid } from '../../../shared/api/errors';
import { formatUk } from '../../../shared/domain/dates';
import { archiveProblems } from '../../../shared/domain/archiving';
import type { Row } from '../rows';
import { caseRow } from '../register/cases';

/**
 * Records the named Director's decision to archive a long-term CME case (001 §6.2): the case stays
 * open but dormant. Refused, naming the field, unless shared/domain/archiving.ts allows it.
 */
export function recordArchiveDecision(
  db: Db, ctx: WriteContext, d: MethodArgs<'cases.archive'>,
  // The demo's minutes already carry the decision, so it leaves out the case note.
  options: { note?: boolean } = {},
): void {
  const caseId = d.id;
  const row: Row = caseRow(db, caseId);
  const first = archiveProblems(
    { reference: String(row.reference), register: row.register as 'CME' | 'PMOE', status: row.status as 'closed', dateNotified: String(row.date_notified), archived: row.archived === 1 },
    d,
  )[0];
  if (first) throw invalid(first.field, first.message);
  const childId = Number(row.child_id);
  auditedUpdate(db, ctx, 'cases', { entity: 'case', caseId, childId }, caseId, {
    archived: 1, archive_form_completed_on: d.formCompletedOn, archive_director: d.director, archive_decided_on: d.decidedOn,
  });
  if (options.note === false) return;
  auditedInsert(db, ctx, 'notes', { entity: 'note', caseId, childId }, {
    case_id: caseId, noted_on: d.decidedOn, author: ctx.actor,
    text: `Archived as long-term CME (open, dormant) by decision of ${String(d.director)} on ${formatUk(d.decidedOn)}; archiving form completed ${formatUk(String(d.formCompletedOn))}.`,
    created_at: ctx.now(),
  });
}
