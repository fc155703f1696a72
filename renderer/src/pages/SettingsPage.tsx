import { useEffect } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import { AuthorityForm } from './settings/AuthorityForm';
import { AuditTrailCard } from './settings/AuditTrail';

export function SettingsPage({ info, onChanged }: { info: MethodOutput<'app.info'>; onChanged: () => void }) {
  // The register's figures were read when the app opened; refresh them for this page.
  useEffect(() => onChanged(), []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <h1>Settings</h1>
      <AuthorityForm />
      <AuditTrailCard />
      <section className="card" style={{ maxWidth: 640 }}>
        <h2 style={{ marginTop: 0 }}>This register</h2>
        <dl className="facts">
          <dt>File</dt><dd><code>{info.dbPath}</code></dd>
          <dt>Cases</dt><dd>{info.caseCount.toLocaleString('en-GB')}</dd>
          <dt>Panel version</dt><dd>{info.version} (schema {info.schemaVersion})</dd>
        </dl>
        <p className="muted small">The register is stored only on this computer. Back it up with your authority’s usual file backups.</p>
      </section>
    </>
  );
}
