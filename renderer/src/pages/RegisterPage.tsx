import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCan } from '../data/session';
import { localStore } from '../lib/storage';
import { getCoreRowModel, useReactTable, type SortingState, type Updater, type VisibilityState } from '@tanstack/react-table';
import type { RegisterRow } from '../../../shared/api/schemas';
import type { RegisterQuery } from '../../../shared/api/register';
import { call } from '../api/client';
import { useRegisterWindow } from '../data/registerWindow';
import { ErrorBanner } from '../components/Banner';
import { downloadText } from '../lib/download';
import { REGISTER_COLUMNS } from './register/columns';
import { reconcileFilters } from '../../../shared/register/filters';
import { COLUMN_IDS, clearFilters, filtersDiffer, isColumnId, loadView, saveView, type RegisterView, type SortEntry } from './register/view';
import { registerCsv, registerCsvFileName } from './register/csv';
import { RegisterExportDialog } from './register/ExportDialog';
import { useToday } from '../data/today';
import './RegisterPage.css';
import { Toolbar } from './register/Toolbar';
import { RegisterTable } from './register/RegisterTable';

const EMPTY: RegisterRow[] = [];

const n = (x: number) => x.toLocaleString('en-GB');

/** How long the view waits, once the officer stops changing it, before it is written to storage. */
const SAVE_VIEW_AFTER_MS = 400;

/**
 * The view (filters, search, sorting, columns), remembered in localStorage between launches —
 * written once the officer pauses and when the page closes, not on every keystroke (a synchronous
 * storage write costs a frame's worth of time).
 */
function useRegisterView() {
  const [view, setView] = useState<RegisterView>(() => loadView(localStore()));
  const latest = useRef(view);
  latest.current = view;
  useEffect(() => {
    const timer = setTimeout(() => saveView(localStore(), view), SAVE_VIEW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [view]);
  useEffect(() => {
    const flush = () => saveView(localStore(), latest.current);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
  return [view, setView] as const;
}


const applyUpdater = <T,>(u: Updater<T>, prev: T): T => (typeof u === 'function' ? (u as (p: T) => T)(prev) : u);

export function RegisterPage() {
  const [view, setView] = useRegisterView();
  const canRefer = useCan()('referrals.create');
  const { search, register, status, rag, officer, school, flag, movement, dueForPanel, longTerm, endOfCsa, sorting } = view;
  // What the server is asked for: the view without its column choices (issue 12: the server
  // filters, searches and sorts, and sends the rows on screen).
  const query: RegisterQuery = useMemo(
    () => ({ search, register, status, rag, officer, school, flag, movement, dueForPanel, longTerm, endOfCsa, sorting }),
    [search, register, status, rag, officer, school, flag, movement, dueForPanel, longTerm, endOfCsa, sorting],
  );
  const today = useToday();
  const list = useRegisterWindow(query, today);
  const summary = list.summary;
  const total = list.total ?? 0;

  // A remembered officer or school that no longer has cases would hide everything: reset it.
  useEffect(() => {
    if (summary) setView((v) => reconcileFilters(v, summary));
  }, [summary, setView]);

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

  // The table owns the columns, sorting and visibility state; the rows come a window at a time
  // from the server, and row objects are made only for rows on screen.
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

  // Export: every matching row (not only those loaded), in the order shown, with the visible
  // columns — after a confirmation, because the file holds children's personal data.
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const visibleColumns = table.getVisibleLeafColumns().map((c) => c.id).filter(isColumnId);
  const exportName = registerCsvFileName(view, today);
  const onExport = async () => {
    setExporting(false);
    setExportError(null);
    try {
      const all = await call('register.matching', { query });
      downloadText(exportName, registerCsv(all.rows, visibleColumns));
    } catch (e) {
      setExportError(`The register could not be exported: ${(e as Error).message}`);
    }
  };

  const head = (
    <div className="page-head reg-head-bar">
      <h1>Register</h1>
      {summary && summary.open + summary.closed > 0 ? (
        <p className="reg-counts">
          {n(summary.open)} open {summary.open === 1 ? 'case' : 'cases'} · {n(summary.closed)} closed
          <span aria-live="polite"> · showing {n(total)}</span>
        </p>
      ) : null}
      {/* The rows on screen are an earlier view's, or from before a change: say so until the new ones come. */}
      {summary && list.stale ? <span className="reg-updating muted" role="status">Updating…</span> : null}
      <span className="spacer" />
      {canRefer ? <a className="button primary" href="#/referral">New referral</a> : null}
    </div>
  );

  if (!summary) {
    return (
      <div className="reg-page">
        {head}
        {list.error ? (
          <>
            <ErrorBanner message={`The register could not be loaded: ${list.error}`} />
            <p>
              <button type="button" onClick={() => list.reload()}>Try again</button>
            </p>
          </>
        ) : (
          <p className="reg-loading" aria-busy="true" role="status">Loading the register…</p>
        )}
      </div>
    );
  }

  return (
    <div className="reg-page" data-rows={list.mode}>
      {head}
      <ErrorBanner message={list.error ? `The register could not be refreshed: ${list.error}` : exportError} />
      {summary.open + summary.closed === 0 ? (
        <div className="card reg-empty">
          <h2>No cases on the register yet</h2>
          <p>When a child is referred, their case appears here.</p>
          {canRefer ? <a className="button primary" href="#/referral">New referral</a> : null}
        </div>
      ) : (
        <>
          <Toolbar view={view} set={set} summary={summary} filtering={filtering} onClear={onClear} clearCount={clearCount} nothingShown={total === 0} table={table} onExport={() => setExporting(true)} />
          {total === 0 ? (
            <div className="card reg-empty" role="status">
              <h2>No cases match these filters</h2>
              <p>{view.search.trim() ? `Nothing matches “${view.search.trim()}” with the filters chosen.` : 'Try fewer filters, or clear them to see the whole register.'}</p>
              <button type="button" onClick={onClear}>Clear filters</button>
            </div>
          ) : (
            <RegisterTable table={table} count={total} rowAt={list.rowAt} ensure={list.ensure} busy={list.stale} scrollKey={JSON.stringify(query)} />
          )}
          <RegisterExportDialog open={exporting} count={total} columns={visibleColumns} fileName={exportName} onClose={() => setExporting(false)} onExport={() => void onExport()} />
        </>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Toolbar
