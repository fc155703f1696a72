import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, schemaVersion } from '../../../db/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../db/migrations';
import { tempDbFile } from '../../helpers/tempDb';
import { appendAudit } from '../../../db/auditChain';

/** Rows a register at schema 1 would hold, written with schema 1's own columns. */
function populateV1(file: string) {
  const db = openDatabase(file, { targetVersion: 1 });
  expect(schemaVersion(db)).toBe(1);
  db.exec(`
    INSERT INTO officers (id, name, team, created_at) VALUES (1, 'Priya Shah', 'cme', '2026-01-01');
    INSERT INTO children (id, forenames, surname, known_as, date_of_birth, gender, created_at)
      VALUES (1, 'Amelia', 'Hartley', 'Millie', '2014-05-12', 'female', '2026-01-01');
    INSERT INTO cases (id, child_id, register, ref_year, ref_seq, reference, status, date_notified, source, lead_officer_id, rag, created_at)
      VALUES (1, 1, 'CME', 2026, 1, 'CME-2026-0001', 'checks', '2026-01-05', 'school', 1, 'amber', '2026-01-05');
    INSERT INTO checks (case_id, agency, checked_on, checked_by, outcome, created_at) VALUES (1, 'housing', '2026-01-06', 'Priya Shah', 'No trace', '2026-01-06');
    INSERT INTO audit (at, actor, action, entity, entity_id, case_id) VALUES ('2026-01-05', 'Priya Shah', 'insert', 'case', 1, 1);
  `);
  db.close();
}

describe('migrations', () => {
  it('numbers migrations 1..N in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('creates a new register at the latest version with the safety pragmas', () => {
    const db = openDatabase(tempDbFile());
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    db.close();
  });

  // One test per earlier version: a populated register from it migrates with its rows intact.
  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))('migrates a populated register from schema %i', (from) => {
    const file = tempDbFile();
    populateV1(file);
    if (from > 1) openDatabase(file, { targetVersion: from }).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const child = db.prepare('SELECT * FROM children WHERE id = 1').get() as Record<string, unknown>;
    expect(child.forenames).toBe('Amelia');
    // Schema 2 back-fills the search key from the existing names.
    expect(child.search_key).toBe('amelia hartley millie ');
    expect(db.prepare('SELECT reference, rag, lead_officer_id FROM cases').all()).toEqual([{ reference: 'CME-2026-0001', rag: 'amber', lead_officer_id: 1 }]);
    expect(db.prepare('SELECT count(*) AS n FROM checks').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 1 });
    // Schema 3: existing cases are neither proposed for closure nor archived.
    expect(db.prepare('SELECT closure_proposed, archived FROM cases').get()).toEqual({ closure_proposed: 0, archived: 0 });
    // Schema 4: the RAG and allocation timelines start from what the case held.
    expect(db.prepare('SELECT to_rag FROM rag_history WHERE case_id = 1').all()).toEqual([{ to_rag: 'amber' }]);
    expect(db.prepare('SELECT to_officer_id FROM lead_allocations WHERE case_id = 1').all()).toEqual([{ to_officer_id: 1 }]);
    db.close();
  });

  it('refuses a register written by a newer Panel, and leaves it untouched', () => {
    const file = tempDbFile();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer version of Panel.*Nothing in the file has been changed/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 3);
    after.close();
  });

  it('keeps the audit trail append-only', () => {
    const db = openDatabase(tempDbFile());
    // Rows go in through appendAudit, which chains their hash (issue 11); a row without one is refused.
    appendAudit(db, { at: '2026-01-01', actor: 'x', source: null, action: 'insert', entity: 'case', entity_id: 1, field: null, old_value: null, new_value: null, case_id: null, child_id: null, op: null });
    expect(() => db.prepare(`INSERT INTO audit (at, actor, action, entity, entity_id) VALUES ('2026-01-01', 'y', 'insert', 'case', 1)`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE audit SET actor = 'someone else'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT actor FROM audit').get()).toEqual({ actor: 'x' });
    db.close();
  });
});
