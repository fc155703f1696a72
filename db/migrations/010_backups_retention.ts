/**
 * Issue 13 (part B): automatic backups, restore and retention.
 *
 * backup_log: every backup Panel wrote or failed to write (and every restore), so Settings and Home
 * can say when the register was last backed up and where, even when the folder is a network drive
 * that is not connected.
 *
 * Erasure under the retention rule: the audit rows about an erased child lose their old and new
 * values (which hold the child's personal data) and nothing else. The chain still verifies because
 * the erasure's own audit row, appended first, records each blanked row's id, hash and a digest of
 * the columns that remain (db/auditChain.ts). The update trigger allows exactly that one change:
 * old_value and new_value set to NULL, every other column and the hash as they were, and only
 * once an erasure row after it exists.
 *
 * Erasing deletes cases, agenda items and actions; SQLite then looks up every row that refers to
 * each one (foreign keys). These columns had no index, so each lookup read its whole table: on a
 * 50,000-case register erasing twenty children took over a minute.
 */
export const sql = `
CREATE TABLE backup_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  kind    TEXT NOT NULL CHECK (kind IN ('manual', 'daily', 'close', 'before_restore', 'command_line', 'restore')),
  folder  TEXT NOT NULL,
  file    TEXT,
  ok      INTEGER NOT NULL CHECK (ok IN (0, 1)),
  bytes   INTEGER,
  message TEXT,
  actor   TEXT NOT NULL
);
CREATE INDEX backup_log_at ON backup_log(at);

-- The trigger below asks "is there an erasure row after this one?" for every row blanked: without
-- this (small, partial) index that read the rest of the audit trail each time.
CREATE INDEX audit_erasures ON audit(id) WHERE entity = 'erasure';

-- The foreign-key columns an erasure's deletes look up (actions, action reviews and escalations by
-- agenda item are indexed by 008_performance_indexes already).
CREATE INDEX agenda_eligible_case ON agenda_eligible(case_id);
CREATE INDEX action_reviews_action ON action_reviews(action_id);
CREATE INDEX escalations_parent ON escalations(parent_id);
CREATE INDEX minutes_amendments_agenda_item ON minutes_amendments(agenda_item_id);

DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (
  (OLD.hash IS NULL AND NEW.hash IS NOT NULL
    AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor AND NEW.source IS OLD.source
    AND NEW.action IS OLD.action AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
    AND NEW.field IS OLD.field AND NEW.old_value IS OLD.old_value AND NEW.new_value IS OLD.new_value
    AND NEW.case_id IS OLD.case_id AND NEW.child_id IS OLD.child_id AND NEW.op IS OLD.op)
  OR
  (OLD.hash IS NOT NULL AND NEW.hash IS OLD.hash AND NEW.old_value IS NULL AND NEW.new_value IS NULL
    AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor AND NEW.source IS OLD.source
    AND NEW.action IS OLD.action AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
    AND NEW.field IS OLD.field AND NEW.case_id IS OLD.case_id AND NEW.child_id IS OLD.child_id AND NEW.op IS OLD.op
    AND EXISTS (SELECT 1 FROM audit e WHERE e.entity = 'erasure' AND e.id > OLD.id))
)
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: rows cannot be changed'); END;
`;
