import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { tempDbFile } from '../../helpers/tempDb';
import { byRegisterVersion } from '../../../electron/services/versionCache';

// Issue 12: Home's figures, its run-out clocks and the minutes' Figures item are kept until the
// register or the day changes. What counts as a change is what this checks.
describe('answers kept per register version', () => {
  const officers = (db: ReturnType<typeof openDatabase>) => (db.prepare('SELECT count(*) FROM officers').pluck().get() as number);

  it('answers from what it kept until a write on this connection, another connection\'s commit, or a new day', () => {
    const file = tempDbFile();
    const db = openDatabase(file);
    let worked = 0;
    const ask = (day: string) => byRegisterVersion(db, day, 'officers', () => (worked++, officers(db)));
    expect(ask('2026-11-25')).toBe(0);
    expect(ask('2026-11-25')).toBe(0);
    expect(worked).toBe(1);

    db.prepare(`INSERT INTO officers (name, team, active, created_at) VALUES ('Priya Shah', 'cme', 1, '2026-11-25')`).run();
    expect(ask('2026-11-25')).toBe(1);
    expect(worked).toBe(2);

    const other = openDatabase(file);
    other.prepare(`INSERT INTO officers (name, team, active, created_at) VALUES ('Tom Reid', 'cme', 1, '2026-11-25')`).run();
    other.close();
    expect(ask('2026-11-25')).toBe(2);
    expect(worked).toBe(3);

    expect(ask('2026-11-26')).toBe(2);
    expect(worked).toBe(4);
    expect(ask('2026-11-26')).toBe(2);
    expect(worked).toBe(4);
    db.close();
  });

  it('keeps each question apart, and drops answers of an older version', () => {
    const db = openDatabase(tempDbFile());
    expect(byRegisterVersion(db, '2026-11-25', 'a', () => 'first a')).toBe('first a');
    expect(byRegisterVersion(db, '2026-11-25', 'b', () => 'first b')).toBe('first b');
    expect(byRegisterVersion(db, '2026-11-25', 'a', () => 'second a')).toBe('first a');
    db.prepare(`INSERT INTO officers (name, team, active, created_at) VALUES ('Priya Shah', 'cme', 1, '2026-11-25')`).run();
    expect(byRegisterVersion(db, '2026-11-25', 'b', () => 'second b')).toBe('second b');
    expect(byRegisterVersion(db, '2026-11-25', 'a', () => 'third a')).toBe('third a');
    db.close();
  });
});
