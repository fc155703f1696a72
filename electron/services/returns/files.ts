/**
 * A school's file as a table of text: headings and rows, each with its row number as the school's
 * spreadsheet shows it. CSV through csv-parse (quoting, BOM, Excel's Windows-1252 exports); .xlsx
 * through exceljs (xlsx.ts). Parsing happens here, in the services, never in the renderer.
 */
import { parse } from 'csv-parse/sync';
import { AppError, invalid } from '../../../shared/api/errors';
import { MAX_FILE_ROWS } from '../../../shared/api/returnSchemas';
import { headingScore } from '../../../shared/domain/schoolReturns';
import { readXlsx } from './xlsx';

export interface Table {
  fileName: string;
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: { n: number; cells: string[] }[];
  /** Where the headings were found when not simply the first row of the first sheet, e.g. 'sheet “Return”, headings on row 3'. */
  readFrom: string | null;
}

type Row = { n: number; cells: string[] };
/** How far down a sheet the headings are looked for (a title, a date line and a blank row are usual). */
const HEADING_ROWS = 10;

/**
 * The sheet and row the headings are on: the one naming most fields among the first rows of each
 * sheet (two at least), else the first row of the first sheet. Rows above the headings are dropped;
 * the rest keep the row numbers the school's spreadsheet shows.
 */
function pickTable(sheets: { name: string | null; rows: Row[] }[]): { rows: Row[]; readFrom: string | null } {
  let best = { sheet: 0, row: 0, score: 1 };
  sheets.forEach((sh, si) => {
    sh.rows.slice(0, HEADING_ROWS).forEach((r, ri) => {
      const score = headingScore(r.cells);
      if (score > best.score) best = { sheet: si, row: ri, score };
    });
  });
  const sheet = sheets[best.sheet];
  if (!sheet) return { rows: [], readFrom: null };
  const rows = sheet.rows.slice(best.row);
  const where = [sheets.length > 1 && sheet.name ? `sheet “${sheet.name}”` : null, best.row > 0 ? `headings on row ${rows[0]!.n}` : null].filter(Boolean);
  return { rows, readFrom: where.length ? where.join(', ') : null };
}

const MAX_COLUMNS = 200;

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel's "CSV" (not "CSV UTF-8") is Windows-1252: £, é and ’ would otherwise be refused.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function readCsv(bytes: Uint8Array): { n: number; cells: string[] }[] {
  const text = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true, to: MAX_FILE_ROWS + 2 }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw invalid('file', `This CSV file could not be read${line ? ` (near line ${line})` : ''}: ${(err as Error).message}. Check the quotes in that line, or save the file from Excel again as “CSV UTF-8”.`);
  }
  return records.map((r) => ({ n: r.info.lines, cells: r.record.slice(0, MAX_COLUMNS).map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== ''));
}

export function decodeFile(name: string, base64: string): Uint8Array {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(base64)) throw invalid('file', 'The file did not arrive whole. Choose it again.');
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** Reads a CSV or .xlsx file into headings and rows. Refuses an empty file, an .xls file and a file of headings only, saying what to do. */
export function readTable(file: { name: string; base64: string }): Table {
  const bytes = decodeFile(file.name, file.base64);
  const lower = file.name.toLowerCase();
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (bytes.length === 0) throw invalid('file', `${file.name} is empty. Ask the school to send the return again.`);
  if (ole || lower.endsWith('.xls')) throw invalid('file', `${file.name} is an old Excel (.xls) file. Open it in Excel and save it as .xlsx or CSV, then import that.`);
  const format: Table['format'] = zip || lower.endsWith('.xlsx') ? 'xlsx' : 'csv';
  if (format === 'xlsx' && !zip) throw invalid('file', `${file.name} is named .xlsx but is not an Excel workbook. Save it from Excel as .xlsx or CSV.`);
  const { rows: all, readFrom } = pickTable(format === 'xlsx' ? readXlsx(bytes, MAX_FILE_ROWS + 1 + HEADING_ROWS) : [{ name: null, rows: readCsv(bytes) }]);
  if (all.length === 0) throw invalid('file', `${file.name} has nothing in it: no headings and no pupils. Ask the school to send the return again; a school with no pupils to report sends a nil return.`);
  const [head, ...rows] = all;
  const headers = dedupe(head!.cells);
  if (rows.length === 0) throw invalid('file', `${file.name} has headings but no pupils. If the school has none to report, record a nil return instead.`);
  if (rows.length > MAX_FILE_ROWS) throw new AppError('invalid_input', `${file.name} has more than ${MAX_FILE_ROWS.toLocaleString('en-GB')} rows. Split it into smaller files.`, 'file');
  return { fileName: file.name, format, headers, rows, readFrom };
}

/** Blank headings become "Column 3"; a repeated heading gets " (2)" so each column can be chosen. */
function dedupe(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = c.trim() || `Column ${i + 1}`;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base} (${k})`;
  });
}
