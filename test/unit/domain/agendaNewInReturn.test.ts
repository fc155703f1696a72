import { describe, it, expect } from 'vitest';
import { planAgenda, priorityTier, proposeAgenda, type AgendaCase, type AgendaContext } from '../../../shared/domain/agenda';

/** An unrated PMOE case on 17 hours a week (no criterion of concern) at the 1 Dec 2026 PMOE panel, last held 20 Oct 2026. */
const base: AgendaCase = {
  caseId: 1, reference: 'PMOE-2026-0001', register: 'PMOE', status: 'checks', rag: null, dateNotified: '2026-10-01', dateLocated: null,
  dateOfBirth: '2013-03-01', closureProposed: false, archived: false, lookedAfter: false, concerns: [], timetableReviewDate: null, timetableEndDate: null,
  openActionsDue: [], discussedAt: [],
};
const ctx: AgendaContext = { register: 'PMOE', meetingDate: '2026-12-01', nextMeetingDate: null, previousMeetingDates: ['2026-10-20', '2026-09-08'] };
const text = 'New in the return from Oak Primary (Autumn 2 2026/27, received 10/11/2026)';
const reasons = (over: Partial<AgendaCase>) => proposeAgenda([{ ...base, ...over }], ctx)[0]?.reasons.map((r) => r.code) ?? [];

describe('"new in the return" (000 §11: the PMOE panel reviews the half-termly returns)', () => {
  it.each<[string, Partial<AgendaCase>, boolean]>([
    ['received since the last meeting', { newInReturn: { receivedOn: '2026-11-10', text } }, true],
    ['received on the day of the last meeting', { newInReturn: { receivedOn: '2026-10-20', text } }, true],
    ['received before the last meeting', { newInReturn: { receivedOn: '2026-10-19', text } }, false],
    ['discussed at the last meeting, after it was received', { newInReturn: { receivedOn: '2026-10-20', text }, discussedAt: ['2026-10-20'] }, false],
    ['in no return', { newInReturn: null }, false],
  ])('%s -> %s', (_, over, on) => expect(reasons(over).includes('new_in_return')).toBe(on));

  it('puts the reason first, with its text', () => {
    const p = proposeAgenda([{ ...base, newInReturn: { receivedOn: '2026-11-10', text }, concerns: [{ code: 'under_10_hours', label: 'Attending less than 10 hours a week', reason: '' }] }], ctx)[0]!;
    expect(p.reasons[0]).toEqual({ code: 'new_in_return', text });
    expect(p.reasons[1]?.code).toBe('concern');
  });

  it('ranks with criteria of concern (tier 3), ahead of overdue actions and other reviews', () => {
    expect(priorityTier(base, [{ code: 'new_in_return', text }])).toBe(3);
    const plan = planAgenda(
      [
        { ...base, caseId: 2, reference: 'PMOE-2026-0002', openActionsDue: ['2026-11-01'] },
        { ...base, caseId: 3, reference: 'PMOE-2026-0003', newInReturn: { receivedOn: '2026-11-10', text } },
      ],
      ctx,
      { capacity: 1 },
    );
    expect(plan.onAgenda.map((p) => p.caseId)).toEqual([3]);
    expect(plan.alsoEligible.map((p) => p.caseId)).toEqual([2]);
  });
});
