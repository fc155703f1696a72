import type { CaseClocks, ChildFlags } from '../../../shared/api/schemas';
import { ageOn } from '../../../shared/domain/dates';
import { compulsorySchoolAge, yearGroup, yearGroupLabel, endOfCompulsorySchoolAgeReached } from '../../../shared/domain/schoolAge';
import { daysOpen, isDueForPanel, dueForPanelOn, isLongTerm, longTermFrom } from '../../../shared/domain/clocks';
import { criteriaOfConcern } from '../../../shared/domain/concern';
import type { Register, CaseStatus } from '../../../shared/domain/vocab';
import type { WholeTerm } from '../../../shared/domain/pmoeTerms';

export interface ClockInputs {
  register: Register;
  status: CaseStatus;
  dateNotified: string;
  dateLocated: string | null;
  closedOn: string | null;
  hoursPerWeek: number | null;
  pmoeReason: string | null;
  provider: string | null;
  /** For "due for panel" (shared/domain/clocks isDueForPanel): archived, or already discussed at a panel. */
  archived?: boolean;
  takenToPanel?: boolean;
}

// Age, year group and school-age dates depend only on the date of birth and today; a large
// register has many children per birth date, so these are worked out once per date.
let memoDay = '';
const memo = new Map<string, { csa: { starts: string; ends: string }; yg: number; age: number; endReached: boolean }>();
function byBirthDate(dateOfBirth: string, today: string) {
  if (memoDay !== today) {
    memo.clear();
    memoDay = today;
  }
  let v = memo.get(dateOfBirth);
  if (!v) {
    v = {
      csa: compulsorySchoolAge(dateOfBirth),
      yg: yearGroup(dateOfBirth, today),
      age: ageOn(dateOfBirth, today),
      endReached: endOfCompulsorySchoolAgeReached(dateOfBirth, today),
    };
    memo.set(dateOfBirth, v);
  }
  return v;
}

/** Everything the register computes about a case on a given day, from the rules in shared/domain. */
/** `terms`: whole terms from the term calendar (pmoeTerms.ts), for the PMOE two-terms criterion. */
export function clocksFor(c: ClockInputs, child: { dateOfBirth: string; flags: ChildFlags }, today: string, terms: readonly WholeTerm[] | null = null): CaseClocks {
  const { csa, yg, age, endReached } = byBirthDate(child.dateOfBirth, today);
  const open = c.status !== 'closed';
  return {
    ageYears: age,
    yearGroup: yg,
    yearGroupLabel: yearGroupLabel(yg),
    csaStarts: csa.starts,
    csaEnds: csa.ends,
    daysOpen: daysOpen(c.dateNotified, c.closedOn, today),
    dueForPanel: isDueForPanel(c, today),
    dueForPanelOn: c.register === 'CME' ? dueForPanelOn(c.dateNotified) : null,
    longTerm: isLongTerm(c, today),
    longTermFrom: longTermFrom(c.dateNotified),
    endOfCsaReached: open && endReached,
    concerns: criteriaOfConcern(
      {
        register: c.register,
        status: c.status,
        dateNotified: c.dateNotified,
        hoursPerWeek: c.hoursPerWeek,
        pmoeReason: c.pmoeReason,
        provider: c.provider,
        flags: child.flags,
      },
      today,
      terms,
    ),
  };
}
