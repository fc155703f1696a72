/**
 * Who an action's typed owner means. An officer saved by name instead of by id never reaches their
 * action list (QA walk: "Tom Ash" was saved as an outside owner, not Tom Ashworth-Reid), and in the
 * redacted minutes a free-text owner is redacted like any other text ("[child] Ash"). So a typed
 * owner that only shortens an officer's name is asked about, never silently kept as free text.
 *
 * Conservative on purpose: every typed word must be the start of a word of the officer's name, in
 * order (no fuzzy spelling). Anything else is someone outside the council. Pure.
 */

export interface OfficerName {
  id: number;
  name: string;
}

export type OwnerMatch<O extends OfficerName = OfficerName> =
  /** The officer's own name, in any case and spacing. */
  | { kind: 'officer'; officer: O }
  /** Each typed word starts a word of this officer's name (and of no other officer's): ask. */
  | { kind: 'likely'; officers: O[] }
  /** Someone outside the council (a guest, an outside agency). */
  | { kind: 'outside' };

/** Name words: any case, dashes and full stops as spaces ("T. Ashworth-Reid" → t, ashworth, reid). */
const nameWords = (s: string): string[] =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('en-GB')
    .split(/[\s\-‐‑–.,]+/u)
    .filter(Boolean);

/** Each typed word starts a later word of the name than the one before it. */
function shortens(typed: readonly string[], name: readonly string[]): boolean {
  let at = 0;
  for (const w of typed) {
    while (at < name.length && !name[at]!.startsWith(w)) at++;
    if (at === name.length) return false;
    at++;
  }
  return true;
}

/**
 * The officer an owner typed means, the officers it probably means (one, or several to choose
 * from), or none. Pass the officers who can own an action (those in post).
 */
export function matchOwner<O extends OfficerName>(typed: string, officers: readonly O[]): OwnerMatch<O> {
  const t = nameWords(typed);
  if (t.length === 0) return { kind: 'outside' };
  const exact = officers.find((o) => nameWords(o.name).join(' ') === t.join(' '));
  if (exact) return { kind: 'officer', officer: exact };
  // A lone initial ("T") says too little to suggest anyone.
  if (!t.some((w) => w.length >= 2)) return { kind: 'outside' };
  const likely = officers.filter((o) => shortens(t, nameWords(o.name)));
  return likely.length ? { kind: 'likely', officers: likely } : { kind: 'outside' };
}

/** "A", "A or B", "A, B or C". */
const orList = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

/**
 * Why a typed owner cannot be saved as someone outside the council, or null when it can: it
 * probably means an officer and the minute-taker has not said it is an outside owner.
 */
export function outsideOwnerProblem(typed: string, officers: readonly OfficerName[], saidOutside: boolean): string | null {
  if (saidOutside) return null;
  const m = matchOwner(typed, officers);
  if (m.kind !== 'likely') return null;
  const names = m.officers.map((o) => o.name);
  const choose = names.length === 1 ? 'Choose them from the list' : 'Choose one from the list';
  return `Owner: "${typed.trim()}" looks like ${orList(names)}. ${choose}, or, for someone outside the council, type their full name and organisation.`;
}
