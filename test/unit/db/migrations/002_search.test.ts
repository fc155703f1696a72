import { describe, expect, it } from 'vitest';
import { CHILD, migrateAcross } from './migrateAcross';

describe('migration 002: search', () => {
  it('gives every existing child a lower-case search key of all their names', () => {
    const db = migrateAcross('search', (old) => {
      old.exec(CHILD);
      old.exec(`INSERT INTO children (id, forenames, surname, date_of_birth, gender, created_at) VALUES (2, 'Leo', 'NOWAK', '2015-02-01', 'male', '2026-01-01')`);
    });
    expect(db.prepare('SELECT id, search_key FROM children ORDER BY id').all()).toEqual([
      { id: 1, search_key: 'amelia hartley millie amelia brown' },
      { id: 2, search_key: 'leo nowak  ' },
    ]);
    db.close();
  });
});
