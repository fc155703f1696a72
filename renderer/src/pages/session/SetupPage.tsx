import { useState } from 'react';
import { PASSWORD_MIN, type SessionStatus } from '../../../../shared/api/session';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { passwordProblem } from './passwords';
import { RecoveryKeySheet } from './RecoveryKeySheet';

/**
 * First run: the first user, a manager. Their password and a printed recovery key each unlock the
 * register's key; the page says plainly what losing both means.
 */
export function SetupPage({ status, onDone }: { status: SessionStatus; onDone: (s: SessionStatus) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [made, setMade] = useState<{ status: SessionStatus; recoveryKey: string } | null>(null);
  const a = useMutation();

  const create = async () => {
    const problem = passwordProblem(password, again);
    setMismatch(problem);
    if (problem) return;
    const r = await a.run(() => call('session.setup', { name, password }));
    if (r) setMade(r);
  };

  if (made) return <RecoveryKeySheet recoveryKey={made.recoveryKey} managerName={made.status.user?.name ?? name} onContinue={() => onDone(made.status)} />;
  return (
    <main className="first-run">
      <h1>Welcome to Panel</h1>
      <p className="lead">
        Panel keeps your Children Missing Education and Pupils Missing Out on Education registers on this computer,
        encrypted. First, create the first manager: the person who will add the other users.
      </p>
      {status.existingRegister ? (
        <div className="banner banner-warn" role="status">
          This computer already has a Panel register from an earlier version, which is not encrypted. When you create the
          first manager, Panel encrypts it in place: nothing in it is lost.
        </div>
      ) : null}
      <form className="card" onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <h2 style={{ marginTop: 0 }}>Create the first manager</h2>
        <ErrorBanner message={a.field ? null : a.error} />
        <Field label="Your name" required hint="As colleagues know you: it is recorded against every change you make." error={a.errorFor('name')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" autoFocus />}
        </Field>
        <Field label="Password" required hint={`At least ${PASSWORD_MIN} characters. Three random words make a good one.`} error={a.errorFor('password')}>
          {(p) => <input {...p} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />}
        </Field>
        <Field label="Password again" required error={mismatch}>
          {(p) => <input {...p} type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />}
        </Field>
        <div className="banner banner-warn" role="note">
          <strong>If the passwords are lost, the register is lost.</strong> Nobody, including Panel’s developers and your IT
          team, can open the register without a password or the recovery key. A manager can reset any user’s
          forgotten password. If every manager’s password and the printed recovery key are lost, the register
          cannot be opened again.
        </div>
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={a.busy || !name.trim()}>{a.busy ? 'Creating…' : 'Create manager and recovery key'}</button>
        </div>
      </form>
    </main>
  );
}
