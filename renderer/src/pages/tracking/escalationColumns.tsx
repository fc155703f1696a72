import type { ColumnDef } from '@tanstack/react-table';
import type { EscalationLogRow } from '../../../../shared/api/trackingSchemas';
import { formatUk } from '../../../../shared/domain/dates';
import { hrefFor } from '../../lib/router';
import { ESCALATION_SORT_KEYS, ageLabel, escalationReasonLabel, escalationStatusLabel, isLive, type EscalationColumnId } from './escalations';
import { columnBuilder } from './columns';

const COLUMN_LABELS: Record<EscalationColumnId, string> = {
  case: 'Case',
  reason: 'Reason',
  level: 'Level',
  status: 'Status',
  raised: 'Raised',
  age: 'Age',
  due: 'Response due',
  to: 'Escalated to',
};
const DESC_FIRST = new Set<EscalationColumnId>(['age', 'level', 'raised']);

export function escalationColumns(showNames: boolean, expanded: ReadonlySet<number>, toggle: (id: number) => void): ColumnDef<EscalationLogRow, unknown>[] {
  const col = columnBuilder<EscalationLogRow, EscalationColumnId>(COLUMN_LABELS, ESCALATION_SORT_KEYS, DESC_FIRST);
  return [
    {
      id: 'expand',
      enableSorting: false,
      header: 'Steps',
      cell: (ctx) => {
        const e = ctx.row.original;
        const open = expanded.has(e.id);
        return (
          <button
            type="button"
            className="trk-expand"
            aria-expanded={open}
            aria-controls={open ? `trk-steps-${e.id}` : undefined}
            aria-label={`${open ? 'Hide' : 'Show'} steps for ${e.caseReference}`}
            onClick={() => toggle(e.id)}
          >
            <span aria-hidden="true" className="trk-chevron">{open ? '▾' : '▸'}</span> {open ? 'Hide' : 'Show'} steps
          </button>
        );
      },
    },
    col('case', (e) => (
      <span className="trk-case">
        <a href={hrefFor({ page: 'case', id: e.caseId, tab: null })} className="trk-ref">{e.caseReference}</a>
        {showNames ? <span className="trk-name">{e.caseName}</span> : null}
      </span>
    )),
    col('reason', (e) => escalationReasonLabel(e.reason)),
    col('level', (e) => (
      <span className="trk-level-cell">
        <span className="trk-level-badge">{e.level}</span> {e.levelTitle}
      </span>
    )),
    col('status', (e) => <span className={`pill trk-status-${e.status}`}>{escalationStatusLabel(e.status)}</span>),
    col('raised', (e) => <span className="trk-nowrap">{formatUk(e.firstRaisedOn)}</span>),
    col('age', (e) => <span className="trk-nowrap">{ageLabel(e.ageDays)}</span>),
    col('due', (e) =>
      e.responseDue && isLive(e.status) ? (
        <span className="trk-due">
          <span className="trk-nowrap">{formatUk(e.responseDue)}</span>
          {e.responseOverdue ? <span className="pill pill-alert">Overdue</span> : null}
        </span>
      ) : (
        <span className="muted">—</span>
      ),
    ),
    col('to', (e) => e.chain.at(-1)?.escalatedTo ?? <span className="muted" title={`Nobody named: ${e.levelTitle}`}>—</span>),
  ];
}
