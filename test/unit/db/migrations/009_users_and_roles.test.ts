import { describe, expect, it } from 'vitest';
import { migrateAcross } from './migrateAcross';

describe('migration 009: users and roles', () => {
  it('adds the users table beside an existing register, leaving its rows alone', () => {
    const db = migrateAcross('users_and_roles', (old) => {
      old.exec(`INSERT INTO officers (id, name, team, active, is_manager, created_at) VALUES (1, 'Nadia Okafor', 'cme', 1, 1, '2026-01-01'), (2, 'Priya Shah', 'cme', 1, 0, '2026-01-01')`);
      old.exec(`INSERT INTO settings (key, value) VALUES ('user_name', 'Priya Shah')`);
    });
    expect(db.prepare('SELECT count(*) AS n FROM officers').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    const add = db.prepare(`INSERT INTO users (name, name_key, role, officer_id, created_at) VALUES (?, ?, ?, ?, '2026-11-25T09:00:00Z')`);
    add.run('Nadia Okafor', 'nadia okafor', 'manager', 1);
    add.run('Sam Reid', 'sam reid', 'panel_member', null);
    // Roles are the three of the issue; a current name is unique (case and spacing folded into name_key).
    expect(() => add.run('Jo Bloggs', 'jo bloggs', 'administrator', null)).toThrow(/CHECK/);
    expect(() => add.run('NADIA OKAFOR', 'nadia okafor', 'officer', null)).toThrow(/UNIQUE/);
    expect(() => add.run('Someone', 'someone', 'officer', 99)).toThrow(/FOREIGN KEY/);
    // A removed user frees the name (their row stays for the audit trail's sake).
    db.prepare(`UPDATE users SET removed_at = '2026-11-26T09:00:00Z' WHERE name_key = 'sam reid'`).run();
    add.run('Sam Reid', 'sam reid', 'officer', null);
    expect(db.prepare(`SELECT role, removed_at IS NULL AS current FROM users WHERE name_key = 'sam reid' ORDER BY id`).all()).toEqual([
      { role: 'panel_member', current: 0 }, { role: 'officer', current: 1 },
    ]);
    db.close();
  });
});
