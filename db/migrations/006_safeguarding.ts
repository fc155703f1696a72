// Schema: safeguarding rules from the policies (issue 10).
// - Officers who are managers may authorise closures (003 App. D "advised to line management for
//   confirmation of closure"; App. E the EWS Operational Manager "Authorises Unconfirmed cases").
// - A closure is proposed (reason + evidence) and, where the policy asks for it, authorised by a
//   named manager; until then the case stays open.
// - Unfound cases carry a twice-yearly review date (003 App. D).
// - Archiving records the form and the named Director's decision (001 §6.2).
export const sql = /* sql */ `
ALTER TABLE officers ADD COLUMN is_manager INTEGER NOT NULL DEFAULT 0 CHECK (is_manager IN (0, 1));

CREATE TABLE closure_proposals (
  id                         INTEGER PRIMARY KEY,
  case_id                    INTEGER NOT NULL REFERENCES cases(id),
  status                     TEXT NOT NULL CHECK (status IN ('pending', 'authorised', 'declined', 'withdrawn', 'closed')),
  reason                     TEXT NOT NULL,
  closed_on                  TEXT NOT NULL,
  detail                     TEXT,
  evidence                   TEXT NOT NULL,
  s2s_uploaded_on            TEXT,
  reasonable_steps_letter_on TEXT,
  social_care_referral       TEXT,
  safeguarding_conclusion    TEXT,
  other_la                   TEXT,
  other_la_contact           TEXT,
  other_la_referred_on       TEXT,
  other_la_accepted_on       TEXT,
  chase_on                   TEXT,
  overseas_country           TEXT,
  overseas_verified_how      TEXT,
  proposed_by_id             INTEGER NOT NULL REFERENCES officers(id),
  proposed_by_name           TEXT NOT NULL,
  proposed_on                TEXT NOT NULL,
  meeting_id                 INTEGER REFERENCES meetings(id),
  decided_by_id              INTEGER REFERENCES officers(id),
  decided_by_name            TEXT,
  decided_on                 TEXT,
  decision_note              TEXT,
  created_at                 TEXT NOT NULL
);
CREATE INDEX closure_proposals_case ON closure_proposals(case_id);
CREATE UNIQUE INDEX closure_proposals_one_pending ON closure_proposals(case_id) WHERE status = 'pending';

ALTER TABLE cases ADD COLUMN unfound_review_due TEXT;
ALTER TABLE cases ADD COLUMN archive_form_completed_on TEXT;
ALTER TABLE cases ADD COLUMN archive_director TEXT;
ALTER TABLE cases ADD COLUMN archive_decided_on TEXT;

-- Cases already closed as not found get their twice-yearly review (003 App. D): six months after
-- closure, so those never reviewed come back to the next panel.
UPDATE cases SET unfound_review_due = date(closed_on, '+6 months')
  WHERE status = 'closed' AND closure_reason = 'unresolved_lost' AND closed_on IS NOT NULL;
`;
