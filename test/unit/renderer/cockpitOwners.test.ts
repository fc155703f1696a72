import { describe, expect, it } from 'vitest';
import { ownerChoices, ownerSuggestions, resolveOwner } from '../../../renderer/src/pages/cockpit/owners';

const officers = [
  { id: 1, name: 'Priya Shah', active: true },
  { id: 2, name: 'Amy Left', active: false },
  { id: 3, name: 'Sam Osei', active: true },
];

describe('action owners (issue 9: an action needs an owner)', () => {
  it('offers officers in post, then the people at the meeting, each once, no placeholders', () => {
    expect(ownerChoices(officers, ['Dana Whitfield', 'priya shah', '(SEN Officer)', ''])).toEqual(['Priya Shah', 'Sam Osei', 'Dana Whitfield']);
  });

  it.each<[string, ReturnType<typeof resolveOwner>]>([
    ['Priya Shah', { ownerId: 1, ownerText: null }],
    ['  sam osei ', { ownerId: 3, ownerText: null }],
    ['Amy Left', { ownerId: null, ownerText: 'Amy Left' }], // has left: named, not an officer id
    ['Leicester CME team', { ownerId: null, ownerText: 'Leicester CME team' }],
  ])('%s', (typed, out) => {
    expect(resolveOwner(typed, officers)).toEqual(out);
  });
});

describe('owner suggestions after the host refused a typed owner', () => {
  const more = [...officers, { id: 4, name: 'Tom Ashworth-Reid', active: true }, { id: 5, name: 'Tom Bell', active: false }];
  it.each<[string, string[]]>([
    ['Tom Ash', ['Tom Ashworth-Reid']],
    ['Tom', ['Tom Ashworth-Reid']], // Tom Bell has left: not offered
    ['Amy', []],
    ['Leicester CME team', []],
  ])('%s', (typed, out) => {
    expect(ownerSuggestions(typed, more)).toEqual(out);
  });
});
