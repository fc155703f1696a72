/**
 * Home ("What needs attention today"): the open register by RAG as chart rows and table rows, and
 * small labels for the cards. Pure.
 */
import type { Dashboard, RagCounts } from '../../../../shared/api/trackingSchemas';
import { diffDays, formatUk } from '../../../../shared/domain/dates';

/** The chart's colours: red, amber, green, not rated. */
export const RAG_COLOURS = { red: '#b3261e', amber: '#d08a00', green: '#1e6b3a', none: '#9aa5b1' } as const;
export const RAG_SERIES = [
  { key: 'red', label: 'Red' },
  { key: 'amber', label: 'Amber' },
  { key: 'green', label: 'Green' },
  { key: 'none', label: 'Not rated' },
] as const;
export type RagKey = (typeof RAG_SERIES)[number]['key'];

export interface RagChartRow extends Omit<RagCounts, 'total'> {
  register: 'CME' | 'PMOE';
  total: number;
}

export function ragChartRows(openByRag: Dashboard['openByRag']): RagChartRow[] {
  return (['CME', 'PMOE'] as const).map((register) => ({ register, ...openByRag[register] }));
}

/** Red, amber, green, not rated and total across both registers. */
export function ragTotals(rows: readonly RagChartRow[]): RagCounts {
  return rows.reduce((s, r) => ({ red: s.red + r.red, amber: s.amber + r.amber, green: s.green + r.green, none: s.none + r.none, total: s.total + r.total }), {
    red: 0, amber: 0, green: 0, none: 0, total: 0,
  });
}

/** What the chart says, in words, for screen readers. */
export function ragChartSummary(rows: readonly RagChartRow[]): string {
  return rows
    .map((r) => `${r.register}: ${r.total} open — ${r.red} red, ${r.amber} amber, ${r.green} green, ${r.none} not rated`)
    .join('. ');
}

/** "3 days overdue", "1 day overdue". */
export function overdueBy(dueDate: string, today: string): string {
  const n = Math.max(0, diffDays(dueDate, today));
  return `${n} ${n === 1 ? 'day' : 'days'} overdue`;
}

/** "Tue 03/03/2026 at 10:00". */
export function meetingWhen(m: { date: string; time: string }): string {
  const day = new Date(`${m.date}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  return `${day} ${formatUk(m.date)}${m.time ? ` at ${m.time}` : ''}`;
}

/** "in 5 days", "today", "tomorrow". */
export function daysUntil(date: string, today: string): string {
  const n = diffDays(today, date);
  if (n <= 0) return 'today';
  if (n === 1) return 'tomorrow';
  return `in ${n} days`;
}

export const countText = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
