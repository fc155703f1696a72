import { useState } from 'react';
import { call } from '../api/client';
import { Field } from '../components/Field';
import { ErrorBanner } from '../components/Banner';

/** First run: who is using the app (for the audit trail), and an empty or a demo register. */
export function FirstRun({ defaultName, onDone }: { defaultName: string; onDone: () => void }) {
  const [name, setName] = useState(defaultName);
  const [busy, setBusy] = useState<'empty' | 'demo' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (mode: 'empty' | 'demo') => {
    setBusy(mode);
    setError(null);
    try {
      await call('app.setup', { mode });
      onDone();
    } catch (e) {
      setError((e as Error).message);
      setBusy(null);
    }
  };

  return (
    <main className="first-run">
      <h1>Welcome to Panel</h1>
      <p className="lead">
        Panel keeps your Children Missing Education and Pupils Missing Out on Education registers, and runs the
        monthly CME and half-termly PMOE panels from them. Everything is stored on this computer only.
      </p>
      <ErrorBanner message={error} />
      <Field label="Your name" hint="Recorded against every change you make, in each case's history." required>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
      </Field>
      <div className="choice-grid">
        <button className="choice" onClick={() => void start('empty')} disabled={busy !== null || !name.trim()}>
          <strong>Start empty</strong>
          <span>An empty register for your authority’s real cases. Add officers, then enter referrals.</span>
          {busy === 'empty' ? <span className="muted">Setting up…</span> : null}
        </button>
        <button className="choice" onClick={() => void start('demo')} disabled={busy !== null || !name.trim()}>
          <strong>Load demo register</strong>
          <span>About 1,300 synthetic cases, officers, checks and notes to try Panel with. No real person’s data.</span>
          {busy === 'demo' ? <span className="muted">Loading the demo register…</span> : null}
        </button>
      </div>
    </main>
  );
}
