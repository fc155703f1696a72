import { describe, it, expect } from 'vitest';
import { formatCaseReference, parseCaseReference } from '../../../shared/domain/caseReference';

describe('formatCaseReference', () => {
  it.each([
    ['CME', 2026, 42, 'CME-2026-0042'],
    ['CME', 2026, 1, 'CME-2026-0001'],
    ['PMOE', 2026, 7, 'PMOE-2026-0007'],
    ['CME', 2026, 9999, 'CME-2026-9999'],
    ['CME', 2026, 12345, 'CME-2026-12345'],
  ] as const)('%s %d %d → %s', (register, year, seq, expected) => {
    expect(formatCaseReference(register, year, seq)).toBe(expected);
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [26, 1],
    [20260, 1],
  ])('year %d, seq %d throws', (year, seq) => {
    expect(() => formatCaseReference('CME', year, seq)).toThrow(RangeError);
  });
});

describe('parseCaseReference', () => {
  it.each([
    ['CME-2026-0042', { register: 'CME', year: 2026, seq: 42 }],
    ['PMOE-2025-0007', { register: 'PMOE', year: 2025, seq: 7 }],
    [' pmoe-2026-0007 ', { register: 'PMOE', year: 2026, seq: 7 }],
    ['CME-2026-12345', { register: 'CME', year: 2026, seq: 12345 }],
    ['CME-2026-42', null],
    ['CME-26-0042', null],
    ['XYZ-2026-0042', null],
    ['CME-2026-0000', null],
    ['CME 2026 0042', null],
    ['CME-2026-0042x', null],
    ['', null],
  ])('%j → %j', (s, expected) => {
    expect(parseCaseReference(s)).toEqual(expected);
  });

  it.each([
    ['CME', 2026, 42],
    ['PMOE', 2030, 10001],
  ] as const)('round-trips %s %d %d', (register, year, seq) => {
    expect(parseCaseReference(formatCaseReference(register, year, seq))).toEqual({ register, year, seq });
  });
});
