import type { usersMethods } from '../../../shared/api/session';
import { auditedSetting } from '../../../db/audit';
import type { DomainHandlerFactory, RegisterKeys } from '../handlers';
import { AppError } from '../../../shared/api/errors';
import { currentUser, insertUser, listUsers, markPasswordSet, removeUser, setRole, userById } from './users';

const noKeys = (): never => {
  throw new AppError('unavailable', 'Users are managed from a signed-in Panel (this register was opened without signing in).');
};

/**
 * users.*: a manager adds users, sets their roles, resets forgotten passwords and removes users.
 * A password wraps a copy of the register's key in the keyring (the register is never re-encrypted);
 * the keyring is written last, so a failed write rolls the user's row back with it.
 */
export const usersHandlers: DomainHandlerFactory<typeof usersMethods> = (db, opts) => {
  const keys = (): RegisterKeys => opts.keys ?? noKeys();
  const canSignIn = (id: number) => opts.keys?.canSignIn(id) ?? false;
  return {
    'users.list': () => listUsers(db, canSignIn),
    'users.create': ({ name, role, password }, ctx) => {
      const k = keys();
      const id = insertUser(db, ctx, { name, role });
      k.setPassword({ userId: id, name: currentUser(db, id).name }, password);
      return userById(db, id, canSignIn);
    },
    'users.setRole': ({ id, role }, ctx) => {
      setRole(db, ctx, id, role);
      return userById(db, id, canSignIn);
    },
    'users.resetPassword': ({ id, password }, ctx) => {
      const k = keys();
      const row = currentUser(db, id);
      markPasswordSet(db, ctx, id);
      k.setPassword({ userId: id, name: row.name }, password);
      return userById(db, id, canSignIn);
    },
    'users.remove': ({ id }, ctx) => {
      const k = keys();
      removeUser(db, ctx, id);
      k.dropUser(id);
      return { removed: true as const };
    },
    'users.newRecoveryKey': (_args, ctx) => {
      const k = keys();
      const recoveryKey = k.newRecoveryKey();
      // The audit says who made a new key and when, never the key.
      auditedSetting(db, ctx, 'recovery_key_made_at', ctx.now());
      return { recoveryKey };
    },
  };
};
