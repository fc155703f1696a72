/**
 * Filtering, searching and sort keys for the register (the service pages with them since issue 12;
 * the screen uses the sort directions and summary types). Pure functions over RegisterRow:
 * the clocks (due for panel, long-term, end of CSA, concerns) arrive computed in the rows, so
 * nothing here decides anything about a case — it only matches what the officer asked to see.
 *
 * Built for 50,000 rows: the search text of each row is normalised once per load
 * (buildSearchIndex), and a view is compiled once into a single predicate (compileFilter).
 */
import type { RegisterRow } from '../api/schemas';
import { CASE_STATUSES, CLOSURE_REASONS, labelOf } from '../domain/vocab';
import { parseCaseReference } from '../domain/caseReference';
import type { ColumnId, RegisterFilters } from './query';

// ---------------------------------------------------------------------------------------------
// Search

/** Lower case, accents and apostrophes dropped, runs of white space made one space. */
const NON_ASCII = /[^\u0000-\u007f]/;
export function normaliseText(s: string): string {
  return (NON_ASCII.test(s) ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : s)
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const COMPACTABLE = /[\s\-–.]/;
const compact = (s: string) => s.replace(/[\s\-–.]/g, '');
const SEP = '\u0001';

/**
 * The searchable text of one row: forenames, surname, known-as, former names, reference, UPN,
 * postcode and date of birth (as typed in the UK, 12/05/2014, and as 2014-05-12), normalised,
 * followed by the same fields with spaces and hyphens removed (so "smithjones", "cme20260042",
 * "sw1a1aa" and a UPN typed without its spaces still match).
 */
export function searchText(r: RegisterRow): string {
  const fore = normaliseText(r.forenames);
  const sur = normaliseText(r.surname);
  const parts = [fore, sur];
  for (const f of [r.knownAs, r.formerNames, r.upn, r.postcode]) if (f) parts.push(normaliseText(f));
  parts.push(r.reference.toLowerCase());
  const [y, m, d] = r.dateOfBirth.split('-');
  parts.push(`${d}/${m}/${y}`, r.dateOfBirth);
  // Compact forms only where they differ (a field with spaces, hyphens or dots in it).
  const n = parts.length;
  for (let i = 0; i < n; i++) if (COMPACTABLE.test(parts[i]!)) parts.push(compact(parts[i]!));
  parts.push(compact(fore + sur), compact(sur + fore));
  return parts.join(SEP);
}

/** searchText for every row, index-aligned with `rows`. Build once per data load. */
export function buildSearchIndex(rows: readonly RegisterRow[]): string[] {
  const out = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = searchText(rows[i]!);
  return out;
}

/** The words of a search; every one must appear somewhere in a row ("smith jo" finds John Smith). */
export function searchTokens(query: string): string[] {
  return normaliseText(query)
    .split(' ')
    .map((t) => t.replaceAll(SEP, ''))
    .filter((t) => t !== '');
}

/**
 * True when every row matching `next` also matches `prev`, judged by the search alone: each word
 * of the earlier search is inside some word of the new one ("smi" → "smit", "smith" → "smith jo").
 * The register screen then narrows its previous result instead of scanning every row again.
 */
export function searchNarrows(prev: string, next: string): boolean {
  const before = searchTokens(prev);
  const after = searchTokens(next);
  return before.every((t) => after.some((u) => u.includes(t)));
}

// ---------------------------------------------------------------------------------------------
// Filters

export type RowPredicate = (row: RegisterRow, index: number) => boolean;

/**
 * One predicate for the whole view, or null when nothing is filtered (all rows shown).
 * `index` is buildSearchIndex(rows) for the rows the predicate will be called with; the predicate
 * is called with each row and its position in those rows.
 */
export function compileFilter(f: RegisterFilters, index: readonly string[]): RowPredicate | null {
  const tests: RowPredicate[] = [];
  const tokens = searchTokens(f.search);
  if (tokens.length === 1) {
    const t = tokens[0]!;
    tests.push((_r, i) => (index[i] ?? '').includes(t));
  } else if (tokens.length > 1) {
    tests.push((_r, i) => {
      const hay = index[i] ?? '';
      for (const t of tokens) if (!hay.includes(t)) return false;
      return true;
    });
  }
  if (f.register !== 'all') {
    const reg = f.register;
    tests.push((r) => r.register === reg);
  }
  if (f.status === 'open') tests.push((r) => r.status !== 'closed');
  else if (f.status !== 'all') {
    const st = f.status;
    tests.push((r) => r.status === st);
  }
  if (f.rag === 'none') tests.push((r) => r.rag === null);
  else if (f.rag !== 'all') {
    const rag = f.rag;
    tests.push((r) => r.rag === rag);
  }
  if (f.officer === 'unallocated') tests.push((r) => r.leadOfficerId === null);
  else if (f.officer !== 'all') {
    const id = f.officer;
    tests.push((r) => r.leadOfficerId === id);
  }
  if (f.school !== null) {
    const school = f.school;
    tests.push((r) => r.school === school);
  }
  if (f.flag !== 'all') {
    const flag = f.flag;
    tests.push((r) => r.flags.includes(flag));
  }
  if (f.movement !== 'all') {
    const movement = f.movement;
    tests.push((r) => r.ragMovement === movement);
  }
  if (f.dueForPanel) tests.push((r) => r.dueForPanel);
  if (f.longTerm) tests.push((r) => r.longTerm);
  if (f.endOfCsa) tests.push((r) => r.endOfCsaReached);

  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (r, i) => {
    for (const t of tests) if (!t(r, i)) return false;
    return true;
  };
}

/** Positions (in `rows`) of the rows the predicate keeps, in order; every position when it is null. */
export function filterIndices(rows: readonly RegisterRow[], test: RowPredicate | null): number[] {
  const out: number[] = [];
  if (!test) {
    for (let i = 0; i < rows.length; i++) out.push(i);
    return out;
  }
  for (let i = 0; i < rows.length; i++) if (test(rows[i]!, i)) out.push(i);
  return out;
}

/** The rows the view shows, in their original order. */
export function applyFilters(rows: readonly RegisterRow[], f: RegisterFilters, index: readonly string[] = buildSearchIndex(rows)): RegisterRow[] {
  const test = compileFilter(f, index);
  if (!test) return rows.slice();
  const out: RegisterRow[] = [];
  for (let i = 0; i < rows.length; i++) if (test(rows[i]!, i)) out.push(rows[i]!);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Options for the filter menus (derived once per load)

export interface OfficerOption {
  id: number;
  name: string;
}

export interface RegisterSummary {
  open: number;
  closed: number;
  /** Lead officers who have at least one case, by name. */
  officers: OfficerOption[];
  /** Schools named on at least one case, alphabetical. */
  schools: string[];
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function summarise(rows: readonly RegisterRow[]): RegisterSummary {
  let open = 0;
  const officers = new Map<number, string>();
  const schools = new Set<string>();
  for (const r of rows) {
    if (r.status !== 'closed') open++;
    if (r.leadOfficerId !== null && !officers.has(r.leadOfficerId)) officers.set(r.leadOfficerId, r.leadOfficerName ?? `Officer ${r.leadOfficerId}`);
    if (r.school !== null && r.school.trim() !== '') schools.add(r.school);
  }
  return summaryOf(open, rows.length - open, officers, schools);
}

/** A summary from counts and the distinct officers and schools (the service reads these in SQL). */
export function summaryOf(open: number, closed: number, officers: Iterable<readonly [number, string]>, schools: Iterable<string>): RegisterSummary {
  return {
    open,
    closed,
    officers: [...officers].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id),
    schools: [...new Set(schools)].sort(collator.compare),
  };
}

/**
 * The filters with any officer or school that no longer appears in the rows reset to "All"
 * (a remembered choice must not silently hide every case). Returns `f` itself when nothing changed.
 */
export function reconcileFilters<F extends RegisterFilters>(f: F, s: RegisterSummary): F {
  const officerGone = typeof f.officer === 'number' && !s.officers.some((o) => o.id === f.officer);
  const schoolGone = f.school !== null && !s.schools.includes(f.school);
  if (!officerGone && !schoolGone) return f;
  return { ...f, ...(officerGone ? { officer: 'all' } : {}), ...(schoolGone ? { school: null } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Sorting. Each column sorts by a key computed once per row per load (strings lower-cased and
// normalised, so they compare with < and >). An undefined key means "no value" and always sorts
// last, whichever the direction. Ties keep the register's own order (most recently notified first).

export type SortKey = string | number | undefined;

const RAG_RANK: Record<string, number> = { red: 3, amber: 2, green: 1 };
/** Red > amber > green > not rated. */
export const ragRank = (r: RegisterRow): number => (r.rag ? (RAG_RANK[r.rag] ?? 0) : 0);

/** Case life order: referred, checks, at panel, closed. */
export const statusRank = (r: RegisterRow): number => CASE_STATUSES.findIndex((s) => s.code === r.status);

/** Register, year, then sequence as a number (CME-2026-0042 before CME-2026-10000). */
export function referenceKey(r: RegisterRow): string {
  const p = parseCaseReference(r.reference);
  if (!p) return r.reference.toLowerCase();
  return `${p.register}-${p.year}-${String(p.seq).padStart(12, '0')}`;
}

export const childKey = (r: RegisterRow): string => normaliseText(`${r.surname} ${r.forenames}`);

export const textKey = (s: string | null): string | undefined => (s === null || s.trim() === '' ? undefined : normaliseText(s));

/** Due for panel weighs most, then long-term, end of CSA, then the number of concerns. */
export const clocksRank = (r: RegisterRow): number =>
  (r.dueForPanel ? 1000 : 0) + (r.longTerm ? 100 : 0) + (r.endOfCsaReached ? 10 : 0) + Math.min(r.concerns, 9);

export const closureReasonKey = (r: RegisterRow): string | undefined =>
  r.closureReason ? normaliseText(labelOf(CLOSURE_REASONS, r.closureReason)) : undefined;

/** Age ascending = youngest first = latest date of birth first. */
export const ageKey = (r: RegisterRow): number => -Number(r.dateOfBirth.replaceAll('-', ''));

export const SORT_KEYS: Readonly<Record<ColumnId, (r: RegisterRow) => SortKey>> = {
  reference: referenceKey,
  child: childKey,
  ageYear: ageKey,
  register: (r) => r.register,
  status: statusRank,
  rag: ragRank,
  leadOfficer: (r) => textKey(r.leadOfficerName),
  school: (r) => textKey(r.school),
  dateNotified: (r) => r.dateNotified,
  daysOpen: (r) => r.daysOpen,
  clocks: clocksRank,
  flags: (r) => r.flags.length,
  upn: (r) => textKey(r.upn),
  dateOfBirth: (r) => r.dateOfBirth,
  closedOn: (r) => r.closedOn ?? undefined,
  closureReason: closureReasonKey,
};

/**
 * First click on a header: descending where the "most" end matters most (red RAG, longest open,
 * most urgent clocks, most flags, most recent dates); ascending (A–Z, youngest, case-life order)
 * elsewhere.
 */
export const SORT_DESC_FIRST: ReadonlySet<ColumnId> = new Set<ColumnId>(['rag', 'dateNotified', 'daysOpen', 'clocks', 'flags', 'closedOn']);

export interface SortSpec {
  id: ColumnId;
  desc: boolean;
}

/** Sorts positions in `rows`; key arrays are computed on first use and kept for the load. */
export class RegisterSorter {
  private readonly keys = new Map<ColumnId, SortKey[]>();
  private readonly rows: readonly RegisterRow[];
  constructor(rows: readonly RegisterRow[]) {
    this.rows = rows;
  }

  keysFor(id: ColumnId): SortKey[] {
    let k = this.keys.get(id);
    if (!k) {
      const fn = SORT_KEYS[id];
      k = new Array<SortKey>(this.rows.length);
      for (let i = 0; i < this.rows.length; i++) k[i] = fn(this.rows[i]!);
      this.keys.set(id, k);
    }
    return k;
  }

  /** A sorted copy of `indices` (positions in the rows); unchanged order when `sorting` is empty. */
  sort(indices: readonly number[], sorting: readonly SortSpec[]): number[] {
    const out = indices.slice();
    if (sorting.length === 0) return out;
    const specs = sorting.map((s) => ({ keys: this.keysFor(s.id), dir: s.desc ? -1 : 1 }));
    out.sort((a, b) => {
      for (const { keys, dir } of specs) {
        const ka = keys[a];
        const kb = keys[b];
        if (ka === kb) continue;
        if (ka === undefined) return 1;
        if (kb === undefined) return -1;
        return ka < kb ? -dir : dir;
      }
      return a - b;
    });
    return out;
  }
}

/** The rows in view order: filtered, then sorted. Convenience for tests and small lists. */
export function sortRows(rows: readonly RegisterRow[], sorting: readonly SortSpec[]): RegisterRow[] {
  const sorter = new RegisterSorter(rows);
  return sorter.sort(rows.map((_r, i) => i), sorting).map((i) => rows[i]!);
}
