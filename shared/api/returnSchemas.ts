import { z } from 'zod';
import * as S from './schemas';
import { FIELDS, IMPORT_KINDS } from '../domain/schoolReturns';
import { REG8_GROUNDS } from '../domain/regulation8';
import { PMOE_REASONS, codesOf } from '../domain/vocab';

/** Largest file a school can send, as base64 (about 3 MB of .xlsx or CSV: far more than 5,000 pupils). */
export const MAX_FILE_BASE64 = 4_000_000;
/** Most rows read from one file. */
export const MAX_FILE_ROWS = 10_000;

export const ImportKind = z.enum(IMPORT_KINDS);
export const Reg8Ground = z.enum(codesOf(REG8_GROUNDS));
export const HalfTermKey = z.string().trim().min(1, { error: 'is required: choose the half term' }).max(60, { error: 'is longer than 60 characters' });

/** A file the officer chose: its name and its bytes, base64 (the renderer never reads it). */
export const FileInput = z.object({
  name: S.text(200),
  base64: z.string().min(1, { error: 'is empty: choose the file again' }).max(MAX_FILE_BASE64, { error: 'is too large: a return over 3 MB is not a school return (split it, or save it as CSV)' }),
});

/** Field key -> the file's heading (null: not in the file). */
const FIELD_KEYS = [...new Set(Object.values(FIELDS).flatMap((fs) => fs.map((f) => f.key)))] as [string, ...string[]];
/** The mapping as the parse returns it: field key -> the file's heading (null: not in the file). */
export const ColumnMapping = z.record(z.string(), z.string().nullable());
/** The mapping as a caller sends it back: a list of (field, column) pairs, bounded. */
export const ColumnMappingInput = S.list(z.object({ field: z.enum(FIELD_KEYS), column: z.string().max(200, { error: 'is longer than 200 characters' }).nullable() }), 60).transform(
  (pairs) => Object.fromEntries(pairs.map((p) => [p.field, p.column])) as Record<string, string | null>,
);
/** Record -> pairs, for sending a mapping back. */
export const mappingPairs = (m: Record<string, string | null>) => Object.entries(m).map(([field, column]) => ({ field, column }));

export const School = z.object({
  id: z.number(),
  name: z.string(),
  dfeNumber: z.string().nullable(),
  contact: z.string().nullable(),
  active: z.boolean(),
  /** Kinds of file whose column layout is remembered for this school. */
  mappings: z.array(ImportKind),
});
export type School = z.infer<typeof School>;

export const SchoolInput = z.object({
  id: S.id.nullish(),
  name: S.text(160),
  dfeNumber: z
    .string()
    .trim()
    .max(20, { error: 'is longer than 20 characters' })
    .regex(/^$|^\d{3}[/ -]?\d{4}$/, { error: 'should be the DfE number, e.g. 303/4000' })
    .nullish()
    .transform((v) => (v ? v : null)),
  contact: S.optionalText(200),
  active: z.boolean().default(true),
});

export const FieldInfo = z.object({ key: z.string(), label: z.string(), required: z.boolean(), hint: z.string() });

export const ParsedFile = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()),
  rowCount: z.number(),
  /** The first rows as read, to check the mapping against. */
  sample: z.array(z.array(z.string())),
  fields: z.array(FieldInfo),
  mapping: ColumnMapping,
  /** True when the mapping came from this school's last file of this kind. */
  remembered: z.boolean(),
  /** Where the headings were found when not the first row of the first sheet (a title row, a notes sheet first). */
  readFrom: z.string().nullable(),
});

const ImportTarget = z.object({
  schoolId: S.id,
  kind: ImportKind,
  halfTerm: HalfTermKey,
  receivedOn: S.pastDate,
  file: FileInput,
  mapping: ColumnMappingInput,
});
export const PreviewInput = ImportTarget;

export const Candidate = z.object({ childId: z.number(), reason: z.string(), name: z.string(), dateOfBirth: z.string(), upn: z.string().nullable(), references: z.array(z.string()) });

export const PreviewRow = z.object({
  row: z.number(),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  upn: z.string().nullable(),
  /** What the row says, in words (category and hours; ground and date; admission date). */
  summary: z.string(),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
  /** Flags from the notice rules (5 days, 20 school days, (a)–(e)). */
  flags: z.array(z.string()),
  match: z.enum(['certain', 'uncertain', 'none']).nullable(),
  matchReason: z.string().nullable(),
  matchedChildId: z.number().nullable(),
  candidates: z.array(Candidate),
  /** What confirming will do with this row, e.g. "New PMOE case", "Update PMOE-2026-0012: hours 15 → 6". */
  action: z.string(),
  /** Criteria of concern the child will meet once imported (000 §11). */
  concerns: z.array(z.string()),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const Preview = z.object({
  kind: ImportKind,
  fileName: z.string(),
  mappingProblems: z.array(z.string()),
  rows: z.array(PreviewRow),
  counts: z.object({ rows: z.number(), errors: z.number(), warnings: z.number(), uncertain: z.number(), certain: z.number(), newChildren: z.number() }),
  /** The school already has a return for this half term (this one is an update). */
  earlierReturns: z.number(),
});
export type Preview = z.infer<typeof Preview>;

export const Decision = z.object({ row: z.number().int().positive(), childId: S.id.nullable() });

export const ConfirmInput = ImportTarget.extend({
  /** For each uncertain match: the child it is, or null for a new child. */
  decisions: S.list(Decision, S.MAX_SELECTION * 2).default([]),
  /** Rows with errors the officer leaves out (recorded on the return). Every other error stops the import. */
  skipRows: S.list(z.number().int().positive(), S.MAX_SELECTION * 2).default([]),
  /** Who proposes the closures admissions lead to (an officer on the Officers page). */
  officerId: S.id.nullish(),
});

export const ReturnSummary = z.object({
  id: z.number(),
  schoolId: z.number(),
  schoolName: z.string(),
  kind: z.enum(['return', 'nil', 'deletions', 'admissions']),
  halfTerm: z.string(),
  receivedOn: z.string(),
  fileName: z.string().nullable(),
  rowCount: z.number(),
  skippedRows: z.array(z.number()),
  status: z.enum(['imported', 'undone']),
  importedBy: z.string(),
  undoneOn: z.string().nullable(),
  undoneBy: z.string().nullable(),
  undoReason: z.string().nullable(),
});
export type ReturnSummary = z.infer<typeof ReturnSummary>;

export const ImportOutcome = z.object({
  row: z.number(),
  name: z.string(),
  reference: z.string().nullable(),
  caseId: z.number().nullable(),
  outcome: z.string(),
});

export const ConfirmResult = z.object({
  return: ReturnSummary,
  outcomes: z.array(ImportOutcome),
  counts: z.record(z.string(), z.number()),
});

export const SchoolStatus = z.object({
  schoolId: z.number(),
  schoolName: z.string(),
  state: z.enum(['received', 'nil', 'missing', 'not_yet_due']),
  stateLabel: z.string(),
  returns: z.array(ReturnSummary),
  pupils: z.number(),
  chase: z.string().nullable(),
});

export const HalfTermInfo = z.object({ key: z.string(), label: z.string(), starts: z.string(), ends: z.string() });

export const ReturnsStatus = z.object({
  halfTerm: HalfTermInfo.nullable(),
  halfTerms: z.array(HalfTermInfo),
  schools: z.array(SchoolStatus),
  counts: z.object({ received: z.number(), nil: z.number(), missing: z.number(), notYetDue: z.number() }),
  /** Every import, nil return and undo, newest first (the last 200). */
  history: z.array(ReturnSummary),
});

export const ReportRow = z.object({
  schoolId: z.number(),
  schoolName: z.string(),
  halfTerm: z.string(),
  halfTermLabel: z.string(),
  state: z.string(),
  pupils: z.number(),
  byCategory: z.record(z.string(), z.number()),
  totalHours: z.number(),
  averageHours: z.number().nullable(),
  under10Hours: z.number(),
  newSinceLast: z.number(),
  changedSinceLast: z.number(),
  noLongerListed: z.number(),
  /** Who they are: on the school's previous return, not on this one (their PMOE case may need reviewing). */
  noLongerListedPupils: z.array(z.object({ caseId: z.number(), reference: z.string(), name: z.string(), open: z.boolean() })),
});

export const ReportInput = z.object({ halfTerms: S.list(HalfTermKey, 60).default([]), schoolId: S.id.nullish() }).default({ halfTerms: [] });
export const Report = z.object({ categories: z.array(z.object({ code: z.enum(codesOf(PMOE_REASONS)), label: z.string() })), rows: z.array(ReportRow) });

export const DownloadFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

const NoticeBase = z.object({
  schoolId: S.id,
  upn: z.string().trim().max(20, { error: 'is longer than 20 characters' }).nullish().transform((v) => (v ? v : null)),
  forenames: S.text(120),
  surname: S.text(120),
  dateOfBirth: S.pastDate,
  notifiedOn: S.pastDate,
  /** When the officer has looked at a possible match: the child (or null for a new child). */
  childId: S.id.nullish(),
  confirmedMatch: z.boolean().default(false),
  officerId: S.id.nullish(),
});

export const NoticeInput = z.discriminatedUnion('kind', [
  NoticeBase.extend({
    kind: z.literal('deletion'),
    eventDate: S.isoDate,
    ground: Reg8Ground,
    parentName: S.optionalText(120),
    parentAddress: S.optionalText(300),
    parentPhone: S.optionalText(60),
    futureAddress: S.optionalText(300),
    destinationSchool: S.optionalText(160),
    whereaboutsKnown: z.boolean().nullish().transform((v) => v ?? null),
    lastAttendance: S.optionalPastDate,
  }),
  NoticeBase.extend({
    kind: z.literal('admission'),
    eventDate: S.pastDate,
    standardTransition: z.boolean().nullish().transform((v) => v ?? null),
  }),
]);

export const Notice = z.object({
  id: z.number(),
  kind: z.enum(['deletion', 'admission']),
  schoolId: z.number(),
  schoolName: z.string(),
  returnId: z.number().nullable(),
  childId: z.number().nullable(),
  caseId: z.number().nullable(),
  caseReference: z.string().nullable(),
  name: z.string(),
  dateOfBirth: z.string(),
  upn: z.string().nullable(),
  eventDate: z.string(),
  notifiedOn: z.string(),
  ground: z.string().nullable(),
  groundLabel: z.string().nullable(),
  destinationSchool: z.string().nullable(),
  whereaboutsKnown: z.boolean().nullable(),
  flags: z.array(z.string()),
  outcome: z.string(),
});
export type Notice = z.infer<typeof Notice>;

export const NoticeResult = z.object({
  notice: Notice.nullable(),
  /** Set instead of saving when the pupil may be a child already on the register: choose, then send again. */
  candidates: z.array(Candidate),
});
