import { useState } from 'react';
import type { MethodOutput } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { useAuditAtOpen } from '../../data/hooks';
import { ErrorBanner, InfoBanner, RegisterCheckAlert } from '../../components/Banner';
import { hrefFor } from '../../lib/router';

type Check = MethodOutput<'audit.verify'>;

function Result({ check }: { check: Check }) {
  if (check.status === 'checking') return <p role="status" className="muted">{check.message}</p>;
  return check.ok ? <InfoBanner>{check.message}</InfoBanner> : <ErrorBanner message={check.message} />;
}

/** Settings: the audit trail's hash chain, as checked when the register was opened, and on demand. */
export function AuditTrailCard() {
  const atOpen = useAuditAtOpen();
  const [now, setNow] = useState<Check | null>(null);
  const [asked, setAsked] = useState(false);
  // "Check now" on a large register starts a walk in the background: the result then arrives as
  // the latest check, which useAuditAtOpen asks for until it is in.
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      const started = await call('audit.verify', { atOpen: false });
      if (started.status === 'checking') {
        setNow(null);
        await atOpen.reload();
      } else setNow(started);
      setAsked(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const shown = now ?? atOpen.data;
  return (
    <section className="card" style={{ maxWidth: 640 }} aria-labelledby="audit-trail-h">
      <h2 id="audit-trail-h" style={{ marginTop: 0 }}>Audit trail</h2>
      <p className="muted small">
        Every change is recorded with who made it and when. Each entry is linked to the one before by a hash, so an entry
        changed or removed outside Panel shows up here. {asked ? 'Checked just now.' : 'Checked when the register was opened.'}
      </p>
      <ErrorBanner message={error ?? atOpen.error} />
      {shown ? <Result check={shown} /> : null}
      <div className="dialog-buttons"><button type="button" onClick={() => void check()} disabled={busy || shown?.status === 'checking'}>{busy || shown?.status === 'checking' ? 'Checking…' : 'Check the audit trail now'}</button></div>
    </section>
  );
}

/** The app's warning, on every page, when the check at open found the audit trail altered. */
export function AuditAlert() {
  return <RegisterCheckAlert state={useAuditAtOpen().data} faultStatus="broken" checking="Checking the audit trail…" detailsHref={hrefFor({ page: 'settings' })} />;
}
