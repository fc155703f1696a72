// Schema 15 (issue 12): the agenda builder reads every open case of a panel's register (8,700 at
// 50,000 cases) from the index alone. Each case row it read was a page decrypted: the open cases lie
// on nearly every page of the cases and children tables (24 MB at 50k, more than the page cache),
// so every build decrypted them all again. These hold only the columns the rules read, in a few
// hundred pages; proven used (COVERING) by test/unit/db/migrations/015_agenda_covering_indexes.test.ts.
// The column lists must match electron/services/meetings/agendaCases.ts COLUMNS: the test fails if
// a column is read that the index does not hold.
export const sql = /* sql */ `
CREATE INDEX cases_agenda ON cases(register, status, id, reference, rag, date_notified, date_located,
  closure_proposed, archived, timetable_review_date, timetable_end_date, last_attendance,
  date_entered_provision, unfound_review_due, hours_per_week, pmoe_reason, provider, child_id);
CREATE INDEX children_agenda ON children(id, date_of_birth, ehcp, looked_after, child_protection_plan,
  child_in_need, missing_from_home_or_care, at_risk_of_exploitation);
`;
