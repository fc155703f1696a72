import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { RAG_COLOURS, RAG_SERIES, ragChartSummary, ragTotals, type RagChartRow } from './dashboard';

/**
 * The open register by RAG: a small stacked bar per register (CME, PMOE), with the same numbers in
 * a table beside it (the table is what screen readers and keyboard users get; the chart is a picture).
 */
export function RagChart({ rows }: { rows: readonly RagChartRow[] }) {
  const totals = ragTotals(rows);
  return (
    <div className="trk-ragchart">
      <figure className="trk-ragchart-fig" role="img" aria-label={`Open cases by RAG. ${ragChartSummary(rows)}.`}>
        <BarChart width={340} height={160} data={rows as RagChartRow[]} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#e3e7ec" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: '#5b6470' }} stroke="#aab3bd" />
          <YAxis type="category" dataKey="register" width={46} tick={{ fontSize: 12, fill: '#1b1f24', fontWeight: 600 }} stroke="#aab3bd" />
          <Tooltip cursor={{ fill: 'rgba(29,79,145,0.06)' }} />
          <Legend iconSize={10} itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span style={{ color: '#1b1f24' }}>{value}</span>} />
          {RAG_SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="rag" fill={RAG_COLOURS[s.key]} isAnimationActive={false} barSize={22} />
          ))}
        </BarChart>
      </figure>
      <table className="simple trk-ragtable" aria-label="Open cases by RAG">
        <thead>
          <tr>
            <th scope="col">RAG</th>
            {rows.map((r) => (
              <th scope="col" key={r.register} className="trk-c-num">{r.register}</th>
            ))}
            <th scope="col" className="trk-c-num">Both</th>
          </tr>
        </thead>
        <tbody>
          {RAG_SERIES.map((s) => (
            <tr key={s.key}>
              <th scope="row">
                <span className={`trk-swatch trk-dot-${s.key}`} aria-hidden="true" /> {s.label}
              </th>
              {rows.map((r) => (
                <td key={r.register} className="trk-c-num">{r[s.key]}</td>
              ))}
              <td className="trk-c-num">{totals[s.key]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total open</th>
            {rows.map((r) => (
              <td key={r.register} className="trk-c-num">{r.total}</td>
            ))}
            <td className="trk-c-num">{totals.total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
