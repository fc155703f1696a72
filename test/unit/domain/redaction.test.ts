import { describe, it, expect } from 'vitest';
import { initials, redactText, createRedactor, buildRedactionIndex, redactorFor, type RedactionPerson } from '../../../shared/domain/redaction';
import { CORPUS, KEPT, corpusPeople, leaksIn } from '../../helpers/redactionCorpus';

const amelia: RedactionPerson = {
  id: 1,
  forenames: 'Amelia Rose',
  surname: 'Hartley-Okafor',
  knownAs: 'Millie',
  formerNames: 'Amelia Price',
  dateOfBirth: '2014-05-12',
  addresses: ['Flat 3', '12 Larkspur Avenue', 'NB3 4XY'],
  contacts: ['07700 900123', 'sarah.hartley@example.com'],
};
const zoe: RedactionPerson = { id: 2, forenames: 'Zoë', surname: "O'Brien", dateOfBirth: '2011-09-03', addresses: ['Room 4, Bridgeside House', 'Wharfside Lane', 'NB1 2AB'] };
const mum: RedactionPerson = { id: -1, role: 'adult', forenames: 'Sarah', surname: 'Hartley', addresses: [], contacts: ['01632 960001'] };
const people = [amelia, zoe, mum];
const AMELIA = { id: 1, initials: 'A.R.H.O.' };

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
    // names: a neutral token; each forename, each surname part, the hyphenated whole, known-as, former names; any case, any order
    ['Amelia Rose Hartley-Okafor was seen.', '[child] was seen.'],
    ['Amelia was seen; AMELIA is well.', '[child] was seen; [child] is well.'],
    ["Amelia's mother called.", "[child]'s mother called."],
    ['Amelia’s mother called.', '[child]’s mother called.'],
    ['Millie says hello; millie Hartley-Okafor too.', '[child] says hello; [child] too.'],
    ['The Okafor family moved.', 'The [child] family moved.'],
    ['Hartley-Okafor, Amelia Rose and HARTLEY OKAFOR', '[child] and [child]'],
    ['Previously known as Amelia Price.', 'Previously known as [child].'],
    ['Ameliasburg and Rosemary are not names here.', 'Ameliasburg and Rosemary are not names here.'],
    // an everyday word that is a name goes only with a capital
    ['Rose Garden school; a rose bush', '[child] Garden school; a rose bush'],
    // accents, apostrophes (with or without)
    ['Zoe OBrien, Zoë O’Brien and zoë o\'brien', '[child], [child] and [child]'],
    // an adult's name is "[adult]"; a word that names a child and an adult is "[person]"
    ['Sarah Hartley (mum) and Sarah', '[adult] (mum) and [adult]'],
    ['Hartley family', '[person] family'],
    // dates of birth, every common form
    ['DOB 12/05/2014.', 'DOB [date of birth].'],
    ['born 12/5/2014', 'born [date of birth]'],
    ['born 2014-05-12', 'born [date of birth]'],
    ['dob: 12 May 2014', 'dob: [date of birth]'],
    ['Her birthday is 12th of May 2014', 'Her birthday is [date of birth]'],
    ['Birthday May 12, 2014.', 'Birthday [date of birth].'],
    ['12-05-2014 or 12.05.14 or 12 may 2014', '[date of birth] or [date of birth] or [date of birth]'],
    ['12-May-2014, 12 05 2014, 12052014, 12/5/14, 20140512', '[date of birth], [date of birth], [date of birth], [date of birth], [date of birth]'],
    ['US style 5/12/2014', 'US style [date of birth]'],
    ['Zoë born 3 Sept 2011', '[child] born [date of birth]'],
    // any date after a date-of-birth keyword, whoever it belongs to
    ['Sibling DOB 01/02/2016', 'Sibling DOB [date of birth]'],
    ['date of birth: 2016-02-01', 'date of birth: [date of birth]'],
    ['born on the 1st February 2016', 'born on the [date of birth]'],
    // other dates stay
    ['Seen on 12/06/2025 and 13/05/2014.', 'Seen on 12/06/2025 and 13/05/2014.'],
    ['Next review 12 May 2025', 'Next review 12 May 2025'],
    // UPNs and ULNs, whoever's
    ['UPN A123456789012, 10 hours a week', 'UPN [UPN], 10 hours a week'],
    ['upn: a123 4567 8901 2 pending', 'upn: [UPN] pending'],
    ['ULN 1234567890 and 4829 113 557', 'ULN [ULN] and [ULN]'],
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
  ])('%s', (input, want) => {
    expect(redactText(input, people)).toBe(want);
  });

  it('takes out an address in a hostel room without taking "Room 2" out of the meeting room (QA walk)', () => {
    // A child in temporary accommodation at "Room 2, Bridgeside House": the venue "Committee Room 2,
    // Civic Centre" printed under "Date of next meeting" came out as "Committee [address], Civic Centre".
    const hostel: RedactionPerson[] = [{ id: 5, forenames: 'Siân', surname: 'ap Gwilym', addresses: ['Room 2, Bridgeside House', 'Wharfside Lane', 'NB1 2AB'] }];
    expect(redactText('The next meeting is on 12/01/2027 at 10:00, Committee Room 2, Civic Centre.', hostel)).toBe('The next meeting is on 12/01/2027 at 10:00, Committee Room 2, Civic Centre.');
    expect(redactText('Now at Room 2, Bridgeside House, Wharfside Lane', hostel)).toBe('Now at [address]');
    expect(redactText('Seen at Bridgeside House', hostel)).toBe('Seen at [address]');
    expect(redactText('Siân is in Flat 3', hostel)).toBe('[child] is in [address]');
  });

  it('names the child a text is about by their initials only when the words name no one else on the register', () => {
    const r = createRedactor(people);
    expect(r('Amelia Rose Hartley-Okafor was seen.', AMELIA)).toBe('A.R.H.O. was seen.');
    expect(r('Millie was seen.', AMELIA)).toBe('A.R.H.O. was seen.');
    // "Hartley" is also the mother's name: neutral, even in Amelia's own item.
    expect(r('The Hartley family', AMELIA)).toBe('The [person] family');
    // Another child is never given this child's initials.
    expect(r('Zoë was there', AMELIA)).toBe('[child] was there');
    // Two children called Connor: "Connor" names neither, even in one Connor's own item.
    const connors = createRedactor([{ id: 7, forenames: 'Connor', surname: 'Walsh', addresses: [] }, { id: 8, forenames: 'Connor', surname: 'Ibekwe', addresses: [] }]);
    expect(connors('Connor was seen; Connor Walsh too.', { id: 7, initials: 'C.W.' })).toBe('[child] was seen; C.W. too.');
  });

  it('leaves kept names (officers, deputies) whole unless one is a register person’s full name', () => {
    const keep = ['Amelia Jones', 'Sarah Hartley', 'Jo Okafor'];
    expect(redactText('Amelia Jones to visit Amelia.', people, { keep })).toBe('Amelia Jones to visit [child].');
    expect(redactText('Jo Okafor (deputy) and Okafor', people, { keep })).toBe('Jo Okafor (deputy) and [child]');
    expect(redactText('Sarah Hartley called.', people, { keep })).toBe('[adult] called.');
  });

  it('does nothing without people but still removes contacts, postcodes, UPNs and DOBs after a keyword', () => {
    expect(redactText('Amelia, DOB 12/05/2014, NB3 4XY, 07700 900123, A123456789012', [])).toBe('Amelia, DOB [date of birth], [address], [contact], [UPN]');
  });

  it('builds the index once for many texts', () => {
    const r = createRedactor(people);
    expect(['Amelia', 'Zoë', 'nothing'].map((s) => r(s))).toEqual(['[child]', '[child]', 'nothing']);
  });

  it('indexes a 50,000-child register as lookups, not one pattern per person', () => {
    const many: RedactionPerson[] = [];
    for (let i = 0; i < 50_000; i++) {
      many.push({ id: i + 1, forenames: `Kid${i}`, surname: `Fam${i >> 1}`, dateOfBirth: `20${String(10 + (i % 10)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`, addresses: [`${i} Zed Road`] });
    }
    const index = buildRedactionIndex(many);
    // One entry per distinct word or full name, whatever the number of texts redacted later.
    expect(index.names.words.size).toBeLessThanOrEqual(75_000);
    expect(index.names.phrases.size).toBe(50_000);
    const r = redactorFor(index);
    expect(r('Kid2 and FAM1 met kid49999.')).toBe('[child] and [child] met [child].');
  });
});

describe('the adversarial corpus (test/fixtures/redaction-corpus.json)', () => {
  const redact = createRedactor(corpusPeople(), { keep: KEPT });
  const own = { id: 1, initials: 'C.W.' }; // Connor Walsh's own item
  it('holds at least 50 sentences', () => {
    expect(CORPUS.sentences.length).toBeGreaterThanOrEqual(50);
  });
  it('leaks nothing: the count of identifiers left is 0', () => {
    const leaks = CORPUS.sentences.flatMap((s) => [redact(s.text), redact(s.text, own)].flatMap((out) => leaksIn(out, s.leaks).map((l) => `${l} in "${out}"`)));
    expect(leaks).toEqual([]);
  });
  it('keeps the professionals named', () => {
    for (const s of CORPUS.sentences.filter((x) => x.keeps)) for (const k of s.keeps!) expect(redact(s.text)).toContain(k);
  });
});
