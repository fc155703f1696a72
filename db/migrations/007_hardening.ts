/**
 * Issue 11: the audit trail append-only against INSERT OR REPLACE and UPSERT too, and
 * tamper-evident: each row carries a SHA-256 hash chained to the previous row's (db/auditChain.ts).
 *
 * Rows written before this migration have no hash yet; db/open.ts seals them, in order, on the
 * next open. That is the one update the trail allows: setting the hash of a row that has none,
 * leaving every other column as it was.
 */
export const sql = `
ALTER TABLE audit ADD COLUMN hash TEXT;

DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL
  AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor AND NEW.source IS OLD.source
  AND NEW.action IS OLD.action AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
  AND NEW.field IS OLD.field AND NEW.old_value IS OLD.old_value AND NEW.new_value IS OLD.new_value
  AND NEW.case_id IS OLD.case_id AND NEW.child_id IS OLD.child_id AND NEW.op IS OLD.op)
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: rows cannot be changed'); END;

-- INSERT OR REPLACE over an existing row deletes it first (without firing the delete trigger
-- unless recursive triggers are on); an UPSERT would update it. Both start as an INSERT of an id
-- that exists: refuse that. And every new row must carry its hash.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: rows cannot be replaced'); END;
CREATE TRIGGER audit_hash_required BEFORE INSERT ON audit
WHEN NEW.hash IS NULL
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: every row must carry its chain hash'); END;
`;
