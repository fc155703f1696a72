import { useBackupStatus } from '../../data/hooks';
import { hrefFor } from '../../lib/router';
import { backupWarningText } from '../settings/backupText';

/** Home: says when the register is not backed up (no folder, never, or more than a day ago). */
export function BackupBanner() {
  const status = useBackupStatus();
  const text = status.data ? backupWarningText(status.data) : null;
  if (!text) return null;
  return (
    <div className="banner banner-warn" role="status" data-testid="backup-warning">
      {text} <a href={hrefFor({ page: 'settings' })}>Open Settings</a>
    </div>
  );
}
