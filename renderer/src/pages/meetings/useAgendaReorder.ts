import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../../shared/api/meetingSchemas';
import { call } from '../../api/client';
import type { useMutation } from '../../data/useMutation';
import { dropIndex, moveItem, movedMessage, sortItems, stepIndex, type AgendaRow } from './agenda';

export type FocusTarget = { id: number; on: 'row' | 'up' | 'down' };
type Over = { id: number; placement: 'before' | 'after' };

interface Options {
  detail: MeetingDetail;
  editable: boolean;
  /** The mutation the agenda's saves share, so the tab shows one busy state and one error. */
  moving: ReturnType<typeof useMutation>;
  onSaved: (d: MeetingDetail) => void;
  onReload: () => void;
  announce: (message: string) => void;
}

/**
 * Reordering the agenda three ways (drag by the grip, Up/Down buttons, Alt+arrow on a focused row).
 * Each move shows at once; the moves go to the service one after another, and the screen takes the
 * service's answer once the last is in (a failure reloads the meeting). Focus follows the moved row.
 */
export function useAgendaReorder({ detail, editable, moving, onSaved, onReload, announce }: Options) {
  const items = sortItems(detail.items);
  const [dragId, setDragIdState] = useState<number | null>(null);
  // The handlers read the ref: a drag's first dragover can come before React has re-rendered.
  const dragRef = useRef<number | null>(null);
  const setDragId = (v: number | null) => { dragRef.current = v; setDragIdState(v); };
  const [over, setOver] = useState<Over | null>(null);
  const rows = useRef(new Map<number, HTMLLIElement>());
  const focusAfter = useRef<FocusTarget | null>(null);
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
    announce(movedMessage(toIndex, current.length));
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

  // Removed cases are not in the running order, so a step skips over them.
  const step = (row: AgendaRow, delta: -1 | 1, focusOn: FocusTarget['on']) => {
    let to = stepIndex(row.index, delta, items.length);
    while (to !== null && items[to]!.removed) to = stepIndex(to, delta, items.length);
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
  const dragStart = (e: DragEvent<HTMLSpanElement>, item: AgendaItem) => {
    e.dataTransfer.setData('text/plain', String(item.id));
    e.dataTransfer.effectAllowed = 'move';
    const li = rows.current.get(item.id);
    if (li) e.dataTransfer.setDragImage(li, 16, 16);
    setDragId(item.id);
  };
  const dragEnd = () => { setDragId(null); setOver(null); };
  const rowRef = (id: number) => (el: HTMLLIElement | null) => { if (el) rows.current.set(id, el); else rows.current.delete(id); };
  /** After a save that brings a row back, focus it once it is drawn. */
  const focusRowAfterSave = (id: number) => { focusAfter.current = { id, on: 'row' }; };

  return { dragId, over, step, onRowKey, dragOver, drop, dragStart, dragEnd, rowRef, focusRowAfterSave };
}
