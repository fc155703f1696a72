import type { MethodOutput } from '../../../../shared/api/contract';
import { formatUk } from '../../../../shared/domain/dates';

type Status = MethodOutput<'backups.status'>;

/** A backup log time (ISO, UTC) as the clock on an English office wall reads it: "03/12/2026 14:30". */
export function backupWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export const KIND_LABELS: Record<Status["last"] extends null | infer E ? (E extends { kind: infer K } ? K & string : never) : never, string> = {
  manual: 'Back up now',
  daily: 'daily, while signed in',
  close: 'as the register closed',
  before_restore: 'before a restore',
  command_line: 'command line',
  restore: 'restore',
};

/** Home's and Settings' sentence about backups, or null when all is well. */
export function backupWarningText(status: Pick<Status, 'warning' | 'lastSuccess' | 'last' | 'folder'>): string | null {
  switch (status.warning) {
    case 'last_failed':
      return `The last backup, on ${status.last ? backupWhen(status.last.at) : 'an unknown date'}, failed: ${status.last?.message ?? 'no reason was recorded.'}`;
    case 'choose_folder':
      return 'The register is not being backed up: choose a backup folder (a network drive is best) in Settings → Backups.';
    case 'never_backed_up':
      return `The register has never been backed up to ${status.folder}. Press Back up now in Settings → Backups.`;
    case 'out_of_date':
      return `The last backup was on ${status.lastSuccess ? backupWhen(status.lastSuccess.at) : 'an unknown date'}, more than a day ago. Check that ${status.folder} can be reached, then press Back up now in Settings → Backups.`;
    default:
      return null;
  }
}

export const megabytes = (bytes: number | null) => (bytes === null ? '' : `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`);

/** "03/12/2026 at 14:30:05" from a backup file's name, or "not known". */
export const takenText = (date: string | null, time: string | null) => (date ? `${formatUk(date)} at ${time ?? ''}`.trim() : 'not known (not named by Panel)');
