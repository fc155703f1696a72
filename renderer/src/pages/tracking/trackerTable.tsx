import type { Dispatch, SetStateAction } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row, type SortingState, type Table, type Updater } from '@tanstack/react-table';

/**
 * The tracking tables (actions, escalations) filter and sort their rows themselves, with the pure
 * rules in ./actions.ts and ./escalations.ts: TanStack only lays the columns out and keeps which
 * column sorts which way, one at a time.
 */
export function useTrackerTable<T extends { id: number }>(
  data: T[],
  columns: ColumnDef<T, unknown>[],
  sorting: SortingState,
  setSorting: Dispatch<SetStateAction<SortingState>>,
): Table<T> {
  return useReactTable<T>({
    data,
    columns,
    state: { sorting },
    onSortingChange: (u: Updater<SortingState>) => setSorting((prev) => (typeof u === 'function' ? u(prev) : u)),
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    getRowId: (r) => String(r.id),
    getCoreRowModel: getCoreRowModel(),
  });
}

/** A row's cells, each classed by its column (trk-c-<id>) for the column widths in tracking.css. */
export function TrackerCells<T>({ row }: { row: Row<T> }) {
  return (
    <>
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={`trk-c-${cell.column.id}`}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
      ))}
    </>
  );
}
