/**
 * Whole school terms (autumn, spring, summer) from the term calendar's half terms, for the PMOE
 * criterion "on the register for two consecutive terms" (000 §11). The calendar (Panels & calendar)
 * is the source, not fixed 1 Sep / 1 Jan / 1 Apr dates. Pure.
 */
import { type IsoDate, compareIso, formatUk } from './dates';
import type { TermCalendar } from './calendar';

export interface WholeTerm {
  /** E.g. "Autumn 2026/27". */
  label: string;
  starts: IsoDate;
  ends: IsoDate;
}

/** "Autumn 1" → "Autumn"; a name without a half-term number is its own term. */
function termName(halfTermName: string): string {
  return halfTermName.replace(/\s*\d+\s*$/, '').trim() || halfTermName;
}

/** The whole terms of the calendar in date order: half terms of the same name in a year are one term. */
export function wholeTerms(cal: TermCalendar): WholeTerm[] {
  const out: WholeTerm[] = [];
  for (const y of cal.years) {
    const byName = new Map<string, WholeTerm>();
    for (const t of [...y.terms].sort((a, b) => compareIso(a.starts, b.starts))) {
      const name = termName(t.name);
      const w = byName.get(name);
      if (w) {
        if (t.starts < w.starts) w.starts = t.starts;
        if (t.ends > w.ends) w.ends = t.ends;
      } else {
        const term = { label: `${name} ${y.label}`, starts: t.starts, ends: t.ends };
        byName.set(name, term);
        out.push(term);
      }
    }
  }
  return out.sort((a, b) => compareIso(a.starts, b.starts));
}

/**
 * The terms a pupil has been on the PMOE register in by `onDate`, from the term they were notified
 * in (or the next, if notified in a holiday) to the term in progress (or the last one, in a holiday).
 * Null when the calendar does not reach either date, so the caller can fall back and say so.
 */
export function termsOnRegister(dateNotified: IsoDate, onDate: IsoDate, terms: readonly WholeTerm[]): WholeTerm[] | null {
  if (terms.length === 0) return null;
  const first = terms[0]!;
  const last = terms[terms.length - 1]!;
  if (dateNotified < first.starts || onDate > addYearEnd(last.ends)) return null;
  const current = [...terms].reverse().find((t) => t.starts <= onDate);
  if (!current) return [];
  const startIdx = terms.findIndex((t) => t.ends >= dateNotified);
  const endIdx = terms.indexOf(current);
  if (startIdx < 0 || startIdx > endIdx) return [];
  return terms.slice(startIdx, endIdx + 1);
}

// The summer holiday after the calendar's last term still belongs to that term for this purpose.
function addYearEnd(ends: IsoDate): IsoDate {
  const y = Number(ends.slice(0, 4));
  return `${y}-08-31`;
}

/** "Autumn 2026/27 and Spring 2026/27", or "3 terms, Summer 2025/26 to Spring 2026/27". */
export function describeTerms(terms: readonly WholeTerm[], dateNotified: IsoDate): string {
  const a = terms[0]!;
  const b = terms[terms.length - 1]!;
  const span = terms.length === 2 ? `${a.label} and ${b.label}` : `${terms.length} terms, ${a.label} to ${b.label}`;
  return `On the PMOE register since ${formatUk(dateNotified)} (${span}, from the term calendar)`;
}
