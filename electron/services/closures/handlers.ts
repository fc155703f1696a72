import type { closuresMethods } from '../../../shared/api/closures';
import type { DomainHandlerFactory } from '../handlers';
import { getCaseDetail, proposeClosure } from '../register/cases';
import { recordArchiveDecision } from './archiving';
import { proposeCaseClosure, authoriseClosure, declineClosure, recordUnfoundReview } from './closures';

export const closuresHandlers: DomainHandlerFactory<typeof closuresMethods> = (db, { today }) => ({
  'cases.archive': ({ id, ...d }, ctx) => {
    recordArchiveDecision(db, ctx, id, d);
    return getCaseDetail(db, id, today());
  },
  'closures.propose': ({ id, ...p }, ctx) => {
    proposeCaseClosure(db, ctx, id, p, today());
    return getCaseDetail(db, id, today());
  },
  'closures.authorise': ({ id, authorisedById, note }, ctx) => {
    authoriseClosure(db, ctx, id, authorisedById, note, today());
    return getCaseDetail(db, id, today());
  },
  'closures.decline': ({ id, decidedById, reason }, ctx) => {
    declineClosure(db, ctx, id, decidedById, reason, today());
    return getCaseDetail(db, id, today());
  },
  'closures.recordUnfoundReview': ({ id, outcome }, ctx) => {
    recordUnfoundReview(db, ctx, id, outcome, today());
    return getCaseDetail(db, id, today());
  },
  'cases.proposeClosure': ({ id, proposed }, ctx) => proposeClosure(db, ctx, id, proposed, today()),
});
