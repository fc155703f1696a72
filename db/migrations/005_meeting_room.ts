// Schema 5: the meeting room. A panel's capacity (cases per meeting; NULL = the register's
// default), the cases eligible for a meeting but over its capacity ("also eligible"), an action
// owner who is not an officer (a panel member, deputy, guest or outside agency), and when an
// agenda item was passed over without being discussed ("not reached").
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

CREATE INDEX actions_meeting ON actions(meeting_id);
`;
