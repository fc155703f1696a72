import { describe, expect, it } from 'vitest';
import { caseDateProblems, type CaseDates } from '../../../shared/domain/caseDates';

const DOB = '2014-06-19';

describe('caseDateProblems: one set of case date rules for the referral form and the services', () => {
  it.each<[string, CaseDates, string | null, string[]]>([
    ['notified the day after birth', { dateNotified: '2014-06-20' }, DOB, []],
    ['notified on the day of birth', { dateNotified: DOB }, DOB, ['dateNotified']],
    ['notified before birth', { dateNotified: '2014-06-18' }, DOB, ['dateNotified']],
    ['no date of birth to compare', { dateNotified: '2014-06-18' }, null, []],
    ['last attended the day notified', { dateNotified: '2026-10-05', lastAttendance: '2026-10-05' }, DOB, []],
    ['last attended the day after notification', { dateNotified: '2026-10-05', lastAttendance: '2026-10-06' }, DOB, ['lastAttendance']],
    ['assessed the day notified', { dateNotified: '2026-10-05', dateAssessed: '2026-10-05' }, DOB, []],
    ['assessed the day before notification', { dateNotified: '2026-10-05', dateAssessed: '2026-10-04' }, DOB, ['dateAssessed']],
    ['every later step before notification', { dateNotified: '2026-10-05', dateProvisionDetermined: '2026-10-01', dateEnteredProvision: '2026-10-02', dateLocated: '2026-10-03' }, DOB, ['dateProvisionDetermined', 'dateEnteredProvision', 'dateLocated']],
    ['timetable ends on its review date', { timetableReviewDate: '2026-11-02', timetableEndDate: '2026-11-02' }, null, []],
    ['timetable ends the day before its review', { timetableReviewDate: '2026-11-02', timetableEndDate: '2026-11-01' }, null, ['timetableEndDate']],
    ['steps without a date notified are not compared', { lastAttendance: '2026-10-06', dateLocated: '2020-01-01' }, DOB, []],
  ])('%s', (_name, dates, dob, fields) => {
    expect(caseDateProblems(dates, dob).map((p) => p.field)).toEqual(fields);
  });

  it('names both dates and what to do', () => {
    expect(caseDateProblems({ dateNotified: '2026-10-05', lastAttendance: '2026-10-06' }, null)[0]!.message).toBe(
      'Date of last attendance 06/10/2026 is after the date notified (05/10/2026). Check both dates.',
    );
  });
});
