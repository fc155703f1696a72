import { describe, expect, it } from 'vitest';
import { emptyAction, emptyAdult, emptyForm, emptySibling, formFromDraft, type ReferralForm } from '../../../renderer/src/pages/referral/form';
import { validateReferral } from '../../../renderer/src/pages/referral/validate';
import { formKeyFor, parseFreeAddress, toInput } from '../../../renderer/src/pages/referral/toInput';
import { ReferralInput } from '../../../shared/api/schemas';

const TODAY = '2026-03-10';

/** A CME referral with just the required fields. */
function cme(): ReferralForm {
  const f = emptyForm(TODAY);
  f.register = 'CME';
  f.child = { ...f.child, forenames: 'Jon', surname: 'Smyth', dateOfBirth: '2015-05-01', gender: 'male' };
  f.case = { ...f.case, dateNotified: '2026-03-05', source: 'school', reason: 'whereabouts_unknown' };
  return f;
}

/** A PMOE referral with just the required fields. */
function pmoe(): ReferralForm {
  const f = cme();
  f.register = 'PMOE';
  f.case = { ...f.case, reason: '', pmoeSchool: 'Oakfield Primary', pmoeReason: 'reduced_timetable' };
  return f;
}

type Change = (f: ReferralForm) => void;

const cases: { name: string; base: () => ReferralForm; change: Change; key: string; message: RegExp }[] = [
  { name: 'future date of birth', base: cme, change: (f) => { f.child.dateOfBirth = '2031-03-12'; }, key: 'child.dateOfBirth', message: /^Date of birth 12\/03\/2031 is in the future/ },
  { name: 'missing date of birth', base: cme, change: (f) => { f.child.dateOfBirth = ''; }, key: 'child.dateOfBirth', message: /Date of birth is required/ },
  { name: 'CME child under compulsory school age', base: cme, change: (f) => { f.child.dateOfBirth = '2023-01-01'; }, key: 'child.dateOfBirth', message: /not of compulsory school age on 05\/03\/2026/ },
  { name: 'CME young person past compulsory school age', base: cme, change: (f) => { f.child.dateOfBirth = '2008-01-01'; }, key: 'child.dateOfBirth', message: /not of compulsory school age/ },
  { name: 'UPN with the wrong check letter', base: cme, change: (f) => { f.child.upn = 'Z801200001001'; }, key: 'child.upn', message: /^UPN Z801200001001: The check letter should be H, not Z/ },
  { name: 'UPN too short', base: pmoe, change: (f) => { f.child.upn = 'H8012'; }, key: 'child.upn', message: /13 characters long/ },
  { name: 'last attendance after date notified', base: cme, change: (f) => { f.case.lastAttendance = '2026-03-09'; }, key: 'case.lastAttendance', message: /^Date of last attendance 09\/03\/2026 is after the date notified \(05\/03\/2026\)/ },
  { name: 'last attendance in the future', base: cme, change: (f) => { f.case.lastAttendance = '2026-04-01'; }, key: 'case.lastAttendance', message: /is in the future/ },
  { name: 'date notified in the future', base: cme, change: (f) => { f.case.dateNotified = '2026-03-11'; }, key: 'case.dateNotified', message: /^Date notified 11\/03\/2026 is in the future/ },
  { name: 'CME without a reason', base: cme, change: (f) => { f.case.reason = ''; }, key: 'case.reason', message: /^Reason is required for a CME referral/ },
  { name: 'PMOE without a school', base: pmoe, change: (f) => { f.case.pmoeSchool = '  '; }, key: 'case.pmoeSchool', message: /^School on roll is required/ },
  { name: 'PMOE without a reason', base: pmoe, change: (f) => { f.case.pmoeReason = ''; }, key: 'case.pmoeReason', message: /^Reason not in full-time education is required/ },
  { name: 'PMOE hours over 40', base: pmoe, change: (f) => { f.case.hoursPerWeek = '45'; }, key: 'case.hoursPerWeek', message: /more than 40/ },
  { name: 'no referral source', base: cme, change: (f) => { f.case.source = ''; }, key: 'case.source', message: /^Referral source is required/ },
  { name: 'no gender', base: cme, change: (f) => { f.child.gender = ''; }, key: 'child.gender', message: /^Gender is required/ },
  { name: 'forenames too long (from the shared schema)', base: cme, change: (f) => { f.child.forenames = 'A'.repeat(101); }, key: 'child.forenames', message: /^Forenames is longer than 100 characters/ },
  {
    name: 'sibling born in the future',
    base: cme,
    change: (f) => { f.siblings = [{ ...emptySibling('Smyth'), forenames: 'Ann', dateOfBirth: '2027-01-01', gender: 'female' }]; },
    key: 'siblings.0.dateOfBirth',
    message: /^Sibling 1 date of birth 01\/01\/2027 is in the future/,
  },
  {
    name: 'adult with a phone but no name',
    base: cme,
    change: (f) => { f.adults = [{ ...emptyAdult(), phone: '07700 900123' }]; },
    key: 'adults.0.name',
    message: /^Adult 1 name is required/,
  },
  {
    name: 'pre-referral action after the date notified',
    base: cme,
    change: (f) => { f.preReferralActions = [{ ...emptyAction('A Officer'), agency: 'phone_call', checkedOn: '2026-03-06', outcome: 'No answer' }]; },
    key: 'preReferralActions.0.checkedOn',
    message: /^Action 1 date 06\/03\/2026 is after the date notified/,
  },
  {
    name: 'address details without a first line',
    base: cme,
    change: (f) => { f.address.postcode = 'IG1 2AB'; },
    key: 'address.line1',
    message: /^Address line 1 is required/,
  },
];

describe('validateReferral', () => {
  it.each([
    ['minimal CME referral', cme],
    ['minimal PMOE referral', pmoe],
  ])('%s has no problems', (_name, make) => {
    expect(validateReferral(make(), TODAY)).toEqual({});
  });

  it.each(cases)('$name → $key', ({ base, change, key, message }) => {
    const f = base();
    change(f);
    const errors = validateReferral(f, TODAY);
    expect(errors[key]).toMatch(message);
  });

  it('does not ask for CME fields on a PMOE referral, nor the compulsory-school-age rule', () => {
    const f = pmoe();
    f.child.dateOfBirth = '2008-01-01';
    f.case.lastAttendance = '2026-03-09';
    expect(validateReferral(f, TODAY)).toEqual({});
  });

  it('ignores blank rows, and a blank default responsible adult', () => {
    const f = cme();
    f.siblings = [emptySibling()];
    f.adults = [emptyAdult()];
    f.preReferralActions = [emptyAction()];
    expect(validateReferral(f, TODAY)).toEqual({});
  });

  it('flags a date of birth that differs from the child the referral is linked to', () => {
    const f = cme();
    f.linkedChild = { childId: 7, name: 'Jon Smith', dateOfBirth: '2015-05-02', references: ['CME-2025-0031'] };
    expect(validateReferral(f, TODAY)['child.dateOfBirth']).toMatch(/not the date of birth of Jon Smith/);
  });
});

describe('toInput', () => {
  it('builds a ReferralInput the shared schema accepts, sending only the chosen register’s fields', () => {
    const f = pmoe();
    f.case.reason = 'whereabouts_unknown';
    f.case.lastSchool = 'Old school';
    f.case.hoursPerWeek = '12.5';
    f.adults = [emptyAdult(), { ...emptyAdult(), name: 'Grace Smyth', relationship: 'Mother' }];
    f.newAddress = '12 High Street\nFlat 2\nIlford IG1 2AB';
    f.newSchool = 'Oakfield Primary';
    const { input, rows } = toInput(f);
    expect(ReferralInput.safeParse(input).success).toBe(true);
    expect(input.case.reason).toBeNull();
    expect(input.case.lastSchool).toBeNull();
    expect(input.case.hoursPerWeek).toBe(12.5);
    expect(input.adults).toHaveLength(1);
    expect(rows.adults).toEqual([1]);
    expect(input.newAddress).toMatchObject({ line1: '12 High Street', line2: 'Flat 2', town: 'Ilford', postcode: 'IG1 2AB' });
    expect(input.case.destination).toBe('New school: Oakfield Primary');
  });

  it('puts leaving-the-UK details in destination and the new school in additional information', () => {
    const f = cme();
    f.newSchool = 'Oakfield Primary';
    f.case.additionalInfo = 'Family said they may go abroad.';
    f.leavingUk = { accompanyingAdult: 'mother', placeOfDeparture: 'Heathrow', flightAndDestination: 'BA075 to Lagos' };
    const { input } = toInput(f);
    expect(input.case.destination).toBe('BA075 to Lagos; departing from Heathrow; with mother');
    expect(input.case.additionalInfo).toBe('Family said they may go abroad.\n\nNew school (where known): Oakfield Primary');
  });

  it('maps server error paths back to form fields', () => {
    const rows = { siblings: [1, 2], adults: [0], preReferralActions: [0, 3] };
    expect(formKeyFor('siblings.1.dateOfBirth', rows)).toBe('siblings.2.dateOfBirth');
    expect(formKeyFor('preReferralActions.1.checkedOn', rows)).toBe('preReferralActions.3.checkedOn');
    expect(formKeyFor('lastAttendance', rows)).toBe('case.lastAttendance');
    expect(formKeyFor('pmoeSchool', rows)).toBe('case.pmoeSchool');
    expect(formKeyFor('child.upn', rows)).toBe('child.upn');
    expect(formKeyFor('newAddress.line1', rows)).toBe('newAddress');
  });

  it('reads a free-text address with or without a postcode', () => {
    expect(parseFreeAddress('')).toBeNull();
    expect(parseFreeAddress('4 Rue de la Paix, Paris')).toMatchObject({ line1: '4 Rue de la Paix', line2: null, town: 'Paris', postcode: null });
    expect(parseFreeAddress('1 Long Lane, SW1A 1AA')).toMatchObject({ line1: '1 Long Lane', town: null, postcode: 'SW1A 1AA' });
  });
});

describe('draft', () => {
  it('restores a stored draft and ignores fields it does not know', () => {
    const f = cme();
    f.siblings = [{ ...emptySibling('Smyth'), forenames: 'Ann' }];
    const back = formFromDraft({ ...JSON.parse(JSON.stringify(f)), bogus: 1, child: { ...f.child, forenames: 42 } }, TODAY)!;
    expect(back.child.forenames).toBe('');
    expect(back.child.surname).toBe('Smyth');
    expect(back.siblings[0]!.forenames).toBe('Ann');
    expect(back.case.reason).toBe('whereabouts_unknown');
    expect(formFromDraft('nonsense', TODAY)).toBeNull();
  });
});
