import { describe, expect, it } from 'vitest';
import { agendaSection, agendaWindow, groupBySection, liveItems, neighbour, progress, sectionLabel } from '../../../renderer/src/pages/cockpit/agendaView';
import { DEFAULT_LADDER, levelOptions, proposedLevel, titleForLevel } from '../../../shared/domain/escalation';

const item = (id: number, kind: 'standing' | 'case', code: string, extra: Partial<{ done: boolean; removed: boolean; position: number }> = {}) => ({
  id, kind, code, position: extra.position ?? id, done: extra.done ?? false, removed: extra.removed ?? false,
});

describe('agenda helpers', () => {
  const items = [
    item(1, 'standing', 'welcome_apologies', { done: true }),
    item(2, 'standing', 'previous_minutes', { done: true }),
    item(3, 'case', 'case_reviews', { done: true }),
    item(4, 'case', 'case_reviews'),
    item(5, 'case', 'new_referrals', { removed: true }),
    item(6, 'case', 'new_referrals'),
    item(7, 'standing', 'aob'),
  ];
  const live = liveItems(items);

  it('drops removed items and keeps running order', () => {
    expect(liveItems([item(2, 'case', 'x', { position: 5 }), item(1, 'case', 'x', { position: 1 })]).map((i) => i.id)).toEqual([1, 2]);
    expect(live.map((i) => i.id)).toEqual([1, 2, 3, 4, 6, 7]);
  });

  it('progress reads "n of m done"', () => {
    expect(progress(live).text).toBe('3 of 6 done');
    expect(progress([]).text).toBe('0 of 0 done');
  });

  it('groups case sections under headings; standing items stand alone', () => {
    const g = groupBySection(live, agendaSection);
    expect(g.map((x) => [x.heading, x.items.map((i) => i.id)])).toEqual([
      [null, [1]],
      [null, [2]],
      ['Case reviews', [3, 4]],
      ['New referrals', [6]],
      [null, [7]],
    ]);
  });

  it.each<[string | null, string | null]>([
    ['case_reviews', 'Case reviews'],
    ['proposed_closures', 'Proposed closures'],
    ['New referrals', 'New referrals'],
    ['aob', null],
    [null, null],
  ])('sectionLabel(%s) → %s', (s, expected) => {
    expect(sectionLabel(s)).toBe(expected);
  });

  it.each<[number | null, 1 | -1, number | null]>([
    [3, 1, 4],
    [4, 1, 6],
    [7, 1, null],
    [1, -1, null],
    [6, -1, 4],
    [null, 1, 1],
    [null, -1, null],
    [99, 1, 1],
  ])('neighbour(%s, %s) → %s', (cur, step, expected) => {
    expect(neighbour(live, cur, step)).toBe(expected);
  });

  it.each<[number, number, number[], number, number]>([
    // current index, size → ids shown, before, after
    [0, 5, [0, 1, 2, 3, 4], 0, 15],
    [10, 5, [9, 10, 11, 12, 13], 9, 6],
    [19, 5, [15, 16, 17, 18, 19], 15, 0],
    [10, 30, Array.from({ length: 20 }, (_, i) => i), 0, 0],
    [-1, 4, [0, 1, 2, 3], 0, 16],
  ])('agendaWindow around %s of 20, %s lines', (cur, size, ids, before, after) => {
    const list = Array.from({ length: 20 }, (_, i) => ({ id: i, current: i === cur }));
    const w = agendaWindow(list, size);
    expect(w.items.map((i) => i.id)).toEqual(ids);
    expect([w.before, w.after]).toEqual([before, after]);
  });
});

describe('escalation ladder', () => {
  it('has the default three steps', () => {
    // One ladder: the domain's first default (Bexley, 000 §12), where the Inclusion Officer raises and is not a rung.
    expect(DEFAULT_LADDER.map((s) => s.title)).toEqual(['Relevant Head of Service', "Deputy Director for Education and Specialist Children's Services"]);
  });
  it.each<[number, string]>([[1, 'Relevant Head of Service'], [2, "Deputy Director for Education and Specialist Children's Services"], [3, '']])('titleForLevel(%s) → %s', (l, t) => {
    expect(titleForLevel(l)).toBe(t);
  });
  it.each<[{ level: number; status: string }[], number]>([
    [[], 1],
    [[{ level: 1, status: 'open' }], 2],
    [[{ level: 1, status: 'resolved' }], 1],
    [[{ level: 1, status: 'escalated' }, { level: 2, status: 'open' }], 2],
    [[{ level: 3, status: 'open' }], 2],
  ])('proposedLevel(%j) → %s (never above the top rung)', (existing, expected) => {
    expect(proposedLevel(existing)).toBe(expected);
  });
  it('offers the rungs of the ladder (the services refuse any other level)', () => {
    expect(levelOptions().map((o) => o.code)).toEqual(['1', '2']);
    expect(levelOptions([{ level: 1, title: 'A' }, { level: 2, title: 'B' }, { level: 3, title: 'C' }]).map((o) => o.label)).toEqual(['1 — A', '2 — B', '3 — C']);
  });
});

import { firstUnreviewed, reviewedOutcome, type ReviewableAction } from '../../../renderer/src/pages/cockpit/reviews';

describe('action reviews', () => {
  it.each<[ReviewableAction, string | null]>([
    [{ status: 'open', reviewedHere: null }, null],
    [{ status: 'carried_forward', reviewedHere: null }, null],
    [{ status: 'done', reviewedHere: 'done' }, 'done'],
    [{ status: 'carried_forward', reviewedHere: 'carried_forward' }, 'carried_forward'],
    [{ status: 'dropped', reviewedHere: null }, 'dropped'],
    [{ status: 'done', reviewedHere: null }, 'done'],
  ])('%j → %s', (a, expected) => {
    expect(reviewedOutcome(a)).toBe(expected);
  });
  it('D and C act on the first action still waiting', () => {
    const list = [
      { id: 1, status: 'done' as const, reviewedHere: 'done' as const },
      { id: 2, status: 'carried_forward' as const, reviewedHere: null },
      { id: 3, status: 'open' as const, reviewedHere: null },
    ];
    expect(firstUnreviewed(list)?.id).toBe(2);
    expect(firstUnreviewed(list.slice(0, 1))).toBeNull();
  });
});
