import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, retentionEndsOn, retentionRuleProblem, retentionVerdict, type RetentionCase, type RetentionRules } from '../../../shared/domain/retention';

const closed = (register: 'CME' | 'PMOE', closedOn: string, closureReason = 'on_roll_attending'): RetentionCase => ({ register, status: 'closed', closedOn, closureReason });

describe('retention (issue 13; default: closed records kept until the 25th birthday)', () => {
  it.each([
    // dob, today, verdict — around the 25th birthday
    ['2001-06-15', '2026-06-14', { kind: 'keep', until: '2026-06-15' }],
    ['2001-06-15', '2026-06-15', { kind: 'past', since: '2026-06-15' }],
    ['2001-06-15', '2026-06-16', { kind: 'past', since: '2026-06-15' }],
    // across a year end
    ['2001-12-31', '2026-12-30', { kind: 'keep', until: '2026-12-31' }],
    ['2001-12-31', '2027-01-01', { kind: 'past', since: '2026-12-31' }],
    ['2002-01-01', '2026-12-31', { kind: 'keep', until: '2027-01-01' }],
    // born on 29 February: the 25th birthday in a non-leap year falls on 1 March
    ['2000-02-29', '2025-02-28', { kind: 'keep', until: '2025-03-01' }],
    ['2000-02-29', '2025-03-01', { kind: 'past', since: '2025-03-01' }],
    // ... and on 29 February in a leap year
    ['2008-02-29', '2033-02-28', { kind: 'keep', until: '2033-03-01' }],
    ['2007-02-28', '2032-02-28', { kind: 'past', since: '2032-02-28' }],
  ] as const)('born %s, on %s → %j', (dob, today, verdict) => {
    expect(retentionVerdict(dob, [closed('CME', '2016-07-01')], today)).toEqual(verdict);
  });

  it('a child with any open case, on either register, is not past retention', () => {
    const cases: RetentionCase[] = [closed('CME', '2010-01-01'), { register: 'PMOE', status: 'checks', closedOn: null, closureReason: null }];
    expect(retentionVerdict('1990-01-01', cases, '2026-12-03')).toEqual({ kind: 'open' });
  });

  it('a child never found is kept whatever their age (seed 004 De-registration Protocols: keep their details until located)', () => {
    expect(retentionVerdict('1995-01-01', [closed('CME', '2008-01-01', 'unresolved_lost')], '2026-12-03')).toEqual({ kind: 'not_found' });
    expect(retentionVerdict('1995-01-01', [closed('CME', '2008-01-01'), closed('CME', '2009-01-01', 'unresolved_lost')], '2026-12-03')).toEqual({ kind: 'not_found' });
  });

  it('several closed cases: the latest end date decides', () => {
    const rules: RetentionRules = { CME: { basis: 'birthday', years: 25 }, PMOE: { basis: 'after_closure', years: 6 } };
    const cases = [closed('CME', '2015-01-01'), closed('PMOE', '2024-09-01')];
    expect(retentionVerdict('2000-03-10', cases, '2030-08-31', rules)).toEqual({ kind: 'keep', until: '2030-09-01' });
    expect(retentionVerdict('2000-03-10', cases, '2030-09-01', rules)).toEqual({ kind: 'past', since: '2030-09-01' });
  });

  it.each([
    // years after closure, across month ends and leap days
    ['2020-01-31', 6, '2026-01-31'],
    ['2020-02-29', 6, '2026-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
    ['2019-12-31', 1, '2020-12-31'],
  ] as const)('closed %s, kept %i years after closure → until %s', (closedOn, years, until) => {
    const rules: RetentionRules = { ...DEFAULT_RETENTION, CME: { basis: 'after_closure', years } };
    expect(retentionEndsOn('2010-05-05', closed('CME', closedOn), rules)).toBe(until);
  });

  it.each([
    [{ basis: 'birthday', years: 25 }, null],
    [{ basis: 'birthday', years: 18 }, null],
    [{ basis: 'birthday', years: 17 }, 'keeps records only until a birthday before 18: choose 18 or more'],
    [{ basis: 'after_closure', years: 1 }, null],
    [{ basis: 'after_closure', years: 0 }, 'must be a whole number of years from 1 to 100'],
    [{ basis: 'after_closure', years: 2.5 }, 'must be a whole number of years from 1 to 100'],
    [{ basis: 'birthday', years: 101 }, 'must be a whole number of years from 1 to 100'],
  ] as const)('rule %j → %s', (rule, problem) => expect(retentionRuleProblem(rule)).toBe(problem));
});
