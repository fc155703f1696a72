/**
 * The action tracker's CSV: case reference (never the child's name), action, owner, due date
 * (dd/mm/yyyy), status. The file format itself (BOM, quoting, formula-safe cells) is lib/csv.ts.
 */
import type { TrackerAction } from '../../../../shared/api/trackingSchemas';
import { formatUk } from '../../../../shared/domain/dates';
import { fileNamePart, toCsv } from '../../lib/csv';
import { actionStatusLabel } from './actions';

export const ACTION_CSV_HEADER = ['Case', 'Action', 'Owner', 'Due', 'Status'] as const;

/** Actions as CSV: case reference (never the child's name), action, owner, due date, status. */
export function actionsCsv(actions: readonly TrackerAction[]): string {
  return toCsv(
    ACTION_CSV_HEADER,
    actions.map((a) => [a.caseReference ?? '', a.text, a.ownerName ?? 'Unassigned', formatUk(a.dueDate), actionStatusLabel(a)]),
  );
}

/** e.g. "actions-priya-shah-2026-03-02.csv"; "actions-everyone-…" when no officer is chosen. */
export function actionsCsvFileName(ownerName: string | null, today: string): string {
  return `actions-${fileNamePart(ownerName ?? 'everyone') || 'officer'}-${today}.csv`;
}
