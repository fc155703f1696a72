import { describe, it, expect } from 'vitest';
import { initials, redactText, createRedactor, type RedactionPerson } from '../../../shared/domain/redaction';

const amelia: RedactionPerson = {
  forenames: 'Amelia Rose',
  surname: 'Hartley-Okafor',
  knownAs: 'Millie',
  formerNames: 'Amelia Price',
  dateOfBirth: '2014-05-12',
  addresses: ['Flat 3', '12 Larkspur Avenue', 'NB3 4XY'],
  contacts: ['07700 900123', 'sarah.hartley@example.com'],
};
const zoe: RedactionPerson = { forenames: 'Zoë', surname: "O'Brien", dateOfBirth: '2011-09-03', addresses: ['Room 4, Bridgeside House', 'Wharfside Lane', 'NB1 2AB'] };
const mum: RedactionPerson = { forenames: 'Sarah', surname: 'Hartley', addresses: [], contacts: ['01632 960001'] };
const people = [amelia, zoe, mum];

describe('initials', () => {
  it.each([
    ['Amelia', 'Hartley', 'A.H.'],
    ['Amelia Rose', 'Hartley', 'A.R.H.'],
    ['Mary-Jane', 'Smith', 'M.J.S.'],
    ['Amelia', 'Hartley-Okafor', 'A.H.O.'],
    ['zoë', "o'brien", 'Z.O.'],
    ['  Jo  ', ' van der Berg ', 'J.V.D.B.'],
    ['', '', 'X.'],
  ])('%s %s -> %s', (f, s, want) => {
    expect(initials(f, s)).toBe(want);
  });
});

describe('redactText', () => {
  it.each([
    // names: each forename, each surname part, the hyphenated whole, known-as, former names; whole words, any case
    ['Amelia Rose Hartley-Okafor was seen.', 'A.R.H.O. was seen.'],
    ['Amelia was seen; AMELIA is well.', 'A.R.H.O. was seen; A.R.H.O. is well.'],
    ["Amelia's mother called.", "A.R.H.O.'s mother called."],
    ['Amelia’s mother called.', 'A.R.H.O.’s mother called.'],
    ['Millie says hello; millie Hartley-Okafor too.', 'A.R.H.O. says hello; A.R.H.O. too.'],
    ['The Okafor family moved.', 'The A.R.H.O. family moved.'],
    ['Hartley-Okafor and Hartley Okafor', 'A.R.H.O. and A.R.H.O.'],
    ['Previously known as Amelia Price.', 'Previously known as A.R.H.O.'],
    ['Rose Garden school', 'A.R.H.O. Garden school'],
    ['Ameliasburg and Rosemary are not names here.', 'Ameliasburg and Rosemary are not names here.'],
    // accents, apostrophes
    ['Zoe OBrien, Zoë O’Brien and zoë o\'brien', 'Z.O. OBrien, Z.O. and Z.O.'],
    // another person with the same surname keeps their own initials for their full name
    ['Sarah Hartley (mum) and Sarah', 'S.H. (mum) and S.H.'],
    // dates of birth, every common form
    ['DOB 12/05/2014.', 'DOB [date of birth].'],
    ['born 12/5/2014', 'born [date of birth]'],
    ['born 2014-05-12', 'born [date of birth]'],
    ['dob: 12 May 2014', 'dob: [date of birth]'],
    ['Her birthday is 12th of May 2014', 'Her birthday is [date of birth]'],
    ['Birthday May 12, 2014.', 'Birthday [date of birth].'],
    ['12-05-2014 or 12.05.14 or 12 may 2014', '[date of birth] or [date of birth] or [date of birth]'],
    ['Zoë born 3 Sept 2011', 'Z.O. born [date of birth]'],
    // any date after a date-of-birth keyword, whoever it belongs to
    ['Sibling DOB 01/02/2016', 'Sibling DOB [date of birth]'],
    ['date of birth: 2016-02-01', 'date of birth: [date of birth]'],
    ['born on the 1st February 2016', 'born on the [date of birth]'],
    // other dates stay
    ['Seen on 12/05/2025 and 13/05/2014.', 'Seen on 12/05/2025 and 13/05/2014.'],
    ['Next review 12 May 2025', 'Next review 12 May 2025'],
    // addresses on record, any postcode, street addresses
    ['Lives at Flat 3, 12 Larkspur Avenue, Northbridge NB3 4XY.', 'Lives at [address], Northbridge [address].'],
    ['postcode nb34xy', 'postcode [address]'],
    ['Now at Room 4, Bridgeside House, Wharfside Lane', 'Now at [address]'],
    ['moved to 7 Old Mill Road, Leicester LE1 5AB', 'moved to [address], Leicester [address]'],
    ['Flat 12a', '[address]'],
    ['Committee Room 2, Civic Centre', 'Committee Room 2, Civic Centre'],
    // contacts
    ['Call mum on 07700 900123 or 07700900124.', 'Call mum on [contact] or [contact].'],
    ['Tel +44 7700 900125, (01632) 960000, 0113 496 0000, 020 7946 0000', 'Tel [contact]'],
    ['+44 (0)7700 900126 3 times', '[contact] 3 times'],
    ['e-mail sarah.hartley@example.com / s.h99@example.co.uk', 'e-mail [contact]'],
    ['Reference CME-2026-0042 seen 3 times in 12 weeks', 'Reference CME-2026-0042 seen 3 times in 12 weeks'],
    ['UPN A123456789012, 10 hours a week', 'UPN A123456789012, 10 hours a week'],
  ])('%s', (input, want) => {
    expect(redactText(input, people)).toBe(want);
  });

  it('leaves kept names (officers) alone unless one is a person’s name', () => {
    const keep = ['Amelia Jones', 'Sarah Hartley'];
    expect(redactText('Amelia Jones to visit Amelia.', people, { keep })).toBe('Amelia Jones to visit A.R.H.O.');
    expect(redactText('Sarah Hartley called.', people, { keep })).toBe('S.H. called.');
  });

  it('does nothing without people but still removes contacts, postcodes and DOBs after a keyword', () => {
    expect(redactText('Amelia, DOB 12/05/2014, NB3 4XY, 07700 900123', [])).toBe('Amelia, DOB [date of birth], [address], [contact]');
  });

  it('compiles once for many texts', () => {
    const r = createRedactor(people);
    expect(['Amelia', 'Zoë', 'nothing'].map(r)).toEqual(['A.R.H.O.', 'Z.O.', 'nothing']);
  });
});
