import { useEffect, useState } from 'react';
import { Field } from '../../components/Field';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { useBackupStatus } from '../../data/hooks';
import { useCan } from '../../data/session';
import { backupWarningText, backupWhen, KIND_LABELS, megabytes, takenText } from './backupText';
import { RestoreDialog, RESTORED_NOTE_KEY } from './RestoreDialog';

/** Settings → Backups: where automatic backups go, the last one, Back up now, and the copies to restore from. */
export function BackupsCard() {
  // What the signed-in role may do (shared/api/permissions.ts): a manager chooses the folder and restores; staff back up now.
  const can = useCan();
  const status = useBackupStatus();
  const s = status.data;
  const [folder, setFolder] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({ invalidates: ['backups.'] });
  const now = useMutation({ invalidates: ['backups.'] });
  useEffect(() => {
    if (s?.folder) setFolder(s.folder);
  }, [s?.folder]);
  // After a restore the app reloads onto the restored register; say what happened, once.
  useEffect(() => {
    const note = sessionStorage.getItem(RESTORED_NOTE_KEY);
    if (note) {
      sessionStorage.removeItem(RESTORED_NOTE_KEY);
      setSaved(note);
    }
  }, []);

  const chooseFolder = async () => {
    setSaved(null);
    const r = await save.mutate('backups.setFolder', { folder });
    if (r) {
      status.setData(r);
      setSaved(`Backups will go to ${r.folder}.`);
    }
  };
  const backUpNow = async () => {
    setSaved(null);
    const r = await now.mutate('backups.run', {});
    if (r) {
      status.setData(r.status);
      setSaved(`Backed up to ${r.entry.file}.`);
    } else void status.reload(); // the failure is in the log now
  };
  const warning = s ? backupWarningText(s) : null;
  const last = s?.last;
  return (
    <section className="card" style={{ maxWidth: 760 }} aria-labelledby="backups-h">
      <h2 id="backups-h" style={{ marginTop: 0 }}>Backups</h2>
      <p className="muted small">
        Panel copies the register, encrypted and with its keyring, into the folder below every day while someone is signed in
        and each time it closes (signing out, locking, quitting), keeping the last {s?.rotation.daily ?? 7} daily,
        {' '}{s?.rotation.weekly ?? 4} weekly and {s?.rotation.monthly ?? 12} monthly copies. Choose a folder that is itself
        backed up, such as a network drive.
      </p>
      <ErrorBanner message={status.error} />
      {warning ? <div className="banner banner-warn" role="status">{warning}</div> : null}
      {saved ? <InfoBanner>{saved}</InfoBanner> : null}
      <form onSubmit={(e) => { e.preventDefault(); void chooseFolder(); }}>
        <Field label="Backup folder" hint="The full path of a folder that exists, for example H:\Panel backups or /mnt/shared/Panel backups." error={save.errorFor('folder') ?? (save.field ? null : save.error)}>
          {(f) => <input {...f} value={folder} onChange={(e) => setFolder(e.target.value)} spellCheck={false} style={{ width: '100%' }} disabled={!can('backups.setFolder')} />}
        </Field>
        <div className="dialog-buttons">
          {can('backups.setFolder') ? <button type="submit" disabled={save.busy || !folder.trim()}>Use this folder</button> : null}
          {can('backups.run') ? (
            <button type="button" className="primary" onClick={() => void backUpNow()} disabled={now.busy || !s?.folder} aria-busy={now.busy || undefined}>
              {now.busy ? 'Backing up…' : 'Back up now'}
            </button>
          ) : null}
        </div>
      </form>
      <ErrorBanner message={now.error} />
      {s ? (
        <dl className="facts" style={{ marginTop: '0.8rem' }}>
          <dt>Last backup</dt>
          <dd data-testid="last-backup">
            {s.lastSuccess ? `${backupWhen(s.lastSuccess.at)} (${KIND_LABELS[s.lastSuccess.kind]}), ${megabytes(s.lastSuccess.bytes)}` : 'None yet'}
          </dd>
          <dt>Place</dt>
          <dd>{s.lastSuccess?.file ? <code>{s.lastSuccess.file}</code> : '—'}</dd>
          {last && !last.ok ? (
            <>
              <dt>Last attempt</dt>
              <dd className="error-text">{backupWhen(last.at)}: {last.message}</dd>
            </>
          ) : null}
        </dl>
      ) : null}

      {can('backups.restore') ? <RestoreSection files={s?.files ?? []} folderProblem={s?.folderProblem ?? null} folderChosen={Boolean(s?.folder)} /> : (
        <p className="muted small">Only a manager can choose the folder and restore a backup.</p>
      )}
    </section>
  );
}

/** Restoring (managers only): the backups in the folder, or a path to another, each shown and checked before anything is replaced. */
function RestoreSection({ files, folderProblem, folderChosen }: { files: { name: string; path: string; date: string; time: string; bytes: number }[]; folderProblem: string | null; folderChosen: boolean }) {
  const [restoreFile, setRestoreFile] = useState<string | null>(null);
  const [otherFile, setOtherFile] = useState('');
  return (
    <>
      <h3>Restore</h3>
      <p className="muted small">
        Restoring replaces the whole register with a backup. Panel first shows what the backup holds and checks it, then backs up
        the register as it is now, then swaps the backup in and reopens. Users and passwords become those of the backup.
      </p>
      {folderProblem ? <div className="banner banner-warn" role="status">{folderProblem}</div> : null}
      {files.length > 0 ? (
        <div className="table-wrap">
          <table className="simple" aria-label="Backups in the folder">
            <thead><tr><th scope="col">Taken</th><th scope="col">File</th><th scope="col">Size</th><th scope="col"><span className="sr-only">Restore</span></th></tr></thead>
            <tbody>
              {files.slice(0, 30).map((f) => (
                <tr key={f.name}>
                  <td>{takenText(f.date, f.time)}</td>
                  <td><code>{f.name}</code></td>
                  <td>{megabytes(f.bytes)}</td>
                  <td><button type="button" onClick={() => setRestoreFile(f.path)} aria-label={`Restore the backup taken ${takenText(f.date, f.time)}`}>Restore…</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : folderChosen && !folderProblem ? <p className="muted">No backups in the folder yet.</p> : null}
      <form onSubmit={(e) => { e.preventDefault(); if (otherFile.trim()) setRestoreFile(otherFile.trim()); }} style={{ marginTop: '0.8rem' }}>
        <Field label="Restore from another file" hint="The full path of a backup elsewhere, for example one IT copied back from tape.">
          {(f) => <input {...f} value={otherFile} onChange={(e) => setOtherFile(e.target.value)} spellCheck={false} style={{ width: '100%' }} />}
        </Field>
        <div className="dialog-buttons"><button type="submit" disabled={!otherFile.trim()}>Look at this backup…</button></div>
      </form>
      <RestoreDialog file={restoreFile} onClose={() => setRestoreFile(null)} />
    </>
  );
}
