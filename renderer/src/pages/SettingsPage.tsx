import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import { call } from '../api/client';
import { Field } from '../components/Field';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import { useMutation } from '../data/useMutation';
import { AuthorityForm } from './settings/AuthorityForm';
import { AuditTrailCard } from './settings/AuditTrail';
import { BackupsCard } from './settings/BackupsCard';
import { RetentionCard } from './settings/RetentionCard';

export function SettingsPage({ info, onChanged }: { info: MethodOutput<'app.info'>; onChanged: () => void }) {
  const [name, setName] = useState(info.userName);
  const [saved, setSaved] = useState(false);
  const a = useMutation();
  // The register's figures were read when the app opened; refresh them for this page.
  useEffect(() => onChanged(), []); // eslint-disable-line react-hooks/exhaustive-deps
  const save = async () => {
    setSaved(false);
    if (await a.run(() => call('app.setUserName', { name }))) {
      setSaved(true);
      onChanged();
    }
  };
  return (
    <>
      <h1>Settings</h1>
      <form className="card" style={{ maxWidth: 640 }} onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <h2 style={{ marginTop: 0 }}>You</h2>
        <ErrorBanner message={a.field ? null : a.error} />
        {saved ? <InfoBanner>Saved. New changes are recorded under “{name}”.</InfoBanner> : null}
        <Field label="Your name" hint="Recorded against every change you make, in each case’s history." error={a.errorFor('name')}>
          {(f) => <input {...f} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="dialog-buttons"><button type="submit" className="primary" disabled={a.busy}>Save name</button></div>
      </form>
      <AuthorityForm />
      <BackupsCard />
      <AuditTrailCard />
      <RetentionCard />
      <section className="card" style={{ maxWidth: 640 }}>
        <h2 style={{ marginTop: 0 }}>This register</h2>
        <dl className="facts">
          <dt>File</dt><dd><code>{info.dbPath}</code></dd>
          <dt>Cases</dt><dd>{info.caseCount.toLocaleString('en-GB')}</dd>
          <dt>Panel version</dt><dd>{info.version} (schema {info.schemaVersion})</dd>
        </dl>
        <p className="muted small">The register is stored only on this computer; Panel copies it to the backup folder above.</p>
      </section>
    </>
  );
}
