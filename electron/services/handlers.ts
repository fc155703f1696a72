import type { Db } from '../../db/open';
import type { MethodName } from '../../shared/api/contract';
import type { Handlers } from '../dispatch';

export interface ServiceOptions {
  /** Today's date (ISO), injectable so tests can pin the clock. */
  today: () => string;
  version: string;
  dbPath: string;
}

/** A domain's handlers: exactly the methods of its contract slice (shared/api/<domain>.ts). */
export type DomainHandlers<Slice> = { [M in keyof Slice & MethodName]: Handlers[M] };

/** What every domain's handler map is built from. */
export type DomainHandlerFactory<Slice> = (db: Db, opts: ServiceOptions) => DomainHandlers<Slice>;
