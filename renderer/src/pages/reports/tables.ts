/**
 * Each figure on the Reports screen as a table of numbers — what the "Table" view shows, what a
 * screen reader reads and what "Download CSV" saves — plus the rows its chart plots and the words
 * said beside it. Pure.
 */
import type { Pace, PiCounts, Reports } from '../../../../shared/api/reportSchemas';
import { formatUk } from '../../../../shared/domain/dates';
import { fileNamePart, toCsv } from '../../lib/csv';
import { rangeText } from './filters';

export interface Column {
  label: string;
  numeric?: boolean;
}
export type Cell = string | number;
export interface FigureTable {
  columns: Column[];
  rows: Cell[][];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-03' -> 'Mar 2026' (chart axis); long: 'March 2026' (tables). */
export function monthLabel(month: string, long = false): string {
  const m = Number(month.slice(5, 7)) - 1;
  return `${(long ? MONTHS_LONG : MONTHS)[m] ?? month} ${month.slice(0, 4)}`;
}

/**
 * A month on a chart's axis: "Mar", with the year beneath on the first month shown and on each
 * January ("Jan\n2026"), so twelve months fit without skipping any.
 */
export function monthAxisLabel(month: string, index: number): string {
  const short = MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
  return index === 0 || month.endsWith('-01') ? `${short}\n${month.slice(0, 4)}` : short;
}

/** A day band on an axis: the number over its unit ("0–7\ndays", "183+\ndays"). */
export const bandAxisLabel = (label: string): string =>
  label.replace(/^(\S+) (\S+) or more$/, '$1+ $2').replace(/ (days?|weeks?|months?)$/, '\n$1');

const num = (label: string): Column => ({ label, numeric: true });
const both = (r: Reports) => r.registers.length > 1;
/** CME / PMOE (and Total) columns for the registers in scope. */
const registerColumns = (r: Reports): Column[] => [...r.registers.map((x) => num(x)), ...(both(r) ? [num('Total')] : [])];
const registerCells = (r: Reports, x: { cme: number; pmoe: number; total: number }): number[] => [
  ...r.registers.map((reg) => (reg === 'CME' ? x.cme : x.pmoe)),
  ...(both(r) ? [x.total] : []),
];

/** Nothing to show: no rows, or every number in it is 0. */
export function isEmptyTable(t: FigureTable): boolean {
  return t.rows.length === 0 || t.rows.every((row) => row.every((c, i) => !t.columns[i]?.numeric || c === 0));
}

export function tableCsv(t: FigureTable): string {
  return toCsv(t.columns.map((c) => c.label), t.rows);
}

/** e.g. "referrals-by-source-2025-12-01-to-2026-11-25-cme-panel.csv" */
export function csvFileName(title: string, r: Pick<Reports, 'from' | 'to' | 'panel'>): string {
  return `${fileNamePart(title)}-${r.from}-to-${r.to}${r.panel ? `-${fileNamePart(r.panel.name)}` : ''}.csv`;
}

// ---------------------------------------------------------------------------------------------
// RAG

const RAG_COLUMNS = [num('Red'), num('Amber'), num('Green'), num('Not rated')];

export function openRagTable(r: Reports): FigureTable {
  return {
    columns: [{ label: 'Register' }, ...RAG_COLUMNS, num('Open cases')],
    rows: r.openRag.map((x) => [x.register, x.red, x.amber, x.green, x.none, x.total]),
  };
}

const meetingLabel = (m: Reports['meetings'][number]) => `${formatUk(m.date)} ${m.panelName}`;

export function meetingRagTable(r: Reports): FigureTable {
  return {
    columns: [{ label: 'Meeting' }, ...RAG_COLUMNS, num('Cases discussed')],
    rows: r.meetings.map((m) => [meetingLabel(m), m.red, m.amber, m.green, m.none, m.total]),
  };
}

export function movementTable(r: Reports): FigureTable {
  return {
    columns: [{ label: 'Meeting' }, num('Improved'), num('Same'), num('Worsened'), num('First rating')],
    rows: r.meetings.map((m) => [meetingLabel(m), m.improved, m.same, m.worsened, m.first]),
  };
}

/** Chart rows for the meeting charts: a short axis label (dd/mm/yy, and the register when both are shown). */
export function meetingChartRows(r: Reports) {
  return r.meetings.map((m) => ({ ...m, label: `${formatUk(m.date).slice(0, 6)}${m.date.slice(2, 4)}${both(r) ? `\n${m.register}` : ''}`, name: meetingLabel(m) }));
}

// ---------------------------------------------------------------------------------------------
// Opened and closed per month (001 §6.1)

export const PI_SERIES = [
  { key: 'openedResiding', label: 'Opened: residing' },
  { key: 'openedLeft', label: 'Opened: left the area' },
  { key: 'closedResiding', label: 'Closed: residing' },
  { key: 'closedLeft', label: 'Closed: left the area' },
] as const satisfies readonly { key: keyof PiCounts; label: string }[];

export function monthlyTable(r: Reports, register: 'CME' | 'PMOE'): FigureTable {
  const k = register === 'CME' ? 'cme' : 'pmoe';
  return {
    columns: [{ label: 'Month' }, ...PI_SERIES.map((s) => num(s.label))],
    rows: r.monthly.map((m) => [monthLabel(m.month, true), ...PI_SERIES.map((s) => m[k][s.key])]),
  };
}

export function monthlyChartRows(r: Reports, register: 'CME' | 'PMOE') {
  const k = register === 'CME' ? 'cme' : 'pmoe';
  return r.monthly.map((m, i) => ({ label: monthAxisLabel(m.month, i), name: monthLabel(m.month, true), ...m[k] }));
}

/** The current month's P.I.s for the Home card: the last month of a "this month" report. */
export function piThisMonth(r: Reports, register: 'CME' | 'PMOE'): PiCounts | null {
  const m = r.monthly.at(-1);
  return m ? m[register === 'CME' ? 'cme' : 'pmoe'] : null;
}

// ---------------------------------------------------------------------------------------------
// Pace

/** Chart rows for a pace distribution. */
export const paceChartRows = (p: Pace) => p.bands.map((b) => ({ label: bandAxisLabel(b.label), name: b.label, count: b.count }));

export function paceTable(p: Pace): FigureTable {
  return { columns: [{ label: 'Days from notification' }, num('Cases')], rows: p.bands.map((b) => [b.label, b.count]) };
}

const cases = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'case' : 'cases'}`;
const days = (n: number) => `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} ${n === 1 ? 'day' : 'days'}`;

/**
 * The median in words, with what it is of and what it leaves out. `event` completes "from
 * notification to …"; `noneYet` completes "No case notified in this period …" when none has a date.
 */
export function paceSentence(p: Pace, event: string, noneYet: string): string {
  const rest = [
    p.waiting ? `${cases(p.waiting)} still open with no date` : '',
    p.closedWithout ? `${cases(p.closedWithout)} closed without one` : '',
  ].filter(Boolean);
  const tail = rest.length ? ` Not counted: ${rest.join('; ')}.` : '';
  if (p.median === null) return `No case notified in this period ${noneYet} yet.${tail}`;
  return `Median ${days(p.median)} from notification to ${event}, over ${cases(p.measured)}.${tail}`;
}

// ---------------------------------------------------------------------------------------------
// Long-term, referrals, closures

export function longTermTable(r: Reports): FigureTable {
  return {
    columns: [{ label: 'Month end' }, ...registerColumns(r)],
    rows: r.longTerm.map((x) => [formatUk(x.onDate), ...registerCells(r, x)]),
  };
}

export function longTermChartRows(r: Reports) {
  return r.longTerm.map((x, i) => ({ label: monthAxisLabel(x.month, i), name: `At ${formatUk(x.onDate)}`, CME: x.cme, PMOE: x.pmoe }));
}

export function sourceTable(r: Reports): FigureTable {
  return { columns: [{ label: 'Referral source' }, ...registerColumns(r)], rows: r.referralsBySource.map((x) => [x.label, ...registerCells(r, x)]) };
}

export function reasonTable(r: Reports): FigureTable {
  return { columns: [{ label: 'Register' }, { label: 'Reason' }, num('Cases')], rows: r.referralsByReason.map((x) => [x.register, x.label, x.count]) };
}

export function closureTable(r: Reports): FigureTable {
  return { columns: [{ label: 'Closure reason' }, ...registerColumns(r)], rows: r.closuresByReason.map((x) => [x.label, ...registerCells(r, x)]) };
}

// ---------------------------------------------------------------------------------------------
// Caseload, actions, escalations (now)

export function officerTable(r: Reports): FigureTable {
  return {
    columns: [{ label: 'Lead officer' }, { label: 'Team' }, ...registerColumns(r)],
    rows: r.caseloadByOfficer.map((o) => [o.active ? o.name : `${o.name} (left)`, o.teamLabel, ...registerCells(r, o)]),
  };
}

export function teamTable(r: Reports): FigureTable {
  return { columns: [{ label: 'Team' }, ...registerColumns(r)], rows: r.caseloadByTeam.map((t) => [t.label, ...registerCells(r, t)]) };
}

export function overdueTable(r: Reports): FigureTable {
  return { columns: [{ label: 'Owner' }, num('Overdue actions')], rows: r.overdueByOwner.map((o) => [o.name, o.count]) };
}

export function escalationLevelTable(r: Reports): FigureTable {
  return { columns: [{ label: 'Level reached' }, num('Escalations waiting')], rows: r.escalationsByLevel.map((l) => [`Level ${l.level}: ${l.title}`, l.count]) };
}

export function escalationAgeTable(r: Reports): FigureTable {
  return { columns: [{ label: 'Waiting since the first step' }, num('Escalations')], rows: r.escalationsByAge.map((b) => [b.label, b.count]) };
}

// ---------------------------------------------------------------------------------------------
// What each card covers

export type Scope = 'now' | 'notified' | 'closed' | 'meetings' | 'months' | 'opened-closed';

/** The line under a card's title saying which cases or dates it counts. */
export function scopeText(scope: Scope, r: Pick<Reports, 'from' | 'to' | 'today'>): string {
  const range = rangeText(r.from, r.to);
  switch (scope) {
    case 'now':
      return `Now (${formatUk(r.today)})`;
    case 'notified':
      return `Cases notified ${range}`;
    case 'closed':
      return `Cases closed ${range}`;
    case 'meetings':
      return `Meetings held ${range}`;
    case 'months':
      return `At each month end, ${range}`;
    case 'opened-closed':
      return `Notified or closed ${range}`;
  }
}
