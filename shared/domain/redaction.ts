/**
 * Redaction for documents circulated beyond the panel (the redacted minutes and agenda pack) and
 * for the projector while names are hidden. One function for all three, so a rule fixed here is
 * fixed everywhere. Pure: the people to look for are arguments — the server passes EVERY person in
 * the register (each child, their siblings, the adults recorded for them), not only the agenda's,
 * because a minute-taker may name any child in free text.
 *
 * What goes, in this order (each step works on the previous step's output):
 * 1. e-mail addresses, UK phone numbers and the numbers on record -> "[contact]";
 * 2. UPNs (a letter and 12 more characters) -> "[UPN]"; ULNs (10 digits) -> "[ULN]";
 * 3. dates of birth: any date written straight after "DOB", "D.O.B.", "date of birth" or
 *    "born (on)"; and any date that is someone's date of birth on the register, written as
 *    19/06/2014, 19/6/14, 19-06-2014, 19.06.2014, 19 06 2014, 19062014, 2014-06-19, 19-Jun-2014,
 *    "19 Jun 14", "19th June 2014", "19th of June 2014", "June 19, 2014" -> "[date of birth]";
 * 4. each address line and postcode on record, any UK postcode, street addresses written as
 *    "12 Acacia Avenue" / "Flat 3, 12 Acacia Avenue" -> "[address]" (a town on its own stays);
 * 5. names -> a neutral token: "[child]", "[adult]", or "[person]" when the words name both a
 *    child and an adult. Full names in any order and case ("Rahman, Arif", "ARIF RAHMAN"), each
 *    forename alone, each surname part, the known-as and former names; accents optional ("Zoe"
 *    finds "Zoë"), possessives kept ("Amelia's" -> "[child]'s"). Only when the words name exactly
 *    one person on the whole register, and that person is the child the text is about (`own`), do
 *    they become that child's initials — a forename two children share never names either.
 * A name that is also an everyday word ("Will", "May", "Green", "Hope") is taken out only when it
 * is written with a capital: over-redaction is the safe side, but "rated green" and "in may" stay.
 *
 * Officers are not redacted (decision, issue 11): the minutes record which officer owns each action
 * and who attended, and seed 000 §12 / seed 003 App. D name the panel by role for accountability;
 * an officer is a professional acting in role, not a data subject of the case. Their full names
 * and the names of deputies and guests typed into the attendance go in `keep` and are left whole
 * (so "Kelly Adebayo (deputy)" is not mangled into "Kelly [child]") — unless a kept name is also a
 * register person's full name, which is then redacted like any other.
 */

export interface RedactionPerson {
  /** Unique within one redactor: the child's id for children; any other unique number for adults. */
  id?: number;
  /** Children are the default (siblings are children too). */
  role?: 'child' | 'adult';
  forenames: string;
  surname: string;
  knownAs?: string | null;
  formerNames?: string | null;
  /** ISO date (YYYY-MM-DD); absent for adults. */
  dateOfBirth?: string | null;
  /** Each address line and postcode on record for the person. */
  addresses: string[];
  /** Phone numbers and e-mail addresses on record. */
  contacts?: string[];
  upn?: string | null;
}

export interface RedactionOptions {
  /** Names never replaced (officers, deputies, guests), unless one is also a person's full name. */
  keep?: string[];
}

/** Whom a text is about: that child's own full name may be written as their initials. */
export interface RedactionOwner {
  id: number;
  initials: string;
}

export const REDACTED = {
  dateOfBirth: '[date of birth]',
  address: '[address]',
  contact: '[contact]',
  child: '[child]',
  adult: '[adult]',
  person: '[person]',
  upn: '[UPN]',
  uln: '[ULN]',
} as const;

const words = (s: string | null | undefined): string[] => (s ?? '').split(/[\s\-‐‑–]+/u).map((w) => w.replace(/^['’‘]+|['’‘.,]+$/gu, '')).filter(Boolean);

/** "Amelia Rose", "Hartley-Smith" -> "A.R.H.S."; a person with no name letters gets "X.". */
export function initials(forenames: string, surname: string): string {
  const letters = [...words(forenames), ...words(surname)].map((w) => [...w].find((c) => /\p{L}/u.test(c))).filter((c): c is string => Boolean(c));
  return letters.length ? letters.map((c) => `${c.toLocaleUpperCase('en-GB')}.`).join('') : 'X.';
}

// ---------------------------------------------------------------------------------------------
// Pattern helpers

const NOT_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_AFTER = '(?![\\p{L}\\p{N}])';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_WORD = `(?:${MONTHS.join('|')}|sept|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?`;
const ORD = '(?:st|nd|rd|th)?';
/** Between day, month and year: a slash, dot, dash or space(s). */
const SEP = '(?:\\s*[/.\\-–]\\s*|\\s+)';

/** Any date in the written forms above, with its parts. */
const DATE_FORMS = new RegExp(
  [
    `(?<![\\d/.\\-])(?<d1>\\d{1,2})${SEP}(?<m1>\\d{1,2})${SEP}(?<y1>\\d{4}|\\d{2})(?![\\d/])`,
    `(?<![\\d/.\\-])(?<y2>\\d{4})${SEP}(?<m2>\\d{1,2})${SEP}(?<d2>\\d{1,2})(?![\\d/])`,
    `${NOT_BEFORE}(?<d3>\\d{1,2})${ORD}(?:\\s+of)?${SEP}(?<m3>${MONTH_WORD}),?${SEP}(?<y3>\\d{4}|\\d{2})(?!\\d)`,
    `${NOT_BEFORE}(?<m4>${MONTH_WORD})${SEP}(?<d4>\\d{1,2})${ORD},?\\s+(?<y4>\\d{4})(?!\\d)`,
    // Run together: 19062014 (ddmmyyyy), 20140619 (yyyymmdd), 190614 (ddmmyy)
    `(?<!\\d)(?<d5>\\d{2})(?<m5>\\d{2})(?<y5>(?:19|20)\\d{2}|\\d{2})(?!\\d)`,
    `(?<!\\d)(?<y6>(?:19|20)\\d{2})(?<m6>\\d{2})(?<d6>\\d{2})(?!\\d)`,
  ].join('|'),
  'giu',
);
const monthNumber = (m: string): number => {
  if (/^\d+$/.test(m)) return Number(m);
  const w = m.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((full) => full.startsWith(w.slice(0, 3))) + 1;
};
const pad2 = (n: number) => String(n).padStart(2, '0');
/** The ISO dates a written date can mean: a two-digit year is 19yy or 20yy, and 6/19/2014 is read the US way too. */
function isoCandidates(g: Record<string, string | undefined>): string[] {
  const d = Number(g.d1 ?? g.d2 ?? g.d3 ?? g.d4 ?? g.d5 ?? g.d6);
  const m = monthNumber(g.m1 ?? g.m2 ?? g.m3 ?? g.m4 ?? g.m5 ?? g.m6 ?? '');
  const y = g.y1 ?? g.y2 ?? g.y3 ?? g.y4 ?? g.y5 ?? g.y6 ?? '';
  const years = y.length === 2 ? [`19${y}`, `20${y}`] : [y];
  const pairs = g.m1 !== undefined ? [[d, m], [m, d]] : [[d, m]];
  return years.flatMap((yy) => pairs.map(([dd, mm]) => `${yy}-${pad2(mm!)}-${pad2(dd!)}`));
}

const ANY_DATE =
  `(?:\\d{1,2}${SEP}\\d{1,2}${SEP}\\d{2,4}|\\d{4}${SEP}\\d{1,2}${SEP}\\d{1,2}|\\d{1,2}${ORD}(?:\\s+of)?${SEP}${MONTH_WORD},?${SEP}\\d{2,4}|${MONTH_WORD}${SEP}\\d{1,2}${ORD},?\\s+\\d{4}|\\d{6}(?:\\d{2})?)(?!\\d)`;
/** "DOB 12/05/2014", "d.o.b: 2014-05-12", "date of birth 12 May 2014", "born on 12th May 2014". */
const DOB_KEYWORD = new RegExp(`(${NOT_BEFORE}(?:d\\.?\\s?o\\.?\\s?b\\.?|date\\s+of\\s+birth|born(?:\\s+on)?)\\s*(?:[:=\\-–]|is|was)?\\s*(?:the\\s+)?)${ANY_DATE}`, 'giu');

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;

/** UK phone numbers: +44 / 0044 / 0 then 9–10 more digits, in groups separated by spaces, dashes or brackets. */
const PHONE = /(?<![\p{L}\p{N}+])(?:(?:\+|00)44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d{2,5}\)?(?:[\s-]?\d{2,6}){1,3}(?!\d)/gu;
const phoneDigits = (s: string) => {
  const digits = s.replace(/\D/g, '');
  return digits.startsWith('0044') ? `0${digits.slice(4).replace(/^0/, '')}` : digits.startsWith('44') ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
};
const validPhone = (s: string) => {
  const n = phoneDigits(s);
  return /^0[1-37-9]/.test(n) && (n.length === 11 || (n.length === 10 && /^0(?:1|800)/.test(n)));
};
/** Drops trailing digit groups that belong to the next number in the text until a phone number is left. */
function redactPhone(match: string, onRecord: ReadonlySet<string>): string {
  let head = match;
  let tail = '';
  for (;;) {
    if (validPhone(head) || onRecord.has(phoneDigits(head))) return `${REDACTED.contact}${tail}`;
    const m = /^(.*\d)([\s-]+\d+)$/s.exec(head);
    if (!m) return match;
    head = m[1]!;
    tail = m[2]! + tail;
  }
}

/** A UPN is a letter and 12 more characters (the last may be a letter: temporary UPNs), also written in groups. */
const UPN = /(?<![\p{L}\p{N}])[A-Z](?:\s?\d){11}\s?[A-Z\d](?![\p{L}\p{N}])/giu;
/** A ULN is 10 digits, also in groups ("1234 567 890"). Phone numbers have gone by now. */
const ULN = /(?<![\p{L}\p{N}\-/.])\d{4}\s?\d{3}\s?\d{3}(?![\p{L}\p{N}]|[\-/.]\d)/gu;
/** Whatever follows "UPN" or "ULN" is one, however it is written. */
const ID_KEYWORD = /(?<![\p{L}])(UPN|ULN)(\s*(?:[:=\-–#]|no\.?|number|is)?\s*)([A-Z]?\s?\d[\d ]{5,15}\d(?:\s?[A-Z])?)(?![\p{L}\p{N}])/giu;

/** Any UK postcode, written in capitals (lower case is matched only for the postcodes on record). */
const POSTCODE = /(?<![\p{L}\p{N}])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/gu;

const STREET_TYPES =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Court|Ct|Gardens|Gdns|Place|Pl|Terrace|Terr|Grove|Gr|Square|Sq|Walk|Mews|Row|Rise|Hill|Park|View|Parade|Green|Vale|Gate|Yard|Wharf|Bank|Side|Boulevard|Embankment|Quay|Wynd|Croft|Fold|Meadow|Meadows|Heights|Villas|Cottages';
/** "12 Acacia Avenue", "12a Old Mill Road", "Flat 3, 12 Acacia Avenue", "Room 4, 7 Dock Road", "Flat 3". */
const STREET = new RegExp(
  `${NOT_BEFORE}(?:(?:Flat|Room|Apartment|Apt|Unit)\\s+\\d+[A-Za-z]?,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+(?:[A-Z][\\p{L}'’]*\\s+){1,3}(?:${STREET_TYPES})${NOT_AFTER}\\.?` +
    // "Flat 3" on its own is an address; "Room 2" is as likely a meeting room.
    `|${NOT_BEFORE}(?:Flat|Apartment|Apt)\\s+\\d+[A-Za-z]?${NOT_AFTER}`,
  'gu',
);

/** Consecutive redactions ("[address], [address]", "[child] [child]") read as one. */
const collapse = (s: string) =>
  s
    .replace(/\[address\](?:[,\s]+\[address\])+/g, REDACTED.address)
    .replace(/\[contact\](?:[,\s/]+\[contact\])+/g, REDACTED.contact)
    .replace(/\[(child|adult|person)\](?:[\s\-‐‑–]+\[\1\])+/g, '[$1]');

/** How names are compared: no accents, one kind of apostrophe, dashes as spaces, any case. */
const fold = (s: string) =>
  (/[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '') : s).replace(/['’‘`]/g, "'").trim().replace(/\s*[-‐‑–]\s*|\s+/g, ' ').toLowerCase();
/** A word: letters and digits, with apostrophes inside (O'Brien, Amelia's). */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’‘`][\p{L}\p{M}\p{N}]+)*/gu;
/** What may stand between the words of one name: spaces, a dash, or a comma ("Rahman, Arif"). */
const NAME_JOIN = /^(?:\s*[-‐‑–,]\s*|\s+)$/u;
/** What may stand between the words of one address line: spaces and commas. */
const ADDRESS_JOIN = /^[\s,]+$/u;

/** Name particles: not identifying on their own ("van", "de", "al"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'el', 'al', 'bin', 'bint', 'ibn', 'ben', 'st', 'mc', 'mac', 'o']);

/**
 * Names that are also everyday words: redacted only when written with a capital, so "due in may",
 * "rated green", "will visit" and "a home visit" stay readable. Written "May", "Green", "Will" they go.
 */
const EVERYDAY = new Set(
  (
    'a an and are as at be but by do for go he her him his in is it me my no not of on or our she so the to up us we was will ' +
    'may june april august march summer autumn winter spring dawn eve day night sunny sky star storm rain river brook ' +
    'will mark bill pat sue rob bob guy ray jay don drew gene miles chase hunter dean bishop king knight lord noble royal ' +
    'grace hope faith joy charity patience rose lily daisy holly ivy ruby amber jade pearl hazel heather iris violet poppy ' +
    'red green brown white black grey gray gold silver young long short little small sharp swift frost snow sweet strong wise fair ' +
    'hill wood woods park lane hall bell ward cook baker carter mason miller turner walker page price rice rivers banks waters ' +
    'field fields moss marsh bush street head love stone ball bird fox lamb hart bean best bond cross dale east west north south ' +
    'fisher hand hay heath house hunt key law mills moon oak penny power reed ridge rock rush sage salt sands story thorn ' +
    'tree vale wall walls way well wells worth art angel honey reign sonny victory case chance rich lee home school visit ' +
    'mum dad mother father sister brother nan gran aunt uncle carer child children family panel officer team'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------

/** Who a name points at: a role bit mask (1 child, 2 adult) and the one person, or -1 when several. */
interface Who {
  roles: number;
  sole: number;
}
const CHILD = 1;
const ADULT = 2;

/** Name phrases looked up word by word — a regex of 50,000 names would be hopelessly slow. */
interface NameIndex {
  /** Multi-word names: folded words SORTED and joined by spaces (so any order matches). */
  phrases: Map<string, Who>;
  /** Single words. */
  words: Map<string, Who>;
  maxWords: number;
}

const noApostrophe = (k: string) => k.replace(/'/g, '');
const sortedKey = (keys: string[]) => [...keys].sort().join(' ');
const wordKeys = (s: string) => [...s.matchAll(TOKEN)].map((m) => fold(m[0]));
const letterCount = (s: string) => [...s].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;

function note(map: Map<string, Who>, key: string, id: number, role: number): void {
  const w = map.get(key);
  if (!w) map.set(key, { roles: role, sole: id });
  else {
    w.roles |= role;
    if (w.sole !== id) w.sole = -1;
  }
}

/**
 * The register's identifiers, built ONCE per document (or per projector refresh of a changed
 * register) and then applied to any number of texts: one map lookup per word, whatever the
 * register's size.
 */
export interface RedactionIndex {
  names: NameIndex;
  dobs: Set<string>;
  phones: Set<string>;
  /** Address lines and postcodes on record, by folded words in order. */
  addresses: Map<string, true>;
  addressMaxWords: number;
}

export function buildRedactionIndex(people: Iterable<RedactionPerson>): RedactionIndex {
  const names: NameIndex = { phrases: new Map(), words: new Map(), maxWords: 1 };
  const index: RedactionIndex = { names, dobs: new Set(), phones: new Set(), addresses: new Map(), addressMaxWords: 1 };
  let auto = -1;
  for (const p of people) {
    const id = p.id ?? auto--;
    const role = p.role === 'adult' ? ADULT : CHILD;
    if (p.dateOfBirth) index.dobs.add(p.dateOfBirth);
    for (const c of p.contacts ?? []) {
      if (c.includes('@')) continue;
      const d = phoneDigits(c);
      if (d.length >= 6) index.phones.add(d);
    }
    for (const line of p.addresses) addAddress(index, line);
    const phrase = (s: string | null | undefined) => {
      const keys = wordKeys(s ?? '');
      if (keys.length < 2) return;
      note(names.phrases, sortedKey(keys), id, role);
      // "OBrien" for "O'Brien": the apostrophe is often left out.
      if (keys.some((k) => k.includes("'"))) note(names.phrases, sortedKey(keys.map(noApostrophe)), id, role);
      names.maxWords = Math.max(names.maxWords, keys.length);
    };
    const fore = words(p.forenames);
    phrase(`${p.forenames} ${p.surname}`);
    phrase(p.forenames);
    phrase(p.surname);
    phrase(p.knownAs);
    if (fore.length > 1) phrase(`${fore[0]} ${p.surname}`);
    if (p.knownAs) phrase(`${p.knownAs} ${p.surname}`);
    for (const former of (p.formerNames ?? '').split(/[;,/]| and /)) phrase(former);
    for (const w of [...wordKeys(p.forenames), ...wordKeys(p.surname), ...wordKeys(p.knownAs ?? ''), ...wordKeys(p.formerNames ?? '')]) {
      if (letterCount(w) < 2 || PARTICLES.has(w)) continue;
      note(names.words, w, id, role);
      if (w.includes("'")) note(names.words, noApostrophe(w), id, role);
    }
  }
  return index;
}

/**
 * An address line on record, and its parts: "Flat 7, Mercer House" is also "Mercer House", and
 * "65 Quarry Bank Road" is also "Quarry Bank Road" (a street or building named without its number).
 */
function addAddress(index: RedactionIndex, line: string): void {
  addAddressPhrase(index, line);
  const parts = line.split(',').map((x) => x.trim()).filter(Boolean);
  for (const part of parts.length > 1 ? [...parts, line] : parts) {
    if (part !== line) addAddressPhrase(index, part);
    const bare = part.replace(/^(?:(?:flat|room|apartment|apt|unit)\s+)?\d+[a-z]?\b\s*/i, '');
    if (bare !== part && wordKeys(bare).length >= 2) addAddressPhrase(index, bare);
  }
}

/** A unit of a building and its number, with nothing else: "Room 2", "Flat 3a", "Unit 4". */
const UNIT_ONLY = /^(?:flat|room|apartment|apt|unit)\s+\d+[a-z]?$/i;

function addAddressPhrase(index: RedactionIndex, line: string): void {
  const keys = wordKeys(line);
  if (keys.length === 0 || letterCount(line) < 3) return;
  // "Room 2" or "Unit 4" alone (a part of "Room 2, Bridgeside House") names no place: on record it
  // would take "Committee Room 2" out of every minute. The whole line still goes, and STREET
  // takes out "Flat 3" on its own.
  if (UNIT_ONLY.test(line.trim())) return;
  // A single word on record (a town, "Northbridge") is not an address by itself.
  if (keys.length === 1 && !/^[A-Za-z]{1,2}\d[A-Za-z\d]?\d[A-Za-z]{2}$/.test(line.replace(/\s+/g, ''))) return;
  index.addresses.set(keys.join(' '), true);
  index.addressMaxWords = Math.max(index.addressMaxWords, keys.length);
  // A postcode matches with or without its space.
  const compact = line.replace(/\s+/g, '');
  if (/^[A-Za-z]{1,2}\d[A-Za-z\d]?\d[A-Za-z]{2}$/.test(compact)) index.addresses.set(compact.toLowerCase(), true);
}

interface Tok {
  start: number;
  end: number;
  key: string;
  capital: boolean;
  joined: boolean;
}

function tokenise(s: string, join: RegExp): Tok[] {
  const toks: Tok[] = [...s.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: fold(m[0]), capital: /^\p{Lu}/u.test(m[0]), joined: false }));
  for (let i = 0; i + 1 < toks.length; i++) toks[i]!.joined = join.test(s.slice(toks[i]!.end, toks[i + 1]!.start));
  return toks;
}

function replaceAddresses(s: string, index: RedactionIndex): string {
  if (index.addresses.size === 0) return s;
  const toks = tokenise(s, ADDRESS_JOIN);
  let out = '';
  let at = 0;
  for (let i = 0; i < toks.length; i++) {
    let n = 1;
    while (n < index.addressMaxWords && i + n < toks.length && toks[i + n - 1]!.joined) n++;
    for (let k = n; k >= 1; k--) {
      if (!index.addresses.has(toks.slice(i, i + k).map((t) => t.key).join(' '))) continue;
      out += s.slice(at, toks[i]!.start) + REDACTED.address;
      at = toks[i + k - 1]!.end;
      i += k - 1;
      break;
    }
  }
  return out + s.slice(at);
}

const tokenFor = (w: Who, own: RedactionOwner | undefined): string =>
  own && w.sole === own.id ? own.initials : w.roles === CHILD ? REDACTED.child : w.roles === ADULT ? REDACTED.adult : REDACTED.person;

/** Kept names (officers, attendees): folded words sorted, like the name phrases. */
type Keep = Set<string>;

/** Replaces the longest run of words that is a name (or a kept name, left alone), so a full name wins over its parts. */
function replaceNames(s: string, names: NameIndex, keep: Keep, own: RedactionOwner | undefined): string {
  const toks = tokenise(s, NAME_JOIN);
  let out = '';
  let at = 0;
  for (let i = 0; i < toks.length; i++) {
    let n = 1;
    while (n < names.maxWords && i + n < toks.length && toks[i + n - 1]!.joined) n++;
    for (let k = n; k >= 1; k--) {
      const run = toks.slice(i, i + k);
      const last = run[k - 1]!;
      let who: Who | undefined;
      let suffix = '';
      if (k === 1) {
        const t = run[0]!;
        const look = (key: string) => {
          const w = names.words.get(key);
          return w && (!EVERYDAY.has(key) || t.capital) ? w : undefined;
        };
        who = look(t.key);
        if (!who && t.key.endsWith("'s")) {
          who = look(t.key.slice(0, -2));
          if (who) suffix = s.slice(t.end - 2, t.end);
        }
      } else {
        const keys = run.map((t) => t.key);
        let key = sortedKey(keys);
        if (keep.has(key)) {
          // An officer or attendee: left whole.
          out += s.slice(at, last.end);
          at = last.end;
          i += k - 1;
          break;
        }
        who = names.phrases.get(key);
        if (!who && last.key.endsWith("'s")) {
          key = sortedKey([...keys.slice(0, -1), last.key.slice(0, -2)]);
          who = names.phrases.get(key);
          if (who) suffix = s.slice(last.end - 2, last.end);
        }
      }
      if (!who) continue;
      let rep = tokenFor(who, own) + suffix;
      // "…was Amelia." reads "…was A.H." rather than "A.H.."
      if (!suffix && rep.endsWith('.') && s[last.end] === '.') rep = rep.slice(0, -1);
      out += s.slice(at, run[0]!.start) + rep;
      at = last.end;
      i += k - 1;
      break;
    }
  }
  return out + s.slice(at);
}

export type Redactor = (text: string, own?: RedactionOwner) => string;

/** A redactor over a built index; `keep` names the professionals to leave alone in these documents. */
export function redactorFor(index: RedactionIndex, options: RedactionOptions = {}): Redactor {
  const keep: Keep = new Set();
  for (const k of options.keep ?? []) {
    const keys = wordKeys(k);
    const key = sortedKey(keys);
    // A kept name that is also a register person's full name is still redacted.
    if (keys.length >= 2 && !index.names.phrases.has(key)) keep.add(key);
  }
  const names: NameIndex = keep.size ? { ...index.names, maxWords: Math.max(index.names.maxWords, ...[...keep].map((k) => k.split(' ').length)) } : index.names;
  return (input: string, own?: RedactionOwner) => {
    let s = input.normalize('NFC');
    s = s.replace(EMAIL, REDACTED.contact);
    s = s.replace(PHONE, (m) => redactPhone(m, index.phones));
    s = s.replace(ID_KEYWORD, (_m, kind: string, lead: string) => `${kind}${lead}${kind.toUpperCase() === 'UPN' ? REDACTED.upn : REDACTED.uln}`);
    s = s.replace(UPN, REDACTED.upn);
    s = s.replace(DOB_KEYWORD, (_m, lead: string) => `${lead}${REDACTED.dateOfBirth}`);
    if (index.dobs.size) {
      s = s.replace(DATE_FORMS, (...args: unknown[]) => {
        const groups = args.at(-1) as Record<string, string | undefined>;
        return isoCandidates(groups).some((iso) => index.dobs.has(iso)) ? REDACTED.dateOfBirth : String(args[0]);
      });
    }
    s = s.replace(ULN, REDACTED.uln);
    s = replaceAddresses(s, index);
    s = s.replace(STREET, REDACTED.address);
    s = s.replace(POSTCODE, REDACTED.address);
    s = replaceNames(s, names, keep, own);
    return collapse(s);
  };
}

/** Builds the index for these people once; the result redacts any number of texts. */
export function createRedactor(people: RedactionPerson[], options: RedactionOptions = {}): Redactor {
  return redactorFor(buildRedactionIndex(people), options);
}

/** One text, redacted for these people (compile once with createRedactor for many texts). */
export function redactText(text: string, people: RedactionPerson[], options: RedactionOptions = {}, own?: RedactionOwner): string {
  return createRedactor(people, options)(text, own);
}
