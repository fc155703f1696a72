import { useState } from 'react';
import type { SessionStatus } from '../../../../shared/api/session';
import { PASSWORD_MIN } from '../../../../shared/api/session';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { passwordProblem } from './passwords';

/** Every manager's password lost: the printed recovery key opens the register and sets a new password for a manager. */
export function RecoverForm({ onDone, onCancel }: { onDone: (s: SessionStatus) => void; onCancel: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const [name, setName] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  const a = useMutation();

  const recover = async () => {
    const problem = passwordProblem(newPassword, again);
    setMismatch(problem);
    if (problem) return;
    const s = await a.run(() => call('session.recover', { recoveryKey, name, newPassword }));
    if (s) onDone(s);
  };

  return (
    <main className="first-run sign-in">
      <h1>Open the register with the recovery key</h1>
      <p className="lead">Type the recovery key printed when Panel was set up, the name of a manager, and a new password for that manager.</p>
      <form className="card" onSubmit={(e) => { e.preventDefault(); void recover(); }}>
        <ErrorBanner message={a.field ? null : a.error} />
        <Field label="Recovery key" required hint="Letters and digits in groups of four; dashes and spaces don’t matter." error={a.errorFor('recoveryKey')}>
          {(p) => <input {...p} className="mono" value={recoveryKey} onChange={(e) => setRecoveryKey(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />}
        </Field>
        <Field label="Manager’s name" required error={a.errorFor('name')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" />}
        </Field>
        <Field label="New password" required hint={`At least ${PASSWORD_MIN} characters. Three random words make a good one.`} error={a.errorFor('newPassword')}>
          {(p) => <input {...p} type="password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} autoComplete="new-password" />}
        </Field>
        <Field label="New password again" required error={mismatch}>
          {(p) => <input {...p} type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />}
        </Field>
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>Back to sign in</button>
          <button type="submit" className="primary" disabled={a.busy}>{a.busy ? 'Opening…' : 'Open and set the password'}</button>
        </div>
      </form>
    </main>
  );
}
