import { describe, it, expect } from 'vitest';
import {
  nameSimilarity,
  normaliseName,
  jaroWinkler,
  isExactDuplicate,
  isPossibleDuplicate,
  type PersonName,
} from '../../../shared/domain/duplicates';

describe('normaliseName', () => {
  it.each([
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ['Smith-Jones', 'smithjones'],
    ['Smith Jones', 'smithjones'],
    ['  Zoë  ', 'zoe'],
    ['NÚÑEZ', 'nunez'],
    ['Mary-Ann', 'maryann'],
    [null, ''],
  ])('%j → %j', (s, expected) => {
    expect(normaliseName(s)).toBe(expected);
  });
});

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dixon', 'dicksonx', 0.813],
    ['jon', 'john', 0.933],
    ['abc', 'xyz', 0],
    ['same', 'same', 1],
    ['', 'x', 0],
  ])('%s ~ %s ≈ %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });
});

describe('nameSimilarity', () => {
  it.each([
    ['John', 'John', 1, 1],
    ['JOHN', 'john', 1, 1],
    ['Zoë', 'Zoe', 1, 1],
    ["O'Brien", 'OBrien', 1, 1],
    ['Smith-Jones', 'Smith Jones', 1, 1],
    ['Jon', 'John', 0.9, 1],
    ['Smyth', 'Smith', 0.85, 0.95],
    ['John Paul', 'John', 0.85, 1],
    ['Mohammed', 'Muhammad', 0.8, 0.95],
    ['Jones', 'Smith', 0, 0.5],
    ['Aisha', 'Chloe', 0, 0.6],
    ['', 'John', 0, 0],
  ])('%j ~ %j in [%d, %d]', (a, b, lo, hi) => {
    const s = nameSimilarity(a, b);
    expect(s).toBeGreaterThanOrEqual(lo);
    expect(s).toBeLessThanOrEqual(hi);
    expect(nameSimilarity(b, a)).toBeCloseTo(s, 10);
  });
});

describe('isPossibleDuplicate', () => {
  const dob = '2015-03-04';
  const p = (forenames: string, surname: string, extra: Partial<PersonName> = {}): PersonName => ({
    forenames,
    surname,
    dateOfBirth: dob,
    ...extra,
  });

  it.each([
    ['same DOB, similar name', p('Jon', 'Smyth'), p('John', 'Smith'), true, 'Same date of birth and similar name (Jon Smyth ~ John Smith)'],
    ['same DOB, same name', p('John', 'Smith'), p('john', 'SMITH'), true, 'Same date of birth and same name (John Smith ~ john SMITH)'],
    ['accents and hyphens', p('Zoë', 'Smith-Jones'), p('Zoe', 'Smith Jones'), true, 'Same date of birth and same name (Zoë Smith-Jones ~ Zoe Smith Jones)'],
    ['different DOB', p('John', 'Smith'), p('John', 'Smith', { dateOfBirth: '2015-03-05' }), false, 'Different date of birth'],
    ['missing DOB', p('John', 'Smith', { dateOfBirth: null }), p('John', 'Smith'), false, 'Date of birth missing'],
    ['same DOB, different name', p('Aisha', 'Khan'), p('John', 'Smith'), false, 'Same date of birth but different name (Aisha Khan / John Smith)'],
    ['same DOB, same surname, different forename (siblings/twins)', p('Amelia', 'Smith'), p('Jack', 'Smith'), false, 'Same date of birth but different name (Amelia Smith / Jack Smith)'],
    ['same DOB, same forename, different surname', p('John', 'Smith'), p('John', 'Brown'), false, 'Same date of birth but different name (John Smith / John Brown)'],
    ['forename and surname swapped', p('Smith', 'John'), p('John', 'Smith'), true, 'Same date of birth and forename and surname swapped (Smith John ~ John Smith)'],
    ['swapped with a spelling difference', p('Nguyen', 'Thi Lan'), p('Thi Lan', 'Ngyuen'), true, 'Same date of birth and forename and surname swapped (Nguyen Thi Lan ~ Thi Lan Ngyuen)'],
    [
      'candidate uses the existing known-as name',
      p('Shaun', 'Adeyemi'),
      p('Oluwaseun', 'Adeyemi', { knownAs: 'Shaun' }),
      true,
      'Same date of birth and name matches a known-as name (Shaun Adeyemi ~ Oluwaseun Adeyemi, known as Shaun)',
    ],
    [
      'existing uses the candidate known-as name',
      p('Oluwaseun', 'Adeyemi', { knownAs: 'Shaun' }),
      p('Shaun', 'Adeyemi'),
      true,
      'Same date of birth and name matches a known-as name (Oluwaseun Adeyemi, known as Shaun ~ Shaun Adeyemi)',
    ],
    [
      'known-as full name',
      p('Jamie', 'Taylor'),
      p('Jayden', 'Okafor', { knownAs: 'Jamie Taylor' }),
      true,
      'Same date of birth and name matches a known-as name (Jamie Taylor ~ Jayden Okafor, known as Jamie Taylor)',
    ],
    [
      'former surname',
      p('Lily', 'Evans'),
      p('Lily', 'Potter', { formerNames: 'Evans' }),
      true,
      'Same date of birth and name matches a former name (Lily Evans ~ Lily Potter, formerly Evans)',
    ],
    [
      'one of several former full names',
      p('Maria', 'Popescu'),
      p('Maria', 'Ionescu', { formerNames: 'Maria Lupu; Maria Popescu' }),
      true,
      'Same date of birth and name matches a former name (Maria Popescu ~ Maria Ionescu, formerly Maria Popescu)',
    ],
    [
      'known-as does not help when the DOB differs',
      p('Shaun', 'Adeyemi', { dateOfBirth: '2015-03-05' }),
      p('Oluwaseun', 'Adeyemi', { knownAs: 'Shaun' }),
      false,
      'Different date of birth',
    ],
    [
      'known-as that matches nothing',
      p('Kai', 'Adeyemi'),
      p('Oluwaseun', 'Adeyemi', { knownAs: 'Shaun' }),
      false,
      'Same date of birth but different name (Kai Adeyemi / Oluwaseun Adeyemi)',
    ],
  ])('%s', (_name, candidate, existing, match, reason) => {
    expect(isPossibleDuplicate(candidate, existing)).toMatchObject({ match, reason });
  });
});

describe('exact and near duplicates (issue 9)', () => {
  const dob = '2015-04-02';
  it.each<[string, string, string, string, boolean, boolean]>([
    // candidate forenames, surname, existing forenames, surname, warned, exact
    ['Leila', 'Haddad', 'Layla', 'Haddad', true, false],
    ['Leila', 'Haddad', 'Layla', 'Hadad', false, false], // surname differs and forenames below 0.8
    ['Amy', 'Jones', 'Ava', 'Jones', false, false], // 0.6: too far apart
    ['Mia', 'Clarke', 'mia', 'CLARKE', true, true],
    ['Zoë', "O'Neill", 'Zoe', 'ONeill', true, true],
    ['John', 'Smith', 'Jon', 'Smith', true, false],
  ])('%s %s vs %s %s', (cf, cs, ef, es, warned, exact) => {
    const r = isPossibleDuplicate({ forenames: cf, surname: cs, dateOfBirth: dob }, { forenames: ef, surname: es, dateOfBirth: dob });
    expect(r.match).toBe(warned);
    expect(r.exact === true).toBe(exact);
    expect(isExactDuplicate({ forenames: cf, surname: cs, dateOfBirth: dob }, { forenames: ef, surname: es, dateOfBirth: dob })).toBe(exact);
  });

  it('a different date of birth is never a duplicate', () => {
    expect(isExactDuplicate({ forenames: 'Mia', surname: 'Clarke', dateOfBirth: '2015-04-02' }, { forenames: 'Mia', surname: 'Clarke', dateOfBirth: '2015-04-03' })).toBe(false);
  });
});
