// Schema 8 (issue 12): indexes for the queries that run on every screen of a 50,000-case register.
// Each one is proven used by EXPLAIN QUERY PLAN in test/unit/db/queryPlans.test.ts.
export const sql = /* sql */ `
-- "Discussed at panel" (electron/services/register/discussed.ts) looks for an action, review,
-- escalation or rating recorded against each agenda item: without these it scans each table per item.
CREATE INDEX actions_agenda_item ON actions(agenda_item_id);
CREATE INDEX action_reviews_agenda_item ON action_reviews(agenda_item_id);
CREATE INDEX escalations_agenda_item ON escalations(agenda_item_id);
CREATE INDEX rag_history_meeting_case ON rag_history(meeting_id, case_id);
-- The register's "open cases" view and Home read cases by status (the index of 001), by register
-- (due for panel is CME only) and count them by RAG without reading the rows; Caseload reads one
-- officer's open cases.
CREATE INDEX cases_status_register ON cases(status, register, rag);
-- Home's clocks are date cut-offs on open cases (shared/domain/clockCutoffs.ts).
CREATE INDEX cases_status_notified ON cases(status, date_notified);
CREATE INDEX cases_lead_status ON cases(lead_officer_id, status);
-- Home's overdue actions and escalations awaiting a reply; an officer's open actions on Caseload.
CREATE INDEX actions_status_due ON actions(status, due_date);
CREATE INDEX actions_owner_status ON actions(owner_id, status);
CREATE INDEX escalations_status ON escalations(status);
-- Opening looks for audit rows not yet sealed into the hash chain (sealAudit): without this it reads
-- every audit row (580,000 on the 50,000-case demo) on every open. Empty once sealed, so it costs nothing.
CREATE INDEX audit_unsealed ON audit(id) WHERE hash IS NULL;
`;
