/**
 * The register's "view": what the officer has chosen to see (filters, search, sorting, columns).
 * Remembered between launches in localStorage under VIEW_STORAGE_KEY. Everything read back is
 * validated field by field; anything unrecognised falls back to the default for that field, and a
 * value that is not JSON (or not an object) is ignored altogether.
 *
 * Pure: no React, no DOM (the storage helpers take the Storage as an argument).
 */
import { readText, storageKey, writeText, type KeyValueStore } from '../../lib/storage';
import { CASE_STATUSES, CHILD_FLAGS, RAGS, REGISTERS, isCodeOf } from '../../../../shared/domain/vocab';
import { COLUMN_IDS, DEFAULT_FILTERS, isColumnId, isMovementChoice, type ColumnId, type RegisterFilters, type SortEntry } from '../../../../shared/register/query';

export * from '../../../../shared/register/query';

export const VIEW_STORAGE_KEY = storageKey('registerView.v1');

/** Shown in the column menu and as header text. */
export const COLUMN_LABELS: Readonly<Record<ColumnId, string>> = {
  reference: 'Reference',
  child: 'Child',
  ageYear: 'Age / year',
  register: 'Register',
  status: 'Status',
  rag: 'RAG',
  leadOfficer: 'Lead officer',
  school: 'School',
  dateNotified: 'Notified',
  daysOpen: 'Days open',
  clocks: 'Clocks',
  flags: 'Flags',
  upn: 'UPN',
  dateOfBirth: 'Date of birth',
  closedOn: 'Closed on',
  closureReason: 'Closure reason',
};

/** The Reference column holds the link that opens a case, so it cannot be hidden. */
export const ALWAYS_VISIBLE: ReadonlySet<ColumnId> = new Set(['reference']);

export const DEFAULT_COLUMN_VISIBILITY: Readonly<Record<ColumnId, boolean>> = Object.fromEntries(
  COLUMN_IDS.map((id) => [id, !['upn', 'dateOfBirth', 'closedOn', 'closureReason'].includes(id)]),
) as Record<ColumnId, boolean>;

export interface RegisterView extends RegisterFilters {
  sorting: SortEntry[];
  columns: Record<ColumnId, boolean>;
}

export function defaultView(): RegisterView {
  return { ...DEFAULT_FILTERS, sorting: [], columns: { ...DEFAULT_COLUMN_VISIBILITY } };
}

/** True when any filter (search included) differs from the defaults. */
export function filtersDiffer(v: RegisterFilters): boolean {
  return (Object.keys(DEFAULT_FILTERS) as (keyof RegisterFilters)[]).some((k) => v[k] !== DEFAULT_FILTERS[k]);
}

/** The view with every filter back to its default; sorting and columns are kept. */
export function clearFilters(v: RegisterView): RegisterView {
  return { ...v, ...DEFAULT_FILTERS };
}

const MAX_SEARCH = 200;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function pick<T>(ok: boolean, value: unknown, fallback: T): T {
  return ok ? (value as T) : fallback;
}

function parseSorting(x: unknown): SortEntry[] {
  if (!Array.isArray(x)) return [];
  const out: SortEntry[] = [];
  for (const s of x) {
    if (!isRecord(s) || !isColumnId(s.id) || typeof s.desc !== 'boolean') return [];
    if (out.some((o) => o.id === s.id)) return [];
    out.push({ id: s.id, desc: s.desc });
  }
  return out.slice(0, COLUMN_IDS.length);
}

function parseColumns(x: unknown): Record<ColumnId, boolean> {
  const out = { ...DEFAULT_COLUMN_VISIBILITY };
  if (!isRecord(x)) return out;
  for (const id of COLUMN_IDS) {
    const v = x[id];
    if (typeof v === 'boolean' && !ALWAYS_VISIBLE.has(id)) out[id] = v;
  }
  return out;
}

/** Validates a view read back from storage. Unknown or malformed fields get their defaults. */
export function parseView(raw: string | null | undefined): RegisterView {
  const d = defaultView();
  if (typeof raw !== 'string' || raw === '') return d;
  let x: unknown;
  try {
    x = JSON.parse(raw);
  } catch {
    return d;
  }
  if (!isRecord(x)) return d;
  const officer = x.officer;
  return {
    search: pick(typeof x.search === 'string' && x.search.length <= MAX_SEARCH, x.search, d.search),
    register: pick(x.register === 'all' || isCodeOf(REGISTERS, x.register), x.register, d.register),
    status: pick(x.status === 'open' || x.status === 'all' || isCodeOf(CASE_STATUSES, x.status), x.status, d.status),
    rag: pick(x.rag === 'all' || x.rag === 'none' || isCodeOf(RAGS, x.rag), x.rag, d.rag),
    officer: pick(officer === 'all' || officer === 'unallocated' || (typeof officer === 'number' && Number.isSafeInteger(officer) && officer > 0), officer, d.officer),
    school: pick(x.school === null || (typeof x.school === 'string' && x.school !== '' && x.school.length <= 300), x.school, d.school),
    flag: pick(x.flag === 'all' || isCodeOf(CHILD_FLAGS, x.flag), x.flag, d.flag),
    movement: pick(isMovementChoice(x.movement), x.movement, d.movement),
    dueForPanel: pick(typeof x.dueForPanel === 'boolean', x.dueForPanel, d.dueForPanel),
    longTerm: pick(typeof x.longTerm === 'boolean', x.longTerm, d.longTerm),
    endOfCsa: pick(typeof x.endOfCsa === 'boolean', x.endOfCsa, d.endOfCsa),
    sorting: parseSorting(x.sorting),
    columns: parseColumns(x.columns),
  };
}

export function serialiseView(v: RegisterView): string {
  const out: RegisterView = {
    search: v.search,
    register: v.register,
    status: v.status,
    rag: v.rag,
    officer: v.officer,
    school: v.school,
    flag: v.flag,
    movement: v.movement,
    dueForPanel: v.dueForPanel,
    longTerm: v.longTerm,
    endOfCsa: v.endOfCsa,
    sorting: v.sorting,
    columns: v.columns,
  };
  return JSON.stringify(out);
}

/** Reads the remembered view; storage that is missing, blocked or corrupt gives the default view. */
export function loadView(storage: Pick<KeyValueStore, 'getItem'> | null | undefined): RegisterView {
  try {
    return parseView(readText(storage, VIEW_STORAGE_KEY));
  } catch {
    return defaultView();
  }
}

/** Remembers the view; a full or blocked storage is not worth interrupting the officer for. */
export function saveView(storage: Pick<KeyValueStore, 'setItem'> | null | undefined, v: RegisterView): void {
  writeText(storage, VIEW_STORAGE_KEY, serialiseView(v));
}
