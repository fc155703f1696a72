/**
 * Caseload: officers grouped by team, with their open cases (CME and PMOE, by RAG) and actions,
 * and the choices for moving a leaver's cases to someone else. Pure.
 */
import type { Caseload, RagCounts } from '../../../../shared/api/trackingSchemas';
import { TEAMS, type Team } from '../../../../shared/domain/vocab';

export type CaseloadOfficer = Caseload['officers'][number];
export type Leaver = Caseload['needsReallocation'][number];

export interface TeamGroup {
  team: Team;
  label: string;
  officers: CaseloadOfficer[];
  totals: { cme: RagCounts; pmoe: RagCounts; openActions: number; overdueActions: number };
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export const emptyCounts = (): RagCounts => ({ red: 0, amber: 0, green: 0, none: 0, total: 0 });

export function addCounts(a: RagCounts, b: RagCounts): RagCounts {
  return { red: a.red + b.red, amber: a.amber + b.amber, green: a.green + b.green, none: a.none + b.none, total: a.total + b.total };
}

/** The CME team first (it holds the register), then the other teams in the vocabulary's order. */
export const TEAM_ORDER: readonly { code: Team; label: string }[] = [...TEAMS.filter((t) => t.code === 'cme'), ...TEAMS.filter((t) => t.code !== 'cme')];

/**
 * One group per team that has officers, in TEAM_ORDER; within a team, officers still in post
 * first, then those who have left, each by name.
 */
export function groupByTeam(officers: readonly CaseloadOfficer[]): TeamGroup[] {
  const out: TeamGroup[] = [];
  for (const t of TEAM_ORDER) {
    const mine = officers
      .filter((o) => o.team === t.code)
      .sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name) || a.officerId - b.officerId);
    if (mine.length === 0) continue;
    out.push({
      team: t.code,
      label: t.label,
      officers: mine,
      totals: mine.reduce(
        (s, o) => ({ cme: addCounts(s.cme, o.cme), pmoe: addCounts(s.pmoe, o.pmoe), openActions: s.openActions + o.openActions, overdueActions: s.overdueActions + o.overdueActions }),
        { cme: emptyCounts(), pmoe: emptyCounts(), openActions: 0, overdueActions: 0 },
      ),
    });
  }
  return out;
}

/** "3 red, 1 amber, 0 green, 2 not rated" — the words behind the coloured mini counts. */
export function ragCountsText(c: RagCounts): string {
  return `${c.red} red, ${c.amber} amber, ${c.green} green, ${c.none} not rated`;
}

/** Officers who can take cases: still in post, by name. */
export function activeOfficers<O extends { active: boolean; name: string }>(officers: readonly O[]): O[] {
  return officers.filter((o) => o.active).sort((a, b) => collator.compare(a.name, b.name));
}

export const DEFAULT_REALLOCATION_REASON = 'Officer has left';

/** The case ids of one leaver that are ticked, in the leaver's order. */
export function chosenCases(leaver: Leaver, selected: ReadonlySet<number>): number[] {
  return leaver.cases.filter((c) => selected.has(c.caseId)).map((c) => c.caseId);
}

/** Ticks every case of a leaver, or clears them all when all were ticked. */
export function toggleLeaverCases(leaver: Leaver, selected: ReadonlySet<number>): Set<number> {
  const next = new Set(selected);
  const all = leaver.cases.length > 0 && leaver.cases.every((c) => selected.has(c.caseId));
  for (const c of leaver.cases) {
    if (all) next.delete(c.caseId);
    else next.add(c.caseId);
  }
  return next;
}

/** What is missing before "Reallocate selected" can run, or null when it can. */
export function reallocationProblem(cases: readonly number[], toOfficerId: number | null, reason: string): string | null {
  if (cases.length === 0) return 'Tick the cases to move.';
  if (toOfficerId === null) return 'Choose who to reallocate them to.';
  if (reason.trim() === '') return 'Give a reason for the reallocation.';
  return null;
}
