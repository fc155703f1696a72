import { describe, it, expect } from 'vitest';
import { termsOnRegister, wholeTerms } from '../../../shared/domain/pmoeTerms';
import { criteriaOfConcern, type ConcernInput } from '../../../shared/domain/concern';
import { defaultCalendar2026_27 } from '../../../shared/domain/calendar';

// "Two consecutive terms" (000 §11) on the term calendar (Panels & calendar), not on fixed
// 1 Sep / 1 Jan / 1 Apr dates. Default calendar 2026/27: Autumn 02/09–18/12/2026, Spring
// 04/01–25/03/2027, Summer 12/04–21/07/2027.
const terms = wholeTerms(defaultCalendar2026_27());

describe('whole terms from half terms', () => {
  it('pairs the half terms of each year', () => {
    expect(terms.filter((t) => t.label.endsWith('2026/27'))).toEqual([
      { label: 'Autumn 2026/27', starts: '2026-09-02', ends: '2026-12-18' },
      { label: 'Spring 2026/27', starts: '2027-01-04', ends: '2027-03-25' },
      { label: 'Summer 2026/27', starts: '2027-04-12', ends: '2027-07-21' },
    ]);
  });
});

const pmoe: ConcernInput = {
  register: 'PMOE', status: 'checks', dateNotified: '2026-12-18', hoursPerWeek: 20, pmoeReason: 'reduced_timetable', provider: 'Northbridge Academy',
  flags: { ehcp: false, lookedAfter: false, childProtectionPlan: false, childInNeed: false, missingFromHomeOrCare: false, atRiskOfExploitation: false },
};
const twoTerms = (dateNotified: string, on: string) => criteriaOfConcern({ ...pmoe, dateNotified }, on, terms).some((c) => c.code === 'two_terms');
const fixed = (dateNotified: string, on: string) => criteriaOfConcern({ ...pmoe, dateNotified }, on).some((c) => c.code === 'two_terms');

describe('two consecutive terms on the calendar', () => {
  it.each<[string, string, string, boolean]>([
    ['last day of autumn, still the Christmas holiday', '2026-12-18', '2027-01-03', false],
    ['last day of autumn, first day of spring', '2026-12-18', '2027-01-04', true],
    ['notified in the Christmas holiday, first day of spring', '2026-12-19', '2027-01-04', false],
    ['notified in the Christmas holiday, first day of summer', '2026-12-19', '2027-04-12', true],
    ['notified in the Christmas holiday, Easter holiday', '2026-12-19', '2027-04-11', false],
    ['notified in the summer holiday, first day of autumn', '2026-08-20', '2026-09-02', false],
    ['notified first day of autumn, first day of spring', '2026-09-02', '2027-01-04', true],
  ])('%s (%s → %s): %s', (_n, notified, on, expected) => expect(twoTerms(notified, on)).toBe(expected));

  it('differs from the fixed dates where the holidays fall', () => {
    // Fixed dates call 19/12 "autumn" and 04/01 "spring": two terms. The calendar says one (spring).
    expect(fixed('2026-12-19', '2027-01-04')).toBe(true);
    expect(twoTerms('2026-12-19', '2027-01-04')).toBe(false);
  });

  it('names the terms from the calendar', () => {
    const c = criteriaOfConcern({ ...pmoe, dateNotified: '2026-09-10' }, '2027-04-20', terms).find((x) => x.code === 'two_terms');
    expect(c!.reason).toBe('On the PMOE register since 10/09/2026 (3 terms, Autumn 2026/27 to Summer 2026/27, from the term calendar)');
  });

  it('falls back to the fixed dates where the calendar does not reach', () => {
    expect(termsOnRegister('2024-10-01', '2026-10-01', terms)).toBeNull();
    expect(twoTerms('2024-10-01', '2026-10-01')).toBe(true);
  });
});
