import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { openTestApp, cmeReferral, type TestApp } from '../../helpers/tempDb';

let app: TestApp;
beforeEach(() => { app = openTestApp(); });
afterEach(() => app.close());

const auditRows = (caseId: number) =>
  app.db.prepare('SELECT actor, action, entity, field, old_value, new_value FROM audit WHERE case_id = ? ORDER BY id').all(caseId) as Record<string, unknown>[];

describe('referrals', () => {
  it('logs a CME referral with a reference, the child, address, adult and pre-referral actions — with audit rows', () => {
    const r = app.ok('referrals.create', {
      ...cmeReferral(),
      address: { line1: '12 Mill Lane', town: 'Northbridge', postcode: 'nb4 7qt' },
      adults: [{ name: 'Sarah Hartley', relationship: 'Mother', phone: '07700 900123' }],
      preReferralActions: [{ agency: 'phone_call', checkedOn: '2026-09-20', checkedBy: 'School office', outcome: 'No answer' }],
    });
    expect(r.reference).toBe('CME-2026-0001');
    const d = app.ok('cases.get', { id: r.caseId });
    expect(d.case.status).toBe('referred');
    expect(d.addresses[0]).toMatchObject({ line1: '12 Mill Lane', postcode: 'NB4 7QT', current: true });
    expect(d.adults[0].name).toBe('Sarah Hartley');
    expect(d.checks).toHaveLength(1);
    expect(d.clocks).toMatchObject({ ageYears: 12, yearGroup: 8, daysOpen: 55, dueForPanel: true, longTerm: false });
    const entities = auditRows(r.caseId).map((a) => a.entity);
    expect(entities).toContain('case');
    expect(entities).toContain('check');
    // The child's own creation is in the history too.
    const hist = app.ok('audit.forCase', { caseId: r.caseId }) as { entity: string; actor: string }[];
    expect(hist.map((h) => h.entity)).toEqual(expect.arrayContaining(['case', 'child', 'address', 'adult', 'check']));
    expect(new Set(hist.map((h) => h.actor))).toEqual(new Set(['Test Officer']));
  });

  it('refuses an exact duplicate (same name and date of birth) until told it is a different child (issue 9)', () => {
    const first = app.ok('referrals.create', cmeReferral());
    const again = app.dispatch('referrals.create', cmeReferral({ dateNotified: '2026-10-20', lastAttendance: '2026-10-01' }, { forenames: 'amelia', surname: 'HARTLEY' }));
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'confirmedDifferentChild' } });
    expect(JSON.stringify(again)).toContain(first.reference);
    // A near match (Amelie) is only warned about, on the form; the service saves it.
    expect(app.dispatch('referrals.create', cmeReferral({}, { forenames: 'Amelie' }))).toMatchObject({ ok: true });
    const saved = app.ok('referrals.create', { ...cmeReferral({ dateNotified: '2026-10-20', lastAttendance: '2026-10-01' }), confirmedDifferentChild: true });
    expect(saved.childId).not.toBe(first.childId);
    expect(app.ok('children.checkDuplicates', { forenames: 'Amelia', surname: 'Hartley', dateOfBirth: '2014-05-12' }).filter((m: { exact: boolean }) => m.exact)).toHaveLength(2);
  });

  it('numbers references per register and year', () => {
    expect(app.ok('referrals.create', cmeReferral()).reference).toBe('CME-2026-0001');
    expect(app.ok('referrals.create', cmeReferral({}, { forenames: 'Bo', dateOfBirth: '2013-01-01' })).reference).toBe('CME-2026-0002');
    expect(app.ok('referrals.create', cmeReferral({ dateNotified: '2025-12-01', lastAttendance: null }, { forenames: 'Cy' })).reference).toBe('CME-2025-0001');
    const p = app.ok('referrals.create', {
      register: 'PMOE',
      child: { forenames: 'Dev', surname: 'Patel', dateOfBirth: '2012-02-02', gender: 'male' },
      case: { dateNotified: '2026-11-01', source: 'school', pmoeSchool: 'Northbridge Academy', pmoeReason: 'reduced_timetable', hoursPerWeek: 6 },
    });
    expect(p.reference).toBe('PMOE-2026-0001');
    const d = app.ok('cases.get', { id: p.caseId });
    expect(d.clocks.concerns.map((c: { code: string }) => c.code)).toContain('under_10_hours');
  });

  it.each([
    ['a date of birth in the future', cmeReferral({}, { dateOfBirth: '2031-03-12' }), 'child.dateOfBirth', /Date of birth 12\/03\/2031 is in the future/],
    ['a real date', cmeReferral({ dateNotified: '2026-02-30' }), 'case.dateNotified', /Date notified must be a real date/],
    ['last attendance after notification', cmeReferral({ lastAttendance: '2026-10-20' }), 'case.lastAttendance', /Date of last attendance 20\/10\/2026 is after the date notified/],
    ['a CME reason', cmeReferral({ reason: null }), 'case.reason', /Reason is required/],
    ['compulsory school age for CME', cmeReferral({}, { dateOfBirth: '2023-01-01' }), 'child.dateOfBirth', /not of compulsory school age/],
    ['a valid UPN check letter', cmeReferral({}, { upn: 'Z801200001001' }), 'child.upn', /UPN Z801200001001/],
    ['a forename', cmeReferral({}, { forenames: '  ' }), 'child.forenames', /Forenames is required/],
    ['a known referral source', cmeReferral({ source: 'pigeon' }), 'case.source', /Referral source/],
  ])('requires %s, naming the field, and saves nothing', (_what, input, field, message) => {
    const r = app.dispatch('referrals.create', input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.field).toBe(field);
    expect(r.error.message).toMatch(message);
    expect(app.db.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 0 });
    // Only the default panels, made when the register was opened, are on the audit trail.
    expect(app.db.prepare("SELECT count(*) AS n FROM audit WHERE source <> 'default panels'").get()).toEqual({ n: 0 });
  });

  it('flags a possible duplicate: same date of birth and a similar name', () => {
    app.ok('referrals.create', cmeReferral({}, { forenames: 'John', surname: 'Smith', dateOfBirth: '2013-04-04' }));
    const m = app.ok('children.checkDuplicates', { forenames: 'Jon', surname: 'Smyth', dateOfBirth: '2013-04-04' });
    expect(m).toHaveLength(1);
    expect(m[0].references).toEqual(['CME-2026-0001']);
    expect(app.ok('children.checkDuplicates', { forenames: 'Jon', surname: 'Smyth', dateOfBirth: '2013-04-05' })).toEqual([]);
  });

  it('creates siblings as a family, each with their own case', () => {
    const r = app.ok('referrals.create', { ...cmeReferral(), siblings: [{ forenames: 'Tom', surname: 'Hartley', dateOfBirth: '2016-03-03', gender: 'male' }] });
    expect(r.siblingCases).toEqual(['CME-2026-0002']);
    const d = app.ok('cases.get', { id: r.caseId });
    expect(d.siblings).toHaveLength(1);
    expect(d.siblings[0].cases[0].reference).toBe('CME-2026-0002');
  });
});

describe('case life', () => {
  let caseId: number;
  let officerId: number;
  beforeEach(() => {
    caseId = app.ok('referrals.create', cmeReferral()).caseId;
    officerId = app.ok('officers.create', { name: 'Priya Shah', jobTitle: 'CME Officer', team: 'cme', email: 'priya@example.gov.uk' }).id;
  });

  it('a check that locates the child moves the case on and stops the panel clock', () => {
    const d = app.ok('checks.add', { caseId, agency: 'health_nhs', checkedOn: '2026-11-20', checkedBy: 'Priya Shah', outcome: 'Registered with a GP in Leicester', located: true });
    expect(d.case.status).toBe('checks');
    expect(d.case.dateLocated).toBe('2026-11-20');
    expect(d.clocks.dueForPanel).toBe(false);
  });

  it('sets RAG and lead officer, each audited field by field', () => {
    app.ok('cases.setRag', { id: caseId, rag: 'red', reason: 'Whereabouts unknown, sibling on CP plan' });
    const d = app.ok('cases.setLeadOfficer', { id: caseId, officerId, reason: 'CME officer for the area' });
    expect(d.case).toMatchObject({ rag: 'red', leadOfficerName: 'Priya Shah' });
    const updates = auditRows(caseId).filter((a) => a.action === 'update');
    expect(updates).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'rag', old_value: null, new_value: 'red' }),
      expect.objectContaining({ field: 'lead_officer_id', new_value: String(officerId) }),
    ]));
    expect(app.ok('officers.list').find((o: { id: number }) => o.id === officerId).openCases).toBe(1);
  });

  it('will not give a case to an officer who has left', () => {
    app.ok('officers.update', { id: officerId, name: 'Priya Shah', team: 'cme', active: false });
    const r = app.dispatch('cases.setLeadOfficer', { id: caseId, officerId });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/having left/);
  });

  it('closes with a reason (and its required detail) and reopens with a reason', () => {
    const propose = { id: caseId, closedOn: '2026-11-24', reason: 'on_roll_attending', proposedById: officerId, evidence: 'Admissions confirmed the child started on 23/11/2026' };
    const missing = app.dispatch('closures.propose', propose);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toMatchObject({ field: 'detail', message: expect.stringMatching(/Destination school is required/) });
    // A confirmed outcome on a case with no safeguarding flags closes on the officer's proposal (003 App. D).
    const closed = app.ok('closures.propose', { ...propose, detail: 'St Aidan’s CE Primary' });
    expect(closed.case).toMatchObject({ status: 'closed', closedOn: '2026-11-24', closureDetail: 'St Aidan’s CE Primary' });
    expect(closed.clocks.dueForPanel).toBe(false);
    const again = app.dispatch('cases.setRag', { id: caseId, rag: 'green', reason: 'x' });
    expect(again.ok).toBe(false);
    const reopened = app.ok('cases.reopen', { id: caseId, reason: 'Left the new school after a week' });
    expect(reopened.case).toMatchObject({ status: 'checks', closedOn: null, closureReason: null });
    expect(reopened.notes[0].text).toMatch(/Case reopened: Left the new school/);
  });

  it('rejects key dates before the notification date', () => {
    const r = app.dispatch('cases.update', { id: caseId, changes: { dateAssessed: '2026-09-01' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ field: 'dateAssessed', message: expect.stringMatching(/before the date notified/) });
  });

  it('lists the register with clocks computed for today', () => {
    const rows = app.ok('register.list');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reference: 'CME-2026-0001', forenames: 'Amelia', dueForPanel: true, longTerm: false, school: 'Northbridge Academy' });
  });

  it('keeps addresses as history when the child moves', () => {
    const childId = app.ok('cases.get', { id: caseId }).child.id;
    app.ok('children.addAddress', { childId, line1: '1 Old Road', fromDate: '2020-01-01' });
    app.ok('children.addAddress', { childId, line1: '2 New Road', fromDate: '2026-10-10' });
    const d = app.ok('cases.get', { id: caseId });
    expect(d.addresses.map((a: { line1: string; current: boolean }) => [a.line1, a.current])).toEqual([['2 New Road', true], ['1 Old Road', false]]);
    expect(d.addresses[1].toDate).toBe('2026-10-10');
  });
});

describe('first run', () => {
  it('remembers the set-up choice, and names the signed-in user (the write context) as the user', () => {
    expect(app.ok('app.info').setupDone).toBe(false);
    app.ok('app.setup', { mode: 'empty' });
    const info = app.ok('app.info');
    expect(info).toMatchObject({ setupDone: true, userName: 'Test Officer', caseCount: 0 });
    expect(app.dispatch('app.setup', { mode: 'demo' }).ok).toBe(false);
  });
});
