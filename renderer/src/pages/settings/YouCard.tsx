import { useState } from 'react';
import { PASSWORD_MIN, ROLE_HINTS, ROLE_LABELS, type SessionUser } from '../../../../shared/api/session';
import { Field } from '../../components/Field';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { passwordProblem } from '../session/passwords';

/** The signed-in user: who they are (what every change is recorded under), their role, and their own password. */
export function YouCard({ user }: { user: SessionUser }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const a = useMutation();
  const change = async () => {
    setSaved(false);
    const problem = passwordProblem(newPassword, again);
    setMismatch(problem);
    if (problem) return;
    if (await a.mutate('session.changePassword', { currentPassword, newPassword })) {
      setSaved(true);
      setCurrent('');
      setNew('');
      setAgain('');
    }
  };
  return (
    <section className="card" style={{ maxWidth: 640 }} aria-labelledby="you-heading">
      <h2 id="you-heading" style={{ marginTop: 0 }}>You</h2>
      <dl className="facts">
        <dt>Signed in as</dt><dd><strong>{user.name}</strong></dd>
        <dt>Role</dt><dd>{ROLE_LABELS[user.role]}: {ROLE_HINTS[user.role]}</dd>
      </dl>
      <p className="muted small">Every change you make is recorded under your name in the case history and the audit trail.</p>
      <form onSubmit={(e) => { e.preventDefault(); void change(); }}>
        <h3>Change your password</h3>
        <ErrorBanner message={a.field ? null : a.error} />
        {saved ? <InfoBanner>Password changed. Use the new one next time you sign in.</InfoBanner> : null}
        <Field label="Current password" required error={a.errorFor('currentPassword')}>
          {(p) => <input {...p} type="password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" />}
        </Field>
        <Field label="New password" required hint={`At least ${PASSWORD_MIN} characters. Three random words make a good one.`} error={a.errorFor('newPassword')}>
          {(p) => <input {...p} type="password" value={newPassword} onChange={(e) => setNew(e.target.value)} autoComplete="new-password" />}
        </Field>
        <Field label="New password again" required error={mismatch}>
          {(p) => <input {...p} type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />}
        </Field>
        <div className="dialog-buttons"><button type="submit" disabled={a.busy || !currentPassword}>Change password</button></div>
      </form>
    </section>
  );
}
