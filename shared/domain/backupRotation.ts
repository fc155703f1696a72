import { addDays, dayOfWeek, isIsoDate, type IsoDate } from './dates';

/**
 * Automatic backups (issue 13): what a backup file is called, which copies rotation keeps, and when
 * Home should say the register is not backed up. Pure: the services pass in the file names and the
 * moment; the files themselves are written by db/backup.ts.
 */

/** The prefix every backup Panel writes starts with; nothing else in the folder is ever rotated away. */
export const BACKUP_PREFIX = 'panel-backup-';
export const BACKUP_EXTENSION = '.db';

/** The stamp of a backup: England's local date and time when it was taken. */
export interface BackupStamp {
  date: IsoDate;
  /** HH:MM:SS, England's local time. */
  time: string;
}

/** Which copies to keep: the newest of each of the last N days, ISO weeks and months that have one. */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

/**
 * "panel-backup-2026-12-03-143005.db", or with a label ("…-143005-before-restore.db"). The name
 * carries the date and time so a person can pick a copy in a file browser, and sorts by age.
 */
export function backupFileName(stamp: BackupStamp, label?: string): string {
  if (!isIsoDate(stamp.date) || !/^\d{2}:\d{2}:\d{2}$/.test(stamp.time)) throw new RangeError(`Bad backup stamp ${stamp.date} ${stamp.time}`);
  const suffix = label ? `-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}` : '';
  return `${BACKUP_PREFIX}${stamp.date}-${stamp.time.replace(/:/g, '')}${suffix}${BACKUP_EXTENSION}`;
}

const NAME = /^panel-backup-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})(?:-[a-z0-9-]+)?\.db$/;

/** The stamp in a backup's file name, or null for any other file (which rotation never touches). */
export function parseBackupFileName(name: string): BackupStamp | null {
  const m = NAME.exec(name);
  if (!m || !isIsoDate(m[1]!)) return null;
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (h > 23 || mi > 59 || s > 59) return null;
  return { date: m[1]!, time: `${m[2]}:${m[3]}:${m[4]}` };
}

/** The Monday that starts the ISO week of `date` (weeks run Monday to Sunday). */
export function weekStarting(date: IsoDate): IsoDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/**
 * The backups rotation keeps (grandfather-father-son, as restic's keep-daily/weekly/monthly):
 * newest first, the newest copy of each of the last `daily` calendar days that have a backup, of
 * each of the last `weekly` ISO weeks, and of each of the last `monthly` calendar months. A copy
 * may count for all three. Files whose names are not Panel backups are neither kept nor removed:
 * the caller only deletes names this function returns in `remove`.
 */
export function rotateBackups(names: readonly string[], policy: RotationPolicy = DEFAULT_ROTATION): { keep: string[]; remove: string[] } {
  const backups = names
    .map((name) => ({ name, stamp: parseBackupFileName(name) }))
    .filter((b): b is { name: string; stamp: BackupStamp } => b.stamp !== null)
    // Newest first; same second: the name decides, so the order never depends on the listing.
    .sort((a, b) => (`${b.stamp.date} ${b.stamp.time}`).localeCompare(`${a.stamp.date} ${a.stamp.time}`) || b.name.localeCompare(a.name));
  const keep = new Set<string>();
  const buckets: [number, (s: BackupStamp) => string][] = [
    [policy.daily, (s) => s.date],
    [policy.weekly, (s) => weekStarting(s.date)],
    [policy.monthly, (s) => s.date.slice(0, 7)],
  ];
  for (const [count, bucketOf] of buckets) {
    const seen = new Set<string>();
    for (const b of backups) {
      if (seen.size >= count) break;
      const bucket = bucketOf(b.stamp);
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(b.name);
    }
  }
  return {
    keep: backups.filter((b) => keep.has(b.name)).map((b) => b.name),
    remove: backups.filter((b) => !keep.has(b.name)).map((b) => b.name),
  };
}

/** A backup older than this is "more than a day old" (Home warns; the daily timer takes a new one). */
export const BACKUP_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type BackupWarning = 'choose_folder' | 'never_backed_up' | 'out_of_date' | 'last_failed' | null;

/**
 * What Home says about backups: choose a folder when none is set; once one is, warn when the last
 * attempt failed (a folder gone or full: people need to know before the next day passes), when there
 * has never been a backup, or when the last good one is more than a day old. Times are ISO timestamps.
 */
export function backupWarning(folder: string | null, lastSuccessAt: string | null, now: string, lastFailureAt: string | null = null): BackupWarning {
  if (!folder) return 'choose_folder';
  if (lastFailureAt && (!lastSuccessAt || Date.parse(lastFailureAt) > Date.parse(lastSuccessAt))) return 'last_failed';
  if (!lastSuccessAt) return 'never_backed_up';
  return Date.parse(now) - Date.parse(lastSuccessAt) > BACKUP_MAX_AGE_MS ? 'out_of_date' : null;
}

/** Is a new daily backup due (the timer's question)? The same day boundary as the warning. */
export function dailyBackupDue(lastSuccessAt: string | null, now: string): boolean {
  return !lastSuccessAt || Date.parse(now) - Date.parse(lastSuccessAt) >= BACKUP_MAX_AGE_MS;
}
