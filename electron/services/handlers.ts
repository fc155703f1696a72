import type { Db } from '../../db/open';
import type { Handlers, ServiceMethodName } from '../dispatch';
import type { OpenOptions } from '../../db/open';
import type { WriteContext } from '../../db/audit';
import type { z } from 'zod';
import type { BackupPreview } from '../../shared/api/backups';

/** What only the host holding the register can do (electron/session/sessionHost.ts): replace it and reopen. */
export interface RegisterHost {
  /** How the host opens a register (the driver build and the register's key). */
  openOptions: OpenOptions;
  restore(file: string, ctx: WriteContext): { restored: z.infer<typeof BackupPreview>; safetyCopy: string };
}

export interface ServiceOptions {
  /** Today's date (ISO), injectable so tests can pin the clock. */
  today: () => string;
  version: string;
  dbPath: string;
  /** The keyring, when a user is signed in (the session layer): users.* wrap the register's key with it. */
  keys?: RegisterKeys;
  /** Present when a host can close and reopen the register (restore). */
  host?: RegisterHost;
}

/** What users.* may do with the unlocked register's key: wrap a copy for a password, drop a copy, print a new recovery key. */
export interface RegisterKeys {
  setPassword(user: { userId: number; name: string }, password: string): void;
  dropUser(userId: number): void;
  newRecoveryKey(): string;
  /** The user has a wrapped copy (a password) in the keyring. */
  canSignIn(userId: number): boolean;
}

/** A domain's handlers: exactly the methods of its contract slice (shared/api/<domain>.ts). */
export type DomainHandlers<Slice> = { [M in keyof Slice & ServiceMethodName]: Handlers[M] };

/** What every domain's handler map is built from. */
export type DomainHandlerFactory<Slice> = (db: Db, opts: ServiceOptions) => DomainHandlers<Slice>;
