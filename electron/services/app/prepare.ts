import type { Db } from '../../../db/open';
import type { WriteContext } from '../../../db/audit';
import { ensureDefaultPanels } from '../meetings/defaultPanels';

/**
 * What a register needs before the first call, written once when the app opens it, so that no read
 * method ever writes (the dispatcher runs reads with the register read-only). A register that can
 * only be read is left as it is.
 */
export function prepareRegister(db: Db, ctx: () => WriteContext): void {
  if (db.readonly) return;
  ensureDefaultPanels(db, ctx);
}
