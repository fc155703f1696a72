// Runs in a worker thread (see auditVerifier.ts): walks the audit hash chain over its own
// read-only connection, so a register with hundreds of thousands of entries opens at once.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { verifyAuditChain } from './auditChain';
import { applyKey } from './encryption';

const { file, nativeBinding, key } = workerData as { file: string; nativeBinding?: string; key?: Uint8Array };
try {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    if (key) applyKey(db, Buffer.from(key));
    parentPort!.postMessage({ check: verifyAuditChain(db) });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).message });
}
