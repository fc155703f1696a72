import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db, type OpenOptions } from '../../db/open';
import type { Dispatch } from '../../electron/dispatch';
import { createApp } from '../../electron/createApp';
import type { WriteContext } from '../../db/audit';
import type { SessionUser } from '../../shared/api/session';
import { loadDemo } from '../../db/demo/register';

export function tempDir(prefix = 'panel-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempDbFile(): string {
  return path.join(tempDir(), 'panel.db');
}

export interface TestApp {
  db: Db;
  file: string;
  dispatch: Dispatch;
  /** Dispatches and unwraps, failing the test loudly on an error result. */
  ok: <T = any>(method: string, args?: unknown) => T; // eslint-disable-line @typescript-eslint/no-explicit-any
  close: () => void;
}

export const TODAY = '2026-11-25';

/** `user`: the signed-in user (as the session layer sets it); without one, calls are made as nobody in particular (scripts). */
export function openTestApp(options: { file?: string; today?: string; actor?: string; user?: SessionUser } & OpenOptions = {}): TestApp {
  const file = options.file ?? tempDbFile();
  const db = openDatabase(file, options);
  const today = options.today ?? TODAY;
  let n = 0;
  const context = (): WriteContext => ({
    actor: options.user?.name ?? options.actor ?? 'Test Officer', source: 'register', now: () => `${today}T10:00:${String(n++ % 60).padStart(2, '0')}.000Z`,
    ...(options.user ? { user: options.user } : {}),
  });
  const { dispatch } = createApp(db, { today: () => today, version: 'test', dbPath: file, context, checkOutputs: true, log: () => {} });
  const ok = (method: string, args: unknown = {}) => {
    const r = dispatch(method, args);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
    return r.value as never;
  };
  return { db, file, dispatch, ok, close: () => db.close() };
}

/** A minimal valid CME referral; override what a test is about. */
export function cmeReferral(over: Record<string, unknown> = {}, child: Record<string, unknown> = {}) {
  return {
    register: 'CME',
    child: { forenames: 'Amelia', surname: 'Hartley', dateOfBirth: '2014-05-12', gender: 'female', ...child },
    case: { dateNotified: '2026-10-01', source: 'school', reason: 'whereabouts_unknown', lastSchool: 'Northbridge Academy', lastAttendance: '2026-09-15', ...over },
  };
}

/** A test app on the demo register as it stands on `today` (many service tests check their rules against it). */
export function openDemoTestApp(today: string): TestApp {
  const app = openTestApp({ today });
  app.db.transaction(() => loadDemo(app.db, { actor: 'Demo', source: 'demo', now: () => `${today}T09:00:00Z` }, { today }))();
  return app;
}
