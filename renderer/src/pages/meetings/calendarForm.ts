/**
 * The term calendar editor: calendar.get's flat lists split into academic years for editing, and
 * joined back for calendar.save. Pure.
 */
import type { Calendar } from '../../../../shared/api/meetingSchemas';
import type { MethodInput } from '../../../../shared/api/contract';
import type { ClosureKind, TermCalendar } from '../../../../shared/domain/calendar';
import { isIsoDate } from '../../../../shared/domain/dates';
import { rowKey } from './panelForm';

export const CLOSURE_KINDS: readonly { code: ClosureKind; label: string }[] = [
  { code: 'inset', label: 'INSET day' },
  { code: 'bank_holiday', label: 'Bank holiday' },
  { code: 'other', label: 'Other closure' },
];

export const HALF_TERM_NAMES = ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'] as const;

export interface TermRow { key: number; name: string; starts: string; ends: string }
export interface ClosureRow { key: number; date: string; kind: ClosureKind; label: string }
export interface YearForm { key: number; label: string; terms: TermRow[]; closures: ClosureRow[] }

/** The school year (1 September – 31 August) a date falls in, labelled like '2026/27'. */
export function schoolYearLabel(iso: string): string | null {
  if (!isIsoDate(iso)) return null;
  const y = Number(iso.slice(0, 4));
  const start = Number(iso.slice(5, 7)) >= 9 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** '2026/27' → '2027/28'; anything else → the school year after today's is the caller's business: ''. */
export function nextYearLabel(label: string): string {
  const m = /^(\d{4})\/(\d{2})$/.exec(label.trim());
  if (!m) return '';
  const start = Number(m[1]) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

function span(terms: readonly TermRow[]): { from: string; to: string } | null {
  const dated = terms.filter((t) => isIsoDate(t.starts) && isIsoDate(t.ends));
  if (dated.length === 0) return null;
  return {
    from: dated.reduce((m, t) => (t.starts < m ? t.starts : m), dated[0]!.starts),
    to: dated.reduce((m, t) => (t.ends > m ? t.ends : m), dated[0]!.ends),
  };
}

/**
 * Terms grouped by their year label (years in date order); each closure goes to the year whose
 * terms span its date, else the year with its school-year label, else a year of its own.
 */
export function splitCalendar(cal: Pick<Calendar, 'terms' | 'closures'>): YearForm[] {
  const years: YearForm[] = [];
  const byLabel = new Map<string, YearForm>();
  const yearFor = (label: string): YearForm => {
    let y = byLabel.get(label);
    if (!y) {
      y = { key: rowKey(), label, terms: [], closures: [] };
      byLabel.set(label, y);
      years.push(y);
    }
    return y;
  };
  for (const t of cal.terms) yearFor(t.yearLabel).terms.push({ key: rowKey(), name: t.name, starts: t.starts, ends: t.ends });
  for (const y of years) y.terms.sort((a, b) => (a.starts < b.starts ? -1 : a.starts > b.starts ? 1 : 0));
  const spans = years.map((y) => ({ y, s: span(y.terms) }));
  for (const c of cal.closures) {
    const row: ClosureRow = { key: rowKey(), date: c.date, kind: c.kind, label: c.label };
    const inSpan = spans.find(({ s }) => s !== null && c.date >= s.from && c.date <= s.to);
    const label = schoolYearLabel(c.date) ?? '';
    (inSpan ? inSpan.y : yearFor(label)).closures.push(row);
  }
  for (const y of years) y.closures.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = (y: YearForm) => span(y.terms)?.from ?? y.closures[0]?.date ?? y.label;
  return years.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
}

export function joinCalendar(years: readonly YearForm[]): MethodInput<'calendar.save'> {
  return {
    terms: years.flatMap((y) => y.terms.map((t) => ({ yearLabel: y.label, name: t.name, starts: t.starts, ends: t.ends }))),
    closures: years.flatMap((y) => y.closures.map((c) => ({ date: c.date, kind: c.kind, label: c.label }))),
  };
}

/** The shape shared/domain/calendar's validateCalendar checks. */
export function toTermCalendar(years: readonly YearForm[]): TermCalendar {
  return {
    years: years.map((y) => ({
      label: y.label,
      terms: y.terms.map((t) => ({ name: t.name, starts: t.starts, ends: t.ends })),
      closures: y.closures.map((c) => ({ date: c.date, kind: c.kind, label: c.label })),
    })),
  };
}

/** A new academic year after the last one: six half terms named, dates to fill in. */
export function newYear(years: readonly YearForm[]): YearForm {
  const last = years[years.length - 1];
  return {
    key: rowKey(),
    label: last ? nextYearLabel(last.label) : '',
    terms: HALF_TERM_NAMES.map((name) => ({ key: rowKey(), name, starts: '', ends: '' })),
    closures: [],
  };
}

export interface FieldPlace {
  yearKey: number;
  rowKey: number;
  list: 'terms' | 'closures';
  /** E.g. 'starts', 'date'; '' for the whole row. */
  rest: string;
  /** "2027/28 Autumn 1" or "2027/28 closure 2", for messages. */
  name: string;
}

/**
 * The row an error from calendar.save is about: its field path (e.g. 'terms.12.starts') counts rows
 * in joinCalendar's order. Null for paths that are not about one row.
 */
export function locateField(years: readonly YearForm[], field: string | null | undefined): FieldPlace | null {
  const m = field ? /^(terms|closures)\.(\d+)(?:\.(.*))?$/.exec(field) : null;
  if (!m) return null;
  const list = m[1] as 'terms' | 'closures';
  let n = Number(m[2]);
  for (const y of years) {
    const rows = list === 'terms' ? y.terms : y.closures;
    if (n < rows.length) {
      const row = rows[n]!;
      const label = y.label || 'New year';
      const name = list === 'terms' ? `${label} ${(row as TermRow).name || `term ${n + 1}`}` : `${label} closure ${n + 1}`;
      return { yearKey: y.key, rowKey: row.key, list, rest: m[3] ?? '', name };
    }
    n -= rows.length;
  }
  return null;
}
