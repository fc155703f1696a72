import type { documentsMethods } from '../../../shared/api/documents';
import type { DomainHandlerFactory } from '../handlers';
import { buildMinutes } from './minutes';
import { buildAgendaPack } from './agendaPack';
import { buildArchivingForm } from './archivingForm';
import { describeDocument } from './documents';

export const documentsHandlers: DomainHandlerFactory<typeof documentsMethods> = (db, { today }) => ({
  'minutes.get': (a) => buildMinutes(db, a, today()),
  'agendaPack.get': (a) => buildAgendaPack(db, a, today()),
  'archivingForm.get': (a) => buildArchivingForm(db, a, today()),
  'documents.describe': (req) => describeDocument(db, req),
});
