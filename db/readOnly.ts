import type { Db } from './open';

/**
 * Runs `read` with the connection refusing writes (PRAGMA query_only), so a method the contract
 * calls a read cannot change the register: a write inside it fails instead of going unnoticed.
 */
export function readOnly<T>(db: Db, read: () => T): T {
  const was = db.pragma('query_only', { simple: true }) as number;
  if (was) return read();
  db.pragma('query_only = ON');
  try {
    return read();
  } finally {
    db.pragma('query_only = OFF');
  }
}
