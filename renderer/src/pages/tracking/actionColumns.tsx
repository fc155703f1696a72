import type { ColumnDef } from '@tanstack/react-table';
import type { TrackerAction } from '../../../../shared/api/trackingSchemas';
import { formatUk } from '../../../../shared/domain/dates';
import { hrefFor } from '../../lib/router';
import { ACTION_SORT_KEYS, actionStatusLabel, carriedFlag, isSelectable, raisedAtLabel, teamLabel, toggleOne, type ActionColumnId } from './actions';
import { columnBuilder } from './columns';

const COLUMN_LABELS: Record<ActionColumnId, string> = {
  case: 'Case',
  action: 'Action',
  owner: 'Owner',
  team: 'Team',
  raised: 'Raised at',
  due: 'Due',
  status: 'Status',
  carried: 'Times carried forward',
  completed: 'Completed',
};
/** First click sorts these descending (the most, the latest). */
const DESC_FIRST = new Set<ActionColumnId>(['carried', 'completed']);

export function actionColumns(showNames: boolean, selected: ReadonlySet<number>, setSelected: (fn: (s: Set<number>) => Set<number>) => void): ColumnDef<TrackerAction, unknown>[] {
  const col = columnBuilder<TrackerAction, ActionColumnId>(COLUMN_LABELS, ACTION_SORT_KEYS, DESC_FIRST);
  return [
    {
      id: 'select',
      enableSorting: false,
      header: 'Select',
      cell: (ctx) => {
        const a = ctx.row.original;
        return (
          <input
            type="checkbox"
            aria-label={`Select action ${a.text}`}
            checked={isSelectable(a) && selected.has(a.id)}
            disabled={!isSelectable(a)}
            onChange={(e) => {
              const on = e.target.checked;
              setSelected((s) => toggleOne(s, a.id, on));
            }}
          />
        );
      },
    },
    col('case', (a) =>
      a.caseId !== null ? (
        <span className="trk-case">
          <a href={hrefFor({ page: 'case', id: a.caseId, tab: null })} className="trk-ref">{a.caseReference}</a>
          {showNames && a.caseName ? <span className="trk-name">{a.caseName}</span> : null}
        </span>
      ) : (
        <span className="muted">—</span>
      ),
    ),
    col('action', (a) => <span className="trk-text">{a.text}</span>),
    col('owner', (a) => a.ownerName ?? <span className="muted">Unassigned</span>),
    col('team', (a) => teamLabel(a.ownerTeam)),
    col('raised', (a) => (
      <span className="trk-raised" title={raisedAtLabel(a)}>
        {a.meetingId !== null ? <a href={hrefFor({ page: 'meeting', id: a.meetingId })}>{a.panelName ?? 'Meeting'}</a> : <span>{a.panelName ?? 'Between meetings'}</span>}
        <span className="muted trk-nowrap">{formatUk(a.raisedOn)}</span>
      </span>
    )),
    col('due', (a) => (
      <span className="trk-due">
        <span className="trk-nowrap">{formatUk(a.dueDate)}</span>
        {a.overdue ? <span className="pill pill-alert">Overdue</span> : a.dueThisWeek ? <span className="pill pill-warn">Due this week</span> : null}
      </span>
    )),
    col('status', (a) => actionStatusLabel(a)),
    col('carried', (a) => {
      const flag = carriedFlag(a);
      return (
        <span className="trk-carried">
          <span>{a.carriedCount}</span>
          {flag ? <span className="pill pill-warn" title={a.suggestion ?? undefined}>{flag}</span> : null}
        </span>
      );
    }),
    col('completed', (a) =>
      a.completedOn ? (
        <span className="trk-completed">
          <span className="trk-nowrap">{formatUk(a.completedOn)}</span>
          {a.completionNote ? <span className="muted">{a.completionNote}</span> : null}
        </span>
      ) : null,
    ),
  ];
}
