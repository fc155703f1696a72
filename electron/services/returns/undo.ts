/**
 * Undoing an import as one operation: every audit row the confirm wrote (one op) reversed from its
 * recorded old values, newest first, each reversal itself audited. Refused, naming the case, when a
 * record the import made or changed has been changed since (put on an agenda, a note, a closure...):
 * reversing it then would throw away later work.
 */
import type { Db } from '../../../db/open';
import { auditedDelete, auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { MethodArgs } from '../../../shared/api/contract';
import type { ReturnSummary } from '../../../shared/api/returnSchemas';
import { AppError } from '../../../shared/api/errors';
import { formatUk } from '../../../shared/domain/dates';
import { numOrNull, type Row } from '../rows';
import { returnSummary } from './history';
import { recordReturnLines } from './apply';

/** Audit entity -> table, for what an import writes. */
const TABLES: Record<string, string> = {
  case: 'cases', child: 'children', note: 'notes', check: 'checks', address: 'addresses', adult: 'adults', family: 'families',
  closure_proposal: 'closure_proposals', school_notice: 'school_notices',
};

export function undoImport(db: Db, ctx: WriteContext, args: MethodArgs<'returns.undo'>, today: string): ReturnSummary {
  const ret = db.prepare('SELECT * FROM school_returns WHERE id = ?').get(args.id) as Row | undefined;
  if (!ret) throw new AppError('not_found', `There is no return with record number ${args.id}.`);
  if (ret.status === 'undone') throw new AppError('conflict', `This return was already undone on ${formatUk(String(ret.undone_on))} by ${String(ret.undone_by)}.`);
  const op = ret.op ? String(ret.op) : null;
  const rows = op ? (db.prepare('SELECT * FROM audit WHERE op = ? ORDER BY id DESC').all(op) as Row[]) : [];
  if (rows.length > 0) {
    const last = Number(rows[0]!.id);
    const cases = [...new Set(rows.map((r) => numOrNull(r.case_id)).filter((x): x is number => x !== null))];
    const children = [...new Set(rows.map((r) => numOrNull(r.child_id)).filter((x): x is number => x !== null))];
    const later = db
      .prepare(
        `SELECT DISTINCT a.case_id, a.child_id, a.entity FROM audit a
         WHERE a.id > ? AND (a.op IS NULL OR a.op NOT IN (SELECT op FROM undone_ops))
           AND (a.case_id IN (SELECT value FROM json_each(?)) OR (a.case_id IS NULL AND a.child_id IN (SELECT value FROM json_each(?))))
         LIMIT 20`,
      )
      .all(last, JSON.stringify(cases), JSON.stringify(children)) as Row[];
    if (later.length > 0) {
      const refs = [...new Set(later.map((l) => (l.case_id ? (db.prepare('SELECT reference FROM cases WHERE id = ?').get(l.case_id) as { reference: string } | undefined)?.reference : null) ?? `child record ${String(l.child_id)}`))];
      throw new AppError(
        'conflict',
        `This import can't be undone as a whole: ${refs.slice(0, 5).join(', ')}${refs.length > 5 ? ` and ${refs.length - 5} more` : ''} ${refs.length === 1 ? 'has' : 'have'} been changed since (for example put on an agenda, or a note or closure recorded). Correct ${refs.length === 1 ? 'that case' : 'those cases'} by hand instead.`,
      );
    }
    // The return's lines first (they name the cases the reversal removes), with their one audit row.
    const lines = db.prepare('SELECT row_number, case_id, outcome FROM return_lines WHERE return_id = ? ORDER BY row_number').raw().all(args.id) as [number, number, string][];
    if (lines.length > 0) {
      db.prepare('DELETE FROM return_lines WHERE return_id = ?').run(args.id);
      recordReturnLines(db, ctx, args.id, lines, 'delete');
    }
    for (const r of rows) {
      const table = TABLES[String(r.entity)];
      if (!table) continue; // the return itself is marked undone below; a remembered mapping stays
      const link = { entity: String(r.entity), caseId: numOrNull(r.case_id), childId: numOrNull(r.child_id) };
      const id = Number(r.entity_id);
      if (r.action === 'update' && r.field) auditedUpdate(db, ctx, table, link, id, { [String(r.field)]: r.old_value });
      else if (r.action === 'insert') auditedDelete(db, ctx, table, link, id);
      else if (r.action === 'delete' && r.old_value) auditedInsert(db, ctx, table, link, JSON.parse(String(r.old_value)) as Row);
    }
    db.prepare('INSERT INTO undone_ops (op, undone_by) VALUES (?, ?)').run(op, ctx.op ?? `undo:${op}`);
  }
  auditedUpdate(db, ctx, 'school_returns', { entity: 'school_return' }, args.id, { status: 'undone', undone_on: today, undone_by: ctx.actor, undo_reason: args.reason });
  return returnSummary(db, args.id);
}
