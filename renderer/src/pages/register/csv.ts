/**
 * The register as CSV: the rows the officer is looking at (filtered, searched, in the current
 * sort), the columns they have visible, and each value worded as on screen (cells.ts): dates
 * dd/mm/yyyy, labels rather than codes, RAG as words. The file format (BOM, quoting,
 * formula-safe cells) is lib/csv.ts.
 *
 * The file holds children's personal data, so the page asks before saving it (DOMAIN.md, seed 002:
 * shared only on a need-to-know basis, by secure e-mail or in password-protected files).
 */
import type { RegisterRow } from '../../../../shared/api/schemas';
import { fileNamePart, toCsv } from '../../lib/csv';
import { CELL_TEXT } from './cells';
import { COLUMN_LABELS, DEFAULT_FILTERS, type ColumnId, type RegisterFilters } from './view';

/** `rows` in the order shown; `columns` the visible ones, in the order shown. */
export function registerCsv(rows: readonly RegisterRow[], columns: readonly ColumnId[]): string {
  const cells = columns.map((c) => CELL_TEXT[c]);
  return toCsv(
    columns.map((c) => COLUMN_LABELS[c]),
    rows.map((r) => cells.map((cell) => cell(r))),
  );
}

/** The filters named in the file name; any other filter (or a search) just adds "filtered". */
const NAMED: readonly (keyof RegisterFilters)[] = ['register', 'status', 'rag'];

/**
 * Says what the file is and when: e.g. "register-cme-open-2026-11-25.csv",
 * "register-pmoe-closed-red-filtered-2026-11-25.csv"; "register-2026-11-25.csv" for every case.
 */
export function registerCsvFileName(f: RegisterFilters, today: string): string {
  const parts = ['register'];
  if (f.register !== 'all') parts.push(fileNamePart(f.register));
  if (f.status !== 'all') parts.push(fileNamePart(f.status));
  if (f.rag !== 'all') parts.push(f.rag === 'none' ? 'not-rated' : f.rag);
  const others = (Object.keys(DEFAULT_FILTERS) as (keyof RegisterFilters)[]).filter((k) => !NAMED.includes(k));
  if (others.some((k) => (k === 'search' ? f.search.trim() !== '' : f[k] !== DEFAULT_FILTERS[k]))) parts.push('filtered');
  parts.push(today);
  return `${parts.join('-')}.csv`;
}

const IDENTIFYING: readonly [ColumnId, string][] = [
  ['child', 'names'],
  ['dateOfBirth', 'dates of birth'],
  ['upn', 'UPNs'],
];

/** What in the visible columns identifies a child directly, for the confirmation: "names, dates of birth and UPNs". */
export function identifyingData(columns: readonly ColumnId[]): string | null {
  const words = IDENTIFYING.filter(([c]) => columns.includes(c)).map(([, w]) => w);
  if (words.length === 0) return null;
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
