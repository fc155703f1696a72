/**
 * Possible-duplicate detection for children on the register: the same child is often referred
 * more than once, by different agencies, with names spelt differently.
 */
import type { IsoDate } from './dates';

/**
 * Lower case, accents removed, apostrophes, hyphens, dots and spaces removed:
 * "O'Brien-Núñez" → "obriennunez", "Mary Ann" → "maryann".
 */
export function normaliseName(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’‘`´.\-‐‑–—_]+/gu, '');
}

/** Words of a name (accents and apostrophes stripped; hyphens split words). */
function nameWords(s: string | null | undefined): string[] {
  if (s === null || s === undefined) return [];
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´.]/gu, '')
    .split(/[\s\-‐‑–—_]+/u)
    .filter((w) => w !== '');
}

/** Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4) of two already-normalised strings. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i += 1) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j += 1) {
      if (!bMatched[j] && a.charAt(i) === b.charAt(j)) {
        aMatched[i] = true;
        bMatched[j] = true;
        matches += 1;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let halfTranspositions = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k += 1;
    if (a.charAt(i) !== b.charAt(k)) halfTranspositions += 1;
    k += 1;
  }
  const t = halfTranspositions / 2;
  const jaro = (matches / a.length + matches / b.length + (matches - t) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a.charAt(prefix) === b.charAt(prefix)) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Similarity of two names, 0..1, ignoring case, accents, hyphens, apostrophes and spaces.
 * Also compares the first words, so "John Paul" ~ "John" scores highly. Two empty names score 0.
 */
export function nameSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  if (na === '' || nb === '') return 0;
  const whole = jaroWinkler(na, nb);
  const fa = nameWords(a)[0] ?? '';
  const fb = nameWords(b)[0] ?? '';
  const first = fa !== '' && fb !== '' ? jaroWinkler(fa, fb) : 0;
  return Math.max(whole, first);
}

/** Surname similarity needed for a possible duplicate. */
export const SURNAME_THRESHOLD = 0.85;
/** Forename similarity needed for a possible duplicate. */
export const FORENAME_THRESHOLD = 0.8;

export interface PersonName {
  forenames: string;
  surname: string;
  dateOfBirth: IsoDate | null;
  knownAs?: string | null;
  formerNames?: string | null;
}

export interface DuplicateResult {
  match: boolean;
  reason: string;
  /** Same name and date of birth: saving a new child needs an explicit "this is a different child". */
  exact?: boolean;
}

/** With the same date of birth and surname, a forename this similar is still warned (Leila / Layla). */
export const SAME_SURNAME_FORENAME_THRESHOLD = 0.7;

/** Exactly the same child by name and date of birth (case, accents, spaces and hyphens aside). */
export function isExactDuplicate(candidate: PersonName, existing: PersonName): boolean {
  return (
    candidate.dateOfBirth !== null && candidate.dateOfBirth === existing.dateOfBirth &&
    normaliseName(candidate.forenames) === normaliseName(existing.forenames) &&
    normaliseName(candidate.surname) === normaliseName(existing.surname)
  );
}

interface NameVariant {
  forenames: string;
  surname: string;
  /** How this variant was obtained, for the reason text; null for the record's own name. */
  via: string | null;
}

function fullName(forenames: string, surname: string): string {
  return `${forenames.trim()} ${surname.trim()}`.trim();
}

/** The record's own name plus variants from its known-as and former names. */
function variants(p: PersonName): NameVariant[] {
  const out: NameVariant[] = [{ forenames: p.forenames, surname: p.surname, via: null }];
  const fromAlias = (alias: string, kind: string): void => {
    const words = alias.trim().split(/\s+/u).filter((w) => w !== '');
    if (words.length === 0) return;
    const via = `${kind} ${alias.trim()}`;
    if (words.length === 1) {
      // One word: could be a forename or a surname.
      out.push({ forenames: alias.trim(), surname: p.surname, via });
      out.push({ forenames: p.forenames, surname: alias.trim(), via });
    } else {
      // Several words: a full name, or a multi-word forename.
      out.push({ forenames: words.slice(0, -1).join(' '), surname: words[words.length - 1] ?? '', via });
      out.push({ forenames: alias.trim(), surname: p.surname, via });
    }
  };
  if (p.knownAs) fromAlias(p.knownAs, 'known as');
  if (p.formerNames) {
    for (const part of p.formerNames.split(/[,;/\n]+/u)) fromAlias(part, 'formerly');
  }
  return out;
}

function similar(a: NameVariant, b: NameVariant): boolean {
  return (
    nameSimilarity(a.surname, b.surname) >= SURNAME_THRESHOLD &&
    nameSimilarity(a.forenames, b.forenames) >= FORENAME_THRESHOLD
  );
}

/**
 * Possible duplicate = same date of birth AND a similar name: surname similarity ≥ 0.85 and
 * forename similarity ≥ 0.8; or the same surname and forename similarity ≥ 0.7 (Leila / Layla);
 * or forename and surname swapped; or either record's name matching the
 * other's known-as or former names. The reason says which, e.g.
 * "Same date of birth and similar name (Jon Smyth ~ John Smith)".
 */
export function isPossibleDuplicate(candidate: PersonName, existing: PersonName): DuplicateResult {
  if (!candidate.dateOfBirth || !existing.dateOfBirth) {
    return { match: false, reason: 'Date of birth missing' };
  }
  if (candidate.dateOfBirth !== existing.dateOfBirth) {
    return { match: false, reason: 'Different date of birth' };
  }
  const cName = fullName(candidate.forenames, candidate.surname);
  const eName = fullName(existing.forenames, existing.surname);

  const c0: NameVariant = { forenames: candidate.forenames, surname: candidate.surname, via: null };
  const e0: NameVariant = { forenames: existing.forenames, surname: existing.surname, via: null };
  if (similar(c0, e0)) {
    const same =
      normaliseName(candidate.forenames) === normaliseName(existing.forenames) &&
      normaliseName(candidate.surname) === normaliseName(existing.surname);
    return {
      match: true,
      exact: same,
      reason: same
        ? `Same date of birth and same name (${cName} ~ ${eName})`
        : `Same date of birth and similar name (${cName} ~ ${eName})`,
    };
  }
  if (normaliseName(candidate.surname) === normaliseName(existing.surname) && nameSimilarity(candidate.forenames, existing.forenames) >= SAME_SURNAME_FORENAME_THRESHOLD) {
    return { match: true, reason: `Same date of birth and surname, similar forename (${cName} ~ ${eName})` };
  }

  const swapped: NameVariant = { forenames: candidate.surname, surname: candidate.forenames, via: null };
  if (similar(swapped, e0)) {
    return { match: true, reason: `Same date of birth and forename and surname swapped (${cName} ~ ${eName})` };
  }

  const cv = variants(candidate);
  const ev = variants(existing);
  for (const a of cv) {
    for (const b of ev) {
      if (a.via === null && b.via === null) continue; // already compared above
      if (similar(a, b)) {
        const left = a.via ? `${cName}, ${a.via}` : cName;
        const right = b.via ? `${eName}, ${b.via}` : eName;
        const kinds = [a.via, b.via].filter((v): v is string => v !== null);
        const what = kinds.some((k) => k.startsWith('known as')) ? 'a known-as name' : 'a former name';
        return { match: true, reason: `Same date of birth and name matches ${what} (${left} ~ ${right})` };
      }
    }
  }

  return { match: false, reason: `Same date of birth but different name (${cName} / ${eName})` };
}
