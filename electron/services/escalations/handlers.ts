import type { escalationsMethods } from '../../../shared/api/escalations';
import type { DomainHandlerFactory } from '../handlers';
import { listEscalations, createEscalation, respondEscalation, escalateFurther, resolveEscalation, getLadders, saveLadders } from './escalations';

export const escalationsHandlers: DomainHandlerFactory<typeof escalationsMethods> = (db, { today }) => ({
  'escalations.list': () => listEscalations(db, today()),
  'escalations.create': (a, ctx) => createEscalation(db, ctx, a, today()),
  'escalations.respond': (a, ctx) => respondEscalation(db, ctx, a, today()),
  'escalations.escalate': (a, ctx) => escalateFurther(db, ctx, a, today()),
  'escalations.resolve': (a, ctx) => resolveEscalation(db, ctx, a, today()),
  'ladders.get': () => getLadders(db),
  'ladders.save': (a, ctx) => saveLadders(db, ctx, a),
});
