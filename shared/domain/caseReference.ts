/** Human case references: `CME-2026-0042`, `PMOE-2026-0007`. */
import type { Register } from './vocab';

export interface CaseReference {
  register: Register;
  year: number;
  seq: number;
}

/** `CME-2026-0042`: register, 4-digit year, sequence zero-padded to 4 digits (more if needed). */
export function formatCaseReference(register: Register, year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad case reference year: ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Bad case reference sequence: ${seq}`);
  return `${register}-${year}-${String(seq).padStart(4, '0')}`;
}

const REF_RE = /^(CME|PMOE)-(\d{4})-(\d{4,})$/;

/** Parses a case reference (surrounding spaces and lower case tolerated); null if it is not one. */
export function parseCaseReference(s: string): CaseReference | null {
  const m = REF_RE.exec(s.trim().toUpperCase());
  if (!m) return null;
  const register = m[1] === 'PMOE' ? 'PMOE' : 'CME';
  const year = Number(m[2]);
  const seq = Number(m[3]);
  if (year < 1000 || !Number.isSafeInteger(seq) || seq < 1) return null;
  return { register, year, seq };
}

/**
 * The one way a typed reference is matched to a case: spaces and case ignored, and the sequence
 * read as a number (`cme-2026-42` is `CME-2026-0042`). Text that is not a reference comes back
 * trimmed and upper-cased, so a message can quote it.
 */
export function normaliseCaseReference(s: string): string {
  const typed = s.trim().toUpperCase();
  const m = TYPED_RE.exec(typed);
  const seq = m ? Number(m[3]) : 0;
  return m && Number(m[2]) >= 1000 && Number.isSafeInteger(seq) && seq >= 1 ? formatCaseReference(m[1] === 'PMOE' ? 'PMOE' : 'CME', Number(m[2]), seq) : typed;
}

/** As typed by a person: the sequence may lack its leading zeros. */
const TYPED_RE = /^(CME|PMOE)-(\d{4})-(\d+)$/;

/** True when two typed references name the same case. */
export function sameCaseReference(a: string, b: string): boolean {
  return normaliseCaseReference(a) === normaliseCaseReference(b);
}
