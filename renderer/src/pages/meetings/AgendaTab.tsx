import { useState } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../../shared/api/meetingSchemas';
import { call } from '../../api/client';
import { hrefFor } from '../../lib/router';
import { plural } from '../../lib/format';
import { ErrorBanner } from '../../components/Banner';
import { RagBadge } from '../../components/RagBadge';
import { useMutation } from '../../data/useMutation';
import { RemoveItemDialog } from './MeetingDialogs';
import { agendaBlocks, caseItemCount, itemLabel, sortItems, type AgendaRow } from './agenda';
import { useAgendaReorder } from './useAgendaReorder';
import { AlsoEligible, AddCaseForm, MattersArising } from './AgendaParts';

interface Props {
  detail: MeetingDetail;
  /** Scheduled or in progress: the agenda can still be changed. */
  editable: boolean;
  onSaved: (d: MeetingDetail) => void;
  onReload: () => void;
}

export function AgendaTab({ detail, editable, onSaved, onReload }: Props) {
  const items = sortItems(detail.items);
  const hasCases = items.some((i) => i.kind === 'case');
  const build = useMutation();
  const moving = useMutation();
  const [removing, setRemoving] = useState<AgendaItem[] | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // Removed cases fold away out of the running order; the list below shows them with their reasons.
  const [showRemoved, setShowRemoved] = useState(false);
  const [announce, setAnnounce] = useState('');
  const reorder = useAgendaReorder({ detail, editable, moving, onSaved, onReload, announce: setAnnounce });
  const { dragId, over } = reorder;

  const buildAgenda = async () => {
    const d = await build.run(() => call('meetings.buildAgenda', { id: detail.meeting.id }));
    if (d) {
      onSaved(d);
      setAnnounce(`Agenda built: ${plural(caseItemCount(d.items), 'case')} proposed`);
    }
  };
  /** Cases proposed on a mandatory rule need a reason (asked in a dialog); the others go at once. */
  const remove = async (list: AgendaItem[]) => {
    if (list.length === 0) return;
    if (list.some((i) => i.mandatory)) {
      setRemoving(list);
      return;
    }
    const d = await moving.run(() => call('agenda.remove', { itemIds: list.map((i) => i.id), reason: null }));
    if (d) {
      onSaved(d);
      setSelected(new Set());
      setAnnounce(`${plural(list.length, 'case')} removed from the agenda`);
    }
  };
  const bringIn = async (caseIds: number[]) => {
    const d = await moving.run(() => call('agenda.bringIn', { meetingId: detail.meeting.id, caseIds }));
    if (d) {
      onSaved(d);
      setAnnounce(`${plural(caseIds.length, 'case')} brought onto the agenda`);
    }
  };
  const restore = async (item: AgendaItem) => {
    const d = await moving.run(() => call('agenda.restore', { itemId: item.id }));
    if (d) {
      onSaved(d);
      reorder.focusRowAfterSave(item.id);
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
        ref={reorder.rowRef(item.id)}
        className={cls}
        tabIndex={editable ? 0 : undefined}
        aria-describedby={editable ? 'agenda-move-hint' : undefined}
        onKeyDown={(e) => reorder.onRowKey(e, row)}
        onDragOver={editable ? (e) => reorder.dragOver(e, row) : undefined}
        onDrop={editable ? (e) => reorder.drop(e, row) : undefined}
      >
        {editable ? (
          <span
            className="grip"
            draggable
            title="Drag to move"
            aria-hidden="true"
            onDragStart={(e) => reorder.dragStart(e, item)}
            onDragEnd={reorder.dragEnd}
          >
            ⠿
          </span>
        ) : null}
        <span className="agenda-numcell">
          {editable && isCase && !item.removed ? (
            <input
              type="checkbox"
              className="agenda-select"
              aria-label={`Select ${label}`}
              checked={selected.has(item.id)}
              onChange={(e) => {
                const next = new Set(selected);
                if (e.target.checked) next.add(item.id);
                else next.delete(item.id);
                setSelected(next);
              }}
            />
          ) : null}
          <span className="agenda-num" aria-hidden="true">{numberOf.get(item.id) ?? '–'}</span>
        </span>
        <div className="agenda-body">
          {isCase ? (
            <div className="agenda-line">
              {item.caseId !== null ? <a className="ref" href={hrefFor({ page: 'case', id: item.caseId, tab: null })}>{label}</a> : <span className="ref">{label}</span>}
              <span className="child-name">{item.caseName ?? item.title}</span>
              <RagBadge rag={item.caseRag} />
              {item.addedByHand ? <span className="pill">Added by hand</span> : null}
              {item.mandatory && !item.removed ? <span className="pill pill-alert" title="Proposed on a rule the panel must follow: removing it needs a reason">Must discuss</span> : null}
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
            <button type="button" className="small-btn" data-move="up" aria-label={`Move ${label} up`} disabled={item.removed || index === items.findIndex((i) => !i.removed)} onClick={() => reorder.step(row, -1, 'up')}>
              <span aria-hidden="true">↑</span> Up
            </button>
            <button type="button" className="small-btn" data-move="down" aria-label={`Move ${label} down`} disabled={item.removed || index === items.length - 1 - [...items].reverse().findIndex((i) => !i.removed)} onClick={() => reorder.step(row, 1, 'down')}>
              <span aria-hidden="true">↓</span> Down
            </button>
            {item.removed ? (
              <button type="button" className="small-btn" aria-label={`Restore ${label}`} onClick={() => void restore(item)} disabled={moving.busy}>Restore</button>
            ) : isCase ? (
              <button type="button" className="small-btn danger" aria-label={`Remove ${label}`} onClick={() => void remove([item])} disabled={moving.busy}>Remove</button>
            ) : null}
          </div>
        ) : null}
      </li>
    );
  };

  // The running order holds only what will be discussed: removed cases are listed apart.
  const running = items.filter((i) => !i.removed);
  const removedItems = items.filter((i) => i.removed);
  const blocks = agendaBlocks(items)
    .map((b) => (b.kind === 'section' ? { ...b, rows: b.rows.filter((r) => !r.item.removed) } : b))
    .filter((b) => b.kind === 'standing' || b.rows.length > 0);
  // Numbered as in the minutes: the running order only.
  const numberOf = new Map(running.map((i, n) => [i.id, n + 1]));
  const removedCount = removedItems.length;
  const caseCount = caseItemCount(items);
  const chosen = running.filter((i) => selected.has(i.id));
  return (
    <div className="agenda-layout">
      <section aria-labelledby="agenda-heading" className="agenda-main">
        <div className="agenda-toolbar">
          <h2 id="agenda-heading">Agenda</h2>
          <span className="muted small">
            {plural(running.length, 'item')} · <span className={caseCount > detail.capacity ? 'over-capacity' : ''}>{plural(caseCount, 'case')} of {detail.capacity} this panel takes</span>
          </span>
          <span className="spacer" />
          {editable && chosen.length > 0 ? (
            <button type="button" className="danger" onClick={() => void remove(chosen)} disabled={moving.busy}>Remove {plural(chosen.length, 'selected case')}</button>
          ) : null}
          {editable ? (
            <button type="button" className={hasCases ? '' : 'primary'} onClick={() => void buildAgenda()} disabled={build.busy}>
              {build.busy ? 'Building…' : hasCases ? 'Rebuild proposals' : 'Build agenda from the register'}
            </button>
          ) : null}
        </div>
        {editable && hasCases ? <p className="muted small">Rebuilding keeps cases added by hand, cases with something recorded and cases removed, and fills the rest up to the panel’s {detail.capacity} cases, most pressing first.</p> : null}
        {editable && !hasCases ? (
          <p className="muted">No cases on the agenda yet. Build it from the register: the {detail.capacity} most pressing cases are proposed (red and not located first, then due for panel, safeguarding, overdue actions, closures…), each with the reasons it is due; the other eligible cases are listed below it.</p>
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
                <h3 className="section-heading">{b.label} <span className="count-badge">{b.rows.length}</span></h3>
                <ol className="agenda-list">{b.rows.map(renderRow)}</ol>
              </section>
            ),
          )}
        </div>
        {detail.alsoEligible.length > 0 ? <AlsoEligible detail={detail} editable={editable} busy={moving.busy} onBringIn={(ids) => void bringIn(ids)} /> : null}
        {removedCount > 0 ? (
          <section className="removed-fold" aria-labelledby="removed-heading">
            <h3 id="removed-heading" className="section-heading">
              <button type="button" className="link-btn" aria-expanded={showRemoved} onClick={() => setShowRemoved(!showRemoved)}>
                {showRemoved ? '▾' : '▸'} Removed from this agenda <span className="count-badge">{removedCount}</span>
              </button>
            </h3>
            {showRemoved ? <ol className="agenda-list">{removedItems.map((item) => renderRow({ item, index: items.indexOf(item) }))}</ol> : null}
          </section>
        ) : null}
      </section>

      <aside className="agenda-side">
        {editable ? <AddCaseForm meetingId={detail.meeting.id} register={detail.meeting.register} onSaved={onSaved} /> : null}
        <MattersArising detail={detail} />
      </aside>

      {removing ? (
        <RemoveItemDialog
          label={removing.length === 1 ? itemLabel(removing[0]!) : plural(removing.length, 'case')}
          itemIds={removing.map((i) => i.id)}
          onClose={() => setRemoving(null)}
          onSaved={(d) => {
            setRemoving(null);
            setSelected(new Set());
            setAnnounce(`${plural(removing.length, 'case')} removed from the agenda`);
            onSaved(d);
          }}
        />
      ) : null}
    </div>
  );
}
