import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { type Table } from '@tanstack/react-table';
import type { RegisterRow } from '../../../../shared/api/schemas';
import { CASE_STATUSES, CHILD_FLAGS, RAGS } from '../../../../shared/domain/vocab';
import { type summarise } from '../../../../shared/register/filters';
import { COLUMN_LABELS, DEFAULT_COLUMN_VISIBILITY, MOVEMENT_CHOICES, type ColumnId, type MovementChoice, type OfficerChoice, type RagChoice, type RegisterChoice, type RegisterView, type StatusChoice } from './view';


interface ToolbarProps {
  view: RegisterView;
  set: <K extends keyof RegisterView>(k: K, value: RegisterView[K]) => void;
  summary: ReturnType<typeof summarise>;
  filtering: boolean;
  onClear: () => void;
  clearCount: number;
  /** The "no cases match" message below has its own Clear filters button; one is enough. */
  nothingShown: boolean;
  table: Table<RegisterRow>;
  /** Asks to export the rows shown as CSV. */
  onExport: () => void;
}

// The long menus' options, drawn again only when the register's officers or schools change (not per keystroke).
const OfficerOptions = memo(function OfficerOptions({ officers }: { officers: readonly { id: number; name: string }[] }) {
  return officers.map((o) => (
    <option key={o.id} value={`o:${o.id}`}>{o.name}</option>
  ));
});
const SchoolOptions = memo(function SchoolOptions({ schools }: { schools: readonly string[] }) {
  return schools.map((s) => (
    <option key={s} value={`s:${s}`}>{s}</option>
  ));
});

export function Toolbar({ view, set, summary, filtering, onClear, clearCount, nothingShown, table, onExport }: ToolbarProps) {
  const id = useId();
  const officerValue = typeof view.officer === 'number' ? `o:${view.officer}` : view.officer;
  const onSearch = useCallback((s: string) => set('search', s), [set]);
  return (
    <div className="reg-toolbar" role="search" aria-label="Filter the register">
      <div className="reg-filters">
        <SearchBox value={view.search} onCommit={onSearch} resetKey={clearCount} />
        <div className="field">
          <label htmlFor={`${id}-reg`}>Register</label>
          <select id={`${id}-reg`} value={view.register} onChange={(e) => set('register', e.target.value as RegisterChoice)}>
            <option value="all">All</option>
            <option value="CME">CME</option>
            <option value="PMOE">PMOE</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={view.status} onChange={(e) => set('status', e.target.value as StatusChoice)}>
            <option value="open">Open cases</option>
            <option value="all">All</option>
            {CASE_STATUSES.map((s) => (
              <option key={s.code} value={s.code}>{s.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-rag`}>RAG</label>
          <select id={`${id}-rag`} value={view.rag} onChange={(e) => set('rag', e.target.value as RagChoice)}>
            <option value="all">All</option>
            {RAGS.map((r) => (
              <option key={r.code} value={r.code}>{r.label}</option>
            ))}
            <option value="none">Not rated</option>
          </select>
        </div>
        <div className="field reg-wide">
          <label htmlFor={`${id}-officer`}>Lead officer</label>
          <select
            id={`${id}-officer`}
            value={officerValue}
            onChange={(e) => {
              const v = e.target.value;
              set('officer', (v === 'all' || v === 'unallocated' ? v : Number(v.slice(2))) as OfficerChoice);
            }}
          >
            <option value="all">All</option>
            <option value="unallocated">Unallocated</option>
            <OfficerOptions officers={summary.officers} />
          </select>
        </div>
        <div className="field reg-wide">
          <label htmlFor={`${id}-school`}>School</label>
          <select id={`${id}-school`} value={view.school === null ? '' : `s:${view.school}`} onChange={(e) => set('school', e.target.value === '' ? null : e.target.value.slice(2))}>
            <option value="">All</option>
            <SchoolOptions schools={summary.schools} />
          </select>
        </div>
        <div className="field reg-wide">
          <label htmlFor={`${id}-flag`}>Flag</label>
          <select id={`${id}-flag`} value={view.flag} onChange={(e) => set('flag', e.target.value as RegisterView['flag'])}>
            <option value="all">All</option>
            {CHILD_FLAGS.map((f) => (
              <option key={f.code} value={f.code}>{f.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-movement`}>RAG since last panel</label>
          <select id={`${id}-movement`} value={view.movement} onChange={(e) => set('movement', e.target.value as MovementChoice)}>
            {MOVEMENT_CHOICES.map((m) => (
              <option key={m.code} value={m.code}>{m.label}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="reg-toggles">
        <label className="reg-check">
          <input type="checkbox" checked={view.dueForPanel} onChange={(e) => set('dueForPanel', e.target.checked)} /> Due for panel only
        </label>
        <label className="reg-check">
          <input type="checkbox" checked={view.longTerm} onChange={(e) => set('longTerm', e.target.checked)} /> Long-term only
        </label>
        <label className="reg-check">
          <input type="checkbox" checked={view.endOfCsa} onChange={(e) => set('endOfCsa', e.target.checked)} /> End of CSA reached only
        </label>
        <span className="spacer" />
        {nothingShown ? null : (
          <button type="button" onClick={onClear} disabled={!filtering}>Clear filters</button>
        )}
        <ColumnMenu table={table} />
        <button type="button" onClick={onExport} disabled={nothingShown} title="The cases shown, with the visible columns, as a spreadsheet (CSV)">
          Export CSV
        </button>
      </div>
    </div>
  );
}

/**
 * The search box tells the page at every keystroke (issue 12: the server searches in a few
 * milliseconds, and a reply for older text is dropped, so there is nothing to wait for).
 */
function SearchBox({ value, onCommit, resetKey }: { value: string; onCommit: (s: string) => void; resetKey: number }) {
  const id = useId();
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  // Changed from outside (Clear filters, a restored view): show it, dropping anything pending.
  // Our own commits come back as `value` too; those must not undo what was typed since.
  const lastReset = useRef(resetKey);
  useEffect(() => {
    if (value === committed.current && resetKey === lastReset.current) return;
    lastReset.current = resetKey;
    committed.current = value;
    setText(value);
  }, [value, resetKey]);

  const commit = (next: string) => {
    setText(next);
    if (next === committed.current) return;
    committed.current = next;
    commitRef.current(next);
  };

  return (
    <div className="field reg-search">
      <label htmlFor={id}>Search the register</label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        placeholder="Name, reference, UPN, date of birth or postcode"
        aria-describedby={`${id}-hint`}
        onChange={(e) => commit(e.target.value)}
      />
      <span id={`${id}-hint`} className="reg-sr-only">Matches every word you type, in any order.</span>
    </div>
  );
}

function ColumnMenu({ table }: { table: Table<RegisterRow> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pop = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    pop.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
    const onDown = (e: globalThis.MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof Node && !wrap.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  const hidden = table.getAllLeafColumns().filter((c) => !c.getIsVisible()).length;
  return (
    <div className="reg-colmenu" ref={wrap}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={open ? id : undefined} aria-haspopup="true" onClick={() => setOpen((o) => !o)}>
        Columns{hidden > 0 ? <span className="reg-hidden-count"> ({hidden} hidden)</span> : null} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div id={id} ref={pop} className="reg-colmenu-pop" role="group" aria-label="Columns to show">
          {table.getAllLeafColumns().map((c) => (
            <label key={c.id} className="reg-check">
              <input type="checkbox" checked={c.getIsVisible()} disabled={!c.getCanHide()} onChange={c.getToggleVisibilityHandler()} />
              {' '}
              {COLUMN_LABELS[c.id as ColumnId] ?? c.id}
            </label>
          ))}
          <div className="reg-colmenu-foot">
            <button type="button" className="link" onClick={() => table.setColumnVisibility({ ...DEFAULT_COLUMN_VISIBILITY })}>
              Default columns
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The virtualised table: divs with table roles, one CSS grid template shared by header and rows.
