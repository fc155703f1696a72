import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import { normaliseUserName } from '../../../db/keyring';
import { AppError, invalid, notFound } from '../../../shared/api/errors';
import type { Role, User } from '../../../shared/api/session';

/** Users and roles, inside the encrypted register (migration 009_users_and_roles). */
interface UserRow {
  id: number;
  name: string;
  role: Role;
  officer_id: number | null;
  created_at: string;
  password_set_at: string | null;
  removed_at: string | null;
}

const toUser = (r: UserRow, canSignIn: (id: number) => boolean): User => ({
  id: r.id, name: r.name, role: r.role, officerId: r.officer_id, createdAt: r.created_at, passwordSetAt: r.password_set_at, canSignIn: canSignIn(r.id),
});

export const userRow = (db: Db, id: number): UserRow | undefined => db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;

/** The current (not removed) user, or a not-found a person can act on. */
export function currentUser(db: Db, id: number): UserRow {
  const row = userRow(db, id);
  if (!row || row.removed_at) throw notFound(`There is no current user with record number ${id}. Reload the list of users.`);
  return row;
}

/** The officer record a user's account is linked to (their own cases, closures, actions), or null. */
export function linkedOfficerId(db: Db, userId: number): number | null {
  return (db.prepare('SELECT officer_id FROM users WHERE id = ?').get(userId) as { officer_id: number | null } | undefined)?.officer_id ?? null;
}

export function listUsers(db: Db, canSignIn: (id: number) => boolean): User[] {
  return (db.prepare('SELECT * FROM users WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE').all() as UserRow[]).map((r) => toUser(r, canSignIn));
}

export const userById = (db: Db, id: number, canSignIn: (id: number) => boolean): User => toUser(currentUser(db, id), canSignIn);

/** An officer of the same name is the same person: "the proposer is not the authoriser" compares officers. */
function officerNamed(db: Db, name: string): number | null {
  const rows = db.prepare('SELECT id, name FROM officers').all() as { id: number; name: string }[];
  return rows.find((o) => normaliseUserName(o.name) === normaliseUserName(name))?.id ?? null;
}

export function insertUser(db: Db, ctx: WriteContext, input: { name: string; role: Role; id?: number }): number {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const clash = db.prepare('SELECT id FROM users WHERE name_key = ? AND removed_at IS NULL').get(normaliseUserName(name));
  if (clash) throw invalid('name', `There is already a user called ${name}. Use a different name (for example add a middle initial).`);
  const now = ctx.now();
  return auditedInsert(db, ctx, 'users', { entity: 'user' }, {
    ...(input.id ? { id: input.id } : {}),
    name, name_key: normaliseUserName(name), role: input.role, officer_id: officerNamed(db, name), created_at: now, password_set_at: now,
  });
}

const managerCount = (db: Db) => (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'manager' AND removed_at IS NULL").get() as { n: number }).n;

/** The register must always keep a manager who can sign in: only a manager manages users. */
function keepAManager(db: Db, row: UserRow, doing: string): void {
  if (row.role === 'manager' && managerCount(db) <= 1) {
    throw new AppError('conflict', `${row.name} is the only manager, so you can't ${doing}. Make another user a manager first.`);
  }
}

export function setRole(db: Db, ctx: WriteContext, id: number, role: Role): void {
  const row = currentUser(db, id);
  if (row.role === role) return;
  keepAManager(db, row, 'change their role');
  auditedUpdate(db, ctx, 'users', { entity: 'user' }, id, { role });
}

export function markPasswordSet(db: Db, ctx: WriteContext, id: number): void {
  auditedUpdate(db, ctx, 'users', { entity: 'user' }, id, { password_set_at: ctx.now() });
}

export function removeUser(db: Db, ctx: WriteContext, id: number): void {
  const row = currentUser(db, id);
  if (ctx.user?.id === id) throw new AppError('conflict', 'You can’t remove yourself. Ask another manager to do it.');
  keepAManager(db, row, 'remove them');
  auditedUpdate(db, ctx, 'users', { entity: 'user' }, id, { removed_at: ctx.now() });
}
