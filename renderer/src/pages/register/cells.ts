/**
 * The register's cells as plain text, worded as the screen shows them: the CSV export writes these,
 * and the table (columns.tsx) renders the same words, so a file and the screen never disagree.
 * Pure: no React.
 */
import type { RegisterRow } from '../../../../shared/api/schemas';
import { CASE_STATUSES, CHILD_FLAGS, CLOSURE_REASONS, RAG_LABELS, labelOf } from '../../../../shared/domain/vocab';
import { yearGroupLabel } from '../../../../shared/domain/schoolAge';
import { formatUk } from '../../../../shared/domain/dates';
import type { ColumnId } from './view';

/** Safeguarding first (as FlagList), so the flags that matter most come first in a short list. */
const URGENT_FLAGS = new Set<string>(['childProtectionPlan', 'missingFromHomeOrCare', 'atRiskOfExploitation', 'lookedAfter']);

/** The row's flag codes in display order: urgent ones first, then the vocabulary's order. */
export function orderedFlags(flags: readonly string[]): string[] {
  return CHILD_FLAGS.filter((f) => flags.includes(f.code))
    .sort((a, b) => Number(URGENT_FLAGS.has(b.code)) - Number(URGENT_FLAGS.has(a.code)))
    .map((f) => f.code as string);
}

export const flagLabels = (codes: readonly string[]): string[] => codes.map((c) => labelOf(CHILD_FLAGS, c));

/** The clocks that have run out, as words ("Due for panel", "Long-term", …). */
export function clockLabels(r: RegisterRow): string[] {
  const out: string[] = [];
  if (r.dueForPanel) out.push('Due for panel');
  if (r.longTerm) out.push('Long-term');
  if (r.endOfCsaReached) out.push('End of CSA');
  if (r.register === 'PMOE' && r.concerns > 0) out.push(r.concerns === 1 ? '1 criterion of concern' : `${r.concerns} criteria of concern`);
  return out;
}

export const ageYearText = (r: RegisterRow): string => `${r.ageYears} · ${yearGroupLabel(r.yearGroup)}`;
export const statusText = (r: RegisterRow): string => labelOf(CASE_STATUSES, r.status);
export const ragText = (r: RegisterRow): string => (r.rag ? RAG_LABELS[r.rag] : 'Not rated');
export const closureReasonText = (r: RegisterRow): string => (r.closureReason ? labelOf(CLOSURE_REASONS, r.closureReason) : '');

/**
 * Every column as text. Days open stays a number (a spreadsheet can sum it); what the screen shows
 * as a dash ("no school recorded", "no UPN", still open) is an empty cell.
 */
export const CELL_TEXT: Readonly<Record<ColumnId, (r: RegisterRow) => string | number>> = {
  reference: (r) => r.reference,
  child: (r) => `${r.surname}, ${r.forenames}${r.knownAs ? ` (known as ${r.knownAs})` : ''}`,
  ageYear: ageYearText,
  register: (r) => r.register,
  status: statusText,
  rag: ragText,
  leadOfficer: (r) => r.leadOfficerName ?? 'Unallocated',
  school: (r) => r.school ?? '',
  dateNotified: (r) => formatUk(r.dateNotified),
  daysOpen: (r) => r.daysOpen,
  clocks: (r) => clockLabels(r).join('; '),
  flags: (r) => flagLabels(orderedFlags(r.flags)).join('; '),
  upn: (r) => r.upn ?? '',
  dateOfBirth: (r) => formatUk(r.dateOfBirth),
  closedOn: (r) => formatUk(r.closedOn),
  closureReason: closureReasonText,
};
