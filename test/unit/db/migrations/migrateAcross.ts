import { openDatabase, schemaVersion, type Db } from '../../../../db/open';
import { MIGRATIONS } from '../../../../db/migrations';
import { tempDbFile } from '../../../helpers/tempDb';

/**
 * Signal-style migration testing: a register at the version just before migration `name`, filled
 * by `seed` with the test's own rows, then opened at exactly that migration's version.
 */
export function migrateAcross(name: string, seed: (db: Db) => void): Db {
  const version = MIGRATIONS.find((m) => m.name === name)!.version;
  const file = tempDbFile();
  const old = openDatabase(file, { targetVersion: version - 1 });
  seed(old);
  old.close();
  const db = openDatabase(file, { targetVersion: version });
  if (schemaVersion(db) !== version) throw new Error(`expected version ${version}, got ${schemaVersion(db)}`);
  return db;
}

export const CHILD = `INSERT INTO children (id, forenames, surname, known_as, former_names, date_of_birth, gender, created_at)
  VALUES (1, 'Amelia', 'Hartley', 'Millie', 'Amelia Brown', '2014-05-12', 'female', '2026-01-01')`;

/** An open case, a closed-not-found one under twice-yearly review (seed 003 App. D) and a closed one, for CHILD. */
export const AGENDA_CASES = `INSERT INTO cases (id, child_id, register, ref_year, ref_seq, reference, status, date_notified, source, rag, closed_on, closure_reason, unfound_review_due, created_at) VALUES
  (1, 1, 'CME', 2026, 1, 'CME-2026-0001', 'checks', '2026-02-03', 'school', 'red', NULL, NULL, NULL, '2026-02-03T09:00:00Z'),
  (2, 1, 'CME', 2026, 2, 'CME-2026-0002', 'closed', '2026-01-04', 'school', NULL, '2026-03-01', 'unresolved_lost', '2026-09-01', '2026-01-04T09:00:00Z'),
  (3, 1, 'PMOE', 2026, 1, 'PMOE-2026-0001', 'closed', '2026-01-05', 'school', NULL, '2026-03-02', 'returned', NULL, '2026-01-05T09:00:00Z')`;

/** SQLite's plan for a statement, one line per step ("SEARCH c USING INDEX …", "SCAN x", …). */
export function plan(db: Db, sql: string, params: Record<string, unknown>): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
}
