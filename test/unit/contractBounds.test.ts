import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { openTestApp, cmeReferral } from '../helpers/tempDb';
import { contract } from '../../shared/api/contract';
import { isDateSchema } from '../../shared/api/schemas';
import { defOf, innerOf, type SchemaDef } from '../../shared/api/schemaWalk';

// Issue 11: every array and string a caller can send is bounded, and every date has a range.
// This WALKS every method's input schema, so a method added later without bounds fails here.

/** A field whose name says it holds a date. */
const DATE_NAME = /[a-z](?:Date|On)$|^(?:date|dob|dateOfBirth|from|to|on|since|until|asAt|starts|ends)$/;

type Def = SchemaDef;
const checksOf = (d: Def) => ((d.checks as { _zod: { def: { check: string } } }[] | undefined) ?? []).map((c) => c._zod.def.check);
const bounded = (d: Def) => checksOf(d).some((c) => c === 'max_length' || c === 'length_equals');

export function unbounded(schema: unknown, path: string, key = '', problems: string[] = []): string[] {
  const d = defOf(schema);
  const inner = innerOf(d);
  if (inner) return unbounded(inner, path, key, problems);
  switch (d.type) {
    case 'string':
      if (isDateSchema(schema)) break;
      if (!bounded(d) && !(d.format && d.check && d.pattern && !String(d.pattern).includes('*') && !String(d.pattern).includes('+'))) problems.push(`${path}: string without a maximum length`);
      if (DATE_NAME.test(key)) problems.push(`${path}: a date field that is not one of the shared date schemas (no range)`);
      break;
    case 'array':
      if (!bounded(d)) problems.push(`${path}: array without a maximum length`);
      unbounded(d.element, `${path}[]`, key, problems);
      break;
    case 'object':
      for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) unbounded(v, `${path}.${k}`, k, problems);
      if (d.catchall && defOf(d.catchall).type !== 'never') problems.push(`${path}: object open to any key`);
      break;
    case 'record':
      problems.push(`${path}: a record takes any number of keys`);
      break;
    case 'union':
      for (const o of d.options as unknown[]) unbounded(o, path, key, problems);
      break;
    case 'intersection':
      unbounded(d.left, path, key, problems);
      unbounded(d.right, path, key, problems);
      break;
    case 'tuple':
      (d.items as unknown[]).forEach((x, i) => unbounded(x, `${path}[${i}]`, key, problems));
      break;
    case 'any':
    case 'unknown':
      problems.push(`${path}: accepts anything`);
      break;
    default:
      // number, boolean, enum, literal, null, undefined, transform (output only), never: bounded by nature
      break;
  }
  return problems;
}

describe('the contract’s inputs are bounded', () => {
  it('every string and array has a maximum and every date a range, in every method', () => {
    const problems = Object.entries(contract).flatMap(([name, spec]) => unbounded((spec as { input: z.ZodType }).input, name));
    expect(problems).toEqual([]);
  });

  it('the walker finds what it should (so an empty list above means something)', () => {
    expect(unbounded(z.object({ a: z.string(), b: z.array(z.number()), dueDate: z.string().max(10) }), 'x')).toEqual([
      'x.a: string without a maximum length',
      'x.b: array without a maximum length',
      'x.dueDate: a date field that is not one of the shared date schemas (no range)',
    ]);
  });
});

describe('bounds as a caller meets them (through the dispatcher)', () => {
  const app = openTestApp();
  const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');

  it.each([
    ['meetings.create', { panelId: cme.id, date: '0000-01-01', time: '10:00' }, 'date', 'Date 01/01/0000 is out of range: enter a date between 01/01/1990 and 31/12/2100'],
    ['meetings.create', { panelId: cme.id, date: '2101-01-01', time: '10:00' }, 'date', 'out of range'],
    ['meetings.create', { panelId: cme.id, date: '2026-12-09', time: '10:00'.repeat(100) }, 'time', 'must be a time like 10:00'],
    ['referrals.create', cmeReferral({}, { dateOfBirth: '1989-12-31' }), 'child.dateOfBirth', 'out of range'],
    ['referrals.create', cmeReferral({}, { dateOfBirth: '2099-01-01' }), 'child.dateOfBirth', 'is in the future'],
    ['actions.bulk', { ids: Array.from({ length: 600_000 }, (_, i) => i + 1), op: 'done' }, 'ids', 'has more than 5000 entries'],
    ['cases.reallocate', { caseIds: Array.from({ length: 5001 }, (_, i) => i + 1), toOfficerId: 1, reason: 'x' }, 'caseIds', 'has more than 5000 entries'],
    ['children.checkDuplicates', { forenames: 'x'.repeat(10_000), surname: 'y', dateOfBirth: '2014-01-01' }, 'forenames', 'longer than 100'],
  ])('%s refuses %#, naming the field', (method, args, field, message) => {
    const r = app.dispatch(method, args);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.field).toBe(field);
      expect(r.error.message).toContain(message);
    }
  });
});
