/** Returns received: one summary per file, nil return or update. */
import type { Db } from '../../../db/open';
import type { ReturnSummary } from '../../../shared/api/returnSchemas';
import { AppError } from '../../../shared/api/errors';
import { strOrNull, type Row } from '../rows';

const SQL = 'SELECT r.*, s.name AS school_name FROM school_returns r JOIN schools s ON s.id = r.school_id';

export function toSummary(r: Row): ReturnSummary {
  return {
    id: Number(r.id), schoolId: Number(r.school_id), schoolName: String(r.school_name), kind: r.kind as ReturnSummary['kind'], halfTerm: String(r.half_term),
    receivedOn: String(r.received_on), fileName: strOrNull(r.file_name), rowCount: Number(r.row_count),
    skippedRows: r.skipped_rows ? (JSON.parse(String(r.skipped_rows)) as number[]) : [], status: r.status as ReturnSummary['status'],
    importedBy: String(r.imported_by), undoneOn: strOrNull(r.undone_on), undoneBy: strOrNull(r.undone_by), undoReason: strOrNull(r.undo_reason),
  };
}

export function returnSummary(db: Db, id: number): ReturnSummary {
  const r = db.prepare(`${SQL} WHERE r.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('not_found', `There is no return with record number ${id}.`);
  return toSummary(r);
}

export function returnHistory(db: Db, where = '1 = 1', ...args: unknown[]): ReturnSummary[] {
  return (db.prepare(`${SQL} WHERE ${where} ORDER BY r.id DESC LIMIT 200`).all(...args) as Row[]).map(toSummary);
}
