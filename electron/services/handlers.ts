import type { Db } from '../../db/open';
import type { MethodName } from '../../shared/api/contract';
import type { Handlers } from '../dispatch';
import type { OpenOptions } from '../../db/open';
import type { WriteContext } from '../../db/audit';
import type { z } from 'zod';
import type { BackupPreview } from '../../shared/api/backups';

/** What only the host holding the register can do (electron/registerSession.ts): replace it and reopen. */
export interface RegisterHost {
  /** How the host opens a register (the driver build; once encrypted, its key). */
  openOptions: OpenOptions;
  restore(file: string, ctx: WriteContext): { restored: z.infer<typeof BackupPreview>; safetyCopy: string };
}

export interface ServiceOptions {
  /** Today's date (ISO), injectable so tests can pin the clock. */
  today: () => string;
  version: string;
  dbPath: string;
  /** Present when a host can close and reopen the register (restore). */
  host?: RegisterHost;
}

/** A domain's handlers: exactly the methods of its contract slice (shared/api/<domain>.ts). */
export type DomainHandlers<Slice> = { [M in keyof Slice & MethodName]: Handlers[M] };

/** What every domain's handler map is built from. */
export type DomainHandlerFactory<Slice> = (db: Db, opts: ServiceOptions) => DomainHandlers<Slice>;
