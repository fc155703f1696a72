import { useState } from 'react';
import { PASSWORD_MIN, ROLES, ROLE_HINTS, ROLE_LABELS, type Role, type User } from '../../../../shared/api/session';
import { Field } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { useUsers } from '../../data/hooks';
import { formatUk } from '../../lib/format';
import { passwordProblem } from '../session/passwords';

const ROLE_OPTIONS = ROLES.map((r) => ({ code: r, label: ROLE_LABELS[r] }));

/**
 * Users (managers only): add users, set roles, reset forgotten passwords, remove users, and make
 * a new recovery key. A password wraps a copy of the register's key: adding or removing a user
 * never re-encrypts the register.
 */
export function UsersCard({ meId }: { meId: number }) {
  const users = useUsers();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [removing, setRemoving] = useState<User | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const row = useMutation({ invalidates: ['users.'] });

  const setRole = async (u: User, role: Role) => {
    setNotice(null);
    if (await row.mutate('users.setRole', { id: u.id, role })) setNotice(`${u.name} is now ${ROLE_LABELS[role].toLowerCase()}.`);
  };
  const newRecoveryKey = async () => {
    const r = await row.mutate('users.newRecoveryKey', {});
    if (r) setRecoveryKey(r.recoveryKey);
  };

  return (
    <section className="card" aria-labelledby="users-heading">
      <h2 id="users-heading" style={{ marginTop: 0 }}>Users</h2>
      <p className="small">
        Everyone who uses Panel signs in as themselves. {ROLES.map((r) => `${ROLE_LABELS[r]}: ${ROLE_HINTS[r].toLowerCase()}`).join(' ')}
      </p>
      <ErrorBanner message={users.error ?? row.error} />
      {notice ? <InfoBanner>{notice}</InfoBanner> : null}
      <table className="simple">
        <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Password set</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.name}{u.id === meId ? <span className="muted"> (you)</span> : null}{u.canSignIn ? null : <span className="pill pill-warn">can’t sign in</span>}</td>
              <td>
                <select aria-label={`Role of ${u.name}`} value={u.role} onChange={(e) => void setRole(u, e.target.value as Role)} disabled={row.busy}>
                  {ROLE_OPTIONS.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
                </select>
              </td>
              <td>{u.passwordSetAt ? formatUk(u.passwordSetAt.slice(0, 10)) : '—'}</td>
              <td>
                <button type="button" onClick={() => setResetting(u)}>Reset password…</button>{' '}
                {u.id === meId ? null : <button type="button" className="danger" onClick={() => setRemoving(u)}>Remove…</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-buttons" style={{ justifyContent: 'flex-start' }}>
        <button type="button" className="primary" onClick={() => setAdding(true)}>Add user…</button>
        <button type="button" onClick={() => void newRecoveryKey()} disabled={row.busy}>Make a new recovery key…</button>
      </div>
      {recoveryKey ? (
        <div className="banner banner-warn" role="status">
          <p style={{ marginTop: 0 }}><strong>New recovery key</strong> (the old one no longer works). Print or write it down now: it is not shown again.</p>
          <p className="recovery-key mono" data-testid="recovery-key">{recoveryKey}</p>
          <button type="button" onClick={() => window.print()}>Print</button>{' '}
          <button type="button" onClick={() => setRecoveryKey(null)}>I have kept it</button>
        </div>
      ) : null}
      <AddUserDialog open={adding} onClose={() => setAdding(false)} onAdded={(u) => { setAdding(false); setNotice(`${u.name} added as ${ROLE_LABELS[u.role].toLowerCase()}. Tell them their password in person.`); }} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} onDone={(u) => { setResetting(null); setNotice(`New password set for ${u.name}. Tell them in person.`); }} />
      <RemoveUserDialog user={removing} onClose={() => setRemoving(null)} onDone={(u) => { setRemoving(null); setNotice(`${u.name} removed: they can no longer sign in. Their name stays on the changes they made.`); }} />
    </section>
  );
}

function PasswordFields({ password, again, setPassword, setAgain, error, mismatch, label = 'Password' }: {
  password: string; again: string; setPassword: (v: string) => void; setAgain: (v: string) => void; error: string | null; mismatch: string | null; label?: string;
}) {
  return (
    <>
      <Field label={label} required hint={`At least ${PASSWORD_MIN} characters. Three random words make a good one.`} error={error}>
        {(p) => <input {...p} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />}
      </Field>
      <Field label={`${label} again`} required error={mismatch}>
        {(p) => <input {...p} type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />}
      </Field>
    </>
  );
}

function AddUserDialog({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (u: User) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  const a = useMutation({ invalidates: ['users.'] });
  const close = () => {
    setName(''); setPassword(''); setAgain(''); setMismatch(null); a.reset();
    onClose();
  };
  const add = async () => {
    const problem = passwordProblem(password, again);
    setMismatch(problem);
    if (problem) return;
    const u = await a.mutate('users.create', { name, role, password });
    if (u) {
      close();
      onAdded(u);
    }
  };
  return (
    <Dialog title="Add a user" open={open} onClose={close} onSubmit={() => void add()} submitLabel="Add user" busy={a.busy} error={a.field ? null : a.error}>
      <Field label="Name" required hint="As colleagues know them: it is recorded against every change they make." error={a.errorFor('name')}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
      </Field>
      <Field label="Role" required hint={ROLE_HINTS[role]} error={a.errorFor('role')}>
        {(p) => (
          <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLE_OPTIONS.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
          </select>
        )}
      </Field>
      <PasswordFields password={password} again={again} setPassword={setPassword} setAgain={setAgain} error={a.errorFor('password')} mismatch={mismatch} />
    </Dialog>
  );
}

function ResetPasswordDialog({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: (u: User) => void }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  const a = useMutation({ invalidates: ['users.'] });
  const close = () => {
    setPassword(''); setAgain(''); setMismatch(null); a.reset();
    onClose();
  };
  const reset = async () => {
    if (!user) return;
    const problem = passwordProblem(password, again);
    setMismatch(problem);
    if (problem) return;
    const u = await a.mutate('users.resetPassword', { id: user.id, password });
    if (u) {
      close();
      onDone(u);
    }
  };
  return (
    <Dialog title={`New password for ${user?.name ?? ''}`} open={user !== null} onClose={close} onSubmit={() => void reset()} submitLabel="Set password" busy={a.busy} error={a.field ? null : a.error}>
      <p className="small">Their old password stops working. Nothing in the register changes.</p>
      <PasswordFields label="New password" password={password} again={again} setPassword={setPassword} setAgain={setAgain} error={a.errorFor('password')} mismatch={mismatch} />
    </Dialog>
  );
}

function RemoveUserDialog({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: (u: User) => void }) {
  const a = useMutation({ invalidates: ['users.'] });
  const remove = async () => {
    if (!user) return;
    if (await a.mutate('users.remove', { id: user.id })) {
      a.reset();
      onDone(user);
    }
  };
  return (
    <Dialog title={`Remove ${user?.name ?? ''}?`} open={user !== null} onClose={() => { a.reset(); onClose(); }} onSubmit={() => void remove()} submitLabel="Remove user" busy={a.busy} error={a.error}>
      <p>They will no longer be able to sign in. The changes they made keep their name in each case’s history.</p>
    </Dialog>
  );
}
