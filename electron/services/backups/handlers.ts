import type { backupsMethods } from '../../../shared/api/backups';
import { AppError } from '../../../shared/api/errors';
import type { DomainHandlerFactory } from '../handlers';
import { backupStatus, runBackup, setBackupFolder } from './backups';
import { previewBackup, registerIdOf } from './restore';

export const backupsHandlers: DomainHandlerFactory<typeof backupsMethods> = (db, opts) => ({
  'backups.status': (_a, ctx) => backupStatus(db, ctx.now()),
  'backups.setFolder': ({ folder }, ctx) => {
    setBackupFolder(db, ctx, folder);
    return backupStatus(db, ctx.now());
  },
  'backups.run': (_a, ctx) => {
    const entry = runBackup(db, ctx, { kind: 'manual' });
    return { entry, status: backupStatus(db, ctx.now()) };
  },
  // With the open register's key; an encrypted backup must carry this register's keyring beside it.
  'backups.inspect': ({ file }) => previewBackup(file, opts.host?.openOptions, { registerId: registerIdOf(opts.dbPath) }),
  'backups.restore': ({ file }, ctx) => {
    // Only the host can close and reopen the register; createApp without one (scripts, tests) cannot restore.
    if (!opts.host) throw new AppError('unavailable', 'Restoring needs the Panel app (or npm run restore); this connection to the register cannot replace it.');
    const { restored, safetyCopy } = opts.host.restore(file, ctx);
    return { restored, safetyCopy };
  },
});
