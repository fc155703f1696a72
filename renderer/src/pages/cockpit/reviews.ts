/** Where an earlier action stands at this meeting's review. Pure. */

export interface ReviewableAction {
  status: 'open' | 'done' | 'carried_forward' | 'dropped';
  reviewedHere: 'done' | 'carried_forward' | 'dropped' | null;
}

/** Its review at this meeting, or done/dropped before; null while it waits (open, or carried forward from an earlier meeting). */
export const reviewedOutcome = (a: ReviewableAction): 'done' | 'carried_forward' | 'dropped' | null =>
  a.reviewedHere ?? (a.status === 'done' || a.status === 'dropped' ? a.status : null);

/** The first action still waiting for its review (what D and C act on). */
export const firstUnreviewed = <T extends ReviewableAction>(actions: readonly T[]): T | null => actions.find((a) => reviewedOutcome(a) === null) ?? null;
