/** Pure helpers for showing an agenda: sections, progress, moving between items, a window around the current one. */
import { SECTION_LABELS, type AgendaSection } from '../../../../shared/domain/agenda';

export interface AgendaLike {
  id: number;
  position: number;
  kind: 'standing' | 'case';
  code: string;
  removed: boolean;
  done: boolean;
}

/** Items still on the agenda, in running order. */
export function liveItems<T extends AgendaLike>(items: readonly T[]): T[] {
  return items.filter((i) => !i.removed).sort((a, b) => a.position - b.position);
}

/** The heading a section code (or label) shows under; null for standing items, which have none. */
export function sectionLabel(section: string | null | undefined): string | null {
  if (!section) return null;
  if (section in SECTION_LABELS) return SECTION_LABELS[section as AgendaSection];
  return (Object.values(SECTION_LABELS) as string[]).includes(section) ? section : null;
}

export interface AgendaGroup<T> {
  heading: string | null;
  items: T[];
}

/** Consecutive items of the same case section under one heading; standing items stand alone (heading null). */
export function groupBySection<T>(items: readonly T[], sectionOf: (item: T) => string | null): AgendaGroup<T>[] {
  const groups: AgendaGroup<T>[] = [];
  for (const item of items) {
    const heading = sectionOf(item);
    const last = groups[groups.length - 1];
    if (last && last.heading === heading && heading !== null) last.items.push(item);
    else groups.push({ heading, items: [item] });
  }
  return groups;
}

export const agendaSection = (i: { kind: string; code: string }) => (i.kind === 'case' ? sectionLabel(i.code) : null);

/** "5 of 23 done" (pass `done` as the item was discussed). */
export function progress(items: readonly { done: boolean }[]): { done: number; total: number; text: string } {
  const done = items.filter((i) => i.done).length;
  return { done, total: items.length, text: `${done} of ${items.length} done` };
}

/** The id of the item `step` places from `currentId` (first item when there is no current one), or null at either end. */
export function neighbour(items: readonly { id: number }[], currentId: number | null, step: 1 | -1): number | null {
  if (items.length === 0) return null;
  const i = currentId === null ? -1 : items.findIndex((x) => x.id === currentId);
  if (i < 0) return step === 1 ? items[0]!.id : null;
  return items[i + step]?.id ?? null;
}

/**
 * At most `size` items around the current one (a little more after it than before), for a screen
 * that cannot show a long agenda: the slice and how many were left out before and after it.
 */
export function agendaWindow<T extends { current: boolean }>(items: readonly T[], size: number): { items: T[]; before: number; after: number } {
  if (items.length <= size) return { items: [...items], before: 0, after: 0 };
  const cur = Math.max(0, items.findIndex((i) => i.current));
  const lead = Math.floor((size - 1) / 3);
  let start = Math.max(0, cur - lead);
  start = Math.min(start, items.length - size);
  return { items: items.slice(start, start + size), before: start, after: items.length - start - size };
}
