/**
 * The template schools fill in (xlsx and CSV): one heading per field the policies ask for (000 §11 for
 * the return; 000 §4 (a)–(e) for deletions; 000 §4 and 001 §4.4 for admissions). The .xlsx has a
 * second sheet saying what to write in each column and listing the reasons and regulation 8 grounds.
 * The CSV is the headings only, so no example row can be imported as a pupil by mistake.
 */
import { stringify } from 'csv-stringify/sync';
import type { MethodArgs, MethodOutput } from '../../../shared/api/contract';
import { FIELDS, IMPORT_KIND_LABELS } from '../../../shared/domain/schoolReturns';
import { REG8_GROUNDS } from '../../../shared/domain/regulation8';
import { PMOE_REASONS } from '../../../shared/domain/vocab';
import { writeXlsx } from './xlsx';

const NAMES = { return: 'pmoe-return', deletions: 'deletions-from-roll', admissions: 'admissions' } as const;

export function template(args: MethodArgs<'returns.template'>): MethodOutput<'returns.template'> {
  const fields = FIELDS[args.kind];
  const base = `${NAMES[args.kind]}-template`;
  if (args.format === 'csv') {
    const csv = stringify([fields.map((f) => f.label)], { bom: true, record_delimiter: 'windows' });
    return { fileName: `${base}.csv`, mimeType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64') };
  }
  const notes: (string | null)[][] = fields.map((f) => [f.label, f.required ? 'Required' : 'If known', f.hint]);
  if (args.kind === 'return') {
    notes.push([null, null, null], ['Reasons', null, null]);
    for (const r of PMOE_REASONS) notes.push([r.label, null, null]);
  }
  if (args.kind === 'deletions') {
    notes.push([null, null, null], ['Regulation 8(1) grounds', null, null]);
    for (const g of REG8_GROUNDS) notes.push([`8(1)(${g.code})`, g.whereaboutsUnknown ? 'Whereabouts unknown' : null, g.label]);
  }
  const bytes = writeXlsx([
    { name: IMPORT_KIND_LABELS[args.kind].slice(0, 31), columns: fields.map((f) => ({ header: f.label, width: Math.max(12, f.label.length + 2) })), rows: [] },
    { name: 'How to fill it in', columns: [{ header: 'Column', width: 34 }, { header: 'Needed', width: 20 }, { header: 'What to write', width: 70 }], rows: notes },
  ]);
  return { fileName: `${base}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: Buffer.from(bytes).toString('base64') };
}
