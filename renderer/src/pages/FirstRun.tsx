import { useState } from 'react';
import { call } from '../api/client';
import { ErrorBanner } from '../components/Banner';

/** First run, after the first manager is created: an empty or a demo register. */
export function FirstRun({ canSetUp, onDone }: { canSetUp: boolean; onDone: () => void }) {
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
      {canSetUp ? null : <p role="status">A manager sets up this register. Ask them to sign in and choose how to start.</p>}
      <div className="choice-grid">
        <button className="choice" onClick={() => void start('empty')} disabled={busy !== null || !canSetUp}>
          <strong>Start empty</strong>
          <span>An empty register for your authority’s real cases. Add officers, then enter referrals.</span>
          {busy === 'empty' ? <span className="muted">Setting up…</span> : null}
        </button>
        <button className="choice" onClick={() => void start('demo')} disabled={busy !== null || !canSetUp}>
          <strong>Load demo register</strong>
          <span>About 1,300 synthetic cases, officers, checks and notes to try Panel with. No real person’s data.</span>
          {busy === 'demo' ? <span className="muted">Loading the demo register…</span> : null}
        </button>
      </div>
    </main>
  );
}
