import type { TrackerAction } from '../../../../shared/api/trackingSchemas';
import { formatUk } from '../../../../shared/domain/dates';
import { actionStatusLabel, raisedAtLabel } from './actions';

/** Only on paper: the chosen officer's open actions (everyone's when no officer is chosen). */
export function PrintList({ actions, ownerName, today, showNames }: { actions: readonly TrackerAction[]; ownerName: string | null; today: string; showNames: boolean }) {
  return (
    <section className="trk-print" aria-hidden="true">
      <h1>Open actions — {ownerName ?? 'everyone'}</h1>
      <p>Printed {formatUk(today)} · {actions.length} open {actions.length === 1 ? 'action' : 'actions'}</p>
      {actions.length === 0 ? (
        <p>No open actions.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Case</th>
              <th>Action</th>
              {ownerName ? null : <th>Owner</th>}
              <th>Due</th>
              <th>Status</th>
              <th>Raised at</th>
              <th>Done</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id}>
                <td>{a.caseReference}{showNames && a.caseName ? <><br />{a.caseName}</> : null}</td>
                <td>{a.text}</td>
                {ownerName ? null : <td>{a.ownerName ?? 'Unassigned'}</td>}
                <td>{formatUk(a.dueDate)}{a.overdue ? ' (overdue)' : ''}</td>
                <td>{actionStatusLabel(a)}</td>
                <td>{raisedAtLabel(a)}</td>
                <td className="trk-print-box" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
