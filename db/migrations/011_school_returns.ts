/**
 * Issue 14: school returns and notices.
 * - Schools send a half-termly return of pupils missing out on education (000 §11; Ealing twice a
 *   year plus ad-hoc updates, 002): one `school_returns` row per file, nil return or ad-hoc update,
 *   with its lines; `op` is the audit operation that imported it, so it can be undone as one.
 * - Each school's column layout is remembered per kind of file (`school_mappings`).
 * - Deletion and admission notices (000 §2, §4; 001 §4.4; 003): one row each, with the checks made
 *   on them (the 5-day and 20-school-day rules) and what the register did (`outcome`).
 */
export const sql = /* sql */ `
CREATE TABLE schools (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  dfe_number  TEXT,
  contact     TEXT,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX schools_name ON schools(name COLLATE NOCASE);

CREATE TABLE school_mappings (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  kind        TEXT NOT NULL CHECK (kind IN ('return', 'deletions', 'admissions')),
  mapping     TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (school_id, kind)
);

CREATE TABLE school_returns (
  id           INTEGER PRIMARY KEY,
  school_id    INTEGER NOT NULL REFERENCES schools(id),
  kind         TEXT NOT NULL CHECK (kind IN ('return', 'nil', 'deletions', 'admissions')),
  half_term    TEXT NOT NULL,
  received_on  TEXT NOT NULL,
  file_name    TEXT,
  row_count    INTEGER NOT NULL DEFAULT 0,
  skipped_rows TEXT,
  status       TEXT NOT NULL DEFAULT 'imported' CHECK (status IN ('imported', 'undone')),
  imported_by  TEXT NOT NULL,
  op           TEXT,
  undone_on    TEXT,
  undone_by    TEXT,
  undo_reason  TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX school_returns_school ON school_returns(school_id, half_term);

CREATE TABLE return_lines (
  id             INTEGER PRIMARY KEY,
  return_id      INTEGER NOT NULL REFERENCES school_returns(id),
  row_number     INTEGER NOT NULL,
  child_id       INTEGER NOT NULL REFERENCES children(id),
  case_id        INTEGER NOT NULL REFERENCES cases(id),
  outcome        TEXT NOT NULL CHECK (outcome IN ('new', 'changed', 'unchanged')),
  pmoe_reason    TEXT NOT NULL,
  hours_per_week REAL,
  provider       TEXT,
  changes        TEXT,
  created_at     TEXT NOT NULL
);
CREATE INDEX return_lines_return ON return_lines(return_id);
CREATE INDEX return_lines_case ON return_lines(case_id);

CREATE TABLE school_notices (
  id                  INTEGER PRIMARY KEY,
  kind                TEXT NOT NULL CHECK (kind IN ('deletion', 'admission')),
  school_id           INTEGER NOT NULL REFERENCES schools(id),
  return_id           INTEGER REFERENCES school_returns(id),
  child_id            INTEGER REFERENCES children(id),
  case_id             INTEGER REFERENCES cases(id),
  upn                 TEXT,
  forenames           TEXT NOT NULL,
  surname             TEXT NOT NULL,
  date_of_birth       TEXT NOT NULL,
  event_date          TEXT NOT NULL,
  notified_on         TEXT NOT NULL,
  ground              TEXT,
  parent_name         TEXT,
  parent_address      TEXT,
  parent_phone        TEXT,
  future_address      TEXT,
  destination_school  TEXT,
  whereabouts_known   INTEGER CHECK (whereabouts_known IS NULL OR whereabouts_known IN (0, 1)),
  last_attendance     TEXT,
  standard_transition INTEGER CHECK (standard_transition IS NULL OR standard_transition IN (0, 1)),
  flags               TEXT NOT NULL DEFAULT '[]',
  outcome             TEXT NOT NULL,
  created_at          TEXT NOT NULL
);
CREATE INDEX school_notices_school ON school_notices(school_id, kind);
CREATE INDEX school_notices_child ON school_notices(child_id);
`;
