/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads names with accents), CRLF line
 * ends, every cell quoted when it holds a comma, quote or line break, and UK dates (dd/mm/yyyy).
 * A cell that a spreadsheet would run as a formula (starting = + - @) is prefixed with an
 * apostrophe, so exported text can never run as a formula.
 *
 * Pure: building the text only; downloading is in download.ts.
 */
import type { TrackerAction } from '../../../../shared/api/trackingSchemas';
import { formatUk } from '../../../../shared/domain/dates';
import { actionStatusLabel } from './actions';

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The whole file: BOM, a header row, then the rows, each line ended with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

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
  const who = (ownerName ?? 'everyone')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `actions-${who || 'officer'}-${today}.csv`;
}
