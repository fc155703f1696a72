import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openTestApp, tempDir, TODAY, type TestApp } from '../helpers/tempDb';
import { loadDemo } from '../../db/demo/register';
import { readOnly } from '../../db/readOnly';
import { contract } from '../../shared/api/contract';
import { mappingPairs } from '../../shared/api/returnSchemas';

// A method the contract calls a read must not change the register (issue 15): the dispatcher runs
// reads on a connection that refuses writes, and every read, called on a register with meetings,
// leaves every table as it was.
describe('read methods cannot write', () => {
  let app: TestApp;
  const args: Record<string, unknown> = {};

  /** Every row of every table, so "nothing changed" means exactly that. */
  const snapshot = () => {
    const tables = app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return JSON.stringify(tables.map((t) => [t.name, app.db.prepare(`SELECT * FROM "${t.name}"`).all()]));
  };

  beforeAll(() => {
    // Signed in as a manager, so the manager-only reads (the past-retention list, inspecting a backup) answer too.
    app = openTestApp({ user: { id: 1, name: 'Test Manager', role: 'manager' } });
    app.db.transaction(() => loadDemo(app.db, { actor: 'Demo', source: 'demo', now: () => `${TODAY}T09:00:00Z` }, { today: TODAY, cases: 200 }))();
    const meeting = (app.ok('meetings.list') as { id: number; status: string }[]).find((m) => m.status === 'approved')!;
    const detail = app.ok('meetings.get', { id: meeting.id });
    const item = detail.items.find((i: { kind: string }) => i.kind === 'case');
    const cme = (app.ok('register.list') as { caseId: number; register: string; status: string }[]).find((r) => r.register === 'CME')!;
    const child = app.ok('cases.get', { id: cme.caseId }).child;
    // A school's return (school returns, issue 14): reading and previewing it must write nothing.
    const schoolId = app.ok('schools.save', { name: 'Oak Primary School', dfeNumber: '801/2000' }).id;
    const csv = ['UPN,Forename(s),Surname,Date of birth,Reason not in full-time education,Hours a week', `,${child.forenames},${child.surname},01/09/2013,Medical,10`].join('\r\n');
    const file = { name: 'oak.csv', base64: Buffer.from(csv, 'utf8').toString('base64') };
    const parsed = app.ok('returns.parse', { schoolId, kind: 'return', file });
    app.ok('backups.setFolder', { folder: tempDir('panel-backups-') });
    const backup = app.ok('backups.run').entry.file as string;
    Object.assign(args, {
      'backups.inspect': { file: backup },
      'returns.parse': { schoolId, kind: 'return', file },
      'returns.preview': { schoolId, kind: 'return', halfTerm: '2026/27 Autumn 2', receivedOn: TODAY, file, mapping: mappingPairs(parsed.mapping) },
      'returns.template': { kind: 'return', format: 'xlsx' },
      'children.checkDuplicates': { forenames: child.forenames, surname: child.surname, dateOfBirth: child.dateOfBirth },
      'cases.get': { id: cme.caseId },
      'audit.forCase': { caseId: cme.caseId },
      'cases.tracking': { caseId: cme.caseId },
      'actions.list': { caseId: cme.caseId },
      'reports.get': { from: '2026-09-01', to: TODAY },
      'meetings.list': { panelId: detail.meeting.panelId },
      'meetings.get': { id: meeting.id },
      'meetings.item': { itemId: item.id },
      'projector.view': { id: meeting.id },
      'minutes.get': { meetingId: meeting.id, variant: 'redacted' },
      'agendaPack.get': { meetingId: meeting.id, variant: 'full' },
      'archivingForm.get': { caseId: cme.caseId },
      'documents.describe': { kind: 'minutes', id: meeting.id },
      'audit.verify': { atOpen: false },
      'register.page': { query: { search: child.surname, status: 'all' }, offset: 0, limit: 50 },
      'register.pick': { search: child.surname.slice(0, 3), limit: 10 },
      'register.matching': { query: { status: 'all', sorting: [{ id: 'child', desc: false }] } },
    });
  });
  afterAll(() => app?.close());

  // session.* is answered by the hosts' session layer before any register is open (test/unit/session).
  const reads = Object.entries(contract)
    .filter(([name, spec]) => !spec.write && !name.startsWith('session.'))
    .map(([name]) => name);

  it.each(reads)('%s answers and changes nothing', (method) => {
    const before = snapshot();
    const r = app.dispatch(method, args[method] ?? {});
    expect(r).toMatchObject({ ok: true });
    expect(snapshot()).toBe(before);
  });

  it('the methods that open their own transactions (VACUUM cannot run inside one) are writes, not reads', () => {
    const own = Object.entries(contract).filter(([, spec]) => spec.transaction === 'own').map(([name, spec]) => [name, spec.write]);
    expect(own).toEqual([['backups.run', true], ['backups.restore', true], ['retention.erase', true]]);
  });

  it('the path reads run on refuses a write, and the register takes writes again after it', () => {
    const write = () => app.db.prepare("UPDATE settings SET value = value WHERE key = 'user_name'").run();
    expect(() => readOnly(app.db, write)).toThrow(/readonly/i);
    expect(() => write()).not.toThrow();
  });

  it('a new register has its two panels as soon as it is opened, before anything reads them', () => {
    const fresh = openTestApp();
    const panels = fresh.db.prepare('SELECT name FROM panels ORDER BY id').all();
    expect(panels).toEqual([{ name: 'CME panel' }, { name: 'PMOE panel' }]);
    fresh.close();
  });
});
