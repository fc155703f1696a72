import type { settingsMethods } from '../../../shared/api/settings';
import type { DomainHandlerFactory } from '../handlers';
import { listOfficers, createOfficer, updateOfficer } from './officers';
import { getCalendar, saveCalendar } from './calendar';
import { getAuthority, setAuthority } from '../documents/minutes';

export const settingsHandlers: DomainHandlerFactory<typeof settingsMethods> = (db) => ({
  'officers.list': ({ includeLeft }) => listOfficers(db, includeLeft),
  'officers.create': (a, ctx) => createOfficer(db, ctx, a),
  'officers.update': (a, ctx) => updateOfficer(db, ctx, a),
  'calendar.get': () => getCalendar(db),
  'calendar.save': (a, ctx) => saveCalendar(db, ctx, a),
  'settings.getAuthority': () => getAuthority(db),
  'settings.setAuthority': (a, ctx) => setAuthority(db, ctx, a),
});
