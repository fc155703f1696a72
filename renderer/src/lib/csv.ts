/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads names with accents), CRLF line
 * ends, every cell quoted when it holds a comma, quote or line break. A text cell that a spreadsheet
 * would run as a formula (starting = + - @, tab or carriage return) is prefixed with an apostrophe,
 * so exported text can never run as a formula. Numbers pass through as numbers.
 *
 * Pure: building the text only; saving it is lib/download.ts. What goes in each file (and its UK
 * dates) is up to its builder, e.g. pages/tracking/csv.ts, pages/register/csv.ts.
 */

export const BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The whole file: BOM, a header row, then the rows, each line ended with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export { fileNamePart } from '../../../shared/domain/fileNames';
