import { describe, it, expect } from 'vitest';
import {
  CSA_END_RULE,
  compulsorySchoolAge,
  yearGroup,
  yearGroupLabel,
  endOfCompulsorySchoolAgeReached,
  isOfCompulsorySchoolAge,
  lastFridayBeforeLastMondayOfJune,
  schoolYearLabel,
} from '../../../shared/domain/schoolAge';
import { lastFridayOfJune } from '../../../shared/domain/dates';

describe('CSA_END_RULE', () => {
  it('names the rule used', () => {
    expect(CSA_END_RULE).toBe('last Friday in June of the school year in which the child turns 16');
  });

  // 000 §3 vs 001 §1.2: the two wordings agree in some years and differ in others.
  it.each([
    [2026, '2026-06-26', '2026-06-26'],
    [2027, '2027-06-25', '2027-06-25'],
    [2028, '2028-06-30', '2028-06-23'],
    [2029, '2029-06-29', '2029-06-22'],
    [2031, '2031-06-27', '2031-06-27'],
  ])('%d: last Friday %s, B&D wording %s', (year, lastFriday, bd) => {
    expect(lastFridayOfJune(year)).toBe(lastFriday);
    expect(lastFridayBeforeLastMondayOfJune(year)).toBe(bd);
  });
});

describe('compulsorySchoolAge: starts', () => {
  it.each([
    // 5th birthday 1 Sep – 31 Dec → 31 December
    ['2020-09-01', '2025-12-31'],
    ['2020-12-30', '2025-12-31'],
    ['2020-12-31', '2025-12-31'], // birthday on the prescribed day
    // 5th birthday 1 Jan – 31 Mar → 31 March
    ['2021-01-01', '2026-03-31'],
    ['2021-03-30', '2026-03-31'],
    ['2021-03-31', '2026-03-31'], // on the prescribed day
    // 5th birthday 1 Apr – 31 Aug → 31 August
    ['2021-04-01', '2026-08-31'],
    ['2021-08-30', '2026-08-31'],
    ['2021-08-31', '2026-08-31'], // on the prescribed day
    ['2021-09-01', '2026-12-31'],
    // 29 February births: 5th birthday falls on 1 March in the (non-leap) fifth year
    ['2020-02-29', '2025-03-31'],
    ['2016-02-29', '2021-03-31'],
  ])('born %s → CSA from %s', (dob, starts) => {
    expect(compulsorySchoolAge(dob).starts).toBe(starts);
  });
});

describe('compulsorySchoolAge: ends (last Friday in June of the school year they turn 16)', () => {
  it.each([
    // September birthday: turns 16 at the start of the school year, ends the following June
    ['2010-09-01', '2027-06-25'],
    ['2009-09-01', '2026-06-26'],
    ['2010-09-30', '2027-06-25'],
    // August birthday: turns 16 after the last Friday of June — still ends that June
    ['2010-08-31', '2026-06-26'],
    ['2010-08-01', '2026-06-26'],
    ['2010-07-15', '2026-06-26'],
    ['2010-06-27', '2026-06-26'], // turns 16 the day after the leaving date
    ['2010-06-26', '2026-06-26'], // turns 16 on the leaving date
    ['2010-01-01', '2026-06-26'],
    ['2009-12-31', '2026-06-26'],
    ['2011-09-10', '2028-06-30'],
    ['2012-08-31', '2028-06-30'],
    // 29 February: 16th birthday 29 Feb 2028 (leap), school year 2027/28
    ['2012-02-29', '2028-06-30'],
  ])('born %s → CSA ends %s', (dob, ends) => {
    expect(compulsorySchoolAge(dob).ends).toBe(ends);
  });
});

describe('yearGroup', () => {
  it.each([
    // dob around 1 September, onDate at the start of 2025/26
    ['2020-09-01', '2025-09-01', 0],
    ['2021-08-31', '2025-09-01', 0],
    ['2020-08-31', '2025-09-01', 1],
    ['2021-09-01', '2025-09-01', -1],
    // onDate around 31 August / 1 September
    ['2020-09-01', '2025-08-31', -1],
    ['2020-09-01', '2026-08-31', 0],
    ['2020-09-01', '2026-09-01', 1],
    // mid-year
    ['2021-03-15', '2026-02-01', 0],
    ['2015-05-05', '2026-02-01', 6],
    // nursery / pre-school
    ['2022-01-01', '2025-10-01', -1],
    ['2023-06-01', '2025-10-01', -2],
    ['2025-01-01', '2025-10-01', -4],
    // end of compulsory schooling: Year 11
    ['2009-09-01', '2025-09-01', 11],
    ['2010-08-31', '2026-06-26', 11],
    // sixth form and beyond
    ['2008-09-01', '2025-09-01', 12],
    ['2008-08-31', '2025-09-01', 13],
    ['2007-09-01', '2025-09-01', 13],
    ['2008-09-01', '2026-08-31', 12],
    ['2007-08-31', '2025-09-01', 14],
    ['2000-01-01', '2025-09-01', 21],
  ])('born %s, on %s → %d', (dob, on, expected) => {
    expect(yearGroup(dob, on)).toBe(expected);
  });
});

describe('yearGroupLabel', () => {
  it.each([
    [-3, 'Pre-school'],
    [-1, 'Pre-school'],
    [0, 'Reception'],
    [1, 'Year 1'],
    [6, 'Year 6'],
    [11, 'Year 11'],
    [13, 'Year 13'],
    [14, 'Post-16'],
    [20, 'Post-16'],
  ])('%d → %s', (n, label) => {
    expect(yearGroupLabel(n)).toBe(label);
  });
});

describe('endOfCompulsorySchoolAgeReached', () => {
  it.each([
    ['2010-08-31', '2026-06-25', false],
    ['2010-08-31', '2026-06-26', true],
    ['2010-08-31', '2026-08-31', true],
    ['2010-09-01', '2026-06-26', false],
    ['2010-09-01', '2027-06-24', false],
    ['2010-09-01', '2027-06-25', true],
  ])('born %s, on %s → %s', (dob, on, expected) => {
    expect(endOfCompulsorySchoolAgeReached(dob, on)).toBe(expected);
  });
});

describe('isOfCompulsorySchoolAge', () => {
  it.each([
    // start boundary
    ['2021-04-01', '2026-08-30', false],
    ['2021-04-01', '2026-08-31', true],
    ['2020-12-31', '2025-12-30', false],
    ['2020-12-31', '2025-12-31', true],
    // end boundary: still of CSA on the leaving date itself (Education Act 1996 s8(3))
    ['2010-08-31', '2026-06-25', true],
    ['2010-08-31', '2026-06-26', true],
    ['2010-08-31', '2026-06-27', false],
    ['2015-05-05', '2026-02-01', true],
  ])('born %s, on %s → %s', (dob, on, expected) => {
    expect(isOfCompulsorySchoolAge(dob, on)).toBe(expected);
  });
});

describe('schoolYearLabel', () => {
  it.each([
    ['2025-09-01', '2025/26'],
    ['2026-08-31', '2025/26'],
    ['2026-09-01', '2026/27'],
    ['2099-10-01', '2099/00'],
  ])('%s → %s', (iso, label) => {
    expect(schoolYearLabel(iso)).toBe(label);
  });
});
