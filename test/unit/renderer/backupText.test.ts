import { describe, expect, it } from 'vitest';
import { backupWarningText, backupWhen, megabytes, takenText } from '../../../renderer/src/pages/settings/backupText';

const entry = (at: string, ok: boolean, message: string | null = null) => ({ at, kind: 'daily' as const, folder: '/mnt/b', file: ok ? '/mnt/b/x.db' : null, ok, bytes: 1, message, actor: 'Priya Shah' });

describe('backup wording on Home and in Settings', () => {
  it.each([
    ['2026-12-03T14:30:00.000Z', '03/12/2026 14:30'], // GMT
    ['2026-07-01T08:05:00.000Z', '01/07/2026 09:05'], // BST: the clock on the wall
    ['2026-10-25T00:30:00.000Z', '25/10/2026 01:30'], // the hour before the clocks go back
    ['2026-10-25T01:30:00.000Z', '25/10/2026 01:30'], // ... and the same wall time after
    ['not a date', 'not a date'],
  ])('backupWhen(%s) → %s', (iso, shown) => expect(backupWhen(iso)).toBe(shown));

  it.each([
    [{ warning: 'choose_folder', folder: null, last: null, lastSuccess: null }, /^The register is not being backed up: choose a backup folder/],
    [{ warning: 'never_backed_up', folder: '/mnt/b', last: null, lastSuccess: null }, /^The register has never been backed up to \/mnt\/b\./],
    [{ warning: 'out_of_date', folder: '/mnt/b', last: null, lastSuccess: entry('2026-11-30T17:00:00.000Z', true) }, /^The last backup was on 30\/11\/2026 17:00, more than a day ago\. Check that \/mnt\/b can be reached/],
    [{ warning: 'last_failed', folder: '/mnt/b', last: entry('2026-12-03T09:00:00.000Z', false, 'The backup folder /mnt/b cannot be reached.'), lastSuccess: null }, /^The last backup, on 03\/12\/2026 09:00, failed: The backup folder \/mnt\/b cannot be reached\.$/],
  ] as const)('%j', (status, text) => expect(backupWarningText(status)).toMatch(text));

  it('says nothing when all is well', () => expect(backupWarningText({ warning: null, folder: '/mnt/b', last: null, lastSuccess: null })).toBeNull());

  it.each([[0, '0.0 MB'], [9_437_184, '9.0 MB'], [1_610_612_736, '1,536.0 MB'], [null, '']])('megabytes(%s) → %s', (b, t) => expect(megabytes(b)).toBe(t));
  it('takenText', () => {
    expect(takenText('2026-12-03', '14:30:05')).toBe('03/12/2026 at 14:30:05');
    expect(takenText(null, null)).toBe('not known (not named by Panel)');
  });
});
