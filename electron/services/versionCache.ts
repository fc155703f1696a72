import type { Db } from '../../db/open';
import { versionOf } from './register/registerView';

/**
 * Answers that depend only on the register's contents and the day, kept until either changes
 * (versionOf: any write on this connection, any commit by another, a new day). Home asks for the
 * same figures on every visit; at 50,000 cases working them out again costs tens to hundreds of ms.
 */
const caches = new WeakMap<Db, Map<string, { version: string; value: unknown }>>();

export function byRegisterVersion<T>(db: Db, today: string, key: string, compute: () => T): T {
  const version = versionOf(db, today);
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new Map()));
  const hit = c.get(key);
  if (hit && hit.version === version) return hit.value as T;
  // A new version makes every kept answer stale: drop them all, so the map holds one version's.
  for (const [k, e] of c) if (e.version !== version) c.delete(k);
  const value = compute();
  c.set(key, { version, value });
  return value;
}
