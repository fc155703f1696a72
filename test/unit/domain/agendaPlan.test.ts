import { describe, it, expect } from 'vitest';
import { DEFAULT_CAPACITY, capacityFor, isMandatory, planAgenda, priorityTier, type AgendaCase, type AgendaContext } from '../../../shared/domain/agenda';
import { isDueForPanel } from '../../../shared/domain/clocks';

/** A located, unrated CME case at the 10 Nov 2026 meeting that meets no rule (as in agenda.test.ts). */
const base: AgendaCase = {
  caseId: 1, reference: 'CME-2026-0001', register: 'CME', status: 'checks', rag: null, dateNotified: '2026-10-20', dateLocated: '2026-10-25',
  dateOfBirth: '2015-03-01', closureProposed: false, archived: false, lookedAfter: false, concerns: [], timetableReviewDate: null, timetableEndDate: null,
  openActionsDue: [], discussedAt: [],
};
const ctx: AgendaContext = { register: 'CME', meetingDate: '2026-11-10', nextMeetingDate: '2026-12-08', previousMeetingDates: ['2026-10-13', '2026-09-08', '2026-07-14'] };
let id = 100;
const mk = (over: Partial<AgendaCase>): AgendaCase => {
  id += 1;
  return { ...base, caseId: id, reference: `CME-2026-${String(id).padStart(4, '0')}`, ...over };
};

describe('priority tiers (issue 9: red and whereabouts unknown first, then due for panel, safeguarding, overdue actions, closures, end of CSA, archiving, reviews)', () => {
  it.each<[string, Partial<AgendaCase>, number]>([
    ['red, not located', { rag: 'red', dateLocated: null, dateNotified: '2026-11-01' }, 0],
    ['red, located', { rag: 'red' }, 1],
    ['due for panel (not located 28 days after 13/10)', { dateLocated: null, dateNotified: '2026-10-13' }, 2],
    ['not reached at the last meeting', { notReachedAt: '2026-10-13' }, 2],
    ['safeguarding flag, actions due', { safeguarding: true, openActionsDue: ['2026-11-10'] }, 3],
    ['action overdue', { openActionsDue: ['2026-11-09'] }, 4],
    ['action due on the day (not overdue)', { openActionsDue: ['2026-11-10'] }, 8],
    ['closure proposed', { closureProposed: true }, 5],
    ['end of CSA reached (June 2026)', { dateOfBirth: '2010-03-01' }, 6],
    // Not located and already taken to panel; a located child without a place would rank with the clocks (tier 2).
    ['long-term: archiving', { dateNotified: '2026-05-10', dateLocated: null, discussedAt: ['2026-06-09'] }, 7],
    ['green review', { rag: 'green', discussedAt: ['2026-06-09'] }, 8],
  ])('%s', (_name, over, tier) => {
    const c = mk(over);
    const plan = planAgenda([c], ctx, { capacity: 5 });
    expect(plan.onAgenda).toHaveLength(1);
    expect(plan.onAgenda[0]!.tier).toBe(tier);
    expect(priorityTier(c, plan.onAgenda[0]!.reasons)).toBe(tier);
  });
});

describe('planAgenda: capacity', () => {
  const cases = [
    mk({ rag: 'green', discussedAt: ['2026-06-09'] }),
    mk({ closureProposed: true }),
    mk({ rag: 'red', dateLocated: null, dateNotified: '2026-11-01' }),
    mk({ dateLocated: null, dateNotified: '2026-10-13' }),
    mk({ rag: 'red' }),
    mk({ openActionsDue: ['2026-11-02'] }),
    mk({}), // meets no rule
  ];
  const [green, closure, redUnknown, due, red, overdue] = cases.map((c) => c.caseId) as [number, number, number, number, number, number];

  it('proposes the top N and lists the rest as also eligible, in rank order', () => {
    const plan = planAgenda(cases, ctx, { capacity: 3 });
    expect(plan.onAgenda.map((p) => p.caseId).sort()).toEqual([redUnknown, red, due].sort());
    expect(plan.alsoEligible.map((p) => p.caseId)).toEqual([overdue, closure, green]);
    expect(plan.alsoEligible.map((p) => p.rank)).toEqual([4, 5, 6]);
    // The running order within the proposal is still by section then RAG.
    expect(plan.onAgenda.map((p) => p.section)).toEqual(['case_reviews', 'case_reviews', 'new_referrals']);
  });

  it('capacity 0 or more than eligible', () => {
    expect(planAgenda(cases, ctx, { capacity: 0 }).onAgenda).toEqual([]);
    expect(planAgenda(cases, ctx, { capacity: 50 }).alsoEligible).toEqual([]);
    expect(planAgenda(cases, ctx, { capacity: 50 }).onAgenda).toHaveLength(6);
  });

  it('cases kept on the agenda take places; removed cases are neither proposed nor listed', () => {
    const plan = planAgenda(cases, ctx, { capacity: 3, keep: new Set([green, 9999]), exclude: new Set([redUnknown]) });
    expect(plan.kept).toBe(2);
    expect(plan.onAgenda.map((p) => p.caseId).sort()).toEqual([green, red].sort());
    expect(plan.alsoEligible.map((p) => p.caseId)).toEqual([due, overdue, closure]);
  });

  it('mandatory: red, due for panel, looked after, end of CSA', () => {
    const plan = planAgenda(cases, ctx, { capacity: 50 });
    const mandatory = plan.onAgenda.filter((p) => p.mandatory).map((p) => p.caseId).sort();
    expect(mandatory).toEqual([redUnknown, due, red].sort());
    expect(isMandatory([{ code: 'looked_after' }])).toBe(true);
    expect(isMandatory([{ code: 'amber_review' }, { code: 'actions_due' }])).toBe(false);
  });

  it('default capacity per register, overridable per panel', () => {
    expect(DEFAULT_CAPACITY).toEqual({ CME: 20, PMOE: 15 });
    expect(capacityFor('CME', null)).toBe(20);
    expect(capacityFor('PMOE', undefined)).toBe(15);
    expect(capacityFor('CME', 12)).toBe(12);
  });
});

describe('planAgenda: a case the panel must discuss is not left out for one it need not (PMOE QA walk)', () => {
  // Seed 000 §11: the Head of the Virtual School reports on every looked-after PMOE child at the
  // half-termly meeting. An amber case with more reasons but no such rule used to take the last place.
  const pmoe: AgendaContext = { register: 'PMOE', meetingDate: '2027-01-20', nextMeetingDate: null, previousMeetingDates: ['2026-11-18', '2026-09-16'] };
  const twoTerms = { code: 'two_terms', label: 'On the PMOE register for two consecutive terms', reason: '' };
  const busy = mk({ register: 'PMOE', reference: 'PMOE-2026-0040', rag: 'amber', concerns: [twoTerms], timetableReviewDate: '2026-03-29', timetableEndDate: '2026-05-10', openActionsDue: ['2026-12-01'] });
  const lookedAfter = mk({ register: 'PMOE', reference: 'PMOE-2026-0110', rag: 'amber', concerns: [twoTerms], lookedAfter: true });

  it('same tier: the looked-after child takes the place, the other is also eligible', () => {
    const plan = planAgenda([busy, lookedAfter], pmoe, { capacity: 1 });
    expect(plan.onAgenda.map((p) => p.caseId)).toEqual([lookedAfter.caseId]);
    expect(plan.onAgenda[0]!.mandatory).toBe(true);
    expect(plan.alsoEligible.map((p) => p.caseId)).toEqual([busy.caseId]);
    // Both are in the same tier, and the other case has more reasons: the rule, not the count, decides.
    expect(plan.alsoEligible[0]!.tier).toBe(plan.onAgenda[0]!.tier);
    expect(plan.alsoEligible[0]!.reasons.length).toBeGreaterThan(plan.onAgenda[0]!.reasons.length);
  });
});

describe('not reached: carried to the next agenda until discussed', () => {
  it.each<[string, Partial<AgendaCase>, boolean]>([
    ['not reached at the last meeting', { notReachedAt: '2026-10-13' }, true],
    ['not reached, then discussed at a later meeting', { notReachedAt: '2026-09-08', discussedAt: ['2026-10-13'] }, false],
    ['not reached at a meeting after this one', { notReachedAt: '2026-12-08' }, false],
  ])('%s → %s', (_n, over, carried) => {
    const plan = planAgenda([mk(over)], ctx, { capacity: 5 });
    expect(plan.onAgenda.some((p) => p.reasons.some((r) => r.code === 'not_reached' && r.text.includes('Not reached at the meeting of')))).toBe(carried);
  });
});

describe('isDueForPanel: one rule for Home, the register and the agenda (seed 000 §7)', () => {
  const c = { register: 'CME' as const, status: 'checks' as const, dateNotified: '2026-10-13', dateLocated: null };
  it.each<[string, object, string, boolean]>([
    ['day 27', {}, '2026-11-09', false],
    ['day 28', {}, '2026-11-10', true],
    ['located', { dateLocated: '2026-11-01' }, '2026-11-10', false],
    ['already taken to panel', { takenToPanel: true }, '2026-11-10', false],
    ['archived', { archived: true }, '2026-11-10', false],
    ['PMOE', { register: 'PMOE' }, '2026-11-10', false],
  ])('%s → %s', (_n, over, on, due) => {
    expect(isDueForPanel({ ...c, ...over }, on)).toBe(due);
  });
});
