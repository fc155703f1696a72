import type { returnsMethods } from '../../../shared/api/returns';
import type { DomainHandlerFactory } from '../handlers';
import { analyseForPreview, fieldsFor, toPreview } from './analyse';
import { confirmImport, requireHalfTerm } from './confirm';
import { readTable } from './files';
import { returnSummary } from './history';
import { createNotice, listNotices } from './notices';
import { listSchools, rememberedMapping, saveSchool, schoolRow } from './schools';
import { returnsReport, returnsReportCsv, returnsStatus } from './status';
import { template } from './template';
import { undoImport } from './undo';
import { guessMapping } from '../../../shared/domain/schoolReturns';
import { auditedInsert } from '../../../db/audit';
import { termCalendar } from '../settings/calendar';

export const returnsHandlers: DomainHandlerFactory<typeof returnsMethods> = (db, { today }) => ({
  'schools.list': ({ includeInactive }) => listSchools(db, includeInactive),
  'schools.save': (a, ctx) => saveSchool(db, ctx, a),
  'returns.parse': ({ schoolId, kind, file }) => {
    schoolRow(db, schoolId);
    const t = readTable(file);
    const remembered = rememberedMapping(db, schoolId, kind);
    const mapping = guessMapping(kind, t.headers, remembered);
    return {
      fileName: t.fileName, format: t.format, headers: t.headers, rowCount: t.rows.length, sample: t.rows.slice(0, 5).map((r) => r.cells),
      fields: fieldsFor(kind), mapping, readFrom: t.readFrom, remembered: remembered !== null && Object.entries(remembered).some(([k, h]) => h !== null && mapping[k] === h),
    };
  },
  'returns.preview': (a) => toPreview(db, analyseForPreview(db, a), a),
  'returns.confirm': (a, ctx) => confirmImport(db, ctx, a, today()),
  'returns.undo': (a, ctx) => undoImport(db, ctx, a, today()),
  'returns.nil': ({ schoolId, halfTerm, receivedOn }, ctx) => {
    schoolRow(db, schoolId);
    requireHalfTerm(db, halfTerm, termCalendar(db));
    const id = auditedInsert(db, ctx, 'school_returns', { entity: 'school_return' }, {
      school_id: schoolId, kind: 'nil', half_term: halfTerm, received_on: receivedOn, row_count: 0, status: 'imported', imported_by: ctx.actor, op: ctx.op ?? null, created_at: ctx.now(),
    });
    return returnSummary(db, id);
  },
  'returns.status': (a) => returnsStatus(db, a, today()),
  'returns.report': (a) => returnsReport(db, a, today()),
  'returns.reportCsv': (a) => returnsReportCsv(db, a, today()),
  'returns.template': (a) => template(a),
  'notices.create': (a, ctx) => createNotice(db, ctx, a, today()),
  'notices.list': (a) => listNotices(db, a),
});
