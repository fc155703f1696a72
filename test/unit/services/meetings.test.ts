import { describe, it, expect, beforeAll } from 'vitest';
import { type TestApp, openDemoTestApp } from '../../helpers/tempDb';

// A CME panel run against the demo register, through the dispatcher, as the cockpit drives it.
describe('a CME panel meeting', () => {
  let app: TestApp;
  let meetingId: number;
  const TODAY = '2026-11-25';

  beforeAll(() => {
    app = openDemoTestApp(TODAY);
  });

  it('has the two panels out of the box, with standing membership', () => {
    const panels = app.ok('panels.list');
    expect(panels.map((p: { name: string }) => p.name)).toEqual(['CME panel', 'PMOE panel']);
    expect(panels[0].members.length).toBe(12);
    expect(panels[0].members[0].officerName).toBeTruthy(); // the demo's Systems Lead for Inclusion
    expect(panels[1].cadence).toEqual({ kind: 'half_termly', weekOfHalfTerm: 3, weekday: 3 });
  });

  it('schedules the next meetings from the cadence and the term calendar', () => {
    const cme = app.ok('panels.list')[0];
    const ms = app.ok('meetings.generate', { panelId: cme.id, count: 3 });
    // 2nd Tuesdays from 25/11/2026: 8 Dec 2026, 12 Jan 2027, 9 Feb 2027.
    expect(ms.map((m: { date: string }) => m.date)).toEqual(['2026-12-08', '2027-01-12', '2027-02-09']);
    meetingId = ms[0].id;
    // Nobody is assumed present: attendance starts "not yet marked" (issue 9).
    const att = app.ok('meetings.get', { id: meetingId }).attendance;
    expect(att.length).toBe(12);
    expect(att.every((a: { status: string }) => a.status === 'not_marked')).toBe(true);
    const again = app.dispatch('meetings.create', { panelId: cme.id, date: '2026-12-08', time: '10:00' });
    expect(again).toMatchObject({ ok: false, error: { field: 'date' } });
  });

  it('adding a deputy for a member marks that member as sending apologies (issue 9)', () => {
    const d = app.ok('meetings.get', { id: meetingId });
    const member = d.attendance.filter((a: { kind: string }) => a.kind === 'member')[3];
    const after = app.ok('attendance.add', { meetingId, name: 'Robin Deputy', role: member.role, kind: 'deputy', deputyFor: member.name });
    expect(after.attendance.find((a: { id: number }) => a.id === member.id).status).toBe('apologies');
    expect(after.attendance.find((a: { name: string }) => a.name === 'Robin Deputy')).toMatchObject({ kind: 'deputy', status: 'present', deputyFor: member.name });
  });

  it('builds the agenda from the register, each case with its reasons, red first', () => {
    const d = app.ok('meetings.buildAgenda', { id: meetingId });
    const cases = d.items.filter((i: { kind: string }) => i.kind === 'case');
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) expect(c.reasons.length).toBeGreaterThan(0);
    const reviews = cases.filter((c: { code: string }) => c.code === 'case_reviews');
    const ranks = reviews.map((c: { caseRag: string | null }) => ['red', 'amber', 'green', null].indexOf(c.caseRag));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(d.items[0].code).toBe('welcome_apologies');
    expect(d.items.at(-1).code).toBe('next_meeting');
    // At most the panel's capacity (20 for CME by default); every red open CME case is proposed or
    // at the head of "also eligible", and nothing on the list outranks a case left off.
    expect(d.capacity).toBe(20);
    expect(cases.length).toBeLessThanOrEqual(20);
    expect(d.alsoEligible.length).toBeGreaterThan(0);
    const reds = app.ok('register.list').filter((r: { register: string; status: string; rag: string }) => r.register === 'CME' && r.status !== 'closed' && r.rag === 'red');
    const onAgenda = new Set(cases.map((c: { caseId: number }) => c.caseId));
    const eligible = new Set(d.alsoEligible.map((e: { caseId: number }) => e.caseId));
    for (const r of reds) expect(onAgenda.has(r.caseId) || eligible.has(r.caseId)).toBe(true);
    const redsLeftOff = reds.filter((r: { caseId: number }) => eligible.has(r.caseId)).length;
    if (redsLeftOff > 0) expect(cases.every((c: { caseRag: string | null }) => c.caseRag === 'red')).toBe(true);
    expect(d.alsoEligible.map((e: { rank: number }) => e.rank)).toEqual([...d.alsoEligible.map((e: { rank: number }) => e.rank)].sort((a, b) => a - b));
    for (const e of d.alsoEligible) expect(e.reasons.length).toBeGreaterThan(0);
    // Rebuilding is stable.
    expect(app.ok('meetings.buildAgenda', { id: meetingId }).items.length).toBe(d.items.length);
  });

  it('removes (a reason only for a case on a mandatory rule), brings in, adds by reference and reorders', () => {
    let d = app.ok('meetings.get', { id: meetingId });
    const first = d.items.find((i: { kind: string }) => i.kind === 'case');
    expect(first.mandatory).toBe(true); // red comes first
    expect(app.dispatch('agenda.remove', { itemIds: [first.id] })).toMatchObject({ ok: false, error: { field: 'reason' } });
    d = app.ok('agenda.remove', { itemIds: [first.id], reason: 'Discussed at the strategy meeting yesterday' });
    expect(d.items.find((i: { id: number }) => i.id === first.id)).toMatchObject({ removed: true, removedReason: 'Discussed at the strategy meeting yesterday' });
    // Bring the top "also eligible" case in: it leaves that list and joins the agenda with its reasons.
    const top = d.alsoEligible[0];
    d = app.ok('agenda.bringIn', { meetingId, caseIds: [top.caseId] });
    const brought = d.items.find((i: { caseId: number | null }) => i.caseId === top.caseId);
    expect(brought).toMatchObject({ removed: false, addedByHand: false, reasons: top.reasons });
    expect(d.alsoEligible.some((e: { caseId: number }) => e.caseId === top.caseId)).toBe(false);
    const notOn = app.ok('register.list').find((r: { register: string; status: string; caseId: number }) => r.register === 'CME' && r.status !== 'closed' && !d.items.some((i: { caseId: number | null }) => i.caseId === r.caseId));
    d = app.ok('agenda.addCase', { meetingId, reference: notOn.reference, section: 'case_reviews' });
    const added = d.items.find((i: { caseId: number | null }) => i.caseId === notOn.caseId);
    expect(added.addedByHand).toBe(true);
    d = app.ok('agenda.move', { itemId: added.id, toIndex: 3 });
    expect(d.items[3].id).toBe(added.id);
    expect(app.dispatch('agenda.addCase', { meetingId, reference: 'CME-1999-0001' })).toMatchObject({ ok: false, error: { field: 'reference' } });
  });

  let itemId: number;
  it('runs an item: RAG, lead officer, actions, review, escalation — straight into the register', () => {
    let d = app.ok('meetings.start', { id: meetingId });
    expect(d.meeting.status).toBe('in_progress');
    const item = d.items.find((i: { kind: string; removed: boolean }) => i.kind === 'case' && !i.removed);
    itemId = item.id;
    d = app.ok('meetings.goto', { id: meetingId, itemId });
    expect(d.meeting.currentItemId).toBe(itemId);

    let it = app.ok('items.record', { itemId, discussion: 'Family believed to be in Leicester.', decisions: 'Ask Leicester CME officer to check.' });
    expect(it.item.discussion).toBe('Family believed to be in Leicester.');
    it = app.ok('items.setRag', { itemId, rag: 'red', reason: 'Sibling on a CP plan elsewhere' });
    expect(it.case.rag).toBe('red');
    const officer = app.ok('officers.list').find((o: { active: boolean }) => o.active);
    it = app.ok('items.setLead', { itemId, officerId: officer.id });
    expect(it.case.leadOfficerName).toBe(officer.name);
    // An action needs an owner: an officer, or someone named (a guest, an outside agency).
    expect(app.dispatch('items.createAction', { itemId, text: 'Ask the school', ownerId: null, dueDate: it.defaultDueDate })).toMatchObject({ ok: false, error: { field: 'ownerId' } });
    expect(app.dispatch('items.createAction', { itemId, text: 'Ask the school', ownerText: '   ', dueDate: it.defaultDueDate })).toMatchObject({ ok: false, error: { field: 'ownerId' } });
    it = app.ok('items.createAction', { itemId, text: 'Contact Leicester CME officer', ownerId: officer.id, dueDate: it.defaultDueDate });
    expect(it.defaultDueDate).toBe('2027-01-11'); // the day before the next meeting
    it = app.ok('items.createAction', { itemId, text: 'Check S2S', ownerId: officer.id, dueDate: '2027-01-11' });
    expect(it.actionsAgreed.map((a: { text: string }) => a.text)).toEqual(['Contact Leicester CME officer', 'Check S2S']);
    // At an item the escalation climbs the same ladder as between meetings: no level above its top rung.
    expect(app.dispatch('items.createEscalation', { itemId, reason: 'no_progress', level: 9, levelTitle: 'Chief Executive' })).toMatchObject({ ok: false, error: { field: 'level' } });
    it = app.ok('items.createEscalation', { itemId, reason: 'no_progress', level: 1, levelTitle: 'Inclusion Officer', escalatedTo: 'Head of Service', asked: 'Approve an out-of-area visit' });
    expect(it.escalations).toHaveLength(1);

    const caseDetail = app.ok('cases.get', { id: it.case.caseId });
    expect(caseDetail.case.rag).toBe('red');
    const hist = app.ok('audit.forCase', { caseId: it.case.caseId });
    expect(hist.some((h: { source: string; field: string }) => h.source === `meeting:${meetingId}` && h.field === 'rag')).toBe(true);
  });

  it('reviews an earlier action at the next meeting', () => {
    // Close this meeting, start the next, and the two actions come back for review.
    app.ok('meetings.close', { id: meetingId });
    const next = app.ok('meetings.list').find((m: { date: string }) => m.date === '2027-01-12');
    let d = app.ok('meetings.buildAgenda', { id: next.id });
    expect(d.mattersArising.map((a: { text: string }) => a.text)).toEqual(expect.arrayContaining(['Contact Leicester CME officer', 'Check S2S']));
    const caseId = app.ok('meetings.item', { itemId }).case.caseId;
    // Rated red last time: proposed, or (when more reds than places) first in line on "also eligible".
    const waiting = d.alsoEligible.find((e: { caseId: number }) => e.caseId === caseId);
    if (waiting) {
      expect(waiting.reasons.map((r: { code: string }) => r.code)).toContain('red');
      d = app.ok('agenda.bringIn', { meetingId: next.id, caseIds: [caseId] });
    }
    const item = d.items.find((i: { caseId: number | null }) => i.caseId === caseId);
    expect(item.reasons.map((r: { code: string }) => r.code)).toContain('red');
    d = app.ok('meetings.start', { id: next.id });
    let it = app.ok('meetings.item', { itemId: item.id });
    expect(it.case.openActions).toHaveLength(2);
    const [a1, a2] = it.case.openActions;
    it = app.ok('items.reviewAction', { itemId: item.id, actionId: a1.id, outcome: 'done' });
    expect(app.dispatch('items.reviewAction', { itemId: item.id, actionId: a2.id, outcome: 'carried_forward' })).toMatchObject({ ok: false, error: { field: 'reason' } });
    it = app.ok('items.reviewAction', { itemId: item.id, actionId: a2.id, outcome: 'carried_forward', reason: 'Leicester have not replied', newDueDate: '2027-02-08' });
    expect(it.case.openActions.map((a: { reviewedHere: string }) => a.reviewedHere)).toEqual(['done', 'carried_forward']);

    // Undo the carry-forward: the action is open again, unreviewed, with its old due date.
    expect(app.ok('meetings.undo', { id: next.id }).undone).toBeTruthy();
    it = app.ok('meetings.item', { itemId: item.id });
    const back = it.case.openActions.find((a: { id: number }) => a.id === a2.id);
    expect(back).toMatchObject({ status: 'open', reviewedHere: null, dueDate: '2027-01-11', carriedCount: 0 });
  });

  it('shows the projector no full names unless the chair shows them for one item', () => {
    const next = app.ok('meetings.list').find((m: { date: string }) => m.date === '2027-01-12');
    const d = app.ok('meetings.get', { id: next.id });
    const caseItem = d.items.find((i: { kind: string; removed: boolean }) => i.kind === 'case' && !i.removed);
    app.ok('meetings.goto', { id: next.id, itemId: caseItem.id });
    let v = app.ok('projector.view', { id: next.id });
    const [forenames, surname] = [caseItem.caseName.split(' ')[0], caseItem.caseName.split(' ').slice(1).join(' ')];
    const text = JSON.stringify(v);
    expect(text).not.toContain(forenames);
    expect(text).not.toContain(surname);
    expect(v.current.namesShown).toBe(false);
    expect(app.ok('projector.view', { id: next.id, sinceVersion: v.version })).toEqual({ unchanged: true, version: v.version });
    app.ok('projector.control', { id: next.id, action: 'showNames' });
    v = app.ok('projector.view', { id: next.id });
    expect(v.current.displayName).toBe(caseItem.caseName);
    app.ok('projector.control', { id: next.id, action: 'next' });
    v = app.ok('projector.view', { id: next.id });
    expect(v.current.namesShown).toBe(false);
    app.ok('projector.control', { id: next.id, action: 'toggleBlank' });
    expect(app.ok('projector.view', { id: next.id }).blank).toBe(true);
  });

  it('passing over an item does not mark it discussed; marking or recording does (issue 9)', () => {
    const next = app.ok('meetings.list').find((m: { date: string }) => m.date === '2027-01-12');
    const untouched = app.ok('meetings.get', { id: next.id }).items.filter((i: { kind: string; removed: boolean; discussed: boolean }) => i.kind === 'case' && !i.removed && !i.discussed);
    const [a, b, c] = untouched;
    app.ok('meetings.goto', { id: next.id, itemId: a.id });
    app.ok('meetings.goto', { id: next.id, itemId: b.id });
    app.ok('meetings.goto', { id: next.id, itemId: c.id });
    const after = (id: number) => app.ok('meetings.get', { id: next.id }).items.find((i: { id: number }) => i.id === id);
    expect(after(a.id)).toMatchObject({ done: false, discussed: false });
    expect(after(a.id).elapsedSeconds).toBeGreaterThanOrEqual(0);
    app.ok('items.record', { itemId: b.id, discussion: 'Brief update from the EWO.' });
    expect(after(b.id)).toMatchObject({ done: false, discussed: true });
    app.ok('items.record', { itemId: a.id, done: true });
    expect(after(a.id)).toMatchObject({ done: true, discussed: true });
  });

  it('locks approved minutes: later changes are amendments with who, when and why', () => {
    const d0 = app.ok('meetings.get', { id: meetingId });
    expect(d0.meeting.status).toBe('draft');
    const next = app.ok('meetings.list').find((m: { date: string }) => m.date === '2027-01-12');
    const d = app.ok('meetings.approveMinutes', { id: meetingId, atMeetingId: next.id });
    expect(d.meeting).toMatchObject({ status: 'approved', locked: true });
    expect(app.dispatch('items.record', { itemId, discussion: 'changed' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const a = app.ok('meetings.amend', { itemId, field: 'decisions', value: 'Ask Leicester and Nottingham CME officers to check.', reason: 'Chair corrected at approval' });
    expect(a.amendments[0]).toMatchObject({ actor: 'Test Officer', reason: 'Chair corrected at approval', field: 'decisions' });
    expect(a.items.find((i: { id: number }) => i.id === itemId).decisions).toBe('Ask Leicester and Nottingham CME officers to check.');
  });
});
