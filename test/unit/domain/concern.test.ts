import { describe, it, expect } from 'vitest';
import { criteriaOfConcern, termOf, CONCERN_CRITERIA, type ConcernInput } from '../../../shared/domain/concern';

const noFlags = {
  ehcp: false,
  lookedAfter: false,
  childProtectionPlan: false,
  childInNeed: false,
  missingFromHomeOrCare: false,
  atRiskOfExploitation: false,
};

/** A PMOE case meeting no criterion on 2026-05-01: notified this (summer) term, 20 hours, provider known. */
const base: ConcernInput = {
  register: 'PMOE',
  status: 'checks',
  dateNotified: '2026-04-20',
  hoursPerWeek: 20,
  pmoeReason: 'reduced_timetable',
  provider: 'Riverside Academy',
  flags: noFlags,
};
const ON = '2026-05-01';

function codes(input: ConcernInput, on = ON): string[] {
  return criteriaOfConcern(input, on).map((c) => c.code);
}

describe('termOf (approximate terms)', () => {
  it.each([
    ['2025-09-01', 'autumn', '2025-09-01'],
    ['2025-12-31', 'autumn', '2025-09-01'],
    ['2026-01-01', 'spring', '2026-01-01'],
    ['2026-03-31', 'spring', '2026-01-01'],
    ['2026-04-01', 'summer', '2026-04-01'],
    ['2026-08-31', 'summer', '2026-04-01'],
    ['2026-09-01', 'autumn', '2026-09-01'],
  ])('%s → %s from %s', (iso, name, starts) => {
    expect(termOf(iso)).toEqual({ name, starts });
  });
});

describe('criteriaOfConcern', () => {
  it('a case meeting nothing has no criteria', () => {
    expect(criteriaOfConcern(base, ON)).toEqual([]);
  });

  it.each([
    ['CME register', { ...base, register: 'CME' as const }],
    ['closed case', { ...base, status: 'closed' as const }],
  ])('%s → [] even when every criterion would apply', (_name, input) => {
    const all: ConcernInput = {
      ...input,
      dateNotified: '2025-10-01',
      hoursPerWeek: 0,
      provider: null,
      flags: { ehcp: true, lookedAfter: true, childProtectionPlan: true, childInNeed: true, missingFromHomeOrCare: true, atRiskOfExploitation: true },
    };
    expect(criteriaOfConcern(all, ON)).toEqual([]);
  });

  it('every criterion at once, in the order of 000 §11, each with a label', () => {
    const all: ConcernInput = {
      ...base,
      dateNotified: '2026-02-03',
      hoursPerWeek: 0,
      pmoeReason: 'awaiting_ehcp_placement',
      provider: null,
      flags: { ehcp: true, lookedAfter: true, childProtectionPlan: false, childInNeed: true, missingFromHomeOrCare: true, atRiskOfExploitation: true },
    };
    const result = criteriaOfConcern(all, ON);
    expect(result.map((c) => c.code)).toEqual(CONCERN_CRITERIA.map((c) => c.code));
    for (const c of result) {
      expect(c.label).toBe(CONCERN_CRITERIA.find((k) => k.code === c.code)?.label);
      expect(c.reason.length).toBeGreaterThan(0);
    }
  });

  describe('two_terms', () => {
    it.each([
      ['notified this term', '2026-04-20', '2026-05-01', null],
      ['notified on the first day of this term', '2026-04-01', '2026-05-01', null],
      ['last term, judged on its last day', '2026-02-03', '2026-03-31', null],
      ['last term, judged on the first day of this term', '2026-02-03', '2026-04-01', 'On the PMOE register since 03/02/2026 (spring and summer terms)'],
      ['last day of last term', '2026-03-31', '2026-04-01', 'On the PMOE register since 31/03/2026 (spring and summer terms)'],
      ['autumn into spring', '2025-11-10', '2026-01-05', 'On the PMOE register since 10/11/2025 (autumn and spring terms)'],
      ['summer into autumn', '2026-06-10', '2026-09-02', 'On the PMOE register since 10/06/2026 (summer and autumn terms)'],
      ['three terms', '2025-10-01', '2026-05-01', 'On the PMOE register since 01/10/2025 (3 terms, autumn 2025 to summer 2026)'],
    ])('%s: notified %s, on %s', (_name, notified, on, reason) => {
      const found = criteriaOfConcern({ ...base, dateNotified: notified }, on).find((c) => c.code === 'two_terms');
      expect(found?.reason ?? null).toBe(reason);
    });
  });

  describe('missing', () => {
    it.each([
      [true, 'Known to have gone missing from home or care'],
      [false, null],
    ])('missingFromHomeOrCare %s', (flag, reason) => {
      const found = criteriaOfConcern({ ...base, flags: { ...noFlags, missingFromHomeOrCare: flag } }, ON).find(
        (c) => c.code === 'missing',
      );
      expect(found?.reason ?? null).toBe(reason);
    });
  });

  describe('looked_after_cp_cin', () => {
    it.each([
      [{ lookedAfter: true }, 'Looked after'],
      [{ childProtectionPlan: true }, 'On a child protection plan'],
      [{ childInNeed: true }, 'On a child in need plan'],
      [{ lookedAfter: true, childProtectionPlan: true }, 'Looked after and on a child protection plan'],
      [{ lookedAfter: true, childProtectionPlan: true, childInNeed: true }, 'Looked after, on a child protection plan and on a child in need plan'],
      [{}, null],
    ])('%j → %j', (flags, reason) => {
      const found = criteriaOfConcern({ ...base, flags: { ...noFlags, ...flags } }, ON).find(
        (c) => c.code === 'looked_after_cp_cin',
      );
      expect(found?.reason ?? null).toBe(reason);
    });
  });

  describe('exploitation', () => {
    it.each([
      [true, true],
      [false, false],
    ])('atRiskOfExploitation %s → %s', (flag, expected) => {
      expect(codes({ ...base, flags: { ...noFlags, atRiskOfExploitation: flag } }).includes('exploitation')).toBe(expected);
    });
  });

  describe('ehcp_provision', () => {
    it.each([
      ['EHCP, awaiting placement', true, 'awaiting_ehcp_placement', 'Riverside Academy', 20, 'Has an EHCP; awaiting an EHCP placement'],
      ['EHCP, no provider', true, 'ap_part_time', null, 20, 'Has an EHCP; no provider recorded'],
      ['EHCP, blank provider', true, 'ap_part_time', '  ', 20, 'Has an EHCP; no provider recorded'],
      ['EHCP, 0 hours', true, 'medical', 'Hospital school', 0, 'Has an EHCP; 0 hours a week'],
      ['EHCP, awaiting and no provider', true, 'awaiting_ehcp_placement', null, 20, 'Has an EHCP; awaiting an EHCP placement and no provider recorded'],
      ['EHCP, provision in place', true, 'reduced_timetable', 'Riverside Academy', 15, null],
      ['EHCP, hours unknown, provider known', true, 'reduced_timetable', 'Riverside Academy', null, null],
      ['no EHCP, awaiting placement', false, 'awaiting_ehcp_placement', null, 0, null],
    ])('%s', (_name, ehcp, pmoeReason, provider, hours, reason) => {
      const found = criteriaOfConcern(
        { ...base, pmoeReason, provider, hoursPerWeek: hours, flags: { ...noFlags, ehcp } },
        ON,
      ).find((c) => c.code === 'ehcp_provision');
      expect(found?.reason ?? null).toBe(reason);
    });
  });

  describe('under_10_hours', () => {
    it.each([
      [6, 'Attending 6 hours a week (under 10)'],
      [9.5, 'Attending 9.5 hours a week (under 10)'],
      [9.99, 'Attending 9.99 hours a week (under 10)'],
      [1, 'Attending 1 hour a week (under 10)'],
      [0, 'Attending 0 hours a week (under 10)'],
      [10, null],
      [10.5, null],
      [25, null],
      [null, null],
    ])('%s hours → %j', (hours, reason) => {
      const found = criteriaOfConcern({ ...base, hoursPerWeek: hours }, ON).find((c) => c.code === 'under_10_hours');
      expect(found?.reason ?? null).toBe(reason);
    });
  });
});
