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
  /**
   * The audit trail's hash chain (issue 11): the first broken link, if any. A large register's chain
   * is walked in the background (issue 12), so the answer may be "checking": ask again shortly.
   */
  'audit.verify': method(
    /** atOpen: the latest check (the one started when the register was opened); else start a fresh walk. */
    z.object({ atOpen: z.boolean().default(false) }).default({ atOpen: false }),
    z.object({
      status: z.enum(['checking', 'intact', 'broken']),
      /** True only once the whole chain has been checked and found intact. */
      ok: z.boolean(),
      rows: z.number(),
      firstBroken: z.object({ id: z.number(), at: z.string().nullable(), actor: z.string().nullable(), entity: z.string().nullable() }).nullable(),
      message: z.string(),
    }),
    false,
  ),
  /**
   * The register file's integrity (SQLite's quick check of every page). A large register is checked
   * in the background after sign-in (issue 12), so the answer may be "checking": ask again shortly.
   * Once a check finds the file damaged, Panel saves nothing more to it until a backup is restored.
   */
  'integrity.verify': method(
    /** atOpen: the latest check (the one started when the register was opened); else start a fresh check. */
    z.object({ atOpen: z.boolean().default(false) }).default({ atOpen: false }),
    z.object({
      status: z.enum(['checking', 'intact', 'damaged']),
      /** True only once the whole file has been checked and found intact. */
      ok: z.boolean(),
      pages: z.number(),
      problems: z.array(z.string()),
      message: z.string(),
    }),
    false,
  ),
} as const;
