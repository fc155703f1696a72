/**
 * The escalation log's view: one row per chain (the latest step, with every step in `chain`).
 * Labels, filters, menu options and sort keys. Pure: responseOverdue, canEscalate and the next
 * level arrive computed by the service.
 */
import type { EscalationLogRow } from '../../../../shared/api/trackingSchemas';
import { ESCALATION_REASONS, ESCALATION_STATUSES, type Ladder } from '../../../../shared/domain/escalation';
import { labelOf } from '../../../../shared/domain/vocab';
import { formatUk } from '../../../../shared/domain/dates';
import { caseReferenceKey } from './actions';

export type EscalationStatus = EscalationLogRow['status'];
export type EscalationStepRow = EscalationLogRow['chain'][number];

export const escalationStatusLabel = (s: EscalationStatus): string => labelOf(ESCALATION_STATUSES, s);
export const escalationReasonLabel = (code: string): string => labelOf(ESCALATION_REASONS, code);

/** 'open' (the default) = open or responded: still waiting on someone. */
export type EscalationStatusChoice = 'open' | 'all' | EscalationStatus;
export const ESCALATION_STATUS_CHOICES: readonly { code: EscalationStatusChoice; label: string }[] = [
  { code: 'open', label: 'Open' },
  { code: 'responded', label: 'Responded' },
  { code: 'resolved', label: 'Resolved' },
  { code: 'all', label: 'All' },
];

export interface EscalationFilters {
  status: EscalationStatusChoice;
  level: 'all' | number;
  reason: 'all' | string;
  /** Raised (or taken further) by this person, by name as recorded. */
  officer: 'all' | string;
  overdueOnly: boolean;
}

export const DEFAULT_ESCALATION_FILTERS: Readonly<EscalationFilters> = { status: 'open', level: 'all', reason: 'all', officer: 'all', overdueOnly: false };

export const isLive = (s: EscalationStatus): boolean => s === 'open' || s === 'responded';

export function escalationMatches(e: EscalationLogRow, f: EscalationFilters): boolean {
  if (f.status === 'open' ? !isLive(e.status) : f.status !== 'all' && e.status !== f.status) return false;
  if (f.level !== 'all' && e.level !== f.level) return false;
  if (f.reason !== 'all' && e.reason !== f.reason) return false;
  if (f.officer !== 'all' && !e.chain.some((s) => s.raisedBy === f.officer)) return false;
  if (f.overdueOnly && !e.responseOverdue) return false;
  return true;
}

export function filterEscalations(rows: readonly EscalationLogRow[], f: EscalationFilters): EscalationLogRow[] {
  return rows.filter((e) => escalationMatches(e, f));
}

export function escalationFiltersDiffer(f: EscalationFilters): boolean {
  return (Object.keys(DEFAULT_ESCALATION_FILTERS) as (keyof EscalationFilters)[]).some((k) => f[k] !== DEFAULT_ESCALATION_FILTERS[k]);
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export interface EscalationMenus {
  /** Levels in use, with the title recorded for each (from the ladder where it has one). */
  levels: { level: number; label: string }[];
  /** Reasons in use, in the vocabulary's order. */
  reasons: { code: string; label: string }[];
  /** Everyone who raised or took a step further, by name. */
  officers: string[];
}

export function escalationMenus(rows: readonly EscalationLogRow[], ladder: Ladder | null = null): EscalationMenus {
  const levels = new Map<number, string>();
  const reasons = new Set<string>();
  const officers = new Set<string>();
  for (const e of rows) {
    reasons.add(e.reason);
    for (const s of e.chain) {
      if (!levels.has(s.level)) levels.set(s.level, s.levelTitle);
      officers.add(s.raisedBy);
    }
  }
  for (const l of ladder?.levels ?? []) levels.set(l.level, l.title);
  return {
    levels: [...levels].sort((a, b) => a[0] - b[0]).map(([level, title]) => ({ level, label: title ? `${level} — ${title}` : String(level) })),
    reasons: [
      ...ESCALATION_REASONS.filter((r) => reasons.has(r.code)).map((r) => ({ code: r.code as string, label: r.label })),
      ...[...reasons].filter((c) => !ESCALATION_REASONS.some((r) => r.code === c)).map((c) => ({ code: c, label: c })),
    ],
    officers: [...officers].sort(collator.compare),
  };
}

/** Resets a remembered level, reason or officer that no longer appears. Returns `f` when unchanged. */
export function reconcileEscalationFilters(f: EscalationFilters, m: EscalationMenus): EscalationFilters {
  const levelGone = f.level !== 'all' && !m.levels.some((l) => l.level === f.level);
  const reasonGone = f.reason !== 'all' && !m.reasons.some((r) => r.code === f.reason);
  const officerGone = f.officer !== 'all' && !m.officers.includes(f.officer);
  if (!levelGone && !reasonGone && !officerGone) return f;
  return { ...f, ...(levelGone ? { level: 'all' } : {}), ...(reasonGone ? { reason: 'all' } : {}), ...(officerGone ? { officer: 'all' } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Cells

/** The latest step's "escalated to", or the level title when nobody is named. */
export function escalatedToLabel(e: Pick<EscalationLogRow, 'chain' | 'levelTitle'>): string {
  const last = e.chain[e.chain.length - 1];
  return last?.escalatedTo ?? e.levelTitle;
}

export const ageLabel = (days: number): string => (days === 1 ? '1 day' : `${days.toLocaleString('en-GB')} days`);

/** The lines of one step on the timeline, in reading order; empty parts are left out. */
export function stepLines(s: EscalationStepRow): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  out.push({ label: 'To', text: s.escalatedTo ?? s.levelTitle });
  if (s.asked) out.push({ label: 'Asked', text: s.asked });
  out.push({ label: 'Raised', text: `${formatUk(s.raisedOn)} by ${s.raisedBy}` });
  if (s.responseDue) out.push({ label: 'Response due', text: formatUk(s.responseDue) });
  if (s.peopleInformed) out.push({ label: 'People informed', text: s.peopleInformed });
  if (s.response) out.push({ label: 'Response', text: `${s.respondedOn ? `${formatUk(s.respondedOn)}: ` : ''}${s.response}` });
  if (s.outcome) out.push({ label: 'Outcome', text: `${s.resolvedOn ? `${formatUk(s.resolvedOn)}: ` : ''}${s.outcome}` });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sorting

export type EscalationSortKey = string | number | undefined;

const STATUS_RANK: Readonly<Record<EscalationStatus, number>> = { open: 0, responded: 1, escalated: 2, resolved: 3 };

export const ESCALATION_SORT_KEYS = {
  case: (e: EscalationLogRow) => caseReferenceKey(e.caseReference),
  reason: (e: EscalationLogRow) => escalationReasonLabel(e.reason).toLocaleLowerCase('en-GB'),
  level: (e: EscalationLogRow) => e.level,
  status: (e: EscalationLogRow) => STATUS_RANK[e.status],
  raised: (e: EscalationLogRow) => e.firstRaisedOn,
  age: (e: EscalationLogRow) => e.ageDays,
  due: (e: EscalationLogRow) => (isLive(e.status) ? (e.responseDue ?? undefined) : undefined),
  to: (e: EscalationLogRow) => escalatedToLabel(e).toLocaleLowerCase('en-GB'),
} as const satisfies Record<string, (e: EscalationLogRow) => EscalationSortKey>;
export type EscalationColumnId = keyof typeof ESCALATION_SORT_KEYS;

// ---------------------------------------------------------------------------------------------
// Forms

/** Level choices for a new escalation: the active ladder's rungs. */
export function ladderLevelOptions(ladder: Ladder | null): { code: string; label: string }[] {
  return (ladder?.levels ?? []).map((l) => ({ code: String(l.level), label: `${l.level} — ${l.title}${l.person ? ` (${l.person})` : ''}` }));
}

/** The named person at a level of the ladder, or '' (used to prefill "Escalated to"). */
export function personAt(ladder: Ladder | null, level: number): string {
  return ladder?.levels.find((l) => l.level === level)?.person ?? '';
}

export const MASH_NOTIFICATION_LABEL = 'Notification of concern for MASH and management';
/** 000 §5: who is told, and what the e-mails are titled. */
export const MASH_NOTIFICATION_HINT =
  "Inform the MASH education officer and a member of children's services senior management (or the most senior manager available in the Inclusion team), and title the e-mails “CME notification of concern for MASH and management”. Record who was told.";
