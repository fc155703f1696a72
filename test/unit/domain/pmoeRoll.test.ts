import { describe, it, expect } from 'vitest';
import { pmoeSchoolProblem, schoolOnRollRequired } from '../../../shared/domain/pmoeRoll';
import { PMOE_REASONS } from '../../../shared/domain/vocab';

// PMOE children need not be on a roll (000 §11; 002: awaiting a placement or an EHCP placement).
describe('school on roll for a PMOE case', () => {
  it.each<[string | null, string | null, boolean]>([
    ['Northbridge Academy', 'reduced_timetable', true],
    ['  ', 'reduced_timetable', false],
    [null, 'medical', false],
    [null, null, false],
    [null, 'awaiting_placement', true],
    [null, 'awaiting_ehcp_placement', true],
    ['Oakfield Primary', 'awaiting_ehcp_placement', true],
  ])('school %j, reason %j → accepted: %s', (school, reason, ok) => expect(pmoeSchoolProblem(school, reason) === null).toBe(ok));

  it('only the waiting-for-a-place reasons let the school be blank', () => {
    expect(PMOE_REASONS.filter((r) => !schoolOnRollRequired(r.code)).map((r) => r.code)).toEqual(['awaiting_ehcp_placement', 'awaiting_placement']);
  });

  it('says what to do', () => expect(pmoeSchoolProblem('', 'excluded')).toMatch(/or choose “Awaiting a school placement” or “Awaiting EHCP placement” if the pupil is not on a roll\.$/));
});
