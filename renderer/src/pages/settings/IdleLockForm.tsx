import { useEffect, useState } from 'react';
import { IDLE_MINUTES_MAX } from '../../../../shared/api/session';
import { Field } from '../../components/Field';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';

/** How long Panel may be left idle before it locks (a manager sets it for the register). */
export function IdleLockForm({ minutes, canEdit }: { minutes: number; canEdit: boolean }) {
  const [value, setValue] = useState(String(minutes));
  const [saved, setSaved] = useState(false);
  const a = useMutation();
  useEffect(() => setValue(String(minutes)), [minutes]);
  const save = async () => {
    setSaved(false);
    if (await a.mutate('session.setIdleMinutes', { minutes: Number(value) })) setSaved(true);
  };
  return (
    <form className="card" style={{ maxWidth: 640 }} onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="lock-heading">
      <h2 id="lock-heading" style={{ marginTop: 0 }}>Locking</h2>
      <p className="small">
        Panel locks itself when nobody has used it for a while, and when this computer is locked or goes to sleep. Locking
        closes the register; signing in opens it again where you were.
      </p>
      <ErrorBanner message={a.field ? null : a.error} />
      {saved ? <InfoBanner>Saved. Panel now locks after {value} minutes without use.</InfoBanner> : null}
      <Field label="Lock after (minutes without use)" hint={canEdit ? `1 to ${IDLE_MINUTES_MAX} minutes; 15 is usual.` : 'A manager sets this.'} error={a.errorFor('minutes')}>
        {(p) => <input {...p} type="number" min={1} max={IDLE_MINUTES_MAX} step={1} value={value} onChange={(e) => setValue(e.target.value)} disabled={!canEdit} style={{ maxWidth: 120 }} />}
      </Field>
      {canEdit ? <div className="dialog-buttons"><button type="submit" disabled={a.busy}>Save</button></div> : null}
    </form>
  );
}
