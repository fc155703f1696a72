import type { documentsMethods } from '../../../shared/api/documents';
import type { DomainHandlerFactory } from '../handlers';
import { buildMinutes } from './minutes';
import { buildAgendaPack } from './agendaPack';
import { buildArchivingForm } from './archivingForm';
import { describeDocument } from './documents';

export const documentsHandlers: DomainHandlerFactory<typeof documentsMethods> = (db, { today }) => ({
  'minutes.get': ({ meetingId, variant }) => buildMinutes(db, meetingId, variant, today()),
  'agendaPack.get': ({ meetingId, variant }) => buildAgendaPack(db, meetingId, variant, today()),
  'archivingForm.get': ({ caseId }) => buildArchivingForm(db, caseId, today()),
  'documents.describe': (req) => describeDocument(db, req),
});
