/**
 * PMOE children need not be on a school roll (000 §11: "Many of these children are not on a school
 * roll"; 002: children awaiting a placement or an EHCP placement). The school is asked for unless
 * the reason says the pupil is waiting for a place. Pure.
 */
import type { PmoeReason } from './vocab';

/** PMOE reasons under which a pupil may have no school roll. */
export const NOT_ON_ROLL_REASONS: readonly PmoeReason[] = ['awaiting_placement', 'awaiting_ehcp_placement'];

export function schoolOnRollRequired(pmoeReason: string | null | undefined): boolean {
  return !NOT_ON_ROLL_REASONS.includes(pmoeReason as PmoeReason);
}

/** The problem with a PMOE case's school on roll, or null. */
export function pmoeSchoolProblem(pmoeSchool: string | null | undefined, pmoeReason: string | null | undefined): string | null {
  if (pmoeSchool && pmoeSchool.trim()) return null;
  if (!schoolOnRollRequired(pmoeReason)) return null;
  return 'School on roll is required for a PMOE case: enter the school the pupil is on roll at, or choose “Awaiting a school placement” or “Awaiting EHCP placement” if the pupil is not on a roll.';
}
