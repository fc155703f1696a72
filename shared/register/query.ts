/**
 * What the officer asks the register to show: filters, search and sorting (issue 12: the server
 * filters, sorts and pages the register, so the screen and the service share these). Pure types
 * and constants; the screen's remembered view (renderer/src/pages/register/view.ts) extends them.
 */
import type { CaseStatus, ChildFlagCode, Rag, Register } from '../domain/vocab';

/** Column ids, in display order. The column definitions (columns.tsx) use exactly these. */
export const COLUMN_IDS = [
  'reference',
  'child',
  'ageYear',
  'register',
  'status',
  'rag',
  'leadOfficer',
  'school',
  'dateNotified',
  'daysOpen',
  'clocks',
  'flags',
  'upn',
  'dateOfBirth',
  'closedOn',
  'closureReason',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const isColumnId = (s: unknown): s is ColumnId => typeof s === 'string' && (COLUMN_IDS as readonly string[]).includes(s);

export type RegisterChoice = 'all' | Register;
/** 'open' = any status but closed (the default). */
export type StatusChoice = 'open' | 'all' | CaseStatus;
/** 'none' = not rated yet. */
export type RagChoice = 'all' | 'none' | Rag;
/** A lead officer by id, or nobody allocated. */
export type OfficerChoice = 'all' | 'unallocated' | number;
/** Net RAG movement since the last meeting of the case's panel (RegisterRow.ragMovement). */
export type MovementChoice = 'all' | 'worsened' | 'improved' | 'same' | 'new';

/** The "RAG since last panel" menu, in the order shown. */
export const MOVEMENT_CHOICES: readonly { code: MovementChoice; label: string }[] = [
  { code: 'all', label: 'All' },
  { code: 'worsened', label: 'Worsened' },
  { code: 'improved', label: 'Improved' },
  { code: 'same', label: 'Unchanged' },
  { code: 'new', label: 'Newly rated' },
];
export const isMovementChoice = (x: unknown): x is MovementChoice => MOVEMENT_CHOICES.some((m) => m.code === x);

export interface RegisterFilters {
  search: string;
  register: RegisterChoice;
  status: StatusChoice;
  rag: RagChoice;
  officer: OfficerChoice;
  /** Exact school name as it appears in the rows, or null for all schools. */
  school: string | null;
  flag: 'all' | ChildFlagCode;
  /** RAG since last panel. Added after v1 views were first stored: a view without it reads as 'all'. */
  movement: MovementChoice;
  dueForPanel: boolean;
  longTerm: boolean;
  endOfCsa: boolean;
}

export interface SortEntry {
  id: ColumnId;
  desc: boolean;
}

export const DEFAULT_FILTERS: Readonly<RegisterFilters> = {
  search: '',
  register: 'all',
  status: 'open',
  rag: 'all',
  officer: 'all',
  school: null,
  flag: 'all',
  movement: 'all',
  dueForPanel: false,
  longTerm: false,
  endOfCsa: false,
};
