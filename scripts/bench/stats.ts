// The bench's arithmetic and its table: pure functions, tested in test/unit/bench/stats.test.ts.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** The q-quantile (0..1) of sorted values, by the nearest-rank method (p95 of 20 samples is the 19th). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { n: 0, median: Number.NaN, p95: Number.NaN, min: Number.NaN, max: Number.NaN };
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { n: sorted.length, median, p95: quantile(sorted, 0.95), min: sorted[0]!, max: sorted.at(-1)! };
}

/** Milliseconds as a person reads them: 0.42 ms, 16 ms, 1.3 s, 107 s. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 10) return `${ms.toFixed(ms < 1 ? 2 : 1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** How many times the floor a measure takes ("×1.4"); "—" without a floor. */
export function formatRatio(value: number, floor: number | null): string {
  if (floor === null || !Number.isFinite(floor) || floor <= 0 || !Number.isFinite(value)) return '—';
  const r = value / floor;
  return `×${r < 10 ? r.toFixed(1) : Math.round(r)}`;
}

export const formatCases = (n: number): string => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** One line of the bench's table: a measure at one register size. */
export interface BenchRow {
  measure: string;
  cases: number;
  /** Milliseconds; or for memory, MB in `value`. */
  summary: Summary | null;
  /** A single value in place of a summary (memory), already formatted. */
  value?: string;
  floor: Summary | null;
  floorLabel?: string;
  /** Anything else the row measured (bytes sent, pages). */
  detail?: string;
  target: string;
  /** Whether the target is met, when the bench can tell. */
  met?: boolean;
  error?: string;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The rows as a Markdown table: measure, cases, median / p95 (n), floor, ratio of medians, target. */
export function renderTable(rows: readonly BenchRow[]): string {
  const head = ['measure', 'cases', 'median / p95 (n)', 'floor, same run (median)', 'ratio to floor', 'target', 'met'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  let last = '';
  for (const r of rows) {
    const measure = r.measure === last ? '〃' : r.measure;
    last = r.measure;
    const value = r.error
      ? `failed: ${r.error}`
      : r.value ?? (r.summary ? `${formatMs(r.summary.median)} / ${formatMs(r.summary.p95)} (${r.summary.n})` : '—');
    const floor = r.floor ? `${r.floorLabel ? `${r.floorLabel} ` : ''}${formatMs(r.floor.median)}` : '—';
    const ratio = r.summary && r.floor ? formatRatio(r.summary.median, r.floor.median) : '—';
    const met = r.met === undefined ? '' : r.met ? 'yes' : 'no';
    lines.push(`| ${[measure, formatCases(r.cases), value + (r.detail ? `; ${r.detail}` : ''), floor, ratio, r.target, met].map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Reads `--name value` (or `--name=value`) from argv. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length && !argv[i + 1]!.startsWith('--') ? argv[i + 1] : undefined;
}

export interface BenchOptions {
  sizes: number[];
  samples: number;
  /** Seconds a row may spend on samples at one size before it stops (with at least one sample). */
  budgetS: number;
  quick: boolean;
  /** The groups of rows to run (--only service,host,signin,browser,pdf); all when not given. */
  only: ReadonlySet<BenchGroup>;
}

export const BENCH_GROUPS = ['service', 'host', 'signin', 'browser', 'pdf'] as const;
export type BenchGroup = (typeof BENCH_GROUPS)[number];

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const sizes = (argValue(argv, 'sizes') ?? (quick ? '1000' : '1000,10000,50000'))
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (sizes.length === 0) throw new Error('--sizes takes case counts separated by commas, e.g. --sizes 1000,10000,50000');
  const samples = Number(argValue(argv, 'samples') ?? (quick ? 5 : 20));
  const budgetS = Number(argValue(argv, 'budget') ?? (quick ? 15 : 120));
  if (!Number.isInteger(samples) || samples < 1) throw new Error('--samples takes a whole number of at least 1');
  if (!(budgetS > 0)) throw new Error('--budget takes a number of seconds');
  const onlyArg = argValue(argv, 'only');
  const only = new Set<BenchGroup>();
  for (const g of (onlyArg ?? BENCH_GROUPS.join(',')).split(',').map((x) => x.trim())) {
    if (!(BENCH_GROUPS as readonly string[]).includes(g)) throw new Error(`--only takes groups separated by commas, from: ${BENCH_GROUPS.join(', ')}`);
    only.add(g as BenchGroup);
  }
  return { sizes, samples, budgetS, quick, only };
}

/**
 * Runs `sample` up to `samples` times (after `warmup` untimed runs), stopping early once `budgetS`
 * has passed, always keeping at least one sample. `sample` returns its own measurement in ms
 * (it times only what the row means, not its set-up).
 */
export async function collect(sample: (i: number) => Promise<number> | number, opts: { samples: number; budgetS: number; warmup?: number }): Promise<number[]> {
  for (let i = 0; i < (opts.warmup ?? 0); i++) await sample(-1 - i);
  const out: number[] = [];
  const until = performance.now() + opts.budgetS * 1000;
  for (let i = 0; i < opts.samples; i++) {
    out.push(await sample(i));
    if (performance.now() > until) break;
  }
  return out;
}
