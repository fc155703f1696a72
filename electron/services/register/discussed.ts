/**
 * When a case counts as discussed at a meeting: the minute-taker marked its item done or recorded
 * something on it (notes, decisions, an outcome, a rating, an action, a review, an escalation).
 * Moving past it on the projector does not; the minutes list such items as "not reached".
 * `a` is the agenda_items alias.
 */
export const DISCUSSED_SQL = `(a.done = 1 OR a.discussion IS NOT NULL OR a.decisions IS NOT NULL OR a.outcome IS NOT NULL
  OR EXISTS (SELECT 1 FROM actions x WHERE x.agenda_item_id = a.id) OR EXISTS (SELECT 1 FROM action_reviews v WHERE v.agenda_item_id = a.id)
  OR EXISTS (SELECT 1 FROM escalations e WHERE e.agenda_item_id = a.id) OR EXISTS (SELECT 1 FROM rag_history h WHERE h.meeting_id = a.meeting_id AND h.case_id = a.case_id))`;

/** Whether case `caseExpr` has been discussed at a held panel meeting (so it is no longer "due for panel"). */
export const takenToPanelSql = (caseExpr: string) => `EXISTS (SELECT 1 FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
  WHERE a.case_id = ${caseExpr} AND a.kind = 'case' AND a.removed = 0 AND m.status <> 'scheduled' AND ${DISCUSSED_SQL})`;

/**
 * The last earlier meeting (before `meetingDate`, other than `meetingId`) at which case ? was
 * discussed, with its minute: what the cockpit and the agenda pack show as "Last panel". A meeting
 * that did not reach the case is skipped (QA walk: it hid the real last minute behind "Nothing
 * was minuted"). Parameters: case id, this meeting's id, its date.
 */
export const LAST_DISCUSSED_SQL = `SELECT m.id AS meeting_id, a.id AS item_id, m.date, a.discussion, a.decisions, a.outcome FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
  WHERE a.case_id = ? AND a.meeting_id <> ? AND m.date < ? AND a.removed = 0 AND m.status <> 'scheduled' AND ${DISCUSSED_SQL}
  ORDER BY m.date DESC LIMIT 1`;
