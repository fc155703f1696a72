import { describe, it, expect } from 'vitest';
import { defaultCalendar2026_27 } from '../../../shared/domain/calendar';
import { generateSchedule, nthWeekdayOfMonth, type Cadence } from '../../../shared/domain/schedule';

const calendar = defaultCalendar2026_27();
const SUN = 0;
const MON = 1;
const TUE = 2;
const WED = 3;
const FRI = 5;
const SAT = 6;

describe('nthWeekdayOfMonth', () => {
  it.each([
    [2026, 9, TUE, 1, '2026-09-01'], // 1 Sep 2026 is a Tuesday
    [2026, 9, TUE, 2, '2026-09-08'],
    [2026, 3, MON, 1, '2026-03-02'], // 1 Mar 2026 is a Sunday
    [2026, 10, FRI, -1, '2026-10-30'],
    [2026, 12, FRI, 4, '2026-12-25'],
    [2027, 2, SUN, 4, '2027-02-28'],
    [2027, 2, MON, -1, '2027-02-22'],
    [2028, 2, TUE, -1, '2028-02-29'], // leap year
    [2026, 8, SAT, -1, '2026-08-29'],
  ] as const)('%d-%d weekday %d nth %d → %s', (year, month, weekday, nth, expected) => {
    expect(nthWeekdayOfMonth(year, month, weekday, nth)).toBe(expected);
  });

  it.each([
    [2026, 9, 7, 1],
    [2026, 13, TUE, 1],
    [2026, 9, TUE, 5],
    [2026, 9, TUE, 0],
  ])('%d-%d weekday %d nth %d → RangeError', (year, month, weekday, nth) => {
    expect(() => nthWeekdayOfMonth(year, month, weekday, nth as 1)).toThrow(RangeError);
  });
});

describe('generateSchedule: monthly (CME)', () => {
  const secondTuesday: Cadence = { kind: 'monthly_nth_weekday', weekday: TUE, nth: 2 };

  it('2nd Tuesday for 2026/27 from 1 Sep 2026', () => {
    // By hand: Sep 1 is a Tue → 8 Sep; Oct 1 Thu → 6, 13; Nov 1 Sun → 3, 10; Dec 1 Tue → 8;
    // Jan 1 Fri → 5, 12; Feb 1 Mon → 2, 9; Mar 1 Mon → 2, 9; Apr 1 Thu → 6, 13 (Summer 1 starts Mon 12);
    // May 1 Sat → 4, 11; Jun 1 Tue → 8 (Summer 2 starts Mon 7). All are school days.
    expect(generateSchedule(secondTuesday, { from: '2026-09-01', count: 10, calendar })).toEqual([
      '2026-09-08',
      '2026-10-13',
      '2026-11-10',
      '2026-12-08',
      '2027-01-12',
      '2027-02-09',
      '2027-03-09',
      '2027-04-13',
      '2027-05-11',
      '2027-06-08',
    ]);
  });

  it('stops at the end of the calendar: July 2027 then nothing (August has no school days)', () => {
    const all = generateSchedule(secondTuesday, { from: '2026-09-01', count: 20, calendar });
    expect(all).toHaveLength(11);
    expect(all.at(-1)).toBe('2027-07-13');
  });

  it('skips August and carries on into the next academic year', () => {
    // Jun 1 2026 Mon → Tue 2, 9; Jul 1 Wed → 7, 14; August: summer holiday; Sep 8.
    expect(generateSchedule(secondTuesday, { from: '2026-06-01', count: 3, calendar })).toEqual([
      '2026-06-09',
      '2026-07-14',
      '2026-09-08',
    ]);
  });

  it.each<[string, Cadence, string, number, string[]]>([
    // The nth weekday falls in a holiday / on a closure → the next school day in that month.
    ['1st Tuesday of April 2026 is in the Easter holiday → Mon 13 Apr', { kind: 'monthly_nth_weekday', weekday: TUE, nth: 1 }, '2026-04-01', 1, ['2026-04-13']],
    ['3rd Monday of Feb 2026 is half term, Mon 23 INSET → Tue 24', { kind: 'monthly_nth_weekday', weekday: MON, nth: 3 }, '2026-02-01', 1, ['2026-02-24']],
    ['1st Monday of May 2026 is a bank holiday → Tue 5', { kind: 'monthly_nth_weekday', weekday: MON, nth: 1 }, '2026-05-01', 1, ['2026-05-05']],
    ['1st Wednesday of Sep 2026 is INSET → Thu 3', { kind: 'monthly_nth_weekday', weekday: WED, nth: 1 }, '2026-09-01', 1, ['2026-09-03']],
    ['2nd Saturday → the Monday after', { kind: 'monthly_nth_weekday', weekday: SAT, nth: 2 }, '2026-10-01', 1, ['2026-10-12']],
    // No school day left in the month → the month is skipped.
    [
      'last Friday: 30 Oct half term and 25 Dec holiday are skipped',
      { kind: 'monthly_nth_weekday', weekday: FRI, nth: -1 },
      '2026-10-01',
      2,
      ['2026-11-27', '2027-01-29'],
    ],
    ['4th Friday of Dec 2026 is Christmas Day → January', { kind: 'monthly_nth_weekday', weekday: FRI, nth: 4 }, '2026-12-01', 1, ['2027-01-22']],
    // On/after `from`.
    ['from the meeting day itself', { kind: 'monthly_nth_weekday', weekday: TUE, nth: 2 }, '2026-09-08', 1, ['2026-09-08']],
    ['from the day after → next month', { kind: 'monthly_nth_weekday', weekday: TUE, nth: 2 }, '2026-09-09', 1, ['2026-10-13']],
    ['count 0', { kind: 'monthly_nth_weekday', weekday: TUE, nth: 2 }, '2026-09-01', 0, []],
    ['from after the calendar ends', { kind: 'monthly_nth_weekday', weekday: TUE, nth: 2 }, '2027-09-01', 3, []],
    ['from before the calendar starts', { kind: 'monthly_nth_weekday', weekday: TUE, nth: 2 }, '2025-01-01', 1, ['2025-09-09']],
  ])('%s', (_name, cadence, from, count, expected) => {
    expect(generateSchedule(cadence, { from, count, calendar })).toEqual(expected);
  });

  it('never returns an existing meeting, and existing ones do not count', () => {
    expect(
      generateSchedule(secondTuesday, { from: '2026-09-01', count: 3, calendar, existing: ['2026-09-08', '2026-11-10'] }),
    ).toEqual(['2026-10-13', '2026-12-08', '2027-01-12']);
  });

  it('is deterministic', () => {
    const a = generateSchedule(secondTuesday, { from: '2025-09-01', count: 30, calendar });
    expect(generateSchedule(secondTuesday, { from: '2025-09-01', count: 30, calendar })).toEqual(a);
    expect(a).toHaveLength(22); // 11 months in each of the two years
    expect(new Set(a).size).toBe(a.length);
  });

  it.each([
    [{ kind: 'monthly_nth_weekday', weekday: 7, nth: 2 } as Cadence, 3],
    [{ kind: 'monthly_nth_weekday', weekday: TUE, nth: 2 } as Cadence, -1],
    [{ kind: 'monthly_nth_weekday', weekday: TUE, nth: 2 } as Cadence, 1.5],
  ])('rejects %j with count %d', (cadence, count) => {
    expect(() => generateSchedule(cadence, { from: '2026-09-01', count, calendar })).toThrow(RangeError);
  });
});

describe('generateSchedule: half-termly (PMOE)', () => {
  const week3Wednesday: Cadence = { kind: 'half_termly', weekOfHalfTerm: 3, weekday: WED };

  it('Wednesday of week 3 of each half term in 2026/27', () => {
    // Week 1 = the Mon–Sun week containing the first day of the half term.
    // Autumn 1 starts Wed 2 Sep → week 1 Mon 31 Aug, week 3 Mon 14 Sep → Wed 16 Sep.
    // Autumn 2 Mon 2 Nov → week 3 Mon 16 Nov → Wed 18 Nov. Spring 1 Mon 4 Jan → Wed 20 Jan.
    // Spring 2 Mon 22 Feb → Wed 10 Mar. Summer 1 Mon 12 Apr → Wed 28 Apr. Summer 2 Mon 7 Jun → Wed 23 Jun.
    expect(generateSchedule(week3Wednesday, { from: '2026-09-01', count: 10, calendar })).toEqual([
      '2026-09-16',
      '2026-11-18',
      '2027-01-20',
      '2027-03-10',
      '2027-04-28',
      '2027-06-23',
    ]);
  });

  it('one per half term across both years', () => {
    expect(generateSchedule(week3Wednesday, { from: '2025-09-01', count: 8, calendar })).toEqual([
      '2025-09-17', // Autumn 1 starts Wed 3 Sep → week 1 Mon 1 Sep
      '2025-11-19',
      '2026-01-21',
      '2026-03-11',
      '2026-04-29',
      '2026-06-17',
      '2026-09-16',
      '2026-11-18',
    ]);
  });

  it.each<[string, Cadence, string, number, string[]]>([
    [
      'week 1 Monday before the term starts (Wed 2 Sep, INSET) → Thu 3 Sep',
      { kind: 'half_termly', weekOfHalfTerm: 1, weekday: MON },
      '2026-09-01',
      2,
      ['2026-09-03', '2026-11-02'],
    ],
    [
      'week 4 Monday of Summer 1 2026 is the early May bank holiday → Tue 5 May',
      { kind: 'half_termly', weekOfHalfTerm: 4, weekday: MON },
      '2026-04-01',
      1,
      ['2026-05-05'],
    ],
    [
      'week 6 Friday: last day of Spring 1 2027; Spring 2 (5 weeks) has none',
      { kind: 'half_termly', weekOfHalfTerm: 6, weekday: FRI },
      '2027-02-01',
      2,
      ['2027-02-12', '2027-05-21'],
    ],
    [
      'from the day after this half term’s meeting → the next half term',
      { kind: 'half_termly', weekOfHalfTerm: 3, weekday: WED },
      '2026-09-17',
      1,
      ['2026-11-18'],
    ],
    [
      'from a holiday → the next half term',
      { kind: 'half_termly', weekOfHalfTerm: 3, weekday: WED },
      '2026-10-28',
      1,
      ['2026-11-18'],
    ],
  ])('%s', (_name, cadence, from, count, expected) => {
    expect(generateSchedule(cadence, { from, count, calendar })).toEqual(expected);
  });

  it('never returns an existing meeting', () => {
    expect(generateSchedule(week3Wednesday, { from: '2026-09-01', count: 2, calendar, existing: ['2026-09-16'] })).toEqual([
      '2026-11-18',
      '2027-01-20',
    ]);
  });

  it.each([0, -1, 1.5])('weekOfHalfTerm %s → RangeError', (week) => {
    expect(() =>
      generateSchedule({ kind: 'half_termly', weekOfHalfTerm: week, weekday: WED }, { from: '2026-09-01', count: 1, calendar }),
    ).toThrow(RangeError);
  });
});
