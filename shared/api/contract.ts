import { z } from 'zod';
import * as S from './schemas';
import type { MethodName } from './methods';
export { METHOD_NAMES, isMethodName, type MethodName } from './methods';

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, write: boolean) => ({ input, output, write });

const CaseRef = z.object({ id: S.id });

/**
 * The one contract between the UI and the services: method name -> input and output schema.
 * Both hosts (Electron IPC and the browser bridge) dispatch against this map and nothing else.
 * `write` marks methods that change the register (they run in one transaction with their audit rows).
 */
export const contract = {
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
  'app.setUserName': method(z.object({ name: S.text(80) }), z.object({ userName: z.string() }), true),
  'app.setup': method(
    z.object({ mode: z.enum(['empty', 'demo']) }),
    z.object({ caseCount: z.number() }),
    true,
  ),

  'officers.list': method(z.object({ includeLeft: z.boolean().default(true) }).default({ includeLeft: true }), z.array(S.Officer), false),
  'officers.create': method(S.OfficerInput, S.Officer, true),
  'officers.update': method(S.OfficerInput.extend({ id: S.id }), S.Officer, true),

  'register.list': method(z.object({}).default({}), z.array(S.RegisterRow), false),

  'children.checkDuplicates': method(
    z.object({ forenames: z.string(), surname: z.string(), dateOfBirth: z.string(), knownAs: z.string().nullish() }),
    z.array(
      z.object({ childId: z.number(), name: z.string(), dateOfBirth: z.string(), reason: z.string(), references: z.array(z.string()) }),
    ),
    false,
  ),
  'children.update': method(z.object({ id: S.id, changes: S.ChildInput.partial() }), S.Child, true),
  'children.addAddress': method(S.AddressInput.extend({ childId: S.id, current: z.boolean().default(true) }), S.Address, true),
  'children.addAdult': method(S.AdultInput.extend({ childId: S.id }), S.Adult, true),
  'children.linkSibling': method(
    z.object({ childId: S.id, siblingReference: S.text(20) }),
    z.array(S.Sibling),
    true,
  ),

  'referrals.create': method(S.ReferralInput, z.object({ caseId: z.number(), reference: z.string(), childId: z.number(), siblingCases: z.array(z.string()) }), true),

  'cases.get': method(CaseRef, S.CaseDetail, false),
  'cases.update': method(z.object({ id: S.id, changes: S.CaseFieldsInput.partial() }), S.CaseDetail, true),
  'cases.setRag': method(
    z.object({ id: S.id, rag: S.Rag, reason: S.text(1000) }),
    S.CaseDetail,
    true,
  ),
  'cases.setLeadOfficer': method(z.object({ id: S.id, officerId: S.id.nullable(), reason: S.optionalText(1000) }), S.CaseDetail, true),
  'cases.setStatus': method(z.object({ id: S.id, status: z.enum(['referred', 'checks', 'at_panel']) }), S.CaseDetail, true),
  'cases.close': method(
    z.object({ id: S.id, closedOn: S.pastDate, reason: S.ClosureReason, detail: S.optionalText(500) }),
    S.CaseDetail,
    true,
  ),
  'cases.reopen': method(z.object({ id: S.id, reason: S.text(1000) }), S.CaseDetail, true),
  'checks.add': method(S.CheckInput.extend({ caseId: S.id }), S.CaseDetail, true),
  'notes.add': method(z.object({ caseId: S.id, notedOn: S.pastDate, text: S.text(8000) }), S.CaseDetail, true),
  'audit.forCase': method(z.object({ caseId: S.id }), z.array(S.AuditEntry), false),
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType; write: boolean }>;

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
