import type { retentionMethods } from '../../../shared/api/retention';
import { DEFAULT_RETENTION } from '../../../shared/domain/retention';
import type { DomainHandlerFactory } from '../handlers';
import { compactAfterErasure, eraseChild, pastRetention, requireManager, retentionRules, setRetentionRules } from './retention';

export const retentionHandlers: DomainHandlerFactory<typeof retentionMethods> = (db, opts) => ({
  'retention.get': () => ({ rules: retentionRules(db), defaults: DEFAULT_RETENTION }),
  'retention.set': ({ rules }, ctx) => ({ rules: setRetentionRules(db, ctx, rules), defaults: DEFAULT_RETENTION }),
  'retention.pastList': ({ managerId, limit }) => {
    requireManager(db, managerId);
    return pastRetention(db, opts.today(), limit);
  },
  'retention.erase': ({ childId, managerId }, ctx) => {
    const erased = db.transaction(() => eraseChild(db, ctx, childId, managerId, opts.today()))();
    compactAfterErasure(db);
    return erased;
  },
});
