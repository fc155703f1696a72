/**
 * What a write makes out of date, by domain: the queries to refetch after it (see useMutation's
 * `invalidates`). A trailing dot means every method of that domain.
 */

/** An action created, completed, reassigned: the tracker, the case's actions, and the counts on Home and Caseload. */
export const ACTION_WRITES = ['actions.', 'cases.tracking', 'dashboard.get', 'alerts.home', 'caseload.get'] as const;

/** An escalation raised, answered, escalated or resolved: the log, the case's chains, and Home. */
export const ESCALATION_WRITES = ['escalations.', 'cases.tracking', 'dashboard.get', 'alerts.home'] as const;
