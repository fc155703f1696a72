import { describe, it, expect } from 'vitest';
import { openTestApp, TODAY } from '../../helpers/tempDb';
import { staffPanels } from '../../../electron/services/meetings/defaultPanels';

// The two standard panels (seat roles from seed 000 §12) are made when a register is opened, before
// anything reads them; their seats are filled from the officers' job titles, never over a choice.
describe('default panels', () => {
  const ctx = { actor: 'Test Officer', source: 'register', now: () => `${TODAY}T09:00:00Z` };
  type Seat = { role: string; officerId: number | null; officerName: string | null };
  type P = { id: number; name: string; defaultChairId: number | null; defaultMinuteTakerId: number | null; members: Seat[] };

  it('a new register has both panels, every seat empty until it has officers, written once with their audit rows', () => {
    const app = openTestApp();
    const panels = app.ok('panels.list') as P[];
    expect(panels.map((p) => [p.name, p.members.length])).toEqual([['CME panel', 12], ['PMOE panel', 7]]);
    expect(panels.flatMap((p) => p.members).every((m) => m.officerId === null)).toBe(true);
    const audited = app.db.prepare("SELECT count(*) AS n FROM audit WHERE source = 'default panels' AND entity = 'panel' AND action = 'insert'").get();
    expect(audited).toEqual({ n: 2 });
    app.close();
    // Opening it again makes nothing more.
    const again = openTestApp({ file: app.file });
    expect(again.db.prepare('SELECT count(*) AS n FROM panels').get()).toEqual({ n: 2 });
    again.close();
  });

  it('staffing fills empty seats by job title and leaves a seat someone chose alone', () => {
    const app = openTestApp();
    const chair = app.ok('officers.create', { name: 'Rosa Quinn', jobTitle: 'Systems Lead for Inclusion', team: 'cme' }).id as number;
    const admin = app.ok('officers.create', { name: 'Lucy Penn', jobTitle: 'CME Administrator', team: 'cme' }).id as number;
    const sen = app.ok('officers.create', { name: 'Farah Lane', jobTitle: 'SEN Officer', team: 'sen' }).id as number;
    const chosen = app.ok('officers.create', { name: 'Omar Diaz', jobTitle: 'Inclusion Officer', team: 'inclusion' }).id as number;
    // Someone has already put a person of their choosing in the PMOE panel's SEN seat.
    const pmoe = (app.ok('panels.list') as P[]).find((p) => p.name === 'PMOE panel')!;
    app.ok('panels.save', {
      ...pmoe,
      members: pmoe.members.map((m) => ({ role: m.role, officerId: m.role === 'SEN Officer' ? chosen : m.officerId })),
    });
    app.db.transaction(() => staffPanels(app.db, ctx))();
    const [cme, pmoeAfter] = app.ok('panels.list') as P[];
    const seat = (p: P, role: string) => p.members.find((m) => m.role === role)!.officerId;
    expect(cme!.defaultChairId).toBe(chair);
    expect(cme!.defaultMinuteTakerId).toBe(admin);
    expect(seat(cme!, 'Chair (Systems Lead for Inclusion)')).toBe(chair);
    expect(seat(cme!, 'SEN Officer')).toBe(sen);
    expect(seat(cme!, 'MASH Officer')).toBeNull(); // nobody with that title
    expect(seat(pmoeAfter!, 'SEN Officer')).toBe(chosen);
    expect(seat(pmoeAfter!, 'Inclusion Officer')).toBe(chosen);
    // Each seat it filled is on the audit trail: the CME chair, administrator, inclusion and SEN
    // officers, and the PMOE inclusion officer (the PMOE SEN seat was someone's choice).
    const filled = app.db.prepare("SELECT count(*) AS n FROM audit WHERE source = 'default panels' AND entity = 'panel_member' AND action = 'update'").get();
    expect(filled).toEqual({ n: 5 });
    app.close();
  });
});
