import { describe, expect, it } from 'vitest';
import { collect, formatBytes, formatMs, formatRatio, parseOptions, quantile, renderTable, summarize, type BenchRow } from '../../../scripts/bench/stats';

// Issue 12: the pure parts of `npm run bench` (statistics and its table). No timing is asserted.
describe('bench statistics', () => {
  it.each([
    [[5], { n: 1, median: 5, p95: 5, min: 5, max: 5 }],
    [[3, 1, 2], { n: 3, median: 2, p95: 3, min: 1, max: 3 }],
    [[4, 1, 3, 2], { n: 4, median: 2.5, p95: 4, min: 1, max: 4 }],
    // 20 samples 1..20: the median is between the 10th and 11th, p95 is the 19th by nearest rank.
    [Array.from({ length: 20 }, (_, i) => 20 - i), { n: 20, median: 10.5, p95: 19, min: 1, max: 20 }],
    [Array.from({ length: 21 }, (_, i) => i + 1), { n: 21, median: 11, p95: 20, min: 1, max: 21 }],
    [[1, Number.NaN, 3], { n: 2, median: 2, p95: 3, min: 1, max: 3 }],
  ])('summarises %j', (samples, expected) => {
    expect(summarize(samples)).toEqual(expected);
  });

  it('has no median of nothing', () => {
    expect(summarize([]).n).toBe(0);
    expect(Number.isNaN(summarize([]).median)).toBe(true);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });

  it.each([
    [0.423, '0.42 ms'],
    [4.04, '4.0 ms'],
    [16.4, '16 ms'],
    [999.4, '999 ms'],
    [1300, '1.30 s'],
    [107_000, '107.0 s'],
    [Number.NaN, '—'],
  ])('writes %s ms as %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });

  it.each([
    [512, '512 B'],
    [2048, '2.0 kB'],
    [28.8 * 1024 * 1024, '28.8 MB'],
  ])('writes %s bytes as %s', (b, text) => {
    expect(formatBytes(b)).toBe(text);
  });

  it.each([
    [226, 2, '×113'],
    [1.3, 0.75, '×1.7'],
    [5, null, '—'],
    [5, 0, '—'],
  ])('ratio of %s to floor %s is %s', (v, f, text) => {
    expect(formatRatio(v, f)).toBe(text);
  });
});

describe('the bench table', () => {
  it('prints every row with its floor and ratio, one line per size, the measure named once', () => {
    const rows: BenchRow[] = [
      { measure: 'build agenda', cases: 1000, summary: summarize([10, 12, 11]), floor: summarize([2, 2, 2]), floorLabel: 'SELECT open cases', target: '≤ 50 ms at 10k', met: true },
      { measure: 'build agenda', cases: 50_000, summary: summarize([180, 190]), floor: summarize([20, 20]), target: '≤ 200 ms at 50k', met: true },
      { measure: 'memory, register open', cases: 50_000, summary: null, value: 'host 120 MB + page 30 MB = 150 MB', floor: null, target: '≤ 300 MB', met: true },
      { measure: 'Home | dashboard.get', cases: 1000, summary: null, floor: null, target: '≤ 100 ms', error: 'no such method' },
    ];
    const table = renderTable(rows).split('\n');
    expect(table[0]).toBe('| measure | cases | median / p95 (n) | floor, same run (median) | ratio to floor | target | met |');
    expect(table).toHaveLength(2 + rows.length);
    expect(table[2]).toBe('| build agenda | 1k | 11 ms / 12 ms (3) | SELECT open cases 2.0 ms | ×5.5 | ≤ 50 ms at 10k | yes |');
    expect(table[3]).toBe('| 〃 | 50k | 185 ms / 190 ms (2) | 20 ms | ×9.3 | ≤ 200 ms at 50k | yes |');
    expect(table[4]).toContain('| host 120 MB + page 30 MB = 150 MB | — | — |');
    // A pipe in a cell does not break the table.
    expect(table[5]!.startsWith('| Home \\| dashboard.get | 1k | failed: no such method |')).toBe(true);
  });
});

describe('bench options and sampling', () => {
  it('defaults to 1k/10k/50k with 20 samples, and --quick to 1k with a few', () => {
    expect(parseOptions([])).toMatchObject({ sizes: [1000, 10000, 50000], samples: 20, quick: false });
    expect(parseOptions(['--quick'])).toMatchObject({ sizes: [1000], samples: 5, quick: true });
    expect(parseOptions(['--sizes', '2000,4000', '--samples=30'])).toMatchObject({ sizes: [2000, 4000], samples: 30 });
    expect(() => parseOptions(['--sizes', 'lots'])).toThrow(/--sizes/);
    expect(() => parseOptions(['--samples', '0'])).toThrow(/--samples/);
  });

  it('runs every group of rows unless --only names some', () => {
    expect([...parseOptions([]).only]).toEqual(['service', 'host', 'signin', 'browser', 'pdf']);
    expect([...parseOptions(['--only', 'pdf,service']).only].sort()).toEqual(['pdf', 'service']);
    expect(() => parseOptions(['--only', 'projector'])).toThrow(/--only takes groups/);
  });

  it('takes the samples asked for after untimed warm-ups, or fewer when the budget runs out', async () => {
    const seen: number[] = [];
    const got = await collect((i) => (seen.push(i), i * 2), { samples: 4, budgetS: 60, warmup: 2 });
    expect(seen).toEqual([-1, -2, 0, 1, 2, 3]);
    expect(got).toEqual([0, 2, 4, 6]);
    const one = await collect(() => 1, { samples: 20, budgetS: 0.000001 });
    expect(one).toEqual([1]);
  });
});
