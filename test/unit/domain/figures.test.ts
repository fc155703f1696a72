import { describe, it, expect } from 'vitest';
import {
  DAY_BANDS,
  ESCALATION_AGE_BANDS,
  bandOf,
  countLongTermAt,
  daysFrom,
  distribute,
  firstOfMonth,
  longTermAt,
  median,
  monthBuckets,
  monthEnd,
  monthEndsUpTo,
  monthOf,
  monthsBetween,
  openOn,
  ragMove,
  ratingAtMeeting,
  residence,
  type ResidenceInput,
} from '../../../shared/domain/figures';
import { isLongTerm } from '../../../shared/domain/clocks';
import { addDays } from '../../../shared/domain/dates';

describe('monthBuckets', () => {
  it.each([
    ['2026-03-14', '2026-03-31', ['2026-03']],
    ['2026-01-31', '2026-03-01', ['2026-01', '2026-02', '2026-03']],
    ['2025-11-15', '2026-02-02', ['2025-11', '2025-12', '2026-01', '2026-02']], // across a year end
    ['2026-05-01', '2026-04-30', []], // from after to
  ] as const)('%s to %s', (from, to, expected) => {
    expect(monthBuckets(from, to)).toEqual(expected);
  });
  it('gives 12 months for a year', () => {
    expect(monthBuckets('2025-12-01', '2026-11-25')).toHaveLength(12);
  });
  it('rejects a non-date', () => {
    expect(() => monthBuckets('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});

describe('month helpers', () => {
  it.each([
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
  ] as const)('monthEnd(%s) = %s', (m, end) => {
    expect(monthEnd(m)).toBe(end);
  });
  it('monthOf, firstOfMonth, monthsBetween', () => {
    expect(monthOf('2026-03-14')).toBe('2026-03');
    expect(firstOfMonth('2026-03-14')).toBe('2026-03-01');
    expect(monthsBetween('2026-01-31', '2026-12-01')).toBe(11);
    expect(monthsBetween('2016-01-01', '2026-01-01')).toBe(120);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 0, 90], 10],
    [[0, 0], 0],
  ] as [number[], number | null][])('median(%j) = %s', (xs, m) => {
    expect(median(xs)).toBe(m);
  });
  it('does not reorder its argument', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('day bands', () => {
  it.each([
    [0, '0-7'], [7, '0-7'], [8, '8-14'], [14, '8-14'], [15, '15-28'], [28, '15-28'], [29, '29-56'],
    [56, '29-56'], [57, '57-91'], [91, '57-91'], [92, '92-182'], [182, '92-182'], [183, '183+'], [4000, '183+'],
    [-3, '0-7'], // a date entered before notification counts as 0 days
  ] as const)('%d days -> %s', (days, code) => {
    expect(bandOf(DAY_BANDS, days).code).toBe(code);
  });
  it('covers every whole day with no gaps or overlaps', () => {
    for (const bands of [DAY_BANDS, ESCALATION_AGE_BANDS]) {
      for (let i = 1; i < bands.length; i++) expect(bands[i]!.min).toBe((bands[i - 1]!.max as number) + 1);
      expect(bands[0]!.min).toBe(0);
      expect(bands.at(-1)!.max).toBeNull();
    }
  });
  it('distribute lists every band in order, zeros included', () => {
    expect(distribute(DAY_BANDS, [1, 3, 9, 200, 28]).map((b) => [b.code, b.count])).toEqual([
      ['0-7', 2], ['8-14', 1], ['15-28', 1], ['29-56', 0], ['57-91', 0], ['92-182', 0], ['183+', 1],
    ]);
    expect(distribute(DAY_BANDS, []).every((b) => b.count === 0)).toBe(true);
  });
  it.each([
    [0, 'under-1w'], [6, 'under-1w'], [7, '1-2w'], [13, '1-2w'], [14, '2-4w'], [27, '2-4w'], [28, '1-3m'], [90, '1-3m'], [91, '3m+'],
  ] as const)('escalation open %d days -> %s', (days, code) => {
    expect(bandOf(ESCALATION_AGE_BANDS, days).code).toBe(code);
  });
  it('daysFrom never goes negative', () => {
    expect(daysFrom('2026-03-01', '2026-03-29')).toBe(28);
    expect(daysFrom('2026-03-10', '2026-03-01')).toBe(0);
  });
});

describe('ratingAtMeeting', () => {
  it.each([
    // inForce, itemRagBefore, current, hasHistory -> rating at the meeting
    ['amber', 'red', 'green', true, 'amber'],
    [null, 'red', 'green', true, 'red'],
    // Rated only after the meeting: it was not rated at it.
    [null, null, 'green', true, null],
    // A case from before RAG history began: its rating now is all there is.
    [null, null, 'green', false, 'green'],
    [null, null, null, false, null],
  ] as const)('in force %s, item %s, now %s, history %s -> %s', (inForce, itemRagBefore, current, hasHistory, expected) => {
    expect(ratingAtMeeting({ inForce, itemRagBefore, current, hasHistory })).toBe(expected);
  });
});

describe('ragMove (red < amber < green)', () => {
  it.each([
    ['red', 'amber', 'improved'],
    ['amber', 'green', 'improved'],
    ['red', 'green', 'improved'],
    ['green', 'amber', 'worsened'],
    ['amber', 'red', 'worsened'],
    ['amber', 'amber', 'same'],
    [null, 'red', 'first'],
    [null, null, null], // never rated: in the mix as "not rated", not in the movement
    ['amber', null, null],
  ] as const)('%s -> %s is %s', (before, after, move) => {
    expect(ragMove(before, after)).toBe(move);
  });
});

describe('residence (seed 001 §6.1: residing in the area / left the area)', () => {
  const base: ResidenceInput = { closureReason: null, departureDate: null, reason: 'whereabouts_unknown' };
  it.each([
    ['open, whereabouts unknown', {}, 'residing'],
    ['closed on roll and attending', { closureReason: 'on_roll_attending' }, 'residing'],
    ['closed as moved to another LA', { closureReason: 'moved_other_la' }, 'left'],
    ['closed as moved overseas', { closureReason: 'moved_overseas' }, 'left'],
    ['a departure date recorded', { departureDate: '2026-03-02' }, 'left'],
    ['a departure date on the day judged', { departureDate: '2026-03-10' }, 'left'],
    ['a departure date still to come', { departureDate: '2026-04-01' }, 'residing'],
    ['believed to have moved abroad', { reason: 'moved_abroad_unconfirmed' }, 'left'],
    ['lost pupil', { closureReason: 'unresolved_lost' }, 'residing'],
    ['PMOE with no CME reason', { reason: null }, 'residing'],
  ] as const)('%s -> %s', (_what, over, expected) => {
    expect(residence({ ...base, ...over }, '2026-03-10')).toBe(expected);
  });
});

describe('long-term at a date (clocks.ts rule, 001 §6.2)', () => {
  it.each([
    // notified, closed, on, long-term?
    ['2026-01-15', null, '2026-07-14', false],
    ['2026-01-15', null, '2026-07-15', true], // exactly 6 months
    ['2025-08-31', null, '2026-02-28', true], // clamped to month end
    ['2025-08-31', null, '2026-02-27', false],
    ['2026-01-15', '2026-07-31', '2026-07-31', false], // closed that day: not open at its end
    ['2026-01-15', '2026-08-01', '2026-07-31', true], // closed later: was open then
    ['2026-09-01', null, '2026-07-31', false], // not notified yet
  ] as const)('notified %s, closed %s, on %s -> %s', (n, c, on, expected) => {
    expect(longTermAt({ dateNotified: n, closedOn: c }, on)).toBe(expected);
    expect(openOn({ dateNotified: n, closedOn: c }, on) && isLongTerm({ status: 'checks', dateNotified: n }, on)).toBe(expected);
  });

  it('countLongTermAt agrees with longTermAt case by case', () => {
    const cases: { dateNotified: string; closedOn: string | null; n: number }[] = [];
    for (let i = 0; i < 400; i += 7) {
      const notified = addDays('2025-01-01', i);
      cases.push({ dateNotified: notified, closedOn: null, n: 1 });
      cases.push({ dateNotified: notified, closedOn: addDays(notified, 150 + (i % 90)), n: 2 });
    }
    const dates = ['2025-06-30', '2025-08-31', '2025-12-31', '2026-02-28', '2026-03-15'];
    const expected = dates.map((d) => cases.reduce((s, c) => s + (longTermAt(c, d) ? c.n : 0), 0));
    expect(countLongTermAt(cases, dates)).toEqual(expected);
    expect(expected.some((x) => x > 0)).toBe(true);
  });

  it('reads the line at each month end, the current month today, and no later', () => {
    expect(monthEndsUpTo('2026-09-10', '2027-08-31', '2026-11-25')).toEqual([
      { month: '2026-09', onDate: '2026-09-30' },
      { month: '2026-10', onDate: '2026-10-31' },
      { month: '2026-11', onDate: '2026-11-25' },
    ]);
    expect(monthEndsUpTo('2026-01-01', '2026-02-14', '2026-11-25')).toEqual([
      { month: '2026-01', onDate: '2026-01-31' },
      { month: '2026-02', onDate: '2026-02-14' },
    ]);
  });
});
