import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { contract, isMethodName, type MethodArgs, type MethodName, type MethodOutput } from '../shared/api/contract';
import { allowed } from '../shared/api/permissions';
import { ROLE_LABELS } from '../shared/api/session';
import { AppError, type Result } from '../shared/api/errors';
import { labelForPath } from '../shared/api/fieldLabels';
import { futureDateProblem } from '../shared/api/pastDates';
import type { Db } from '../db/open';
import type { WriteContext } from '../db/audit';
import { storageError } from '../db/storageErrors';
import { readOnly } from '../db/readOnly';

/** `session.*` (signing in and out) is answered by the hosts' session layer (electron/session), before any register is open. */
export type ServiceMethodName = Exclude<MethodName, `session.${string}`>;
export type Handlers = { [M in ServiceMethodName]: (args: MethodArgs<M>, ctx: WriteContext) => MethodOutput<M> };

export interface DispatcherOptions {
  db: Db;
  handlers: Handlers;
  /** The host's today: dates that must have happened are checked against it. */
  today: () => string;
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
 * handler (writes inside one transaction, unless the contract says the method opens its own; reads on a connection that refuses writes); wrap the outcome as { ok, value | error }.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { db, handlers, context } = options;
  return (method, rawArgs) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Panel has no operation called "${String(method)}".` } };
    }
    const spec = contract[method];
    const handler = (handlers as Partial<Record<MethodName, unknown>>)[method] as ((args: unknown, ctx: WriteContext) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'unknown_method', message: `"${method}" is answered by the sign-in screen, not the register.` } };
    try {
      const ctx: WriteContext = { ...context(), op: randomUUID() };
      // The one role check (issue 13), before the arguments are even read: the signed-in user's role
      // against shared/api/permissions.ts.
      if (ctx.user && !allowed(method, ctx.user.role)) return { ok: false, error: refusal(method, ctx.user.role) };
      const parsed = validateInput(method, rawArgs);
      if (!parsed.ok) return parsed;
      const future = futureDateProblem(spec.input as z.ZodType, parsed.value, options.today());
      if (future) {
        return { ok: false, error: { code: 'invalid_input', message: `${labelForPath(future.path, method)} ${future.message}`, field: future.path.map(String).join('.') } };
      }
      const run = () => handler(parsed.value, ctx);
      // A write that manages its own transactions (VACUUM can't run inside one) runs as it is.
      const value = spec.transaction === 'own' ? run() : spec.write ? db.transaction(run)() : readOnly(db, run);
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

/** Checks a call's arguments against the contract; the message names the field and what to do. */
export function validateInput(method: MethodName, rawArgs: unknown): Result<unknown> {
  const parsed = (contract[method].input as z.ZodType).safeParse(rawArgs ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  return { ok: false, error: { code: 'invalid_input', message: `${labelForPath(issue.path, method)} ${issue.message}`, field } };
}

/** Why a role may not make a call, in words the person can act on. */
export function refusal(method: MethodName, role: keyof typeof ROLE_LABELS): { code: 'forbidden'; message: string } {
  const who = ROLE_LABELS[role].toLowerCase();
  const what = contract[method].write ? 'make this change' : 'see this';
  const article = /^[aeiou]/.test(who) ? 'An' : 'A';
  return { code: 'forbidden', message: `${article} ${who} can't ${what} (${method}). Ask a manager${role === 'manager' ? '' : ' to do it, or to change your role'}.` };
}
