/**
 * The Reports screen's filter: a date range (a preset such as "Last 12 months", or custom dates)
 * and a panel (or all). Remembered on this computer; a preset is remembered as the preset, so
 * "Last 12 months" still means the last 12 months next week. Pure: today and the Storage are arguments.
 */
import { storageKey, writeJson, type KeyValueStore } from '../../lib/storage';
import { addDays, addMonths, formatUk, isIsoDate } from '../../../../shared/domain/dates';
import { firstOfMonth, monthsBetween } from '../../../../shared/domain/figures';
import { MAX_REPORT_MONTHS } from '../../../../shared/api/reportSchemas';

export const REPORT_FILTER_KEY = storageKey('reports.filter');

export const PRESETS = [
  { code: 'last12', label: 'Last 12 months' },
  { code: 'thisSchoolYear', label: 'This school year' },
  { code: 'lastSchoolYear', label: 'Last school year' },
  { code: 'thisYear', label: 'This calendar year' },
  { code: 'thisMonth', label: 'This month' },
  { code: 'custom', label: 'Custom dates' },
] as const;
export type PresetCode = (typeof PRESETS)[number]['code'];

export interface ReportFilter {
  preset: PresetCode;
  from: string;
  to: string;
  panelId: number | null;
}

/** The school year runs 1 September to 31 August; the one containing `today` starts in this year. */
function schoolYearStart(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 9 ? year : year - 1;
}

/** The dates a preset stands for on `today`. Ranges that run past today stop at today. */
export function presetRange(preset: Exclude<PresetCode, 'custom'>, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case 'last12':
      // Twelve months back to the day (not from the 1st of a month: in December that was 1 January).
      return { from: addDays(addMonths(today, -12), 1), to: today };
    case 'thisSchoolYear':
      return { from: `${schoolYearStart(today)}-09-01`, to: today };
    case 'lastSchoolYear': {
      const start = schoolYearStart(today) - 1;
      return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
    }
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'thisMonth':
      return { from: firstOfMonth(today), to: today };
  }
}

export function defaultFilter(today: string): ReportFilter {
  return { preset: 'last12', ...presetRange('last12', today), panelId: null };
}

/** Choosing a preset sets its dates; choosing custom keeps the dates shown. */
export function withPreset(f: ReportFilter, preset: PresetCode, today: string): ReportFilter {
  return preset === 'custom' ? { ...f, preset } : { ...f, preset, ...presetRange(preset, today) };
}

/** Typing a date makes the range custom. */
export function withDate(f: ReportFilter, field: 'from' | 'to', value: string): ReportFilter {
  return { ...f, preset: 'custom', [field]: value };
}

/** What is wrong with the dates, in the words the server would use, or null. */
export function filterProblem(f: Pick<ReportFilter, 'from' | 'to'>): { field: 'from' | 'to'; message: string } | null {
  if (!isIsoDate(f.from)) return { field: 'from', message: 'Enter a real From date.' };
  if (!isIsoDate(f.to)) return { field: 'to', message: 'Enter a real To date.' };
  if (f.from > f.to) return { field: 'from', message: `From date (${formatUk(f.from)}) is after the To date (${formatUk(f.to)}): choose a From date on or before it.` };
  if (monthsBetween(f.from, f.to) >= MAX_REPORT_MONTHS) return { field: 'to', message: `Choose a range of less than ${MAX_REPORT_MONTHS / 12} years.` };
  return null;
}

type Reader = Pick<KeyValueStore, 'getItem'> | null | undefined;
type Writer = Pick<KeyValueStore, 'setItem'> | null | undefined;

/** The remembered filter, with presets re-read for today; anything odd gives the default. */
export function loadFilter(storage: Reader, today: string): ReportFilter {
  const fallback = defaultFilter(today);
  try {
    const raw = storage?.getItem(REPORT_FILTER_KEY);
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<ReportFilter>;
    const preset = PRESETS.find((p) => p.code === v.preset)?.code;
    if (!preset) return fallback;
    const panelId = typeof v.panelId === 'number' && Number.isInteger(v.panelId) && v.panelId > 0 ? v.panelId : null;
    if (preset !== 'custom') return { preset, ...presetRange(preset, today), panelId };
    const f = { preset, from: String(v.from ?? ''), to: String(v.to ?? ''), panelId };
    return filterProblem(f) ? { ...fallback, panelId } : f;
  } catch {
    return fallback;
  }
}

export function saveFilter(storage: Writer, f: ReportFilter): void {
  writeJson(storage, REPORT_FILTER_KEY, f);
}

/** "01/12/2025 to 25/11/2026" */
export const rangeText = (from: string, to: string): string => `${formatUk(from)} to ${formatUk(to)}`;
