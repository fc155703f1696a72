import { describe, expect, it } from 'vitest';
import { RAG_COLOURS, countText, daysUntil, meetingWhen, overdueBy, ragChartRows, ragChartSummary, ragTotals } from '../../../renderer/src/pages/tracking/dashboard';
import { MY_ACTIONS_KEY, SHOW_NAMES_KEY, loadFlag, loadOfficerId, saveFlag, saveOfficerId } from '../../../renderer/src/pages/tracking/prefs';

const openByRag = {
  CME: { red: 3, amber: 2, green: 1, none: 4, total: 10 },
  PMOE: { red: 0, amber: 1, green: 5, none: 0, total: 6 },
};

describe('open register by RAG', () => {
  it('one row per register, CME first', () => {
    expect(ragChartRows(openByRag)).toEqual([
      { register: 'CME', red: 3, amber: 2, green: 1, none: 4, total: 10 },
      { register: 'PMOE', red: 0, amber: 1, green: 5, none: 0, total: 6 },
    ]);
  });

  it('totals both registers and says it in words', () => {
    const rows = ragChartRows(openByRag);
    expect(ragTotals(rows)).toEqual({ red: 3, amber: 3, green: 6, none: 4, total: 16 });
    expect(ragChartSummary(rows)).toBe('CME: 10 open — 3 red, 2 amber, 1 green, 4 not rated. PMOE: 6 open — 0 red, 1 amber, 5 green, 0 not rated');
  });

  it('uses the agreed colours', () => {
    expect(RAG_COLOURS).toEqual({ red: '#b3261e', amber: '#d08a00', green: '#1e6b3a', none: '#9aa5b1' });
  });
});

describe('card wording', () => {
  it.each([
    ['2026-03-01', '2026-03-02', '1 day overdue'],
    ['2026-02-20', '2026-03-02', '10 days overdue'],
    ['2026-03-02', '2026-03-02', '0 days overdue'],
  ])('due %s, today %s → %s', (due, today, text) => {
    expect(overdueBy(due, today)).toBe(text);
  });

  it.each([
    ['2026-03-02', 'today'],
    ['2026-03-03', 'tomorrow'],
    ['2026-03-09', 'in 7 days'],
  ])('meeting on %s is %s', (date, text) => {
    expect(daysUntil(date, '2026-03-02')).toBe(text);
  });

  it('meeting date with weekday and time', () => {
    expect(meetingWhen({ date: '2026-03-03', time: '10:00' })).toBe('Tue 03/03/2026 at 10:00');
  });

  it('counts', () => {
    expect(countText(1, 'case item')).toBe('1 case item');
    expect(countText(1500, 'case item')).toBe('1,500 case items');
  });
});

describe('remembered preferences', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { m, s: { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) } };
  };

  it('"Show names" is off unless turned on', () => {
    const { m, s } = memory();
    expect(loadFlag(s, SHOW_NAMES_KEY)).toBe(false);
    saveFlag(s, SHOW_NAMES_KEY, true);
    expect(loadFlag(s, SHOW_NAMES_KEY)).toBe(true);
    saveFlag(s, SHOW_NAMES_KEY, false);
    expect(m.has(SHOW_NAMES_KEY)).toBe(false);
    m.set(SHOW_NAMES_KEY, 'yes');
    expect(loadFlag(s, SHOW_NAMES_KEY)).toBe(false);
  });

  it.each([
    ['7', 7],
    ['0', null],
    ['-3', null],
    ['1.5', null],
    ['abc', null],
    ['', null],
  ])('officer %j reads as %j', (raw, id) => {
    const { m, s } = memory();
    m.set(MY_ACTIONS_KEY, raw);
    expect(loadOfficerId(s)).toBe(id);
  });

  it('saves and forgets the officer; a broken storage is harmless', () => {
    const { m, s } = memory();
    saveOfficerId(s, 12);
    expect(m.get(MY_ACTIONS_KEY)).toBe('12');
    saveOfficerId(s, null);
    expect(m.has(MY_ACTIONS_KEY)).toBe(false);
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); }, removeItem: () => { throw new Error('x'); } };
    expect(loadFlag(broken, SHOW_NAMES_KEY)).toBe(false);
    expect(loadOfficerId(broken)).toBeNull();
    expect(() => saveFlag(broken, SHOW_NAMES_KEY, true)).not.toThrow();
    expect(() => saveOfficerId(broken, 3)).not.toThrow();
  });
});
