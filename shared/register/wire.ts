/**
 * A compact, column-wise encoding of register rows for the working set the register screen keeps
 * (issue 12): the page loads every open case once and filters, searches and sorts them itself.
 * As JSON objects a row costs ~580 bytes, most of it repeated key names and repeated values
 * (status, officer, school, dates). Here each field is one column; a column whose values repeat
 * is sent as a dictionary of its distinct values and one small integer per row. Decoding gives
 * back rows equal to the originals, field for field, in the same key order.
 */
import type { RegisterRow } from '../api/schemas';

/** A column: every value in row order, or the distinct values and each row's position among them. */
export type PackedColumn = { values: unknown[] } | { dict: unknown[]; codes: number[] };

export interface PackedRows {
  /** How many rows. */
  n: number;
  /** Field names in the rows' own key order. */
  fields: string[];
  columns: PackedColumn[];
}

/** A dictionary pays when the distinct values are at most this share of the rows. */
const DICT_SHARE = 0.5;

/** Columns with repeated values become dictionaries; arrays (flags) are keyed by their JSON. */
export function packRows(rows: readonly RegisterRow[]): PackedRows {
  const fields = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const columns = fields.map((f): PackedColumn => {
    const values = rows.map((r) => (r as unknown as Record<string, unknown>)[f]);
    const index = new Map<string, number>();
    const dict: unknown[] = [];
    const codes = new Array<number>(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const k = typeof v === 'string' ? `s${v}` : JSON.stringify(v);
      let c = index.get(k);
      if (c === undefined) {
        c = dict.length;
        index.set(k, c);
        dict.push(v);
        if (dict.length > values.length * DICT_SHARE) return { values };
      }
      codes[i] = c;
    }
    return { dict, codes };
  });
  return { n: rows.length, fields, columns };
}

/** The rows back, as objects with the fields in their original order. Dictionary values are shared between rows (treat rows as read-only). */
export function unpackRows(p: PackedRows): RegisterRow[] {
  const out = new Array<RegisterRow>(p.n);
  const cols = p.columns;
  for (let i = 0; i < p.n; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < p.fields.length; c++) {
      const col = cols[c]!;
      row[p.fields[c]!] = 'values' in col ? col.values[i] : col.dict[col.codes[i]!];
    }
    out[i] = row as unknown as RegisterRow;
  }
  return out;
}
