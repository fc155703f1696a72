import { memo, useCallback, useLayoutEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { createRow, flexRender, type Row, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RegisterRow } from '../../../../shared/api/schemas';
import { navigate } from '../../lib/router';
import { COLUMN_LAYOUT } from './columns';
import { type ColumnId } from './view';

const ariaSort = (s: false | 'asc' | 'desc') => (s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none');

const ROW_HEIGHT = 52;
const HEAD_HEIGHT = 40;

/** Where the list was scrolled to, so coming back from a case lands in the same place. */
let rememberedScroll: { key: string; top: number } | null = null;

export function RegisterTable({
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
  // rows and table are not read here: a change to either starts an empty cache.
  const rowCache = useMemo(() => new Map<number, Row<RegisterRow>>(), [rows, table]); // eslint-disable-line react-hooks/exhaustive-deps
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
