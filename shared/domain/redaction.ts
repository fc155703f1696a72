/**
 * Redaction for minutes circulated beyond the panel: a child is named by reference and initials,
 * and no address, contact detail or date of birth is left in free text the minute-taker typed.
 * Pure: the people to look for are arguments (the server passes every child on the agenda, their
 * siblings and the adults recorded for them).
 *
 * What goes, in this order (each step works on the previous step's output):
 * 1. e-mail addresses, then the contact details on record, then UK phone numbers -> "[contact]";
 * 2. each person's date of birth written as dd/mm/yyyy, d/m/yyyy, dd-mm-yy, yyyy-mm-dd, "12 May 2014",
 *    "12th of May 2014", "May 12, 2014" -> "[date of birth]"; and any date written straight after
 *    "DOB", "D.O.B.", "date of birth" or "born (on)", whoever it belongs to;
 * 3. each address line and postcode on record, any UK postcode, and street addresses written as
 *    "12 Acacia Avenue" / "Flat 3, 12 Acacia Avenue" -> "[address]" (a town on its own is not
 *    identifying and stays: it is usually the authority's own area);
 * 4. names -> the person's initials ("A.H."): the full name, each forename, each part of the surname
 *    (and the hyphenated whole), the known-as and former names; whole words only, any case, accents
 *    optional ("Zoe" finds "Zoë"), possessives kept ("Amelia's" -> "A.H.'s").
 * Over-redaction is the safe side: a child called May also turns "in May" into "in M.H.". `keep`
 * lists names to leave alone (the officers on the panel), unless one is also a person's full name.
 */

export interface RedactionPerson {
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
}

export interface RedactionOptions {
  /** Names never replaced (e.g. officers' full names), unless one is also a person's name. */
  keep?: string[];
}

export const REDACTED = { dateOfBirth: '[date of birth]', address: '[address]', contact: '[contact]' } as const;

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

/** Any date written as d/m/y, y-m-d, "12 May 2014", "12th of May 2014" or "May 12, 2014", with its parts. */
const DATE_FORMS = new RegExp(
  [
    `(?<![\\d/.\\-])(?<d1>\\d{1,2})[/.\\-](?<m1>\\d{1,2})[/.\\-](?<y1>\\d{4}|\\d{2})(?![\\d/])`,
    `(?<![\\d/.\\-])(?<y2>\\d{4})[/.\\-](?<m2>\\d{1,2})[/.\\-](?<d2>\\d{1,2})(?![\\d/])`,
    `${NOT_BEFORE}(?<d3>\\d{1,2})${ORD}(?:\\s+of)?\\s+(?<m3>${MONTH_WORD}),?\\s+(?<y3>\\d{4})(?!\\d)`,
    `${NOT_BEFORE}(?<m4>${MONTH_WORD})\\s+(?<d4>\\d{1,2})${ORD},?\\s+(?<y4>\\d{4})(?!\\d)`,
  ].join('|'),
  'giu',
);
const monthNumber = (m: string): number => {
  if (/^\d+$/.test(m)) return Number(m);
  const w = m.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((full) => full.startsWith(w.slice(0, 3))) + 1;
};
const pad2 = (n: number) => String(n).padStart(2, '0');
/** The ISO dates a written date can mean (a two-digit year: 19yy or 20yy). */
function isoCandidates(g: Record<string, string | undefined>): string[] {
  const d = Number(g.d1 ?? g.d2 ?? g.d3 ?? g.d4);
  const m = monthNumber(g.m1 ?? g.m2 ?? g.m3 ?? g.m4 ?? '');
  const y = g.y1 ?? g.y2 ?? g.y3 ?? g.y4 ?? '';
  const years = y.length === 2 ? [`19${y}`, `20${y}`] : [y];
  return years.map((yy) => `${yy}-${pad2(m)}-${pad2(d)}`);
}

const ANY_DATE =
  `(?:\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}${ORD}(?:\\s+of)?\\s+${MONTH_WORD},?\\s+\\d{4}|${MONTH_WORD}\\s+\\d{1,2}${ORD},?\\s+\\d{4})(?!\\d)`;
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

/** Consecutive redactions ("[address], [address]") read as one. */
const collapse = (s: string) =>
  s.replace(/\[address\](?:[,\s]+\[address\])+/g, REDACTED.address).replace(/\[contact\](?:[,\s/]+\[contact\])+/g, REDACTED.contact);

/** How names are compared: no accents, one kind of apostrophe, dashes as spaces, any case. */
const fold = (s: string) =>
  (/[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '') : s).replace(/['’‘`]/g, "'").trim().replace(/\s*[-‐‑–]\s*|\s+/g, ' ').toLowerCase();
/** A word: letters and digits, with apostrophes inside (O'Brien, Amelia's). */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’‘`][\p{L}\p{M}\p{N}]+)*/gu;
/** What may stand between the words of one name: spaces, or a dash. */
const JOIN = /^(?:\s*[-‐‑–]\s*|\s+)$/u;
const KEEP = '\u0000keep';

// ---------------------------------------------------------------------------------------------

export type Redactor = (text: string) => string;

/** Phrases looked up word by word — a regex alternation of hundreds of names or addresses is slow. */
interface Phrases {
  /** Folded words joined by single spaces -> replacement. */
  terms: Map<string, string>;
  maxWords: number;
}
const phraseKey = (s: string) => [...s.matchAll(TOKEN)].map((m) => fold(m[0])).join(' ');
function addPhrase(p: Phrases, text: string, replacement: string, force = false): void {
  const key = phraseKey(text);
  if ([...key].filter((c) => /[\p{L}\p{N}]/u.test(c)).length < 2) return;
  if (p.terms.has(key) && !force) return;
  p.terms.set(key, replacement);
  p.maxWords = Math.max(p.maxWords, key.split(' ').length);
}

/**
 * Replaces the longest run of words that is a phrase, so a full name wins over its parts. `join`
 * says what may stand between the words of one phrase; `possessive` finds "Amelia's" too.
 */
function replacePhrases(s: string, p: Phrases, join: RegExp, possessive: boolean): string {
  if (p.terms.size === 0) return s;
  const tokens = [...s.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: fold(m[0]), joined: false }));
  for (let i = 0; i + 1 < tokens.length; i++) tokens[i]!.joined = join.test(s.slice(tokens[i]!.end, tokens[i + 1]!.start));
  let out = '';
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    // The longest run of joined words from here, up to the longest phrase.
    let n = 1;
    while (n < p.maxWords && i + n < tokens.length && tokens[i + n - 1]!.joined) n++;
    let key = tokens.slice(i, i + n).map((t) => t.key).join(' ');
    for (let k = n; k >= 1; k--, key = key.slice(0, key.lastIndexOf(' '))) {
      const last = tokens[i + k - 1]!;
      let replacement = p.terms.get(key);
      let suffix = '';
      if (replacement === undefined && possessive && key.endsWith("'s")) {
        replacement = p.terms.get(key.slice(0, -2));
        if (replacement !== undefined) suffix = s.slice(last.end - 2, last.end);
      }
      if (replacement === undefined) continue;
      const first = tokens[i]!;
      let rep = replacement === KEEP ? s.slice(first.start, last.end) : replacement + suffix;
      // "…was Amelia." reads "…was A.H." rather than "A.H.."
      if (replacement !== KEEP && !suffix && rep.endsWith('.') && s[last.end] === '.') rep = rep.slice(0, -1);
      out += s.slice(at, first.start) + rep;
      at = last.end;
      i += k - 1;
      break;
    }
  }
  return out + s.slice(at);
}

/** What may stand between the words of one address line: spaces and commas. */
const ADDRESS_JOIN = /^[\s,]+$/u;

/** Compiles the patterns for these people once; the result redacts any number of texts. */
export function createRedactor(people: RedactionPerson[], options: RedactionOptions = {}): Redactor {
  // Phone numbers on record, as digits, in case one was typed in an unusual way.
  const phones = new Set(people.flatMap((p) => p.contacts ?? []).filter((c) => !c.includes('@')).map(phoneDigits).filter((d) => d.length >= 6));
  const dobs = new Set(people.map((p) => p.dateOfBirth).filter((d): d is string => Boolean(d)));

  const addresses: Phrases = { terms: new Map(), maxWords: 1 };
  for (const line of people.flatMap((p) => p.addresses)) {
    addPhrase(addresses, line, REDACTED.address);
    // A postcode matches with or without its space.
    if (/^\s*[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\s*$/.test(line)) addPhrase(addresses, line.replace(/\s+/g, ''), REDACTED.address);
  }

  const names: Phrases = { terms: new Map(), maxWords: 1 };
  for (const p of people) {
    const init = initials(p.forenames, p.surname);
    const add = (n: string | null | undefined) => {
      if (n) addPhrase(names, n, init);
    };
    add(`${p.forenames} ${p.surname}`);
    if (p.knownAs) add(`${p.knownAs} ${p.surname}`);
    add(words(p.forenames)[0] ? `${words(p.forenames)[0]} ${p.surname}` : null);
    add(p.surname);
    add(p.forenames);
    add(p.knownAs);
    add(p.formerNames);
    for (const w of [...words(p.forenames), ...words(p.surname), ...words(p.knownAs), ...words(p.formerNames)]) add(w);
  }
  for (const k of options.keep ?? []) {
    // A kept name that is itself a person's name is still redacted.
    const key = phraseKey(k);
    if (key.includes(' ') && !names.terms.has(key)) addPhrase(names, k, KEEP, true);
  }

  return (input: string) => {
    let s = input.normalize('NFC');
    s = s.replace(EMAIL, REDACTED.contact);
    s = s.replace(PHONE, (m) => redactPhone(m, phones));
    s = s.replace(DOB_KEYWORD, (_m, lead: string) => `${lead}${REDACTED.dateOfBirth}`);
    if (dobs.size) {
      s = s.replace(DATE_FORMS, (...args: unknown[]) => {
        const groups = args.at(-1) as Record<string, string | undefined>;
        return isoCandidates(groups).some((iso) => dobs.has(iso)) ? REDACTED.dateOfBirth : String(args[0]);
      });
    }
    s = replacePhrases(s, addresses, ADDRESS_JOIN, false);
    s = s.replace(STREET, REDACTED.address);
    s = s.replace(POSTCODE, REDACTED.address);
    s = replacePhrases(s, names, JOIN, true);
    return collapse(s);
  };
}

/** One text, redacted for these people (compile once with createRedactor for many texts). */
export function redactText(text: string, people: RedactionPerson[], options: RedactionOptions = {}): string {
  return createRedactor(people, options)(text);
}
