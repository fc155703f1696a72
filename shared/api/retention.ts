import { z } from 'zod';
import * as S from './schemas';
import { method } from './method';

/** How many children one erasure may take (one transaction, then one rebuild of the file). */
export const MAX_ERASE = 200;

/** Retention (issue 13): how long closed records are kept, the records past it, and erasing them. */
export const RetentionRule = z.object({
  basis: z.enum(['birthday', 'after_closure']),
  years: z.number({ error: 'must be a number of years' }).int({ error: 'must be a whole number of years' }).min(1, { error: 'must be at least 1 year' }).max(100, { error: 'must be at most 100 years' }),
});
export const RetentionRules = z.object({ CME: RetentionRule, PMOE: RetentionRule });

export const PastRetentionRow = z.object({
  childId: z.number(),
  name: z.string(),
  dateOfBirth: z.string(),
  references: z.array(z.string()),
  registers: z.array(z.string()),
  lastClosedOn: z.string().nullable(),
  /** The day retention ended: records are kept until this date and may be erased from it. */
  pastSince: z.string(),
});

export const retentionMethods = {
  'retention.get': method(z.object({}).default({}), z.object({ rules: RetentionRules, defaults: RetentionRules }), false),
  'retention.set': method(z.object({ rules: RetentionRules }), z.object({ rules: RetentionRules, defaults: RetentionRules }), true),
  /** The children whose records are past retention (a manager's list: see shared/api/permissions.ts). */
  'retention.pastList': method(
    z.object({ limit: z.number().int().min(1).max(S.MAX_SELECTION).default(500) }),
    z.object({ rows: z.array(PastRetentionRow), total: z.number(), today: z.string() }),
    false,
  ),
  /**
   * Erase one child's personal data in one transaction with its audit row (no personal data in it),
   * then rebuild the file (VACUUM) so no copy of the erased bytes is left in its free space. The
   * handler opens that transaction itself (`transaction: 'own'`): SQLite cannot VACUUM inside the dispatcher's.
   */
  'retention.erase': method(
    z.object({
      /** One or several children: all are erased or none, with one erasure audit row, then the file is rebuilt once. */
      childIds: S.list(S.id, MAX_ERASE).min(1, { error: 'choose at least one child' }),
      confirm: z.literal(true, { error: 'must be ticked to erase the records' }),
    }),
    z.object({ erasedChildren: z.number(), erasedCases: z.number(), auditRowsBlanked: z.number(), auditEntries: z.array(z.number()) }),
    true,
    { transaction: 'own' },
  ),
} as const;
