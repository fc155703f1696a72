import { z } from 'zod';
import * as S from './schemas';
import * as T from './trackingSchemas';
import { method } from './method';

/** Caseload: who holds what, reallocation, a case's tracking and the dashboard. */
export const caseloadMethods = {
  'cases.tracking': method(z.object({ caseId: S.id }), T.CaseTracking, false),
  'cases.reallocate': method(z.object({ caseIds: S.list(S.id, S.MAX_SELECTION).min(1, { error: 'choose at least one case' }), toOfficerId: S.id, reason: S.text(500) }), z.object({ moved: z.number() }), true),
  'caseload.get': method(z.object({}).default({}), T.Caseload, false),
  'dashboard.get': method(z.object({}).default({}), T.Dashboard, false),
} as const;
