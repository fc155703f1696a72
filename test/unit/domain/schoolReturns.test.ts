import { describe, it, expect } from 'vitest';
import { readDate, readGender, readHours, readYearGroup, readCategory, readYesNo } from '../../../shared/domain/returnValues';
import { headingScore, checkReturnRow, checkDeletionRow, checkAdmissionRow, guessMapping, mappingProblems, yearGroupProblem, FIELDS } from '../../../shared/domain/schoolReturns';
import { readGround, reg8Label } from '../../../shared/domain/regulation8';

// The return's fields come from 000 §11 (reason, hours a week, provider, how monitored); deletions
// from 000 §4 (a)–(e); admissions from 000 §4 and 001 §4.4.

describe('readDate', () => {
  it.each([
    ['12/05/2014', '2014-05-12'],
    ['1/9/2014', '2014-09-01'],
    ['01-09-2014', '2014-09-01'],
    ['01.09.2014', '2014-09-01'],
    ['2014-09-01', '2014-09-01'],
    ['2014-09-01T00:00:00.000Z', '2014-09-01'],
    ['29/02/2016', '2016-02-29'],
  ])('%s -> %s', (raw, iso) => expect(readDate(raw, 'Date')).toEqual({ ok: true, value: iso }));
  it.each([
    ['31/02/2014', 'not a real date'],
    ['29/02/2015', 'not a real date'],
    ['13/13/2014', 'not a real date'],
    ['12/05/14', 'two-digit year'],
    ['next week', 'not a date'],
    ['2014-02-30', 'not a real date'],
  ])('%s is refused (%s)', (raw, words) => {
    const r = readDate(raw, 'Date of birth');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(words);
  });
});

describe('readHours', () => {
  it.each([
    ['12', 12], ['12.5', 12.5], ['12.5 hrs', 12.5], ['6 hours a week', 6], ['12:30', 12.5], ['0', 0], ['40', 40], ['', null],
  ])('%s -> %s', (raw, n) => expect(readHours(raw)).toEqual({ ok: true, value: n }));
  it.each([['40.5'], ['lots'], ['-3']])('%s is refused', (raw) => expect(readHours(raw).ok).toBe(false));
});

describe('readYearGroup, readYesNo, readCategory', () => {
  it.each([['7', 7], ['Y7', 7], ['Year 10', 10], ['R', 0], ['Reception', 0], ['yr 3', 3], ['', null]])('year %s -> %s', (raw, n) =>
    expect(readYearGroup(raw)).toEqual({ ok: true, value: n }),
  );
  it('refuses a year group that is not one', () => expect(readYearGroup('Year 15').ok).toBe(false));
  it.each([['Y', true], ['yes', true], ['N', false], ['no', false], ['', null]])('yes/no %s -> %s', (raw, v) => expect(readYesNo(raw, 'EHCP')).toEqual({ ok: true, value: v }));
  it.each([
    ['Part-time timetable', 'reduced_timetable'],
    ['PTT', 'reduced_timetable'],
    ['Reduced / part-time timetable', 'reduced_timetable'],
    ['AP', 'ap_full_time'],
    ['Alternative provision (part time)', 'ap_part_time'],
    ['Hospital', 'medical'],
    ['Awaiting EHCP', 'awaiting_ehcp_placement'],
    ['Excluded', 'excluded'],
  ])('category %s -> %s', (raw, code) => expect(readCategory(raw)).toEqual({ ok: true, value: code }));
  it('names the allowed categories when it cannot read one', () => {
    const r = readCategory('Flexi-schooling');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain('Medical');
  });
});

describe('readGender', () => {
  it.each([['F', 'female'], ['male', 'male'], ['', 'not_known'], ['U', 'not_known'], ['Other', 'other']])('%s -> %s', (raw, g) => expect(readGender(raw)).toEqual({ ok: true, value: g }));
  it('refuses anything else, saying what to write', () => {
    const r = readGender('Y');
    expect(r.ok).toBe(false);
  });
});

describe('readGround (regulation 8(1), 000 §4)', () => {
  it.each([['h', 'h'], ['(h)', 'h'], ['8(1)(h)', 'h'], ['8(1)(h)(iii)', 'h'], ['Reg 8(1)(f)', 'f'], ['8.1.m', 'm'], ['Died', 'j']])('%s -> %s', (raw, code) =>
    expect(readGround(raw)).toEqual({ ok: true, value: code }),
  );
  it.each([['8(1)(z)'], ['moved away'], ['9(1)(a)']])('%s is refused', (raw) => expect(readGround(raw).ok).toBe(false));
  it('labels a ground with its letter', () => expect(reg8Label('h')).toBe('8(1)(h): Continuously absent 20 school days or more; not located'));
});

describe('yearGroupProblem (1 September cut-off)', () => {
  // Born 12/05/2014: Reception in 2018/19, so Year 8 in 2026/27.
  it.each([
    [8, '2014-05-12', '2026-11-15', null],
    [9, '2014-05-12', '2026-11-15', 'warning'],
    [7, '2014-05-12', '2026-11-15', 'warning'],
    [10, '2014-05-12', '2026-11-15', 'error'],
    // Born 31 August vs 1 September: a year apart at the cut-off.
    [8, '2014-08-31', '2026-11-15', null],
    [8, '2014-09-01', '2026-11-15', 'warning'],
    [7, '2014-09-01', '2026-11-15', null],
  ])('Year %s, born %s, on %s -> %s', (stated, dob, on, level) => expect(yearGroupProblem(stated, dob, on)?.level ?? null).toBe(level));
});

const H = FIELDS.return.map((f) => f.label);
describe('guessMapping and mappingProblems', () => {
  it('maps the template headings to their fields', () => {
    const m = guessMapping('return', H);
    for (const f of FIELDS.return) expect(m[f.key]).toBe(f.label);
  });
  it('maps a school’s own headings by their aliases, ignoring case and punctuation', () => {
    const m = guessMapping('return', ['Pupil UPN', 'First Name', 'Last name', 'D.O.B.', 'NC Year', 'Reason', 'Hours', 'Notes']);
    expect(m).toMatchObject({ upn: 'Pupil UPN', forenames: 'First Name', surname: 'Last name', dateOfBirth: 'D.O.B.', yearGroup: 'NC Year', category: 'Reason', hoursPerWeek: 'Hours' });
    expect(m.provider).toBeNull();
  });
  it('prefers the school’s remembered mapping while its headings are in the file', () => {
    const m = guessMapping('return', ['Pupil UPN', 'First Name', 'Last name', 'D.O.B.', 'Why'], { upn: 'Pupil UPN', category: 'Why' });
    expect(m.upn).toBe('Pupil UPN');
    expect(m.category).toBe('Why');
  });
  it('names a required field with no column and a column used twice', () => {
    const problems = mappingProblems('return', ['A', 'B'], { forenames: 'A', surname: 'A', dateOfBirth: null, category: 'B' });
    expect(problems.join(' ')).toContain('Date of birth');
    expect(problems.join(' ')).toContain('Column “A” is chosen for both');
  });
});

const row = (over: Record<string, string> = {}) => ({
  upn: 'H801200001001', forenames: 'Amelia', surname: 'Hartley', dateOfBirth: '12/05/2014', yearGroup: '8', category: 'Part-time timetable', hoursPerWeek: '12', provider: '', ...over,
});

describe('checkReturnRow', () => {
  const on = '2026-11-15';
  it('reads a good row', () => {
    const r = checkReturnRow(2, row(), on);
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({ upn: 'H801200001001', dateOfBirth: '2014-05-12', category: 'reduced_timetable', hoursPerWeek: 12, yearGroup: 8 });
  });
  it.each([
    [{ upn: 'Z801200001001' }, 'check letter should be H'],
    [{ upn: 'H80120000100' }, '13 characters'],
    [{ dateOfBirth: '31/02/2014' }, 'not a real date'],
    [{ dateOfBirth: '' }, 'Date of birth is missing'],
    [{ forenames: '' }, 'Forename(s) is missing'],
    [{ yearGroup: '11' }, 'does not match the date of birth'],
    [{ hoursPerWeek: '60' }, 'more than 40'],
    [{ category: 'Flexi' }, 'not one the register knows'],
    [{ dateOfBirth: '12/05/2027' }, 'after the date of the return'],
  ])('%o -> error "%s"', (over, words) => {
    const r = checkReturnRow(3, row(over), on);
    expect(r.values).toBeNull();
    expect(r.errors.join(' | ')).toContain(words);
  });
  it('warns (and still imports) a missing UPN, an out-of-year-group pupil and a full-time week', () => {
    const r = checkReturnRow(4, row({ upn: '', yearGroup: '9', hoursPerWeek: '27.5' }), on);
    expect(r.values).not.toBeNull();
    expect(r.warnings.join(' | ')).toMatch(/No UPN.*taught out of year group.*full-time timetable/);
  });
});

describe('checkDeletionRow and checkAdmissionRow', () => {
  const on = '2026-11-15';
  it('needs the ground (e) and the date of deletion', () => {
    const r = checkDeletionRow(2, { forenames: 'A', surname: 'B', dateOfBirth: '01/01/2013', deletionDate: '', ground: '' }, on);
    expect(r.errors).toEqual(expect.arrayContaining(['Date of deletion is missing', expect.stringContaining('(e) Regulation 8 ground is missing')]));
  });
  it('refuses a last attendance after the deletion', () => {
    const r = checkDeletionRow(2, { forenames: 'A', surname: 'B', dateOfBirth: '01/01/2013', deletionDate: '01/11/2026', ground: 'h', lastAttendance: '05/11/2026' }, on);
    expect(r.errors.join(' ')).toContain('after the date of deletion');
  });
  it('reads an admission', () => {
    const r = checkAdmissionRow(2, { forenames: 'A', surname: 'B', dateOfBirth: '01/01/2013', admissionDate: '02/11/2026', yearGroup: '8' }, on);
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({ admissionDate: '2026-11-02', yearGroup: 8 });
  });
});

describe('headingScore: how much a row looks like a file’s headings', () => {
  it.each([
    [['UPN', 'Forename(s)', 'Surname', 'Date of birth'], 4],
    [['upn', 'first name', 'LAST NAME', 'D.O.B', 'Reason'], 5],
    [['Date of deletion', 'Regulation 8 ground', 'Parent name'], 3],
    [['UPN', 'UPN'], 1],
    [['Oak Primary School — PMOE return'], 0],
    [['Autumn 2 2026/27', 'Completed by: Mrs Ward'], 0],
    [['H801200001001', 'Maya', 'Patel', '01/07/2013'], 0],
    [[], 0],
  ] as const)('%j scores %i', (cells, score) => {
    expect(headingScore(cells)).toBe(score);
  });
});
