import type { Db } from '../../../db/open';
import type { PickedCase } from '../../../shared/api/register';
import { REGISTERS } from '../../../shared/domain/vocab';
import type { Row } from '../rows';

/**
 * The case pickers of the tracking screens (issue 12): they used to load every register row (29 MB
 * at 50,000 cases) to turn a typed reference into a case. Now each keystroke asks for the few cases
 * that match, found by index: the reference (exact, or how it starts), the UPN, or the start of a
 * forename or surname (migration 013), every other word then looked for in the child's names,
 * known-as and former names.
 */

const SELECT = `SELECT c.id, c.reference, c.register, c.status, ch.forenames, ch.surname, ch.date_of_birth, o.name AS lead
  FROM cases c JOIN children ch ON ch.id = c.child_id LEFT JOIN officers o ON o.id = c.lead_officer_id`;
/** Open cases before closed ones, then the newest. */
const ORDER = `ORDER BY (c.status = 'closed'), c.date_notified DESC, c.id DESC`;

/** Exported for the EXPLAIN QUERY PLAN test: each starts from an index, never a scan. */
export const PICK_SQL = {
  exactReference: `${SELECT} WHERE c.register = :register AND c.ref_year = :year AND c.ref_seq = :seq`,
  referencePrefix: `${SELECT} WHERE c.reference >= :lo AND c.reference < :hi ${ORDER} LIMIT :limit`,
  upn: `${SELECT} WHERE ch.upn = :upn ${ORDER} LIMIT :limit`,
  /** :lo/:hi bound the first word as the start of a surname or forename; :rest is LIKE patterns for the others. */
  name: (otherWords: number) => `${SELECT} WHERE ch.id IN (
      SELECT id FROM children WHERE surname COLLATE NOCASE >= :lo AND surname COLLATE NOCASE < :hi
      UNION SELECT id FROM children WHERE forenames COLLATE NOCASE >= :lo AND forenames COLLATE NOCASE < :hi)
    ${Array.from({ length: otherWords }, (_, i) => `AND ch.search_key LIKE :w${i}`).join(' ')} ${ORDER} LIMIT :limit`,
} as const;

const REGISTER_CODES = REGISTERS.map((r) => r.code as string);
/** "CME-2026-0042", "cme 2026 42", "PMOE20260007": a whole reference. */
const WHOLE_REFERENCE = /^([A-Z]+)[\s\-–]*(\d{4})[\s\-–]*(\d{1,6})$/;
const UPN = /^[A-Z]\d{11}[A-Z0-9]$/;
/** The smallest string after every string starting with `s` (for an index range). */
const after = (s: string) => `${s}\uffff`;

const toPicked = (r: Row): PickedCase => ({
  caseId: Number(r.id),
  reference: String(r.reference),
  register: r.register as PickedCase['register'],
  status: r.status as PickedCase['status'],
  forenames: String(r.forenames),
  surname: String(r.surname),
  dateOfBirth: String(r.date_of_birth),
  leadOfficerName: r.lead === null ? null : String(r.lead),
});

/** Cases matching what was typed, at most `limit`, and whether more match. */
export function pickCases(db: Db, search: string, limit: number): { cases: PickedCase[]; more: boolean } {
  const typed = search.trim();
  if (typed === '') return { cases: [], more: false };
  const upper = typed.toUpperCase();
  const found = new Map<number, PickedCase>();
  let more = false;
  const take = (rows: Row[]) => {
    for (const r of rows) {
      if (found.has(Number(r.id))) continue;
      if (found.size >= limit) {
        more = true;
        return;
      }
      found.set(Number(r.id), toPicked(r));
    }
  };
  const whole = WHOLE_REFERENCE.exec(upper);
  if (whole && REGISTER_CODES.includes(whole[1]!)) {
    take(db.prepare(PICK_SQL.exactReference).all({ register: whole[1], year: Number(whole[2]), seq: Number(whole[3]) }) as Row[]);
  }
  if (/^[A-Z]+[\s\-–]*\d/.test(upper) || REGISTER_CODES.some((c) => c.startsWith(upper))) {
    const prefix = upper.replace(/[\s–]+/g, '-');
    take(db.prepare(PICK_SQL.referencePrefix).all({ lo: prefix, hi: after(prefix), limit: limit + 1 }) as Row[]);
  }
  if (UPN.test(upper)) take(db.prepare(PICK_SQL.upn).all({ upn: upper, limit: limit + 1 }) as Row[]);
  const words = typed.toLowerCase().split(/[\s,]+/).filter((w) => /^[\p{L}'’-]+$/u.test(w));
  if (words.length > 0 && found.size <= limit) {
    const [first, ...others] = words as [string, ...string[]];
    const params: Record<string, string | number> = { lo: first, hi: after(first), limit: limit + 1 };
    others.forEach((w, i) => (params[`w${i}`] = `%${w}%`));
    take(db.prepare(PICK_SQL.name(others.length)).all(params) as Row[]);
  }
  return { cases: [...found.values()], more };
}
