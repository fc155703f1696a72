import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../../shared/api/meetingSchemas';
import { AGENDA_SECTIONS, SECTION_LABELS, type AgendaSection } from '../../../../shared/domain/agenda';
import { call } from '../../api/client';
import { hrefFor } from '../../lib/router';
import { formatUk, plural } from '../../lib/format';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { RagBadge } from '../../components/RagBadge';
import { useAction } from '../case/useAction';
import { RemoveItemDialog } from './MeetingDialogs';
import { agendaBlocks, caseItemCount, dropIndex, itemLabel, moveItem, movedMessage, sortItems, stepIndex, type AgendaRow } from './agenda';
import { weekdayDate } from './format';

const SECTION_OPTIONS = AGENDA_SECTIONS.map((code) => ({ code, label: SECTION_LABELS[code] }));

interface Props {
  detail: MeetingDetail;
  /** Scheduled or in progress: the agenda can still be changed. */
  editable: boolean;
  onSaved: (d: MeetingDetail) => void;
  onReload: () => void;
}

type FocusTarget = { id: number; on: 'row' | 'up' | 'down' };
type Over = { id: number; placement: 'before' | 'after' };

export function AgendaTab({ detail, editable, onSaved, onReload }: Props) {
  const items = sortItems(detail.items);
  const hasCases = items.some((i) => i.kind === 'case');
  const build = useAction();
  const moving = useAction();
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
  // While preparing, removed items stay in place (reordering counts them); once closed, they fold away.
  const [showRemoved, setShowRemoved] = useState(editable);
  const [announce, setAnnounce] = useState('');
  const [dragId, setDragIdState] = useState<number | null>(null);
  // The handlers read the ref: a drag's first dragover can come before React has re-rendered.
  const dragRef = useRef<number | null>(null);
  const setDragId = (v: number | null) => { dragRef.current = v; setDragIdState(v); };
  const [over, setOver] = useState<Over | null>(null);
  const rows = useRef(new Map<number, HTMLLIElement>());
  const focusAfter = useRef<FocusTarget | null>(null);
  // Moves go to the service one after another; the screen shows each at once.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const latest = useRef(detail);
  latest.current = detail;

  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    const row = rows.current.get(f.id);
    if (!row) return;
    focusAfter.current = null;
    const button = f.on === 'row' ? null : row.querySelector<HTMLButtonElement>(`[data-move='${f.on}']`);
    (button && !button.disabled ? button : row).focus();
  });

  const move = (item: AgendaItem, toIndex: number, focusOn: FocusTarget['on']) => {
    const current = sortItems(latest.current.items);
    const from = current.findIndex((i) => i.id === item.id);
    if (from < 0 || toIndex === from || toIndex < 0 || toIndex >= current.length) return;
    const optimistic = { ...latest.current, items: moveItem(current, item.id, toIndex) };
    latest.current = optimistic;
    onSaved(optimistic);
    focusAfter.current = { id: item.id, on: focusOn };
    setAnnounce(movedMessage(toIndex, current.length));
    pending.current += 1;
    queue.current = queue.current
      .then(() => moving.run(() => call('agenda.move', { itemId: item.id, toIndex })))
      .then((d) => {
        pending.current -= 1;
        if (d === null) {
          onReload();
          return;
        }
        if (pending.current === 0) onSaved(d);
      });
  };

  const step = (row: AgendaRow, delta: -1 | 1, focusOn: FocusTarget['on']) => {
    const to = stepIndex(row.index, delta, items.length);
    if (to !== null) move(row.item, to, focusOn);
  };

  const onRowKey = (e: KeyboardEvent<HTMLLIElement>, row: AgendaRow) => {
    if (!editable || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    step(row, e.key === 'ArrowUp' ? -1 : 1, 'row');
  };

  const placementOf = (e: DragEvent<HTMLLIElement>): 'before' | 'after' => {
    const r = e.currentTarget.getBoundingClientRect();
    return e.clientY < r.top + r.height / 2 ? 'before' : 'after';
  };
  const dragOver = (e: DragEvent<HTMLLIElement>, row: AgendaRow) => {
    if (dragRef.current === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const placement = placementOf(e);
    if (over?.id !== row.item.id || over.placement !== placement) setOver({ id: row.item.id, placement });
  };
  const drop = (e: DragEvent<HTMLLIElement>, row: AgendaRow) => {
    if (dragRef.current === null) return;
    e.preventDefault();
    const dragged = items.find((i) => i.id === dragRef.current);
    const placement = placementOf(e);
    setDragId(null);
    setOver(null);
    if (!dragged) return;
    const from = items.indexOf(dragged);
    const to = dropIndex(from, row.index, placement);
    if (to !== null) move(dragged, to, 'row');
  };

  const buildAgenda = async () => {
    const d = await build.run(() => call('meetings.buildAgenda', { id: detail.meeting.id }));
    if (d) {
      onSaved(d);
      setAnnounce(`Agenda built: ${plural(caseItemCount(d.items), 'case')} proposed`);
    }
  };
  const restore = async (item: AgendaItem) => {
    const d = await moving.run(() => call('agenda.restore', { itemId: item.id }));
    if (d) {
      onSaved(d);
      focusAfter.current = { id: item.id, on: 'row' };
    }
  };

  const renderRow = (row: AgendaRow) => {
    const { item, index } = row;
    const label = itemLabel(item);
    const isCase = item.kind === 'case';
    const cls = ['agenda-row', isCase ? 'case-row' : 'standing-row', item.removed ? 'removed' : '', dragId === item.id ? 'dragging' : '',
      over?.id === item.id ? `drop-${over.placement}` : ''].filter(Boolean).join(' ');
    return (
      <li
        key={item.id}
        ref={(el) => { if (el) rows.current.set(item.id, el); else rows.current.delete(item.id); }}
        className={cls}
        tabIndex={editable ? 0 : undefined}
        aria-describedby={editable ? 'agenda-move-hint' : undefined}
        onKeyDown={(e) => onRowKey(e, row)}
        onDragOver={editable ? (e) => dragOver(e, row) : undefined}
        onDrop={editable ? (e) => drop(e, row) : undefined}
      >
        {editable ? (
          <span
            className="grip"
            draggable
            title="Drag to move"
            aria-hidden="true"
            onDragStart={(e) => {
              e.dataTransfer.setData('text/plain', String(item.id));
              e.dataTransfer.effectAllowed = 'move';
              const li = rows.current.get(item.id);
              if (li) e.dataTransfer.setDragImage(li, 16, 16);
              setDragId(item.id);
            }}
            onDragEnd={() => { setDragId(null); setOver(null); }}
          >
            ⠿
          </span>
        ) : null}
        <span className="agenda-num" aria-hidden="true">{index + 1}</span>
        <div className="agenda-body">
          {isCase ? (
            <div className="agenda-line">
              {item.caseId !== null ? <a className="ref" href={hrefFor({ page: 'case', id: item.caseId, tab: null })}>{label}</a> : <span className="ref">{label}</span>}
              <span className="child-name">{item.caseName ?? item.title}</span>
              <RagBadge rag={item.caseRag} />
              {item.addedByHand ? <span className="pill">Added by hand</span> : null}
            </div>
          ) : (
            <h3 className="standing-title">{item.title}</h3>
          )}
          {item.reasons.length > 0 ? (
            <ul className="reasons" aria-label={`Why ${label} is on the agenda`}>
              {item.reasons.map((r) => <li key={r.code + r.text}>{r.text}</li>)}
            </ul>
          ) : null}
          {item.removed ? <p className="removed-reason"><strong>Removed:</strong> {item.removedReason ?? 'no reason given'}</p> : null}
        </div>
        {editable ? (
          <div className="agenda-controls">
            <button type="button" className="small-btn" data-move="up" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => step(row, -1, 'up')}>
              <span aria-hidden="true">↑</span> Up
            </button>
            <button type="button" className="small-btn" data-move="down" aria-label={`Move ${label} down`} disabled={index === items.length - 1} onClick={() => step(row, 1, 'down')}>
              <span aria-hidden="true">↓</span> Down
            </button>
            {item.removed ? (
              <button type="button" className="small-btn" aria-label={`Restore ${label}`} onClick={() => void restore(item)} disabled={moving.busy}>Restore</button>
            ) : isCase ? (
              <button type="button" className="small-btn danger" aria-label={`Remove ${label}`} onClick={() => setRemoving(item)}>Remove</button>
            ) : null}
          </div>
        ) : null}
      </li>
    );
  };

  const blocks = agendaBlocks(items);
  const removedCount = items.filter((i) => i.removed).length;
  // Removed items stay on record with their reasons, but out of the way unless asked for.
  const visible = (r: { item: { removed: boolean } }) => showRemoved || !r.item.removed;
  return (
    <div className="agenda-layout">
      <section aria-labelledby="agenda-heading" className="agenda-main">
        <div className="agenda-toolbar">
          <h2 id="agenda-heading">Agenda</h2>
          <span className="muted small">
            {plural(items.length - removedCount, 'item')} · {plural(caseItemCount(items), 'case')}
          </span>
          {removedCount > 0 && !editable ? (
            <label className="inline-check small">
              <input type="checkbox" checked={showRemoved} onChange={(e) => setShowRemoved(e.target.checked)} /> Show {removedCount} removed, with reasons
            </label>
          ) : null}
          <span className="spacer" />
          {editable ? (
            <button type="button" className={hasCases ? '' : 'primary'} onClick={() => void buildAgenda()} disabled={build.busy}>
              {build.busy ? 'Building…' : hasCases ? 'Rebuild proposals' : 'Build agenda from the register'}
            </button>
          ) : null}
        </div>
        {editable && hasCases ? <p className="muted small">Rebuilding keeps cases added by hand and items removed with a reason.</p> : null}
        {editable && !hasCases ? (
          <p className="muted">No cases on the agenda yet. Build it from the register: each proposed case comes with the reasons it is due.</p>
        ) : null}
        <ErrorBanner message={build.error ?? moving.error} />
        {editable ? (
          <p id="agenda-move-hint" className="muted small">
            To reorder, drag a row by its grip (⠿), use its Up and Down buttons, or focus the row and press Alt+↑ / Alt+↓.
          </p>
        ) : null}
        <p className="move-status" role="status" aria-live="polite">{announce}</p>
        <div className="agenda">
          {blocks.map((b) =>
            b.kind === 'standing' ? (
              <ol key={b.key} className="agenda-list standing-block" aria-label={b.row.item.title}>{renderRow(b.row)}</ol>
            ) : (
              <section key={b.key} className="agenda-section" aria-label={b.label}>
                <h3 className="section-heading">{b.label} <span className="count-badge">{b.rows.filter((r) => !r.item.removed).length}</span></h3>
                <ol className="agenda-list">{b.rows.filter(visible).map(renderRow)}</ol>
              </section>
            ),
          )}
        </div>
      </section>

      <aside className="agenda-side">
        {editable ? <AddCaseForm meetingId={detail.meeting.id} register={detail.meeting.register} onSaved={onSaved} /> : null}
        <MattersArising detail={detail} />
      </aside>

      {removing ? (
        <RemoveItemDialog
          label={itemLabel(removing)}
          itemId={removing.id}
          onClose={() => setRemoving(null)}
          onSaved={(d) => {
            focusAfter.current = { id: removing.id, on: 'row' };
            setRemoving(null);
            onSaved(d);
          }}
        />
      ) : null}
    </div>
  );
}

function AddCaseForm({ meetingId, register, onSaved }: { meetingId: number; register: string; onSaved: (d: MeetingDetail) => void }) {
  const [reference, setReference] = useState('');
  const [section, setSection] = useState<AgendaSection>('case_reviews');
  const a = useAction();
  const add = async () => {
    const d = await a.run(() => call('agenda.addCase', { meetingId, reference: reference.trim(), section }));
    if (d) {
      onSaved(d);
      setReference('');
    }
  };
  return (
    <form className="card" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-labelledby="add-case-heading">
      <h2 id="add-case-heading">Add a case</h2>
      <Field label="Case reference" required error={a.field === 'section' ? null : a.error} hint={`As on the register, e.g. ${register}-2026-0012.`}>
        {(f) => <input {...f} value={reference} onChange={(e) => setReference(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field label="Section" error={a.errorFor('section')}>
        {(f) => (
          <select {...f} value={section} onChange={(e) => setSection(e.target.value as AgendaSection)}>
            {SECTION_OPTIONS.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
          </select>
        )}
      </Field>
      <div className="dialog-buttons">
        <button type="submit" disabled={a.busy || !reference.trim()}>Add to agenda</button>
      </div>
    </form>
  );
}

function MattersArising({ detail }: { detail: MeetingDetail }) {
  const prev = detail.previousMeeting;
  return (
    <section className="card matters" aria-labelledby="matters-heading">
      <h2 id="matters-heading">Matters arising</h2>
      <p className="muted small">
        {prev ? `Actions still open from the meeting on ${weekdayDate(prev.date)}.` : 'No earlier meeting of this panel.'}
      </p>
      {detail.mattersArising.length === 0 ? (
        prev ? <p className="muted">No open actions.</p> : null
      ) : (
        <ul className="matters-list">
          {detail.mattersArising.map((a) => (
            <li key={a.id}>
              <div className="agenda-line">
                {a.caseReference ? (a.caseId !== null ? <a className="ref" href={hrefFor({ page: 'case', id: a.caseId, tab: null })}>{a.caseReference}</a> : <span className="ref">{a.caseReference}</span>) : <span className="muted">General</span>}
                {a.carriedCount > 0 ? <span className="pill pill-warn">Carried {a.carriedCount}×</span> : null}
              </div>
              <div>{a.text}</div>
              <div className="muted small">{a.ownerName ?? 'No owner'} · due {formatUk(a.dueDate)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
