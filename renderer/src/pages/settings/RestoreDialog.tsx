import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { useBackupPreview } from '../../data/hooks';
import { backupWhen, megabytes, takenText } from './backupText';

/** Shown once on the page that reloads after a restore. */
export const RESTORED_NOTE_KEY = 'panel.restored';

/** Restore: the backup's date, counts and checks first; then a confirm step; then the app reopens on it. */
export function RestoreDialog({ file, onClose }: { file: string | null; onClose: () => void }) {
  const preview = useBackupPreview(file);
  const [confirmed, setConfirmed] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const restore = useMutation();
  useEffect(() => {
    setConfirmed(false);
    setHint(null);
    restore.reset();
  }, [file]); // eslint-disable-line react-hooks/exhaustive-deps
  const p = preview.data && preview.data.file && file && preview.data.file.endsWith(file.split(/[\\/]/).pop() ?? '') ? preview.data : null;

  const submit = async () => {
    if (!file || !p?.restorable) return;
    if (!confirmed) {
      setHint('Tick “I want to replace the register with this backup” to go on, or press Cancel.');
      return;
    }
    setHint(null);
    const r = await restore.mutate('backups.restore', { file, confirm: true });
    if (r) {
      // Everything on screen came from the old register: start again from the restored one.
      sessionStorage.setItem(RESTORED_NOTE_KEY, `Restored the backup taken ${takenText(r.restored.takenDate, r.restored.takenTime)}: ${r.restored.children.toLocaleString('en-GB')} children, ${r.restored.cases.toLocaleString('en-GB')} cases. The register as it was before is kept at ${r.safetyCopy}.`);
      window.location.reload();
    }
  };
  return (
    <Dialog title="Restore from a backup" open={file !== null} onClose={onClose} onSubmit={() => void submit()} submitLabel="Back up this register, then restore" busy={restore.busy} error={hint ?? restore.error} wide>
      {preview.loading && !p ? <p role="status" aria-busy="true">Checking the backup…</p> : null}
      <ErrorBanner message={preview.error} />
      {p ? (
        <>
          <dl className="facts" data-testid="restore-preview">
            <dt>File</dt><dd><code>{p.file}</code>{p.bytes ? ` (${megabytes(p.bytes)})` : ''}</dd>
            <dt>Taken</dt><dd>{takenText(p.takenDate, p.takenTime)}</dd>
            <dt>Last change in it</dt><dd>{p.lastChangeAt ? backupWhen(p.lastChangeAt) : '—'}</dd>
            <dt>Children</dt><dd>{p.children.toLocaleString('en-GB')}</dd>
            <dt>Cases</dt><dd>{p.cases.toLocaleString('en-GB')} ({p.openCases.toLocaleString('en-GB')} open)</dd>
            <dt>Integrity check</dt><dd>{p.quickCheck === 'ok' ? 'Passed' : p.quickCheck}</dd>
            <dt>Audit trail</dt><dd>{p.auditMessage ?? 'Not checked'}</dd>
          </dl>
          {p.problems.length > 0 ? (
            <div className="banner banner-error" role="alert">
              This backup cannot be restored:
              <ul>{p.problems.map((x) => <li key={x}>{x}</li>)}</ul>
            </div>
          ) : (
            <>
              <p>
                Everything entered since this backup was taken will be replaced. Panel backs up the register as it is now
                first, and stops if it cannot; then it swaps the backup in and reopens. The users and their passwords become
                those of the backup. Anyone else using this register should close Panel first.
              </p>
              <label className="check-row">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> I want to replace the register with this backup
              </label>
            </>
          )}
        </>
      ) : null}
    </Dialog>
  );
}
