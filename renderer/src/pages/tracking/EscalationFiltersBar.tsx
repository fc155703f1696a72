import { useId } from 'react';
import { ESCALATION_STATUS_CHOICES, escalationFiltersDiffer, type escalationMenus, type EscalationFilters, type EscalationStatusChoice } from './escalations';

export function EscalationFiltersBar({ filters, setFilter, menus, onClear, showNames, setShowNames, exportCount, onExport }: {
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
