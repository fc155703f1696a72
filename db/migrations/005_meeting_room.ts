// Schema 5: the meeting room. A panel's capacity (cases per meeting; NULL = the register's
// default), the cases eligible for a meeting but over its capacity ("also eligible"), an action
// owner who is not an officer (a panel member, deputy, guest or outside agency), and when an
// agenda item was passed over without being discussed ("not reached"), and attendance that
// starts "not yet marked".
export const sql = /* sql */ `
ALTER TABLE panels ADD COLUMN capacity INTEGER CHECK (capacity IS NULL OR capacity > 0);

CREATE TABLE agenda_eligible (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  rank       INTEGER NOT NULL,
  section    TEXT NOT NULL,
  reasons    TEXT NOT NULL DEFAULT '[]',
  UNIQUE (meeting_id, case_id)
);
CREATE INDEX agenda_eligible_meeting ON agenda_eligible(meeting_id, rank);

ALTER TABLE actions ADD COLUMN owner_text TEXT;

-- Attendance starts "not yet marked" rather than everyone present (the CHECK needs a new table).
CREATE TABLE attendance_new (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  officer_id INTEGER REFERENCES officers(id),
  name       TEXT NOT NULL,
  role       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('not_marked', 'present', 'apologies', 'absent')),
  kind       TEXT NOT NULL CHECK (kind IN ('member', 'deputy', 'guest')),
  deputy_for TEXT,
  position   INTEGER NOT NULL
);
INSERT INTO attendance_new (id, meeting_id, officer_id, name, role, status, kind, deputy_for, position)
  SELECT id, meeting_id, officer_id, name, role, status, kind, deputy_for, position FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_new RENAME TO attendance;
CREATE INDEX attendance_meeting ON attendance(meeting_id);

CREATE INDEX actions_meeting ON actions(meeting_id);
`;
