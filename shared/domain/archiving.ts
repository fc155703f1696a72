/**
 * Archiving a long-term CME case (001 §6.2, App. 4): a case open six months or more, where all
 * avenues are exhausted, is presented with the archiving form, and the Commissioning Director,
 * Education decides (DOMAIN.md Corrections). An archived case stays open but dormant. A panel
 * outcome alone does not archive. Pure: dates are arguments.
 */
import { type IsoDate, compareIso, formatUk } from './dates';
import { longTermFrom } from './clocks';
import type { CaseStatus, Register } from './vocab';

/** The decision-maker named in 001 §6.2. */
export const ARCHIVING_DECIDER = 'Commissioning Director, Education';

export interface ArchiveCase {
  reference: string;
  register: Register;
  status: CaseStatus;
  dateNotified: IsoDate;
  archived: boolean;
}

export interface ArchiveDecision {
  formCompletedOn: IsoDate | null;
  /** The named Director who decided. */
  director: string | null;
  decidedOn: IsoDate;
}

export interface ArchiveProblem {
  field: string;
  message: string;
}

/** What stops the decision being recorded; [] when it can be. */
export function archiveProblems(c: ArchiveCase, d: ArchiveDecision): ArchiveProblem[] {
  const out: ArchiveProblem[] = [];
  if (c.register !== 'CME') out.push({ field: 'id', message: `${c.reference} is on the PMOE register: only long-term CME cases are archived.` });
  if (c.status === 'closed') out.push({ field: 'id', message: `${c.reference} is closed: only open cases are archived (they stay open, dormant).` });
  if (c.archived) out.push({ field: 'id', message: `${c.reference} is already archived.` });
  const from = longTermFrom(c.dateNotified);
  if (compareIso(d.decidedOn, from) < 0) {
    out.push({ field: 'decidedOn', message: `The case is open six months on ${formatUk(from)}: it can't be archived before then.` });
  }
  if (!d.formCompletedOn) {
    out.push({ field: 'formCompletedOn', message: 'Date the archiving form was completed is required: complete the form (every database, date last checked and outcome) first.' });
  } else if (compareIso(d.formCompletedOn, d.decidedOn) > 0) {
    out.push({ field: 'formCompletedOn', message: `The archiving form (completed ${formatUk(d.formCompletedOn)}) must be completed before the Director’s decision (${formatUk(d.decidedOn)}).` });
  }
  if (!d.director || !d.director.trim()) {
    out.push({ field: 'director', message: `Director is required: name the ${ARCHIVING_DECIDER} who decided to archive.` });
  }
  return out;
}
