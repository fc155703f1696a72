// Schema 12 (issue 12): the agenda builder reads only the cases that can be eligible, by index.
// Proven used by EXPLAIN QUERY PLAN in test/unit/db/migrations/012_agenda_build_indexes.test.ts.
export const sql = /* sql */ `
-- A case closed as not found comes back to its panel for the twice-yearly review (seed 003 App. D):
-- the builder finds those due by register and review date instead of reading every closed case
-- (77 % of a mature register). Only such cases carry a review date, so the index stays small.
CREATE INDEX cases_unfound_review ON cases(register, unfound_review_due) WHERE unfound_review_due IS NOT NULL;
`;
