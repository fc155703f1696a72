import { describe, expect, it } from 'vitest';
import {
  backupFileName, backupWarning, dailyBackupDue, parseBackupFileName, rotateBackups, weekStarting, DEFAULT_ROTATION,
} from '../../../shared/domain/backupRotation';
import { addDays } from '../../../shared/domain/dates';

const name = (date: string, time = '18:00:00', label?: string) => backupFileName({ date, time }, label);

/** One backup a day at 18:00 from `from`, for `days` days. */
const daily = (from: string, days: number) => Array.from({ length: days }, (_, i) => name(addDays(from, i)));

describe('backup file names (issue 13: the name carries the date and time)', () => {
  it.each([
    [{ date: '2026-12-03', time: '14:30:05' }, undefined, 'panel-backup-2026-12-03-143005.db'],
    [{ date: '2027-01-01', time: '00:00:00' }, 'before restore', 'panel-backup-2027-01-01-000000-before-restore.db'],
    [{ date: '2024-02-29', time: '23:59:59' }, 'Command line', 'panel-backup-2024-02-29-235959-command-line.db'],
  ])('%j %s → %s and back', (stamp, label, expected) => {
    expect(backupFileName(stamp, label)).toBe(expected);
    expect(parseBackupFileName(expected)).toEqual(stamp);
  });

  it.each([
    'panel.db', 'panel-backup-2026-02-30-120000.db', 'panel-backup-2026-12-03-250000.db', 'panel-backup-2026-12-03-143005.db.partial',
    '.panel-backup-2026-12-03-143005.db', 'panel-backup-2026-12-03.db', 'notes.txt',
  ])('%s is not a backup, so rotation never touches it', (n) => {
    expect(parseBackupFileName(n)).toBeNull();
    expect(rotateBackups([n, name('2026-12-03')])).toEqual({ keep: [name('2026-12-03')], remove: [] });
  });

  it('refuses an impossible stamp', () => {
    expect(() => backupFileName({ date: '2026-02-30', time: '10:00:00' })).toThrow(RangeError);
  });
});

describe('weekStarting (ISO weeks, Monday first)', () => {
  it.each([
    ['2026-12-03', '2026-11-30'], // Thursday
    ['2026-11-30', '2026-11-30'], // Monday
    ['2026-12-06', '2026-11-30'], // Sunday
    ['2027-01-01', '2026-12-28'], // a week across the new year
    ['2024-03-01', '2024-02-26'], // across a leap day
  ])('%s → %s', (d, monday) => expect(weekStarting(d)).toBe(monday));
});

describe('rotateBackups: the last 7 daily, 4 weekly and 12 monthly copies', () => {
  it('keeps everything while there are fewer copies than the policy', () => {
    const names = daily('2026-12-01', 5);
    expect(rotateBackups(names)).toEqual({ keep: [...names].reverse(), remove: [] });
  });

  it('keeps only the newest copy of a day', () => {
    const names = [name('2026-12-03', '09:00:00'), name('2026-12-03', '17:30:00'), name('2026-12-03', '12:00:00', 'manual')];
    expect(rotateBackups(names, { daily: 1, weekly: 0, monthly: 0 })).toEqual({
      keep: [name('2026-12-03', '17:30:00')],
      remove: [name('2026-12-03', '12:00:00', 'manual'), name('2026-12-03', '09:00:00')],
    });
  });

  it('a year of daily backups ending on 3 December 2026 keeps 7 days, the Sunday of 4 weeks and the last day of 12 months', () => {
    const names = daily('2025-12-04', 365); // 2025-12-04 … 2026-12-03
    const { keep, remove } = rotateBackups(names);
    const kept = keep.map((n) => parseBackupFileName(n)!.date);
    expect(kept).toEqual([
      // daily: 27 Nov – 3 Dec (they also stand for the week of 30 Nov and for December 2026)
      '2026-12-03', '2026-12-02', '2026-12-01', '2026-11-30', '2026-11-29', '2026-11-28', '2026-11-27',
      // weekly: the Sundays ending the weeks of 23 Nov (29th, already kept), 16 Nov and 9 Nov; 30 Nov (November's last)
      '2026-11-22', '2026-11-15',
      // monthly: the last day of each month back to January 2026 (December 2026 and November are kept above)
      '2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31',
    ]);
    expect(keep.length + remove.length).toBe(365);
  });

  it.each([
    // Across a year end: December's last copy stands for the month, and the ISO week 28 Dec – 3 Jan spans both years.
    ['2026-12-20', 20, { daily: 2, weekly: 2, monthly: 2 }, ['2027-01-08', '2027-01-07', '2027-01-03', '2026-12-31']],
    // Across February in a leap year.
    ['2024-02-20', 15, { daily: 1, weekly: 0, monthly: 2 }, ['2024-03-05', '2024-02-29']],
    // Across the clocks going back (the stamps are England's local time; a day is still one bucket).
    ['2026-10-20', 10, { daily: 3, weekly: 0, monthly: 0 }, ['2026-10-29', '2026-10-28', '2026-10-27']],
  ] as const)('from %s for %i days with %j keeps %j', (from, days, policy, expected) => {
    expect(rotateBackups(daily(from, days), policy).keep.map((n) => parseBackupFileName(n)!.date)).toEqual(expected);
  });

  it('a gap in the backups does not use up days: the last 7 days that have a backup are kept', () => {
    const names = [...daily('2026-11-01', 3), ...daily('2026-11-20', 5)];
    const kept = rotateBackups(names, { daily: 7, weekly: 0, monthly: 0 }).keep.map((n) => parseBackupFileName(n)!.date);
    expect(kept).toEqual(['2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20', '2026-11-03', '2026-11-02']);
  });

  it('the default policy is 7, 4 and 12', () => expect(DEFAULT_ROTATION).toEqual({ daily: 7, weekly: 4, monthly: 12 }));
});

describe('backupWarning and dailyBackupDue: more than a day old', () => {
  const now = '2026-12-03T15:00:00.000Z';
  it.each([
    [null, null, 'choose_folder'],
    [null, '2026-12-03T14:00:00.000Z', 'choose_folder'],
    ['/mnt/backups', null, 'never_backed_up'],
    ['/mnt/backups', '2026-12-03T14:00:00.000Z', null],
    ['/mnt/backups', '2026-12-02T15:00:00.000Z', null], // exactly a day: not more than a day
    ['/mnt/backups', '2026-12-02T14:59:59.000Z', 'out_of_date'],
    ['/mnt/backups', '2025-12-03T15:00:00.000Z', 'out_of_date'],
  ])('folder %s, last %s → %s', (folder, last, expected) => expect(backupWarning(folder, last, now)).toBe(expected));

  it.each([
    [null, '2026-12-03T14:00:00.000Z', 'last_failed'], // never worked, last try failed
    ['2026-12-03T13:00:00.000Z', '2026-12-03T14:00:00.000Z', 'last_failed'], // failed after the last good one
    ['2026-12-03T14:00:00.000Z', '2026-12-03T13:00:00.000Z', null], // a failure since put right
    ['2026-12-01T14:00:00.000Z', '2026-11-30T13:00:00.000Z', 'out_of_date'],
  ])('last good %s, last failure %s → %s', (good, failed, expected) => expect(backupWarning('/mnt/backups', good, now, failed)).toBe(expected));
  it('no folder outranks a failure', () => expect(backupWarning(null, null, now, '2026-12-03T14:00:00.000Z')).toBe('choose_folder'));

  it.each([
    [null, true],
    ['2026-12-03T14:00:00.000Z', false],
    ['2026-12-02T15:00:00.001Z', false],
    ['2026-12-02T15:00:00.000Z', true],
  ])('last %s → due %s', (last, due) => expect(dailyBackupDue(last, now)).toBe(due));
});
