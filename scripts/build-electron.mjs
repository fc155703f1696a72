// Bundles the desktop host for Electron:
//   electron/desktop/main.ts    -> dist/electron/main.cjs     (Node/CJS; electron and better-sqlite3 stay external)
//   db/auditWorker.ts           -> dist/electron/auditWorker.cjs (the audit-chain check's worker thread)
//   db/integrityWorker.ts       -> dist/electron/integrityWorker.cjs (the register file's check, after sign-in)
//   electron/desktop/preload.ts -> dist/electron/preload.cjs  (sandboxed preload: may only require('electron'),
//                                                              so everything else, zod included, is inlined)
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');
mkdirSync(outdir, { recursive: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  // No source maps in what ships (issue 11).
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  // db/workerEntry.ts reads import.meta.url only when running from source (through tsx); the
  // bundles start the worker bundles beside them instead.
  logOverride: { 'empty-import-meta': 'silent' },
};

const results = await Promise.allSettled([
  build({
    ...common,
    entryPoints: ['electron/desktop/main.ts'],
    outfile: 'dist/electron/main.cjs',
    external: ['electron', 'better-sqlite3'],
  }),
  ...['auditWorker', 'integrityWorker'].map((name) =>
    build({
      ...common,
      entryPoints: [`db/${name}.ts`],
      outfile: `dist/electron/${name}.cjs`,
      external: ['better-sqlite3'],
    }),
  ),
  build({
    ...common,
    entryPoints: ['electron/desktop/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
    // Loaded into every window before the page: keep it small.
    minify: true,
  }),
]);
if (results.some((r) => r.status === 'rejected')) {
  // esbuild has already printed the errors (file, line and column) above.
  console.error('build-electron: the desktop bundle was not built; fix the errors above.');
  process.exit(1);
}

// A sandboxed preload that requires anything but 'electron' fails at run time with a bare
// "module not found" in the devtools console: refuse to produce one.
const preload = readFileSync(path.join(outdir, 'preload.cjs'), 'utf8');
const required = [...new Set([...preload.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))];
const forbidden = required.filter((name) => name !== 'electron');
if (forbidden.length > 0) {
  console.error(`build-electron: preload.cjs requires ${forbidden.join(', ')}; a sandboxed preload may only require('electron').`);
  process.exit(1);
}

console.log('build-electron: wrote dist/electron/main.cjs, auditWorker.cjs, integrityWorker.cjs and preload.cjs');
