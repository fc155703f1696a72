import { z } from 'zod';
import * as S from './schemas';
import { method } from './method';

/** New referrals (a child and a case in one step). */
export const referralsMethods = {
  'referrals.create': method(S.ReferralInput, z.object({ caseId: z.number(), reference: z.string(), childId: z.number(), siblingCases: z.array(z.string()) }), true),
} as const;
