import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { localStore } from '../lib/storage';
import { getCoreRowModel, useReactTable, type SortingState, type Updater, type VisibilityState } from '@tanstack/react-table';
import type { RegisterRow } from '../../../shared/api/schemas';
import { useRegister } from '../data/hooks';
import { ErrorBanner } from '../components/Banner';
import { downloadText } from '../lib/download';
import { REGISTER_COLUMNS } from './register/columns';
import { RegisterSorter, buildSearchIndex, compileFilter, filterIndices, reconcileFilters, summarise } from './register/filters';
import { COLUMN_IDS, clearFilters, filtersDiffer, isColumnId, loadView, saveView, type RegisterView, type SortEntry } from './register/view';
import { registerCsv, registerCsvFileName } from './register/csv';
import { RegisterExportDialog } from './register/ExportDialog';
import { useToday } from '../data/today';
import './RegisterPage.css';
import { Toolbar } from './register/Toolbar';
import { RegisterTable } from './register/RegisterTable';

const EMPTY: RegisterRow[] = [];
const EMPTY_INDEX: string[] = [];

const n = (x: number) => x.toLocaleString('en-GB');

/** The view (filters, search, sorting, columns), remembered in localStorage between launches. */
function useRegisterView() {
  const [view, setView] = useState<RegisterView>(() => loadView(localStore()));
  useEffect(() => saveView(localStore(), view), [view]);
  return [view, setView] as const;
}


const applyUpdater = <T,>(u: Updater<T>, prev: T): T => (typeof u === 'function' ? (u as (p: T) => T)(prev) : u);

export function RegisterPage() {
  const list = useRegister();
  const rows = list.data ?? EMPTY;
  const [view, setView] = useRegisterView();

  // Derived once per load: counts and menu options, the sort keys (per column, on first use) and
  // the normalised search text of every row (built just after the first paint, or on the first
  // search if that comes sooner: ~150 ms at 50,000 rows, so it is kept off the first render).
  const summary = useMemo(() => summarise(rows), [rows]);
  const sorter = useMemo(() => new RegisterSorter(rows), [rows]);
  const searchIndexRef = useRef<{ rows: readonly RegisterRow[]; index: string[] } | null>(null);
  const searchIndexFor = useCallback((of: readonly RegisterRow[]) => {
    if (searchIndexRef.current?.rows !== of) searchIndexRef.current = { rows: of, index: buildSearchIndex(of) };
    return searchIndexRef.current.index;
  }, []);
  useEffect(() => {
    if (rows.length === 0) return;
    const t = window.setTimeout(() => searchIndexFor(rows), 300);
    return () => window.clearTimeout(t);
  }, [rows, searchIndexFor]);

  // A remembered officer or school that no longer has cases would hide everything: reset it.
  useEffect(() => {
    if (list.data) setView((v) => reconcileFilters(v, summary));
  }, [list.data, summary, setView]);

  const { search, register, status, rag, officer, school, flag, movement, dueForPanel, longTerm, endOfCsa } = view;
  const predicate = useMemo(
    () => compileFilter({ search, register, status, rag, officer, school, flag, movement, dueForPanel, longTerm, endOfCsa }, search.trim() ? searchIndexFor(rows) : EMPTY_INDEX),
    [search, register, status, rag, officer, school, flag, movement, dueForPanel, longTerm, endOfCsa, rows, searchIndexFor],
  );

  const onSortingChange = useCallback(
    (u: Updater<SortingState>) =>
      setView((v) => {
        const next = applyUpdater(u, v.sorting as SortingState);
        const sorting: SortEntry[] = [];
        for (const s of next) if (isColumnId(s.id)) sorting.push({ id: s.id, desc: s.desc });
        return { ...v, sorting };
      }),
    [setView],
  );
  const onColumnVisibilityChange = useCallback(
    (u: Updater<VisibilityState>) =>
      setView((v) => {
        const next = applyUpdater(u, v.columns as VisibilityState);
        const columns = { ...v.columns };
        for (const id of COLUMN_IDS) if (typeof next[id] === 'boolean') columns[id] = next[id];
        columns.reference = true;
        return { ...v, columns };
      }),
    [setView],
  );

  // Filtering and sorting work on positions in `rows` (filters.ts): at 50,000 rows TanStack's own
  // row models take seconds to build and sort, these take milliseconds. The table still owns the
  // columns, sorting and visibility state; row objects are made only for rows on screen.
  const filtered = useMemo(() => filterIndices(rows, predicate), [rows, predicate]);
  const ordered = useMemo(() => sorter.sort(filtered, view.sorting), [sorter, filtered, view.sorting]);

  const table = useReactTable<RegisterRow>({
    data: EMPTY,
    columns: REGISTER_COLUMNS,
    state: { sorting: view.sorting, columnVisibility: view.columns },
    onSortingChange,
    onColumnVisibilityChange,
    manualSorting: true,
    manualFiltering: true,
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
  });

  const filtering = filtersDiffer(view);
  // Bumped by Clear filters so the search box drops text it has not handed over yet.
  const [clearCount, setClearCount] = useState(0);
  const onClear = useCallback(() => {
    setView(clearFilters);
    setClearCount((c) => c + 1);
  }, [setView]);
  const set = useCallback(<K extends keyof RegisterView>(k: K, value: RegisterView[K]) => setView((v) => ({ ...v, [k]: value })), [setView]);

  // Export: the rows shown, in the order shown, with the visible columns — after a confirmation,
  // because the file holds children's personal data.
  const today = useToday();
  const [exporting, setExporting] = useState(false);
  const visibleColumns = table.getVisibleLeafColumns().map((c) => c.id).filter(isColumnId);
  const exportName = registerCsvFileName(view, today);
  const onExport = () => {
    setExporting(false);
    downloadText(exportName, registerCsv(ordered.map((i) => rows[i]!), visibleColumns));
  };

  const head = (
    <div className="page-head reg-head-bar">
      <h1>Register</h1>
      {list.data && rows.length > 0 ? (
        <p className="reg-counts">
          {n(summary.open)} open {summary.open === 1 ? 'case' : 'cases'} · {n(summary.closed)} closed
          <span aria-live="polite"> · showing {n(ordered.length)}</span>
        </p>
      ) : null}
      <span className="spacer" />
      <a className="button primary" href="#/referral">New referral</a>
    </div>
  );

  if (!list.data) {
    return (
      <div className="reg-page">
        {head}
        {list.error ? (
          <>
            <ErrorBanner message={`The register could not be loaded: ${list.error}`} />
            <p>
              <button type="button" onClick={() => void list.reload()}>Try again</button>
            </p>
          </>
        ) : (
          <p className="reg-loading" aria-busy="true" role="status">Loading the register…</p>
        )}
      </div>
    );
  }

  return (
    <div className="reg-page">
      {head}
      <ErrorBanner message={list.error ? `The register could not be refreshed: ${list.error}` : null} />
      {rows.length === 0 ? (
        <div className="card reg-empty">
          <h2>No cases on the register yet</h2>
          <p>When a child is referred, their case appears here.</p>
          <a className="button primary" href="#/referral">New referral</a>
        </div>
      ) : (
        <>
          <Toolbar view={view} set={set} summary={summary} filtering={filtering} onClear={onClear} clearCount={clearCount} nothingShown={ordered.length === 0} table={table} onExport={() => setExporting(true)} />
          {ordered.length === 0 ? (
            <div className="card reg-empty" role="status">
              <h2>No cases match these filters</h2>
              <p>{view.search.trim() ? `Nothing matches “${view.search.trim()}” with the filters chosen.` : 'Try fewer filters, or clear them to see the whole register.'}</p>
              <button type="button" onClick={onClear}>Clear filters</button>
            </div>
          ) : (
            <RegisterTable table={table} rows={rows} order={ordered} scrollKey={JSON.stringify([view.sorting, search, register, status, rag, officer, school, flag, movement, dueForPanel, longTerm, endOfCsa])} />
          )}
          <RegisterExportDialog open={exporting} count={ordered.length} columns={visibleColumns} fileName={exportName} onClose={() => setExporting(false)} onExport={onExport} />
        </>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Toolbar
