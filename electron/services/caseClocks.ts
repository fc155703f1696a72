import type { CaseClocks, ChildFlags } from '../../shared/api/schemas';
import { ageOn } from '../../shared/domain/dates';
import { compulsorySchoolAge, yearGroup, yearGroupLabel, endOfCompulsorySchoolAgeReached } from '../../shared/domain/schoolAge';
import { daysOpen, isDueForPanel, dueForPanelOn, isLongTerm, longTermFrom } from '../../shared/domain/clocks';
import { criteriaOfConcern } from '../../shared/domain/concern';
import type { Register, CaseStatus } from '../../shared/domain/vocab';

export interface ClockInputs {
  register: Register;
  status: CaseStatus;
  dateNotified: string;
  dateLocated: string | null;
  closedOn: string | null;
  hoursPerWeek: number | null;
  pmoeReason: string | null;
  provider: string | null;
}

/** Everything the register computes about a case on a given day, from the rules in shared/domain. */
export function clocksFor(c: ClockInputs, child: { dateOfBirth: string; flags: ChildFlags }, today: string): CaseClocks {
  const csa = compulsorySchoolAge(child.dateOfBirth);
  const yg = yearGroup(child.dateOfBirth, today);
  const open = c.status !== 'closed';
  return {
    ageYears: ageOn(child.dateOfBirth, today),
    yearGroup: yg,
    yearGroupLabel: yearGroupLabel(yg),
    csaStarts: csa.starts,
    csaEnds: csa.ends,
    daysOpen: daysOpen(c.dateNotified, c.closedOn, today),
    dueForPanel: isDueForPanel(c, today),
    dueForPanelOn: c.register === 'CME' ? dueForPanelOn(c.dateNotified) : null,
    longTerm: isLongTerm(c, today),
    longTermFrom: longTermFrom(c.dateNotified),
    endOfCsaReached: open && endOfCompulsorySchoolAgeReached(child.dateOfBirth, today),
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
    ),
  };
}
