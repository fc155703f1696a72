// Benchmarks the operations a large authority feels, on a generated register:
//   npm run bench                      (50,000 cases; builds .cache/bench-50000.db once)
//   npm run bench -- --cases 10000
// Prints the median of several runs for each operation. Not a test: nothing here asserts a time.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/open';
import { loadDemo } from '../db/demo/register';
import { createApp } from '../electron/createApp';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const cases = Number(arg('cases', '50000'));
const runs = Number(arg('runs', '5'));
const today = '2026-11-25';
const file = path.resolve(`.cache/bench-${cases}.db`);

if (!fs.existsSync(file)) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const t = performance.now();
  const db = openDatabase(file);
  db.transaction(() => loadDemo(db, { actor: 'Bench', source: 'demo', now: () => `${today}T09:00:00Z` }, { cases, today }))();
  db.prepare("INSERT INTO settings (key, value) VALUES ('setup_done', '1')").run();
  db.close();
  console.log(`built ${file} with ${cases.toLocaleString('en-GB')} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const db = openDatabase(file);
const { dispatch } = createApp(db, { today: () => today, version: 'bench', dbPath: file });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function bench(name: string, fn: () => unknown): void {
  const times: number[] = [];
  let detail = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const out = fn();
    times.push(performance.now() - t);
    if (typeof out === 'string') detail = out;
  }
  console.log(`${name.padEnd(46)} median ${median(times).toFixed(0).padStart(6)} ms   (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})${detail ? `  ${detail}` : ''}`);
}

const firstCase = (db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number }).id;
bench('register.list (dispatch)', () => {
  const r = dispatch('register.list', {});
  return r.ok ? `${(r.value as unknown[]).length} rows` : r.error.message;
});
bench('register.list + JSON (what the host sends)', () => {
  const r = dispatch('register.list', {});
  return `${(JSON.stringify(r).length / 1e6).toFixed(1)} MB`;
});
bench('cases.get', () => void dispatch('cases.get', { id: firstCase }));
bench('audit.forCase', () => void dispatch('audit.forCase', { caseId: firstCase }));
bench('children.checkDuplicates', () => void dispatch('children.checkDuplicates', { forenames: 'Amelia', surname: 'Hartley', dateOfBirth: '2014-05-12' }));
bench('reports.get (12 months, both registers)', () => {
  const r = dispatch('reports.get', { from: '2025-12-01', to: today });
  return r.ok ? `${(JSON.stringify(r.value).length / 1e3).toFixed(1)} kB` : r.error.message;
});
db.close();
