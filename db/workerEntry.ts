import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The worker threads db/ starts after a register opens (the audit chain and the file's integrity). */
export type WorkerName = 'auditWorker' | 'integrityWorker';

/**
 * A worker's entry: the bundled `<name>.cjs` / `<name>.mjs` beside the running bundle (the desktop's
 * dist/electron, the browser host's dist/host: scripts/build-electron.mjs and scripts/hostBundle.mjs
 * build them), else its TypeScript source through tsx (tests and scripts run from source).
 */
export function workerEntry(name: WorkerName): { file: string | URL; execArgv?: string[] } {
  // __filename: the CommonJS desktop bundle's, or the one the browser host bundle's banner defines.
  const here = typeof __filename === 'string' ? __filename : '';
  const ext = path.extname(here);
  if (ext === '.cjs' || ext === '.mjs') {
    const bundled = path.join(path.dirname(here), `${name}${ext}`);
    if (fs.existsSync(bundled)) return { file: bundled };
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { file: new URL(`./${name}.ts`, import.meta.url), execArgv: ['--import', tsx] };
}
