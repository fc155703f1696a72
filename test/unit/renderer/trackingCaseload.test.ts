import { describe, expect, it } from 'vitest';
import type { RagCounts } from '../../../shared/api/trackingSchemas';
import {
  DEFAULT_REALLOCATION_REASON,
  activeOfficers,
  addCounts,
  chosenCases,
  emptyCounts,
  groupByTeam,
  ragCountsText,
  reallocationProblem,
  toggleLeaverCases,
  type CaseloadOfficer,
  type Leaver,
} from '../../../renderer/src/pages/tracking/caseload';

const counts = (red: number, amber: number, green: number, none: number): RagCounts => ({ red, amber, green, none, total: red + amber + green + none });
let nextId = 1;
function officer(p: Partial<CaseloadOfficer>): CaseloadOfficer {
  return { officerId: nextId++, name: 'X', jobTitle: null, team: 'inclusion', active: true, cme: emptyCounts(), pmoe: emptyCounts(), overdueActions: 0, openActions: 0, ...p };
}

const OFFICERS = [
  officer({ name: 'Zara Khan', team: 'inclusion', cme: counts(1, 0, 2, 0), openActions: 3, overdueActions: 1 }),
  officer({ name: 'Amy Left', team: 'inclusion', active: false, cme: counts(0, 1, 0, 0) }),
  officer({ name: 'Ben Cole', team: 'inclusion', pmoe: counts(0, 0, 0, 4), openActions: 1 }),
  officer({ name: 'Sue Admissions', team: 'admissions' }),
  officer({ name: 'Cal Officer', team: 'cme' }),
];

describe('caseload by team', () => {
  it('groups the CME team first, then in team order; in post first, then leavers, each by name', () => {
    const g = groupByTeam(OFFICERS);
    expect(g.map((t) => t.label)).toEqual(['CME', 'Admissions', 'Inclusion']);
    expect(g[2]!.officers.map((o) => o.name)).toEqual(['Ben Cole', 'Zara Khan', 'Amy Left']);
  });

  it('totals each team', () => {
    const inclusion = groupByTeam(OFFICERS)[2]!;
    expect(inclusion.totals).toEqual({ cme: counts(1, 1, 2, 0), pmoe: counts(0, 0, 0, 4), openActions: 4, overdueActions: 1 });
  });

  it('no officers, no groups', () => {
    expect(groupByTeam([])).toEqual([]);
  });

  it('adds counts and says them in words', () => {
    expect(addCounts(counts(1, 2, 3, 4), counts(1, 1, 1, 1))).toEqual(counts(2, 3, 4, 5));
    expect(ragCountsText(counts(3, 1, 0, 2))).toBe('3 red, 1 amber, 0 green, 2 not rated');
  });

  it('only officers in post can take cases', () => {
    expect(activeOfficers([{ name: 'B', active: true }, { name: 'A', active: false }, { name: 'a2', active: true }]).map((o) => o.name)).toEqual(['a2', 'B']);
  });
});

describe('reallocation', () => {
  const leaver: Leaver = {
    officerId: 9,
    name: 'Amy Left',
    cases: [
      { caseId: 1, reference: 'CME-2026-0001', register: 'CME', rag: 'red', childName: 'A B' },
      { caseId: 2, reference: 'CME-2026-0002', register: 'CME', rag: null, childName: 'C D' },
    ],
    actions: [],
  };

  it('ticks all of a leaver’s cases, then clears them', () => {
    const all = toggleLeaverCases(leaver, new Set([2, 77]));
    expect([...all].sort()).toEqual([1, 2, 77]);
    expect([...toggleLeaverCases(leaver, all)]).toEqual([77]);
  });

  it('moves only the ticked cases of that leaver', () => {
    expect(chosenCases(leaver, new Set([2, 77]))).toEqual([2]);
  });

  it.each<[number[], number | null, string, string | null]>([
    [[], 3, 'Officer has left', 'Tick the cases to move.'],
    [[1], null, 'Officer has left', 'Choose who to reallocate them to.'],
    [[1], 3, '   ', 'Give a reason for the reallocation.'],
    [[1, 2], 3, 'Officer has left', null],
  ])('cases %j to %j because %j → %j', (cases, to, reason, problem) => {
    expect(reallocationProblem(cases, to, reason)).toBe(problem);
  });

  it('the reason defaults to the officer having left', () => {
    expect(DEFAULT_REALLOCATION_REASON).toBe('Officer has left');
  });
});
