import { describe, it, expect } from 'vitest';
import { matchOwner, outsideOwnerProblem } from '../../../shared/domain/actionOwner';

const TOM = { id: 1, name: 'Tom Ashworth-Reid' };
const TOMMY = { id: 2, name: 'Tommy Baker' };
const PRIYA = { id: 3, name: 'Priya Shah' };
const officers = [TOM, TOMMY, PRIYA];

describe('matchOwner: who a typed action owner means', () => {
  it.each([
    // typed, expected
    ['Tom Ashworth-Reid', { kind: 'officer', officer: TOM }],
    ['  tom   ASHWORTH-reid ', { kind: 'officer', officer: TOM }],
    ['Tom Ashworth Reid', { kind: 'officer', officer: TOM }],
    ['Tom Ash', { kind: 'likely', officers: [TOM] }],
    ['tom ashworth', { kind: 'likely', officers: [TOM] }],
    ['T Ashworth-Reid', { kind: 'likely', officers: [TOM] }],
    ['T. Ashworth', { kind: 'likely', officers: [TOM] }],
    ['Ashworth', { kind: 'likely', officers: [TOM] }],
    ['Priya', { kind: 'likely', officers: [PRIYA] }],
    ['Tom', { kind: 'likely', officers: [TOM, TOMMY] }],
    ['Tom B', { kind: 'likely', officers: [TOMMY] }],
    // Not an officer: other words, a misspelling, more words than the name, words out of order, a lone initial.
    ['Leicester CME team', { kind: 'outside' }],
    ['Tom Ashwroth', { kind: 'outside' }],
    ['Tom Ashworth from Cardiff CAMHS', { kind: 'outside' }],
    ['Ashworth Tom', { kind: 'outside' }],
    ['T', { kind: 'outside' }],
    ['', { kind: 'outside' }],
  ])('%j', (typed, expected) => {
    expect(matchOwner(typed, officers)).toEqual(expected);
  });
});

describe('outsideOwnerProblem', () => {
  it('names the officer the owner looks like and what to do', () => {
    expect(outsideOwnerProblem(' Tom Ash ', officers, false)).toBe(
      'Owner: "Tom Ash" looks like Tom Ashworth-Reid. Choose them from the list, or, for someone outside the council, type their full name and organisation.',
    );
  });
  it('lists every officer a short name could be', () => {
    expect(outsideOwnerProblem('Tom', officers, false)).toMatch(/^Owner: "Tom" looks like Tom Ashworth-Reid or Tommy Baker\. Choose one from the list/);
  });
  it('accepts an owner confirmed as outside the council, and an owner who looks like no officer', () => {
    expect(outsideOwnerProblem('Tom Ash', officers, true)).toBeNull();
    expect(outsideOwnerProblem('Cardiff CME team', officers, false)).toBeNull();
  });
});
