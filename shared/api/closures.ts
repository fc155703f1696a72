import { z } from 'zod';
import * as S from './schemas';
import { method } from './method';

/** Closing a case: propose (reason + evidence), authorise or decline, archive, review the unfound. */
export const closuresMethods = {
  // Closing: propose (reason + evidence) → authorise by a named manager where the rules ask for it
  // (shared/domain/closure.ts). There is no other way to close a case.
  'cases.archive': method(z.object({ id: S.id, formCompletedOn: S.optionalPastDate, director: S.optionalText(160), decidedOn: S.pastDate }), S.CaseDetail, true),
  'closures.propose': method(S.ClosureProposalInput, S.CaseDetail, true),
  /** The authoriser is the signed-in manager; authorisedById names one only where nobody signs in (scripts, tests). */
  'closures.authorise': method(z.object({ id: S.id, authorisedById: S.id.optional(), note: S.optionalText(1000) }), S.CaseDetail, true),
  'closures.decline': method(z.object({ id: S.id, decidedById: S.id.optional(), reason: S.text(1000) }), S.CaseDetail, true),
  'closures.recordUnfoundReview': method(z.object({ id: S.id, outcome: S.text(2000) }), S.CaseDetail, true),
  'cases.proposeClosure': method(z.object({ id: S.id, proposed: z.boolean() }), S.CaseDetail, true),
} as const;
