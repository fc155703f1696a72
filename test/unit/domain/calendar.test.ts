import { describe, it, expect } from 'vitest';
import {
  DEFAULT_CALENDAR_NOTE,
  addSchoolDays,
  calendarCovers,
  calendarRange,
  defaultCalendar2026_27,
  halfTermsBetween,
  isSchoolDay,
  schoolDaysBetween,
  termContaining,
  validateCalendar,
  type TermCalendar,
} from '../../../shared/domain/calendar';
import { dayOfWeek } from '../../../shared/domain/dates';

const cal = defaultCalendar2026_27();

describe('defaultCalendar2026_27', () => {
  it('has 2025/26 and 2026/27, six half terms each, and passes validation', () => {
    expect(cal.years.map((y) => y.label)).toEqual(['2025/26', '2026/27']);
    for (const y of cal.years) {
      expect(y.terms.map((t) => t.name)).toEqual(['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2']);
    }
    expect(validateCalendar(cal)).toEqual([]);
  });

  it('makes the first day of autumn an INSET day in each year', () => {
    for (const y of cal.years) {
      const first = y.terms[0]!.starts;
      expect(y.closures).toContainEqual({ date: first, kind: 'inset', label: 'INSET day' });
    }
  });

  it('every closure is on a weekday', () => {
    for (const y of cal.years) for (const c of y.closures) expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(c.date));
  });

  it('returns a fresh copy each call', () => {
    const a = defaultCalendar2026_27();
    a.years[0]!.terms[0]!.starts = '2000-01-01';
    expect(defaultCalendar2026_27().years[0]!.terms[0]!.starts).toBe('2025-09-03');
  });

  it('carries a note to check local dates', () => {
    expect(DEFAULT_CALENDAR_NOTE).toBe('These are typical dates for England. Check them against your local authority’s published term dates.');
  });
});

describe('isSchoolDay (default calendar)', () => {
  it.each([
    ['2026-02-13', 'Friday, last day before the February half term', true],
    ['2026-02-16', 'Monday of the February half term', false],
    ['2026-02-20', 'Friday of the February half term', false],
    ['2026-02-23', 'Monday back: INSET day', false],
    ['2026-02-24', 'Tuesday after the INSET day', true],
    ['2025-09-02', 'Tuesday before the autumn term', false],
    ['2025-09-03', 'first day of autumn 2025: INSET', false],
    ['2025-09-04', 'first pupil day of autumn 2025', true],
    ['2026-05-01', 'Friday before the early May bank holiday', true],
    ['2026-05-04', 'early May bank holiday', false],
    ['2026-05-05', 'Tuesday after the bank holiday', true],
    ['2026-05-22', 'Friday, last day before the May half term', true],
    ['2026-05-25', 'spring bank holiday in the half term', false],
    ['2026-07-22', 'last day of 2025/26', true],
    ['2026-07-23', 'first day of the summer holiday', false],
    ['2026-08-12', 'summer holiday (covered)', false],
    ['2026-10-23', 'Friday before the October half term', true],
    ['2026-10-24', 'Saturday', false],
    ['2026-10-25', 'Sunday', false],
    ['2026-10-26', 'Monday of the October half term', false],
    ['2026-11-02', 'Monday back after half term', true],
    ['2026-12-18', 'last day before Christmas', true],
    ['2026-12-21', 'Christmas holiday', false],
    ['2027-01-04', 'first day of spring 2027', true],
    ['2027-03-25', 'Thursday, last day before Easter 2027', true],
    ['2027-03-26', 'Good Friday 2027', false],
    ['2027-05-03', 'early May bank holiday 2027', false],
    ['2027-07-21', 'last day of 2026/27', true],
    ['2024-09-10', 'Tuesday before the calendar starts', false],
    ['2027-09-07', 'Tuesday after the calendar ends', false],
  ])('%s (%s) → %s', (date, _what, expected) => {
    expect(isSchoolDay(date, cal)).toBe(expected);
  });

  it('throws for a date that is not a date', () => {
    expect(() => isSchoolDay('2026-02-30', cal)).toThrow(RangeError);
  });
});

describe('calendarCovers / calendarRange', () => {
  it.each([
    ['2025-08-31', false],
    ['2025-09-01', true], // 1 September of 2025/26, before the first term day
    ['2026-08-15', true], // summer holiday between the two years
    ['2027-08-31', true],
    ['2027-09-01', false],
    ['2024-01-10', false],
  ])('%s → %s', (date, expected) => {
    expect(calendarCovers(date, cal)).toBe(expected);
  });

  it('range is 1 September 2025 to 31 August 2027', () => {
    expect(calendarRange(cal)).toEqual({ from: '2025-09-01', to: '2027-08-31' });
    expect(calendarRange({ years: [] })).toBeNull();
  });
});

describe('addSchoolDays', () => {
  it.each([
    // n = 0: the day itself if a school day, else the next school day.
    ['2026-01-05', 0, '2026-01-05'], // Monday, school day
    ['2026-01-10', 0, '2026-01-12'], // Saturday → Monday
    ['2026-02-16', 0, '2026-02-24'], // half term → past the INSET day on Mon 23
    ['2026-08-10', 0, '2026-09-03'], // summer → Thu 3 Sep (Wed 2 Sep is INSET)
    // The day itself does not count.
    ['2026-01-05', 1, '2026-01-06'], // Monday + 1 = Tuesday
    ['2026-01-09', 1, '2026-01-12'], // Friday + 1 = Monday
    ['2026-02-13', 1, '2026-02-24'], // Friday before half term + 1 = Tuesday after (Mon 23 is INSET)
    // Over the February half term, from Wed 11 Feb 2026:
    //   Thu 12 (1), Fri 13 (2), [16–20 half term, Mon 23 INSET], Tue 24 (3), Wed 25 (4), Thu 26 (5),
    //   Fri 27 (6), Mon 2 Mar (7), Tue 3 (8), Wed 4 (9), Thu 5 (10),
    //   Fri 6 (11), Mon 9 (12), Tue 10 (13), Wed 11 (14), Thu 12 (15), Fri 13 (16), Mon 16 (17),
    //   Tue 17 (18), Wed 18 (19), Thu 19 (20).
    ['2026-02-11', 10, '2026-03-05'],
    ['2026-02-11', 20, '2026-03-19'],
    // Over Christmas 2026, from Mon 14 Dec: Tue 15 (1), Wed 16 (2), Thu 17 (3), Fri 18 (4),
    //   [holiday to Sun 3 Jan], Mon 4 Jan (5), Tue 5 (6), Wed 6 (7), Thu 7 (8), Fri 8 (9), Mon 11 (10),
    //   Tue 12 (11), Wed 13 (12), Thu 14 (13), Fri 15 (14), Mon 18 (15), Tue 19 (16), Wed 20 (17),
    //   Thu 21 (18), Fri 22 (19), Mon 25 (20).
    ['2026-12-14', 10, '2027-01-11'],
    ['2026-12-14', 20, '2027-01-25'],
    // Over Christmas 2025, from Fri 12 Dec: Mon 15 (1) … Fri 19 (5), Mon 5 Jan (6) … Fri 9 Jan (10).
    ['2025-12-12', 10, '2026-01-09'],
    // Over the early May bank holiday: Fri 1 May (1), [Mon 4 bank holiday], Tue 5 (2).
    ['2026-04-30', 2, '2026-05-05'],
    // Over the summer into the next academic year: Tue 21 Jul (1), Wed 22 (2), [summer, Wed 2 Sep INSET], Thu 3 Sep (3).
    ['2026-07-20', 3, '2026-09-03'],
    // From a holiday day: counting starts with the first school day after it.
    ['2026-10-28', 1, '2026-11-02'],
  ])('%s + %d school days → %s', (date, n, expected) => {
    expect(addSchoolDays(date, n, cal)).toBe(expected);
  });

  it.each([
    ['2027-07-20', 5], // runs past 31 Aug 2027
    ['2027-07-21', 1],
    ['2024-06-03', 0], // before the calendar
    ['2025-08-20', 1], // steps on 21 Aug 2025, not covered
  ])('%s + %d runs off the calendar → RangeError', (date, n) => {
    expect(() => addSchoolDays(date, n, cal)).toThrow(RangeError);
    expect(() => addSchoolDays(date, n, cal)).toThrow(/term calendar does not cover/);
  });

  it('the last day of the calendar + 0 is itself', () => {
    expect(addSchoolDays('2027-07-21', 0, cal)).toBe('2027-07-21');
  });

  it.each([-1, 1.5, Number.NaN])('n = %s → RangeError', (n) => {
    expect(() => addSchoolDays('2026-01-05', n, cal)).toThrow(RangeError);
  });
});

describe('schoolDaysBetween', () => {
  it.each([
    ['2026-02-11', '2026-03-05', 10], // the hand count above
    ['2026-02-11', '2026-03-19', 20],
    ['2026-12-14', '2027-01-11', 10],
    ['2026-12-14', '2027-01-25', 20],
    ['2026-01-05', '2026-01-05', 0], // same day
    ['2026-01-06', '2026-01-05', 0], // to before from
    ['2026-01-05', '2026-01-06', 1], // Monday → Tuesday
    ['2026-01-09', '2026-01-12', 1], // Friday → Monday
    ['2026-02-13', '2026-02-23', 0], // half term then INSET
    ['2026-02-13', '2026-02-24', 1],
    ['2026-05-01', '2026-05-04', 0], // bank holiday
    // Whole years: 2025/26 = 37 + 35 + 30 + 24 + 29 + 38; 2026/27 = 37 + 35 + 30 + 23 + 34 + 33.
    ['2025-08-31', '2026-08-31', 193],
    ['2026-08-31', '2027-08-31', 192],
    ['2024-09-01', '2024-12-31', 0], // outside the calendar: no school days
  ])('%s → %s = %d', (from, to, expected) => {
    expect(schoolDaysBetween(from, to, cal)).toBe(expected);
  });

  it.each([
    ['2026-02-11', 10],
    ['2026-12-14', 20],
    ['2025-09-01', 1],
    ['2026-07-15', 7],
  ])('agrees with addSchoolDays from %s + %d', (from, n) => {
    expect(schoolDaysBetween(from, addSchoolDays(from, n, cal), cal)).toBe(n);
  });
});

describe('termContaining', () => {
  it.each([
    ['2026-10-23', '2026/27', 'Autumn 1'],
    ['2026-09-02', '2026/27', 'Autumn 1'], // INSET day is still in the term
    ['2026-02-23', '2025/26', 'Spring 2'],
    ['2026-07-22', '2025/26', 'Summer 2'],
    ['2026-10-17', '2026/27', 'Autumn 1'], // a Saturday inside the term
    ['2026-10-26', null, null], // half term
    ['2026-08-01', null, null], // summer
    ['2024-10-01', null, null], // outside
  ])('%s → %s %s', (date, year, term) => {
    const found = termContaining(date, cal);
    if (year === null) expect(found).toBeNull();
    else expect({ year: found?.year.label, term: found?.term.name }).toEqual({ year, term });
  });
});

describe('halfTermsBetween', () => {
  it.each([
    ['2026-10-20', '2026-11-05', ['2026-09-02', '2026-11-02']],
    ['2026-10-26', '2026-10-30', []], // inside half term
    ['2026-10-23', '2026-10-23', ['2026-09-02']], // last day
    ['2026-07-01', '2026-09-30', ['2026-06-01', '2026-09-02']], // across the summer
    ['2026-11-05', '2026-10-20', []], // reversed
    ['2024-01-01', '2024-12-31', []],
  ])('%s..%s → terms starting %j', (from, to, starts) => {
    expect(halfTermsBetween(from, to, cal).map((t) => t.starts)).toEqual(starts);
  });

  it('the whole calendar is 12 half terms in order', () => {
    const terms = halfTermsBetween('2025-09-01', '2027-08-31', cal);
    expect(terms).toHaveLength(12);
    expect(terms.map((t) => t.starts)).toEqual([...terms.map((t) => t.starts)].sort());
  });
});

describe('validateCalendar', () => {
  const year = (over: Partial<TermCalendar['years'][number]> = {}): TermCalendar['years'][number] => ({
    label: '2026/27',
    terms: [
      { name: 'Autumn 1', starts: '2026-09-02', ends: '2026-10-23' },
      { name: 'Autumn 2', starts: '2026-11-02', ends: '2026-12-18' },
    ],
    closures: [],
    ...over,
  });

  it.each<[string, TermCalendar, string[]]>([
    ['a good year', { years: [year()] }, []],
    ['no years', { years: [] }, ['The calendar has no academic years.']],
    ['a year with no terms', { years: [year({ terms: [] })] }, ['2026/27 has no terms.']],
    [
      'a term ending before it starts',
      { years: [year({ terms: [{ name: 'Autumn 1', starts: '2026-10-23', ends: '2026-09-02' }] })] },
      ['2026/27 Autumn 1 ends (02/09/2026) before it starts (23/10/2026).'],
    ],
    [
      'a term date that is not a date',
      { years: [year({ terms: [{ name: 'Autumn 1', starts: '2026-09-31', ends: '2026-10-23' }] })] },
      ['2026/27 Autumn 1: start date "2026-09-31" is not a real date.'],
    ],
    [
      'overlapping terms',
      {
        years: [
          year({
            terms: [
              { name: 'Autumn 1', starts: '2026-09-02', ends: '2026-11-03' },
              { name: 'Autumn 2', starts: '2026-11-02', ends: '2026-12-18' },
            ],
          }),
        ],
      },
      ['2026/27 Autumn 1 (02/09/2026–03/11/2026) overlaps 2026/27 Autumn 2 (02/11/2026–18/12/2026).'],
    ],
    [
      'terms of two years overlapping',
      {
        years: [
          year({ label: '2025/26', terms: [{ name: 'Summer 2', starts: '2026-06-01', ends: '2026-09-04' }] }),
          year(),
        ],
      },
      ['2025/26 Summer 2 (01/06/2026–04/09/2026) overlaps 2026/27 Autumn 1 (02/09/2026–23/10/2026).'],
    ],
    [
      'the same year twice',
      { years: [year(), year({ terms: [{ name: 'Spring 1', starts: '2027-01-04', ends: '2027-02-12' }] })] },
      ['2026/27 appears more than once.'],
    ],
    [
      'an INSET day in half term',
      { years: [year({ closures: [{ date: '2026-10-26', kind: 'inset', label: 'INSET day' }] })] },
      ['2026/27: INSET day (INSET day) on 26/10/2026 is not in any term.'],
    ],
    [
      'an INSET day on a Saturday',
      { years: [year({ closures: [{ date: '2026-10-03', kind: 'inset', label: 'Training' }] })] },
      ['2026/27: INSET day (Training) on 03/10/2026 is a Saturday.'],
    ],
    [
      'an other closure outside the year',
      { years: [year({ closures: [{ date: '2027-03-01', kind: 'other', label: 'Polling day' }] })] },
      ['2026/27: Closure (Polling day) on 01/03/2027 is not in any term.'],
    ],
    [
      'a bank holiday in half term is fine',
      { years: [year({ closures: [{ date: '2026-10-26', kind: 'bank_holiday', label: 'Extra' }] })] },
      [],
    ],
    [
      'a bank holiday outside the year',
      { years: [year({ closures: [{ date: '2026-08-31', kind: 'bank_holiday', label: 'Summer bank holiday' }] })] },
      ['2026/27: Bank holiday (Summer bank holiday) on 31/08/2026 is outside the year\'s terms.'],
    ],
    [
      'a closure date that is not a date',
      { years: [year({ closures: [{ date: '26/10/2026', kind: 'inset', label: 'INSET day' }] })] },
      ['2026/27: INSET day (INSET day) has a date "26/10/2026" that is not a real date.'],
    ],
    [
      'the same closure twice',
      {
        years: [
          year({
            closures: [
              { date: '2026-09-02', kind: 'inset', label: 'INSET day' },
              { date: '2026-09-02', kind: 'inset', label: 'INSET day' },
            ],
          }),
        ],
      },
      ['2026/27: 02/09/2026 is listed as a closure more than once.'],
    ],
  ])('%s', (_name, calendar, problems) => {
    expect(validateCalendar(calendar)).toEqual(problems);
  });
});
