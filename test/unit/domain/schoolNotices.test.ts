import { describe, it, expect } from 'vitest';
import { admissionFlags, deletionFlags, whereaboutsUnknown, type DeletionFacts } from '../../../shared/domain/schoolNotices';
import { defaultCalendar2026_27 } from '../../../shared/domain/calendar';

const cal = defaultCalendar2026_27();
const base: DeletionFacts = {
  ground: 'h', deletionDate: '2026-12-01', notifiedOn: '2026-12-01', lastAttendance: '2026-10-20', whereaboutsKnown: null,
  parentName: 'Sarah Hartley', parentAddress: '1 Mill Lane', parentPhone: '07700 900123', futureAddress: null, destinationSchool: null, ehcp: false, lookedAfter: false,
};
const codes = (d: Partial<DeletionFacts>) => deletionFlags({ ...base, ...d }, cal).map((f) => f.code);

describe('whereaboutsUnknown (8(1)(f)(iii), (h)(iii), 000 §4)', () => {
  it.each([
    ['h', null, true], ['f', null, true], ['b', null, false], ['e', null, false], ['e', false, true], ['h', true, false],
  ] as const)('ground %s, school says known=%s -> unknown %s', (g, known, unknown) => expect(whereaboutsUnknown(g, known)).toBe(unknown));
});

describe('deletionFlags: 20 school days on the term calendar (000 §4, 003)', () => {
  // Last attended Tue 20/10/2026. Autumn 1 ends Fri 23/10 (3 school days: 21, 22, 23), half term
  // 26–30/10, Autumn 2 from Mon 2/11 (13 by Fri 13/11, 18 by Fri 20/11): the 20th school day of
  // absence is Tue 24/11/2026.
  it.each([
    ['2026-11-23', true],
    ['2026-11-24', false],
    ['2026-12-01', false],
    ['2026-10-30', true],
  ])('deleted %s -> under 20 school days: %s', (deletionDate, flagged) => {
    expect(codes({ deletionDate, notifiedOn: deletionDate }).includes('under_20_school_days')).toBe(flagged);
  });
  it('says from when the deletion would be allowed', () => {
    const f = deletionFlags({ ...base, deletionDate: '2026-11-12', notifiedOn: '2026-11-12' }, cal).find((x) => x.code === 'under_20_school_days');
    expect(f?.text).toContain('after 12 school days');
    expect(f?.text).toContain('not before 24/11/2026');
  });
  it('asks for the last attendance on ground (h) and does not count other grounds', () => {
    expect(codes({ lastAttendance: null })).toContain('no_last_attendance');
    expect(codes({ ground: 'b', destinationSchool: 'Oak Academy', deletionDate: '2026-10-21', notifiedOn: '2026-10-21' })).toEqual([]);
  });
  it('says when the calendar does not reach the dates', () => {
    expect(codes({ lastAttendance: '2024-06-01', deletionDate: '2024-07-10', notifiedOn: '2024-07-10' })).toContain('calendar_short');
  });
});

describe('deletionFlags: notification and contents', () => {
  it.each([
    ['2026-12-01', false],
    ['2026-12-02', true],
  ])('notified %s for a deletion on 01/12/2026 -> late %s', (notifiedOn, late) => expect(codes({ notifiedOn }).includes('late_deletion_notice')).toBe(late));
  it('names the missing (b), (c) and (d) fields', () => {
    const f = deletionFlags({ ...base, ground: 'e', parentPhone: null, parentAddress: null }, cal).find((x) => x.code === 'incomplete');
    expect(f?.text).toContain('(b) parent’s name and address');
    expect(f?.text).toContain('(c) a parent telephone number');
    expect(f?.text).toContain('(d) future address or destination school');
  });
  it('flags an EHCP or looked-after child leaving with no destination (003)', () => {
    expect(codes({ ehcp: true })).toContain('ehcp_lac_no_provision');
    expect(codes({ lookedAfter: true, destinationSchool: 'Oak Academy' })).not.toContain('ehcp_lac_no_provision');
  });
});

describe('admissionFlags: 5 days (000 §4, 001 §4.4)', () => {
  it.each([
    ['2026-11-02', '2026-11-02', false],
    ['2026-11-02', '2026-11-07', false],
    ['2026-11-02', '2026-11-08', true],
    ['2026-12-28', '2027-01-04', true],
  ])('admitted %s, notified %s -> late %s', (admissionDate, notifiedOn, late) => expect(admissionFlags({ admissionDate, notifiedOn }).length > 0).toBe(late));
});
