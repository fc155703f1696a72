import { describe, it, expect, beforeAll } from 'vitest';
import { openTestApp, cmeReferral, type TestApp } from '../../helpers/tempDb';

// QA walk: "Tom Ash" typed as an owner became an outside owner, so the action never reached Tom
// Ashworth-Reid's list, and the redacted minutes read "[child] Ash" (a child on the register is a Tom).
describe('an action owner typed as part of an officer name', () => {
  let app: TestApp;
  let meetingId: number;
  let itemId: number;
  let tom: number;
  const due = '2027-01-11';

  beforeAll(() => {
    app = openTestApp({ today: '2026-12-03' });
    tom = app.ok('officers.create', { name: 'Tom Ashworth-Reid', jobTitle: 'CME Officer', team: 'cme' }).id;
    const caseId = app.ok('referrals.create', cmeReferral({}, { forenames: 'Tom', surname: 'Pemberton' })).caseId;
    const reference = app.ok('cases.get', { id: caseId }).case.reference;
    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    meetingId = app.ok('meetings.create', { panelId: cme.id, date: '2026-12-08', time: '10:00' }).id;
    itemId = app.ok('agenda.addCase', { meetingId, reference }).items.find((i: { caseId: number | null }) => i.caseId === caseId).id;
    app.ok('meetings.start', { id: meetingId });
  });

  it('is refused, naming the field and the officer, and nothing is saved', () => {
    const r = app.dispatch('items.createAction', { itemId, text: 'Visit the family', ownerId: null, ownerText: 'Tom Ash', dueDate: due });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'ownerText', message: 'Owner: "Tom Ash" looks like Tom Ashworth-Reid. Choose them from the list, or, for someone outside the council, type their full name and organisation.' },
    });
    expect(app.ok('meetings.item', { itemId }).actionsAgreed).toHaveLength(0);
  });

  it('is saved as an outside owner when the form says so', () => {
    const d = app.ok('items.createAction', { itemId, text: 'Ask the guest', ownerId: null, ownerText: 'Tom Ash', ownerOutside: true, dueDate: due });
    expect(d.actionsAgreed.map((a: { ownerId: number | null; ownerName: string }) => [a.ownerId, a.ownerName])).toEqual([[null, 'Tom Ash']]);
  });

  it("an officer's own name typed in is saved as that officer", () => {
    const d = app.ok('items.createAction', { itemId, text: 'Visit the family', ownerId: null, ownerText: 'tom ashworth-reid', dueDate: due });
    expect(d.actionsAgreed.at(-1)).toMatchObject({ ownerId: tom, ownerName: 'Tom Ashworth-Reid' });
    expect(app.ok('actions.list').filter((a: { ownerId: number | null }) => a.ownerId === tom).map((a: { text: string }) => a.text)).toEqual(['Visit the family']);
  });

  it("the redacted minutes keep an officer owner's name, though a child on the register is a Tom", () => {
    app.ok('items.createAction', { itemId, text: 'Phone the school', ownerId: tom, dueDate: due });
    app.ok('meetings.close', { id: meetingId });
    const doc = app.ok('minutes.get', { meetingId, variant: 'redacted' });
    const owners = doc.actionsByOwner.map((o: { owner: string }) => o.owner);
    expect(owners).toContain('Tom Ashworth-Reid');
    // The outside owner confirmed above is free text: redacted as before (here as the item's child's initials).
    expect(owners).toContain('T.P. Ash');
    expect(owners).not.toContain('Tom Ash');
  });
});
