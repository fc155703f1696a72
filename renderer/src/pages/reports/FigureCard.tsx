import { useEffect, useId, useState, type ReactNode } from 'react';
import { downloadText } from '../../lib/download';
import { isEmptyTable, tableCsv, type FigureTable } from './tables';

/** A table of a figure's numbers: the accessible form of its chart, and what the CSV holds. */
export function NumbersTable({ title, table }: { title: string; table: FigureTable }) {
  return (
    <div className="table-wrap rep-table-wrap">
      <table className="simple rep-table" aria-label={title}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'rep-num' : undefined}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">{cell}</th>
                ) : (
                  <td key={j} className={table.columns[j]?.numeric ? 'rep-num' : undefined}>{typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One figure: its title, what it counts, a chart (or, with "Table" pressed, the same numbers as a
 * table), and "Download CSV". An empty figure says so in words instead of drawing an empty axis.
 */
export function FigureCard({ title, scope, table, fileName, emptyText, allTables, wide, intro, children }: {
  title: string;
  scope: string;
  table: FigureTable;
  fileName: string;
  emptyText: string;
  /** The page-wide "tables instead of charts" choice; each card can still be switched on its own. */
  allTables: boolean;
  wide?: boolean;
  /** Words shown with the chart and the table alike (e.g. the median). */
  intro?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  const [asTable, setAsTable] = useState(allTables);
  useEffect(() => setAsTable(allTables), [allTables]);
  const empty = isEmptyTable(table);
  return (
    <section className={`card rep-card${wide ? ' rep-card-wide' : ''}`} aria-labelledby={`${id}-t`}>
      <header className="rep-card-head">
        <div>
          <h2 id={`${id}-t`}>{title}</h2>
          <p className="rep-scope">{scope}</p>
        </div>
        <div className="rep-card-tools">
          <button type="button" aria-pressed={asTable} disabled={empty} onClick={() => setAsTable(!asTable)} title={asTable ? 'Show the chart' : 'Show the numbers as a table'}>
            Table
          </button>
          <button type="button" disabled={empty} onClick={() => downloadText(fileName, tableCsv(table))}>
            Download CSV
          </button>
        </div>
      </header>
      {empty ? (
        <p className="rep-empty">{emptyText}</p>
      ) : (
        <>
          {intro ? <p className="rep-intro">{intro}</p> : null}
          {asTable ? <NumbersTable title={title} table={table} /> : children}
        </>
      )}
    </section>
  );
}
