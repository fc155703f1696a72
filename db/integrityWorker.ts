// Runs in a worker thread (see integrityCheck.ts): SQLite's quick_check of the register file over
// its own read-only connection, so signing in to a large register does not wait for it.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { quickCheckProblems } from './integrityCheck';
import { applyKey } from './encryption';

const { file, nativeBinding, key } = workerData as { file: string; nativeBinding?: string; key?: Uint8Array };
try {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    if (key) applyKey(db, Buffer.from(key));
    parentPort!.postMessage({ problems: quickCheckProblems(db, file) });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).message });
}
