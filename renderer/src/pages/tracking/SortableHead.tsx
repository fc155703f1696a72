import { flexRender, type Table } from '@tanstack/react-table';

/** A table head whose columns sort by clicking (aria-sort kept); `plain` columns get a screen-reader label only. */
export function SortableHead<T>({ table, plain }: { table: Table<T>; plain: Record<string, string> }) {
  return (
    <thead>
      {table.getHeaderGroups().map((g) => (
        <tr key={g.id}>
          {g.headers.map((h) => {
            const id = h.column.id;
            const label = plain[id];
            if (label !== undefined) return <th key={h.id} className={`trk-c-${id}`}><span className="sr-only">{label}</span></th>;
            const dir = h.column.getIsSorted();
            return (
              <th key={h.id} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'} className={`trk-c-${id}`}>
                <button type="button" className="trk-sort" onClick={h.column.getToggleSortingHandler()}>
                  {flexRender(h.column.columnDef.header, h.getContext())}
                  <span aria-hidden="true" className="trk-sort-icon">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
                </button>
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
