import { describe, it, expect } from 'vitest';
import { formatCaseReference, normaliseCaseReference, parseCaseReference, sameCaseReference } from '../../../shared/domain/caseReference';

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

describe('normaliseCaseReference: the one way a typed reference matches a case', () => {
  it.each<[string, string]>([
    ['CME-2026-0042', 'CME-2026-0042'],
    ['  cme-2026-0042 ', 'CME-2026-0042'],
    ['cme-2026-42', 'CME-2026-0042'],
    ['PMOE-2027-12345', 'PMOE-2027-12345'],
    ['pmoe-2027-0', 'PMOE-2027-0'], // not a reference (sequence 0): quoted back as typed, upper-cased
    [' not a ref ', 'NOT A REF'],
    ['CME-0000-0001', 'CME-0000-0001'], // no such year: quoted back, never thrown
  ])('%j → %s', (typed, expected) => expect(normaliseCaseReference(typed)).toBe(expected));

  it.each<[string, string, boolean]>([
    ['cme-2026-42', 'CME-2026-0042', true],
    ['CME-2026-0042', 'PMOE-2026-0042', false],
    ['CME-2026-0042', 'CME-2025-0042', false],
  ])('%s and %s: same case %s', (a, b, same) => expect(sameCaseReference(a, b)).toBe(same));
});
