import { Fragment, useEffect, useMemo, useState } from 'react';
import { SortableHead } from './tracking/SortableHead';
import type { SortingState } from '@tanstack/react-table';
import { TrackerCells, useTrackerTable } from './tracking/trackerTable';
import type { EscalationLogRow } from '../../../shared/api/trackingSchemas';
import type { Ladder } from '../../../shared/domain/escalation';
import { useEscalations, useLadders } from '../data/hooks';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import { Tabs } from '../components/Tabs';
import { compareKeys } from './tracking/actions';
import { DEFAULT_ESCALATION_FILTERS, ESCALATION_SORT_KEYS, escalationFiltersDiffer, escalationMenus, filterEscalations, isLive, reconcileEscalationFilters, type EscalationColumnId, type EscalationFilters } from './tracking/escalations';
import { useCan } from '../data/session';
import { EscalateDialog, NewEscalationDialog, ResolveDialog, RespondDialog } from './tracking/EscalationDialogs';
import { LadderEditor } from './tracking/LadderEditor';
import { escalationsCsv, escalationsCsvFileName } from './tracking/escalationsCsv';
import { downloadText } from '../lib/download';
import { SHOW_NAMES_KEY } from './tracking/prefs';
import { useStoredFlag } from './tracking/hooks';
import { useToday } from '../data/today';
import './tracking/tracking.css';
import { EscalationFiltersBar } from './tracking/EscalationFiltersBar';
import { escalationColumns } from './tracking/escalationColumns';
import { ChainTimeline } from './tracking/ChainTimeline';

const EMPTY: EscalationLogRow[] = [];

type DialogState = { kind: 'respond' | 'escalate' | 'resolve'; row: EscalationLogRow } | { kind: 'new' } | null;

/** The escalation log: one row per chain, its steps as a timeline, and the authority's ladder. */
export function EscalationsPage() {
  const list = useEscalations();
  const laddersCall = useLadders();
  const today = useToday();
  const rows = list.data ?? EMPTY;
  const [tab, setTab] = useState('log');
  const [showNames, setShowNames] = useStoredFlag(SHOW_NAMES_KEY);
  const [filters, setFilters] = useState<EscalationFilters>({ ...DEFAULT_ESCALATION_FILTERS });
  const [sorting, setSorting] = useState<SortingState>([{ id: 'age', desc: true }]);
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set());
  const [dialog, setDialog] = useState<DialogState>(null);
  const can = useCan();
  const [notice, setNotice] = useState<string | null>(null);

  const ladder: Ladder | null = useMemo(() => {
    const l = laddersCall.data;
    if (!l) return null;
    const x = l.ladders.find((y) => y.code === l.active) ?? l.ladders[0];
    return x ? { code: x.code, name: x.name, levels: x.levels.map((v) => ({ level: v.level, title: v.title, person: v.person ?? null })) } : null;
  }, [laddersCall.data]);

  const menus = useMemo(() => escalationMenus(rows, ladder), [rows, ladder]);
  useEffect(() => {
    if (list.data) setFilters((f) => reconcileEscalationFilters(f, menus));
  }, [list.data, menus]);
  const setFilter = <K extends keyof EscalationFilters>(k: K, v: EscalationFilters[K]) => setFilters((f) => ({ ...f, [k]: v }));

  const shown = useMemo(() => {
    const filtered = filterEscalations(rows, filters);
    const s = sorting[0];
    if (!s) return filtered;
    const key = ESCALATION_SORT_KEYS[s.id as EscalationColumnId];
    return filtered
      .map((e, i) => ({ e, i, k: key(e) }))
      .sort((p, q) => {
        if (p.k === undefined || q.k === undefined) return compareKeys(p.k, q.k) || p.i - q.i;
        return (compareKeys(p.k, q.k) || 0) * (s.desc ? -1 : 1) || p.i - q.i;
      })
      .map((x) => x.e);
  }, [rows, filters, sorting]);

  const toggle = (id: number) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const columns = useMemo(() => escalationColumns(showNames, expanded, toggle), [showNames, expanded]);
  const table = useTrackerTable(shown, columns, sorting, setSorting);

  const done = (row: EscalationLogRow, message: string, keepOpen = true) => {
    setDialog(null);
    setNotice(message);
    // The chain's id is its latest step: keep the chain open after escalating it.
    if (keepOpen) setExpanded((s) => new Set([...s, row.id]));
  };

  const live = rows.filter((e) => isLive(e.status));
  const overdue = rows.filter((e) => e.responseOverdue).length;

  return (
    <div className="trk-page">
      <div className="page-head">
        <h1>Escalations</h1>
        {list.data ? (
          <span className="muted">
            {live.length} open · {overdue} response{overdue === 1 ? '' : 's'} overdue
            {tab === 'log' ? <span aria-live="polite"> · showing {shown.length} of {rows.length}</span> : null}
          </span>
        ) : null}
        <span className="spacer" />
        {can('escalations.create') ? <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })}>New escalation</button> : null}
      </div>
      <ErrorBanner message={list.error ? `The escalation log could not be loaded: ${list.error}` : null} />
      <ErrorBanner message={laddersCall.error ? `The escalation ladder could not be loaded: ${laddersCall.error}` : null} />
      {notice ? <InfoBanner>{notice}</InfoBanner> : null}

      <Tabs label="Escalations" current={tab} onChange={setTab} tabs={[{ id: 'log', label: 'Escalation log', count: live.length }, { id: 'ladder', label: 'Ladder' }]}>
        {tab === 'log' ? (
          <>
            <EscalationFiltersBar
              filters={filters}
              setFilter={setFilter}
              menus={menus}
              onClear={() => setFilters({ ...DEFAULT_ESCALATION_FILTERS })}
              showNames={showNames}
              setShowNames={setShowNames}
              exportCount={shown.length}
              onExport={() => downloadText(escalationsCsvFileName(filters, today), escalationsCsv(shown))}
            />
            {!list.data && !list.error ? <p className="muted" aria-busy="true" role="status">Loading the escalation log…</p> : null}
            {list.data && rows.length === 0 ? (
              <div className="card trk-empty">
                <h2>No escalations yet</h2>
                <p>When a case is intractable, the professionals disagree, or a school seems not to meet its duties, raise an escalation with “New escalation” (or from the case at panel).</p>
              </div>
            ) : null}
            {list.data && rows.length > 0 && shown.length === 0 ? (
              <div className="card trk-empty" role="status">
                <h2>{filters.overdueOnly ? 'No responses overdue' : 'No escalations match these filters'}</h2>
                <p>{filters.overdueOnly ? 'Every open escalation is within its response date.' : 'Try fewer filters, or clear them to see every open escalation.'}</p>
                {escalationFiltersDiffer(filters) ? <button type="button" onClick={() => setFilters({ ...DEFAULT_ESCALATION_FILTERS })}>Clear filters</button> : null}
              </div>
            ) : null}
            {shown.length > 0 ? (
              <div className="trk-table-wrap">
                <table className="simple trk-table trk-escalations" aria-label="Escalation log">
                  <SortableHead table={table} plain={{ expand: 'Steps' }} />
                  <tbody>
                    {table.getRowModel().rows.map((row) => {
                      const e = row.original;
                      const open = expanded.has(e.id);
                      return (
                        <Fragment key={row.id}>
                          <tr className={`${e.responseOverdue ? 'trk-overdue' : ''}${open ? ' is-expanded' : ''}${isLive(e.status) ? '' : ' is-finished'}`}>
                            <TrackerCells row={row} />
                          </tr>
                          {open ? (
                            <tr className="trk-steps-row">
                              <td colSpan={row.getVisibleCells().length} id={`trk-steps-${e.id}`}>
                                <ChainTimeline
                                  row={e}
                                  onRespond={can('escalations.respond') ? () => setDialog({ kind: 'respond', row: e }) : null}
                                  onEscalate={can('escalations.escalate') ? () => setDialog({ kind: 'escalate', row: e }) : null}
                                  onResolve={can('escalations.resolve') ? () => setDialog({ kind: 'resolve', row: e }) : null}
                                />
                              </td>
                            </tr>
                          ) : null}
                        </Fragment>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        ) : laddersCall.data ? (
          <LadderEditor
            ladders={laddersCall.data}
            canSave={can('ladders.save')}
            onSaved={(l) => {
              laddersCall.setData(l);
              void list.reload();
            }}
          />
        ) : (
          <p className="muted" aria-busy="true">Loading the ladder…</p>
        )}
      </Tabs>

      <RespondDialog row={dialog?.kind === 'respond' ? dialog.row : null} today={today} onClose={() => setDialog(null)} onDone={done} />
      <EscalateDialog row={dialog?.kind === 'escalate' ? dialog.row : null} ladder={ladder} today={today} onClose={() => setDialog(null)} onDone={done} />
      <ResolveDialog row={dialog?.kind === 'resolve' ? dialog.row : null} today={today} onClose={() => setDialog(null)} onDone={done} />
      <NewEscalationDialog open={dialog?.kind === 'new'} ladder={ladder} today={today} onClose={() => setDialog(null)} onDone={(row, message) => done(row, message, false)} />
    </div>
  );
}
