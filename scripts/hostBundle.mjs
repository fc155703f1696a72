// The browser host as plain JavaScript (issue 12): electron/server/main.ts and the worker threads it
// starts, bundled by esbuild into dist/host/, so starting the host no longer transpiles every
// TypeScript file through tsx (about a second and a half of a 2-second start on a loaded machine).
// The native driver and the large packages stay in node_modules: better-sqlite3 (native),
// playwright-core (loaded on the first PDF only) and exceljs (its worker requires it by path).
//
// Who uses it: `npm run build:host` (and `npm run build`, which `npm start` runs), the launchers
// (scripts/start-browser.mjs, scripts/start-desktop.mjs when there is no Electron), the end-to-end
// harness and the bench. A bundle older than any file it was built from is never run: hostBundleStale
// names the newer file, and ensureHostBundle rebuilds it first, saying so.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HOST_DIR = path.join(ROOT, 'dist', 'host');
/** What `node` runs: the host, as npm start's fallback, the harness and the bench start it. */
export const HOST_ENTRY = path.join(HOST_DIR, 'main.mjs');
/** Every file the bundle was built from (esbuild's metafile) and when the build started. */
export const HOST_MANIFEST = path.join(HOST_DIR, 'inputs.json');

const ENTRIES = {
  main: 'electron/server/main.ts',
  // Worker threads the host starts after sign-in, found beside the bundle (db/workerEntry.ts).
  auditWorker: 'db/auditWorker.ts',
  integrityWorker: 'db/integrityWorker.ts',
};

/** Builds dist/host/; returns how long it took (ms). Throws (esbuild has printed file:line) on an error. */
export async function buildHost() {
  const started = Date.now();
  // Chunks are named by content: clear the last build's so dist/host holds one build only.
  fs.rmSync(HOST_DIR, { recursive: true, force: true });
  fs.mkdirSync(HOST_DIR, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: HOST_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // main.mjs holds only the HTTP server; the services are a chunk it imports once it is listening.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'playwright-core', 'exceljs', 'electron'],
    // CommonJS names the sources test for (typeof __filename) and bundled CommonJS packages call (require).
    banner: {
      js: [
        "import { createRequire as __panelRequire } from 'node:module';",
        "import { fileURLToPath as __panelPath } from 'node:url';",
        'const require = __panelRequire(import.meta.url);',
        'const __filename = __panelPath(import.meta.url);',
      ].join('\n'),
    },
    metafile: true,
    // Half the bytes for Node to parse and compile at every start.
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('<'));
  // The build's own recipe is an input too: a changed option makes the bundle stale.
  inputs.push(path.relative(ROOT, fileURLToPath(import.meta.url)));
  const outputs = Object.keys(result.metafile.outputs);
  fs.writeFileSync(HOST_MANIFEST, JSON.stringify({ builtAt: started, inputs, outputs }, null, 1));
  return Date.now() - started;
}

/**
 * Why dist/host cannot be run as it is, or null when it is current: missing, or built before the
 * last change to one of its sources (by modification time; a removed source counts as a change).
 */
export function hostBundleStale(manifestFile = HOST_MANIFEST, root = ROOT) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    return 'the browser host has not been built yet (dist/host is missing)';
  }
  for (const file of manifest.outputs) {
    if (!fs.existsSync(path.join(root, file))) return `${file} is missing`;
  }
  for (const input of manifest.inputs) {
    let mtime;
    try {
      mtime = fs.statSync(path.join(root, input)).mtimeMs;
    } catch {
      return `${input}, which it was built from, is gone`;
    }
    if (mtime > manifest.builtAt) return `${input} changed after it was built`;
  }
  return null;
}

/** The host's entry, rebuilt first (with one line saying why) if it is missing or stale. */
export async function ensureHostBundle(log = (line) => console.error(line)) {
  const stale = hostBundleStale();
  if (stale) {
    log(`Building the browser host (${stale})…`);
    const ms = await buildHost();
    log(`Built dist/host/main.mjs in ${(ms / 1000).toFixed(1)} s.`);
  }
  return HOST_ENTRY;
}

// `node scripts/hostBundle.mjs` (npm run build:host): always builds.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildHost().then(
    (ms) => console.log(`build-host: wrote dist/host/main.mjs and its workers in ${(ms / 1000).toFixed(1)} s`),
    () => {
      console.error('build-host: the browser host was not built; fix the errors above.');
      process.exit(1);
    },
  );
}
