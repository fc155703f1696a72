import fs from 'node:fs';
import path from 'node:path';
import { auditCheckOnOpen, openDatabase, type OpenOptions } from './open';
import { verifyAuditChain } from './auditChain';
import { syncFolder } from './backup';
import { AppError } from '../shared/api/errors';

/**
 * Restoring a backup over the register (issue 13), in two steps so the open register is touched
 * only at the last moment:
 * 1. prepareRestore copies the backup beside the register under a temporary name and opens it
 *    as Panel would (integrity check, migrations up to this version, audit chain), then closes it;
 * 2. swapInRestored, once the caller has closed the register, renames the copy over it: one atomic
 *    step, so at every moment the register's path holds either the old register or the restored one.
 */
export const restoringName = (registerFile: string) => path.join(path.dirname(registerFile), `.${path.basename(registerFile)}.restoring`);

export function prepareRestore(backupFile: string, registerFile: string, options: OpenOptions = {}): string {
  const temp = restoringName(registerFile);
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
  try {
    fs.copyFileSync(backupFile, temp);
    fs.chmodSync(temp, 0o600);
    const db = openDatabase(temp, options);
    try {
      // Opening verified the chain already (a long walk on a large register): use that result.
      const chain = auditCheckOnOpen(db) ?? verifyAuditChain(db);
      if (!chain.ok) throw new AppError('database_damaged', `The backup's audit trail does not verify, so it was not restored. ${chain.message}`);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return temp;
  } catch (err) {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
    throw err;
  }
}

/** The register must be closed. Its -wal and -shm belong to the old file, so they go first. */
export function swapInRestored(prepared: string, registerFile: string): void {
  for (const f of [`${registerFile}-wal`, `${registerFile}-shm`, `${prepared}-wal`, `${prepared}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(prepared, registerFile);
  syncFolder(path.dirname(registerFile));
}
