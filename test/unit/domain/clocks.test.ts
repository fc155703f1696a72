import { describe, it, expect } from 'vitest';
import {
  PANEL_AFTER_DAYS,
  daysOpen,
  dueForPanelOn,
  isDueForPanel,
  isLongTerm,
  longTermFrom,
  type PanelClockInput,
} from '../../../shared/domain/clocks';

describe('daysOpen', () => {
  it.each([
    ['2026-01-05', null, '2026-01-05', 0],
    ['2026-01-05', null, '2026-02-02', 28],
    ['2026-01-05', '2026-01-20', '2026-02-02', 15], // closed: counts to the closing date
    ['2026-01-05', '2026-03-01', '2026-02-02', 28], // closed after onDate: counts to onDate
    ['2026-01-05', null, '2026-01-01', 0], // onDate before notification: never negative
    ['2025-12-31', null, '2026-12-31', 365],
  ] as const)('notified %s, closed %s, on %s → %d', (notified, closed, on, expected) => {
    expect(daysOpen(notified, closed, on)).toBe(expected);
  });
});

describe('dueForPanelOn', () => {
  it('is four weeks after notification', () => {
    expect(PANEL_AFTER_DAYS).toBe(28);
  });
  it.each([
    ['2026-01-05', '2026-02-02'],
    ['2026-02-10', '2026-03-10'],
    ['2024-02-10', '2024-03-09'],
    ['2026-12-15', '2027-01-12'],
  ])('%s → %s', (notified, due) => {
    expect(dueForPanelOn(notified)).toBe(due);
  });
});

describe('isDueForPanel', () => {
  const base: PanelClockInput = { register: 'CME', status: 'checks', dateNotified: '2026-01-05', dateLocated: null };
  it.each([
    ['day 27', base, '2026-02-01', false],
    ['day 28', base, '2026-02-02', true],
    ['day 60', base, '2026-03-06', true],
    ['notified today', base, '2026-01-05', false],
    ['referred, day 28', { ...base, status: 'referred' }, '2026-02-02', true],
    ['already at panel, day 40', { ...base, status: 'at_panel' }, '2026-02-14', true],
    ['closed', { ...base, status: 'closed' }, '2026-02-14', false],
    ['located', { ...base, dateLocated: '2026-01-20' }, '2026-02-14', false],
    ['PMOE case', { ...base, register: 'PMOE' }, '2026-02-14', false],
  ] as const)('%s → %s', (_name, c, on, expected) => {
    expect(isDueForPanel(c, on)).toBe(expected);
  });
});

describe('longTermFrom / isLongTerm', () => {
  it.each([
    ['2026-01-15', '2026-07-15'],
    ['2025-08-31', '2026-02-28'],
    ['2023-08-31', '2024-02-29'],
    ['2026-12-31', '2027-06-30'],
  ])('notified %s → long-term from %s', (notified, from) => {
    expect(longTermFrom(notified)).toBe(from);
  });

  it.each([
    ['6 months minus one day', 'checks', '2026-01-15', '2026-07-14', false],
    ['exactly 6 months', 'checks', '2026-01-15', '2026-07-15', true],
    ['over 6 months', 'at_panel', '2026-01-15', '2027-01-01', true],
    ['month-end clamp, day before', 'referred', '2025-08-31', '2026-02-27', false],
    ['month-end clamp, on the day', 'referred', '2025-08-31', '2026-02-28', true],
    ['closed', 'closed', '2026-01-15', '2027-01-01', false],
  ] as const)('%s → %s', (_name, status, notified, on, expected) => {
    expect(isLongTerm({ status, dateNotified: notified }, on)).toBe(expected);
  });
});
