import { useEffect, useMemo, useState } from 'react';
import { SortableHead } from './tracking/SortableHead';
import type { SortingState } from '@tanstack/react-table';
import { TrackerCells, useTrackerTable } from './tracking/trackerTable';
import type { Officer } from '../../../shared/api/schemas';
import type { TrackerAction } from '../../../shared/api/trackingSchemas';
import { formatUk } from '../../../shared/domain/dates';
import { useActions, useOfficers } from '../data/hooks';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import { DEFAULT_ACTION_FILTERS, actionFiltersDiffer, actionMenus, filterActions, isSelectable, printList, reconcileActionFilters, selectAllState, selectedShown, sortActions, toggleAllShown, type ActionColumnId, type ActionFilters } from './tracking/actions';
import { actionsCsv, actionsCsvFileName } from './tracking/csv';
import { downloadText } from '../lib/download';
import { localStore } from '../lib/storage';
import { loadOfficerId, saveOfficerId, SHOW_NAMES_KEY } from './tracking/prefs';
import { useStoredFlag } from './tracking/hooks';
import { useToday } from '../data/today';
import { MarkDoneDialog, NewActionDialog, ReassignDialog } from './tracking/ActionDialogs';
import './tracking/tracking.css';
import { MyActionsBar, Filters } from './tracking/ActionsFilters';
import { useCan } from '../data/session';
import { actionColumns } from './tracking/actionColumns';
import { PrintList } from './tracking/ActionsPrintList';

const EMPTY: TrackerAction[] = [];
const EMPTY_OFFICERS: Officer[] = [];

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
  const can = useCan();
  // Selecting is only for the bulk changes: a role that can't make them gets no select column or bar.
  const canBulk = can('actions.bulk');

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

  const columns = useMemo(() => actionColumns(showNames, selected, setSelected).filter((c) => canBulk || c.id !== 'select'), [showNames, selected, canBulk]);
  const table = useTrackerTable(shown, columns, sorting, setSorting);

  const afterBulk = (what: string) => (updated: number) => {
    setDialog(null);
    setSelected(new Set());
    setNotice(`${updated} ${updated === 1 ? 'action' : 'actions'} ${what}.`);
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
      {can('actions.create') ? <button type="button" className="primary" onClick={() => setDialog('new')}>New action</button> : null}
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
            {canBulk ? <div className="trk-bulk" role="group" aria-label="Selected actions">
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
            </div> : null}
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
        }}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
