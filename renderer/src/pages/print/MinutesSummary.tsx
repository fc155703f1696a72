import type { MinutesDoc, RagCounts } from '../../../../shared/api/minutesSchemas';
import { formatUk } from '../../lib/format';
import { Rating } from './PrintShell';

export function ActionTable({ doc }: { doc: MinutesDoc }) {
  const total = doc.actionsByOwner.reduce((n, o) => n + o.actions.length, 0);
  return (
    <section className="m-block m-actions">
      <h2>Actions by owner</h2>
      {total === 0 ? (
        <p className="none">No actions were agreed or carried forward at this meeting.</p>
      ) : (
        <table className="grid">
          <thead>
            <tr><th scope="col">Item</th><th scope="col">Case</th><th scope="col">Action</th><th scope="col">Due</th><th scope="col">Status</th></tr>
          </thead>
          {doc.actionsByOwner.map((o) => (
            <tbody key={o.owner} className="owner-group">
              <tr className="owner"><th colSpan={5} scope="rowgroup">{o.owner} <span className="count">({o.actions.length})</span></th></tr>
              {o.actions.map((a, i) => (
                <tr key={i}>
                  <td className="nowrap">{a.itemNumber ?? ''}</td>
                  <td className="nowrap">{a.reference ?? ''}</td>
                  <td>{a.text}</td>
                  <td className="nowrap">{formatUk(a.dueDate)}</td>
                  <td>{a.kind === 'agreed' ? 'New' : 'Carried forward'}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

const RAG_ROWS: { key: keyof RagCounts; label: string }[] = [
  { key: 'red', label: 'Red' },
  { key: 'amber', label: 'Amber' },
  { key: 'green', label: 'Green' },
  { key: 'unrated', label: 'Not rated' },
];

export function RagSummary({ doc, cases }: { doc: MinutesDoc; cases: number }) {
  const s = doc.ragSummary;
  return (
    <section className="m-block m-ragsummary">
      <h2>RAG summary</h2>
      {cases === 0 ? (
        <p className="none">No cases were discussed.</p>
      ) : (
        <div className="m-rag-layout">
          <div>
            <table className="grid m-rag-table">
              <thead><tr><th scope="col">Rating</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
              <tbody>
                {RAG_ROWS.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.key === 'unrated' ? <span className="m-rag m-rag-none">{r.label}</span> : <Rating rag={r.key} />}</th>
                    <td className="num">{s.before[r.key]}</td>
                    <td className="num">{s.after[r.key]}</td>
                  </tr>
                ))}
                <tr className="total"><th scope="row">Cases discussed</th><td className="num">{s.cases}</td><td className="num">{s.cases}</td></tr>
              </tbody>
            </table>
            <table className="grid m-rag-table">
              <thead><tr><th scope="col">Movement</th><th scope="col">Cases</th></tr></thead>
              <tbody>
                <tr><th scope="row">Improved</th><td className="num">{s.movement.improved}</td></tr>
                <tr><th scope="row">Same</th><td className="num">{s.movement.same}</td></tr>
                <tr><th scope="row">Worsened</th><td className="num">{s.movement.worsened}</td></tr>
                {s.movement.newlyRated > 0 && <tr><th scope="row">Rated for the first time</th><td className="num">{s.movement.newlyRated}</td></tr>}
              </tbody>
            </table>
          </div>
          <RagChart before={s.before} after={s.after} movement={s.movement} />
        </div>
      )}
    </section>
  );
}

const COLOURS: Record<keyof RagCounts, string> = { red: '#b3261e', amber: '#d08c00', green: '#1e6b3a', unrated: '#8a939e' };

/** Before/after counts per rating as paired bars, and the movement as a bar each: plain SVG, so it prints sharp. */
function RagChart({ before, after, movement }: { before: RagCounts; after: RagCounts; movement: MinutesDoc['ragSummary']['movement'] }) {
  const W = 330;
  const H = 170;
  const top = 16;
  const base = 130;
  const max = Math.max(1, ...RAG_ROWS.flatMap((r) => [before[r.key], after[r.key]]));
  const scale = (n: number) => ((base - top) * n) / max;
  const group = 70;
  const bar = 24;
  const moves = [
    { label: 'Improved', n: movement.improved, colour: '#1e6b3a' },
    { label: 'Same', n: movement.same, colour: '#8a939e' },
    { label: 'Worsened', n: movement.worsened, colour: '#b3261e' },
    { label: 'First rated', n: movement.newlyRated, colour: '#1d4f91' },
  ];
  const mMax = Math.max(1, ...moves.map((x) => x.n));
  return (
    <figure className="m-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label="RAG ratings before and after the meeting">
        <line x1={20} x2={W - 6} y1={base} y2={base} stroke="#333" strokeWidth={0.8} />
        {RAG_ROWS.map((r, i) => {
          const x = 28 + i * group;
          const hb = scale(before[r.key]);
          const ha = scale(after[r.key]);
          return (
            <g key={r.key}>
              <rect x={x} y={base - hb} width={bar} height={hb} fill={COLOURS[r.key]} fillOpacity={0.35} stroke={COLOURS[r.key]} strokeWidth={0.8} />
              <rect x={x + bar + 3} y={base - ha} width={bar} height={ha} fill={COLOURS[r.key]} />
              <text x={x + bar / 2} y={base - hb - 3} textAnchor="middle" fontSize={9}>{before[r.key]}</text>
              <text x={x + bar * 1.5 + 3} y={base - ha - 3} textAnchor="middle" fontSize={9} fontWeight={700}>{after[r.key]}</text>
              <text x={x + bar + 1.5} y={base + 13} textAnchor="middle" fontSize={9.5}>{r.label}</text>
            </g>
          );
        })}
        <rect x={28} y={H - 14} width={10} height={8} fill="#555" fillOpacity={0.35} stroke="#555" strokeWidth={0.8} />
        <text x={42} y={H - 7} fontSize={8.5}>before the meeting</text>
        <rect x={140} y={H - 14} width={10} height={8} fill="#555" />
        <text x={154} y={H - 7} fontSize={8.5}>after</text>
      </svg>
      <svg viewBox="0 0 330 84" width={330} height={84} role="img" aria-label="Movement of RAG ratings at the meeting">
        {moves.map((x, i) => {
          const w = (220 * x.n) / mMax;
          return (
            <g key={x.label}>
              <text x={70} y={14 + i * 19} textAnchor="end" fontSize={9.5}>{x.label}</text>
              <rect x={76} y={5 + i * 19} width={Math.max(w, 0.5)} height={12} fill={x.colour} />
              <text x={80 + w} y={14 + i * 19} fontSize={9.5} fontWeight={700}>{x.n}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>RAG ratings of the cases discussed, before and after the panel’s decisions; and how they moved.</figcaption>
    </figure>
  );
}
