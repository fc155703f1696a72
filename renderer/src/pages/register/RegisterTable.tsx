import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { createRow, flexRender, type Row, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RegisterRow } from '../../../../shared/api/schemas';
import { navigate } from '../../lib/router';
import { COLUMN_LAYOUT } from './columns';
import { type ColumnId } from './view';

const ariaSort = (s: false | 'asc' | 'desc') => (s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none');

const ROW_HEIGHT = 52;
const HEAD_HEIGHT = 40;
const OVERSCAN = 4;

/** Where the list was scrolled to, so coming back from a case lands in the same place. */
let rememberedScroll: { key: string; top: number } | null = null;

export function RegisterTable({
  table,
  count,
  rowAt: originalAt,
  ensure,
  busy,
  scrollKey,
}: {
  table: Table<RegisterRow>;
  /** How many rows the view has (most are not loaded). */
  count: number;
  /** The row at a position in view order, or undefined while it is on its way from the server. */
  rowAt: (index: number) => RegisterRow | undefined;
  /** Asks for the rows at positions first..last (those on screen and just beyond). */
  ensure: (first: number, last: number) => void;
  /** The rows shown belong to the previous view; the new one is on its way. */
  busy: boolean;
  scrollKey: string;
}) {
  // TanStack row objects, made on demand for the rows on screen and kept while the same row
  // object is shown (a reply with fresh rows brings new objects, and so new row objects).
  // table is not read here: a new table starts an empty cache.
  const rowCache = useMemo(() => new WeakMap<RegisterRow, Row<RegisterRow>>(), [table]); // eslint-disable-line react-hooks/exhaustive-deps
  const rowAt = (i: number): Row<RegisterRow> | undefined => {
    const original = originalAt(i);
    if (!original) return undefined;
    let row = rowCache.get(original);
    if (!row) {
      row = createRow(table, String(original.caseId), original, i, 0);
      rowCache.set(original, row);
    }
    return row;
  };

  // The frame that answers a keystroke, sort or filter draws only the rows on screen; the few beyond
  // it (drawn so fast scrolling never shows a gap) follow once that frame is painted. Laying out each
  // row costs about 0.35 ms on a slow machine, and the overscan was a third of them.
  const [settledKey, setSettledKey] = useState(scrollKey);
  const settled = settledKey === scrollKey;
  useEffect(() => {
    if (settled) return;
    let timer = 0;
    // rAF runs just before the frame's paint; the timer fires after it.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setSettledKey(scrollKey), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [settled, scrollKey]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the screen for smooth scrolling, once the view has settled (above).
    overscan: settled ? OVERSCAN : 0,
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
  // Where the list is scrolled to is kept from scroll events, never read here: reading scrollTop
  // after a keystroke's DOM changes forces a synchronous layout of the page in the same frame.
  const firstKey = useRef(true);
  const scrolledTo = useRef(0);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (firstKey.current) {
      firstKey.current = false;
      if (rememberedScroll?.key === scrollKey) el.scrollTop = scrolledTo.current = rememberedScroll.top;
      return;
    }
    if (scrolledTo.current !== 0) el.scrollTop = scrolledTo.current = 0;
  }, [scrollKey]);
  const onScroll = () => {
    if (!scrollRef.current) return;
    scrolledTo.current = scrollRef.current.scrollTop;
    rememberedScroll = { key: scrollKey, top: scrolledTo.current };
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
      : e.key === 'End' && e.ctrlKey ? count - 1
      : null;
    if (to === null) return;
    e.preventDefault();
    const target = Math.max(0, Math.min(count - 1, to));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    focusRow(target);
  };

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const sorting = table.getState().sorting;
  const items = virtualizer.getVirtualItems();
  // Ask for the rows on screen (and the overscan) whenever the range or the loaded rows change.
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) ensure(first, last);
  }, [first, last, ensure, originalAt]);

  return (
    <div className="reg-scroll" ref={scrollRef} onScroll={onScroll} onKeyDown={onKeyDown}>
      <div className="reg-table" role="table" aria-label="Cases" aria-busy={busy} aria-rowcount={count + 1} aria-colcount={visible.length} style={gridStyle}>
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
            const row = rowAt(item.index);
            return row ? (
              <BodyRow key={item.index} row={row} index={item.index} top={item.start - HEAD_HEIGHT} columnsKey={columnsKey} />
            ) : (
              <div key={`loading-${item.index}`} role="row" aria-rowindex={item.index + 2} className="reg-row reg-body-row reg-loading-row" style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)` }}>
                <div role="cell" className="reg-cell muted">Loading…</div>
              </div>
            );
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
