import { formatUk } from '../../lib/format';
import { useCan } from '../../data/session';
import { useEffect, useId, useState } from 'react';
import type { Officer } from '../../../../shared/api/schemas';
import { call } from '../../api/client';
import { hrefFor } from '../../lib/router';
import { ErrorBanner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { RagBadge } from '../../components/RagBadge';
import { useMutation } from '../../data/useMutation';
import { DEFAULT_REALLOCATION_REASON, activeOfficers, addCounts, chosenCases, reallocationProblem, toggleLeaverCases, type Leaver } from './caseload';
import { toggleOne } from './actions';
import { RagMini } from './RagMini';

/** One leaver's open cases, with the tick boxes, the officer to move them to, and the reason. */
export function LeaverCases({ leaver, officers, showNames, onMoved }: { leaver: Leaver; officers: readonly Officer[]; showNames: boolean; onMoved: (moved: number, toName: string) => void }) {
  const id = useId();
  const [selected, setSelected] = useState<Set<number>>(() => new Set());
  const [to, setTo] = useState('');
  const [reason, setReason] = useState(DEFAULT_REALLOCATION_REASON);
  const [tried, setTried] = useState(false);
  const a = useMutation();
  const can = useCan();
  const canMove = can('cases.reallocate');
  // Cases moved away (after a reload) drop out of the selection.
  useEffect(() => {
    setSelected((s) => new Set([...s].filter((c) => leaver.cases.some((k) => k.caseId === c))));
  }, [leaver]);

  const cases = chosenCases(leaver, selected);
  const toId = to ? Number(to) : null;
  const problem = reallocationProblem(cases, toId, reason);
  const allTicked = leaver.cases.length > 0 && leaver.cases.every((c) => selected.has(c.caseId));
  const someTicked = !allTicked && leaver.cases.some((c) => selected.has(c.caseId));
  const counts = leaver.cases.reduce(
    (s, c) => addCounts(s, { red: Number(c.rag === 'red'), amber: Number(c.rag === 'amber'), green: Number(c.rag === 'green'), none: Number(c.rag === null), total: 1 }),
    { red: 0, amber: 0, green: 0, none: 0, total: 0 },
  );

  const submit = async () => {
    setTried(true);
    if (problem || toId === null) return;
    const r = await a.run(() => call('cases.reallocate', { caseIds: cases, toOfficerId: toId, reason: reason.trim() }));
    if (r) {
      setTried(false);
      setSelected(new Set());
      onMoved(r.moved, officers.find((o) => o.id === toId)?.name ?? 'the officer chosen');
    }
  };

  return (
    <form
      className="trk-leaver"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-h`}>
        {leaver.name} <span className="muted">— {leaver.cases.length} open {leaver.cases.length === 1 ? 'case' : 'cases'}</span> <RagMini counts={counts} />
      </h3>
      <ErrorBanner message={a.field === 'toOfficerId' || a.field === 'reason' ? null : a.error} />
      <div className="trk-leaver-body">
        <fieldset className="trk-leaver-cases">
          <legend className="sr-only">Open cases of {leaver.name}</legend>
          {canMove ? <label className="trk-check trk-all">
            <input
              type="checkbox"
              checked={allTicked}
              ref={(el) => {
                if (el) el.indeterminate = someTicked;
              }}
              onChange={() => setSelected((s) => toggleLeaverCases(leaver, s))}
            />{' '}
            Select all cases of {leaver.name}
          </label> : null}
          <ul className="trk-case-list">
            {leaver.cases.map((c) => (
              <li key={c.caseId}>
                {canMove ? <label className="trk-check">
                  <input type="checkbox" checked={selected.has(c.caseId)} onChange={(e) => setSelected((s) => toggleOne(s, c.caseId, e.target.checked))} aria-label={`Select case ${c.reference}`} />
                </label> : null}
                <a href={hrefFor({ page: 'case', id: c.caseId, tab: null })} className="trk-ref">{c.reference}</a>
                {showNames ? <span>{c.childName}</span> : null}
                <span className="muted">{c.register}</span>
                <RagBadge rag={c.rag} />
              </li>
            ))}
          </ul>
        </fieldset>
        {!canMove ? (
          <div className="trk-leaver-form">
            <p className="muted">A panel member can’t reallocate cases: an officer or manager moves them to someone in post.</p>
            <LeaverActions leaver={leaver} toId={null} toName={null} canReassign={false} onMoved={onMoved} />
          </div>
        ) : <div className="trk-leaver-form">
          <Field label="Reallocate to" required error={tried && toId === null ? 'Choose who to reallocate them to.' : a.errorFor('toOfficerId')}>
            {(f) => (
              <select {...f} value={to} onChange={(e) => setTo(e.target.value)}>
                <option value="">Choose…</option>
                {activeOfficers(officers).map((o) => (
                  <option key={o.id} value={String(o.id)}>{o.name}{o.jobTitle ? ` — ${o.jobTitle}` : ''}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Reason" required error={tried && reason.trim() === '' ? 'Give a reason for the reallocation.' : a.errorFor('reason')}>
            {(f) => <input {...f} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="trk-leaver-submit">
            <button type="submit" className="primary" disabled={a.busy || cases.length === 0}>Reallocate selected</button>
            <span className="muted" aria-live="polite">{cases.length} of {leaver.cases.length} selected</span>
          </div>
          {tried && problem && cases.length === 0 ? <p className="error-text" role="alert">{problem}</p> : null}
          <LeaverActions leaver={leaver} toId={toId} toName={officers.find((o) => o.id === toId)?.name ?? null} canReassign={can('actions.bulk')} onMoved={onMoved} />
        </div>}
      </div>
    </form>
  );
}

/** A leaver's open actions: those on the cases they lead move with the case; the rest are reassigned here. */
function LeaverActions({ leaver, toId, toName, canReassign, onMoved }: { leaver: Leaver; toId: number | null; toName: string | null; canReassign: boolean; onMoved: (moved: number, toName: string) => void }) {
  const a = useMutation();
  const withCase = leaver.actions.filter((x) => x.movesWithCase);
  const others = leaver.actions.filter((x) => !x.movesWithCase);
  if (leaver.actions.length === 0) return null;
  const reassign = async () => {
    if (toId === null) return;
    const r = await a.run(() => call('actions.bulk', { ids: others.map((x) => x.id), op: 'reassign', ownerId: toId, note: null }));
    if (r) onMoved(r.updated, toName ?? 'the officer chosen');
  };
  return (
    <div className="trk-leaver-actions">
      <h4>Open actions of {leaver.name}</h4>
      {withCase.length > 0 ? <p className="muted small">{withCase.length} {withCase.length === 1 ? 'action moves' : 'actions move'} with the cases above when they are reallocated.</p> : null}
      {others.length > 0 ? (
        <>
          <p className="small">{others.length} {others.length === 1 ? 'action is' : 'actions are'} on cases {leaver.name} does not lead, and need{others.length === 1 ? 's' : ''} a new owner:</p>
          <ul className="trk-case-list">
            {others.map((x) => <li key={x.id}><span className="trk-ref">{x.caseReference ?? 'General'}</span> {x.text} <span className="muted">due {formatUk(x.dueDate)}</span></li>)}
          </ul>
          <ErrorBanner message={a.error} />
          {canReassign ? <button type="button" disabled={a.busy || toId === null} onClick={() => void reassign()}>
            {toId === null ? 'Choose who takes them above' : `Reassign ${others.length === 1 ? 'it' : 'them'} to ${toName ?? 'the officer chosen'}`}
          </button> : null}
        </>
      ) : null}
    </div>
  );
}
