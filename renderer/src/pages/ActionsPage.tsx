import { useEffect, useId, useMemo, useState } from 'react';
import { SortableHead } from './tracking/SortableHead';
import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { TrackerCells, useTrackerTable } from './tracking/trackerTable';
import type { Officer } from '../../../shared/api/schemas';
import type { TrackerAction } from '../../../shared/api/trackingSchemas';
import { formatUk } from '../../../shared/domain/dates';
import { useActions, useOfficers } from '../data/hooks';
import { hrefFor } from '../lib/router';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import {
  ACTION_SORT_KEYS,
  ACTION_STATUS_CHOICES,
  DEFAULT_ACTION_FILTERS,
  actionFiltersDiffer,
  actionMenus,
  actionStatusLabel,
  carriedFlag,
  filterActions,
  isSelectable,
  printList,
  raisedAtLabel,
  reconcileActionFilters,
  selectAllState,
  selectedShown,
  sortActions,
  teamLabel,
  toggleAllShown,
  toggleOne,
  type ActionColumnId,
  type ActionFilters,
  type ActionStatusChoice,
  type OwnerChoice,
} from './tracking/actions';
import { actionsCsv, actionsCsvFileName } from './tracking/csv';
import { columnBuilder } from './tracking/columns';
import { downloadText } from '../lib/download';
import { localStore } from '../lib/storage';
import { loadOfficerId, saveOfficerId, SHOW_NAMES_KEY } from './tracking/prefs';
import { useStoredFlag } from './tracking/hooks';
import { useToday } from '../data/today';
import { MarkDoneDialog, NewActionDialog, ReassignDialog } from './tracking/ActionDialogs';
import './tracking/tracking.css';

const EMPTY: TrackerAction[] = [];
const EMPTY_OFFICERS: Officer[] = [];

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

type Dialog = 'done' | 'reassign' | 'new' | null;

/** The action tracker: every action, from panels and between meetings, with "My actions", print and CSV. */
export function ActionsPage() {
  const list = useActions();
  const officersCall = useOfficers();
  const officers = officersCall.data ?? EMPTY_OFFICERS;
  const today = useToday();
  const actions = list.data ?? EMPTY;
  const [showNames, setShowNames] = useStoredFlag(SHOW_NAMES_KEY);
  const [filters, setFilters] = useState<ActionFilters>(() => {
    const me = loadOfficerId(localStore());
    return { ...DEFAULT_ACTION_FILTERS, owner: me ?? 'all' };
  });
  const [sorting, setSorting] = useState<SortingState>([{ id: 'due', desc: false }]);
  const [selected, setSelected] = useState<Set<number>>(() => new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const menus = useMemo(() => {
    // The owner menu also offers the officer chosen in "My actions", even with no actions yet.
    const m = actionMenus(actions);
    const mine = typeof filters.owner === 'number' ? officers.find((o) => o.id === filters.owner) : undefined;
    return mine && !m.owners.some((o) => o.id === mine.id) ? { ...m, owners: [...m.owners, { id: mine.id, name: mine.name }].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) } : m;
  }, [actions, officers, filters.owner]);
  // A remembered team or panel with no actions any more, or an officer no longer on the list,
  // would hide everything: reset it.
  useEffect(() => {
    if (!list.data || !officersCall.data) return;
    const everyone = officersCall.data.map((o) => ({ id: o.id, name: o.name }));
    setFilters((f) => reconcileActionFilters(f, { ...menus, owners: [...menus.owners, ...everyone] }));
  }, [list.data, officersCall.data, menus]);

  const setFilter = <K extends keyof ActionFilters>(k: K, v: ActionFilters[K]) => {
    setFilters((f) => ({ ...f, [k]: v }));
    if (k === 'owner') saveOfficerId(localStore(), typeof v === 'number' ? v : null);
  };

  const shown = useMemo(() => {
    const s = sorting[0];
    return sortActions(filterActions(actions, filters), s ? { id: s.id as ActionColumnId, desc: s.desc } : null);
  }, [actions, filters, sorting]);
  const chosen = selectedShown(shown, selected);
  const allState = selectAllState(shown, selected);

  const ownerId = typeof filters.owner === 'number' ? filters.owner : null;
  const ownerName = ownerId === null ? null : (officers.find((o) => o.id === ownerId)?.name ?? menus.owners.find((o) => o.id === ownerId)?.name ?? null);
  const printed = useMemo(() => printList(actions, ownerId), [actions, ownerId]);

  const columns = useMemo(() => actionColumns(showNames, selected, setSelected), [showNames, selected]);
  const table = useTrackerTable(shown, columns, sorting, setSorting);

  const afterBulk = (what: string) => (updated: number) => {
    setDialog(null);
    setSelected(new Set());
    setNotice(`${updated} ${updated === 1 ? 'action' : 'actions'} ${what}.`);
    void list.reload();
  };

  const officerOptions = useMemo(() => {
    const owning = new Set(menus.owners.map((o) => o.id));
    return [...officers].filter((o) => o.active || owning.has(o.id)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }, [officers, menus]);

  const head = (
    <div className="page-head">
      <h1>{ownerName ? `Actions — ${ownerName}` : 'Actions'}</h1>
      {list.data ? (
        <span className="muted" aria-live="polite">
          {shown.filter((a) => a.overdue).length} overdue shown · showing {shown.length} of {actions.length}
        </span>
      ) : null}
      <span className="spacer" />
      <button type="button" className="primary" onClick={() => setDialog('new')}>New action</button>
    </div>
  );

  return (
    <div className="trk-page trk-actions-page">
      <div className="trk-screen">
        {head}
        <ErrorBanner message={list.error ? `The actions could not be loaded: ${list.error}` : null} />
        {notice ? <InfoBanner>{notice}</InfoBanner> : null}

        <MyActionsBar
          officers={officerOptions}
          value={ownerId}
          onChange={(id) => setFilter('owner', id ?? 'all')}
          printCount={printed.length}
          onPrint={() => window.print()}
          onCsv={() => downloadText(actionsCsvFileName(ownerName, today), actionsCsv(shown))}
          csvCount={shown.length}
        />

        <Filters filters={filters} setFilter={setFilter} menus={menus} onClear={() => setFilters({ ...DEFAULT_ACTION_FILTERS })} showNames={showNames} setShowNames={setShowNames} />

        {!list.data && !list.error ? <p className="muted" aria-busy="true" role="status">Loading the actions…</p> : null}
        {list.data && actions.length === 0 ? (
          <div className="card trk-empty">
            <h2>No actions yet</h2>
            <p>Actions agreed at panel appear here, and so do actions raised between meetings with “New action”.</p>
          </div>
        ) : null}
        {list.data && actions.length > 0 ? (
          <>
            <div className="trk-bulk" role="group" aria-label="Selected actions">
              <label className="trk-check">
                <input
                  type="checkbox"
                  checked={allState === 'all'}
                  ref={(el) => {
                    if (el) el.indeterminate = allState === 'some';
                  }}
                  disabled={!shown.some(isSelectable)}
                  onChange={() => setSelected((s) => toggleAllShown(shown, s))}
                />{' '}
                Select all shown
              </label>
              <span className="muted" aria-live="polite">{chosen.length} selected</span>
              <button type="button" disabled={chosen.length === 0} onClick={() => setDialog('done')}>Mark done</button>
              <button type="button" disabled={chosen.length === 0} onClick={() => setDialog('reassign')}>Reassign</button>
            </div>
            {shown.length === 0 ? (
              <div className="card trk-empty" role="status">
                <h2>{filters.overdueOnly ? 'No overdue actions' : 'No actions match these filters'}</h2>
                <p>{filters.overdueOnly ? 'Nothing shown is past its due date.' : 'Try fewer filters, or clear them to see every open action.'}</p>
                {actionFiltersDiffer(filters) ? <button type="button" onClick={() => setFilters({ ...DEFAULT_ACTION_FILTERS })}>Clear filters</button> : null}
              </div>
            ) : (
              <div className="trk-table-wrap">
                <table className="simple trk-table trk-actions" aria-label="Actions">
                  <SortableHead table={table} plain={{ select: 'Select' }} />
                  <tbody>
                    {table.getRowModel().rows.map((row) => {
                      const a = row.original;
                      return (
                        <tr key={row.id} className={`${a.overdue ? 'trk-overdue' : ''}${selected.has(a.id) && isSelectable(a) ? ' is-selected' : ''}${isSelectable(a) ? '' : ' is-finished'}`}>
                          <TrackerCells row={row} />
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : null}
      </div>

      <PrintList actions={printed} ownerName={ownerName} today={today} showNames={showNames} />

      <MarkDoneDialog ids={chosen} open={dialog === 'done'} onClose={() => setDialog(null)} onDone={afterBulk('marked done')} />
      <ReassignDialog ids={chosen} officers={officers} open={dialog === 'reassign'} onClose={() => setDialog(null)} onDone={afterBulk('reassigned')} />
      <NewActionDialog
        open={dialog === 'new'}
        officers={officers}
        today={today}
        defaultOwner={ownerId !== null && officers.some((o) => o.id === ownerId && o.active) ? ownerId : null}
        onClose={() => setDialog(null)}
        onDone={(a) => {
          setDialog(null);
          setNotice(`Action added to ${a.caseReference ?? 'the case'}, due ${formatUk(a.dueDate)}.`);
          void list.reload();
        }}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function MyActionsBar({ officers, value, onChange, printCount, onPrint, onCsv, csvCount }: {
  officers: readonly Officer[];
  value: number | null;
  onChange: (id: number | null) => void;
  printCount: number;
  onPrint: () => void;
  onCsv: () => void;
  csvCount: number;
}) {
  const id = useId();
  return (
    <div className="trk-my card" role="group" aria-label="My actions">
      <div className="field">
        <label htmlFor={id}>Officer</label>
        <select id={id} value={value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
          <option value="">Everyone</option>
          {officers.map((o) => (
            <option key={o.id} value={String(o.id)}>{o.name}{o.active ? '' : ' (left)'}</option>
          ))}
        </select>
      </div>
      <p className="muted trk-my-hint">
        {value === null ? 'Choose an officer to see just their actions; the choice is remembered on this computer.' : `${printCount} open ${printCount === 1 ? 'action' : 'actions'} to print.`}
      </p>
      <span className="spacer" />
      <button type="button" onClick={onPrint} disabled={printCount === 0}>Print list</button>
      <button type="button" onClick={onCsv} disabled={csvCount === 0} title="The actions shown below, as a spreadsheet (CSV)">Download CSV</button>
    </div>
  );
}

function Filters({ filters, setFilter, menus, onClear, showNames, setShowNames }: {
  filters: ActionFilters;
  setFilter: <K extends keyof ActionFilters>(k: K, v: ActionFilters[K]) => void;
  menus: ReturnType<typeof actionMenus>;
  onClear: () => void;
  showNames: boolean;
  setShowNames: (v: boolean) => void;
}) {
  const id = useId();
  const ownerValue = typeof filters.owner === 'number' ? `o:${filters.owner}` : filters.owner;
  return (
    <div className="trk-toolbar" role="search" aria-label="Filter the actions">
      <div className="trk-filters">
        <div className="field">
          <label htmlFor={`${id}-owner`}>Owner</label>
          <select
            id={`${id}-owner`}
            value={ownerValue}
            onChange={(e) => {
              const v = e.target.value;
              setFilter('owner', (v === 'all' || v === 'none' ? v : Number(v.slice(2))) as OwnerChoice);
            }}
          >
            <option value="all">All</option>
            {menus.unowned ? <option value="none">Unassigned</option> : null}
            {menus.owners.map((o) => (
              <option key={o.id} value={`o:${o.id}`}>{o.name}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-team`}>Team</label>
          <select id={`${id}-team`} value={filters.team} onChange={(e) => setFilter('team', e.target.value as ActionFilters['team'])}>
            <option value="all">All</option>
            {menus.teams.map((t) => (
              <option key={t.code} value={t.code}>{t.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-panel`}>Panel</label>
          <select id={`${id}-panel`} value={filters.panel === 'all' || filters.panel === 'between' ? filters.panel : `p:${filters.panel}`} onChange={(e) => {
            const v = e.target.value;
            setFilter('panel', v === 'all' || v === 'between' ? v : v.slice(2));
          }}>
            <option value="all">All</option>
            {menus.between ? <option value="between">Between meetings</option> : null}
            {menus.panels.map((p) => (
              <option key={p} value={`p:${p}`}>{p}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={filters.status} onChange={(e) => setFilter('status', e.target.value as ActionStatusChoice)}>
            {ACTION_STATUS_CHOICES.map((s) => (
              <option key={s.code} value={s.code}>{s.label}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="trk-toggles">
        <label className="trk-check">
          <input type="checkbox" checked={filters.dueThisWeek} onChange={(e) => setFilter('dueThisWeek', e.target.checked)} /> Due this week
        </label>
        <label className="trk-check">
          <input type="checkbox" checked={filters.overdueOnly} onChange={(e) => setFilter('overdueOnly', e.target.checked)} /> Overdue only
        </label>
        <span className="spacer" />
        <label className="trk-check" title="Children's names are hidden unless you tick this (remembered on this computer)">
          <input type="checkbox" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} /> Show names
        </label>
        <button type="button" onClick={onClear} disabled={!actionFiltersDiffer(filters)}>Clear filters</button>
      </div>
    </div>
  );
}

function actionColumns(showNames: boolean, selected: ReadonlySet<number>, setSelected: (fn: (s: Set<number>) => Set<number>) => void): ColumnDef<TrackerAction, unknown>[] {
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

/** Only on paper: the chosen officer's open actions (everyone's when no officer is chosen). */
function PrintList({ actions, ownerName, today, showNames }: { actions: readonly TrackerAction[]; ownerName: string | null; today: string; showNames: boolean }) {
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
