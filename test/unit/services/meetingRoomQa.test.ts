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
});
