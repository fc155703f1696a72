import { z } from 'zod';
import * as S from './schemas';
import { method } from './method';

/**
 * Signing in (issue 13). The hosts start locked: only the `session.*` methods answer until someone
 * signs in, which unlocks (decrypts) the register. `users.*` manage who may sign in and as what.
 * Both are served by the session layer (electron/session), not the register's services.
 */
export const ROLES = ['manager', 'officer', 'panel_member'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES, { error: 'must be manager, officer or panel member' });

export const ROLE_LABELS: Record<Role, string> = { manager: 'Manager', officer: 'Officer', panel_member: 'Panel member' };
export const ROLE_HINTS: Record<Role, string> = {
  manager: 'Keeps the register, authorises closures and archiving, manages users, restores backups and erases records past retention.',
  officer: 'Keeps the register and records meetings.',
  panel_member: 'Reads the register and the minutes; makes no changes.',
};

/** Long rather than complicated (three random words is a good pattern); bounded so scrypt isn't fed megabytes. */
export const PASSWORD_MIN = 10;
export const password = z
  .string({ error: 'is required' })
  .min(PASSWORD_MIN, { error: `must be at least ${PASSWORD_MIN} characters (three random words make a good one)` })
  .max(200, { error: 'is longer than 200 characters' });
/** What someone types at sign-in: any length (the check is the key unwrapping), but bounded. */
const typedPassword = z.string({ error: 'is required' }).min(1, { error: 'is required' }).max(200, { error: 'is longer than 200 characters' });
const userName = S.text(80);

export const SessionUser = z.object({ id: z.number(), name: z.string(), role: RoleSchema });
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionStatus = z.object({
  /** setup: no user yet (first run, or a plain register from before sign-in); locked: sign in; open: signed in. */
  state: z.enum(['setup', 'locked', 'open']),
  user: SessionUser.nullable(),
  /** At setup: a register from an earlier Panel exists and will be encrypted when the first manager is created. */
  existingRegister: z.boolean(),
  /** Why the app last locked, for the sign-in screen's first line. */
  lockedBecause: z.enum(['idle', 'signed_out', 'os_lock', 'started']).nullable(),
  idleMinutes: z.number(),
  /** Where the register is (shown on the sign-in screen, so IT can tell which file this is). */
  dbPath: z.string(),
});
export type SessionStatus = z.infer<typeof SessionStatus>;

export const User = z.object({
  id: z.number(),
  name: z.string(),
  role: RoleSchema,
  officerId: z.number().nullable(),
  createdAt: z.string(),
  passwordSetAt: z.string().nullable(),
  /** Can sign in (has a wrapped key in the keyring). */
  canSignIn: z.boolean(),
});
export type User = z.infer<typeof User>;

export const IDLE_MINUTES_DEFAULT = 15;
export const IDLE_MINUTES_MAX = 240;

export const sessionMethods = {
  /** active: the person has typed or clicked since the last check (a long note being typed keeps Panel open; a window polling doesn't). */
  'session.status': method(z.object({ active: z.boolean().default(false) }).default({ active: false }), SessionStatus, false),
  /** First run: the first user, a manager; answers the recovery key to print (shown this once). */
  'session.setup': method(z.object({ name: userName, password }), z.object({ status: SessionStatus, recoveryKey: z.string() }), true),
  'session.signIn': method(z.object({ name: userName, password: typedPassword }), SessionStatus, false),
  /** Every manager's password forgotten: the recovery key opens the register and sets a new password for the named manager. */
  'session.recover': method(
    z.object({ recoveryKey: z.string().trim().min(1, { error: 'is required' }).max(100, { error: 'is longer than 100 characters' }), name: userName, newPassword: password }),
    SessionStatus,
    true,
  ),
  'session.signOut': method(z.object({}).default({}), SessionStatus, false),
  'session.changePassword': method(z.object({ currentPassword: typedPassword, newPassword: password }), z.object({ changed: z.literal(true) }), true),
  'session.setIdleMinutes': method(
    z.object({ minutes: z.number({ error: 'must be a number of minutes' }).int().min(1, { error: 'must be at least 1 minute' }).max(IDLE_MINUTES_MAX, { error: `must be at most ${IDLE_MINUTES_MAX} minutes` }) }),
    SessionStatus,
    true,
  ),
} as const;

/** Users and roles: managed by a manager from Settings. */
export const usersMethods = {
  'users.list': method(z.object({}).default({}), z.array(User), false),
  'users.create': method(z.object({ name: userName, role: RoleSchema, password }), User, true),
  'users.setRole': method(z.object({ id: S.id, role: RoleSchema }), User, true),
  'users.resetPassword': method(z.object({ id: S.id, password }), User, true),
  'users.remove': method(z.object({ id: S.id }), z.object({ removed: z.literal(true) }), true),
  /** A new printed recovery key; the old one stops working. */
  'users.newRecoveryKey': method(z.object({}).default({}), z.object({ recoveryKey: z.string() }), true),
} as const;

export type SessionMethodName = keyof typeof sessionMethods;
/** Served by the session layer, before and around the register's own services. */
export const isSessionMethod = (m: string): boolean => m.startsWith('session.') || m.startsWith('users.');
