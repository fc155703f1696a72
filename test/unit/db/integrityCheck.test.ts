import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../db/open';
import { SCHEMA_VERSION } from '../../../db/migrations';
import { newRegisterKey } from '../../../db/encryption';
import { integrityCheckSettled, integrityStatus, INTEGRITY_INLINE_PAGES } from '../../../db/integrityCheck';
import { createApp } from '../../../electron/createApp';
import { cmeReferral, openTestApp, tempDbFile } from '../../helpers/tempDb';
import { damageTablePage } from '../../helpers/damage';

// Issue 12: the register file's quick_check no longer holds up opening a large register: it runs in
// a worker afterwards, as the audit chain's check does. integrityInlinePages: 0 sends these small
// registers down the path a 50,000-case one takes (INTEGRITY_INLINE_PAGES is what the hosts pass).

/** A closed register with a few cases (and their children, addresses, audit rows). */
function register(options: { key?: Buffer; cases?: number } = {}): string {
  const app = openTestApp({ key: options.key });
  for (let i = 0; i < (options.cases ?? 3); i++) app.ok('referrals.create', cmeReferral({}, { forenames: `Child${i}`, surname: 'Pemberton' }));
  app.close();
  return app.file;
}

describe('the register file is checked in the background when it is large', () => {
  it('an intact file: "checking" as soon as it is open, then intact, with its page count', async () => {
    const db = openDatabase(register(), { integrityInlinePages: 0 });
    expect(integrityStatus(db)).toMatchObject({ status: 'checking', ok: false, message: expect.stringMatching(/^Checking the register file/) });
    const app = createApp(db, { version: 'test', dbPath: db.name });
    const during = app.dispatch('integrity.verify', { atOpen: true });
    expect(during.ok && during.value).toMatchObject({ status: 'checking' });
    const settled = await integrityCheckSettled(db)!;
    expect(settled).toMatchObject({ status: 'intact', ok: true, problems: [] });
    expect(settled.pages).toBe(db.pragma('page_count', { simple: true }));
    const after = app.dispatch('integrity.verify', { atOpen: true });
    expect(after.ok && after.value).toMatchObject({ status: 'intact', ok: true });
    db.close();
  });

  it('a damaged page of an encrypted register: opens with its key, then the worker reports the damage', async () => {
    const key = newRegisterKey();
    const file = register({ key, cases: 5 });
    const page = damageTablePage(file, 'cases', key);
    expect(page).toBeGreaterThan(1);
    // Opening with the check before (what restores and scripts do) refuses it, as before.
    expect(() => openDatabase(file, { key })).toThrow(/is damaged/);
    const db = openDatabase(file, { key, integrityInlinePages: 0 });
    expect(integrityStatus(db)?.status).toBe('checking');
    const settled = await integrityCheckSettled(db)!;
    expect(settled).toMatchObject({ status: 'damaged', ok: false });
    expect(settled.problems.length).toBeGreaterThan(0);
    expect(settled.message).toMatch(/^The register file is damaged: some of its pages cannot be read\. .*Panel is not saving changes to it.*restore the most recent backup/);
    // SQLite's own words are kept for IT (Settings lists them), not put in the message.
    expect(settled.problems.join(' ')).toMatch(/page/i);
    expect(settled.message).not.toMatch(/Tree \d|error code|seed \d/i);
    db.close();
  });

  it('what must refuse the register at once still does: a wrong key, a file that is not a database', () => {
    const key = newRegisterKey();
    const file = register({ key });
    expect(() => openDatabase(file, { key: newRegisterKey(), integrityInlinePages: 0 })).toThrow(/damaged|not a database/i);
    expect(() => openDatabase(file, { integrityInlinePages: 0 })).toThrow(/damaged|not a database/i);
  });

  it('a register with migrations to run is checked in full first, however large', () => {
    const file = tempDbFile();
    const old = openDatabase(file, { targetVersion: SCHEMA_VERSION - 1 });
    old.exec('CREATE TABLE filler (x TEXT)');
    const insert = old.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(500));
    old.close();
    damageTablePage(file, 'filler');
    let code = '';
    try {
      openDatabase(file, { integrityInlinePages: 0 }).close();
    } catch (err) {
      code = (err as { code?: string }).code ?? '';
    }
    expect(code).toBe('database_damaged');
    // Not migrated: the file is left as it was.
    const still = openDatabase(file, { targetVersion: SCHEMA_VERSION - 1, integrityInlinePages: 0 });
    expect(schemaVersion(still)).toBe(SCHEMA_VERSION - 1);
    still.close();
  });

  it('a small file is checked before opening returns; "check now" checks it again in a worker', async () => {
    const file = register({ cases: 4 });
    const db = openDatabase(file, { integrityInlinePages: INTEGRITY_INLINE_PAGES });
    expect(db.pragma('page_count', { simple: true })).toBeLessThanOrEqual(INTEGRITY_INLINE_PAGES);
    expect(integrityStatus(db)).toMatchObject({ status: 'intact', ok: true });
    const app = createApp(db, { version: 'test', dbPath: file });
    const again = app.dispatch('integrity.verify', { atOpen: false });
    expect(again.ok && again.value).toMatchObject({ status: 'checking' });
    await expect(integrityCheckSettled(db)).resolves.toMatchObject({ status: 'intact', ok: true });
    db.close();
    // The same file damaged is refused at open, however it is opened.
    damageTablePage(file, 'cases');
    expect(() => openDatabase(file, { integrityInlinePages: INTEGRITY_INLINE_PAGES })).toThrow(/is damaged/);
  });
});
