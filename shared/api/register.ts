import { z } from 'zod';
import * as S from './schemas';
import { method, CaseRef } from './method';

/** The register: children, their cases, checks, notes, history and alerts. */
export const registerMethods = {
  'register.list': method(z.object({}).default({}), z.array(S.RegisterRow), false),
  'children.checkDuplicates': method(
    z.object({ forenames: S.code(100), surname: S.code(100), dateOfBirth: S.isoDate, knownAs: S.code(100).nullish() }),
    z.array(
      z.object({ childId: z.number(), name: z.string(), dateOfBirth: z.string(), reason: z.string(), references: z.array(z.string()), exact: z.boolean() }),
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
  'cases.get': method(CaseRef, S.CaseDetail, false),
  'cases.update': method(z.object({ id: S.id, changes: S.CaseFieldsInput.partial() }), S.CaseDetail, true),
  'cases.setRag': method(
    z.object({ id: S.id, rag: S.Rag, reason: S.text(1000) }),
    S.CaseDetail,
    true,
  ),
  'cases.setLeadOfficer': method(z.object({ id: S.id, officerId: S.id.nullable(), reason: S.optionalText(1000) }), S.CaseDetail, true),
  'cases.setStatus': method(z.object({ id: S.id, status: z.enum(['referred', 'checks', 'at_panel']) }), S.CaseDetail, true),
  'alerts.home': method(z.object({}).default({}), S.HomeAlerts, false),
  'cases.reopen': method(z.object({ id: S.id, reason: S.text(1000) }), S.CaseDetail, true),
  'checks.add': method(S.CheckInput.extend({ caseId: S.id }), S.CaseDetail, true),
  'notes.add': method(z.object({ caseId: S.id, notedOn: S.pastDate, text: S.text(8000) }), S.CaseDetail, true),
  'audit.forCase': method(z.object({ caseId: S.id }), z.array(S.AuditEntry), false),
} as const;
