/**
 * The column builder shared by the tracking tables (actions, escalations): each column's header is
 * its label, its accessor the sort key (the pages sort themselves, so this only tells TanStack the
 * column sorts, and which way first), and its cell renders from the row.
 */
import type { ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';

export function columnBuilder<Row, Id extends string>(
  labels: Readonly<Record<Id, string>>,
  sortKeys: Readonly<Record<Id, (row: Row) => unknown>>,
  descFirst: ReadonlySet<Id>,
): (id: Id, cell: (row: Row) => ReactNode) => ColumnDef<Row, unknown> {
  return (id, cell) => ({
    id,
    header: labels[id],
    accessorFn: sortKeys[id],
    sortDescFirst: descFirst.has(id),
    cell: (ctx) => cell(ctx.row.original),
  });
}
