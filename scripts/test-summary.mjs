// Prints the test totals from vitest's JSON report as one plain line CI can read.
import fs from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
if (!fs.existsSync(file)) {
  console.log('Tests: 0 passed, 1 failed (no test report was written; see the output above)');
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
