/**
 * The agenda as the preparation screen shows it: items in position order, grouped under headings,
 * and the index maths for moving one (agenda.move takes the item's new index among ALL the
 * meeting's items, removed ones included, in position order). Pure.
 */
import type { AgendaItem } from '../../../../shared/api/meetingSchemas';
import { SECTION_LABELS, type AgendaSection } from '../../../../shared/domain/agenda';

export interface AgendaRow {
  item: AgendaItem;
  /** 0-based index among all items in position order. */
  index: number;
}

export type AgendaBlock =
  | { kind: 'standing'; key: string; row: AgendaRow }
  | { kind: 'section'; key: string; code: string; label: string; rows: AgendaRow[] };

export function sortItems(items: readonly AgendaItem[]): AgendaItem[] {
  return [...items].sort((a, b) => a.position - b.position || a.id - b.id);
}

export function sectionLabel(code: string): string {
  return (SECTION_LABELS as Record<string, string>)[code as AgendaSection] ?? code;
}

/** How a row is named in buttons and announcements: the case reference, or the standing item's title. */
export function itemLabel(item: Pick<AgendaItem, 'kind' | 'caseReference' | 'title'>): string {
  return item.kind === 'case' && item.caseReference ? item.caseReference : item.title;
}

/**
 * Standing items each stand alone under their own title; consecutive case items of the same
 * section share one heading. A case item moved among the standing items starts a new run under
 * its section's heading.
 */
export function agendaBlocks(items: readonly AgendaItem[]): AgendaBlock[] {
  const blocks: AgendaBlock[] = [];
  sortItems(items).forEach((item, index) => {
    const row = { item, index };
    if (item.kind === 'standing') {
      blocks.push({ kind: 'standing', key: `s${item.id}`, row });
      return;
    }
    const last = blocks[blocks.length - 1];
    if (last && last.kind === 'section' && last.code === item.code) last.rows.push(row);
    else blocks.push({ kind: 'section', key: `c${item.id}`, code: item.code, label: sectionLabel(item.code), rows: [row] });
  });
  return blocks;
}

export function caseItemCount(items: readonly AgendaItem[]): number {
  return items.filter((i) => i.kind === 'case' && !i.removed).length;
}

/** The index one step up (-1) or down (+1), or null at either end. */
export function stepIndex(from: number, delta: -1 | 1, count: number): number | null {
  const to = from + delta;
  return to < 0 || to >= count || from < 0 || from >= count ? null : to;
}

/**
 * Dropping the item at `from` before or after the item at `target`: its index once it has been
 * taken out and put back in. Null when nothing would move.
 */
export function dropIndex(from: number, target: number, placement: 'before' | 'after'): number | null {
  if (from === target) return null;
  let to = placement === 'before' ? target : target + 1;
  if (from < to) to -= 1;
  return to === from ? null : to;
}

/** The list with the element at `from` moved to index `to` (a new array). */
export function moveTo<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const [moved] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, moved!);
  return out;
}

/** The items after moving `itemId` to `toIndex`, with positions renumbered 0… (what the screen shows until the service answers). */
export function moveItem(items: readonly AgendaItem[], itemId: number, toIndex: number): AgendaItem[] {
  const sorted = sortItems(items);
  const from = sorted.findIndex((i) => i.id === itemId);
  if (from < 0) return sorted;
  return moveTo(sorted, from, toIndex).map((i, position) => ({ ...i, position }));
}

export function movedMessage(toIndex: number, total: number): string {
  return `Moved to position ${toIndex + 1} of ${total}`;
}
