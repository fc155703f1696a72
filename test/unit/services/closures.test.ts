import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { openTestApp, cmeReferral, type TestApp } from '../../helpers/tempDb';
import { LOST_PUPIL_CHECKS } from '../../../shared/domain/closure';

// Closing over a real database: propose → authorise (seed 003 App. D/E; 000 §7(g), §9).
let app: TestApp;
let priya: number;
let nadia: number;
let gareth: number;
let caseId: number;

const auditFor = (id: number) =>
  app.db.prepare(`SELECT entity, action, field, new_value, actor FROM audit WHERE case_id = ? ORDER BY id`).all(id) as { entity: string; action: string; field: string | null; new_value: string | null }[];
const check = (agency: string, checkedOn = '2026-10-20') =>
  app.ok('checks.add', { caseId, agency, checkedOn, checkedBy: 'Priya Shah', outcome: 'No trace', located: false });
const lost = (over: Record<string, unknown> = {}) => ({
  id: caseId, reason: 'unresolved_lost', closedOn: '2026-11-24', proposedById: priya,
  evidence: 'All stage 1–3 enquiries exhausted; no trace since 15/09/2026',
  s2sUploadedOn: '2026-10-28', reasonableStepsLetterOn: '2026-10-29', socialCareReferral: 'MASH consulted 29/10/2026: not known, no referral made',
  ...over,
});

beforeEach(() => {
  app = openTestApp({ today: '2026-11-25' });
  priya = app.ok('officers.create', { name: 'Priya Shah', jobTitle: 'CME Officer', team: 'cme' }).id;
  nadia = app.ok('officers.create', { name: 'Nadia Kowalczyk', jobTitle: 'Inclusion Manager', team: 'inclusion', isManager: true }).id;
  gareth = app.ok('officers.create', { name: 'Gareth Lowden', jobTitle: 'Systems Lead for Inclusion', team: 'inclusion', isManager: true }).id;
  caseId = app.ok('referrals.create', cmeReferral()).caseId;
  app.ok('cases.setLeadOfficer', { id: caseId, officerId: priya });
});
afterEach(() => app.close());

describe('who is listed as able to authorise', () => {
  it('is the register’s managers by their accounts (not the officers’ manager mark), leaving out the proposer', () => {
    for (const a of LOST_PUPIL_CHECKS) check(a);
    const user = app.db.prepare(`INSERT INTO users (name, name_key, role, officer_id, created_at) VALUES (?, ?, ?, ?, '2026-09-01')`);
    user.run('Nadia Kowalczyk', 'nadia kowalczyk', 'manager', nadia);
    user.run('Priya Shah', 'priya shah', 'manager', priya); // the proposer: never her own authoriser
    user.run('Tom Ashworth-Reid', 'tom ashworth-reid', 'officer', null);
    user.run('Esme Manager', 'esme manager', 'manager', null);
    const pending = app.ok('closures.propose', lost()).closures[0];
    // Gareth is marked a manager on the Officers page but has no account: he can't sign in to authorise.
    expect(pending.authorisers).toEqual([
      { id: expect.any(Number), name: 'Esme Manager', jobTitle: null },
      { id: expect.any(Number), name: 'Nadia Kowalczyk', jobTitle: 'Inclusion Manager' },
    ]);
  });
});

describe('a child not located is not closed by one officer', () => {
  it('refuses the proposal until the lost-pupil steps and checks are recorded, naming the field', () => {
    const r = app.dispatch('closures.propose', lost({ s2sUploadedOn: null }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ field: 's2sUploadedOn', message: expect.stringMatching(/S2S lost pupil/) });
    const r2 = app.dispatch('closures.propose', lost());
    if (r2.ok) throw new Error('expected a refusal');
    expect(r2.error).toMatchObject({ field: 'checks', message: expect.stringMatching(/^Record these checks on the Checks tab first: Housing, Council Tax/) });
    expect(app.ok('cases.get', { id: caseId }).case.status).not.toBe('closed');
  });

  it('proposed: stays open and on the agenda; the proposer cannot authorise; a named manager can, and both are in the audit', () => {
    for (const a of LOST_PUPIL_CHECKS) check(a);
    let d = app.ok('closures.propose', lost());
    expect(d.case).toMatchObject({ status: 'checks', closureProposed: true, closedOn: null });
    const pending = d.closures[0];
    expect(pending).toMatchObject({ status: 'pending', proposedByName: 'Priya Shah', authorisers: [{ name: 'Gareth Lowden' }, { name: 'Nadia Kowalczyk' }] });
    expect(pending.authorisationReasons[0]).toMatch(/line management for confirmation of closure\./);

    // On the next CME panel's agenda, under proposed closures.
    const panel = (app.ok('panels.list') as { id: number; register: string }[]).find((p) => p.register === 'CME')!;
    const m = app.ok('meetings.create', { panelId: panel.id, date: '2026-12-08', time: '10:00' });
    const agenda = app.ok('meetings.buildAgenda', { id: m.id });
    const item = agenda.items.find((i: { caseId: number | null }) => i.caseId === caseId);
    expect(item).toMatchObject({ code: 'proposed_closures', reasons: expect.arrayContaining([expect.objectContaining({ code: 'closure_proposed' })]) });

    const notManager = app.dispatch('closures.authorise', { id: caseId, authorisedById: priya });
    if (notManager.ok) throw new Error('expected a refusal');
    expect(notManager.error).toMatchObject({ field: 'authorisedById', message: expect.stringMatching(/Priya Shah is not a manager/) });

    d = app.ok('closures.authorise', { id: caseId, authorisedById: nadia, note: 'Agreed: review at Easter' });
    expect(d.case).toMatchObject({ status: 'closed', closureReason: 'unresolved_lost', closedOn: '2026-11-24', closureProposed: false, unfoundReviewDue: '2027-05-24' });
    expect(d.closures[0]).toMatchObject({ status: 'authorised', proposedByName: 'Priya Shah', decidedByName: 'Nadia Kowalczyk', decidedOn: '2026-11-25' });
    const audit = auditFor(caseId).filter((a) => a.entity === 'closure_proposal');
    expect(audit[0]).toMatchObject({ action: 'insert', new_value: expect.stringContaining('"proposed_by_name":"Priya Shah"') });
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'decided_by_name', new_value: 'Nadia Kowalczyk' })]));
    expect(d.notes[0].text).toMatch(/^Closure authorised by Nadia Kowalczyk \(manager\); proposed by Priya Shah on 25\/11\/2026\. Agreed: review at Easter/);
  });

  it('a manager who proposed must leave the authorising to another manager', () => {
    for (const a of LOST_PUPIL_CHECKS) check(a);
    app.ok('closures.propose', lost({ proposedById: nadia }));
    const self = app.dispatch('closures.authorise', { id: caseId, authorisedById: nadia });
    if (self.ok) throw new Error('expected a refusal');
    expect(self.error.message).toMatch(/Nadia Kowalczyk proposed this closure, so can't also authorise it/);
    expect(app.ok('closures.authorise', { id: caseId, authorisedById: gareth }).case.status).toBe('closed');
  });

  it('a declined closure leaves the case open and off the proposed closures', () => {
    for (const a of LOST_PUPIL_CHECKS) check(a);
    app.ok('closures.propose', lost());
    const d = app.ok('closures.decline', { id: caseId, decidedById: gareth, reason: 'Try the new address from Health first' });
    expect(d.case).toMatchObject({ status: 'checks', closureProposed: false });
    expect(d.closures[0]).toMatchObject({ status: 'declined', decidedByName: 'Gareth Lowden', decisionNote: 'Try the new address from Health first' });
  });

  it('an unfound case comes back to the agenda for its review, and the review sets the next date', () => {
    for (const a of LOST_PUPIL_CHECKS) check(a);
    app.ok('closures.propose', lost());
    app.ok('closures.authorise', { id: caseId, authorisedById: nadia });
    app.close();
    app = openTestApp({ file: app.file, today: '2027-05-25' });
    const panel = (app.ok('panels.list') as { id: number; register: string }[]).find((p) => p.register === 'CME')!;
    const m = app.ok('meetings.create', { panelId: panel.id, date: '2027-05-25', time: '10:00' });
    const item = app.ok('meetings.buildAgenda', { id: m.id }).items.find((i: { caseId: number | null }) => i.caseId === caseId);
    expect(item.reasons).toEqual([{ code: 'unfound_review_due', text: 'Not found: twice-yearly review due 24/05/2027' }]);
    const d = app.ok('closures.recordUnfoundReview', { id: caseId, outcome: 'S2S, Health and Council Tax checked again: no trace.' });
    expect(d.case.unfoundReviewDue).toBe('2027-11-25');
  });
});

describe('the other closures', () => {
  const base = () => ({ id: caseId, closedOn: '2026-11-24', proposedById: priya, evidence: 'Confirmed with the receiving authority by e-mail' });

  it('moved to another LA stays open with a chase date until acceptance is recorded', () => {
    let d = app.ok('closures.propose', { ...base(), reason: 'moved_other_la', otherLa: 'Kent County Council', otherLaContact: 'Kent CME team', otherLaReferredOn: '2026-11-16' });
    expect(d.case.status).not.toBe('closed');
    expect(d.closures[0]).toMatchObject({ status: 'pending', chaseOn: '2026-11-30', waitingFor: ['Kent County Council to accept the referral (chase on 30/11/2026)'], authorisationReasons: [] });
    const early = app.dispatch('closures.authorise', { id: caseId, authorisedById: nadia });
    if (early.ok) throw new Error('expected a refusal');
    expect(early.error.message).toMatch(/still waiting for: Kent County Council to accept/);
    d = app.ok('closures.propose', { ...base(), reason: 'moved_other_la', otherLa: 'Kent County Council', otherLaContact: 'Kent CME team', otherLaReferredOn: '2026-11-16', otherLaAcceptedOn: '2026-11-24' });
    expect(d.case).toMatchObject({ status: 'closed', closureDetail: 'Kent County Council' });
    expect(d.closures.map((c: { status: string }) => c.status)).toEqual(['closed', 'withdrawn']);
  });

  it('end of school age is refused before the last Friday of June, with the date it can be closed', () => {
    const r = app.dispatch('closures.propose', { ...base(), reason: 'end_of_csa' });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error).toMatchObject({ field: 'closedOn', message: 'The child is of compulsory school age until 28/06/2030. The case can be closed for this reason on or after 28/06/2030.' });
  });

  it('the PMOE-only reason is refused for a CME case', () => {
    const r = app.dispatch('closures.propose', { ...base(), reason: 'full_time_education_restored' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('reason');
  });

  it('a confirmed outcome of a child on a child protection plan still needs a manager', () => {
    const childId = app.ok('cases.get', { id: caseId }).child.id;
    app.ok('children.update', { id: childId, changes: { flags: { childProtectionPlan: true } } });
    const d = app.ok('closures.propose', { ...base(), reason: 'on_roll_attending', detail: 'Northbridge Academy' });
    expect(d.case.status).not.toBe('closed');
    expect(d.closures[0].authorisationReasons.join(' ')).toMatch(/Safeguarding case/);
  });
});

describe('closing from the meeting cockpit goes through the same rules', () => {
  it('a panel closure of an unlocated child is recorded as a proposal, and the case stays open', () => {
    for (const a of LOST_PUPIL_CHECKS) check(a);
    const panel = (app.ok('panels.list') as { id: number; register: string }[]).find((p) => p.register === 'CME')!;
    const m = app.ok('meetings.create', { panelId: panel.id, date: '2026-11-24', time: '10:00' });
    const built = app.ok('agenda.addCase', { meetingId: m.id, reference: app.ok('cases.get', { id: caseId }).case.reference });
    app.ok('meetings.start', { id: m.id });
    const itemId = built.items.find((i: { caseId: number | null }) => i.caseId === caseId).id;
    // Without the lost-pupil steps the panel can't close it: the same refusal as the case page.
    const r = app.dispatch('items.close', { itemId, reason: 'unresolved_lost', detail: null });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.field).toBe('s2sUploadedOn');
    // A confirmed outcome closes at once, proposed by the lead officer at the meeting.
    const ok = app.ok('items.close', { itemId, reason: 'on_roll_attending', detail: 'Northbridge Academy' });
    expect(ok.item).toMatchObject({ outcome: 'close', outcomeDetail: 'Northbridge Academy' });
    const d = app.ok('cases.get', { id: caseId });
    expect(d.case.status).toBe('closed');
    expect(d.closures[0]).toMatchObject({ status: 'closed', proposedByName: 'Priya Shah', meetingId: m.id });
  });
});

describe('clocks that keep running after "located" (000 §8, 001 App. 3; 000 §4, 003)', () => {
  it('a located child with no school place shows the alerts on the case and on Home', () => {
    app.ok('cases.update', { id: caseId, changes: { dateLocated: '2026-10-02' } });
    const d = app.ok('cases.get', { id: caseId });
    expect(d.alerts.map((a: { code: string }) => a.code)).toEqual(['enquiries_ended', 'deletion_allowed', 'fair_access_due', 'allocation_escalate']);
    const home = app.ok('alerts.home') as { code: string; count: number; cases: { reference: string }[] }[];
    expect(home.find((g) => g.code === 'fair_access_due')).toMatchObject({ count: 1, cases: [{ reference: d.case.reference }] });
    app.ok('cases.update', { id: caseId, changes: { dateEnteredProvision: '2026-11-20' } });
    expect(app.ok('cases.get', { id: caseId }).alerts).toEqual([]);
  });
});

describe('PMOE children need not be on a roll (000 §11, 002)', () => {
  const pmoe = (pmoeReason: string, pmoeSchool: string | null, forenames = 'Tyler') => ({
    register: 'PMOE',
    child: { forenames, surname: 'Brook', dateOfBirth: '2012-02-03', gender: 'male' },
    case: { dateNotified: '2026-10-01', source: 'send', pmoeSchool, pmoeReason, hoursPerWeek: 0 },
  });
  it('records a child awaiting an EHCP placement with no school, and refuses a reduced timetable with none', () => {
    const r = app.ok('referrals.create', pmoe('awaiting_ehcp_placement', null));
    expect(app.ok('cases.get', { id: r.caseId }).case).toMatchObject({ register: 'PMOE', pmoeSchool: null, pmoeReason: 'awaiting_ehcp_placement' });
    expect(app.ok('referrals.create', pmoe('awaiting_placement', null, 'Sam')).caseId).toBeGreaterThan(0);
    const bad = app.dispatch('referrals.create', pmoe('reduced_timetable', null, 'Jo'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/School on roll is required/);
  });
});

describe('archiving needs the form and the named Director, not just a panel outcome (001 §6.2)', () => {
  it('the panel presenting it archives nothing; the Director’s recorded decision does', () => {
    app.close();
    app = openTestApp({ today: '2026-11-25' });
    const id = app.ok('referrals.create', cmeReferral({ dateNotified: '2026-04-01', lastAttendance: '2026-03-20' })).caseId;
    const panel = (app.ok('panels.list') as { id: number; register: string }[]).find((p) => p.register === 'CME')!;
    const m = app.ok('meetings.create', { panelId: panel.id, date: '2026-11-24', time: '10:00' });
    const built = app.ok('agenda.addCase', { meetingId: m.id, reference: app.ok('cases.get', { id }).case.reference });
    app.ok('meetings.start', { id: m.id });
    const itemId = built.items.find((i: { caseId: number | null }) => i.caseId === id).id;
    app.ok('items.record', { itemId, outcome: 'archive' });
    expect(app.ok('cases.get', { id }).case.archived).toBe(false);

    const noDirector = app.dispatch('cases.archive', { id, formCompletedOn: '2026-11-24', decidedOn: '2026-11-25' });
    if (noDirector.ok) throw new Error('expected a refusal');
    expect(noDirector.error).toMatchObject({ field: 'director', message: expect.stringMatching(/Commissioning Director, Education/) });
    const d = app.ok('cases.archive', { id, formCompletedOn: '2026-11-24', director: 'Helen Ashdown', decidedOn: '2026-11-25' });
    expect(d.case).toMatchObject({ archived: true, archiveDirector: 'Helen Ashdown', archiveDecidedOn: '2026-11-25', archiveFormCompletedOn: '2026-11-24', status: expect.not.stringMatching('closed') });
    expect(d.notes[0].text).toMatch(/^Archived as long-term CME \(open, dormant\) by decision of Helen Ashdown on 25\/11\/2026/);
  });
});
