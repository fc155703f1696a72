// Schema 14 (issue 12): a built agenda keeps its most pressing "also eligible" cases (the ones the
// screens show) and the count of all of them, instead of every eligible case with its reasons: at
// 50,000 cases that was 8,700 rows written on every build. NULL (agendas built before) means the
// stored rows are all of them, and are counted.
export const sql = /* sql */ `
ALTER TABLE meetings ADD COLUMN also_eligible_total INTEGER;
`;
