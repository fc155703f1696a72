import { z } from 'zod';
import * as S from './schemas';
import * as D from './documentSchemas';
import { MinutesDoc } from './minutesSchemas';
import { method } from './method';

/** Documents: minutes, agenda packs, archiving forms and their file descriptions. */
export const documentsMethods = {
  'minutes.get': method(z.object({ meetingId: S.id, variant: z.enum(['full', 'redacted']) }), MinutesDoc, false),
  'agendaPack.get': method(z.object({ meetingId: S.id, variant: z.enum(['full', 'redacted']) }), D.AgendaPackDoc, false),
  'archivingForm.get': method(z.object({ caseId: S.id }), D.ArchivingFormDoc, false),
  'documents.describe': method(D.DocumentRequest, D.DocumentInfo, false),
} as const;
