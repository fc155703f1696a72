import { useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/schemas';
import { call } from '../../api/client';
import { Field, Select } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { CHECK_AGENCIES, CHECK_STAGE_LABELS, entryOf, labelOf, type CheckAgency } from './vocab';
import { formatUk } from '../../lib/format';
import { useMutation } from '../../data/useMutation';

/** The checks log (seed 001 §4.2, App. 4): each agency or database, when, by whom, and what it showed. */
export function ChecksTab({ detail, today, userName, onSaved }: { detail: CaseDetail; today: string; userName: string; onSaved: (d: CaseDetail) => void }) {
  const [agency, setAgency] = useState<CheckAgency | ''>('');
  const [checkedOn, setCheckedOn] = useState(today);
  const [checkedBy, setCheckedBy] = useState(userName);
  const [outcome, setOutcome] = useState('');
  const [located, setLocated] = useState(false);
  const a = useMutation();
  const closed = detail.case.status === 'closed';

  const add = async () => {
    if (!agency) return;
    const d = await a.run(() => call('checks.add', { caseId: detail.case.id, agency, checkedOn, checkedBy, outcome, located }));
    if (d) {
      onSaved(d);
      setAgency('');
      setOutcome('');
      setLocated(false);
    }
  };

  return (
    <div className="two-col">
      <section>
        <h2>Checks so far</h2>
        {detail.checks.length === 0 ? <p className="muted">No checks recorded yet.</p> : (
          <table className="simple" aria-label="Checks">
            <thead><tr><th>Date</th><th>Agency or database</th><th>By</th><th>Outcome</th></tr></thead>
            <tbody>
              {detail.checks.map((c) => (
                <tr key={c.id}>
                  <td>{formatUk(c.checkedOn)}</td>
                  <td>{labelOf(CHECK_AGENCIES, c.agency)}{c.located ? <> <span className="pill pill-ok">Located</span></> : null}</td>
                  <td>{c.checkedBy}</td>
                  <td>{c.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>Add a check</h2>
        {closed ? <p className="muted">The case is closed. Reopen it to add checks.</p> : (
          <form className="card" onSubmit={(e) => { e.preventDefault(); void add(); }}>
            <ErrorBanner message={a.field ? null : a.error} />
            <Field label="Agency or database" required error={a.errorFor('agency')}
              hint={agency ? CHECK_STAGE_LABELS[entryOf(CHECK_AGENCIES, agency)?.stage ?? 1] : undefined}>
              {(f) => <Select {...f} value={agency} onChange={setAgency} options={CHECK_AGENCIES} />}
            </Field>
            <div className="grid-2">
              <Field label="Date checked" required error={a.errorFor('checkedOn')}>
                {(f) => <input {...f} type="date" value={checkedOn} max={today} onChange={(e) => setCheckedOn(e.target.value)} />}
              </Field>
              <Field label="Checked by" required error={a.errorFor('checkedBy')}>
                {(f) => <input {...f} value={checkedBy} onChange={(e) => setCheckedBy(e.target.value)} />}
              </Field>
            </div>
            <Field label="Outcome" required error={a.errorFor('outcome')}>
              {(f) => <textarea {...f} value={outcome} onChange={(e) => setOutcome(e.target.value)} />}
            </Field>
            <label className="inline-check"><input type="checkbox" checked={located} onChange={(e) => setLocated(e.target.checked)} /> Child located by this check</label>
            <div className="dialog-buttons"><button type="submit" className="primary" disabled={a.busy || !agency}>Add check</button></div>
          </form>
        )}
      </section>
    </div>
  );
}
