import { useState } from 'react';

/** The recovery key, shown once: print it (or write it down) and keep it locked away, apart from this computer. */
export function RecoveryKeySheet({ recoveryKey, managerName, onContinue }: { recoveryKey: string; managerName: string; onContinue: () => void }) {
  const [kept, setKept] = useState(false);
  return (
    <main className="first-run recovery-sheet">
      <h1>Print the recovery key</h1>
      <p className="lead">
        This key opens the register if every manager’s password is forgotten. It is shown only now. Print it, or write it
        down exactly, and keep it somewhere safe away from this computer (for example your service’s locked cabinet).
      </p>
      <section className="card recovery-card" aria-labelledby="recovery-key-label">
        <h2 id="recovery-key-label" style={{ marginTop: 0 }}>Panel recovery key</h2>
        <p className="recovery-key mono" data-testid="recovery-key">{recoveryKey}</p>
        <p className="small">
          Made for the register set up by {managerName}. To use it: on the sign-in screen choose “Forgotten your
          password?”, then “Use the recovery key”. Whoever holds this key can open the register: guard it like the register itself.
        </p>
      </section>
      <div className="no-print">
        <div className="dialog-buttons" style={{ justifyContent: 'flex-start' }}>
          <button type="button" className="primary" onClick={() => window.print()}>Print recovery key</button>
        </div>
        <label className="check">
          <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} /> I have printed or written down the recovery key and will keep it safe
        </label>
        <div className="dialog-buttons" style={{ justifyContent: 'flex-start' }}>
          <button type="button" onClick={onContinue} disabled={!kept}>Continue to Panel</button>
        </div>
      </div>
    </main>
  );
}
