import * as K from '../../db/keyring';
import { AppError } from '../../shared/api/errors';
import { withKeyringLockSync } from '../../db/keyringLock';

/**
 * A change to the keyring as the app makes it: in its turn at the keyring (keyringLock.ts), the file is
 * read again and the change applied to what is there now, then written whole. So a count or a password
 * written by a command-line tool since the app last looked is kept. `change` should be quick (no scrypt):
 * the tools wait while it runs. Returns the keyring as written (or as it was, when nothing changed).
 */
export function updateKeyring(keyringFile: string, change: (kr: K.Keyring) => K.Keyring, waitMs?: number): K.Keyring {
  return withKeyringLockSync(
    keyringFile,
    () => {
      const kr = K.readKeyring(keyringFile);
      if (!kr) throw new AppError('unavailable', `The keyring beside the register (${keyringFile}) is missing. Restore it from the backup of this register.`);
      const next = change(kr);
      if (next !== kr) K.writeKeyring(keyringFile, next);
      return next;
    },
    waitMs,
  );
}
