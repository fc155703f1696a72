import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
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

/**
 * Runs a register check in its worker, with the register's file and key: resolves with what `pick`
 * finds in the worker's reply, rejects (saying `what` stopped) on an error or an early exit. The
 * worker never keeps a script or test run alive, and is stopped once `stillOpen` says the register
 * has closed (nobody can see its result).
 */
export function runRegisterCheck<T>(
  name: WorkerName,
  register: { file: string; nativeBinding: string | undefined; key: Buffer | undefined },
  stillOpen: () => boolean,
  pick: (reply: Record<string, unknown>) => T | undefined,
  what: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const { file: entry, execArgv } = workerEntry(name);
    const workerData = { file: register.file, nativeBinding: register.nativeBinding, key: register.key ? new Uint8Array(register.key) : undefined };
    const worker = new Worker(entry, { workerData, ...(execArgv ? { execArgv } : {}) });
    worker.unref();
    const watch = setInterval(() => {
      if (!stillOpen()) void worker.terminate();
    }, 250);
    watch.unref();
    const end = () => clearInterval(watch);
    worker.once('message', (m: Record<string, unknown>) => {
      end();
      const found = pick(m);
      if (found !== undefined) resolve(found);
      else reject(new Error(typeof m.error === 'string' ? m.error : `${what} stopped.`));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      end();
      reject(e);
    });
    worker.once('exit', (code) => {
      end();
      reject(new Error(`${what} stopped (exit ${code}).`));
    });
  });
}
