/**
 * The escalation log as CSV: one line per chain as listed (the latest step), identified by case
 * reference, never the child's name (as the actions CSV). Dates dd/mm/yyyy, reasons and statuses
 * as words. The file format (BOM, quoting, formula-safe cells) is lib/csv.ts.
 */
import type { EscalationLogRow } from '../../../../shared/api/trackingSchemas';
import { formatUk } from '../../../../shared/domain/dates';
import { fileNamePart, toCsv } from '../../lib/csv';
import { DEFAULT_ESCALATION_FILTERS, escalationReasonLabel, escalationStatusLabel, type EscalationFilters } from './escalations';

export const ESCALATION_CSV_HEADER = [
  'Case',
  'Register',
  'Level',
  'Escalated to',
  'Reason',
  'Raised on',
  'Raised by',
  'Response due',
  'Status',
  'Response',
  'Responded on',
  'Resolved on',
  'Days open',
] as const;

/**
 * Raised on / by: when and by whom the chain was first raised (the log's "Raised" column); the
 * level, person, response and dates after that are the latest step's, where the chain stands now.
 */
export function escalationsCsv(rows: readonly EscalationLogRow[]): string {
  return toCsv(
    ESCALATION_CSV_HEADER,
    rows.map((e) => {
      const first = e.chain[0];
      const last = e.chain[e.chain.length - 1];
      return [
        e.caseReference,
        e.register,
        e.levelTitle ? `${e.level} — ${e.levelTitle}` : e.level,
        last?.escalatedTo ?? '', // as on screen: blank when nobody is named (the level says who)
        escalationReasonLabel(e.reason),
        formatUk(e.firstRaisedOn),
        first?.raisedBy ?? '',
        formatUk(e.responseDue),
        escalationStatusLabel(e.status),
        last?.response ?? '',
        formatUk(last?.respondedOn),
        formatUk(last?.resolvedOn),
        e.ageDays,
      ];
    }),
  );
}

/**
 * e.g. "escalation-log-open-2026-11-25.csv": the status chosen, and "filtered" when level, reason,
 * officer or "overdue only" narrow it further.
 */
export function escalationsCsvFileName(f: EscalationFilters, today: string): string {
  const narrowed = f.level !== DEFAULT_ESCALATION_FILTERS.level || f.reason !== DEFAULT_ESCALATION_FILTERS.reason || f.officer !== DEFAULT_ESCALATION_FILTERS.officer || f.overdueOnly;
  return ['escalation-log', fileNamePart(f.status), ...(narrowed ? ['filtered'] : []), today].join('-') + '.csv';
}
