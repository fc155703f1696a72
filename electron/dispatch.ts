import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { contract, isMethodName, type MethodArgs, type MethodName, type MethodOutput } from '../shared/api/contract';
import { AppError, type Result } from '../shared/api/errors';
import { labelForPath } from '../shared/api/fieldLabels';
import type { Db } from '../db/open';
import type { WriteContext } from '../db/audit';
import { storageError } from '../db/storageErrors';

export type Handlers = { [M in MethodName]: (args: MethodArgs<M>, ctx: WriteContext) => MethodOutput<M> };

export interface DispatcherOptions {
  db: Db;
  handlers: Handlers;
  /** Who is writing: read per call so a change of user name applies at once. */
  context: () => WriteContext;
  /** Validate outputs against the contract too (tests and development). */
  checkOutputs?: boolean;
  log?: (message: string, err: unknown) => void;
  /** Runs after each write has committed (the push channel announces what moved). */
  afterWrite?: () => void;
}

export type Dispatch = (method: string, rawArgs: unknown) => Result<unknown>;

/**
 * The single entry point both hosts call: unknown method -> error; validate input; run the
 * handler (writes inside one transaction); wrap the outcome as { ok, value | error }.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { db, handlers, context } = options;
  return (method, rawArgs) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Panel has no operation called "${String(method)}".` } };
    }
    const spec = contract[method];
    const parsed = (spec.input as z.ZodType).safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.');
      return { ok: false, error: { code: 'invalid_input', message: `${labelForPath(issue.path)} ${issue.message}`, field } };
    }
    try {
      const handler = handlers[method] as (args: unknown, ctx: WriteContext) => unknown;
      const ctx: WriteContext = { ...context(), op: randomUUID() };
      const run = () => handler(parsed.data, ctx);
      const value = spec.write ? db.transaction(run)() : run();
      if (spec.write) options.afterWrite?.();
      if (options.checkOutputs) {
        const out = (spec.output as z.ZodType).safeParse(value);
        if (!out.success) throw new Error(`Output of ${method} does not match the contract: ${out.error.message}`);
      }
      return { ok: true, value: value as MethodOutput<typeof method> };
    } catch (err) {
      if (err instanceof AppError) {
        return { ok: false, error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
      }
      // Disk full, read-only file, busy or damaged register: say which (the transaction has rolled back).
      const storage = storageError(err);
      if (storage) {
        options.log?.(`Storage error in ${method}`, err);
        return { ok: false, error: { code: storage.code, message: storage.message } };
      }
      options.log?.(`Unexpected error in ${method}`, err);
      return {
        ok: false,
        error: { code: 'internal', message: 'Something went wrong saving or reading the register. Nothing was changed; please try again, and tell your administrator if it keeps happening.' },
      };
    }
  };
}
