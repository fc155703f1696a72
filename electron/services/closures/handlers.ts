import type { closuresMethods } from '../../../shared/api/closures';
import type { DomainHandlerFactory } from '../handlers';
import { getCaseDetail, proposeClosure } from '../register/cases';
import { recordArchiveDecision } from './archiving';
import { proposeCaseClosure, authoriseClosure, declineClosure, recordUnfoundReview } from './closures';

export const closuresHandlers: DomainHandlerFactory<typeof closuresMethods> = (db, { today }) => ({
  'cases.archive': (a, ctx) => {
    recordArchiveDecision(db, ctx, a);
    return getCaseDetail(db, a.id, today());
  },
  'closures.propose': (a, ctx) => {
    proposeCaseClosure(db, ctx, a, today());
    return getCaseDetail(db, a.id, today());
  },
  'closures.authorise': (a, ctx) => {
    authoriseClosure(db, ctx, a, today());
    return getCaseDetail(db, a.id, today());
  },
  'closures.decline': (a, ctx) => {
    declineClosure(db, ctx, a, today());
    return getCaseDetail(db, a.id, today());
  },
  'closures.recordUnfoundReview': (a, ctx) => {
    recordUnfoundReview(db, ctx, a, today());
    return getCaseDetail(db, a.id, today());
  },
  'cases.proposeClosure': (a, ctx) => proposeClosure(db, ctx, a, today()),
});
