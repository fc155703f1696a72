import type { Db } from '../../db/open';
import type { Handlers } from '../dispatch';
import type { ServiceOptions } from './handlers';
import { appHandlers } from './app/handlers';
import { settingsHandlers } from './settings/handlers';
import { registerHandlers } from './register/handlers';
import { referralsHandlers } from './referrals/handlers';
import { closuresHandlers } from './closures/handlers';
import { caseloadHandlers } from './caseload/handlers';
import { actionsHandlers } from './actions/handlers';
import { escalationsHandlers } from './escalations/handlers';
import { reportsHandlers } from './reports/handlers';
import { meetingsHandlers } from './meetings/handlers';
import { documentsHandlers } from './documents/handlers';
import { usersHandlers } from './users/handlers';
import { returnsHandlers } from './returns/handlers';
import { backupsHandlers } from './backups/handlers';
import { retentionHandlers } from './retention/handlers';
export type { ServiceOptions, RegisterHost } from './handlers';

/** The services behind every method in the contract: each domain's handler map (electron/services/<domain>/handlers.ts). */
export function createHandlers(db: Db, opts: ServiceOptions): Handlers {
  return {
    ...appHandlers(db, opts),
    ...settingsHandlers(db, opts),
    ...registerHandlers(db, opts),
    ...referralsHandlers(db, opts),
    ...closuresHandlers(db, opts),
    ...caseloadHandlers(db, opts),
    ...actionsHandlers(db, opts),
    ...escalationsHandlers(db, opts),
    ...reportsHandlers(db, opts),
    ...meetingsHandlers(db, opts),
    ...documentsHandlers(db, opts),
    ...usersHandlers(db, opts),
    ...returnsHandlers(db, opts),
    ...backupsHandlers(db, opts),
    ...retentionHandlers(db, opts),
  };
}
