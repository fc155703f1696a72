import { useState } from 'react';
import type { CaseDetail, Officer } from '../../../../shared/api/schemas';
import type { CaseTracking } from '../../../../shared/api/trackingSchemas';
import { call } from '../../api/client';
import { Field, Select } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { RagBadge } from '../../components/RagBadge';
import { ESCALATION_REASONS, type EscalationReasonCode } from '../../../../shared/domain/escalation';
import { labelOf } from './vocab';
import { formatUk } from '../../lib/format';
import { useMutation } from '../../data/useMutation';
import { useCan } from '../../data/session';

const STATUS: Record<string, string> = { open: 'Open', done: 'Done', carried_forward: 'Carried forward', dropped: 'No longer needed' };
const ESC_STATUS: Record<string, string> = { open: 'Open', responded: 'Responded', resolved: 'Resolved', escalated: 'Escalated' };

/** The human rating beside the suggested one, the RAG path, and every lead-officer allocation. */
export function RagLeadTab({ detail, tracking }: { detail: CaseDetail; tracking: CaseTracking }) {
  const s = tracking.suggestedRag;
  const differs = detail.case.rag !== null && detail.case.rag !== s.rag;
  return (
    <div className="two-col">
      <section>
        <div className="card">
          <h2>Rating</h2>
          <p>
            Panel rating: <RagBadge rag={detail.case.rag} /> {detail.case.ragReason ? <span className="muted">{detail.case.ragReason}</span> : null}
          </p>
          {detail.case.status === 'closed' ? <p className="muted">The case is closed, so no rating is suggested.</p> : (
            <>
              <p>
                Suggested by the rules: <RagBadge rag={s.rag} /> {differs ? <span className="pill pill-warn">Differs from the panel’s rating</span> : null}
              </p>
              <ul aria-label="Why this rating is suggested">
                {s.reasons.map((r) => (
                  <li key={r.rule}><RagBadge rag={r.rag} /> {r.text}</li>
                ))}
              </ul>
              <p className="muted small">The suggestion is a prompt, not a decision: the panel’s rating stands, with its reason.</p>
            </>
          )}
        </div>
        <h2>RAG history</h2>
        {tracking.ragHistory.length === 0 ? <p className="muted">Not rated yet.</p> : (
          <ol className="timeline" aria-label="RAG history">
            {[...tracking.ragHistory].reverse().map((h, i) => (
              <li key={i}>
                <div className="when">{formatUk(h.onDate)} · {h.actor}{h.meetingLabel ? ` · at the ${h.meetingLabel.replace(/ (\d{4}-\d{2}-\d{2})$/, (_m, d: string) => ` of ${formatUk(d)}`)}` : ''}</div>
                <div>{h.from ? <><RagBadge rag={h.from} /> → </> : null}<RagBadge rag={h.to} /> {h.reason}</div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h2>Lead officer allocations</h2>
        {tracking.leadHistory.length === 0 ? <p className="muted">Never allocated.</p> : (
          <table className="simple" aria-label="Lead officer allocations">
            <thead><tr><th>Date</th><th>From</th><th>To</th><th>By</th><th>Why</th></tr></thead>
            <tbody>
              {[...tracking.leadHistory].reverse().map((a, i) => (
                <tr key={i}>
                  <td>{formatUk(a.onDate)}</td>
                  <td>{a.fromName ?? <span className="muted">—</span>}</td>
                  <td>{a.toName ?? <span className="muted">Unallocated</span>}</td>
                  <td>{a.actor}{a.meetingLabel ? <div className="muted small">at panel</div> : null}</td>
                  <td>{a.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export function ActionsTab({ detail, tracking, officers, today, onChanged }: { detail: CaseDetail; tracking: CaseTracking; officers: Officer[]; today: string; onChanged: () => void }) {
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(detail.case.leadOfficerId ? String(detail.case.leadOfficerId) : '');
  const [dueDate, setDueDate] = useState('');
  const a = useMutation();
  const closed = detail.case.status === 'closed';
  const add = async () => {
    const r = await a.run(() => call('actions.create', { caseId: detail.case.id, text, ownerId: ownerId ? Number(ownerId) : null, dueDate }));
    if (r) {
      setText('');
      setDueDate('');
      onChanged();
    }
  };
  const complete = async (id: number) => {
    if (await a.run(() => call('actions.complete', { id, completedOn: today, note: null }))) onChanged();
  };
  return (
    <div className="two-col">
      <section>
        <h2>Actions</h2>
        {tracking.actions.length === 0 ? <p className="muted">No actions yet.</p> : (
          <table className="simple" aria-label="Actions">
            <thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th></th></tr></thead>
            <tbody>
              {tracking.actions.map((x) => (
                <tr key={x.id}>
                  <td>{x.text}<div className="muted small">{x.panelName ? `${x.panelName}, ${formatUk(x.raisedOn)}` : `Between meetings, ${formatUk(x.raisedOn)}`}</div></td>
                  <td>{x.ownerName ?? <span className="muted">No owner</span>}</td>
                  <td>{formatUk(x.dueDate)}{x.overdue ? <> <span className="pill pill-alert">Overdue</span></> : null}</td>
                  <td>{STATUS[x.status]}{x.carriedTooOften ? <div className="pill pill-warn">{x.suggestion}</div> : null}</td>
                  <td>{x.status === 'open' || x.status === 'carried_forward' ? <button className="link" onClick={() => void complete(x.id)} aria-label={`Mark done: ${x.text}`}>Mark done</button> : x.completedOn ? formatUk(x.completedOn) : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>Add an action</h2>
        {closed ? <p className="muted">The case is closed.</p> : (
          <form className="card" onSubmit={(e) => { e.preventDefault(); void add(); }}>
            <ErrorBanner message={a.field ? null : a.error} />
            <Field label="Action" required error={a.errorFor('text')}>{(f) => <textarea {...f} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}</Field>
            <div className="grid-2">
              <Field label="Owner" error={a.errorFor('ownerId')}>
                {(f) => (
                  <select {...f} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                    <option value="">No owner</option>
                    {officers.filter((o) => o.active).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                  </select>
                )}
              </Field>
              <Field label="Due date" required error={a.errorFor('dueDate')}>{(f) => <input {...f} type="date" min={today} value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}</Field>
            </div>
            <div className="dialog-buttons"><button type="submit" className="primary" disabled={a.busy || !text.trim() || !dueDate}>Add action</button></div>
          </form>
        )}
      </section>
    </div>
  );
}

export function EscalationsTab({ detail, tracking, onChanged }: { detail: CaseDetail; tracking: CaseTracking; onChanged: () => void }) {
  const canRespond = useCan()('escalations.respond');
  const [reason, setReason] = useState<EscalationReasonCode | ''>('');
  const [asked, setAsked] = useState('');
  const [escalatedTo, setEscalatedTo] = useState('');
  const [responseDue, setResponseDue] = useState('');
  const [mash, setMash] = useState(false);
  const [informed, setInformed] = useState('');
  const a = useMutation();
  const raise = async () => {
    const r = await a.run(() =>
      call('escalations.create', {
        caseId: detail.case.id, reason: mash ? 'safeguarding' : (reason || 'other'), asked: mash ? `CME notification of concern for MASH and management${asked ? `: ${asked}` : ''}` : asked,
        escalatedTo, responseDue, peopleInformed: informed,
      }),
    );
    if (r) {
      setReason('');
      setAsked('');
      setEscalatedTo('');
      setResponseDue('');
      setMash(false);
      setInformed('');
      onChanged();
    }
  };
  return (
    <div className="two-col">
      <section>
        <h2>Escalations</h2>
        {tracking.escalations.length === 0 ? <p className="muted">None.</p> : tracking.escalations.map((e) => (
          <div key={e.id} className="card">
            <strong>{labelOf(ESCALATION_REASONS, e.reason)}</strong> <span className="pill">{ESC_STATUS[e.status]}</span>
            {e.responseOverdue ? <> <span className="pill pill-alert">Response overdue</span></> : null}
            <ol className="timeline" aria-label={`Escalation steps: ${labelOf(ESCALATION_REASONS, e.reason)}`}>
              {e.chain.map((s) => (
                <li key={s.id}>
                  <div className="when">Level {s.level}: {s.levelTitle}{s.escalatedTo ? ` (${s.escalatedTo})` : ''} · raised {formatUk(s.raisedOn)} by {s.raisedBy}</div>
                  {s.asked ? <div>Asked: {s.asked}</div> : null}
                  {s.peopleInformed ? <div>Informed: {s.peopleInformed}</div> : null}
                  {s.response ? <div>Response ({formatUk(s.respondedOn)}): {s.response}</div> : null}
                  {s.outcome ? <div>Outcome ({formatUk(s.resolvedOn)}): {s.outcome}</div> : null}
                </li>
              ))}
            </ol>
            <a href="#/escalations">{canRespond ? 'Respond, escalate or resolve in the escalation log' : 'See every escalation in the escalation log'}</a>
          </div>
        ))}
      </section>
      <section>
        <h2>Raise an escalation</h2>
        <form className="card" onSubmit={(e) => { e.preventDefault(); void raise(); }}>
          <ErrorBanner message={a.field ? null : a.error} />
          <label className="inline-check"><input type="checkbox" checked={mash} onChange={(e) => setMash(e.target.checked)} /> Notification of concern for MASH and management</label>
          {mash ? <p className="banner banner-warn small">A concern for a child’s safety is acted on at once, outside any meeting cycle: inform MASH and senior management now, then log who was told here.</p> : (
            <Field label="Escalation reason" required error={a.errorFor('reason')}>{(f) => <Select {...f} value={reason} onChange={setReason} options={ESCALATION_REASONS} />}</Field>
          )}
          {mash ? <Field label="People informed" required error={a.errorFor('peopleInformed')}>{(f) => <input {...f} value={informed} onChange={(e) => setInformed(e.target.value)} />}</Field> : null}
          <Field label="What is asked" error={a.errorFor('asked')}>{(f) => <textarea {...f} rows={3} value={asked} onChange={(e) => setAsked(e.target.value)} />}</Field>
          <div className="grid-2">
            <Field label="Escalated to" hint="Defaults to the first level of your authority’s ladder." error={a.errorFor('escalatedTo')}>{(f) => <input {...f} value={escalatedTo} onChange={(e) => setEscalatedTo(e.target.value)} />}</Field>
            <Field label="Response due" error={a.errorFor('responseDue')}>{(f) => <input {...f} type="date" value={responseDue} onChange={(e) => setResponseDue(e.target.value)} />}</Field>
          </div>
          <div className="dialog-buttons"><button type="submit" className="primary" disabled={a.busy || (!mash && !reason) || (mash && !informed.trim())}>{mash ? 'Log notification of concern' : 'Raise escalation'}</button></div>
        </form>
      </section>
    </div>
  );
}
