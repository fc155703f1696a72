import type Database from 'better-sqlite3';

type Db = Database.Database;
const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per open register. Audited writes build the same few SQL
 * strings over and over (an import of 5,000 pupils writes 15,000 rows): preparing each time cost
 * more than running them.
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    s = db.prepare(sql);
    // A handful of shapes per table; the bound keeps a caller that builds unusual SQL from growing it without end.
    if (m.size < 500) m.set(sql, s);
  }
  return s;
}
