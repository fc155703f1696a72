import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { localStore } from '../lib/storage';
import {
  createRow,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type Row,
  type SortingState,
  type Table,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RegisterRow } from '../../../shared/api/schemas';
import { CASE_STATUSES, CHILD_FLAGS, RAGS } from '../../../shared/domain/vocab';
import { useRegister } from '../data/hooks';
import { navigate } from '../lib/router';
import { ErrorBanner } from '../components/Banner';
import { downloadText } from '../lib/download';
import { REGISTER_COLUMNS, COLUMN_LAYOUT } from './register/columns';
import { RegisterSorter, buildSearchIndex, compileFilter, filterIndices, reconcileFilters, summarise } from './register/filters';
import {
  COLUMN_IDS,
  COLUMN_LABELS,
  DEFAULT_COLUMN_VISIBILITY,
  clearFilters,
  filtersDiffer,
  isColumnId,
  loadView,
  saveView,
  MOVEMENT_CHOICES,
  type ColumnId,
  type MovementChoice,
  type OfficerChoice,
  type RagChoice,
  type RegisterChoice,
  type RegisterView,
  type SortEntry,
  type StatusChoice,
} from './register/view';
import { registerCsv, registerCsvFileName } from './register/csv';
import { RegisterExportDialog } from './register/ExportDialog';
import { useToday } from '../data/today';
import './RegisterPage.css';

const ROW_HEIGHT = 52;
const HEAD_HEIGHT = 40;
const SEARCH_DEBOUNCE_MS = 150;
const EMPTY: RegisterRow[] = [];
const EMPTY_INDEX: string[] = [];

const n = (x: number) => x.toLocaleString('en-GB');

/** The view (filters, search, sorting, columns), remembered in localStorage between launches. */
function useRegisterView() {
  const [view, setView] = useState<RegisterView>(() => loadView(localStore()));
  useEffect(() => saveView(localStore(), view), [view]);
  return [view, setView] as const;
}

/** Where the list was scrolled to, so coming back from a case lands in the same place. */
let rememberedScroll: { key: string; top: number } | null = null;

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

interface ToolbarProps {
  view: RegisterView;
  set: <K extends keyof RegisterView>(k: K, value: RegisterView[K]) => void;
  summary: ReturnType<typeof summarise>;
  filtering: boolean;
  onClear: () => void;
  clearCount: number;
  /** The "no cases match" message below has its own Clear filters button; one is enough. */
  nothingShown: boolean;
  table: Table<RegisterRow>;
  /** Asks to export the rows shown as CSV. */
  onExport: () => void;
}

function Toolbar({ view, set, summary, filtering, onClear, clearCount, nothingShown, table, onExport }: ToolbarProps) {
  const id = useId();
  const officerValue = typeof view.officer === 'number' ? `o:${view.officer}` : view.officer;
  const onSearch = useCallback((s: string) => set('search', s), [set]);
  return (
    <div className="reg-toolbar" role="search" aria-label="Filter the register">
      <div className="reg-filters">
        <SearchBox value={view.search} onCommit={onSearch} resetKey={clearCount} />
        <div className="field">
          <label htmlFor={`${id}-reg`}>Register</label>
          <select id={`${id}-reg`} value={view.register} onChange={(e) => set('register', e.target.value as RegisterChoice)}>
            <option value="all">All</option>
            <option value="CME">CME</option>
            <option value="PMOE">PMOE</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={view.status} onChange={(e) => set('status', e.target.value as StatusChoice)}>
            <option value="open">Open cases</option>
            <option value="all">All</option>
            {CASE_STATUSES.map((s) => (
              <option key={s.code} value={s.code}>{s.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-rag`}>RAG</label>
          <select id={`${id}-rag`} value={view.rag} onChange={(e) => set('rag', e.target.value as RagChoice)}>
            <option value="all">All</option>
            {RAGS.map((r) => (
              <option key={r.code} value={r.code}>{r.label}</option>
            ))}
            <option value="none">Not rated</option>
          </select>
        </div>
        <div className="field reg-wide">
          <label htmlFor={`${id}-officer`}>Lead officer</label>
          <select
            id={`${id}-officer`}
            value={officerValue}
            onChange={(e) => {
              const v = e.target.value;
              set('officer', (v === 'all' || v === 'unallocated' ? v : Number(v.slice(2))) as OfficerChoice);
            }}
          >
            <option value="all">All</option>
            <option value="unallocated">Unallocated</option>
            {summary.officers.map((o) => (
              <option key={o.id} value={`o:${o.id}`}>{o.name}</option>
            ))}
          </select>
        </div>
        <div className="field reg-wide">
          <label htmlFor={`${id}-school`}>School</label>
          <select id={`${id}-school`} value={view.school === null ? '' : `s:${view.school}`} onChange={(e) => set('school', e.target.value === '' ? null : e.target.value.slice(2))}>
            <option value="">All</option>
            {summary.schools.map((s) => (
              <option key={s} value={`s:${s}`}>{s}</option>
            ))}
          </select>
        </div>
        <div className="field reg-wide">
          <label htmlFor={`${id}-flag`}>Flag</label>
          <select id={`${id}-flag`} value={view.flag} onChange={(e) => set('flag', e.target.value as RegisterView['flag'])}>
            <option value="all">All</option>
            {CHILD_FLAGS.map((f) => (
              <option key={f.code} value={f.code}>{f.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-movement`}>RAG since last panel</label>
          <select id={`${id}-movement`} value={view.movement} onChange={(e) => set('movement', e.target.value as MovementChoice)}>
            {MOVEMENT_CHOICES.map((m) => (
              <option key={m.code} value={m.code}>{m.label}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="reg-toggles">
        <label className="reg-check">
          <input type="checkbox" checked={view.dueForPanel} onChange={(e) => set('dueForPanel', e.target.checked)} /> Due for panel only
        </label>
        <label className="reg-check">
          <input type="checkbox" checked={view.longTerm} onChange={(e) => set('longTerm', e.target.checked)} /> Long-term only
        </label>
        <label className="reg-check">
          <input type="checkbox" checked={view.endOfCsa} onChange={(e) => set('endOfCsa', e.target.checked)} /> End of CSA reached only
        </label>
        <span className="spacer" />
        {nothingShown ? null : (
          <button type="button" onClick={onClear} disabled={!filtering}>Clear filters</button>
        )}
        <ColumnMenu table={table} />
        <button type="button" onClick={onExport} disabled={nothingShown} title="The cases shown, with the visible columns, as a spreadsheet (CSV)">
          Export CSV
        </button>
      </div>
    </div>
  );
}

/** The search box keeps its own text and tells the page ~150 ms after typing stops (Enter: at once). */
function SearchBox({ value, onCommit, resetKey }: { value: string; onCommit: (s: string) => void; resetKey: number }) {
  const id = useId();
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  // Changed from outside (Clear filters, a restored view): show it, dropping anything pending.
  // Our own commits come back as `value` too; those must not undo what was typed since.
  const lastReset = useRef(resetKey);
  useEffect(() => {
    if (value === committed.current && resetKey === lastReset.current) return;
    lastReset.current = resetKey;
    committed.current = value;
    setText(value);
  }, [value, resetKey]);

  useEffect(() => {
    if (text === committed.current) return;
    const t = window.setTimeout(() => {
      committed.current = text;
      commitRef.current(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [text]);

  const commitNow = () => {
    if (text === committed.current) return;
    committed.current = text;
    commitRef.current(text);
  };

  return (
    <div className="field reg-search">
      <label htmlFor={id}>Search the register</label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        placeholder="Name, reference, UPN, date of birth or postcode"
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitNow();
        }}
      />
      <span id={`${id}-hint`} className="reg-sr-only">Matches every word you type, in any order.</span>
    </div>
  );
}

function ColumnMenu({ table }: { table: Table<RegisterRow> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pop = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    pop.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
    const onDown = (e: globalThis.MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof Node && !wrap.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  const hidden = table.getAllLeafColumns().filter((c) => !c.getIsVisible()).length;
  return (
    <div className="reg-colmenu" ref={wrap}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={open ? id : undefined} aria-haspopup="true" onClick={() => setOpen((o) => !o)}>
        Columns{hidden > 0 ? <span className="reg-hidden-count"> ({hidden} hidden)</span> : null} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div id={id} ref={pop} className="reg-colmenu-pop" role="group" aria-label="Columns to show">
          {table.getAllLeafColumns().map((c) => (
            <label key={c.id} className="reg-check">
              <input type="checkbox" checked={c.getIsVisible()} disabled={!c.getCanHide()} onChange={c.getToggleVisibilityHandler()} />
              {' '}
              {COLUMN_LABELS[c.id as ColumnId] ?? c.id}
            </label>
          ))}
          <div className="reg-colmenu-foot">
            <button type="button" className="link" onClick={() => table.setColumnVisibility({ ...DEFAULT_COLUMN_VISIBILITY })}>
              Default columns
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The virtualised table: divs with table roles, one CSS grid template shared by header and rows.

const ariaSort = (s: false | 'asc' | 'desc') => (s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none');

function RegisterTable({
  table,
  rows,
  order,
  scrollKey,
}: {
  table: Table<RegisterRow>;
  /** Every row of the register, as loaded. */
  rows: readonly RegisterRow[];
  /** Positions in `rows` to show, in display order. */
  order: readonly number[];
  scrollKey: string;
}) {
  // TanStack row objects, made on demand for the rows on screen and kept for the load.
  const rowCache = useMemo(() => new Map<number, Row<RegisterRow>>(), [rows, table]);
  const rowAt = (i: number): Row<RegisterRow> | undefined => {
    const original = rows[i];
    if (!original) return undefined;
    let row = rowCache.get(i);
    if (!row) {
      if (rowCache.size > 5000) rowCache.clear();
      row = createRow(table, String(original.caseId), original, i, 0);
      rowCache.set(i, row);
    }
    return row;
  };

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky header sits above the rows inside the scroll box.
    paddingStart: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });

  const visible = table.getVisibleLeafColumns();
  const columnsKey = visible.map((c) => c.id).join(',');
  const gridStyle = useMemo(() => {
    const ids = columnsKey.split(',') as ColumnId[];
    return {
      '--reg-cols': ids.map((c) => COLUMN_LAYOUT[c].track).join(' '),
      minWidth: `${ids.reduce((s, c) => s + COLUMN_LAYOUT[c].min, 0) + 4}px`,
    } as CSSProperties;
  }, [columnsKey]);

  // Back where we were after visiting a case; to the top whenever the filters or sorting change.
  const firstKey = useRef(true);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (firstKey.current) {
      firstKey.current = false;
      if (rememberedScroll?.key === scrollKey) el.scrollTop = rememberedScroll.top;
      return;
    }
    el.scrollTop = 0;
  }, [scrollKey]);
  const onScroll = () => {
    if (scrollRef.current) rememberedScroll = { key: scrollKey, top: scrollRef.current.scrollTop };
  };

  // Arrow keys move between rows (focus stays on the Reference link, so Enter opens).
  const pendingFocus = useRef<number | null>(null);
  const focusRow = useCallback((index: number) => {
    const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${index}"] a.reg-ref`);
    if (link) {
      link.focus({ preventScroll: true });
      pendingFocus.current = null;
    } else pendingFocus.current = index;
  }, []);
  useLayoutEffect(() => {
    if (pendingFocus.current !== null) focusRow(pendingFocus.current);
  });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!rowEl || e.altKey || e.metaKey) return;
    const at = Number(rowEl.dataset.index);
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEAD_HEIGHT) / ROW_HEIGHT) - 1);
    const to =
      e.key === 'ArrowDown' ? at + 1
      : e.key === 'ArrowUp' ? at - 1
      : e.key === 'PageDown' ? at + page
      : e.key === 'PageUp' ? at - page
      : e.key === 'Home' && e.ctrlKey ? 0
      : e.key === 'End' && e.ctrlKey ? order.length - 1
      : null;
    if (to === null) return;
    e.preventDefault();
    const target = Math.max(0, Math.min(order.length - 1, to));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    focusRow(target);
  };

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const sorting = table.getState().sorting;
  const items = virtualizer.getVirtualItems();

  return (
    <div className="reg-scroll" ref={scrollRef} onScroll={onScroll} onKeyDown={onKeyDown}>
      <div className="reg-table" role="table" aria-label="Cases" aria-rowcount={order.length + 1} aria-colcount={visible.length} style={gridStyle}>
        <div className="reg-thead" role="rowgroup">
          <div className="reg-row reg-head-row" role="row" aria-rowindex={1}>
            {headers.map((h) => {
              const id = h.column.id as ColumnId;
              const dir = h.column.getIsSorted();
              const order = sorting.length > 1 ? h.column.getSortIndex() : -1;
              return (
                <div key={h.id} role="columnheader" aria-sort={ariaSort(dir)} className={`reg-th ${COLUMN_LAYOUT[id].className ?? ''}`}>
                  <button type="button" className={`reg-sort${dir ? ' is-sorted' : ''}`} onClick={h.column.getToggleSortingHandler()} title={COLUMN_LAYOUT[id].title}>
                    <span className="reg-th-label">{flexRender(h.column.columnDef.header, h.getContext())}</span>
                    <span className="reg-sort-icon" aria-hidden="true">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
                    {order >= 0 ? <span className="reg-sort-order" aria-hidden="true">{order + 1}</span> : null}
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div className="reg-tbody" role="rowgroup" style={{ height: `${virtualizer.getTotalSize() - HEAD_HEIGHT}px` }}>
          {items.map((item) => {
            const row = rowAt(order[item.index] ?? -1);
            return row ? <BodyRow key={row.id} row={row} index={item.index} top={item.start - HEAD_HEIGHT} columnsKey={columnsKey} /> : null;
          })}
        </div>
      </div>
    </div>
  );
}

function openFromRow(e: MouseEvent<HTMLDivElement>, caseId: number) {
  if (e.defaultPrevented || e.button !== 0) return;
  if ((e.target as HTMLElement).closest('a, button, input, select, label')) return;
  if (window.getSelection()?.toString()) return; // selecting text to copy, not opening
  navigate({ page: 'case', id: caseId, tab: null });
}

const BodyRow = memo(function BodyRow({ row, index, top }: { row: Row<RegisterRow>; index: number; top: number; columnsKey: string }) {
  const r = row.original;
  const cls = `reg-row reg-body-row ${index % 2 ? 'is-odd' : 'is-even'} reg-rag-${r.rag ?? 'none'}${r.status === 'closed' ? ' is-closed' : ''}`;
  return (
    <div role="row" aria-rowindex={index + 2} data-index={index} className={cls} style={{ transform: `translateY(${top}px)` }} onClick={(e) => openFromRow(e, r.caseId)}>
      {row.getVisibleCells().map((cell) => {
        const layout = COLUMN_LAYOUT[cell.column.id as ColumnId];
        const content = flexRender(cell.column.columnDef.cell, cell.getContext());
        return (
          <div key={cell.column.id} role="cell" className={`reg-cell reg-c-${cell.column.id} ${layout.className ?? ''}`}>
            {layout.clamp ? <span className="reg-clamp" title={typeof content === 'string' ? content : undefined}>{content}</span> : content}
          </div>
        );
      })}
    </div>
  );
});
