import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { AppError } from '../shared/api/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron's, in the desktop app). */
  nativeBinding?: string;
  /** Stop at this schema version (tests that migrate from an earlier version). */
  targetVersion?: number;
}

/**
 * Opens (creating if needed) the register and brings its schema up to date.
 * Refuses, without touching it, a file written by a newer Panel.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: a committed minute survives a power cut, not just a crash of the app.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.targetVersion ?? SCHEMA_VERSION, file);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, target: number, file: string): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new AppError(
      'database_too_new',
      `The register at ${file} was written by a newer version of Panel (schema ${current}; this version ` +
        `understands up to ${SCHEMA_VERSION}). Install the newer Panel to open it. Nothing in the file has been changed.`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    // Each step is all-or-nothing: a failed migration leaves the previous version intact.
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
