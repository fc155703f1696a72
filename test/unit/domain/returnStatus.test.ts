import { describe, it, expect } from 'vitest';
import { halfTerms, currentHalfTerm, previousHalfTerm, returnState, chaseText } from '../../../shared/domain/returnStatus';
import { defaultCalendar2026_27 } from '../../../shared/domain/calendar';

const cal = defaultCalendar2026_27();
describe('half terms from the term calendar (000 §11 half-termly returns)', () => {
  it('lists every half term in order', () => {
    const all = halfTerms(cal);
    expect(all).toHaveLength(12);
    expect(all[6]).toMatchObject({ key: '2026/27 Autumn 1', label: 'Autumn 1 2026/27', starts: '2026-09-02', ends: '2026-10-23' });
  });
  it.each([
    ['2026-11-15', '2026/27 Autumn 2'],
    ['2026-10-28', '2026/27 Autumn 1'], // half-term week: the half term just ended
    ['2026-11-02', '2026/27 Autumn 2'],
    ['2025-08-01', null],
  ])('on %s the half term is %s', (d, key) => expect(currentHalfTerm(d, cal)?.key ?? null).toBe(key));
  it('knows the previous half term', () => expect(previousHalfTerm('2026/27 Autumn 1', cal)?.key).toBe('2025/26 Summer 2'));
});

describe('returnState', () => {
  const h = halfTerms(cal).find((x) => x.key === '2026/27 Autumn 2')!;
  it.each([
    [['return'], '2026-11-15', 'received'],
    [['nil', 'return'], '2026-11-15', 'received'],
    [['nil'], '2026-12-30', 'nil'],
    [[], '2026-12-18', 'not_yet_due'],
    [[], '2026-12-19', 'missing'],
  ] as const)('%o on %s -> %s', (sent, today, state) => expect(returnState(sent, h, today)).toBe(state));
  it('says how overdue', () => expect(chaseText(h, '2026-12-30')).toBe('Due 18/12/2026, 12 days overdue'));
});
