import { AppError } from '../shared/api/errors';

/**
 * SQLite's storage failures as messages a person can act on, instead of "Something went wrong"
 * (issue 11). better-sqlite3 reports the extended code, e.g. SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE.
 */
export function storageError(err: unknown, file?: string): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const where = file ? ` (${file})` : '';
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' && /full|space/i.test(String((err as Error).message))) {
    return new AppError('storage_full', `The disk holding the register${where} is full, so nothing was saved. Free some space (or ask IT to), then try again: what you typed is still on screen.`);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new AppError('storage_read_only', `The register${where} can only be read, not written, so nothing was saved. Check that the file and its folder are not read-only and that you have permission to change them, then start Panel again.`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('storage_busy', `The register${where} is busy: another program (or another copy of Panel) is writing to it. Nothing was saved. Close the other program and try again.`);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new AppError('database_damaged', damagedMessage(file));
  }
  return null;
}

export function damagedMessage(file?: string, detail?: string): string {
  return (
    `The register${file ? ` at ${file}` : ''} is damaged${detail ? ` (${detail})` : ''}, so Panel will not open or change it. ` +
    'Nothing has been written to it. Keep the file as it is, and restore the most recent copy from your backups (ask IT for the last good copy of this file), then open that one.'
  );
}
