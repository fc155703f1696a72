/**
 * The action tracker's view: labels, filters, options for the filter menus, sort keys and the
 * selection used by the bulk buttons. Pure functions over TrackerAction (overdue, due this week
 * and carried-too-often arrive computed by the service; nothing here decides them).
 */
import type { TrackerAction } from '../../../../shared/api/trackingSchemas';
import { TEAMS, labelOf, type Team } from '../../../../shared/domain/vocab';
import { formatUk } from '../../../../shared/domain/dates';

export type ActionStatus = TrackerAction['status'];

/** How each status reads on screen ("dropped" is an action the panel decided is no longer needed). */
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  open: 'Open',
  done: 'Done',
  carried_forward: 'Carried forward',
  dropped: 'No longer needed',
};

export const actionStatusLabel = (a: Pick<TrackerAction, 'status'>): string => ACTION_STATUS_LABELS[a.status];

/** Still to do: open or carried forward. */
export const isOpen = (a: Pick<TrackerAction, 'status'>): boolean => a.status === 'open' || a.status === 'carried_forward';

/** 'open' (the default) = open or carried forward. */
export type ActionStatusChoice = 'open' | 'all' | ActionStatus;
export const ACTION_STATUS_CHOICES: readonly { code: ActionStatusChoice; label: string }[] = [
  { code: 'open', label: 'Open' },
  { code: 'carried_forward', label: 'Carried forward only' },
  { code: 'done', label: 'Done' },
  { code: 'dropped', label: 'No longer needed' },
  { code: 'all', label: 'All' },
];

/** An owner by officer id, or actions with no owner. */
export type OwnerChoice = 'all' | 'none' | number;
/** A panel by name, or actions raised between meetings. */
export type PanelChoice = 'all' | 'between' | string;

export interface ActionFilters {
  owner: OwnerChoice;
  team: 'all' | Team;
  panel: PanelChoice;
  status: ActionStatusChoice;
  dueThisWeek: boolean;
  overdueOnly: boolean;
}

export const DEFAULT_ACTION_FILTERS: Readonly<ActionFilters> = {
  owner: 'all',
  team: 'all',
  panel: 'all',
  status: 'open',
  dueThisWeek: false,
  overdueOnly: false,
};

export function matchesStatus(a: Pick<TrackerAction, 'status'>, s: ActionStatusChoice): boolean {
  if (s === 'all') return true;
  if (s === 'open') return isOpen(a);
  return a.status === s;
}

export function actionMatches(a: TrackerAction, f: ActionFilters): boolean {
  if (f.owner === 'none' ? a.ownerId !== null : f.owner !== 'all' && a.ownerId !== f.owner) return false;
  if (f.team !== 'all' && a.ownerTeam !== f.team) return false;
  if (f.panel === 'between' ? a.panelName !== null : f.panel !== 'all' && a.panelName !== f.panel) return false;
  if (!matchesStatus(a, f.status)) return false;
  // Overdue and due this week are both "still to do"; ticking both shows either.
  if (f.dueThisWeek && f.overdueOnly) return a.dueThisWeek || a.overdue;
  if (f.dueThisWeek && !a.dueThisWeek) return false;
  if (f.overdueOnly && !a.overdue) return false;
  return true;
}

export function filterActions(actions: readonly TrackerAction[], f: ActionFilters): TrackerAction[] {
  return actions.filter((a) => actionMatches(a, f));
}

export function actionFiltersDiffer(f: ActionFilters): boolean {
  return (Object.keys(DEFAULT_ACTION_FILTERS) as (keyof ActionFilters)[]).some((k) => f[k] !== DEFAULT_ACTION_FILTERS[k]);
}

// ---------------------------------------------------------------------------------------------
// Menus

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export interface ActionMenus {
  /** Officers who own at least one action, by name. */
  owners: { id: number; name: string }[];
  /** Whether any action has no owner. */
  unowned: boolean;
  /** Teams of those owners, in the vocabulary's order. */
  teams: { code: Team; label: string }[];
  /** Panels that raised at least one action, by name. */
  panels: string[];
  /** Whether any action was raised between meetings. */
  between: boolean;
}

export function actionMenus(actions: readonly TrackerAction[]): ActionMenus {
  const owners = new Map<number, string>();
  const teams = new Set<string>();
  const panels = new Set<string>();
  let unowned = false;
  let between = false;
  for (const a of actions) {
    if (a.ownerId === null) unowned = true;
    else if (!owners.has(a.ownerId)) owners.set(a.ownerId, a.ownerName ?? `Officer ${a.ownerId}`);
    if (a.ownerTeam) teams.add(a.ownerTeam);
    if (a.panelName === null) between = true;
    else panels.add(a.panelName);
  }
  return {
    owners: [...owners].map(([id, name]) => ({ id, name })).sort((x, y) => collator.compare(x.name, y.name) || x.id - y.id),
    unowned,
    teams: TEAMS.filter((t) => teams.has(t.code)).map((t) => ({ code: t.code, label: t.label })),
    panels: [...panels].sort(collator.compare),
    between,
  };
}

/**
 * The filters with an owner, team or panel that no longer appears reset to "All" (a remembered
 * choice must not silently hide everything). Returns `f` itself when nothing changed.
 */
export function reconcileActionFilters(f: ActionFilters, m: ActionMenus): ActionFilters {
  const ownerGone = typeof f.owner === 'number' && !m.owners.some((o) => o.id === f.owner);
  const teamGone = f.team !== 'all' && !m.teams.some((t) => t.code === f.team);
  const panelGone = f.panel !== 'all' && f.panel !== 'between' && !m.panels.includes(f.panel);
  if (!ownerGone && !teamGone && !panelGone) return f;
  return { ...f, ...(ownerGone ? { owner: 'all' } : {}), ...(teamGone ? { team: 'all' } : {}), ...(panelGone ? { panel: 'all' } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Cells

/** "CME panel, 12/02/2026" or "Between meetings, 12/02/2026". */
export function raisedAtLabel(a: Pick<TrackerAction, 'panelName' | 'raisedOn'>): string {
  const date = formatUk(a.raisedOn);
  return `${a.panelName ?? 'Between meetings'}${date ? `, ${date}` : ''}`;
}

export const teamLabel = (t: Team | null): string => (t ? labelOf(TEAMS, t) : '');

/** "Carried forward twice — consider escalating" when the service flags it, else null. */
export function carriedFlag(a: Pick<TrackerAction, 'carriedTooOften' | 'carriedCount'>): string | null {
  if (!a.carriedTooOften) return null;
  const n = a.carriedCount;
  const times = n === 2 ? 'twice' : `${n} times`;
  return `Carried forward ${times} — consider escalating`;
}

// ---------------------------------------------------------------------------------------------
// Sorting (undefined = no value, always last)

export type ActionSortKey = string | number | undefined;

const STATUS_RANK: Readonly<Record<ActionStatus, number>> = { open: 0, carried_forward: 1, done: 2, dropped: 3 };

/** Register, year, then number (CME-2026-0042 before CME-2026-10000). */
export function caseReferenceKey(ref: string | null): string | undefined {
  if (!ref) return undefined;
  const m = /^([A-Za-z]+)-(\d{4})-(\d+)$/.exec(ref.trim());
  return m ? `${m[1]!.toUpperCase()}-${m[2]}-${m[3]!.padStart(12, '0')}` : ref.toLowerCase();
}

const text = (s: string | null): string | undefined => (s === null || s.trim() === '' ? undefined : s.trim().toLocaleLowerCase('en-GB'));

export const ACTION_SORT_KEYS = {
  case: (a: TrackerAction) => caseReferenceKey(a.caseReference),
  action: (a: TrackerAction) => text(a.text),
  owner: (a: TrackerAction) => text(a.ownerName),
  team: (a: TrackerAction) => text(teamLabel(a.ownerTeam)),
  raised: (a: TrackerAction) => a.raisedOn,
  due: (a: TrackerAction) => a.dueDate,
  status: (a: TrackerAction) => STATUS_RANK[a.status],
  carried: (a: TrackerAction) => a.carriedCount,
  completed: (a: TrackerAction) => a.completedOn ?? undefined,
} as const satisfies Record<string, (a: TrackerAction) => ActionSortKey>;
export type ActionColumnId = keyof typeof ACTION_SORT_KEYS;

export function compareKeys(x: ActionSortKey, y: ActionSortKey): number {
  if (x === y) return 0;
  if (x === undefined) return 1;
  if (y === undefined) return -1;
  return x < y ? -1 : 1;
}

/** A sorted copy; ties keep the given order. Missing values last in either direction. */
export function sortActions(actions: readonly TrackerAction[], by: { id: ActionColumnId; desc: boolean } | null): TrackerAction[] {
  const out = actions.slice();
  if (!by) return out;
  const key = ACTION_SORT_KEYS[by.id];
  const dir = by.desc ? -1 : 1;
  return out
    .map((a, i) => ({ a, i, k: key(a) }))
    .sort((p, q) => {
      if (p.k === q.k) return p.i - q.i;
      if (p.k === undefined) return 1;
      if (q.k === undefined) return -1;
      return (p.k < q.k ? -1 : 1) * dir;
    })
    .map((x) => x.a);
}

// ---------------------------------------------------------------------------------------------
// Selection for the bulk buttons

/** Only actions still to do can be marked done or reassigned. */
export const isSelectable = (a: Pick<TrackerAction, 'status'>): boolean => isOpen(a);

/** The selected ids that are still shown and selectable, in the order shown. */
export function selectedShown(shown: readonly TrackerAction[], selected: ReadonlySet<number>): number[] {
  return shown.filter((a) => selected.has(a.id) && isSelectable(a)).map((a) => a.id);
}

export type SelectAllState = 'none' | 'some' | 'all';

export function selectAllState(shown: readonly TrackerAction[], selected: ReadonlySet<number>): SelectAllState {
  const selectable = shown.filter(isSelectable);
  if (selectable.length === 0) return 'none';
  const n = selectable.filter((a) => selected.has(a.id)).length;
  return n === 0 ? 'none' : n === selectable.length ? 'all' : 'some';
}

/** "Select all shown": selects every selectable shown action, or clears them all when all were selected. */
export function toggleAllShown(shown: readonly TrackerAction[], selected: ReadonlySet<number>): Set<number> {
  const next = new Set(selected);
  const selectable = shown.filter(isSelectable);
  const all = selectAllState(shown, selected) === 'all';
  for (const a of selectable) {
    if (all) next.delete(a.id);
    else next.add(a.id);
  }
  return next;
}

export function toggleOne(selected: ReadonlySet<number>, id: number, on: boolean): Set<number> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** Open actions of one owner (or everyone's when `ownerId` is null), soonest due first: the printed list. */
export function printList(actions: readonly TrackerAction[], ownerId: number | null): TrackerAction[] {
  return sortActions(
    actions.filter((a) => isOpen(a) && (ownerId === null || a.ownerId === ownerId)),
    { id: 'due', desc: false },
  );
}

// ---------------------------------------------------------------------------------------------
// New action and escalation: find the case by its reference among the cases the picker found

export interface CaseLookupRow {
  caseId: number;
  reference: string;
  status: string;
}

export type CaseLookup<R extends CaseLookupRow> =
  | { ok: true; row: R }
  | { ok: false; message: string };

/** Matches a typed reference, ignoring case, spaces and missing hyphens ("cme 2026 42" too). */
export function findCaseByReference<R extends CaseLookupRow>(rows: readonly R[], typed: string, opts: { allowClosed?: boolean } = {}): CaseLookup<R> {
  const want = normaliseReference(typed);
  if (want === '') return { ok: false, message: 'Enter the case reference, e.g. CME-2026-0042.' };
  const row = rows.find((r) => normaliseReference(r.reference) === want);
  if (!row && !/\d/.test(typed)) return { ok: false, message: 'Choose the case from the list, or type its reference, e.g. CME-2026-0042.' };
  if (!row) return { ok: false, message: `There is no case ${typed.trim().toUpperCase()} on the register. Check the reference.` };
  if (!opts.allowClosed && row.status === 'closed') return { ok: false, message: `Case ${row.reference} is closed. Reopen it first.` };
  return { ok: true, row };
}

/** Upper case, no spaces or hyphens, sequence numbers without leading zeros. */
export function normaliseReference(s: string): string {
  const compact = s.toUpperCase().replace(/[\s\-–]/g, '');
  const m = /^([A-Z]+)(\d{4})(\d+)$/.exec(compact);
  return m ? `${m[1]}${m[2]}${String(Number(m[3]))}` : compact;
}
