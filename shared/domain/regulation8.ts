/**
 * The grounds for deleting a pupil of compulsory school age from the admission register:
 * regulation 8(1) of the Education (Pupil Registration) (England) Regulations 2006 (as amended
 * 2016), as seed 000 §4 lists them and links them (legislation.gov.uk/uksi/2006/1751/regulation/8).
 * The school names the ground on every deletion notice (000 §4 field (e)). Pure.
 */
import type { Read } from './returnValues';

export interface Reg8GroundEntry {
  code: Reg8Ground;
  /** Short label for lists. */
  label: string;
  /**
   * The school and the LA have failed, after joint reasonable enquiries, to find where the pupil is
   * (8(1)(f)(iii) and (h)(iii), 000 §4): the child's whereabouts are unknown, so a CME case.
   */
  whereaboutsUnknown: boolean;
}

export const REG8_GROUNDS = [
  { code: 'a', label: 'School attendance order substituted or revoked', whereaboutsUnknown: false },
  { code: 'b', label: 'Registered at another school', whereaboutsUnknown: false },
  { code: 'c', label: 'Dual registered: ceased to attend, other school consents', whereaboutsUnknown: false },
  { code: 'd', label: 'Parent has notified education otherwise than at school (EHE)', whereaboutsUnknown: false },
  { code: 'e', label: 'Ceased to attend and no longer lives within reasonable distance', whereaboutsUnknown: false },
  { code: 'f', label: 'Not returned within 10 school days after leave of absence; not located', whereaboutsUnknown: true },
  { code: 'g', label: 'Medically unfit to attend before end of compulsory school age', whereaboutsUnknown: false },
  { code: 'h', label: 'Continuously absent 20 school days or more; not located', whereaboutsUnknown: true },
  { code: 'i', label: 'Detained by court order for four months or more', whereaboutsUnknown: false },
  { code: 'j', label: 'Died', whereaboutsUnknown: false },
  { code: 'k', label: 'Will cease to be of compulsory school age before the school next meets', whereaboutsUnknown: false },
  { code: 'l', label: 'Ceased to be a pupil (independent school)', whereaboutsUnknown: false },
  { code: 'm', label: 'Permanently excluded', whereaboutsUnknown: false },
  { code: 'n', label: 'Nursery pupil not transferred to reception', whereaboutsUnknown: false },
] as const satisfies readonly { code: string; label: string; whereaboutsUnknown: boolean }[];
export type Reg8Ground = (typeof REG8_GROUNDS)[number]['code'];

export const reg8Entry = (code: string): Reg8GroundEntry | undefined => REG8_GROUNDS.find((g) => g.code === code) as Reg8GroundEntry | undefined;

/** "8(1)(h): Continuously absent 20 school days or more; not located". */
export function reg8Label(code: string): string {
  const g = reg8Entry(code);
  return g ? `8(1)(${g.code}): ${g.label}` : code;
}

/**
 * A ground as schools write it: "h", "(h)", "8(1)(h)", "8.1.h", "Reg 8(1)(h)", "8(1)(h)(iii)", or
 * the ground's label.
 */
export function readGround(raw: string): Read<Reg8Ground> {
  const s = raw.trim().toLowerCase();
  const m = /^(?:reg(?:ulation)?\.?\s*)?(?:8\s*[(.]?\s*1\s*[).]?\s*)?[(.]?\s*([a-n])\s*\)?(?:\s*\(?(?:i{1,3}|iv)\)?)?$/.exec(s);
  if (m) return { ok: true, value: m[1] as Reg8Ground };
  const byLabel = REG8_GROUNDS.find((g) => g.label.toLowerCase() === s);
  if (byLabel) return { ok: true, value: byLabel.code };
  return { ok: false, problem: `(e) Regulation 8 ground “${raw.trim()}” is not a ground: give its letter, 8(1)(a) to 8(1)(n)` };
}
