import { useState } from 'react';
import type { MethodOutput } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { useIntegrityAtOpen } from '../../data/hooks';
import { ErrorBanner, InfoBanner, RegisterCheckAlert } from '../../components/Banner';
import { hrefFor } from '../../lib/router';

type Check = MethodOutput<'integrity.verify'>;

function Result({ check }: { check: Check }) {
  if (check.status === 'checking') return <p role="status" className="muted">{check.message}</p>;
  if (check.ok) return <InfoBanner>{check.message}</InfoBanner>;
  return (
    <>
      <ErrorBanner message={check.message} />
      {check.problems.length > 0 ? (
        <details>
          <summary>What the check found (for IT)</summary>
          <ul className="small">{check.problems.map((p, i) => <li key={i}><code>{p}</code></li>)}</ul>
        </details>
      ) : null}
    </>
  );
}

/** Settings: the register file's integrity, as checked at sign-in (in the background for a large register), and on demand. */
export function RegisterFileCard() {
  const atOpen = useIntegrityAtOpen();
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // "Check now" starts a check in the background; its result then arrives as the latest check.
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('integrity.verify', { atOpen: false });
      await atOpen.reload();
      setAsked(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const shown = atOpen.data;
  const running = busy || shown?.status === 'checking';
  return (
    <section className="card" style={{ maxWidth: 640 }} aria-labelledby="register-file-h">
      <h2 id="register-file-h" style={{ marginTop: 0 }}>Register file</h2>
      <p className="muted small">
        Panel reads every page of the register file to check it has not been damaged (by a disk fault or a copy cut short).
        A large register is checked in the background after signing in. {asked ? 'Checked again just now.' : 'Checked when the register was opened.'}
      </p>
      <ErrorBanner message={error ?? atOpen.error} />
      {shown ? <Result check={shown} /> : null}
      <div className="dialog-buttons"><button type="button" onClick={() => void check()} disabled={running}>{running ? 'Checking…' : 'Check the register file now'}</button></div>
    </section>
  );
}

/** The app's warning, on every page, when the check found the register file damaged. */
export function RegisterFileAlert() {
  return <RegisterCheckAlert state={useIntegrityAtOpen().data} faultStatus="damaged" checking="Checking the register file…" detailsHref={hrefFor({ page: 'settings' })} />;
}
