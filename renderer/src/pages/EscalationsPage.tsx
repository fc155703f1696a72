import { Fragment, useEffect, useId, useMemo, useState } from 'react';
import { SortableHead } from './tracking/SortableHead';
import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { TrackerCells, useTrackerTable } from './tracking/trackerTable';
import type { EscalationLogRow } from '../../../shared/api/trackingSchemas';
import type { Ladder } from '../../../shared/domain/escalation';
import { formatUk } from '../../../shared/domain/dates';
import { useEscalations, useLadders } from '../data/hooks';
import { hrefFor } from '../lib/router';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import { Tabs } from '../components/Tabs';
import { compareKeys } from './tracking/actions';
import {
  DEFAULT_ESCALATION_FILTERS,
  ESCALATION_SORT_KEYS,
  ESCALATION_STATUS_CHOICES,
  ageLabel,
  escalationFiltersDiffer,
  escalationMenus,
  escalationReasonLabel,
  escalationStatusLabel,
  filterEscalations,
  isLive,
  reconcileEscalationFilters,
  stepLines,
  type EscalationColumnId,
  type EscalationFilters,
  type EscalationStatusChoice,
} from './tracking/escalations';
import { EscalateDialog, NewEscalationDialog, ResolveDialog, RespondDialog } from './tracking/EscalationDialogs';
import { LadderEditor } from './tracking/LadderEditor';
import { columnBuilder } from './tracking/columns';
import { escalationsCsv, escalationsCsvFileName } from './tracking/escalationsCsv';
import { downloadText } from '../lib/download';
import { SHOW_NAMES_KEY } from './tracking/prefs';
import { useStoredFlag } from './tracking/hooks';
import { useToday } from '../data/today';
import './tracking/tracking.css';

const EMPTY: EscalationLogRow[] = [];

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
    void list.reload();
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
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })}>New escalation</button>
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
                                  onRespond={() => setDialog({ kind: 'respond', row: e })}
                                  onEscalate={() => setDialog({ kind: 'escalate', row: e })}
                                  onResolve={() => setDialog({ kind: 'resolve', row: e })}
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

function EscalationFiltersBar({ filters, setFilter, menus, onClear, showNames, setShowNames, exportCount, onExport }: {
  filters: EscalationFilters;
  setFilter: <K extends keyof EscalationFilters>(k: K, v: EscalationFilters[K]) => void;
  menus: ReturnType<typeof escalationMenus>;
  onClear: () => void;
  showNames: boolean;
  setShowNames: (v: boolean) => void;
  /** Rows shown, which are the rows exported. */
  exportCount: number;
  onExport: () => void;
}) {
  const id = useId();
  return (
    <div className="trk-toolbar" role="search" aria-label="Filter the escalations">
      <div className="trk-filters">
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={filters.status} onChange={(e) => setFilter('status', e.target.value as EscalationStatusChoice)}>
            {ESCALATION_STATUS_CHOICES.map((s) => (
              <option key={s.code} value={s.code}>{s.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-level`}>Level</label>
          <select id={`${id}-level`} value={String(filters.level)} onChange={(e) => setFilter('level', e.target.value === 'all' ? 'all' : Number(e.target.value))}>
            <option value="all">All</option>
            {menus.levels.map((l) => (
              <option key={l.level} value={String(l.level)}>{l.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <select id={`${id}-reason`} value={filters.reason} onChange={(e) => setFilter('reason', e.target.value)}>
            <option value="all">All</option>
            {menus.reasons.map((r) => (
              <option key={r.code} value={r.code}>{r.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-officer`}>Officer</label>
          <select id={`${id}-officer`} value={filters.officer === 'all' ? 'all' : `o:${filters.officer}`} onChange={(e) => setFilter('officer', e.target.value === 'all' ? 'all' : e.target.value.slice(2))}>
            <option value="all">All</option>
            {menus.officers.map((o) => (
              <option key={o} value={`o:${o}`}>{o}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="trk-toggles">
        <label className="trk-check">
          <input type="checkbox" checked={filters.overdueOnly} onChange={(e) => setFilter('overdueOnly', e.target.checked)} /> Response overdue only
        </label>
        <span className="spacer" />
        <label className="trk-check" title="Children's names are hidden unless you tick this (remembered on this computer)">
          <input type="checkbox" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} /> Show names
        </label>
        <button type="button" onClick={onClear} disabled={!escalationFiltersDiffer(filters)}>Clear filters</button>
        <button type="button" onClick={onExport} disabled={exportCount === 0} title="The escalations shown, by case reference, as a spreadsheet (CSV)">Export CSV</button>
      </div>
    </div>
  );
}

function escalationColumns(showNames: boolean, expanded: ReadonlySet<number>, toggle: (id: number) => void): ColumnDef<EscalationLogRow, unknown>[] {
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

/** The chain as a timeline, first step to last, with what can be done on the latest step. */
function ChainTimeline({ row, onRespond, onEscalate, onResolve }: { row: EscalationLogRow; onRespond: () => void; onEscalate: () => void; onResolve: () => void }) {
  const live = isLive(row.status);
  return (
    <div className="trk-chain">
      <ol className="timeline trk-timeline" aria-label={`Steps for ${row.caseReference}`}>
        {row.chain.map((s, i) => (
          <li key={s.id} className={`trk-step trk-step-${s.status}`}>
            <div className="trk-step-head">
              <strong>Level {s.level} — {s.levelTitle}</strong>
              <span className={`pill trk-status-${s.status}`}>{escalationStatusLabel(s.status)}</span>
              {i === row.chain.length - 1 && row.responseOverdue ? <span className="pill pill-alert">Response overdue</span> : null}
            </div>
            <dl className="facts trk-step-facts">
              {stepLines(s).map((l) => (
                <Fragment key={l.label}>
                  <dt>{l.label}</dt>
                  <dd>{l.text}</dd>
                </Fragment>
              ))}
            </dl>
            {s.meetingId !== null ? <a className="small" href={hrefFor({ page: 'meeting', id: s.meetingId })}>Raised at a panel meeting</a> : null}
          </li>
        ))}
      </ol>
      <div className="trk-chain-actions">
        {live ? (
          <>
            {row.status === 'open' ? <button type="button" onClick={onRespond}>Record response</button> : null}
            {row.canEscalate && row.nextLevelTitle ? (
              <button type="button" onClick={onEscalate}>Escalate to {row.nextLevelTitle}</button>
            ) : (
              <span className="pill trk-top">Top of the ladder</span>
            )}
            <button type="button" onClick={onResolve}>Resolve</button>
          </>
        ) : (
          <span className="muted">{row.status === 'resolved' ? `Resolved ${formatUk(row.chain.at(-1)?.resolvedOn ?? null)}.` : 'Closed.'}</span>
        )}
      </div>
    </div>
  );
}
