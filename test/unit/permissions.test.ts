import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { ANYONE, PERMISSIONS, allowed } from '../../shared/api/permissions';
import { ROLES, type Role } from '../../shared/api/session';
import { createDispatcher, type Handlers } from '../../electron/dispatch';
import { openTestApp, TODAY } from '../helpers/tempDb';
import { createHandlers } from '../../electron/services';
import type { WriteContext } from '../../db/audit';

// Issue 13: one table, method -> roles; the dispatcher refuses what a role may not call.

/** What each role may do, said once here from the issue (and seeds 001 §6.2, 003 App. D), to check the table against. */
const MANAGER_ONLY = new Set<MethodName>([
  'closures.authorise', 'closures.decline', 'cases.archive', 'app.setup', 'session.setIdleMinutes',
  'users.list', 'users.create', 'users.setRole', 'users.resetPassword', 'users.remove', 'users.newRecoveryKey',
  // Backups and retention: where backups go, replacing the register, and erasing records are a manager's decisions.
  'backups.setFolder', 'backups.restore', 'backups.inspect', 'retention.set', 'retention.pastList', 'retention.erase',
]);
const SIGN_IN = new Set<MethodName>(['session.status', 'session.setup', 'session.signIn', 'session.recover', 'session.signOut']);

function expected(method: MethodName, role: Role): boolean {
  if (SIGN_IN.has(method) || method === 'session.changePassword') return true;
  if (MANAGER_ONLY.has(method)) return role === 'manager';
  // A panel member reads the register and the minutes and changes nothing; officers and managers keep the register.
  return contract[method].write ? role !== 'panel_member' : true;
}

describe('permissions table', () => {
  it('lists every contract method, and nothing else', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('answers only the sign-in methods while locked', () => {
    expect(METHOD_NAMES.filter((m) => PERMISSIONS[m] === ANYONE).sort()).toEqual([...SIGN_IN].sort());
  });

  const cases = METHOD_NAMES.flatMap((m) => ROLES.map((r) => [m, r] as const));
  it.each(cases)('%s as %s', (method, role) => {
    expect(allowed(method, role)).toBe(expected(method, role));
  });
});

describe('the dispatcher enforces the table for every method and role', () => {
  const app = openTestApp();
  // Handlers that only record that they ran (what they would do doesn't matter here).
  const ran: string[] = [];
  const real = createHandlers(app.db, { today: () => TODAY, version: 't', dbPath: app.file });
  const spy = Object.fromEntries(Object.keys(real).map((m) => [m, () => { ran.push(m); return null; }])) as unknown as Handlers;

  it.each(ROLES)('as %s', (role) => {
    const user = { id: 1, name: `A ${role}`, role };
    const context = (): WriteContext => ({ actor: user.name, source: 'register', now: () => `${TODAY}T10:00:00Z`, user });
    const dispatch = createDispatcher({ db: app.db, handlers: spy, context, today: () => TODAY });
    let checked = 0;
    for (const method of METHOD_NAMES) {
      if (method.startsWith('session.')) continue; // answered by the session layer (test/unit/session)
      ran.length = 0;
      // The role is checked before the arguments: an allowed call gets as far as its schema (and its
      // handler when {} is enough), a refused one is refused whatever it sends.
      const r = dispatch(method, {});
      if (expected(method, role)) {
        expect(r.ok ? 'ran' : r.error.code, `${method} as ${role}`).toMatch(/^(ran|invalid_input)$/);
        if (r.ok) expect(ran).toEqual([method]);
      } else {
        expect(r, `${method} as ${role}`).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/can't (make this change|see this).*Ask a manager/) } });
        expect(ran).toEqual([]);
      }
      checked++;
    }
    expect(checked).toBe(METHOD_NAMES.filter((m) => !m.startsWith('session.')).length);
  });
});

