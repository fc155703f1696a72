import { useState } from 'react';
import { useCan } from '../../data/session';
import type { MethodOutput } from '../../../../shared/api/contract';
import { useReturnsStatus, RETURNS_WRITES } from '../../data/returns';
import { useMutation } from '../../data/useMutation';
import { useToday } from '../../data/today';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatUk, plural } from '../../lib/format';
import { IMPORT_KIND_LABELS } from '../../../../shared/domain/schoolReturns';

type Status = MethodOutput<'returns.status'>;
type Summary = Status['history'][number];

const KIND_LABEL: Record<Summary['kind'], string> = { ...IMPORT_KIND_LABELS, nil: 'Nil return' };
/** A deletion or admission notice typed in from the form is recorded like a one-row file without a file. */
const typedNotice = (r: Summary) => r.fileName === null && (r.kind === 'deletions' || r.kind === 'admissions');
const whatLabel = (r: Summary) => (typedNotice(r) ? (r.kind === 'deletions' ? 'Deletion notice' : 'Admission notice') : KIND_LABEL[r.kind]);
const STATE_CLASS: Record<string, string> = { received: 'pill-ok', nil: 'pill', missing: 'pill-alert', not_yet_due: 'pill-warn' };

/** Each school's return for a half term (received, nil, missing), the chase list, and every import with its undo. */
export function StatusTab() {
  const [halfTerm, setHalfTerm] = useState<string | null>(null);
  const status = useReturnsStatus(halfTerm);
  const s = status.data;
  return (
    <>
      <ErrorBanner message={status.error} />
      <div className="ret-toolbar">
        <Field label="Half term">
          {(a) => (
            <select {...a} value={halfTerm ?? s?.halfTerm?.key ?? ''} onChange={(e) => setHalfTerm(e.target.value || null)}>
              {(s?.halfTerms ?? []).map((h) => <option key={h.key} value={h.key}>{h.label} ({formatUk(h.starts)} – {formatUk(h.ends)})</option>)}
            </select>
          )}
        </Field>
        {s?.halfTerm ? (
          <p className="ret-counts" aria-live="polite">
            <span className="pill pill-ok">{s.counts.received} received</span> <span className="pill">{s.counts.nil} nil</span>{' '}
            <span className="pill pill-alert">{s.counts.missing} missing</span> <span className="pill pill-warn">{s.counts.notYetDue} not yet received</span>
          </p>
        ) : null}
      </div>
      {s && !s.halfTerm ? <InfoBanner>The term calendar has no half term yet. Add the term dates under Panels &amp; calendar.</InfoBanner> : null}
      {s && s.schools.length === 0 ? <InfoBanner>No schools yet. Add them under Schools and templates, or import a file for a new school.</InfoBanner> : null}
      {s && s.halfTerm && s.schools.length > 0 ? <SchoolsTable status={s} /> : null}
      {s && s.schools.some((x) => x.state === 'missing') ? <ChaseList status={s} /> : null}
      {s ? <History history={s.history} /> : null}
    </>
  );
}

function SchoolsTable({ status }: { status: Status }) {
  const today = useToday();
  const canNil = useCan()('returns.nil');
  const m = useMutation({ invalidates: RETURNS_WRITES });
  const half = status.halfTerm!;
  return (
    <section className="card" aria-labelledby="ret-schools-h">
      <h2 id="ret-schools-h">Schools, {half.label}</h2>
      <ErrorBanner message={m.error} />
      <div className="table-wrap">
        <table className="simple">
          <caption className="sr-only">Each school’s return for {half.label}</caption>
          <thead><tr><th scope="col">School</th><th scope="col">Return</th><th scope="col">Pupils</th><th scope="col">Received</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {status.schools.map((x) => {
              const latest = x.returns.find((r) => r.status === 'imported');
              return (
                <tr key={x.schoolId}>
                  <th scope="row">{x.schoolName}</th>
                  <td><span className={`pill ${STATE_CLASS[x.state] ?? ''}`}>{x.stateLabel}</span>{x.chase ? <div className="muted">{x.chase}</div> : null}</td>
                  <td>{x.state === 'received' ? x.pupils : '—'}</td>
                  <td>{latest ? `${formatUk(latest.receivedOn)} (${KIND_LABEL[latest.kind]})` : '—'}</td>
                  <td>
                    {canNil && (x.state === 'missing' || x.state === 'not_yet_due') ? (
                      <button type="button" disabled={m.busy} onClick={() => void m.mutate('returns.nil', { schoolId: x.schoolId, halfTerm: half.key, receivedOn: today })}>
                        Record nil return<span className="sr-only"> for {x.schoolName}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ChaseList({ status }: { status: Status }) {
  const missing = status.schools.filter((x) => x.state === 'missing');
  return (
    <section className="card" aria-labelledby="ret-chase-h">
      <h2 id="ret-chase-h">Chase list: {plural(missing.length, 'school')} with no return for {status.halfTerm!.label}</h2>
      <ul className="ret-chase">
        {missing.map((x) => <li key={x.schoolId}><strong>{x.schoolName}</strong> — {x.chase}</li>)}
      </ul>
    </section>
  );
}

function History({ history }: { history: Summary[] }) {
  const [undoing, setUndoing] = useState<Summary | null>(null);
  const canUndo = useCan()('returns.undo');
  const [reason, setReason] = useState('');
  const m = useMutation({ invalidates: RETURNS_WRITES });
  const submit = async () => {
    if (!undoing) return;
    const r = await m.mutate('returns.undo', { id: undoing.id, reason });
    if (r) {
      setUndoing(null);
      setReason('');
    }
  };
  return (
    <section className="card" aria-labelledby="ret-history-h">
      <h2 id="ret-history-h">Returns and notices received</h2>
      {history.length === 0 ? <p className="muted">Nothing received yet.</p> : (
        <div className="table-wrap">
          <table className="simple">
            <caption className="sr-only">Every import and nil return, newest first</caption>
            <thead><tr><th scope="col">Received</th><th scope="col">School</th><th scope="col">Half term</th><th scope="col">What</th><th scope="col">Rows</th><th scope="col">By</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {history.map((r) => (
                <tr key={r.id} className={r.status === 'undone' ? 'ret-undone' : undefined}>
                  <td>{formatUk(r.receivedOn)}</td>
                  <td>{r.schoolName}</td>
                  <td>{r.halfTerm}</td>
                  <td>{whatLabel(r)}{r.fileName ? <div className="muted">{r.fileName}</div> : typedNotice(r) ? <div className="muted">typed in</div> : null}</td>
                  <td>{r.rowCount}{r.skippedRows.length ? <div className="muted">rows {r.skippedRows.join(', ')} left out</div> : null}</td>
                  <td>{r.importedBy}</td>
                  <td>{r.status === 'undone' ? <>Undone {formatUk(r.undoneOn)} by {r.undoneBy}<div className="muted">{r.undoReason}</div></> : 'Imported'}</td>
                  <td>{r.status === 'imported' && canUndo ? <button type="button" onClick={() => { m.reset(); setUndoing(r); }}>Undo<span className="sr-only"> {whatLabel(r)} from {r.schoolName} received {formatUk(r.receivedOn)}</span></button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog title={undoing ? `Undo the ${whatLabel(undoing).toLowerCase()} from ${undoing.schoolName}` : 'Undo'} open={undoing !== null} onClose={() => setUndoing(null)} onSubmit={() => void submit()} submitLabel={undoing && typedNotice(undoing) ? 'Undo the notice' : 'Undo the whole import'} busy={m.busy} error={m.error}>
        {undoing && typedNotice(undoing) ? (
          <p>Everything this notice did is reversed in one step: a CME case it opened is removed, a case it closed or proposed for closure goes back to what it was, and the notice leaves the list of notices. It stays here, marked undone.</p>
        ) : (
          <p>Everything this import did is reversed in one step: the cases and children it created are removed and the cases it changed go back to what they were. The import stays in the list, marked undone.</p>
        )}
        <Field label="Why is it being undone?" required error={m.errorFor('reason')}>
          {(a) => <textarea {...a} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </Dialog>
    </section>
  );
}
