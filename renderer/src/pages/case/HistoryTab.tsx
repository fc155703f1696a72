import type { Officer } from '../../../../shared/api/schemas';
import { useCaseAudit } from '../../data/hooks';
import { ErrorBanner } from '../../components/Banner';
import { formatDateTime } from '../../lib/format';
import { describeAudit } from './history';

/** The audit trail for this case and its child: append-only, newest first. */
export function HistoryTab({ caseId, officers, version }: { caseId: number; officers: Officer[]; version: number }) {
  const audit = useCaseAudit(caseId, { key: `${caseId}:${version}` });
  if (audit.error) return <ErrorBanner message={audit.error} />;
  if (!audit.data) return <p className="muted">Loading history…</p>;
  const lines = describeAudit(audit.data, officers);
  return (
    <section>
      <h2>History</h2>
      <p className="muted small">Every change to this case and child, who made it and when. The history can’t be edited.</p>
      <table className="simple" aria-label="History">
        <thead><tr><th style={{ width: '11rem' }}>When</th><th style={{ width: '10rem' }}>Who</th><th>What</th><th>Change</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <td>{formatDateTime(l.at)}</td>
              <td>{l.actor}{l.source && l.source !== 'register' ? <div className="muted small">via {l.source}</div> : null}</td>
              <td>{l.title}</td>
              <td>{l.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
