import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../db/auditChain';
import { openTestApp, cmeReferral, type TestApp } from '../../helpers/tempDb';
import { addDays, addMonths } from '../../../shared/domain/dates';

// Issue 13: retention. Default: closed records kept until the child's 25th birthday; a manager
// (the signed-in user with the manager role) sees the records past it and erases them.
let app: TestApp;
let officer: number;

/** A referral made when the child was 12, with an address, an adult, a note and a check; closed 180 days later unless told otherwise ('' leaves it open). */
function closedChild(forenames: string, surname: string, dateOfBirth: string, closedOn?: string, reason = 'on_roll_attending') {
  const notified = addMonths(dateOfBirth, 12 * 12);
  const caseId = app.ok('referrals.create', {
    ...cmeReferral({ dateNotified: notified, lastAttendance: addDays(notified, -20) }, { forenames, surname, dateOfBirth, upn: null }),
    address: { line1: '14 Canal Street', town: 'Northbridge', postcode: 'NB3 7QT' },
    adults: [{ name: `Joanne ${surname}`, relationship: 'Mother', phone: '07700 900123' }],
  }).caseId as number;
  app.ok('notes.add', { caseId, notedOn: addDays(notified, 10), text: `Home visit: ${forenames} ${surname} seen with mother.` });
  app.ok('checks.add', { caseId, agency: 'housing', checkedOn: addDays(notified, 11), checkedBy: 'Priya Shah', outcome: 'Tenancy confirmed', located: true });
  if (reason) app.ok('closures.propose', { id: caseId, reason, closedOn: closedOn ?? addDays(notified, 180), proposedById: officer, evidence: 'Admissions confirmed the start date', detail: 'Northbridge Academy' });
  const childId = (app.db.prepare('SELECT child_id FROM cases WHERE id = ?').get(caseId) as { child_id: number }).child_id;
  return { caseId, childId, closedOn: closedOn ?? addDays(notified, 180) };
}

beforeEach(() => {
  // Signed in as a manager (the session layer sets ctx.user; the role table and the erasure name them).
  app = openTestApp({ today: '2026-12-03', user: { id: 1, name: 'Nadia Kowalczyk', role: 'manager' } });
  officer = app.ok('officers.create', { name: 'Priya Shah', jobTitle: 'CME Officer', team: 'cme' }).id;
  app.ok('officers.create', { name: 'Nadia Kowalczyk', jobTitle: 'Inclusion Manager', team: 'inclusion', isManager: true }).id;
});
afterEach(() => app.close());

describe('the past-retention list', () => {
  it('lists closed children on or after their 25th birthday, not before, not open, not never found', () => {
    const past = closedChild('Kacper', 'Wiśniewski', '2001-12-03'); // 25 today
    closedChild('Leah', 'Okafor', '2001-12-04'); // 25 tomorrow
    const open = closedChild('Tomasz', 'Nowak', '1999-01-01', undefined, '');
    expect(app.ok('cases.get', { id: open.caseId }).case.status).not.toBe('closed');
    const list = app.ok('retention.pastList', {});
    expect(list).toMatchObject({ total: 1, today: '2026-12-03', rows: [{ childId: past.childId, name: 'Kacper Wiśniewski', pastSince: '2026-12-03', registers: ['CME'], lastClosedOn: past.closedOn }] });
  });

  it('follows a changed rule (PMOE and CME each have their own), and refuses a rule that would erase a child', () => {
    const c = closedChild('Kacper', 'Wiśniewski', '2006-05-01', '2019-09-01');
    expect(app.ok('retention.pastList', {}).total).toBe(0);
    app.ok('retention.set', { rules: { CME: { basis: 'after_closure', years: 6 }, PMOE: { basis: 'birthday', years: 25 } } });
    expect(app.ok('retention.pastList', {}).rows.map((r: { childId: number }) => r.childId)).toEqual([c.childId]);
    const bad = app.dispatch('retention.set', { rules: { CME: { basis: 'birthday', years: 16 }, PMOE: { basis: 'birthday', years: 25 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'rules.CME.years', message: expect.stringMatching(/^CME register: .*18 or more/) } });
    const zero = app.dispatch('retention.set', { rules: { CME: { basis: 'birthday', years: 0 }, PMOE: { basis: 'birthday', years: 25 } } });
    expect(zero).toMatchObject({ ok: false, error: { field: 'rules.CME.years', message: 'CME register: Years kept must be at least 1 year' } });
    expect(app.ok('retention.get').rules.CME).toEqual({ basis: 'after_closure', years: 6 });
  });

  it('is for a signed-in manager only', () => {
    const asOfficer = openTestApp({ file: app.file, today: '2026-12-03', user: { id: 2, name: 'Priya Shah', role: 'officer' } });
    expect(asOfficer.dispatch('retention.pastList', {})).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/An officer can't see this/) } });
    // Nobody signed in (a script on the file): refused too.
    const nobody = openTestApp({ file: app.file, today: '2026-12-03' });
    expect(nobody.dispatch('retention.pastList', {})).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/signed-in manager/) } });
    asOfficer.close();
    nobody.close();
  });
});

describe('erasing a child past retention', () => {
  it('removes their personal data in one transaction, keeps the audit chain verifiable, and leaves an audit row with no personal data', () => {
    const gone = closedChild('Kacper', 'Wiśniewski', '2001-06-15');
    const kept = closedChild('Leah', 'Okafor', '2010-03-03');
    // Another child's record names him: that text stays, without his name.
    app.ok('notes.add', { caseId: kept.caseId, notedOn: '2026-11-01', text: 'Leah says KACPER WIŚNIEWSKI used to walk her to school.' });
    const auditBefore = verifyAuditChain(app.db);
    expect(auditBefore.ok).toBe(true);

    const r = app.ok('retention.erase', { childIds: [gone.childId], confirm: true });
    expect(r).toMatchObject({ erasedChildren: 1, erasedCases: 1, auditEntries: [expect.any(Number)] });
    expect(r.auditRowsBlanked).toBeGreaterThan(5);

    for (const [table, where] of [['children', 'id'], ['addresses', 'child_id'], ['adults', 'child_id'], ['cases', 'child_id']] as const) {
      expect(app.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where} = ?`).get(gone.childId)).toEqual({ n: 0 });
    }
    for (const table of ['notes', 'checks', 'closure_proposals', 'rag_history']) {
      expect(app.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE case_id = ?`).get(gone.caseId)).toEqual({ n: 0 });
    }
    // The other child is untouched but for his name in her note.
    const other = app.ok('cases.get', { id: kept.caseId });
    expect(other.child.surname).toBe('Okafor');
    expect(other.notes.map((n: { text: string }) => n.text)).toContain('Leah says [erased] used to walk her to school.');

    // The chain still verifies, one row longer; no audit value names the child any more.
    const after = verifyAuditChain(app.db);
    expect(after).toMatchObject({ ok: true, rows: auditBefore.rows + 1 });
    const naming = app.db.prepare(`SELECT count(*) AS n FROM audit WHERE old_value LIKE '%Wiśniewski%' OR new_value LIKE '%Wiśniewski%' OR old_value LIKE '%Canal Street%' OR new_value LIKE '%07700 900123%'`).get() as { n: number };
    // Leah lives at 14 Canal Street too (the same helper): her rows keep it; Kacper's are blank.
    expect(app.db.prepare(`SELECT count(*) AS n FROM audit WHERE (old_value LIKE '%Wiśniewski%' OR new_value LIKE '%Wiśniewski%')`).get()).toEqual({ n: 0 });
    expect(naming.n).toBeGreaterThan(0);
    const erasure = app.db.prepare(`SELECT actor, action, entity, case_id, child_id, new_value FROM audit WHERE id = ?`).get(r.auditEntries[0]) as { new_value: string; case_id: null; child_id: null; entity: string };
    expect(erasure).toMatchObject({ entity: 'erasure', action: 'delete', case_id: null, child_id: null, actor: 'Nadia Kowalczyk' });
    const summary = JSON.parse(erasure.new_value);
    expect(summary).toMatchObject({ erasure: 'retention', authorisedBy: 'Nadia Kowalczyk', children: 1, retentionEndedOn: ['2026-06-15'], registers: ['CME'], counts: { children: 1, cases: 1, addresses: 1, adults: 1, notes: expect.any(Number), checks: 1, textsRedacted: 1 } });
    expect(summary.caseReferenceHashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(erasure.new_value).not.toMatch(/Kacper|Wiśniewski|2001-06-15|Canal|CME-20/);

    // Nothing readable is left in the file itself or its write-ahead log (the file is rebuilt after erasing).
    expect(fs.existsSync(`${app.file}-wal`) ? fs.readFileSync(`${app.file}-wal`).includes(Buffer.from('Kacper')) : false).toBe(false);
    expect(fs.readFileSync(app.file).includes(Buffer.from('Kacper'))).toBe(false);
    expect(fs.readFileSync(app.file).includes(Buffer.from('Okafor'))).toBe(true);
  });

  it('refuses a child not past retention, a child never found, and a non-manager, changing nothing', () => {
    const young = closedChild('Leah', 'Okafor', '2010-03-03');
    expect(app.dispatch('retention.erase', { childIds: [young.childId], confirm: true })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/kept until 2035-03-03/) } });
    const adult = closedChild('Kacper', 'Wiśniewski', '1995-06-15');
    const asOfficer = openTestApp({ file: app.file, today: '2026-12-03', user: { id: 2, name: 'Priya Shah', role: 'officer' } });
    expect(asOfficer.dispatch('retention.erase', { childIds: [adult.childId], confirm: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    asOfficer.close();
    expect(app.dispatch('retention.erase', { childIds: [adult.childId] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'confirm' } });
    // Never found: the record is kept until the child is located (seed 004).
    app.db.prepare(`UPDATE cases SET closure_reason = 'unresolved_lost' WHERE id = ?`).run(adult.caseId);
    expect(app.dispatch('retention.erase', { childIds: [adult.childId], confirm: true })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/never found/) } });
    expect(app.db.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 2 });
  });

  it('refuses to erase when the audit rows to be blanked have been altered (erasing would hide it)', () => {
    const gone = closedChild('Kacper', 'Wiśniewski', '2001-06-15');
    app.db.exec('DROP TRIGGER audit_no_update');
    app.db.prepare(`UPDATE audit SET actor = 'Someone else' WHERE id = (SELECT min(id) FROM audit WHERE child_id = ?)`).run(gone.childId);
    expect(app.dispatch('retention.erase', { childIds: [gone.childId], confirm: true })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/does not verify at entry/) } });
    expect(app.db.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 1 });
  });

  it('erases several children at once, with one audit row, or none if one is not past retention', () => {
    const a = closedChild('Kacper', 'Wiśniewski', '2001-06-15');
    const b = closedChild('Tomasz', 'Nowak', '2000-01-20');
    const young = closedChild('Leah', 'Okafor', '2010-03-03');
    const refused = app.dispatch('retention.erase', { childIds: [a.childId, young.childId], confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(app.db.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 3 });
    const r = app.ok('retention.erase', { childIds: [a.childId, b.childId], confirm: true });
    expect(r).toMatchObject({ erasedChildren: 2, erasedCases: 2, auditEntries: [expect.any(Number)] });
    const summary = JSON.parse((app.db.prepare('SELECT new_value FROM audit WHERE id = ?').get(r.auditEntries[0]) as { new_value: string }).new_value);
    expect(summary).toMatchObject({ children: 2, caseReferenceHashes: [expect.any(String), expect.any(String)], counts: { children: 2, cases: 2 } });
    expect(app.db.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 1 });
    expect(verifyAuditChain(app.db).ok).toBe(true);
    expect(app.ok('retention.pastList', {}).total).toBe(0);
  });

  it('an erased row altered afterwards, or its manifest, breaks the chain', () => {
    const gone = closedChild('Kacper', 'Wiśniewski', '2001-06-15');
    const { auditEntries: [auditEntry] } = app.ok('retention.erase', { childIds: [gone.childId], confirm: true });
    const blanked = (app.db.prepare(`SELECT min(id) AS id FROM audit WHERE child_id = ?`).get(gone.childId) as { id: number }).id;
    // The trigger refuses anything but the blanking itself.
    expect(() => app.db.prepare(`UPDATE audit SET actor = 'X' WHERE id = ?`).run(blanked)).toThrow(/append-only/);
    expect(() => app.db.prepare(`UPDATE audit SET new_value = 'put back' WHERE id = ?`).run(blanked)).toThrow(/append-only/);
    app.db.exec('DROP TRIGGER audit_no_update');
    app.db.prepare(`UPDATE audit SET field = 'surname' WHERE id = ?`).run(blanked);
    expect(verifyAuditChain(app.db)).toMatchObject({ ok: false, firstBroken: { id: blanked } });
    app.db.prepare(`UPDATE audit SET field = (SELECT field FROM audit WHERE id = ?) WHERE id = ?`).run(blanked, blanked);
    app.db.prepare(`UPDATE audit SET new_value = replace(new_value, '"retention"', '"tidy"') WHERE id = ?`).run(auditEntry);
    expect(verifyAuditChain(app.db)).toMatchObject({ ok: false });
  });
});
