import { formatUk } from '../lib/format';
import { useEffect, useId, useMemo, useState } from 'react';
import type { Officer } from '../../../shared/api/schemas';
import type { Caseload } from '../../../shared/api/trackingSchemas';
import { call } from '../api/client';
import { useCaseload, useOfficers } from '../data/hooks';
import { hrefFor } from '../lib/router';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import { Field } from '../components/Field';
import { RagBadge } from '../components/RagBadge';
import { useMutation } from '../data/useMutation';
import {
  DEFAULT_REALLOCATION_REASON,
  activeOfficers,
  addCounts,
  chosenCases,
  groupByTeam,
  reallocationProblem,
  toggleLeaverCases,
  type CaseloadOfficer,
  type Leaver,
} from './tracking/caseload';
import { toggleOne } from './tracking/actions';
import { RagMini } from './tracking/RagMini';
import { SHOW_NAMES_KEY } from './tracking/prefs';
import { useStoredFlag } from './tracking/hooks';
import './tracking/tracking.css';

const EMPTY_OFFICERS: Officer[] = [];

/** Open cases and actions per officer, team by team, and moving a leaver's cases to someone else. */
export function CaseloadPage() {
  const caseload = useCaseload();
  const officersCall = useOfficers();
  const [showNames, setShowNames] = useStoredFlag(SHOW_NAMES_KEY);
  const [notice, setNotice] = useState<string | null>(null);
  const data = caseload.data;
  const groups = useMemo(() => (data ? groupByTeam(data.officers) : []), [data]);

  const reload = async (message: string) => {
    setNotice(message);
    await Promise.all([caseload.reload(), officersCall.reload()]);
  };

  return (
    <div className="trk-page">
      <div className="page-head">
        <h1>Caseload</h1>
        {data ? (
          <span className="muted">
            {data.officers.filter((o) => o.active).length} officers in post · {countOpen(data)} open cases
          </span>
        ) : null}
        <span className="spacer" />
        <label className="trk-check" title="Children's names are hidden unless you tick this (remembered on this computer)">
          <input type="checkbox" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} /> Show names
        </label>
      </div>
      <ErrorBanner message={caseload.error ? `The caseload could not be loaded: ${caseload.error}` : null} />
      {notice ? <InfoBanner>{notice}</InfoBanner> : null}
      {!data && !caseload.error ? <p className="muted" aria-busy="true" role="status">Loading the caseload…</p> : null}

      {data && data.needsReallocation.length > 0 ? (
        <section className="card trk-realloc" aria-labelledby="trk-realloc-h">
          <h2 id="trk-realloc-h">Needs reallocation</h2>
          <p className="muted">These officers have left but still lead open cases or own open actions. Tick the cases and choose who takes them on; their actions go with them.</p>
          {data.needsReallocation.map((l) => (
            <LeaverCases key={l.officerId} leaver={l} officers={officersCall.data ?? EMPTY_OFFICERS} showNames={showNames} onMoved={(n, to) => void reload(`${n} ${n === 1 ? 'case' : 'cases'} of ${l.name} reallocated to ${to}.`)} />
          ))}
        </section>
      ) : null}

      {data ? (
        data.officers.length === 0 ? (
          <div className="card trk-empty">
            <h2>No officers yet</h2>
            <p>Add the people who lead cases, with their team, on the <a href={hrefFor({ page: 'officers' })}>Officers</a> page.</p>
          </div>
        ) : (
          <>
            {groups.map((g) => (
              <section key={g.team} className="trk-team" aria-labelledby={`trk-team-${g.team}`}>
                <h2 id={`trk-team-${g.team}`}>{g.label}</h2>
                <CaseloadTable
                  label={`${g.label} caseload`}
                  rows={g.officers}
                  totals={{ name: `${g.label} total`, ...g.totals }}
                />
              </section>
            ))}
            <section className="trk-team" aria-labelledby="trk-team-unallocated">
              <h2 id="trk-team-unallocated">Unallocated</h2>
              <table className="simple trk-table trk-caseload" aria-label="Unallocated cases">
                <CaseloadHead />
                <tbody>
                  <tr className={data.unallocated.cme.total + data.unallocated.pmoe.total > 0 ? 'trk-unallocated' : ''}>
                    <th scope="row">
                      <a href={hrefFor({ page: 'register' })}>Unallocated</a>
                      <div className="muted small">No lead officer yet</div>
                    </th>
                    <td className="muted">—</td>
                    <td><RagMini counts={data.unallocated.cme} /></td>
                    <td><RagMini counts={data.unallocated.pmoe} /></td>
                    <td className="muted">—</td>
                    <td className="muted">—</td>
                  </tr>
                </tbody>
              </table>
            </section>
          </>
        )
      ) : null}
    </div>
  );
}

function countOpen(d: Caseload): number {
  const all = d.officers.reduce((s, o) => s + o.cme.total + o.pmoe.total, 0);
  return all + d.unallocated.cme.total + d.unallocated.pmoe.total;
}

function CaseloadHead() {
  return (
    <thead>
      <tr>
        <th scope="col" className="trk-c-name">Name</th>
        <th scope="col" className="trk-c-title">Job title</th>
        <th scope="col" className="trk-c-rag">CME open <span className="trk-legend" aria-hidden="true">R · A · G · NR · total</span></th>
        <th scope="col" className="trk-c-rag">PMOE open <span className="trk-legend" aria-hidden="true">R · A · G · NR · total</span></th>
        <th scope="col" className="trk-c-num">Open actions</th>
        <th scope="col" className="trk-c-num">Overdue actions</th>
      </tr>
    </thead>
  );
}

function CaseloadTable({ label, rows, totals }: { label: string; rows: readonly CaseloadOfficer[]; totals: { name: string } & ReturnType<typeof groupByTeam>[number]['totals'] }) {
  return (
    <table className="simple trk-table trk-caseload" aria-label={label}>
      <CaseloadHead />
      <tbody>
        {rows.map((o) => (
          <tr key={o.officerId} className={o.active ? '' : 'trk-left'}>
            <th scope="row">
              {o.name}
              {o.active ? null : <span className="pill trk-left-pill">Left</span>}
            </th>
            <td>{o.jobTitle ?? <span className="muted">—</span>}</td>
            <td><RagMini counts={o.cme} /></td>
            <td><RagMini counts={o.pmoe} /></td>
            <td className="trk-c-num">{o.openActions}</td>
            <td className="trk-c-num">{o.overdueActions > 0 ? <span className="pill pill-alert">{o.overdueActions}</span> : 0}</td>
          </tr>
        ))}
      </tbody>
      {rows.length > 1 ? (
        <tfoot>
          <tr>
            <th scope="row">{totals.name}</th>
            <td />
            <td><RagMini counts={totals.cme} /></td>
            <td><RagMini counts={totals.pmoe} /></td>
            <td className="trk-c-num">{totals.openActions}</td>
            <td className="trk-c-num">{totals.overdueActions}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** One leaver's open cases, with the tick boxes, the officer to move them to, and the reason. */
function LeaverCases({ leaver, officers, showNames, onMoved }: { leaver: Leaver; officers: readonly Officer[]; showNames: boolean; onMoved: (moved: number, toName: string) => void }) {
  const id = useId();
  const [selected, setSelected] = useState<Set<number>>(() => new Set());
  const [to, setTo] = useState('');
  const [reason, setReason] = useState(DEFAULT_REALLOCATION_REASON);
  const [tried, setTried] = useState(false);
  const a = useMutation();
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
          <label className="trk-check trk-all">
            <input
              type="checkbox"
              checked={allTicked}
              ref={(el) => {
                if (el) el.indeterminate = someTicked;
              }}
              onChange={() => setSelected((s) => toggleLeaverCases(leaver, s))}
            />{' '}
            Select all cases of {leaver.name}
          </label>
          <ul className="trk-case-list">
            {leaver.cases.map((c) => (
              <li key={c.caseId}>
                <label className="trk-check">
                  <input type="checkbox" checked={selected.has(c.caseId)} onChange={(e) => setSelected((s) => toggleOne(s, c.caseId, e.target.checked))} aria-label={`Select case ${c.reference}`} />
                </label>
                <a href={hrefFor({ page: 'case', id: c.caseId, tab: null })} className="trk-ref">{c.reference}</a>
                {showNames ? <span>{c.childName}</span> : null}
                <span className="muted">{c.register}</span>
                <RagBadge rag={c.rag} />
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="trk-leaver-form">
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
          <LeaverActions leaver={leaver} toId={toId} toName={officers.find((o) => o.id === toId)?.name ?? null} onMoved={onMoved} />
        </div>
      </div>
    </form>
  );
}

/** A leaver's open actions: those on the cases they lead move with the case; the rest are reassigned here. */
function LeaverActions({ leaver, toId, toName, onMoved }: { leaver: Leaver; toId: number | null; toName: string | null; onMoved: (moved: number, toName: string) => void }) {
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
          <button type="button" disabled={a.busy || toId === null} onClick={() => void reassign()}>
            {toId === null ? 'Choose who takes them above' : `Reassign ${others.length === 1 ? 'it' : 'them'} to ${toName ?? 'the officer chosen'}`}
          </button>
        </>
      ) : null}
    </div>
  );
}
