import os from 'node:os';
import type { Db } from '../../db/open';
import type { WriteContext } from '../../db/audit';

export function getSetting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? row.value : null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The app user's name: chosen at first run, defaulting to the operating-system account name. */
export function userName(db: Db): string {
  return getSetting(db, 'user_name') ?? defaultUserName();
}

export function defaultUserName(): string {
  try {
    return os.userInfo().username || 'Panel user';
  } catch {
    return 'Panel user';
  }
}

/** Write context for changes made from the register screens. */
export const contextFor =
  (db: Db, source = 'register') =>
  (): WriteContext => ({ actor: userName(db), source, now: () => new Date().toISOString() });
