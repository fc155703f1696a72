import { hrefFor } from '../../lib/router';
import { useState } from 'react';
import { useReturnsReport, useReturnsStatus, base64Blob } from '../../data/returns';
import { useMutation } from '../../data/useMutation';
import { downloadBlob } from '../../lib/download';
import { ErrorBanner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { call } from '../../api/client';

/** Returns by school and half term: counts by category, hours, changes since the school's previous return; with CSV. */
export function ReturnsReportTab() {
  const status = useReturnsStatus(null);
  const [halfTerm, setHalfTerm] = useState('');
  const input = { halfTerms: halfTerm ? [halfTerm] : [] };
  const report = useReturnsReport(input);
  const csv = useMutation();
  const r = report.data;
  const download = () => void csv.run(async () => {
    const f = await call('returns.reportCsv', input);
    downloadBlob(f.fileName, base64Blob(f.base64, f.mimeType));
  });
  const used = r ? r.categories.filter((c) => r.rows.some((x) => (x.byCategory[c.code] ?? 0) > 0)) : [];
  return (
    <section className="card" aria-labelledby="ret-report-h">
      <h2 id="ret-report-h">Returns by school and half term</h2>
      <div className="ret-toolbar">
        <Field label="Half term">
          {(a) => (
            <select {...a} value={halfTerm} onChange={(e) => setHalfTerm(e.target.value)}>
              <option value="">Every half term with a return</option>
              {(status.data?.halfTerms ?? []).map((h) => <option key={h.key} value={h.key}>{h.label}</option>)}
            </select>
          )}
        </Field>
        <button type="button" onClick={download} disabled={csv.busy}>Download CSV</button>
      </div>
      <ErrorBanner message={report.error ?? csv.error} />
      {r && r.rows.length === 0 ? <p className="muted">No schools yet.</p> : null}
      {r && r.rows.length > 0 ? (
        <div className="table-wrap">
          <table className="simple ret-report">
            <caption className="sr-only">Pupils reported by each school, by category, with hours and changes since the last return</caption>
            <thead>
              <tr>
                <th scope="col">School</th><th scope="col">Half term</th><th scope="col">Return</th><th scope="col">Pupils</th>
                {used.map((c) => <th key={c.code} scope="col">{c.label}</th>)}
                <th scope="col">Total hours a week</th><th scope="col">Average hours</th><th scope="col">Under 10 hours</th>
                <th scope="col">New since last</th><th scope="col">Changed</th><th scope="col">No longer listed</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((x) => (
                <tr key={`${x.schoolId}-${x.halfTerm}`}>
                  <th scope="row">{x.schoolName}</th><td>{x.halfTermLabel}</td><td>{x.state}</td><td>{x.pupils}</td>
                  {used.map((c) => <td key={c.code}>{x.byCategory[c.code] ?? 0}</td>)}
                  <td>{x.totalHours}</td><td>{x.averageHours ?? '—'}</td><td>{x.under10Hours}</td>
                  <td>{x.newSinceLast}</td><td>{x.changedSinceLast}</td>
                  <td>
                    {x.noLongerListedPupils.length === 0 ? x.noLongerListed : (
                      <details className="ret-dropped">
                        <summary>{x.noLongerListed}<span className="sr-only"> pupils no longer listed by {x.schoolName}: show who</span></summary>
                        <ul>
                          {x.noLongerListedPupils.map((p) => (
                            <li key={p.caseId}>
                              {p.reference ? <a href={hrefFor({ page: 'case', id: p.caseId, tab: null })}>{p.reference}</a> : null} {p.name}
                              {p.open ? <span className="muted"> (case open: review)</span> : <span className="muted"> (closed)</span>}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
