import { describe, expect, it } from 'vitest';
import { clockOffset, formatDuration, formatTimeOfDay, itemSeconds, secondsSince } from '../../../renderer/src/pages/cockpit/timer';

describe('formatDuration', () => {
  it.each([
    [0, '00:00'],
    [7, '00:07'],
    [59.9, '00:59'],
    [60, '01:00'],
    [247, '04:07'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [36000 + 61, '10:01:01'],
    [-5, '00:00'],
    [Number.NaN, '00:00'],
    [Number.POSITIVE_INFINITY, '00:00'],
  ])('%s s → %s', (s, expected) => {
    expect(formatDuration(s)).toBe(expected);
  });
});

describe('secondsSince and itemSeconds', () => {
  const now = Date.parse('2026-03-12T10:05:00Z');
  it.each<[string | null, number]>([
    [null, 0],
    ['2026-03-12T10:00:00Z', 300],
    ['2026-03-12T10:04:59.500Z', 0],
    ['2026-03-12T10:06:00Z', 0],
    ['not a date', 0],
  ])('since %s → %s', (start, expected) => {
    expect(secondsSince(start, now)).toBe(expected);
  });

  it.each<[number, string | null, number]>([
    [0, null, 0],
    [120, null, 120],
    [0, '2026-03-12T10:04:00Z', 60],
    [90, '2026-03-12T10:04:00Z', 150],
    [-3, null, 0],
  ])('elapsed %s + current since %s → %s', (elapsed, startedAt, expected) => {
    expect(itemSeconds({ elapsedSeconds: elapsed, startedAt }, now)).toBe(expected);
  });
});

describe('formatTimeOfDay and clockOffset', () => {
  it('pads hours, minutes and seconds', () => {
    expect(formatTimeOfDay(new Date(2026, 2, 12, 9, 3, 7))).toBe('09:03:07');
    expect(formatTimeOfDay(new Date(2026, 2, 12, 14, 3, 21))).toBe('14:03:21');
  });
  it.each<[string | null, number, number]>([
    ['2026-03-12T10:00:02Z', Date.parse('2026-03-12T10:00:00Z'), 2000],
    ['2026-03-12T09:59:59Z', Date.parse('2026-03-12T10:00:00Z'), -1000],
    [null, 123, 0],
    ['garbage', 123, 0],
  ])('server %s at %s → %s ms', (server, received, expected) => {
    expect(clockOffset(server, received)).toBe(expected);
  });
});
