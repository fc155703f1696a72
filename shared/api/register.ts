import { z } from 'zod';
import * as S from './schemas';
import { method, CaseRef } from './method';
import { CASE_STATUSES, CHILD_FLAGS, RAGS, REGISTERS, codesOf } from '../domain/vocab';
import { COLUMN_IDS } from '../register/query';

/**
 * One view of the register (issue 12): the filters, search and sorting of the register screen.
 * The server filters, searches and sorts, and sends only the window of rows on screen.
 */
export const RegisterQuery = z.object({
  search: S.code(200).default(''),
  register: z.enum(['all', ...codesOf(REGISTERS)]).default('all'),
  status: z.enum(['open', 'all', ...codesOf(CASE_STATUSES)]).default('open'),
  rag: z.enum(['all', 'none', ...codesOf(RAGS)]).default('all'),
  officer: z.union([z.enum(['all', 'unallocated']), S.id]).default('all'),
  school: S.code(300).nullable().default(null),
  flag: z.enum(['all', ...codesOf(CHILD_FLAGS)]).default('all'),
  movement: z.enum(['all', 'worsened', 'improved', 'same', 'new']).default('all'),
  dueForPanel: z.boolean().default(false),
  longTerm: z.boolean().default(false),
  endOfCsa: z.boolean().default(false),
  sorting: S.list(z.object({ id: z.enum(COLUMN_IDS), desc: z.boolean() }), COLUMN_IDS.length).default([]),
});
export type RegisterQuery = z.infer<typeof RegisterQuery>;

/** Whole-register figures for the heading and the filter menus (not just the rows matching). */
export const RegisterSummary = z.object({
  open: z.number(),
  closed: z.number(),
  officers: z.array(z.object({ id: z.number(), name: z.string() })),
  schools: z.array(z.string()),
});

/** Home's kinds of run-out clock, in the order Home lists them. */
export const HOME_ALERT_CODES = ['closure_waiting', 'fair_access_due', 'allocation_escalate', 'deletion_allowed', 'enquiries_ended'] as const;
/** How many cases alerts.home lists under each kind of alert (the count covers them all). */
export const HOME_ALERT_LIMIT = 8;
/** Most cases one alerts.home call lists under the group asked for in full. */
export const HOME_ALERT_EXPAND_MAX = 10_000;

/** Most cases one case-picker search returns. */
export const PICK_MAX = 20;

/** A case as a picker lists it: enough to tell two children apart. */
export const PickedCase = z.object({
  caseId: z.number(),
  reference: z.string(),
  register: S.Register,
  status: S.CaseStatus,
  forenames: z.string(),
  surname: z.string(),
  dateOfBirth: z.string(),
  leadOfficerName: z.string().nullable(),
});
export type PickedCase = z.infer<typeof PickedCase>;

/** Largest window one call returns: about ten screens of rows. */
export const REGISTER_WINDOW_MAX = 500;

/** The register: children, their cases, checks, notes, history and alerts. */
export const registerMethods = {
  /** Every case (scripts and tests); the register screen pages and the case pickers use register.pick. */
  'register.list': method(z.object({}).default({}), z.array(S.RegisterRow), false),
  /**
   * The case pickers (new action, new escalation): cases whose reference, UPN, forename or surname
   * starts with what was typed (every word found in the child's names), exact reference first, then
   * open cases, newest first. `more`: further cases match.
   */
  'register.pick': method(
    z.object({ search: S.code(100), limit: z.number().int().min(1).max(PICK_MAX).default(10) }),
    z.object({ cases: z.array(PickedCase), more: z.boolean() }),
    false,
  ),
  /** One window of a register view: rows offset..offset+limit in view order, and how many match in all. */
  'register.page': method(
    z.object({ query: RegisterQuery, offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(REGISTER_WINDOW_MAX).default(100) }),
    z.object({ rows: z.array(S.RegisterRow), offset: z.number(), total: z.number(), summary: RegisterSummary }),
    false,
  ),
  /** Every row of a register view, in view order: what "Export CSV" writes. */
  'register.matching': method(z.object({ query: RegisterQuery }), z.object({ rows: z.array(S.RegisterRow), total: z.number() }), false),
  /**
   * The open cases for the register screen to filter, search and sort itself, packed column-wise
   * (shared/register/wire.ts), with the version they were read at; `ifNot` (the version the page
   * holds) answers `unchanged` when nothing was written since.
   */
  'register.workingSet': method(
    z.object({ ifNot: S.code(100).nullable().default(null) }),
    z.union([
      z.object({ unchanged: z.literal(true), version: z.string(), today: z.string() }),
      z.object({
        unchanged: z.literal(false),
        version: z.string(),
        today: z.string(),
        summary: RegisterSummary,
        rows: z.object({
          n: z.number(),
          fields: z.array(z.string()),
          columns: z.array(z.union([z.object({ values: z.array(z.unknown()) }), z.object({ dict: z.array(z.unknown()), codes: z.array(z.number()) })])),
        }),
      }),
    ]),
    false,
  ),
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
  /** Each run-out clock's count and newest cases; `expand` lists more of one group ("Show more"). */
  'alerts.home': method(
    z.object({
      expand: z.object({ code: z.enum(HOME_ALERT_CODES), limit: z.number().int().min(1).max(HOME_ALERT_EXPAND_MAX) }).nullable().default(null),
    }).default({ expand: null }),
    S.HomeAlerts,
    false,
  ),
  'cases.reopen': method(z.object({ id: S.id, reason: S.text(1000) }), S.CaseDetail, true),
  'checks.add': method(S.CheckInput.extend({ caseId: S.id }), S.CaseDetail, true),
  'notes.add': method(z.object({ caseId: S.id, notedOn: S.pastDate, text: S.text(8000) }), S.CaseDetail, true),
  'audit.forCase': method(z.object({ caseId: S.id }), z.array(S.AuditEntry), false),
} as const;
