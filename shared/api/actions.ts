import { z } from 'zod';
import * as S from './schemas';
import * as T from './trackingSchemas';
import { method } from './method';

/** Actions between meetings (the tracker). */
export const actionsMethods = {
  'actions.list': method(z.object({ caseId: S.id.nullish() }).default({}), z.array(T.TrackerAction), false),
  'actions.create': method(T.ActionCreateInput, T.TrackerAction, true),
  'actions.complete': method(z.object({ id: S.id, completedOn: S.pastDate, note: S.optionalText(1000) }), T.TrackerAction, true),
  'actions.bulk': method(
    z.object({ ids: S.list(S.id, S.MAX_SELECTION).min(1, { error: 'choose at least one action' }), op: z.enum(['done', 'reassign']), ownerId: S.id.nullish(), note: S.optionalText(1000) }),
    z.object({ updated: z.number() }),
    true,
  ),
} as const;
