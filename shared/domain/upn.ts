/**
 * DfE Unique Pupil Number (UPN).
 *
 * Format: 13 characters. Character 1 is a check letter; characters 2–4 are the LA number of the
 * allocating school, 5–8 its DfE establishment number, 9–10 the year of allocation, 11–13 a
 * serial. Characters 2–12 are digits; character 13 is a digit, or a letter for a temporary UPN.
 *
 * Check letter: multiply character 2 by 2, 3 by 3 … 13 by 13 (a letter in position 13 counts as
 * its position 0..22 in the table below), sum, take the remainder on dividing by 23 and map
 * 0..22 to A B C D E F G H J K L M N P Q R T U V W X Y Z (no I, O or S).
 *
 * Confirmed (with the search tool) against: the DfE CIN census validation rule 1510 text quoted
 * in SocialFinanceDigitalLabs cin_validator ("digit 2 by weight 2 … digit 13 by weight 13 …
 * divide the total by 23, and take the remainder"), python-stdnum stdnum/gb/upn.py (same weights,
 * same 23-letter table, letters in position 13 valued by their table index), and the DfE
 * multiplication tables check tests citing the DfE "Unique Pupil Numbers" guidance PDF examples:
 * H801200001001 valid, Z801200001001 wrong check letter, G80120000101A a valid temporary UPN —
 * all three agree with this implementation (see test/unit/domain/upn.test.ts).
 *
 * Not checked here: whether characters 2–4 are a current LA number (the list changes over time).
 */

export const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** Trim and upper-case; the stored form of a UPN. */
export function normaliseUpn(upn: string): string {
  return upn.trim().toUpperCase();
}

function charValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return Number(ch);
  const i = UPN_CHECK_LETTERS.indexOf(ch);
  if (i < 0 || ch.length !== 1) throw new RangeError(`Not a UPN character: ${JSON.stringify(ch)}`);
  return i;
}

/**
 * The check letter (character 1) for characters 2–13 of a UPN: 11 digits followed by a digit or
 * a check-table letter. Lower case is accepted. Throws RangeError on any other input.
 */
export function upnCheckLetter(twelveChars: string): string {
  const s = normaliseUpn(twelveChars);
  if (!/^\d{11}[0-9A-Z]$/.test(s)) {
    throw new RangeError(`upnCheckLetter needs 11 digits then a digit or letter, got ${JSON.stringify(twelveChars)}`);
  }
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += charValue(s.charAt(i)) * (i + 2);
  return UPN_CHECK_LETTERS.charAt(sum % 23);
}

/** What is wrong with a UPN, in words, or null when it is valid. */
export function upnProblem(upn: string): string | null {
  const s = normaliseUpn(upn);
  if (s === '') return 'UPN is empty';
  if (s.length !== 13) return `UPN must be 13 characters long (this has ${s.length})`;
  if (!/^\d{11}$/.test(s.slice(1, 12))) return 'Characters 2 to 12 of a UPN must all be digits';
  const last = s.charAt(12);
  if (!/^[0-9]$/.test(last) && !UPN_CHECK_LETTERS.includes(last)) {
    return 'Character 13 of a UPN must be a digit, or a letter other than I, O or S (temporary UPN)';
  }
  const first = s.charAt(0);
  const expected = upnCheckLetter(s.slice(1));
  if (first !== expected) {
    if (!UPN_CHECK_LETTERS.includes(first)) {
      return `Character 1 of a UPN must be a check letter; the check letter should be ${expected}`;
    }
    return `The check letter should be ${expected}, not ${first}`;
  }
  return null;
}

export function isValidUpn(upn: string): boolean {
  return upnProblem(upn) === null;
}

/** True for a (valid-format) temporary UPN: character 13 is a letter. */
export function isTemporaryUpn(upn: string): boolean {
  const s = normaliseUpn(upn);
  return isValidUpn(s) && /[A-Z]/.test(s.charAt(12));
}
