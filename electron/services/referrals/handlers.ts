import type { referralsMethods } from '../../../shared/api/referrals';
import type { DomainHandlerFactory } from '../handlers';
import { createReferral } from './referrals';

export const referralsHandlers: DomainHandlerFactory<typeof referralsMethods> = (db) => ({
  'referrals.create': (a, ctx) => createReferral(db, ctx, a),
});
