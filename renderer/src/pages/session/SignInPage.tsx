import { useState } from 'react';
import type { SessionStatus } from '../../../../shared/api/session';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { RecoverForm } from './RecoverForm';

const WHY: Record<NonNullable<SessionStatus['lockedBecause']>, string | null> = {
  idle: 'Panel locked itself because it was left idle. Sign in to carry on where you were.',
  os_lock: 'Panel locked when this computer was locked or went to sleep. Sign in to carry on.',
  signed_out: 'You have signed out.',
  started: null,
};

/** The locked app: name and password unlock (decrypt) the register. */
export function SignInPage({ status, onSignedIn }: { status: SessionStatus; onSignedIn: (s: SessionStatus) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [recovering, setRecovering] = useState(false);
  const a = useMutation();
  const why = status.lockedBecause ? WHY[status.lockedBecause] : null;

  const signIn = async () => {
    const s = await a.run(() => call('session.signIn', { name, password }));
    setPassword('');
    if (s) onSignedIn(s);
  };

  if (recovering) return <RecoverForm onDone={onSignedIn} onCancel={() => setRecovering(false)} />;
  return (
    <main className="first-run sign-in">
      <h1>Sign in to Panel</h1>
      <p className="lead">The register is encrypted on this computer. Sign in with your name and password to open it.</p>
      {why ? <InfoBanner>{why}</InfoBanner> : null}
      <form className="card" onSubmit={(e) => { e.preventDefault(); void signIn(); }}>
        <ErrorBanner message={a.field ? null : a.error} />
        <Field label="Your name" required error={a.errorFor('name')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" autoFocus />}
        </Field>
        <Field label="Password" required error={a.errorFor('password')}>
          {(p) => <input {...p} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />}
        </Field>
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={a.busy || !name.trim() || !password}>{a.busy ? 'Signing in…' : 'Sign in'}</button>
        </div>
      </form>
      <details className="sign-in-help">
        <summary>Forgotten your password?</summary>
        <p>Ask a manager: they can set a new password for you in Settings › Users. Your work is not lost.</p>
        <p>
          If every manager’s password is lost, a manager can open the register with the printed recovery key made when
          Panel was set up.{' '}
          <button type="button" className="link" onClick={() => setRecovering(true)}>Use the recovery key</button>
        </p>
      </details>
      <p className="muted small">Register: <code>{status.dbPath}</code></p>
    </main>
  );
}
