import { describe, expect, it } from 'vitest';
import {
  allocationEscalateOn, fairAccessDueOn, locatedWithoutProvision, provisionAlerts, schoolDayAlerts, schoolDayDeadlines, type ProvisionInput,
} from '../../../shared/domain/educationClocks';
import { defaultCalendar2026_27 } from '../../../shared/domain/calendar';

const located = (over: Partial<ProvisionInput> = {}): ProvisionInput => ({
  register: 'CME', status: 'checks', dateNotified: '2026-09-14', lastAttendance: '2026-09-04', dateLocated: '2026-09-21', dateEnteredProvision: null, ...over,
});
const codes = (c: ProvisionInput, on: string) => provisionAlerts(c, on).map((a) => a.code);

describe('a located child with no school place or provision keeps its clocks (000 §8, 001 App. 3)', () => {
  it.each<[string, Partial<ProvisionInput>, string, boolean]>([
    ['located, no provision', {}, '2026-10-01', true],
    ['located later than the day asked about', { dateLocated: '2026-10-02' }, '2026-10-01', false],
    ['not located', { dateLocated: null }, '2026-10-01', false],
    ['in provision', { dateEnteredProvision: '2026-09-30' }, '2026-10-01', false],
    ['provision starts tomorrow', { dateEnteredProvision: '2026-10-02' }, '2026-10-01', true],
    ['closed', { status: 'closed' }, '2026-10-01', false],
    ['PMOE (on a roll: the half-termly register watches it)', { register: 'PMOE' }, '2026-10-01', false],
  ])('%s', (_n, over, on, expected) => expect(locatedWithoutProvision(located(over), on)).toBe(expected));

  it('two months out of education runs from the last attendance, else from notification', () => {
    expect(fairAccessDueOn(located())).toBe('2026-11-04');
    expect(fairAccessDueOn(located({ lastAttendance: null }))).toBe('2026-11-14');
  });

  it('20 days on the allocation list runs from the date located', () => expect(allocationEscalateOn('2026-09-21')).toBe('2026-10-11'));

  it.each<[string, string[]]>([
    ['2026-10-10', []],
    ['2026-10-11', ['allocation_escalate']],
    ['2026-11-03', ['allocation_escalate']],
    ['2026-11-04', ['fair_access_due', 'allocation_escalate']],
  ])('on %s: %j', (on, expected) => expect(codes(located(), on)).toEqual(expected));

  it('150 days located without provision still raises the Fair Access alert, naming the seed', () => {
    const [fap] = provisionAlerts(located(), '2027-02-18');
    expect(fap!.text).toMatch(/^Located 21\/09\/2026 but out of education for two months or more \(since 04\/09\/2026\): allocate a lead officer and refer to the Fair Access Panel\.$/);
  });
});

describe('school-day alerts from the last attendance, on the term calendar (000 §4, 003)', () => {
  const cal = defaultCalendar2026_27();
  // Last attended Thu 05/11/2026: 10 school days → Thu 19/11/2026; 20 → Thu 03/12/2026.
  it.each<[string, string[]]>([
    ['2026-11-18', []],
    ['2026-11-19', ['enquiries_ended']],
    ['2026-12-02', ['enquiries_ended']],
    ['2026-12-03', ['enquiries_ended', 'deletion_allowed']],
  ])('on %s: %j', (on, expected) => expect(schoolDayAlerts('2026-11-05', false, on, cal).map((a) => a.code)).toEqual(expected));

  it('counts school days, not weekdays: the October half term does not count', () => {
    // Last attended Fri 16/10/2026; half term 26–30/10; 10 school days → Fri 06/11/2026 (not 30/10).
    expect(schoolDayAlerts('2026-10-16', false, '2026-11-05', cal)).toEqual([]);
    expect(schoolDayAlerts('2026-10-16', false, '2026-11-06', cal).map((a) => a.since)).toEqual(['2026-11-06']);
  });

  it('none once the child is in education, or with no last attendance', () => {
    expect(schoolDayAlerts('2026-11-05', true, '2026-12-10', cal)).toEqual([]);
    expect(schoolDayAlerts(null, false, '2026-12-10', cal)).toEqual([]);
  });

  it('none where the calendar does not reach (rather than guessing with weekdays)', () => {
    expect(schoolDayAlerts('2028-06-01', false, '2028-09-01', cal)).toEqual([]);
  });
});

describe('schoolDayDeadlines: the 10 and 20 school-day limits shown on a case (000 §4, 003)', () => {
  const cal = defaultCalendar2026_27();
  it.each<[string | null, string, ReturnType<typeof schoolDayDeadlines>]>([
    [null, '2026-11-20', null],
    // Last attended Thu 05/11/2026: enquiries end Thu 19/11, deletion from Thu 03/12.
    ['2026-11-05', '2026-11-18', { sinceLastAttendance: 9, enquiriesEnd: '2026-11-19', deletionFrom: '2026-12-03', calendarCovers: true }],
    ['2026-11-05', '2026-11-19', { sinceLastAttendance: 10, enquiriesEnd: '2026-11-19', deletionFrom: '2026-12-03', calendarCovers: true }],
    ['2026-11-05', '2026-12-03', { sinceLastAttendance: 20, enquiriesEnd: '2026-11-19', deletionFrom: '2026-12-03', calendarCovers: true }],
    // Half term (26–30/10) does not count: Fri 16/10 → enquiries end Fri 06/11.
    ['2026-10-16', '2026-11-06', { sinceLastAttendance: 10, enquiriesEnd: '2026-11-06', deletionFrom: '2026-11-20', calendarCovers: true }],
  ])('last attended %s, on %s', (last, on, expected) => expect(schoolDayDeadlines(last, on, cal)).toEqual(expected));

  it('says when the calendar does not reach far enough rather than guessing with weekdays', () => {
    expect(schoolDayDeadlines('2028-06-01', '2028-09-01', cal)).toMatchObject({ enquiriesEnd: '', deletionFrom: '', calendarCovers: false });
  });
});
