import { describe, it, expect } from 'vitest';
import { proposeAgenda, type AgendaCase, type AgendaContext } from '../../../shared/domain/agenda';

// Issue 10's agenda reasons, kept beside agenda.test.ts: a located child without provision keeps
// coming back (000 §8, 001 App. 3); an unfound closed case comes back for its review (003 App. D).
const base: AgendaCase = {
  caseId: 1, reference: 'CME-2026-0001', register: 'CME', status: 'checks', rag: null, dateNotified: '2026-09-14', dateLocated: null,
  dateOfBirth: '2015-03-01', closureProposed: false, archived: false, lookedAfter: false, concerns: [], timetableReviewDate: null,
  timetableEndDate: null, openActionsDue: [], discussedAt: ['2026-10-13'], lastAttendance: '2026-09-04', dateEnteredProvision: null, unfoundReviewDue: null,
};
const at = (meetingDate: string): AgendaContext => ({ register: 'CME', meetingDate, nextMeetingDate: null, previousMeetingDates: ['2026-10-13'] });
const codes = (c: AgendaCase, meetingDate: string) => proposeAgenda([c], at(meetingDate)).flatMap((p) => p.reasons.map((r) => r.code));

describe('located without provision (000 §8 two months → Fair Access; 001 App. 3 20 days → Admissions Manager)', () => {
  it.each<[string, Partial<AgendaCase>, string, string[]]>([
    ['located 19 days before the meeting', { dateLocated: '2026-10-22', lastAttendance: '2026-09-30' }, '2026-11-10', []],
    ['located 20 days before the meeting', { dateLocated: '2026-10-21', lastAttendance: '2026-09-30' }, '2026-11-10', ['located_without_provision']],
    ['in provision since the day before', { dateLocated: '2026-10-01', dateEnteredProvision: '2026-11-09' }, '2026-11-10', []],
    ['not located (the panel clocks cover it)', { dateLocated: null }, '2026-11-10', []],
    ['located, out of education two months less a day', { dateLocated: '2026-11-01' }, '2026-11-03', []],
    ['located, out of education two months', { dateLocated: '2026-11-01' }, '2026-11-04', ['located_without_provision']],
  ])('%s', (_n, over, meeting, expected) => expect(codes({ ...base, ...over }, meeting)).toEqual(expected));

  it('150 days located with no provision still comes back (and green is no reason to drop it)', () => {
    const c = { ...base, dateLocated: '2026-06-10', dateNotified: '2026-06-01', lastAttendance: null, rag: 'green' as const, discussedAt: ['2026-10-13'] };
    const p = proposeAgenda([c], { ...at('2026-11-10'), previousMeetingDates: ['2026-10-13'] });
    expect(p[0]!.reasons.find((r) => r.code === 'located_without_provision')!.text).toMatch(/Fair Access Panel\..*Admissions Manager \(20 days\)/);
  });
});

describe('closed as not found: back on the agenda for the twice-yearly review (003 App. D)', () => {
  const lost: AgendaCase = { ...base, status: 'closed', unfoundReviewDue: '2027-05-02' };
  it.each([
    ['2027-05-01', []],
    ['2027-05-02', ['unfound_review_due']],
    ['2027-06-08', ['unfound_review_due']],
  ])('meeting %s', (meeting, expected) => expect(codes(lost, meeting)).toEqual(expected));

  it('other closed cases stay off', () => expect(codes({ ...lost, unfoundReviewDue: null, rag: 'red' }, '2027-06-08')).toEqual([]));

  it('names the review date', () => {
    expect(proposeAgenda([lost], at('2027-05-11'))[0]).toMatchObject({ section: 'case_reviews', reasons: [{ text: 'Not found: twice-yearly review due 02/05/2027' }] });
  });
});
