import { describe, it, expect } from 'vitest';
import { matchPupil, type KnownChild } from '../../../shared/domain/returnMatching';

const known: KnownChild[] = [
  { childId: 1, forenames: 'Amelia', surname: 'Hartley', dateOfBirth: '2014-05-12', upn: 'H801200001001', knownAs: null, formerNames: null },
  { childId: 2, forenames: 'Leila', surname: 'Osei', dateOfBirth: '2013-03-03', upn: null, knownAs: null, formerNames: null },
  { childId: 3, forenames: 'Jon', surname: 'Smyth', dateOfBirth: '2012-01-20', upn: null, knownAs: null, formerNames: null },
  { childId: 4, forenames: 'Sam', surname: 'Lee', dateOfBirth: '2011-07-07', upn: 'B801200005001', knownAs: null, formerNames: null },
  { childId: 5, forenames: 'Sam', surname: 'Lee', dateOfBirth: '2011-07-07', upn: null, knownAs: null, formerNames: null },
];
const byUpn = (u: string) => known.find((k) => k.upn === u);
const byDob = (d: string) => known.filter((k) => k.dateOfBirth === d);
const m = (upn: string | null, forenames: string, surname: string, dateOfBirth: string) => matchPupil({ upn, forenames, surname, dateOfBirth }, byUpn, byDob);

describe('matchPupil: UPN first, then name and date of birth (duplicates.ts)', () => {
  it.each([
    ['same UPN and DOB, whatever the name', m('H801200001001', 'Millie', 'Brown', '2014-05-12'), 'certain', [1]],
    ['same UPN, different DOB', m('H801200001001', 'Amelia', 'Hartley', '2014-05-13'), 'uncertain', [1]],
    ['no UPN, same name and DOB', m(null, 'Leila', 'Osei', '2013-03-03'), 'certain', [2]],
    ['a UPN the register lacks, same name and DOB', m('F209400012345', 'Leila', 'Osei', '2013-03-03'), 'certain', [2]],
    ['similar name, same DOB (Layla / Leila)', m(null, 'Layla', 'Osei', '2013-03-03'), 'uncertain', [2]],
    ['similar name (John Smith ~ Jon Smyth)', m(null, 'John', 'Smith', '2012-01-20'), 'uncertain', [3]],
    ['same name and DOB but a different UPN on the register', m('F209400012345', 'Sam', 'Lee', '2011-07-07'), 'uncertain', [4, 5]],
    ['two children with the same name and DOB', m(null, 'Sam', 'Lee', '2011-07-07'), 'uncertain', [4, 5]],
    ['nobody', m(null, 'Zara', 'Khan', '2012-02-02'), 'none', []],
  ])('%s', (_, r, kind, ids) => {
    expect(r.kind).toBe(kind);
    const got = r.kind === 'certain' ? [r.childId] : r.kind === 'uncertain' ? r.candidates.map((c) => c.childId) : [];
    expect(got).toEqual(ids);
  });
});
