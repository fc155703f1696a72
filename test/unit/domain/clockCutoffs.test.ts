import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../../shared/domain/dates';
import { isDueForPanel, isLongTerm } from '../../../shared/domain/clocks';
import { endOfCompulsorySchoolAgeReached } from '../../../shared/domain/schoolAge';
import { dueForPanelNotifiedBy, endOfCsaBornBy, latestDateReached, longTermNotifiedBy } from '../../../shared/domain/clockCutoffs';

// Issue 12: Home counts with SQL comparisons against these cut-offs (`date_notified <= :cutoff`,
// `date_of_birth <= :cutoff`). The rules stay the functions of clocks.ts and schoolAge.ts; these
// tables check that the SQL form and the function agree on every date around each boundary.

/** Every date from 3 days before to 3 days after `d`. */
const around = (d: IsoDate) => [-3, -2, -1, 0, 1, 2, 3].map((n) => addDays(d, n));

// Month ends, leap days, the last Friday of June (end of compulsory school age) and a new year.
const TODAYS = ['2026-11-25', '2026-03-28', '2026-03-31', '2028-02-29', '2028-03-01', '2027-08-31', '2026-06-26', '2026-06-25', '2026-06-27', '2027-06-25', '2026-01-01', '2025-12-31'];

describe('due for panel as a notification cut-off (000 §7: four weeks after notification)', () => {
  it.each(TODAYS)('on %s the SQL form and isDueForPanel agree around the cut-off', (today) => {
    const cutoff = dueForPanelNotifiedBy(today);
    for (const notified of around(cutoff)) {
      const rule = isDueForPanel({ register: 'CME', status: 'referred', dateNotified: notified, dateLocated: null }, today);
      expect(notified <= cutoff, `notified ${notified}`).toBe(rule);
    }
  });

  it('is 28 days before today (the rule as written in the seed)', () => {
    expect(dueForPanelNotifiedBy('2026-11-25')).toBe('2026-10-28');
    expect(dueForPanelNotifiedBy('2028-03-01')).toBe('2028-02-02');
  });
});

describe('long-term as a notification cut-off (001 §6.2: open six calendar months)', () => {
  it.each(TODAYS)('on %s the SQL form and isLongTerm agree around the cut-off', (today) => {
    const cutoff = longTermNotifiedBy(today);
    for (const notified of around(cutoff)) {
      expect(notified <= cutoff, `notified ${notified}`).toBe(isLongTerm({ status: 'checks', dateNotified: notified }, today));
    }
  });

  it.each([
    // Month-end clamping: 31 August + 6 months is 28 February, so every case notified up to 31 August is long-term on 28 February.
    ['2027-02-28', '2026-08-31'],
    ['2028-02-29', '2027-08-31'],
    ['2026-11-25', '2026-05-25'],
  ])('on %s every case notified up to %s is long-term', (today, cutoff) => {
    expect(longTermNotifiedBy(today)).toBe(cutoff);
  });
});

describe('end of compulsory school age as a date-of-birth cut-off', () => {
  it.each(TODAYS)('on %s the SQL form and endOfCompulsorySchoolAgeReached agree around the cut-off', (today) => {
    const cutoff = endOfCsaBornBy(today);
    for (const dob of around(cutoff)) expect(dob <= cutoff, `born ${dob}`).toBe(endOfCompulsorySchoolAgeReached(dob, today));
  });

  it.each([
    // Leaving date 2026 is the last Friday of June, 26 June: from that day the 2009/10 cohort (born by 31 August 2010) has left.
    ['2026-06-26', '2010-08-31'],
    ['2026-06-25', '2009-08-31'],
    ['2026-11-25', '2010-08-31'],
  ])('on %s every child born by %s has reached it', (today, cutoff) => {
    expect(endOfCsaBornBy(today)).toBe(cutoff);
  });
});

describe('latestDateReached', () => {
  it('finds the last date of a prefix, or the day before the span when nothing is reached', () => {
    expect(latestDateReached('2026-11-25', (d) => d <= '2020-02-29')).toBe('2020-02-29');
    expect(latestDateReached('2026-11-25', () => true)).toBe('2026-11-25');
    expect(latestDateReached('2026-11-25', () => false) < '1997-01-01').toBe(true);
  });
});
