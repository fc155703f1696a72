import { describe, it, expect } from 'vitest';
import {
  isIsoDate,
  parseIso,
  toIso,
  formatUk,
  addDays,
  addMonths,
  wholeMonthsBetween,
  diffDays,
  compareIso,
  todayIso,
  dayOfWeek,
  lastFridayOfJune,
  lastMondayOfJune,
  ageOn,
  birthdayIn,
  epochDay,
  fromEpochDay,
} from '../../../shared/domain/dates';

describe('isIsoDate', () => {
  it.each([
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2100-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['26-01-01', false],
    [' 2026-01-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['01/02/2026', false],
    ['', false],
  ])('%j → %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('parseIso / toIso', () => {
  it.each(['2026-01-01', '2026-03-29', '2026-10-25', '2024-02-29', '1999-12-31', '0050-06-15'])(
    'round-trips %s at UTC midnight',
    (iso) => {
      const d = parseIso(iso);
      expect(d.getUTCHours()).toBe(0);
      expect(d.getUTCMinutes()).toBe(0);
      expect(toIso(d)).toBe(iso);
    },
  );

  it('parseIso gives UTC midnight', () => {
    expect(parseIso('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });

  it.each(['2026-02-30', 'nonsense', ''])('parseIso(%j) throws', (s) => {
    expect(() => parseIso(s)).toThrow(RangeError);
  });

  it.each([
    [Date.UTC(2026, 2, 29, 23, 59, 59), '2026-03-29'],
    [Date.UTC(2026, 0, 1, 0, 0, 0), '2026-01-01'],
    [Date.UTC(2025, 11, 31, 23, 59, 59, 999), '2025-12-31'],
  ])('toIso(%d) uses the UTC date → %s', (ms, expected) => {
    expect(toIso(new Date(ms))).toBe(expected);
  });
});

describe('formatUk', () => {
  it.each([
    ['2026-02-03', '03/02/2026'],
    ['2026-12-31', '31/12/2026'],
    ['2024-02-29', '29/02/2024'],
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (iso, expected) => {
    expect(formatUk(iso)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-01', 0, '2026-01-01'],
    ['2026-01-01', 28, '2026-01-29'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    // BST starts 29 March 2026 and ends 25 October 2026: no drift across the change.
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-03-01', 365, '2027-03-01'],
  ])('%s + %d days = %s', (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  it('rejects fractional days', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', 6, '2026-07-15'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-05-10', 0, '2026-05-10'],
    ['2026-07-31', 24, '2028-07-31'],
  ])('%s + %d months = %s', (iso, n, expected) => {
    expect(addMonths(iso, n)).toBe(expected);
  });
});

describe('wholeMonthsBetween', () => {
  it.each([
    ['2026-01-15', '2026-07-15', 6],
    ['2026-01-15', '2026-07-14', 5],
    // Agrees with addMonths: six months after 31/08 is 28/02, so a case notified then is long-term that day.
    ['2026-08-31', '2027-02-28', 6],
    ['2026-08-31', '2027-02-27', 5],
    ['2024-02-29', '2025-02-28', 12],
    ['2026-05-10', '2026-05-10', 0],
    ['2026-05-10', '2026-05-31', 0],
    ['2016-01-31', '2026-01-01', 119],
    ['2026-07-15', '2026-01-15', -6],
  ])('%s to %s is %d whole months', (from, to, expected) => {
    expect(wholeMonthsBetween(from, to)).toBe(expected);
  });
});

describe('diffDays', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-01-29', 28],
    ['2026-01-29', '2026-01-01', -28],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
  ])('%s → %s = %d', (from, to, expected) => {
    expect(diffDays(from, to)).toBe(expected);
  });
});

describe('compareIso', () => {
  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['2025-12-31', '2026-01-01', -1],
  ] as const)('%s vs %s = %d', (a, b, expected) => {
    expect(compareIso(a, b)).toBe(expected);
  });

  it('throws for a non-date', () => {
    expect(() => compareIso('2026-02-30', '2026-01-01')).toThrow(RangeError);
  });
});

describe('todayIso', () => {
  it.each([
    [new Date(2026, 0, 5, 0, 0, 1), '2026-01-05'],
    [new Date(2026, 0, 5, 23, 59, 59), '2026-01-05'],
    [new Date(2026, 5, 30, 12, 0, 0), '2026-06-30'],
    [new Date(2026, 11, 31, 23, 30, 0), '2026-12-31'],
  ])('local date of %s is %s', (now, expected) => {
    expect(todayIso(now)).toBe(expected);
  });

  it('takes the moment from its caller: shared code never reads the clock (issue 15)', () => {
    expect(todayIso.length).toBe(1);
    expect(isIsoDate(todayIso(new Date()))).toBe(true);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['2026-01-04', 0],
    ['2026-01-05', 1],
    ['2026-01-01', 4],
    ['2026-06-26', 5],
    ['2026-06-27', 6],
  ])('%s → %d', (iso, expected) => {
    expect(dayOfWeek(iso)).toBe(expected);
  });
});

describe('lastFridayOfJune', () => {
  it.each([
    [2025, '2025-06-27'],
    [2026, '2026-06-26'],
    [2027, '2027-06-25'],
    [2028, '2028-06-30'],
    [2029, '2029-06-29'],
    [2030, '2030-06-28'],
    [2031, '2031-06-27'],
    [2032, '2032-06-25'],
  ])('%d → %s', (year, expected) => {
    const d = lastFridayOfJune(year);
    expect(d).toBe(expected);
    expect(dayOfWeek(d)).toBe(5);
    expect(addDays(d, 7) > `${year}-06-30`).toBe(true);
  });
});

describe('lastMondayOfJune', () => {
  it.each([
    [2026, '2026-06-29'],
    [2027, '2027-06-28'],
    [2028, '2028-06-26'],
  ])('%d → %s', (year, expected) => {
    expect(lastMondayOfJune(year)).toBe(expected);
  });
});

describe('ageOn', () => {
  it.each([
    ['2010-05-10', '2026-05-09', 15],
    ['2010-05-10', '2026-05-10', 16],
    ['2010-05-10', '2026-05-11', 16],
    ['2010-12-31', '2026-12-30', 15],
    ['2010-12-31', '2026-12-31', 16],
    ['2011-01-01', '2026-12-31', 15],
    ['2020-01-01', '2020-01-01', 0],
    // 29 February: a year older on 1 March in non-leap years, on 29 February in leap years.
    ['2016-02-29', '2025-02-28', 8],
    ['2016-02-29', '2025-03-01', 9],
    ['2016-02-29', '2028-02-28', 11],
    ['2016-02-29', '2028-02-29', 12],
    ['2016-02-29', '2028-03-01', 12],
  ])('born %s, on %s → %d', (dob, on, expected) => {
    expect(ageOn(dob, on)).toBe(expected);
  });
});

describe('birthdayIn', () => {
  it.each([
    ['2016-02-29', 2025, '2025-03-01'],
    ['2016-02-29', 2028, '2028-02-29'],
    ['2016-07-04', 2030, '2030-07-04'],
  ])('born %s, birthday in %d is %s', (dob, year, expected) => {
    expect(birthdayIn(dob, year)).toBe(expected);
  });
});

// The helpers read characters and count days in integers (no RegExp, no Date): checked here against
// the Date-based arithmetic they replaced, day by day across four centuries and the epoch boundary.
describe('integer day arithmetic agrees with Date', () => {
  const viaDate = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  it('epochDay and fromEpochDay round-trip every day from 1800 to 2200', () => {
    let mismatches = 0;
    const start = Date.UTC(1800, 0, 1) / 86_400_000;
    const end = Date.UTC(2200, 11, 31) / 86_400_000;
    for (let n = start; n <= end; n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (epochDay(iso) !== n || fromEpochDay(n) !== iso || dayOfWeek(iso) !== new Date(n * 86_400_000).getUTCDay()) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(end - start).toBeGreaterThan(146_000);
  });
  it.each([
    ['2026-01-31', 28], ['2024-02-28', 1], ['2023-02-28', 1], ['2000-02-28', 1], ['1900-02-28', 1],
    ['2026-12-31', 1], ['2026-03-01', -1], ['2024-03-01', -1], ['1970-01-01', -1], ['1969-12-31', 1],
    ['2026-09-01', 10_000], ['2026-09-01', -10_000], ['0400-03-01', -1], ['9999-12-30', 1],
  ])('addDays(%s, %i) as Date counts it', (iso, n) => {
    expect(addDays(iso, n)).toBe(viaDate(iso, n));
    expect(diffDays(iso, addDays(iso, n))).toBe(n);
  });
  it('keeps years 0000–0099 as written (not 1900–1999) and refuses to leave 0000–9999', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(parseIso('0050-06-15').getUTCFullYear()).toBe(50);
    expect(epochDay('0000-01-01')).toBe(-719_528);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0000-01-01', -1)).toThrow(RangeError);
  });
  it.each(['2026-1-01', '2026/01/01', '202a-01-01', '2026-02-30', '+026-01-01', '2026-01-0a'])('epochDay refuses %j', (s) => {
    expect(() => epochDay(s)).toThrow(RangeError);
  });
});
