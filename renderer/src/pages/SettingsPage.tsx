import { useEffect } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import { AuthorityForm } from './settings/AuthorityForm';
import { AuditTrailCard } from './settings/AuditTrail';
import { RegisterFileCard } from './settings/RegisterFile';
import { YouCard } from './settings/YouCard';
import { UsersCard } from './settings/UsersCard';
import { IdleLockForm } from './settings/IdleLockForm';
import { useCan, useSignedInUser } from '../data/session';
import type { SessionStatus } from '../../../shared/api/session';
import { BackupsCard } from './settings/BackupsCard';
import { RetentionCard } from './settings/RetentionCard';

export function SettingsPage({ info, idleMinutes, onChanged }: { info: MethodOutput<'app.info'>; idleMinutes: SessionStatus['idleMinutes']; onChanged: () => void }) {
  const user = useSignedInUser();
  const can = useCan();
  // The register's figures were read when the app opened; refresh them for this page.
  useEffect(() => onChanged(), []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <h1>Settings</h1>
      {user ? <YouCard user={user} /> : null}
      {user && can('users.list') ? <UsersCard meId={user.id} /> : null}
      <IdleLockForm minutes={idleMinutes} canEdit={can('session.setIdleMinutes')} />
      {can('settings.setAuthority') ? <AuthorityForm /> : null}
      {can('backups.status') ? <BackupsCard /> : null}
      <RegisterFileCard />
      <AuditTrailCard />
      <RetentionCard />
      <section className="card" style={{ maxWidth: 640 }}>
        <h2 style={{ marginTop: 0 }}>This register</h2>
        <dl className="facts">
          <dt>File</dt><dd><code>{info.dbPath}</code></dd>
          <dt>Cases</dt><dd>{info.caseCount.toLocaleString('en-GB')}</dd>
          <dt>Panel version</dt><dd>{info.version} (schema {info.schemaVersion})</dd>
        </dl>
        <p className="muted small">The register is stored on this computer, encrypted; Panel copies it, with its keyring (the file beside it ending .keyring.json), to the backup folder above. One without the other cannot be opened.</p>
      </section>
    </>
  );
}
