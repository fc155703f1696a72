import { z } from 'zod';
import * as S from './schemas';
import * as T from './trackingSchemas';
import { method } from './method';

/** Escalations between meetings and the ladders they climb. */
export const escalationsMethods = {
  'escalations.list': method(z.object({}).default({}), z.array(T.EscalationLogRow), false),
  'escalations.create': method(T.EscalationCreateInput, T.EscalationLogRow, true),
  'escalations.respond': method(z.object({ id: S.id, response: S.text(4000), respondedOn: S.pastDate }), T.EscalationLogRow, true),
  'escalations.escalate': method(z.object({ id: S.id, escalatedTo: S.optionalText(160), asked: S.text(2000), responseDue: S.optionalDate }), T.EscalationLogRow, true),
  'escalations.resolve': method(z.object({ id: S.id, outcome: S.text(4000), resolvedOn: S.pastDate }), T.EscalationLogRow, true),
  'ladders.get': method(z.object({}).default({}), T.Ladders, false),
  'ladders.save': method(T.Ladders, T.Ladders, true),
} as const;
