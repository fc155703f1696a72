import { describe, it, expect } from 'vitest';
import type { Reports } from '../../../shared/api/reportSchemas';
import {
  bandAxisLabel, closureTable, csvFileName, escalationAgeTable, escalationLevelTable, isEmptyTable, longTermChartRows, longTermTable, meetingChartRows, meetingRagTable,
  monthAxisLabel, monthLabel, monthlyChartRows, monthlyTable, movementTable, officerTable, openRagTable, overdueTable, paceChartRows, paceSentence, paceTable, piThisMonth,
  reasonTable, scopeText, sourceTable, tableCsv, teamTable,
} from '../../../renderer/src/pages/reports/tables';
import {
  REPORT_FILTER_KEY, defaultFilter, filterProblem, loadFilter, presetRange, rangeText, saveFilter, withDate, withPreset,
} from '../../../renderer/src/pages/reports/filters';

const pi = (a: number, b: number, c: number, d: number) => ({ openedResiding: a, openedLeft: b, closedResiding: c, closedLeft: d });
const bands = (counts: number[]) =>
  ['0–7 days', '8–14 days', '15–28 days', '29–56 days', '57–91 days', '92–182 days', '183 days or more'].map((label, i) => ({ code: String(i), label, count: counts[i] ?? 0 }));

const R: Reports = {
  from: '2026-02-01', to: '2026-03-31', today: '2026-11-25', panel: null, registers: ['CME', 'PMOE'],
  openRag: [
    { register: 'CME', red: 2, amber: 1, green: 1, none: 0, total: 4 },
    { register: 'PMOE', red: 0, amber: 0, green: 1, none: 0, total: 1 },
  ],
  meetings: [{ meetingId: 7, date: '2026-03-10', panelName: 'CME panel', register: 'CME', red: 2, amber: 1, green: 1, none: 1, total: 5, improved: 1, same: 2, worsened: 1, first: 1 }],
  monthly: [
    { month: '2026-02', cme: pi(0, 1, 0, 0), pmoe: pi(0, 0, 0, 0) },
    { month: '2026-03', cme: pi(2, 1, 1, 1), pmoe: pi(1, 0, 0, 0) },
  ],
  timeToLocated: { measured: 3, waiting: 2, closedWithout: 1, median: 20, bands: bands([1, 0, 1, 1]) },
  timeToProvision: { measured: 0, waiting: 4, closedWithout: 0, median: null, bands: bands([]) },
  longTerm: [
    { month: '2026-02', onDate: '2026-02-28', cme: 0, pmoe: 0, total: 0 },
    { month: '2026-03', onDate: '2026-03-31', cme: 2, pmoe: 1, total: 3 },
  ],
  referralsBySource: [{ code: 'school', label: 'School', cme: 1, pmoe: 1, total: 2 }],
  referralsByReason: [{ register: 'CME', code: 'whereabouts_unknown', label: 'Whereabouts unknown', count: 2 }],
  closuresByReason: [{ code: 'moved_overseas', label: 'Moved overseas', cme: 1, pmoe: 0, total: 1 }],
  caseloadByOfficer: [
    { officerId: 1, name: 'Priya Shah', team: 'cme', teamLabel: 'CME', active: true, cme: 2, pmoe: 0, total: 2 },
    { officerId: 2, name: 'Beth Carrow', team: 'sen', teamLabel: 'SEN', active: false, cme: 0, pmoe: 1, total: 1 },
    { officerId: null, name: 'Not allocated', team: null, teamLabel: 'Not allocated', active: true, cme: 2, pmoe: 0, total: 2 },
  ],
  caseloadByTeam: [{ code: 'cme', label: 'CME', cme: 2, pmoe: 0, total: 2 }],
  overdueByOwner: [{ ownerId: 1, name: 'Priya Shah', count: 3 }],
  escalationsByLevel: [{ level: 2, title: 'Relevant Head of Service', count: 1 }],
  escalationsByAge: [{ code: 'under-1w', label: 'Under a week', count: 1 }],
};
const cmeOnly: Reports = { ...R, registers: ['CME'], panel: { id: 3, name: 'CME panel', register: 'CME' } };

describe('figure tables', () => {
  it('opened and closed per month, residing / left, months in words', () => {
    expect(monthlyTable(R, 'CME')).toEqual({
      columns: [{ label: 'Month' }, { label: 'Opened: residing', numeric: true }, { label: 'Opened: left the area', numeric: true }, { label: 'Closed: residing', numeric: true }, { label: 'Closed: left the area', numeric: true }],
      rows: [['February 2026', 0, 1, 0, 0], ['March 2026', 2, 1, 1, 1]],
    });
    expect(monthlyTable(R, 'PMOE').rows[1]).toEqual(['March 2026', 1, 0, 0, 0]);
    expect(monthlyChartRows(R, 'CME')[1]).toMatchObject({ label: 'Mar', name: 'March 2026', openedResiding: 2 });
  });

  it('RAG now, at each meeting, and movement', () => {
    expect(openRagTable(R).rows).toEqual([['CME', 2, 1, 1, 0, 4], ['PMOE', 0, 0, 1, 0, 1]]);
    expect(meetingRagTable(R).rows).toEqual([['10/03/2026 CME panel', 2, 1, 1, 1, 5]]);
    expect(movementTable(R).columns.map((c) => c.label)).toEqual(['Meeting', 'Improved', 'Same', 'Worsened', 'First rating']);
    expect(movementTable(R).rows).toEqual([['10/03/2026 CME panel', 1, 2, 1, 1]]);
    expect(meetingChartRows(R)[0]).toMatchObject({ label: '10/03/26\nCME', name: '10/03/2026 CME panel' });
    expect(meetingChartRows(cmeOnly)[0]!.label).toBe('10/03/26');
  });

  it('register columns follow the registers in scope (a panel shows its own only, no total)', () => {
    expect(sourceTable(R)).toEqual({ columns: [{ label: 'Referral source' }, { label: 'CME', numeric: true }, { label: 'PMOE', numeric: true }, { label: 'Total', numeric: true }], rows: [['School', 1, 1, 2]] });
    expect(sourceTable(cmeOnly).rows).toEqual([['School', 1]]);
    expect(closureTable(cmeOnly).columns.map((c) => c.label)).toEqual(['Closure reason', 'CME']);
    expect(longTermTable(R).rows).toEqual([['28/02/2026', 0, 0, 0], ['31/03/2026', 2, 1, 3]]);
    expect(longTermChartRows(R)).toEqual([
      { label: 'Feb\n2026', name: 'At 28/02/2026', CME: 0, PMOE: 0 },
      { label: 'Mar', name: 'At 31/03/2026', CME: 2, PMOE: 1 },
    ]);
  });

  it('caseload, actions and escalations', () => {
    expect(officerTable(R).rows).toEqual([['Priya Shah', 'CME', 2, 0, 2], ['Beth Carrow (left)', 'SEN', 0, 1, 1], ['Not allocated', 'Not allocated', 2, 0, 2]]);
    expect(teamTable(R).rows).toEqual([['CME', 2, 0, 2]]);
    expect(overdueTable(R).rows).toEqual([['Priya Shah', 3]]);
    expect(reasonTable(R).rows).toEqual([['CME', 'Whereabouts unknown', 2]]);
    expect(escalationLevelTable(R).rows).toEqual([['Level 2: Relevant Head of Service', 1]]);
    expect(escalationAgeTable(R).rows).toEqual([['Under a week', 1]]);
  });

  it('pace: the bands, and the median said in words', () => {
    expect(paceTable(R.timeToLocated).rows.slice(0, 4)).toEqual([['0–7 days', 1], ['8–14 days', 0], ['15–28 days', 1], ['29–56 days', 1]]);
    expect(paceSentence(R.timeToLocated, 'located', 'has been located')).toBe(
      'Median 20 days from notification to located, over 3 cases. Not counted: 2 cases still open with no date; 1 case closed without one.',
    );
    expect(paceSentence({ ...R.timeToLocated, median: 18.5, waiting: 0, closedWithout: 0 }, 'located', 'has been located')).toBe('Median 18.5 days from notification to located, over 3 cases.');
    expect(paceSentence(R.timeToProvision, 'entering provision', 'has a date it entered provision')).toBe(
      'No case notified in this period has a date it entered provision yet. Not counted: 4 cases still open with no date.',
    );
    expect(paceChartRows(R.timeToLocated)[6]).toEqual({ label: '183+\ndays', name: '183 days or more', count: 0 });
  });

  it('an empty figure is one with no rows or only zeros', () => {
    expect(isEmptyTable(paceTable(R.timeToProvision))).toBe(true);
    expect(isEmptyTable(paceTable(R.timeToLocated))).toBe(false);
    expect(isEmptyTable(movementTable({ ...R, meetings: [] }))).toBe(true);
    expect(isEmptyTable(monthlyTable(R, 'PMOE'))).toBe(false);
    expect(isEmptyTable(monthlyTable({ ...R, monthly: [{ month: '2026-02', cme: pi(0, 0, 0, 0), pmoe: pi(0, 0, 0, 0) }] }, 'CME'))).toBe(true);
  });

  it('CSV: BOM, header, rows; a file name from the figure, dates and panel', () => {
    expect(tableCsv(sourceTable(R))).toBe('\uFEFFReferral source,CME,PMOE,Total\r\nSchool,1,1,2\r\n');
    expect(csvFileName('Referrals by source', R)).toBe('referrals-by-source-2026-02-01-to-2026-03-31.csv');
    expect(csvFileName('CME cases opened and closed per month', cmeOnly)).toBe('cme-cases-opened-and-closed-per-month-2026-02-01-to-2026-03-31-cme-panel.csv');
  });

  it('labels: months, axis months, bands, scope lines', () => {
    expect(monthLabel('2026-03')).toBe('Mar 2026');
    expect(monthLabel('2026-03', true)).toBe('March 2026');
    expect(['2025-11', '2025-12', '2026-01', '2026-02'].map(monthAxisLabel)).toEqual(['Nov\n2025', 'Dec', 'Jan\n2026', 'Feb']);
    expect(bandAxisLabel('0–7 days')).toBe('0–7\ndays');
    expect(bandAxisLabel('183 days or more')).toBe('183+\ndays');
    expect(scopeText('now', R)).toBe('Now (25/11/2026)');
    expect(scopeText('notified', R)).toBe('Cases notified 01/02/2026 to 31/03/2026');
    expect(scopeText('meetings', R)).toBe('Meetings held 01/02/2026 to 31/03/2026');
  });

  it('this month’s P.I.s for Home are the last month of the report', () => {
    expect(piThisMonth(R, 'CME')).toEqual(pi(2, 1, 1, 1));
    expect(piThisMonth({ ...R, monthly: [] }, 'CME')).toBeNull();
  });
});

describe('report filter', () => {
  const TODAY = '2026-11-25';
  it.each([
    ['last12', '2025-11-26', '2026-11-25'],
    ['thisSchoolYear', '2026-09-01', '2026-11-25'],
    ['lastSchoolYear', '2025-09-01', '2026-08-31'],
    ['thisYear', '2026-01-01', '2026-11-25'],
    ['thisMonth', '2026-11-01', '2026-11-25'],
  ] as const)('%s on 25/11/2026 is %s to %s', (preset, from, to) => {
    expect(presetRange(preset, TODAY)).toEqual({ from, to });
  });
  it('last 12 months in December does not start on 1 January (issue 9)', () => {
    expect(presetRange('last12', '2026-12-03')).toEqual({ from: '2025-12-04', to: '2026-12-03' });
    expect(presetRange('last12', '2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
  });
  it('the school year before September is last September’s', () => {
    expect(presetRange('thisSchoolYear', '2026-03-15')).toEqual({ from: '2025-09-01', to: '2026-03-15' });
    expect(presetRange('lastSchoolYear', '2026-08-31')).toEqual({ from: '2024-09-01', to: '2025-08-31' });
  });

  it('a preset sets dates; typing a date makes it custom', () => {
    const f = defaultFilter(TODAY);
    expect(f).toEqual({ preset: 'last12', from: '2025-11-26', to: '2026-11-25', panelId: null });
    expect(withPreset(f, 'thisMonth', TODAY)).toMatchObject({ preset: 'thisMonth', from: '2026-11-01' });
    expect(withPreset({ ...f, from: '2026-01-05' }, 'custom', TODAY)).toMatchObject({ preset: 'custom', from: '2026-01-05' });
    expect(withDate(f, 'to', '2026-06-30')).toEqual({ preset: 'custom', from: '2025-11-26', to: '2026-06-30', panelId: null });
  });

  it('says what is wrong with the dates', () => {
    expect(filterProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
    expect(filterProblem({ from: '2026-06-01', to: '2026-05-31' })).toEqual({ field: 'from', message: 'From date (01/06/2026) is after the To date (31/05/2026): choose a From date on or before it.' });
    expect(filterProblem({ from: '', to: '2026-05-31' })?.field).toBe('from');
    expect(filterProblem({ from: '2026-01-01', to: '2026-02-30' })?.field).toBe('to');
    expect(filterProblem({ from: '2010-01-01', to: '2026-01-01' })?.field).toBe('to');
  });

  it('is remembered; presets are re-read for today; anything odd gives the default', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveFilter(storage, { preset: 'thisMonth', from: '2026-10-01', to: '2026-10-20', panelId: 2 });
    expect(loadFilter(storage, TODAY)).toEqual({ preset: 'thisMonth', from: '2026-11-01', to: '2026-11-25', panelId: 2 });
    saveFilter(storage, { preset: 'custom', from: '2026-03-01', to: '2026-03-31', panelId: null });
    expect(loadFilter(storage, TODAY)).toEqual({ preset: 'custom', from: '2026-03-01', to: '2026-03-31', panelId: null });
    store.set(REPORT_FILTER_KEY, JSON.stringify({ preset: 'custom', from: '2026-04-01', to: '2026-03-01', panelId: -4 }));
    expect(loadFilter(storage, TODAY)).toEqual(defaultFilter(TODAY));
    store.set(REPORT_FILTER_KEY, '{not json');
    expect(loadFilter(storage, TODAY)).toEqual(defaultFilter(TODAY));
    expect(loadFilter(null, TODAY)).toEqual(defaultFilter(TODAY));
  });

  it('rangeText', () => {
    expect(rangeText('2026-02-01', '2026-03-31')).toBe('01/02/2026 to 31/03/2026');
  });
});
