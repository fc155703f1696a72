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
