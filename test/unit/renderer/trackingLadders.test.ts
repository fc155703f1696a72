import { describe, expect, it } from 'vitest';
import type { Ladders } from '../../../shared/api/trackingSchemas';
import { DEFAULT_LADDERS } from '../../../shared/domain/escalation';
import {
  addLadder,
  addLevel,
  codeFor,
  draftChanged,
  draftProblems,
  fromDraft,
  moveLevel,
  removeLevel,
  renameLadder,
  setActive,
  setLevel,
  toDraft,
} from '../../../renderer/src/pages/tracking/ladders';

const loaded: Ladders = { active: 'bexley', ladders: DEFAULT_LADDERS.map((l) => ({ ...l, levels: l.levels.map((v) => ({ ...v })) })) };
const titles = (d: ReturnType<typeof toDraft>, code: string) => d.ladders.find((l) => l.code === code)!.levels.map((v) => v.title);

describe('ladder draft', () => {
  it('round-trips what was loaded', () => {
    expect(fromDraft(toDraft(loaded))).toEqual(loaded);
    expect(draftChanged(toDraft(loaded), loaded)).toBe(false);
    expect(draftProblems(toDraft(loaded))).toEqual([]);
  });

  it('chooses the ladder in use, only among existing ladders', () => {
    const d = toDraft(loaded);
    expect(setActive(d, 'redbridge').active).toBe('redbridge');
    expect(setActive(d, 'nowhere')).toBe(d);
  });

  it('edits titles and people; blank people are saved as null, text trimmed', () => {
    let d = toDraft(loaded);
    d = setLevel(d, 'bexley', 1, { title: '  Head of Inclusion ', person: ' Jo Bloggs ' });
    d = setLevel(d, 'bexley', 0, { person: '   ' });
    const bexley = fromDraft(d).ladders[0]!;
    expect(bexley.levels[1]).toEqual({ level: 2, title: 'Head of Inclusion', person: 'Jo Bloggs' });
    expect(bexley.levels[0]!.person).toBeNull();
    expect(draftChanged(d, loaded)).toBe(true);
  });

  it('adds and removes levels, renumbering from 1', () => {
    let d = addLevel(toDraft(loaded), 'bexley');
    d = setLevel(d, 'bexley', 2, { title: 'Director of Children’s Services' });
    d = removeLevel(d, 'bexley', 0);
    expect(fromDraft(d).ladders[0]!.levels.map((v) => `${v.level} ${v.title}`)).toEqual([
      "1 Deputy Director for Education and Specialist Children's Services",
      '2 Director of Children’s Services',
    ]);
  });

  it('moves a level up or down, not past either end', () => {
    const d = toDraft(loaded);
    expect(titles(moveLevel(d, 'bexley', 1, -1), 'bexley')).toEqual(["Deputy Director for Education and Specialist Children's Services", 'Relevant Head of Service']);
    expect(moveLevel(d, 'bexley', 0, -1).ladders[0]).toEqual(d.ladders[0]);
    expect(moveLevel(d, 'bexley', 1, 1).ladders[0]).toEqual(d.ladders[0]);
  });

  it('adds a new ladder with a unique code and makes it the one chosen', () => {
    const { draft, code } = addLadder(toDraft(loaded), 'Northbridge');
    expect(code).toBe('northbridge');
    expect(draft.active).toBe('northbridge');
    expect(addLadder(draft, 'Northbridge').code).toBe('northbridge-2');
    expect(addLadder(draft, '   ').code).toBe('custom');
  });

  it.each([
    ['Bexley', [], 'bexley'],
    ['Bexley', ['bexley'], 'bexley-2'],
    ['Bexley', ['bexley', 'bexley-2'], 'bexley-3'],
    ['Royal Borough of Kingston!', [], 'royal-borough-of-kingston'],
    ['Ōkubo', [], 'okubo'],
    ['!!!', [], 'custom'],
  ])('code for %j (taken %j) is %j', (name, taken, code) => {
    expect(codeFor(name, taken)).toBe(code);
  });
});

describe('validation before saving', () => {
  it('a new ladder needs its level titled', () => {
    const { draft } = addLadder(toDraft(loaded), 'Northbridge');
    expect(draftProblems(draft)).toEqual(['Northbridge: Level 1 needs a title']);
    expect(draftProblems(setLevel(draft, 'northbridge', 0, { title: 'CME Officer' }))).toEqual([]);
  });

  it('names each ladder with a problem', () => {
    let d = renameLadder(toDraft(loaded), 'redbridge', ' ');
    d = setLevel(d, 'bexley', 1, { title: '' });
    expect(draftProblems(d)).toEqual(['Bexley: Level 2 needs a title', 'redbridge: The ladder needs a name']);
  });

  it('a ladder with no levels cannot be saved', () => {
    let d = toDraft(loaded);
    for (let i = 0; i < 3; i++) d = removeLevel(d, 'bexley', 0);
    expect(draftProblems(d)).toEqual(['Bexley: The ladder needs at least one level']);
  });

  it('over-long text is caught before the service refuses it', () => {
    const d = setLevel(toDraft(loaded), 'bexley', 0, { title: 'x'.repeat(161) });
    expect(draftProblems(d)).toEqual(["Bexley: level 1's title is longer than 160 characters"]);
  });
});
