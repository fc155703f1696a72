import type { z } from 'zod';
import type { MethodName } from './methods';
import { appMethods } from './app';
import { settingsMethods } from './settings';
import { registerMethods } from './register';
import { referralsMethods } from './referrals';
import { closuresMethods } from './closures';
import { caseloadMethods } from './caseload';
import { actionsMethods } from './actions';
import { escalationsMethods } from './escalations';
import { reportsMethods } from './reports';
import { meetingsMethods } from './meetings';
import { documentsMethods } from './documents';
import { sessionMethods, usersMethods } from './session';
import { returnsMethods } from './returns';
import { backupsMethods } from './backups';
import { retentionMethods } from './retention';
export { METHOD_NAMES, isMethodName, type MethodName } from './methods';

/**
 * The one contract between the UI and the services: method name -> input and output schema.
 * Both hosts (Electron IPC and the browser bridge) dispatch against this map and nothing else.
 * `write` marks methods that change the register (they run in one transaction with their audit rows).
 * Each domain owns its slice (shared/api/<domain>.ts); this file only composes them.
 */
export const contract = {
  ...appMethods,
  ...settingsMethods,
  ...registerMethods,
  ...referralsMethods,
  ...closuresMethods,
  ...caseloadMethods,
  ...actionsMethods,
  ...escalationsMethods,
  ...reportsMethods,
  ...meetingsMethods,
  ...documentsMethods,
  ...sessionMethods,
  ...usersMethods,
  ...returnsMethods,
  ...backupsMethods,
  ...retentionMethods,
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType; write: boolean; transaction: 'dispatcher' | 'own' }>;

// The slices define exactly the names in methods.ts (which the preload checks calls against): no more, no fewer.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameNames: Exactly<keyof typeof contract, MethodName> = true;
void sameNames;

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
