import { z } from 'zod';
import { method } from './method';

/** The app itself: what it is, who is using it, first-run set-up, and the audit trail check. */
export const appMethods = {
  'app.info': method(
    z.object({}).default({}),
    z.object({
      version: z.string(),
      schemaVersion: z.number(),
      dbPath: z.string(),
      userName: z.string(),
      setupDone: z.boolean(),
      caseCount: z.number(),
      today: z.string(),
    }),
    false,
  ),
  'app.setup': method(
    z.object({ mode: z.enum(['empty', 'demo']) }),
    z.object({ caseCount: z.number() }),
    true,
  ),
  /** Walks the audit trail's hash chain (issue 11): the first broken link, if any. */
  'audit.verify': method(
    /** atOpen: the check run when the register was opened (the app's start-up warning); else a fresh walk. */
    z.object({ atOpen: z.boolean().default(false) }).default({ atOpen: false }),
    z.object({
      ok: z.boolean(),
      rows: z.number(),
      firstBroken: z.object({ id: z.number(), at: z.string().nullable(), actor: z.string().nullable(), entity: z.string().nullable() }).nullable(),
      message: z.string(),
    }),
    false,
  ),
} as const;
