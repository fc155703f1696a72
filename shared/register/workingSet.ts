/**
 * The register screen's working set (issue 12): every row of one status scope (the open cases),
 * held in the page so a keystroke, a sort click or a filter select is answered synchronously,
 * with the same functions the host pages with (compileFilter, searchText, RegisterSorter), over
 * rows in the same order — so a view's rows are the host's by construction.
 *
 * - The search text of each row is built in slices (indexSome, from idle time) and finished at
 *   once if a search comes first.
 * - Typing narrows: when only the search changed and the new one extends the old, only the rows
 *   the old search kept are tested again.
 * - Each view's filtered rows and sorted order are kept (a few dozen views), so going back to an
 *   earlier search or sort costs nothing.
 */
import type { RegisterRow } from '../api/schemas';
import { RegisterSorter, compileFilter, searchNarrows, searchText, type SortSpec } from './filters';
import { DEFAULT_FILTERS, type ColumnId, type RegisterFilters, type StatusChoice } from './query';

export interface WorkingSetQuery extends RegisterFilters {
  sorting: SortSpec[];
}

/** True when a view's status choice is answered from the open cases (any status but closed). */
export const openScopeCovers = (status: StatusChoice): boolean => status !== 'all' && status !== 'closed';

const FILTER_KEYS = Object.keys(DEFAULT_FILTERS) as (keyof RegisterFilters)[];
const filtersKey = (q: RegisterFilters) => JSON.stringify(FILTER_KEYS.map((k) => q[k]));
const sameButSearch = (a: RegisterFilters, b: RegisterFilters) => FILTER_KEYS.every((k) => k === 'search' || a[k] === b[k]);

const MAX_FILTERED = 32;
const MAX_ORDERS = 24;

function remember<V>(m: Map<string, V>, key: string, value: V, max: number): void {
  m.delete(key);
  m.set(key, value);
  if (m.size > max) m.delete(m.keys().next().value as string);
}

export class RegisterWorkingSet {
  private readonly index: string[];
  private indexed = 0;
  private readonly sorter: RegisterSorter;
  private readonly filtered = new Map<string, number[]>();
  private readonly orders = new Map<string, number[]>();
  /** The last view filtered, for narrowing as the officer types. */
  private last: { filters: RegisterFilters; indices: number[] } | null = null;

  constructor(readonly rows: readonly RegisterRow[]) {
    this.index = new Array<string>(rows.length);
    this.sorter = new RegisterSorter(rows);
  }

  get indexReady(): boolean {
    return this.indexed >= this.rows.length;
  }

  /** Builds the search text of up to `count` more rows; true once every row has it. */
  indexSome(count: number): boolean {
    const end = Math.min(this.rows.length, this.indexed + count);
    for (let i = this.indexed; i < end; i++) this.index[i] = searchText(this.rows[i]!);
    this.indexed = end;
    return this.indexReady;
  }

  /** Computes a column's sort keys ahead of its first sort click (from idle time). */
  prepareSort(id: ColumnId): void {
    this.sorter.keysFor(id);
  }

  /** Positions (in rows) of the view's rows, in view order. */
  order(q: WorkingSetQuery): readonly number[] {
    const key = `${filtersKey(q)}|${JSON.stringify(q.sorting)}`;
    const hit = this.orders.get(key);
    if (hit) return hit;
    const order = this.sorter.sort(this.filter(q), q.sorting);
    remember(this.orders, key, order, MAX_ORDERS);
    return order;
  }

  /** Positions of the rows the filters keep, in the rows' own order. */
  private filter(q: RegisterFilters): number[] {
    const key = filtersKey(q);
    let indices = this.filtered.get(key);
    if (!indices) {
      if (q.search.trim() !== '') this.indexSome(Infinity);
      const test = compileFilter(q, this.index);
      const last = this.last;
      const from = last && sameButSearch(last.filters, q) && searchNarrows(last.filters.search, q.search) ? last.indices : null;
      indices = [];
      if (from) {
        for (const i of from) if (!test || test(this.rows[i]!, i)) indices.push(i);
      } else {
        for (let i = 0; i < this.rows.length; i++) if (!test || test(this.rows[i]!, i)) indices.push(i);
      }
      remember(this.filtered, key, indices, MAX_FILTERED);
    }
    this.last = { filters: pickFilters(q), indices };
    return indices;
  }
}

const pickFilters = (q: RegisterFilters): RegisterFilters => Object.fromEntries(FILTER_KEYS.map((k) => [k, q[k]])) as unknown as RegisterFilters;
