import { describe, expect, it } from 'vitest';
import { mulberry32, Rng } from '../../../../db/demo/random';

describe('the demo register\'s one random generator', () => {
  it('gives the same stream for the same seed, and another for another seed', () => {
    const a = new Rng(7);
    const b = new Rng(mulberry32(7));
    const c = new Rng(8);
    const first = Array.from({ length: 50 }, () => a.float());
    expect(Array.from({ length: 50 }, () => b.float())).toEqual(first);
    expect(Array.from({ length: 50 }, () => c.float())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('int(lo, hi) stays within both ends and reaches them', () => {
    const rng = new Rng(1);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(rng.int(5, 5)).toBe(5);
    expect(rng.int(5, 2)).toBe(5);
  });

  it('shuffle is a permutation, sample takes distinct items, weighted never picks a zero weight', () => {
    const rng = new Rng(3);
    const list = Array.from({ length: 20 }, (_, i) => i);
    expect(rng.shuffle(list).sort((x, y) => x - y)).toEqual(list);
    const s = rng.sample(list, 8);
    expect(new Set(s).size).toBe(8);
    expect(rng.sample(list, 50)).toHaveLength(20);
    const picks = new Set(Array.from({ length: 500 }, () => rng.weighted([['a', 1], ['never', 0], ['b', 3]] as const)));
    expect(picks).toEqual(new Set(['a', 'b']));
    expect(() => rng.pick([])).toThrow('empty');
  });
});
