import { z } from 'zod';
import * as S from './schemas';
import * as R from './returnSchemas';
import { method } from './method';

/**
 * School returns and notices (issue 14): schools and their remembered column layouts; a file is
 * parsed, previewed (no writes), then confirmed as one transaction with its audit rows, and can be
 * undone as one; nil and missing returns; deletion and admission notices; the returns report.
 */
export const returnsMethods = {
  'schools.list': method(z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }), z.array(R.School), false),
  'schools.save': method(R.SchoolInput, R.School, true),
  'returns.parse': method(z.object({ schoolId: S.id, kind: R.ImportKind, file: R.FileInput }), R.ParsedFile, false),
  'returns.preview': method(R.PreviewInput, R.Preview, false),
  'returns.confirm': method(R.ConfirmInput, R.ConfirmResult, true),
  'returns.undo': method(z.object({ id: S.id, reason: S.text(1000) }), R.ReturnSummary, true),
  'returns.nil': method(z.object({ schoolId: S.id, halfTerm: R.HalfTermKey, receivedOn: S.pastDate }), R.ReturnSummary, true),
  'returns.status': method(z.object({ halfTerm: R.HalfTermKey.nullish() }).default({}), R.ReturnsStatus, false),
  'returns.report': method(R.ReportInput, R.Report, false),
  'returns.reportCsv': method(R.ReportInput, R.DownloadFile, false),
  'returns.template': method(z.object({ kind: R.ImportKind, format: z.enum(['csv', 'xlsx']) }), R.DownloadFile, false),
  'notices.create': method(R.NoticeInput, R.NoticeResult, true),
  'notices.list': method(z.object({ kind: z.enum(['deletion', 'admission']).nullish(), schoolId: S.id.nullish() }).default({}), z.array(R.Notice), false),
} as const;
