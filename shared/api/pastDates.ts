import type { z } from 'zod';
import { compareIso, formatUk, isIsoDate, type IsoDate } from '../domain/dates';
import { defOf, innerOf } from './schemaWalk';

/**
 * Dates that must not be after today (a date of birth, a referral, a check, a completion). The
 * schema only marks them: "today" is the host's one today (England's date, createApp), which a
 * schema cannot know, so the dispatcher asks `futureDateProblem` once the input has parsed.
 */
const PAST_DATE_SCHEMAS = new WeakSet<object>();

export function markPastDate<T extends z.ZodType>(schema: T): T {
  PAST_DATE_SCHEMAS.add(schema);
  return schema;
}

export interface FutureDateProblem {
  path: (string | number)[];
  /** Follows the field's label, as every input message does: "12/03/2031 is in the future". */
  message: string;
}

/** The first marked date in `value` (parsed by `schema`) that is after `today`, with its path. */
export function futureDateProblem(schema: z.ZodType, value: unknown, today: IsoDate, path: (string | number)[] = []): FutureDateProblem | null {
  if (value === null || value === undefined) return null;
  if (PAST_DATE_SCHEMAS.has(schema)) {
    return typeof value === 'string' && isIsoDate(value) && compareIso(value, today) > 0 ? { path, message: `${formatUk(value)} is in the future` } : null;
  }
  const d = defOf(schema);
  const walk = (s: unknown, v: unknown, p: (string | number)[]) => futureDateProblem(s as z.ZodType, v, today, p);
  const inner = innerOf(d);
  if (inner) return walk(inner, value, path);
  switch (d.type) {
    case 'object': {
      if (typeof value !== 'object') return null;
      for (const [k, s] of Object.entries(d.shape as Record<string, unknown>)) {
        const found = walk(s, (value as Record<string, unknown>)[k], [...path, k]);
        if (found) return found;
      }
      return null;
    }
    case 'array': {
      if (!Array.isArray(value)) return null;
      for (const [i, v] of value.entries()) {
        const found = walk(d.element, v, [...path, i]);
        if (found) return found;
      }
      return null;
    }
    case 'union':
      // Only the options the value is one of: another option's dates are not this value's.
      for (const o of d.options as z.ZodType[]) {
        if (!o.safeParse(value).success) continue;
        const found = walk(o, value, path);
        if (found) return found;
      }
      return null;
    case 'intersection':
      return walk(d.left, value, path) ?? walk(d.right, value, path);
    default:
      return null;
  }
}
