import type { caseloadMethods } from '../../../shared/api/caseload';
import type { DomainHandlerFactory } from '../handlers';
import { byRegisterVersion } from '../versionCache';
import { getCaseload, reallocate, caseTracking, getDashboard } from './caseload';

export const caseloadHandlers: DomainHandlerFactory<typeof caseloadMethods> = (db, { today }) => ({
  'cases.tracking': ({ caseId }) => caseTracking(db, caseId, today()),
  'cases.reallocate': (a, ctx) => reallocate(db, ctx, a, today()),
  'caseload.get': () => getCaseload(db, today()),
  // Home on every visit: the same figures until the register or the day changes.
  'dashboard.get': () => {
    const day = today();
    return byRegisterVersion(db, day, 'dashboard.get', () => getDashboard(db, day));
  },
});
