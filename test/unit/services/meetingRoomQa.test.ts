import { describe, it, expect, beforeAll } from 'vitest';
import { openTestApp, cmeReferral, type TestApp } from '../../helpers/tempDb';

// Defects found walking the monthly CME panel as the room would (QA pass): each test fails without its fix.
describe('the meeting room after a QA walk', () => {
  let app: TestApp;
  let meetingId: number;
  let itemId: number;
  let caseId: number;
  const TODAY = '2026-12-03';

  beforeAll(() => {
    app = openTestApp({ today: TODAY });
    caseId = app.ok('referrals.create', cmeReferral({}, { forenames: 'Siobhan', surname: "O'Neill" })).caseId;
    const reference = app.ok('cases.get', { id: caseId }).case.reference;
    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    meetingId = app.ok('meetings.create', { panelId: cme.id, date: '2026-12-08', time: '10:00' }).id;
    const d = app.ok('agenda.addCase', { meetingId, reference });
    itemId = d.items.find((i: { caseId: number | null }) => i.caseId === caseId).id;
    app.ok('meetings.start', { id: meetingId });
  });

  it('the action tracker names an outside agency that owns an action agreed at panel, as the meeting does', () => {
    const d = app.ok('items.createAction', { itemId, text: 'Check S2S for the family', ownerId: null, ownerText: 'Cardiff CME team', dueDate: '2027-01-11' });
    expect(d.actionsAgreed.map((a: { ownerName: string | null }) => a.ownerName)).toEqual(['Cardiff CME team']);
    const tracked = app.ok('actions.list').filter((a: { caseId: number }) => a.caseId === caseId);
    expect(tracked.map((a: { ownerId: number | null; ownerName: string | null }) => [a.ownerId, a.ownerName])).toEqual([[null, 'Cardiff CME team']]);
    expect(app.ok('cases.tracking', { caseId }).actions.map((a: { ownerName: string | null }) => a.ownerName)).toEqual(['Cardiff CME team']);
  });

  it('refuses an escalation whose response is due before it is raised, at a panel item, between meetings and up the ladder', () => {
    const before = app.ok('meetings.item', { itemId }).escalations.length;
    const past = { itemId, reason: 'other', level: 1, levelTitle: 'Head of Service', responseDue: '2020-01-01' };
    // Raised at a meeting held on 08/12/2026 but closed early, on 03/12: raised on 03/12.
    expect(app.dispatch('items.createEscalation', past)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'responseDue', message: expect.stringMatching(/01\/01\/2020 is before the escalation is raised \(03\/12\/2026\)/) } });
    expect(app.dispatch('items.createEscalation', { ...past, responseDue: '2026-12-02' })).toMatchObject({ ok: false, error: { field: 'responseDue' } });
    expect(app.ok('meetings.item', { itemId }).escalations).toHaveLength(before);
    const d = app.ok('items.createEscalation', { ...past, responseDue: TODAY });
    const raised = d.escalations.at(-1);
    expect(raised).toMatchObject({ raisedOn: TODAY, responseDue: TODAY });
    // Up the ladder (escalations.escalate) the next step is raised today: the same rule.
    expect(app.dispatch('escalations.escalate', { id: raised.id, asked: 'Decide', responseDue: '2026-12-01' })).toMatchObject({ ok: false, error: { field: 'responseDue' } });
    expect(app.dispatch('escalations.create', { caseId, reason: 'other', level: 1, responseDue: '2026-12-02' })).toMatchObject({ ok: false, error: { field: 'responseDue' } });
    expect(app.ok('escalations.escalate', { id: raised.id, asked: 'Decide', responseDue: '2026-12-10' })).toMatchObject({ level: 2 });
  });

  it('refuses a save typed over text another window has changed since, instead of replacing it (two windows on one item)', () => {
    // Window A and window B open the item with nothing written; A saves first.
    app.ok('items.record', { itemId, discussion: 'Window A: mother phoned the school on Monday.', base: { discussion: '' } });
    // B, still on the empty text, would have replaced A's words.
    const b = app.dispatch('items.record', { itemId, discussion: 'Window B: EWO visited on Tuesday.', base: { discussion: '' } });
    expect(b).toMatchObject({ ok: false, error: { code: 'conflict', field: 'base.discussion', message: expect.stringMatching(/changed in another window/) } });
    expect(app.ok('meetings.item', { itemId }).item.discussion).toBe('Window A: mother phoned the school on Monday.');
    // From A's text (as saved: trimmed), B's save goes through; so does one that does not say what it started from.
    const merged = 'Window A: mother phoned the school on Monday.\n\nWindow B: EWO visited on Tuesday.';
    expect(app.ok('items.record', { itemId, discussion: merged, base: { discussion: ' Window A: mother phoned the school on Monday. ' } }).item.discussion).toBe(merged);
    // Another field's base is checked only when that field is written.
    expect(app.ok('items.record', { itemId, decisions: 'Home visit by the EWO.', base: { decisions: null, discussion: 'stale' } }).item.decisions).toBe('Home visit by the EWO.');
    expect(app.dispatch('items.record', { itemId, decisions: 'x', base: { decisions: 'stale' } })).toMatchObject({ ok: false, error: { field: 'base.decisions' } });
  });
});

describe('adding by reference a case the builder listed as also eligible (QA walk)', () => {
  it('brings it in once, with its reasons, and takes it off the list; "Bring in" cannot add it a second time', () => {
    const app = openTestApp({ today: '2026-12-03' });
    // Three children not located four weeks after notification: all due for panel.
    for (const forenames of ['Zoë', 'Siân', 'Aoife']) app.ok('referrals.create', cmeReferral({}, { forenames, surname: "O'Neill" }));
    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    const { members, ...panel } = cme;
    app.ok('panels.save', { ...panel, members: members.map((m: { role: string; officerId: number | null }) => ({ role: m.role, officerId: m.officerId })), capacity: 1 });
    const meetingId = app.ok('meetings.create', { panelId: cme.id, date: '2026-12-08', time: '10:00' }).id;
    const built = app.ok('meetings.buildAgenda', { id: meetingId });
    expect(built.alsoEligibleCount).toBe(2);
    const other = built.alsoEligible[0];

    const d = app.ok('agenda.addCase', { meetingId, reference: other.reference });
    const items = d.items.filter((i: { caseId: number | null; removed: boolean }) => i.caseId === other.caseId && !i.removed);
    expect(items).toHaveLength(1);
    // Why the rules want it, and who added it (a case added by hand stays on a rebuild).
    expect(items[0].reasons.map((r: { code: string }) => r.code)).toEqual(['due_for_panel', 'added_by_hand']);
    expect(items[0].addedByHand).toBe(true);
    expect(d.alsoEligible.map((x: { caseId: number }) => x.caseId)).not.toContain(other.caseId);
    expect(d.alsoEligibleCount).toBe(1);

    expect(app.dispatch('agenda.bringIn', { meetingId, caseIds: [other.caseId] })).toMatchObject({ ok: false, error: { field: 'caseIds', message: `${other.reference} is already on this agenda.` } });
    const after = app.ok('meetings.get', { id: meetingId });
    expect(after.items.filter((i: { caseId: number | null }) => i.caseId === other.caseId)).toHaveLength(1);
    app.close();
  });
});


describe('adding by reference a case the builder never listed (QA walk)', () => {
  it('gives it the reasons the rules give it now, beside who added it', () => {
    const app = openTestApp({ today: '2026-12-03' });
    app.ok('referrals.create', cmeReferral({}, { forenames: 'Zoë', surname: 'Evans' }));
    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    const meetingId = app.ok('meetings.create', { panelId: cme.id, date: '2026-12-08', time: '10:00' }).id;
    app.ok('meetings.buildAgenda', { id: meetingId });
    // Referred after the agenda was built, so never on its "also eligible" list.
    const late = app.ok('referrals.create', cmeReferral({}, { forenames: 'Siân', surname: "O'Neill" })).caseId;
    const reference = app.ok('cases.get', { id: late }).case.reference;
    const d = app.ok('agenda.addCase', { meetingId, reference });
    const item = d.items.find((i: { caseId: number | null }) => i.caseId === late);
    expect(item.reasons.map((r: { code: string }) => r.code)).toEqual(['due_for_panel', 'added_by_hand']);
    app.close();
  });
});

describe('a panel seat with no one named in it, in the minutes (QA walk)', () => {
  it('is listed by its role once, "no one named", not as "(Role), Role"', () => {
    const app = openTestApp({ today: '2026-12-03' }); // no officers: every seat of the default panels is empty
    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    const meetingId = app.ok('meetings.create', { panelId: cme.id, date: '2026-12-08', time: '10:00' }).id;
    const [chair, admin] = app.ok('meetings.get', { id: meetingId }).attendance;
    expect([chair.name, admin.name]).toEqual(['(Chair (Systems Lead for Inclusion))', '(CME Administrator)']); // as stored
    app.ok('attendance.mark', { id: chair.id, status: 'present' });
    app.ok('attendance.mark', { id: admin.id, status: 'apologies' });
    app.ok('meetings.start', { id: meetingId });
    app.ok('meetings.close', { id: meetingId });
    for (const variant of ['full', 'redacted'] as const) {
      const doc = app.ok('minutes.get', { meetingId, variant });
      expect(doc.attendance.present).toEqual([{ name: 'Chair (Systems Lead for Inclusion)', role: '', note: 'no one named' }]);
      expect(doc.attendance.apologies).toEqual([{ name: 'CME Administrator', role: '', note: 'no one named' }]);
      const welcome = doc.items.find((i: { title: string }) => i.title === 'Welcome and apologies');
      expect(welcome.discussion).toBe('Apologies were received from CME Administrator.');
    }
    app.close();
  });
});

/** One child referred to CME, and `meet(date)`: a CME meeting with that child's case on its agenda. */
function oneChildAtMeetings(child: { forenames: string; surname: string }) {
  const app = openTestApp({ today: '2026-12-03' });
  const caseId = app.ok('referrals.create', cmeReferral({}, child)).caseId;
  const reference = app.ok('cases.get', { id: caseId }).case.reference;
  const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
  const meet = (date: string) => {
    const id = app.ok('meetings.create', { panelId: cme.id, date, time: '10:00' }).id;
    const d = app.ok('agenda.addCase', { meetingId: id, reference });
    return { id, itemId: d.items.find((i: { caseId: number | null }) => i.caseId === caseId).id };
  };
  return { app, reference, meet };
}

describe('"Last panel" for a case the last meeting did not reach (QA walk)', () => {
  it('is the last meeting that discussed it, with its minute, in the cockpit and the agenda pack', () => {
    const { app, reference, meet } = oneChildAtMeetings({ forenames: 'Zoë', surname: "O'Neill" });
    const october = meet('2026-10-13');
    const november = meet('2026-11-10');
    const december = meet('2026-12-08');
    app.ok('meetings.start', { id: october.id });
    app.ok('items.record', { itemId: october.itemId, discussion: "Seen by the EWO at her grandmother's in Ynys Môn.", decisions: 'Ask Anglesey CME to confirm a school place.' });
    app.ok('meetings.close', { id: october.id });
    app.ok('meetings.start', { id: november.id });
    app.ok('meetings.close', { id: november.id }); // not reached
    const want = { meetingDate: '2026-10-13', discussion: "Seen by the EWO at her grandmother's in Ynys Môn.", decisions: 'Ask Anglesey CME to confirm a school place.' };
    app.ok('meetings.start', { id: december.id });
    expect(app.ok('meetings.item', { itemId: december.itemId }).case.lastMinute).toMatchObject(want);
    const pack = app.ok('agendaPack.get', { meetingId: december.id, variant: 'full' });
    expect(pack.items.find((i: { title: string }) => i.title === reference).case.lastMinute).toMatchObject(want);
    app.close();
  });

  it('lists the actions agreed there, so an item with only an action is not "nothing recorded"', () => {
    const { app, meet } = oneChildAtMeetings({ forenames: 'Siân', surname: 'Evans' });
    const november = meet('2026-11-10');
    const december = meet('2026-12-08');
    app.ok('meetings.start', { id: november.id });
    app.ok('items.createAction', { itemId: november.itemId, text: 'Check S2S for the family', ownerId: null, ownerText: 'Cardiff CME team', dueDate: '2026-12-01' });
    app.ok('items.createAction', { itemId: november.itemId, text: 'Home visit with the EWO', ownerId: null, ownerText: 'EWS', dueDate: '2026-12-01' });
    app.ok('meetings.close', { id: november.id });
    app.ok('meetings.start', { id: december.id });
    expect(app.ok('meetings.item', { itemId: december.itemId }).case.lastMinute).toEqual({
      meetingDate: '2026-11-10', discussion: null, decisions: null, outcome: null, actionsAgreed: ['Check S2S for the family', 'Home visit with the EWO'],
    });
    app.close();
  });
});
