// Schema 3: panels and their members, the term calendar, meetings with attendance and an agenda,
// what is recorded per item, actions and their reviews, escalations, RAG history, minutes
// amendments — and an operation id on audit rows so one change can be undone as a whole.
export const sql = /* sql */ `
ALTER TABLE audit ADD COLUMN op TEXT;
CREATE INDEX audit_op ON audit(op);

ALTER TABLE cases ADD COLUMN closure_proposed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;

CREATE TABLE calendar_terms (
  id         INTEGER PRIMARY KEY,
  year_label TEXT NOT NULL,
  name       TEXT NOT NULL,
  starts     TEXT NOT NULL,
  ends       TEXT NOT NULL
);
CREATE TABLE calendar_closures (
  id    INTEGER PRIMARY KEY,
  date  TEXT NOT NULL,
  kind  TEXT NOT NULL CHECK (kind IN ('inset', 'bank_holiday', 'other')),
  label TEXT NOT NULL
);

CREATE TABLE panels (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL,
  register           TEXT NOT NULL CHECK (register IN ('CME', 'PMOE')),
  cadence            TEXT NOT NULL,          -- JSON, shared/domain/schedule Cadence
  default_time       TEXT NOT NULL DEFAULT '10:00',
  default_venue      TEXT,
  default_chair_id   INTEGER REFERENCES officers(id),
  default_minute_taker_id INTEGER REFERENCES officers(id),
  standing_items     TEXT NOT NULL,          -- JSON: [{ code, title, text }]
  active             INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL
);
CREATE TABLE panel_members (
  id         INTEGER PRIMARY KEY,
  panel_id   INTEGER NOT NULL REFERENCES panels(id),
  role       TEXT NOT NULL,
  officer_id INTEGER REFERENCES officers(id),
  position   INTEGER NOT NULL
);

CREATE TABLE meetings (
  id               INTEGER PRIMARY KEY,
  panel_id         INTEGER NOT NULL REFERENCES panels(id),
  date             TEXT NOT NULL,
  time             TEXT NOT NULL,
  venue            TEXT,
  online_link      TEXT,
  status           TEXT NOT NULL CHECK (status IN ('scheduled', 'in_progress', 'draft', 'approved')),
  chair_id         INTEGER REFERENCES officers(id),
  minute_taker_id  INTEGER REFERENCES officers(id),
  started_at       TEXT,
  closed_at        TEXT,
  approved_on      TEXT,
  approved_at_meeting_id INTEGER REFERENCES meetings(id),
  current_item_id  INTEGER,
  projector_names_item_id INTEGER,
  projector_blank  INTEGER NOT NULL DEFAULT 0,
  live_version     INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL
);
CREATE INDEX meetings_panel_date ON meetings(panel_id, date);

CREATE TABLE attendance (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  officer_id INTEGER REFERENCES officers(id),
  name       TEXT NOT NULL,
  role       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent')),
  kind       TEXT NOT NULL CHECK (kind IN ('member', 'deputy', 'guest')),
  deputy_for TEXT,
  position   INTEGER NOT NULL
);
CREATE INDEX attendance_meeting ON attendance(meeting_id);

CREATE TABLE agenda_items (
  id             INTEGER PRIMARY KEY,
  meeting_id     INTEGER NOT NULL REFERENCES meetings(id),
  position       INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('standing', 'case')),
  code           TEXT NOT NULL,            -- standing item code, or the case section
  title          TEXT NOT NULL,
  case_id        INTEGER REFERENCES cases(id),
  reasons        TEXT NOT NULL DEFAULT '[]',  -- JSON [{ code, text }]
  added_by_hand  INTEGER NOT NULL DEFAULT 0,
  removed        INTEGER NOT NULL DEFAULT 0,
  removed_reason TEXT,
  discussion     TEXT,
  decisions      TEXT,
  outcome        TEXT,
  outcome_detail TEXT,
  rag_before     TEXT,
  lead_before_id INTEGER,
  elapsed_seconds INTEGER NOT NULL DEFAULT 0,
  started_at     TEXT,
  done           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agenda_meeting ON agenda_items(meeting_id, position);
CREATE INDEX agenda_case ON agenda_items(case_id);

CREATE TABLE actions (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER REFERENCES cases(id),
  meeting_id       INTEGER REFERENCES meetings(id),
  agenda_item_id   INTEGER REFERENCES agenda_items(id),
  text             TEXT NOT NULL,
  owner_id         INTEGER REFERENCES officers(id),
  due_date         TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('open', 'done', 'carried_forward', 'dropped')),
  carried_count    INTEGER NOT NULL DEFAULT 0,
  completed_on     TEXT,
  completion_note  TEXT,
  created_at       TEXT NOT NULL
);
CREATE INDEX actions_case ON actions(case_id);
CREATE INDEX actions_status ON actions(status);

CREATE TABLE action_reviews (
  id             INTEGER PRIMARY KEY,
  action_id      INTEGER NOT NULL REFERENCES actions(id),
  meeting_id     INTEGER NOT NULL REFERENCES meetings(id),
  agenda_item_id INTEGER REFERENCES agenda_items(id),
  outcome        TEXT NOT NULL CHECK (outcome IN ('done', 'carried_forward', 'dropped')),
  reason         TEXT,
  new_due_date   TEXT,
  created_at     TEXT NOT NULL
);

CREATE TABLE escalations (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES cases(id),
  meeting_id     INTEGER REFERENCES meetings(id),
  agenda_item_id INTEGER REFERENCES agenda_items(id),
  parent_id      INTEGER REFERENCES escalations(id),
  reason         TEXT NOT NULL,
  level          INTEGER NOT NULL,
  level_title    TEXT NOT NULL,
  escalated_to   TEXT,
  asked          TEXT,
  raised_by      TEXT NOT NULL,
  raised_on      TEXT NOT NULL,
  response_due   TEXT,
  response       TEXT,
  outcome        TEXT,
  status         TEXT NOT NULL CHECK (status IN ('open', 'responded', 'resolved', 'escalated')),
  resolved_on    TEXT,
  created_at     TEXT NOT NULL
);
CREATE INDEX escalations_case ON escalations(case_id);

CREATE TABLE rag_history (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  on_date    TEXT NOT NULL,
  from_rag   TEXT,
  to_rag     TEXT NOT NULL,
  reason     TEXT NOT NULL,
  actor      TEXT NOT NULL,
  meeting_id INTEGER REFERENCES meetings(id),
  created_at TEXT NOT NULL
);
CREATE INDEX rag_history_case ON rag_history(case_id);

-- Operations reversed by "undo", and the operation that reversed them.
CREATE TABLE undone_ops (
  op         TEXT PRIMARY KEY,
  undone_by  TEXT NOT NULL
);

-- Once minutes are approved they are locked: a change is an amendment with who, when and why.
CREATE TABLE minutes_amendments (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  reason     TEXT NOT NULL,
  agenda_item_id INTEGER REFERENCES agenda_items(id),
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT
);
`;
