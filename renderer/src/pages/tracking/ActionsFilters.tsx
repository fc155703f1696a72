import { useId } from 'react';
import type { Officer } from '../../../../shared/api/schemas';
import { ACTION_STATUS_CHOICES, actionFiltersDiffer, type actionMenus, type ActionFilters, type ActionStatusChoice, type OwnerChoice } from './actions';

export function MyActionsBar({ officers, value, onChange, printCount, onPrint, onCsv, csvCount }: {
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

export function Filters({ filters, setFilter, menus, onClear, showNames, setShowNames }: {
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
            {/* No officer: unassigned, or owned by someone named at panel (an outside agency, a guest). */}
            {menus.unowned ? <option value="none">No officer (unassigned or named at panel)</option> : null}
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
