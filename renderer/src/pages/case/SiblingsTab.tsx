import { useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/schemas';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { CASE_STATUS_LABELS } from './vocab';
import { formatUk } from '../../lib/format';
import { useMutation } from '../../data/useMutation';

export function SiblingsTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const [ref, setRef] = useState('');
  const a = useMutation();
  const link = async () => {
    const r = await a.run(() => call('children.linkSibling', { childId: detail.child.id, siblingReference: ref }));
    if (r) {
      setRef('');
      onChanged();
    }
  };
  return (
    <div className="two-col">
      <section>
        <h2>Siblings</h2>
        {detail.siblings.length === 0 ? <p className="muted">No siblings recorded.</p> : (
          <table className="simple" aria-label="Siblings">
            <thead><tr><th>Name</th><th>Date of birth</th><th>Cases</th></tr></thead>
            <tbody>
              {detail.siblings.map((s) => (
                <tr key={s.childId}>
                  <td>{s.forenames} {s.surname}</td>
                  <td>{formatUk(s.dateOfBirth)}</td>
                  <td>{s.cases.length === 0 ? <span className="muted">None</span> : s.cases.map((c) => (
                    <div key={c.id}><a href={`#/case/${c.id}`}>{c.reference}</a> <span className="muted">{CASE_STATUS_LABELS[c.status]}</span></div>
                  ))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {detail.otherCases.length > 0 ? (
          <>
            <h3>This child’s other cases</h3>
            <ul>{detail.otherCases.map((c) => <li key={c.id}><a href={`#/case/${c.id}`}>{c.reference}</a> — {c.register}, {CASE_STATUS_LABELS[c.status]}</li>)}</ul>
          </>
        ) : null}
      </section>
      <section>
        <h2>Link a sibling</h2>
        <form className="card" onSubmit={(e) => { e.preventDefault(); void link(); }}>
          <ErrorBanner message={a.field ? null : a.error} />
          <Field label="Sibling case reference" hint="The reference of a case on the register, e.g. CME-2026-0042." error={a.errorFor('siblingReference')}>
            {(f) => <input {...f} value={ref} onChange={(e) => setRef(e.target.value)} />}
          </Field>
          <div className="dialog-buttons"><button type="submit" className="primary" disabled={a.busy || !ref.trim()}>Link sibling</button></div>
        </form>
      </section>
    </div>
  );
}
