import type { Db } from '../../../db/open';
import { schemaVersion } from '../../../db/open';
import { auditStatus, recheckAudit } from '../../../db/auditVerifier';
import { integrityStatus, recheckIntegrity } from '../../../db/integrityCheck';
import { auditedSetting } from '../../../db/audit';
import { AppError } from '../../../shared/api/errors';
import type { appMethods } from '../../../shared/api/app';
import { getSetting } from '../context';
import { loadDemo } from '../../../db/demo/register';
import type { DomainHandlerFactory } from '../handlers';

const caseCount = (db: Db) => (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;

export const appHandlers: DomainHandlerFactory<typeof appMethods> = (db, opts) => {
  const { today } = opts;
  return {
    // Who is signed in (the write context's actor), not a name typed in Settings.
    'app.info': (_args, ctx) => ({
      version: opts.version,
      schemaVersion: schemaVersion(db),
      dbPath: opts.dbPath,
      userName: ctx.actor,
      setupDone: getSetting(db, 'setup_done') === '1',
      caseCount: caseCount(db),
      today: today(),
    }),
    'app.setup': ({ mode }, ctx) => {
      if (getSetting(db, 'setup_done') === '1' || caseCount(db) > 0) {
        throw new AppError('conflict', 'This register has already been set up. The demo register can only be loaded into a new, empty register.');
      }
      if (mode === 'demo') loadDemo(db, { ...ctx, source: 'demo' }, { today: today() });
      auditedSetting(db, ctx, 'setup_done', '1');
      return { caseCount: caseCount(db) };
    },
    // A register opened without openDatabase's check (none in the app) is checked on first ask.
    'audit.verify': ({ atOpen }) => (atOpen ? auditStatus(db) : undefined) ?? recheckAudit(db),
    // The same for the file itself: the check made at open (or still running), else a new one in a worker.
    'integrity.verify': ({ atOpen }) => (atOpen ? integrityStatus(db) : undefined) ?? recheckIntegrity(db),
  };
};
