import type { actionsMethods } from '../../../shared/api/actions';
import type { DomainHandlerFactory } from '../handlers';
import { listActions, createAction, completeAction, bulkActions } from './tracker';

export const actionsHandlers: DomainHandlerFactory<typeof actionsMethods> = (db, { today }) => ({
  'actions.list': ({ caseId }) => listActions(db, today(), caseId),
  'actions.create': (a, ctx) => createAction(db, ctx, a, today()),
  'actions.complete': (a, ctx) => completeAction(db, ctx, a, today()),
  'actions.bulk': (a, ctx) => bulkActions(db, ctx, a, today()),
});
