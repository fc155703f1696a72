import type { caseloadMethods } from '../../../shared/api/caseload';
import type { DomainHandlerFactory } from '../handlers';
import { getCaseload, reallocate, caseTracking, getDashboard } from './caseload';

export const caseloadHandlers: DomainHandlerFactory<typeof caseloadMethods> = (db, { today }) => ({
  'cases.tracking': ({ caseId }) => caseTracking(db, caseId, today()),
  'cases.reallocate': (a, ctx) => reallocate(db, ctx, a, today()),
  'caseload.get': () => getCaseload(db, today()),
  'dashboard.get': () => getDashboard(db, today()),
});
