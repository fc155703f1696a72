// Schema 4: lead-officer allocation history, escalation responses and chains, and back-filled
// history so a register from schema 3 starts its RAG and allocation timelines from what it holds.
export const sql = /* sql */ `
CREATE TABLE lead_allocations (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES cases(id),
  from_officer_id INTEGER REFERENCES officers(id),
  to_officer_id   INTEGER REFERENCES officers(id),
  on_date         TEXT NOT NULL,
  actor           TEXT NOT NULL,
  meeting_id      INTEGER REFERENCES meetings(id),
  reason          TEXT,
  created_at      TEXT NOT NULL
);
CREATE INDEX lead_allocations_case ON lead_allocations(case_id);

ALTER TABLE escalations ADD COLUMN ladder_code TEXT;
ALTER TABLE escalations ADD COLUMN responded_on TEXT;
ALTER TABLE escalations ADD COLUMN people_informed TEXT;

INSERT INTO lead_allocations (case_id, from_officer_id, to_officer_id, on_date, actor, reason, created_at)
  SELECT id, NULL, lead_officer_id, date_notified, 'Panel (history began)', 'Lead officer when allocation history began', created_at
  FROM cases WHERE lead_officer_id IS NOT NULL;
INSERT INTO rag_history (case_id, on_date, from_rag, to_rag, reason, actor, created_at)
  SELECT id, date_notified, NULL, rag, coalesce(rag_reason, 'Rating when RAG history began'), 'Panel (history began)', created_at
  FROM cases WHERE rag IS NOT NULL AND id NOT IN (SELECT case_id FROM rag_history);
`;
