/** Error codes a caller can act on. The message is always written for a person, never a stack trace. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_method'
  | 'forbidden'
  /** The app is locked (not signed in, or locked after being left idle): sign in, then try again. */
  | 'locked'
  | 'database_too_new'
  /** The register file failed its integrity check: Panel neither opens nor writes to it. */
  | 'database_damaged'
  /** Disk full (SQLITE_FULL). */
  | 'storage_full'
  /** The file or its folder cannot be written (SQLITE_READONLY). */
  | 'storage_read_only'
  /** Another program holds the file (SQLITE_BUSY / SQLITE_LOCKED). */
  | 'storage_busy'
  /** Something this machine lacks (e.g. Chromium for saving a PDF from the browser host). */
  | 'unavailable'
  /** A backup could not be written (folder gone, full, not writable); the register is unaffected. */
  | 'backup_failed'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The input field the message is about, as a dotted path, when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (field: string, message: string) => new AppError('invalid_input', message, field);
export const notFound = (message: string) => new AppError('not_found', message);
