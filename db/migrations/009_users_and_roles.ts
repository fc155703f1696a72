/**
 * Issue 13: users and roles. Who may open the register is the keyring's business (wrapped keys
 * beside the file); who each user is and what they may do is decided here, inside the encrypted
 * register, so editing the keyring can't make anyone a manager.
 *
 * Roles: manager (also authorises closures and archiving, manages users), officer (keeps the
 * register, records meetings), panel_member (reads the register and the minutes, no edits).
 * A removed user keeps their row (their name stays on the audit rows they wrote); a name is
 * unique among current users only. `officer_id` ties a user to their officer record, when there
 * is one of the same name, so "the proposer is not the authoriser" compares the same person.
 */
export const sql = `
CREATE TABLE users (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
  name_key     TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('manager', 'officer', 'panel_member')),
  officer_id   INTEGER REFERENCES officers(id),
  created_at   TEXT NOT NULL,
  password_set_at TEXT,
  removed_at   TEXT
);
CREATE UNIQUE INDEX users_current_name ON users(name_key) WHERE removed_at IS NULL;
`;
