/**
 * Matching a row of a school's file to a child already on the register: the UPN first (a valid UPN
 * is unique to a pupil), then name and date of birth with the register's duplicate rules
 * (duplicates.ts). Only a match the rules make certain is taken without asking; every other
 * possible match is put to the officer, who confirms it or says it is a different child. Pure.
 */
import { isExactDuplicate, isPossibleDuplicate } from './duplicates';
import { formatUk } from './dates';

export interface KnownChild {
  childId: number;
  forenames: string;
  surname: string;
  dateOfBirth: string;
  upn: string | null;
  knownAs: string | null;
  formerNames: string | null;
}

export interface RowPupil {
  upn: string | null;
  forenames: string;
  surname: string;
  dateOfBirth: string;
}

export interface MatchCandidate {
  childId: number;
  reason: string;
}

export type MatchResult =
  /** Taken without asking: the same UPN and date of birth, or the same name and date of birth with no UPN to contradict. */
  | { kind: 'certain'; childId: number; reason: string }
  /** The officer chooses one of the candidates or "a different child". */
  | { kind: 'uncertain'; candidates: MatchCandidate[]; reason: string }
  | { kind: 'none'; reason: string };

const name = (c: { forenames: string; surname: string }) => `${c.forenames} ${c.surname}`;

/**
 * `byUpn` and `byDob` look children up (the service indexes the whole register once, so a
 * 5,000-row file against 50,000 children stays linear).
 */
export function matchPupil(row: RowPupil, byUpn: (upn: string) => KnownChild | undefined, byDob: (dob: string) => readonly KnownChild[]): MatchResult {
  const candidates: MatchCandidate[] = [];
  if (row.upn) {
    const same = byUpn(row.upn);
    if (same) {
      if (same.dateOfBirth === row.dateOfBirth) {
        return { kind: 'certain', childId: same.childId, reason: `Same UPN and date of birth (${name(same)})` };
      }
      candidates.push({ childId: same.childId, reason: `Same UPN, but born ${formatUk(same.dateOfBirth)}, not ${formatUk(row.dateOfBirth)} (${name(same)})` });
    }
  }
  for (const c of byDob(row.dateOfBirth)) {
    if (candidates.some((x) => x.childId === c.childId)) continue;
    const person = { forenames: c.forenames, surname: c.surname, dateOfBirth: c.dateOfBirth, knownAs: c.knownAs, formerNames: c.formerNames };
    const pupil = { forenames: row.forenames, surname: row.surname, dateOfBirth: row.dateOfBirth };
    const upnClash = row.upn !== null && c.upn !== null && c.upn !== row.upn;
    if (isExactDuplicate(pupil, person)) {
      if (!upnClash && candidates.length === 0) {
        const others = byDob(row.dateOfBirth).filter((o) => o.childId !== c.childId && isExactDuplicate(pupil, { ...o }));
        if (others.length === 0) return { kind: 'certain', childId: c.childId, reason: `Same name and date of birth (${name(c)})${c.upn ? '' : '; no UPN on the register'}` };
      }
      candidates.push({ childId: c.childId, reason: upnClash ? `Same name and date of birth, but the register has UPN ${c.upn}` : `Same name and date of birth (${name(c)})` });
      continue;
    }
    const d = isPossibleDuplicate(pupil, person);
    if (d.match) candidates.push({ childId: c.childId, reason: upnClash ? `${d.reason}; the register has a different UPN` : d.reason });
  }
  if (candidates.length > 0) return { kind: 'uncertain', candidates, reason: candidates.length === 1 ? 'A possible match: confirm it is the same child' : `${candidates.length} possible matches: choose one, or a new child` };
  return { kind: 'none', reason: 'Not on the register: a new child' };
}
