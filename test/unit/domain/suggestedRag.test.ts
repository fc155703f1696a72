import { describe, it, expect } from 'vitest';
import {
  RAG_RULES,
  RAG_NO_RISK_FACTORS,
  overrideNeedsReason,
  suggestRag,
  worseRag,
  type RagFlags,
  type SuggestedRagInput,
} from '../../../shared/domain/suggestedRag';
import { criteriaOfConcern } from '../../../shared/domain/concern';
import type { Rag } from '../../../shared/domain/vocab';

const noFlags: RagFlags = {
  ehcp: false,
  lookedAfter: false,
  childProtectionPlan: false,
  childInNeed: false,
  missingFromHomeOrCare: false,
  atRiskOfExploitation: false,
  youthOffending: false,
  gypsyRomaTraveller: false,
};

const ON = '2026-05-01';

/** A PMOE case firing nothing on 2026-05-01: notified 10 days ago, 20 hours, provider known. */
const pmoe: SuggestedRagInput = {
  register: 'PMOE',
  status: 'checks',
  dateNotified: '2026-04-21',
  dateLocated: null,
  hoursPerWeek: 20,
  pmoeReason: 'reduced_timetable',
  provider: 'Riverside Academy',
  flags: noFlags,
  concerns: [],
};

/** A CME case located, notified 10 days ago: fires nothing. */
const cme: SuggestedRagInput = {
  register: 'CME',
  status: 'checks',
  dateNotified: '2026-04-21',
  dateLocated: '2026-04-25',
  hoursPerWeek: null,
  pmoeReason: null,
  provider: 'Not on roll',
  flags: noFlags,
  concerns: [],
};

/** onDate N days after 2026-01-01 (notification date used for the clock tests). */
const NOTIFIED = '2026-01-01';
const dayN = (n: number): string => {
  const d = new Date(Date.UTC(2026, 0, 1 + n));
  return d.toISOString().slice(0, 10);
};

function rules(input: SuggestedRagInput, on = ON): string[] {
  return suggestRag(input, on).reasons.map((r) => r.rule);
}

describe('RAG_RULES table', () => {
  it('has unique codes, a description and a source for each, red rules before amber', () => {
    const codes = RAG_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RAG_RULES) {
      expect(r.description.length).toBeGreaterThan(0);
      expect(r.source).toMatch(/^00\d_[0-9a-f]{16}\.txt/);
    }
    const firstAmber = RAG_RULES.findIndex((r) => r.rag === 'amber');
    expect(RAG_RULES.slice(firstAmber).every((r) => r.rag === 'amber')).toBe(true);
    expect(RAG_RULES.some((r) => r.rag === 'green')).toBe(false);
  });

  it.each([
    ['cme_whereabouts_unknown', 'red'],
    ['child_protection_plan', 'red'],
    ['missing_from_home_or_care', 'red'],
    ['at_risk_of_exploitation', 'red'],
    ['no_provision', 'red'],
    ['looked_after_not_located', 'red'],
    ['cme_whereabouts_not_confirmed', 'amber'],
    ['pmoe_under_10_hours', 'amber'],
    ['child_in_need', 'amber'],
    ['looked_after', 'amber'],
    ['ehcp_provision', 'amber'],
    ['youth_offending', 'amber'],
    ['gypsy_roma_traveller', 'amber'],
    ['out_of_education_2_months', 'amber'],
    ['pmoe_two_terms', 'amber'],
  ] as const)('%s is %s', (code, rag) => {
    expect(RAG_RULES.find((r) => r.code === code)?.rag).toBe(rag);
  });
});

describe('suggestRag: nothing fires', () => {
  it.each([
    ['PMOE, 20 hours, provider known', pmoe],
    ['PMOE, exactly 10 hours', { ...pmoe, hoursPerWeek: 10 }],
    ['CME located', cme],
    ['PMOE, full time 25 hours for 100 days', { ...pmoe, hoursPerWeek: 25, dateNotified: '2026-01-21' }],
    ['EHCP with provider, not awaiting placement', { ...pmoe, flags: { ...noFlags, ehcp: true } }],
  ])('%s → green, "No risk factors recorded"', (_name, input) => {
    expect(suggestRag(input, ON)).toEqual({
      rag: 'green',
      reasons: [{ rule: 'no_risk_factors', rag: 'green', text: 'No risk factors recorded' }],
    });
    expect(RAG_NO_RISK_FACTORS.text).toBe('No risk factors recorded');
  });
});

describe('suggestRag: flag rules', () => {
  it.each([
    ['childProtectionPlan', 'child_protection_plan', 'red'],
    ['missingFromHomeOrCare', 'missing_from_home_or_care', 'red'],
    ['atRiskOfExploitation', 'at_risk_of_exploitation', 'red'],
    ['childInNeed', 'child_in_need', 'amber'],
    ['youthOffending', 'youth_offending', 'amber'],
    ['gypsyRomaTraveller', 'gypsy_roma_traveller', 'amber'],
    ['lookedAfter', 'looked_after', 'amber'],
  ] as const)('%s → rule %s (%s), on both registers', (flag, rule, rag) => {
    for (const base of [pmoe, cme]) {
      const result = suggestRag({ ...base, flags: { ...noFlags, [flag]: true } }, ON);
      expect(result.rag).toBe(rag);
      expect(result.reasons.map((r) => r.rule)).toEqual([rule]);
      expect(result.reasons[0]?.rag).toBe(rag);
      expect(result.reasons[0]?.text.length).toBeGreaterThan(0);
    }
  });
});

describe('suggestRag: CME whereabouts (27/28 days)', () => {
  const notLocated: SuggestedRagInput = { ...cme, dateNotified: NOTIFIED, dateLocated: null };
  it.each([
    [0, 'amber', ['cme_whereabouts_not_confirmed']],
    [27, 'amber', ['cme_whereabouts_not_confirmed']],
    [28, 'red', ['cme_whereabouts_unknown']],
    [60, 'red', ['cme_whereabouts_unknown']],
    [61, 'red', ['cme_whereabouts_unknown', 'out_of_education_2_months']],
  ] as const)('not located, day %d → %s %j', (n, rag, expected) => {
    const r = suggestRag(notLocated, dayN(n));
    expect(r.rag).toBe(rag);
    expect(r.reasons.map((x) => x.rule)).toEqual(expected);
  });

  it('names the days in the reason', () => {
    expect(suggestRag(notLocated, dayN(30)).reasons[0]?.text).toBe('Whereabouts unknown for 30 days (28 or more)');
    expect(suggestRag(notLocated, dayN(1)).reasons[0]?.text).toContain('1 day since notified');
  });

  it.each([
    // Located with no school place or provision is still out of education (issue 10; 000 §8).
    ['located, no provision', { ...notLocated, dateLocated: '2026-01-10' }, dayN(70), ['out_of_education_2_months']],
    ['located and in provision', { ...notLocated, dateLocated: '2026-01-10', dateEnteredProvision: '2026-02-02' }, dayN(70), []],
    ['located after onDate counts as not located yet', { ...notLocated, dateLocated: '2026-03-20' }, dayN(30), ['cme_whereabouts_unknown']],
    ['closed, not located', { ...notLocated, status: 'closed' as const }, dayN(70), []],
    ['PMOE with no dateLocated is not "not located"', { ...pmoe, dateNotified: NOTIFIED, hoursPerWeek: 30 }, dayN(70), []],
    ['notified after onDate counts as day 0', notLocated, '2025-12-20', ['cme_whereabouts_not_confirmed']],
  ] as const)('%s', (_name, input, on, expected) => {
    const got = suggestRag(input, on).reasons.map((x) => x.rule);
    expect(got).toEqual(expected.length === 0 ? ['no_risk_factors'] : expected);
  });
});

describe('suggestRag: looked after', () => {
  const la = { ...noFlags, lookedAfter: true };
  it.each([
    ['CME not located, day 5', { ...cme, dateLocated: null, dateNotified: '2026-04-26', flags: la }, 'red', ['looked_after_not_located', 'cme_whereabouts_not_confirmed']],
    ['CME located', { ...cme, flags: la }, 'amber', ['looked_after']],
    ['PMOE in provision', { ...pmoe, flags: la }, 'amber', ['looked_after']],
  ] as const)('%s → %s %j', (_name, input, rag, expected) => {
    const r = suggestRag(input, ON);
    expect(r.rag).toBe(rag);
    expect(r.reasons.map((x) => x.rule)).toEqual(expected);
  });
});

describe('suggestRag: PMOE hours (0, 9.5/10)', () => {
  it.each([
    [0, 'red', ['no_provision']],
    [0.5, 'amber', ['pmoe_under_10_hours']],
    [9.5, 'amber', ['pmoe_under_10_hours']],
    [10, 'green', ['no_risk_factors']],
    [24, 'green', ['no_risk_factors']],
    [null, 'green', ['no_risk_factors']],
    [-1, 'green', ['no_risk_factors']],
    [Number.NaN, 'green', ['no_risk_factors']],
  ] as const)('%s hours → %s %j', (hours, rag, expected) => {
    const r = suggestRag({ ...pmoe, hoursPerWeek: hours }, ON);
    expect(r.rag).toBe(rag);
    expect(r.reasons.map((x) => x.rule)).toEqual(expected);
  });

  it('names the hours in the reason', () => {
    expect(suggestRag({ ...pmoe, hoursPerWeek: 9.5 }, ON).reasons[0]?.text).toBe('Attending 9.5 hours a week (under 10)');
  });

  it.each([
    ['CME with 0 hours is not "no provision"', { ...cme, hoursPerWeek: 0 }],
    ['CME with 5 hours is not "under 10"', { ...cme, hoursPerWeek: 5 }],
    ['closed PMOE with 0 hours', { ...pmoe, status: 'closed' as const, hoursPerWeek: 0 }],
  ])('%s', (_name, input) => {
    expect(rules(input)).toEqual(['no_risk_factors']);
  });
});

describe('suggestRag: out of education two months (60/61 days)', () => {
  const p = { ...pmoe, dateNotified: NOTIFIED, hoursPerWeek: 15 };
  it.each([
    ['PMOE 15 hours, day 60', p, 60, false],
    ['PMOE 15 hours, day 61', p, 61, true],
    ['PMOE 24.5 hours, day 61', { ...p, hoursPerWeek: 24.5 }, 61, true],
    ['PMOE 25 hours, day 61', { ...p, hoursPerWeek: 25 }, 61, false],
    ['PMOE hours not recorded, day 61', { ...p, hoursPerWeek: null }, 61, true],
    ['PMOE closed, day 61', { ...p, status: 'closed' as const }, 61, false],
    ['CME not located, day 60', { ...cme, dateNotified: NOTIFIED, dateLocated: null }, 60, false],
    ['CME not located, day 61', { ...cme, dateNotified: NOTIFIED, dateLocated: null }, 61, true],
    ['CME located without provision, day 60', { ...cme, dateNotified: NOTIFIED, dateLocated: '2026-01-05' }, 60, false],
    ['CME located without provision, day 61', { ...cme, dateNotified: NOTIFIED, dateLocated: '2026-01-05' }, 61, true],
    ['CME located without provision, day 150: not green', { ...cme, dateNotified: NOTIFIED, dateLocated: '2026-01-05' }, 150, true],
    ['CME located, in provision by day 61', { ...cme, dateNotified: NOTIFIED, dateLocated: '2026-01-05', dateEnteredProvision: '2026-02-01' }, 61, false],
    ['CME located, provision starts after the day', { ...cme, dateNotified: NOTIFIED, dateLocated: '2026-01-05', dateEnteredProvision: '2026-12-01' }, 61, true],
  ] as const)('%s → fires %s', (_name, input, n, fires) => {
    expect(rules(input, dayN(n)).includes('out_of_education_2_months')).toBe(fires);
  });

  it('PMOE 15 hours for 61 days is amber with a reason naming the days', () => {
    const r = suggestRag(p, dayN(61));
    expect(r).toEqual({
      rag: 'amber',
      reasons: [{ rule: 'out_of_education_2_months', rag: 'amber', text: 'Not in full-time education for 61 days (two months or more)' }],
    });
  });
});

describe('suggestRag: EHCP provision', () => {
  const ehcp = { ...noFlags, ehcp: true };
  it.each([
    ['EHCP, no provider', { ...pmoe, flags: ehcp, provider: null }, true, 'Has an EHCP; no provider recorded'],
    ['EHCP, blank provider', { ...pmoe, flags: ehcp, provider: '  ' }, true, 'Has an EHCP; no provider recorded'],
    ['EHCP, awaiting placement', { ...pmoe, flags: ehcp, pmoeReason: 'awaiting_ehcp_placement' }, true, 'Has an EHCP; awaiting an EHCP placement'],
    ['EHCP, both', { ...pmoe, flags: ehcp, provider: null, pmoeReason: 'awaiting_ehcp_placement' }, true, 'Has an EHCP; awaiting an EHCP placement and no provider recorded'],
    ['EHCP, provider known', { ...pmoe, flags: ehcp }, false, null],
    ['no EHCP, no provider', { ...pmoe, provider: null }, false, null],
    ['no EHCP, awaiting placement', { ...pmoe, pmoeReason: 'awaiting_ehcp_placement' }, false, null],
  ] as const)('%s → fires %s', (_name, input, fires, text) => {
    const r = suggestRag(input, ON);
    const reason = r.reasons.find((x) => x.rule === 'ehcp_provision');
    expect(reason !== undefined).toBe(fires);
    if (fires) {
      expect(r.rag).toBe('amber');
      expect(reason?.text).toBe(text);
    }
  });
});

describe('suggestRag: two terms', () => {
  it('fires from the two_terms concern and reuses its reason', () => {
    const input: SuggestedRagInput = { ...pmoe, dateNotified: '2026-03-20' }; // spring term, 42 days
    const concerns = criteriaOfConcern({ ...input, flags: noFlags }, ON);
    const r = suggestRag({ ...input, concerns }, ON);
    expect(r.rag).toBe('amber');
    expect(r.reasons).toEqual([{ rule: 'pmoe_two_terms', rag: 'amber', text: concerns[0]?.reason }]);
  });
  it.each([
    ['no concerns', [], false],
    ['other concern only', [{ code: 'under_10_hours', label: 'x', reason: 'y' }], false],
    ['two_terms', [{ code: 'two_terms', label: 'x', reason: 'On the PMOE register since 03/02/2026 (spring and summer terms)' }], true],
  ] as const)('%s → fires %s', (_name, concerns, fires) => {
    expect(rules({ ...pmoe, concerns: [...concerns] }).includes('pmoe_two_terms')).toBe(fires);
  });
});

describe('suggestRag: worst wins', () => {
  it.each([
    ['amber + amber', { ...pmoe, flags: { ...noFlags, childInNeed: true, youthOffending: true } }, 'amber', ['child_in_need', 'youth_offending']],
    ['amber + red', { ...pmoe, hoursPerWeek: 5, flags: { ...noFlags, childProtectionPlan: true } }, 'red', ['child_protection_plan', 'pmoe_under_10_hours']],
    [
      'everything on a PMOE case, red reasons first',
      {
        ...pmoe,
        dateNotified: '2026-02-03',
        hoursPerWeek: 0,
        provider: null,
        pmoeReason: 'awaiting_ehcp_placement',
        flags: {
          ehcp: true, lookedAfter: true, childProtectionPlan: true, childInNeed: true,
          missingFromHomeOrCare: true, atRiskOfExploitation: true, youthOffending: true, gypsyRomaTraveller: true,
        },
        concerns: [{ code: 'two_terms', label: 'x', reason: 'two terms' }],
      },
      'red',
      [
        'child_protection_plan', 'missing_from_home_or_care', 'at_risk_of_exploitation', 'no_provision',
        'child_in_need', 'looked_after', 'ehcp_provision', 'youth_offending', 'gypsy_roma_traveller',
        'out_of_education_2_months', 'pmoe_two_terms',
      ],
    ],
  ] as const)('%s → %s', (_name, input, rag, expected) => {
    const r = suggestRag(input as SuggestedRagInput, ON);
    expect(r.rag).toBe(rag);
    expect(r.reasons.map((x) => x.rule)).toEqual(expected);
  });

  it.each([
    ['green', 'green', 'green'],
    ['green', 'amber', 'amber'],
    ['amber', 'green', 'amber'],
    ['amber', 'red', 'red'],
    ['red', 'green', 'red'],
  ] as const)('worseRag(%s, %s) = %s', (a, b, expected) => {
    expect(worseRag(a, b)).toBe(expected);
  });

  it('throws for an invalid onDate', () => {
    expect(() => suggestRag(pmoe, '2026-02-30')).toThrow(RangeError);
  });
});

describe('overrideNeedsReason', () => {
  const rags: Rag[] = ['red', 'amber', 'green'];
  it.each(rags.flatMap((s) => rags.map((c) => [s, c, s !== c] as const)))('suggested %s, chosen %s → %s', (s, c, expected) => {
    expect(overrideNeedsReason(s, c)).toBe(expected);
  });
});
