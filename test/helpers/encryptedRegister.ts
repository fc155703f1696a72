// An encrypted register set up as the app's first sign-in does it (session.setup, then users and
// children through the services), closed again, for tests of the commands that unlock it.
import path from 'node:path';
import { createSessionHost } from '../../electron/session/sessionHost';
import { cmeReferral, tempDir } from './tempDb';

export interface EncryptedRegisterSpec {
  manager: { name: string; password: string };
  users?: readonly { name: string; role: string; password: string }[];
  /** Children's names, each referred to the CME register. */
  children?: readonly { forenames: string; surname: string }[];
}

export function encryptedRegister(prefix: string, spec: EncryptedRegisterSpec): { file: string; recoveryKey: string } {
  const file = path.join(tempDir(prefix), 'panel.db');
  const host = createSessionHost({ dbPath: file, version: 'test', idleCheckMs: 0, backupCheckMs: 0 });
  const call = (m: string, a: unknown = {}) => {
    const r = host.dispatch(m, a);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { recoveryKey: string };
  };
  try {
    const { recoveryKey } = call('session.setup', spec.manager);
    for (const u of spec.users ?? []) call('users.create', u);
    for (const c of spec.children ?? []) call('referrals.create', cmeReferral({}, c));
    return { file, recoveryKey };
  } finally {
    host.close();
  }
}
