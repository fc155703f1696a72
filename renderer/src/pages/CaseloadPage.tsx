import { useMemo, useState } from 'react';
import type { Officer } from '../../../shared/api/schemas';
import type { Caseload } from '../../../shared/api/trackingSchemas';
import { useCaseload, useOfficers } from '../data/hooks';
import { hrefFor } from '../lib/router';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import { groupByTeam, type CaseloadOfficer } from './tracking/caseload';
import { RagMini } from './tracking/RagMini';
import { SHOW_NAMES_KEY } from './tracking/prefs';
import { useStoredFlag } from './tracking/hooks';
import './tracking/tracking.css';
import { LeaverCases } from './tracking/LeaverCases';

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
