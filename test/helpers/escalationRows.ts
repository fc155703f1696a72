import type { EscalationLogRow } from '../../shared/api/trackingSchemas';
import type { EscalationStepRow } from '../../renderer/src/pages/tracking/escalations';

let nextId = 1;

/** One step of an escalation chain, as the log sends it; override what a test is about. */
export function step(p: Partial<EscalationStepRow> = {}): EscalationStepRow {
  return {
    id: nextId++, level: 1, levelTitle: 'Inclusion Officer', escalatedTo: null, asked: null, raisedBy: 'Priya Shah', raisedOn: '2026-02-01',
    responseDue: null, response: null, respondedOn: null, outcome: null, status: 'open', resolvedOn: null, peopleInformed: null, meetingId: null, ...p,
  };
}

/** A log row for a chain of steps: its latest step's level and status, its first step's date. */
export function chain(steps: EscalationStepRow[], p: Partial<EscalationLogRow> = {}): EscalationLogRow {
  const last = steps[steps.length - 1]!;
  return {
    id: last.id, caseId: 1, caseReference: 'CME-2026-0001', caseName: 'Alex Brown', register: 'CME', reason: 'no_progress', status: last.status,
    level: last.level, levelTitle: last.levelTitle, raisedOn: last.raisedOn, firstRaisedOn: steps[0]!.raisedOn, ageDays: 10, responseDue: last.responseDue,
    responseOverdue: false, canEscalate: true, nextLevelTitle: 'Relevant Head of Service', chain: steps, ...p,
  };
}
