// Schema 1: the register — officers, children and their families, cases on the CME or PMOE
// register, the checks log, the notes chronology, settings, and the append-only audit trail.
export const sql = /* sql */ `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE officers (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  job_title  TEXT,
  team       TEXT NOT NULL,
  email      TEXT,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE families (
  id         INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL
);

CREATE TABLE children (
  id                      INTEGER PRIMARY KEY,
  forenames               TEXT NOT NULL,
  surname                 TEXT NOT NULL,
  known_as                TEXT,
  former_names            TEXT,
  date_of_birth           TEXT NOT NULL,
  gender                  TEXT NOT NULL,
  ethnicity               TEXT,
  upn                     TEXT,
  family_id               INTEGER REFERENCES families(id),
  ehcp                    INTEGER NOT NULL DEFAULT 0,
  sen_support             INTEGER NOT NULL DEFAULT 0,
  fsm                     INTEGER NOT NULL DEFAULT 0,
  looked_after            INTEGER NOT NULL DEFAULT 0,
  looked_after_la         TEXT,
  child_protection_plan   INTEGER NOT NULL DEFAULT 0,
  child_in_need           INTEGER NOT NULL DEFAULT 0,
  social_worker           TEXT,
  youth_offending         INTEGER NOT NULL DEFAULT 0,
  gypsy_roma_traveller    INTEGER NOT NULL DEFAULT 0,
  young_carer             INTEGER NOT NULL DEFAULT 0,
  asylum_refugee          INTEGER NOT NULL DEFAULT 0,
  armed_forces_family     INTEGER NOT NULL DEFAULT 0,
  missing_from_home_or_care INTEGER NOT NULL DEFAULT 0,
  at_risk_of_exploitation INTEGER NOT NULL DEFAULT 0,
  created_at              TEXT NOT NULL
);
CREATE INDEX children_dob ON children(date_of_birth);
CREATE INDEX children_family ON children(family_id);

CREATE TABLE addresses (
  id        INTEGER PRIMARY KEY,
  child_id  INTEGER NOT NULL REFERENCES children(id),
  line1     TEXT NOT NULL,
  line2     TEXT,
  town      TEXT,
  postcode  TEXT,
  from_date TEXT,
  to_date   TEXT,
  is_current INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX addresses_child ON addresses(child_id);

CREATE TABLE adults (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES children(id),
  name         TEXT NOT NULL,
  relationship TEXT,
  phone        TEXT,
  email        TEXT,
  notes        TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX adults_child ON adults(child_id);

CREATE TABLE cases (
  id                 INTEGER PRIMARY KEY,
  child_id           INTEGER NOT NULL REFERENCES children(id),
  register           TEXT NOT NULL CHECK (register IN ('CME', 'PMOE')),
  ref_year           INTEGER NOT NULL,
  ref_seq            INTEGER NOT NULL,
  reference          TEXT NOT NULL UNIQUE,
  status             TEXT NOT NULL CHECK (status IN ('referred', 'checks', 'at_panel', 'closed')),
  date_notified      TEXT NOT NULL,
  source             TEXT NOT NULL,
  referrer_name      TEXT,
  referrer_agency    TEXT,
  referrer_contact   TEXT,
  reason             TEXT,
  urgency            TEXT NOT NULL DEFAULT 'routine',
  last_school        TEXT,
  last_attendance    TEXT,
  pmoe_school        TEXT,
  pmoe_reason        TEXT,
  hours_per_week     REAL,
  provider           TEXT,
  timetable_review_date TEXT,
  timetable_end_date TEXT,
  departure_date     TEXT,
  destination        TEXT,
  professional_involvement TEXT,
  additional_info    TEXT,
  date_assessed      TEXT,
  date_provision_determined TEXT,
  date_entered_provision TEXT,
  date_located       TEXT,
  lead_officer_id    INTEGER REFERENCES officers(id),
  rag                TEXT CHECK (rag IS NULL OR rag IN ('red', 'amber', 'green')),
  rag_reason         TEXT,
  closed_on          TEXT,
  closure_reason     TEXT,
  closure_detail     TEXT,
  created_at         TEXT NOT NULL,
  UNIQUE (register, ref_year, ref_seq)
);
CREATE INDEX cases_child ON cases(child_id);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_lead ON cases(lead_officer_id);

CREATE TABLE checks (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  agency     TEXT NOT NULL,
  checked_on TEXT NOT NULL,
  checked_by TEXT NOT NULL,
  outcome    TEXT NOT NULL,
  located    INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX checks_case ON checks(case_id);

CREATE TABLE notes (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  noted_on   TEXT NOT NULL,
  author     TEXT NOT NULL,
  text       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX notes_case ON notes(case_id);

-- Append-only: who changed what, when, and from which screen or meeting.
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  source     TEXT,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  entity     TEXT NOT NULL,
  entity_id  INTEGER NOT NULL,
  field      TEXT,
  old_value  TEXT,
  new_value  TEXT,
  case_id    INTEGER,
  child_id   INTEGER
);
CREATE INDEX audit_case ON audit(case_id);
CREATE INDEX audit_child ON audit(child_id);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: rows cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: rows cannot be deleted'); END;
`;
