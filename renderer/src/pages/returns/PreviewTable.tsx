import { useState } from 'react';
import type { MethodOutput } from '../../../../shared/api/contract';
import { formatUk } from '../../lib/format';

type Preview = MethodOutput<'returns.preview'>;
type Row = Preview['rows'][number];

const needsLook = (r: Row) => r.errors.length > 0 || r.match === 'uncertain' || r.warnings.length > 0 || r.flags.length > 0;
const PAGE = 200;

/** The preview row by row: rows needing a look first; each uncertain match asks which child it is. */
export function PreviewTable({ preview, decisions, onDecide, skip, onSkip }: {
  preview: Preview;
  decisions: Record<number, number | null>;
  onDecide: (row: number, childId: number | null) => void;
  skip: Set<number>;
  onSkip: (row: number, on: boolean) => void;
}) {
  const [all, setAll] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const look = preview.rows.filter(needsLook);
  const rows = all || look.length === 0 ? preview.rows : look;
  return (
    <>
      <fieldset className="ret-show">
        <legend className="sr-only">Rows to show</legend>
        <label><input type="radio" name="ret-show" checked={!all} onChange={() => setAll(false)} /> Rows to look at ({look.length})</label>
        <label><input type="radio" name="ret-show" checked={all} onChange={() => setAll(true)} /> All rows ({preview.rows.length})</label>
      </fieldset>
      <div className="table-wrap">
        <table className="simple ret-preview">
          <caption className="sr-only">Preview of {preview.fileName}, row by row</caption>
          <thead>
            <tr><th scope="col">Row</th><th scope="col">Pupil</th><th scope="col">In the file</th><th scope="col">On the register</th><th scope="col">What confirming does</th><th scope="col">Problems</th></tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((r) => (
              <tr key={r.row} className={r.errors.length > 0 ? 'ret-row-error' : undefined}>
                <th scope="row">{r.row}</th>
                <td>
                  <strong>{r.name}</strong>
                  <div className="muted">{r.dateOfBirth ? `Born ${formatUk(r.dateOfBirth)}` : ''}{r.upn ? ` · UPN ${r.upn}` : ''}</div>
                </td>
                <td>{r.summary}{r.concerns.length > 0 ? <ul className="ret-concerns" aria-label="Criteria of concern">{r.concerns.map((c) => <li key={c}>{c}</li>)}</ul> : null}</td>
                <td><MatchCell row={r} value={decisions[r.row]} onDecide={onDecide} /></td>
                <td>{r.action}</td>
                <td>
                  {r.errors.map((e) => <div key={e} className="error-text">{e}</div>)}
                  {r.flags.map((e) => <div key={e} className="ret-flag">{e}</div>)}
                  {r.warnings.map((e) => <div key={e} className="muted">{e}</div>)}
                  {r.errors.length > 0 ? (
                    <label className="ret-skip"><input type="checkbox" checked={skip.has(r.row)} onChange={(e) => onSkip(r.row, e.target.checked)} /> Leave row {r.row} out</label>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown ? <button type="button" onClick={() => setShown(shown + PAGE)}>Show {Math.min(PAGE, rows.length - shown)} more of {rows.length - shown}</button> : null}
    </>
  );
}

function MatchCell({ row, value, onDecide }: { row: Row; value: number | null | undefined; onDecide: (row: number, childId: number | null) => void }) {
  if (row.match === null) return <span className="muted">—</span>;
  if (row.match !== 'uncertain') return <span>{row.matchReason}</span>;
  const name = `ret-match-${row.row}`;
  return (
    <fieldset className="ret-match">
      <legend>{row.matchReason}</legend>
      {row.candidates.map((c) => (
        <label key={c.childId}>
          <input type="radio" name={name} checked={value === c.childId} onChange={() => onDecide(row.row, c.childId)} />{' '}
          Same child as {c.name}, born {formatUk(c.dateOfBirth)}{c.upn ? `, UPN ${c.upn}` : ''}{c.references.length ? ` (${c.references.join(', ')})` : ''}
          <span className="muted"> — {c.reason}</span>
        </label>
      ))}
      <label><input type="radio" name={name} checked={value === null} onChange={() => onDecide(row.row, null)} /> A different child: add them as new</label>
    </fieldset>
  );
}
