import type { reportsMethods } from '../../../shared/api/reports';
import type { DomainHandlerFactory } from '../handlers';
import { getReports } from './reports';

export const reportsHandlers: DomainHandlerFactory<typeof reportsMethods> = (db, { today }) => ({
  'reports.get': (a) => getReports(db, a, today()),
});
