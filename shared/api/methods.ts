/**
 * The names of the contract's methods, on their own so the sandboxed preload can check a call
 * against them without bundling zod and every schema. contract.ts must define exactly these.
 */
export const METHOD_NAMES = [
  'app.info',
  'app.setUserName',
  'app.setup',
  'officers.list',
  'officers.create',
  'officers.update',
  'register.list',
  'children.checkDuplicates',
  'children.update',
  'children.addAddress',
  'children.addAdult',
  'children.linkSibling',
  'referrals.create',
  'cases.get',
  'cases.update',
  'cases.setRag',
  'cases.setLeadOfficer',
  'cases.setStatus',
  'cases.close',
  'cases.reopen',
  'checks.add',
  'notes.add',
  'audit.forCase',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(METHOD_NAMES);
export const isMethodName = (s: unknown): s is MethodName => typeof s === 'string' && NAMES.has(s);
