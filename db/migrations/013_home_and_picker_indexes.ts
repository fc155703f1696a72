// Schema 12 (issue 12): Home (dashboard.get) and the case pickers at 50,000 cases. Each index is proven used by EXPLAIN
// QUERY PLAN in test/unit/db/migrations/013_home_and_picker_indexes.test.ts.
export const sql = /* sql */ `
-- "Due for panel" (seed 000 §7) is open CME cases not yet located, not archived, notified by a
-- cut-off. With every one of those columns in the index Home counts them and picks the eight
-- longest-waiting without reading a case row (each row read is a page decrypted: 3,300 of them at 50k).
CREATE INDEX cases_due_for_panel ON cases(register, archived, date_located, status, date_notified);
-- "End of compulsory school age" walks the children past school age, which grows with closed
-- history (8,000 of 50,000 on the demo): with the status beside child_id it checks whether each has
-- an open case from the index alone. It covers every use of cases_child (child_id first), which goes.
CREATE INDEX cases_child_status ON cases(child_id, status);
DROP INDEX cases_child;
-- The case pickers (register.pick) find a child by the start of a forename or surname as the
-- officer types, instead of loading the register (29 MB at 50k) or reading every child.
CREATE INDEX children_surname_nocase ON children(surname COLLATE NOCASE);
CREATE INDEX children_forenames_nocase ON children(forenames COLLATE NOCASE);
`;
