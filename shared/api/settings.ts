import { z } from 'zod';
import * as S from './schemas';
import * as M from './meetingSchemas';
import { method } from './method';

/** Settings: officers, the term calendar and the authority shown on documents. */
export const settingsMethods = {
  'officers.list': method(z.object({ includeLeft: z.boolean().default(true) }).default({ includeLeft: true }), z.array(S.Officer), false),
  'officers.create': method(S.OfficerInput, S.Officer, true),
  'officers.update': method(S.OfficerInput.extend({ id: S.id }), S.Officer, true),
  'calendar.get': method(z.object({}).default({}), M.Calendar, false),
  'calendar.save': method(z.object({ terms: S.list(M.CalendarTerm, 100), closures: S.list(M.CalendarClosure, 400) }), M.Calendar, true),
  'settings.getAuthority': method(z.object({}).default({}), z.object({ name: z.string(), logo: z.string().nullable() }), false),
  'settings.setAuthority': method(z.object({ name: S.text(120), logo: z.string().max(500000).nullish() }), z.object({ name: z.string(), logo: z.string().nullable() }), true),
} as const;
