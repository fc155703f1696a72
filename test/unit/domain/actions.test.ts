import { describe, it, expect } from 'vitest';
import {
  CARRY_FORWARD_FLAG,
  carriedTooOften,
  countCarryForwards,
  isDueThisWeek,
  isOpenAction,
  isOverdue,
  movementSinceLastMeeting,
  ragMovement,
  suggestEscalation,
  weekContaining,
  type ActionStatus,
  type RagHistoryEntry,
  newActionProblem,
  type NewAction,
} from '../../../shared/domain/actions';
import type { Rag } from '../../../shared/domain/vocab';

// 2026-03-09 is a Monday; 2026-03-15 a Sunday.
const MON = '2026-03-09';
const SUN = '2026-03-15';

describe('isOpenAction', () => {
  it.each([
    ['open', true],
    ['carried_forward', true],
    ['done', false],
    ['dropped', false],
  ] as const)('%s → %s', (status, expected) => {
    expect(isOpenAction(status)).toBe(expected);
  });
});

describe('isOverdue', () => {
  it.each([
    ['open, due yesterday', 'open', '2026-03-08', MON, true],
    ['open, due today', 'open', MON, MON, false],
    ['open, due tomorrow', 'open', '2026-03-10', MON, false],
    ['carried forward, due yesterday', 'carried_forward', '2026-03-08', MON, true],
    ['done, due yesterday', 'done', '2026-03-08', MON, false],
    ['dropped, due yesterday', 'dropped', '2026-03-08', MON, false],
    ['open, no due date', 'open', null, MON, false],
    ['open, due Saturday, on Sunday', 'open', '2026-03-14', SUN, true],
  ] as const)('%s → %s', (_name, status, dueDate, on, expected) => {
    expect(isOverdue({ status, dueDate }, on)).toBe(expected);
  });
});

describe('weekContaining', () => {
  it.each([
    [MON, MON, SUN],
    ['2026-03-12', MON, SUN],
    [SUN, MON, SUN],
    ['2026-03-16', '2026-03-16', '2026-03-22'],
    ['2026-01-01', '2025-12-29', '2026-01-04'],
  ])('%s → %s to %s', (iso, monday, sunday) => {
    expect(weekContaining(iso)).toEqual({ monday, sunday });
  });
});

describe('isDueThisWeek', () => {
  it.each([
    // on Monday
    ['on Monday, due Monday', 'open', MON, MON, true],
    ['on Monday, due Sunday', 'open', SUN, MON, true],
    ['on Monday, due next Monday', 'open', '2026-03-16', MON, false],
    ['on Monday, due the Sunday before (overdue)', 'open', '2026-03-08', MON, false],
    // on Sunday
    ['on Sunday, due Sunday', 'open', SUN, SUN, true],
    ['on Sunday, due Monday (overdue)', 'open', MON, SUN, false],
    ['on Sunday, due next Monday', 'open', '2026-03-16', SUN, false],
    // midweek
    ['on Thursday, due Friday', 'open', '2026-03-13', '2026-03-12', true],
    ['on Thursday, due Tuesday (overdue)', 'open', '2026-03-10', '2026-03-12', false],
    // status
    ['carried forward, due Sunday', 'carried_forward', SUN, MON, true],
    ['done, due Sunday', 'done', SUN, MON, false],
    ['dropped, due Sunday', 'dropped', SUN, MON, false],
    ['open, no due date', 'open', null, MON, false],
  ] as const)('%s → %s', (_name, status, dueDate, on, expected) => {
    expect(isDueThisWeek({ status, dueDate }, on)).toBe(expected);
  });
});

describe('carry forward', () => {
  it('flags at 2', () => {
    expect(CARRY_FORWARD_FLAG).toBe(2);
  });

  it.each([
    [0, false],
    [1, false],
    [2, true],
    [3, true],
  ])('carriedTooOften(%i) → %s', (n, expected) => {
    expect(carriedTooOften(n)).toBe(expected);
  });

  it.each([
    ['open, carried once', 'open', 1, { suggest: false, reason: '' }],
    ['carried forward, carried once', 'carried_forward', 1, { suggest: false, reason: '' }],
    ['carried forward twice', 'carried_forward', 2, { suggest: true, reason: 'Carried forward twice: consider escalating (no progress)' }],
    ['open, carried twice', 'open', 2, { suggest: true, reason: 'Carried forward twice: consider escalating (no progress)' }],
    ['carried 3 times', 'carried_forward', 3, { suggest: true, reason: 'Carried forward 3 times: consider escalating (no progress)' }],
    ['done after 2 carries', 'done', 2, { suggest: false, reason: '' }],
    ['dropped after 3 carries', 'dropped', 3, { suggest: false, reason: '' }],
  ] as const)('suggestEscalation: %s', (_name, status, carriedCount, expected) => {
    expect(suggestEscalation({ status: status as ActionStatus, carriedCount })).toEqual(expected);
  });

  it.each([
    [[], 0],
    [[{ outcome: 'carried_forward' }], 1],
    [[{ outcome: 'carried_forward' }, { outcome: 'open' }, { outcome: 'carried_forward' }], 2],
    [[{ outcome: 'done' }, { outcome: 'dropped' }], 0],
  ])('countCarryForwards(%j) → %i', (reviews, expected) => {
    expect(countCarryForwards(reviews)).toBe(expected);
  });
});

describe('ragMovement', () => {
  it.each([
    ['red', 'amber', 'improved'],
    ['red', 'green', 'improved'],
    ['amber', 'green', 'improved'],
    ['green', 'amber', 'worsened'],
    ['green', 'red', 'worsened'],
    ['amber', 'red', 'worsened'],
    ['red', 'red', 'same'],
    ['amber', 'amber', 'same'],
    ['green', 'green', 'same'],
    [null, 'red', 'new'],
    [null, 'green', 'new'],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(ragMovement(from, to)).toBe(expected);
  });
});

describe('movementSinceLastMeeting', () => {
  const h = (onDate: string, fromRag: Rag | null, toRag: Rag, meetingId: number | null = null): RagHistoryEntry => ({
    onDate,
    fromRag,
    toRag,
    meetingId,
  });
  const LAST = '2026-03-10';

  it.each([
    ['no history', [], LAST, null],
    ['first rated before, unchanged since', [h('2026-02-01', null, 'amber')], LAST, 'same'],
    ['first rated since the meeting', [h('2026-03-20', null, 'red')], LAST, 'new'],
    ['first rated at the meeting', [h(LAST, null, 'amber', 7)], LAST, 'new'],
    ['red before, amber at the meeting', [h('2026-02-01', null, 'red'), h(LAST, 'red', 'amber', 7)], LAST, 'improved'],
    ['amber before, red since', [h('2026-02-01', null, 'amber'), h('2026-03-20', 'amber', 'red')], LAST, 'worsened'],
    [
      'net: amber → red → amber is same',
      [h('2026-02-01', null, 'amber'), h('2026-03-12', 'amber', 'red'), h('2026-03-25', 'red', 'amber')],
      LAST,
      'same',
    ],
    [
      'unsorted history',
      [h('2026-03-25', 'amber', 'green'), h('2026-02-01', null, 'red'), h('2026-03-12', 'red', 'amber')],
      LAST,
      'improved',
    ],
    [
      'several changes before the meeting: the last one counts',
      [h('2026-01-01', null, 'green'), h('2026-02-01', 'green', 'red'), h('2026-03-20', 'red', 'amber')],
      LAST,
      'improved',
    ],
    ['no earlier entry, but the first since has a fromRag', [h('2026-03-20', 'green', 'amber')], LAST, 'worsened'],
    ['no previous meeting', [h('2026-02-01', null, 'amber')], null, 'new'],
  ] as const)('%s → %s', (_name, history, last, expected) => {
    expect(movementSinceLastMeeting([...history], last)).toBe(expected);
  });
});

describe('newActionProblem: one rule for adding an action at panel and between meetings (000 §7 d)', () => {
  const base: NewAction = {
    caseReference: 'CME-2026-0001', caseClosed: false, dueDate: '2026-11-20', earliestDue: '2026-11-20', earliestLabel: 'this meeting',
    officer: { name: 'Priya Shah', active: true }, ownerText: null, ownerRequired: true,
  };
  it.each<[string, Partial<NewAction>, [string, string] | null]>([
    ['due on the earliest day', {}, null],
    ['due the day before the earliest', { dueDate: '2026-11-19' }, ['invalid', 'dueDate']],
    ['due the day after', { dueDate: '2026-11-21' }, null],
    ['case closed', { caseClosed: true }, ['conflict', 'caseId']],
    ['no owner at panel', { officer: null }, ['invalid', 'ownerId']],
    ['named owner at panel', { officer: null, ownerText: 'Northbridge Academy' }, null],
    ['no owner between meetings', { officer: null, ownerRequired: false }, null],
    ['officer who has left', { officer: { name: 'Amy Left', active: false } }, ['invalid', 'ownerId']],
  ])('%s', (_name, change, expected) => {
    const p = newActionProblem({ ...base, ...change });
    expect(p ? [p.kind, p.field] : null).toEqual(expected);
  });
});
