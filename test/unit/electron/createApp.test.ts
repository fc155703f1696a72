import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/open';
import { createApp, todayInEngland } from '../../../electron/createApp';
import { tempDbFile } from '../../helpers/tempDb';

describe('todayInEngland: the one "today" both hosts use', () => {
  // Around midnight and the clock changes (BST from 01:00 UTC 29 March 2026 to 01:00 UTC 25 October 2026).
  it.each([
    ['2026-01-15T23:59:59Z', '2026-01-15'], // GMT: England's date is UTC's
    ['2026-01-16T00:00:00Z', '2026-01-16'],
    ['2026-03-29T00:59:59Z', '2026-03-29'], // the last second of GMT
    ['2026-03-29T23:30:00Z', '2026-03-30'], // BST: 00:30 the next day in England
    ['2026-06-30T22:59:59Z', '2026-06-30'],
    ['2026-06-30T23:00:00Z', '2026-07-01'], // midnight in England, 23:00 UTC
    ['2026-10-24T23:30:00Z', '2026-10-25'], // still BST
    ['2026-10-25T23:30:00Z', '2026-10-25'], // GMT again
    ['2026-12-31T23:59:59Z', '2026-12-31'],
  ])('at %s it is %s in England', (instant, expected) => {
    expect(todayInEngland(new Date(instant))).toBe(expected);
  });
});

describe('createApp', () => {
  let db: Db | undefined;
  afterEach(() => db?.close());

  it('gives the services and app.info the same today, England\'s unless pinned', () => {
    const file = tempDbFile();
    db = openDatabase(file);
    const app = createApp(db, { version: '9.9.9', dbPath: file });
    expect(app.today()).toBe(todayInEngland());
    const info = app.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { today: app.today(), version: '9.9.9', dbPath: file } });

    const pinned = createApp(db, { version: '9.9.9', dbPath: file, today: () => '2026-11-25' });
    expect(pinned.dispatch('app.info', {})).toMatchObject({ ok: true, value: { today: '2026-11-25' } });
  });

  it('writes as the user the host signs in (its write context)', () => {
    const file = tempDbFile();
    db = openDatabase(file);
    const context = () => ({ actor: 'Priya Shah', source: 'register', now: () => new Date().toISOString() });
    const app = createApp(db, { version: 't', dbPath: file, today: () => '2026-11-25', checkOutputs: true, context });
    expect(app.dispatch('app.info', {})).toMatchObject({ ok: true, value: { userName: 'Priya Shah' } });
    expect(app.dispatch('officers.create', { name: 'Sam Okafor', team: 'cme' })).toMatchObject({ ok: true });
    const actors = db.prepare("SELECT DISTINCT actor FROM audit WHERE entity = 'officer'").all() as { actor: string }[];
    expect(actors).toEqual([{ actor: 'Priya Shah' }]);
  });
});
