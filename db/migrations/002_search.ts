// Schema 2: a normalised search key on children so the register search (name, known-as,
// former names) is one indexed LIKE rather than four lower() scans, and lookups by UPN.
// Existing rows are back-filled here, so a register from schema 1 keeps finding its children.
export const sql = /* sql */ `
ALTER TABLE children ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE children SET search_key = lower(
  forenames || ' ' || surname || ' ' || ifnull(known_as, '') || ' ' || ifnull(former_names, '')
);
CREATE INDEX children_upn ON children(upn);
CREATE INDEX cases_notified ON cases(date_notified);
`;
