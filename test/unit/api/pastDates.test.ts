import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { futureDateProblem } from '../../../shared/api/pastDates';
import { pastDate, optionalPastDate, isoDate, list } from '../../../shared/api/schemas';
import { ReferralInput } from '../../../shared/api/schemas';
import { openTestApp, cmeReferral } from '../../helpers/tempDb';

// "Not in the future" is checked against the host's one today, never the machine clock (issue 15).
const TODAY = '2026-11-25';

describe('futureDateProblem', () => {
  const Form = z.object({
    on: pastDate,
    due: isoDate,
    completed: optionalPastDate,
    visits: list(z.object({ visitedOn: pastDate }), 10),
  });

  it.each([
    ['yesterday', { on: '2026-11-24' }, null],
    ['today itself', { on: TODAY }, null],
    ['tomorrow', { on: '2026-11-26' }, { path: ['on'], message: '26/11/2026 is in the future' }],
    ['next year', { on: '2027-01-01' }, { path: ['on'], message: '01/01/2027 is in the future' }],
    ['a date that may be in the future (not marked)', { due: '2027-06-01' }, null],
    ['an optional past date left blank', { completed: '' }, null],
    ['an optional past date, tomorrow', { completed: '2026-11-26' }, { path: ['completed'], message: '26/11/2026 is in the future' }],
    ['the second of a list, tomorrow', { visits: [{ visitedOn: '2026-11-01' }, { visitedOn: '2026-11-26' }] }, { path: ['visits', 1, 'visitedOn'], message: '26/11/2026 is in the future' }],
  ])('%s', (_what, over, expected) => {
    const value = Form.parse({ on: '2026-11-01', due: '2026-12-01', visits: [], ...over });
    expect(futureDateProblem(Form, value, TODAY)).toEqual(expected);
  });

  it('finds a sibling’s date of birth inside a referral', () => {
    const input = ReferralInput.parse({ ...cmeReferral(), siblings: [{ forenames: 'Ben', surname: 'Hartley', dateOfBirth: '2026-12-01', gender: 'male' }] });
    expect(futureDateProblem(ReferralInput, input, TODAY)).toEqual({ path: ['siblings', 0, 'dateOfBirth'], message: '01/12/2026 is in the future' });
    expect(futureDateProblem(ReferralInput, input, '2026-12-01')).toBeNull();
  });
});

describe('through the dispatcher', () => {
  it('uses the app’s today: a date after it is refused, naming the field, even when the machine’s clock has passed it', () => {
    const app = openTestApp({ today: '2026-01-10' });
    const r = app.dispatch('referrals.create', cmeReferral({ dateNotified: '2026-01-11', lastAttendance: '2026-01-05' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'case.dateNotified', message: 'Date notified 11/01/2026 is in the future' } });
    expect(app.dispatch('referrals.create', cmeReferral({ dateNotified: '2026-01-10', lastAttendance: '2026-01-05' }))).toMatchObject({ ok: true });
    app.close();
  });
});
