import { describe, it, expect, beforeAll } from 'vitest';
import { type TestApp, openDemoTestApp } from '../../helpers/tempDb';
import { MinutesDoc } from '../../../shared/api/minutesSchemas';

const TODAY = '2026-11-25';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const long = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Child { forenames: string; surname: string; knownAs: string | null; dateOfBirth: string }
interface CaseDetail { child: Child; addresses: { line1: string; line2: string | null; postcode: string | null }[]; adults: { name: string; phone: string | null; email: string | null }[] }

// The minutes of a CME panel run through the API on the demo register, full and redacted.
describe('minutes', () => {
  let app: TestApp;
  let meetingId: number;
  const children: CaseDetail[] = [];
  const decisions: string[] = [];
  const actions: string[] = [];

  beforeAll(() => {
    app = openDemoTestApp(TODAY);
    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    const ms = app.ok('meetings.generate', { panelId: cme.id, count: 2 });
    meetingId = ms[0].id;
    let d = app.ok('meetings.buildAgenda', { id: meetingId });
    const [a1, a2] = d.attendance;
    app.ok('attendance.mark', { id: a1.id, status: 'apologies' });
    app.ok('attendance.mark', { id: a2.id, status: 'absent' });
    app.ok('attendance.add', { meetingId, name: 'Dana Whitfield', role: 'DSL, Northbridge Academy', kind: 'guest' });
    d = app.ok('meetings.start', { id: meetingId });
    const caseItems = d.items.filter((i: { kind: string; removed: boolean }) => i.kind === 'case' && !i.removed).slice(0, 3);
    const officers = app.ok('officers.list').filter((o: { active: boolean }) => o.active);

    caseItems.forEach((item: { id: number }, n: number) => {
      app.ok('meetings.goto', { id: meetingId, itemId: item.id });
      const it = app.ok('meetings.item', { itemId: item.id });
      const detail: CaseDetail = app.ok('cases.get', { id: it.case.caseId });
      children.push(detail);
      const c = detail.child;
      const addr = detail.addresses[0];
      const phone = detail.adults.find((a) => a.phone)?.phone ?? '07700 900999';
      // What a minute-taker types in the room: the child's full name, date of birth, address and a phone number.
      const discussion =
        `${c.forenames} ${c.surname} (DOB ${uk(c.dateOfBirth)}, born ${long(c.dateOfBirth)}) was seen at ${addr ? `${addr.line1}${addr.postcode ? `, ${addr.postcode}` : ''}` : 'home'}. ` +
        `${c.forenames}'s mother can be reached on ${phone}. ${c.surname.toUpperCase()} family engaging.`;
      const decision = `Decision ${n + 1}: offer ${c.forenames} a place at Northbridge Academy from the next half term.`;
      decisions.push(decision);
      app.ok('items.record', { itemId: item.id, discussion, decisions: decision, outcome: n === 1 ? 'refer_csc' : 'continue', outcomeDetail: n === 1 ? `Referral for ${c.forenames} ${c.surname} made today` : null });
      const rag = it.case.rag === 'red' ? 'amber' : 'red';
      app.ok('items.setRag', { itemId: item.id, rag, reason: `${c.forenames} not seen since ${uk(c.dateOfBirth)}` });
      if (n === 2) app.ok('items.setLead', { itemId: item.id, officerId: officers[n].id, reason: 'Caseload balance' });
      for (const [k, text] of [`Visit ${c.forenames} ${c.surname} at home (${n + 1}a)`, `Check S2S for ${c.surname} (${n + 1}b)`].entries()) {
        if (n === 1 && k === 1) continue;
        actions.push(text);
        app.ok('items.createAction', { itemId: item.id, text, ownerId: officers[k + n].id, dueDate: it.defaultDueDate });
      }
      for (const a of it.case.openActions.slice(0, 2)) {
        app.ok('items.reviewAction', { itemId: item.id, actionId: a.id, outcome: a.id % 2 ? 'done' : 'carried_forward', reason: a.id % 2 ? null : `Waiting for ${c.forenames}'s school`, newDueDate: a.id % 2 ? null : it.defaultDueDate });
      }
      if (n === 0) {
        app.ok('items.createEscalation', { itemId: item.id, reason: 'no_progress', level: 1, levelTitle: 'Inclusion Officer', escalatedTo: 'Head of Service', asked: `Approve a visit to ${c.forenames} ${c.surname}` });
      }
    });
    const aob = d.items.find((i: { code: string }) => i.code === 'aob');
    const first = children[0]!.child;
    app.ok('items.record', { itemId: aob.id, discussion: `Nothing else, except that ${first.forenames} ${first.surname} was seen in town.` });
    app.ok('meetings.close', { id: meetingId });
  });

  const get = (variant: 'full' | 'redacted') => MinutesDoc.parse(app.ok('minutes.get', { meetingId, variant }));

  it('has the header, attendance, items in order and the next meeting', () => {
    app.ok('settings.setAuthority', { name: 'Northbridge Borough Council', logo: 'data:image/png;base64,iVBORw0KGgo=' });
    const doc = get('full');
    expect(doc.marking).toBe('OFFICIAL-SENSITIVE');
    expect(doc.authority).toEqual({ name: 'Northbridge Borough Council', logo: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(doc.meeting).toMatchObject({ id: meetingId, panelName: 'CME panel', status: 'draft', statusLabel: 'DRAFT' });
    expect(doc.meeting.chair).toBeTruthy();
    expect(doc.attendance.apologies).toHaveLength(1);
    expect(doc.attendance.absent).toHaveLength(1);
    expect(doc.attendance.guests).toEqual([{ name: 'Dana Whitfield', role: 'DSL, Northbridge Academy', note: null }]);
    expect(doc.items.map((i) => i.number)).toEqual(doc.items.map((_, i) => i + 1));
    expect(doc.items[0]!.title).toBe('Welcome and apologies');
    // The Figures item carries the figures the agenda pack did, not "Nothing recorded" (issue 9).
    expect(doc.items.find((i) => i.title === 'Figures')?.discussion).toMatch(/Open now: \d+ \(red \d+/);
    expect(doc.nextMeeting?.date).toBeTruthy();
    expect(doc.variantLabel).toBe('Full minutes');
  });

  it('says the date of the next meeting once: under the standing item when the agenda has it, else at the end', () => {
    const doc = get('full');
    const said = JSON.stringify(doc.items).match(/The next meeting is on/g) ?? [];
    expect(said).toHaveLength(1);
    expect(doc.items.find((i) => i.title === 'Date of next meeting')?.discussion).toMatch(/^The next meeting is on \d\d\/\d\d\/\d{4} at /);
    expect(doc.nextMeetingOnAgenda).toBe(true);
    // An agenda without the standing item (as an agenda made before standing items were): the closing section says it.
    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    const bare = app.ok('meetings.create', { panelId: cme.id, date: '2027-06-02', time: '10:00', venue: null }).id as number;
    app.db.prepare("DELETE FROM agenda_items WHERE meeting_id = ? AND code = 'next_meeting'").run(bare);
    const without = MinutesDoc.parse(app.ok('minutes.get', { meetingId: bare, variant: 'full' }));
    expect(without.nextMeetingOnAgenda).toBe(false);
    expect(without.items.some((i) => i.title === 'Date of next meeting')).toBe(false);
  });

  it('the meeting tells the close confirmation how many members have no attendance recorded, as the minutes list them', () => {
    const d = app.ok('meetings.get', { id: meetingId });
    const doc = get('full');
    const members = doc.attendance.present.length + doc.attendance.apologies.length + doc.attendance.absent.length + doc.attendance.notMarked.length;
    expect(d.attendanceNotRecorded).toEqual({ notRecorded: doc.attendance.notMarked.length, members });
    expect(d.attendanceNotRecorded.notRecorded).toBeGreaterThan(0);
  });

  it('puts every decision and action in the full minutes, with names', () => {
    const doc = get('full');
    const json = JSON.stringify(doc);
    for (const d of decisions) expect(json).toContain(d);
    for (const a of actions) expect(json).toContain(a);
    const agreed = doc.items.flatMap((i) => i.case?.actionsAgreed ?? []);
    expect(agreed).toHaveLength(5);
    expect(doc.actionsByOwner.flatMap((o) => o.actions).filter((a) => a.kind === 'agreed')).toHaveLength(5);
    const first = children[0]!.child;
    expect(agreed.map((a) => a.text)).toContain(`Visit ${first.forenames} ${first.surname} at home (1a)`);
    const c = doc.items.find((i) => i.case)!.case!;
    expect(c.child).toContain(`${first.forenames} ${first.surname}`);
    expect(c.ragChanged).toBe(true);
    expect(c.escalations).toHaveLength(1);
    expect(doc.ragSummary.cases).toBeGreaterThanOrEqual(3);
    const m = doc.ragSummary.movement;
    expect(m.improved + m.same + m.worsened + m.newlyRated).toBe(doc.ragSummary.cases);
    const sum = (r: typeof doc.ragSummary.after) => r.red + r.amber + r.green + r.unrated;
    expect(sum(doc.ragSummary.after)).toBe(doc.ragSummary.cases);
    expect(doc.items.find((i) => i.case?.leadChanged)).toBeTruthy();
  });

  it('counts only the cases discussed; the others are "not reached" (issue 9), and removed cases by reason only', () => {
    const doc = get('full');
    const caseItems = doc.items.filter((i) => i.case);
    const passed = caseItems.filter((i) => i.case!.notReached);
    expect(doc.notReached.map((n) => n.number)).toEqual(passed.map((i) => i.number));
    expect(doc.ragSummary.cases).toBe(caseItems.length - passed.length);
    // Every case with something recorded counts as discussed.
    for (const i of caseItems.filter((x) => x.discussion || x.decisions || x.case!.actionsAgreed.length > 0)) expect(i.case!.notReached).toBe(false);
    expect(JSON.stringify(doc.withdrawn)).not.toMatch(/CME-\d{4}/);
  });

  it('names no child, address, contact or date of birth in the redacted minutes — even typed into the discussion', () => {
    const doc = get('redacted');
    expect(doc.variantLabel).toBe('Redacted for circulation');
    let json = JSON.stringify(doc);
    // Officers keep their names; take them out before looking for the children's.
    const officers: string[] = app.ok('officers.list').map((o: { name: string }) => o.name);
    for (const o of officers.sort((a, b) => b.length - a.length)) json = json.split(o).join('');
    const onAgenda = doc.items.filter((i) => i.case).length + doc.withdrawn.reduce((n, w) => n + w.count, 0);
    expect(onAgenda).toBeGreaterThanOrEqual(3);
    // Every child on the agenda, not only the three discussed.
    const all = app.ok('meetings.get', { id: meetingId }).items.filter((i: { kind: string }) => i.kind === 'case');
    for (const item of all) {
      const detail: CaseDetail = app.ok('cases.get', { id: app.ok('meetings.item', { itemId: item.id }).case.caseId });
      const c = detail.child;
      const words = [...c.forenames.split(/[\s-]+/), ...c.surname.split(/[\s-]+/), c.surname, ...(c.knownAs ? [c.knownAs] : [])].filter((w) => w.length > 1);
      for (const w of words) expect(json, `${w} (${item.caseReference})`).not.toMatch(new RegExp(`(?<![\\p{L}])${escapeRe(w)}(?![\\p{L}])`, 'iu'));
      for (const f of [c.dateOfBirth, uk(c.dateOfBirth), long(c.dateOfBirth)]) expect(json).not.toContain(f);
      for (const a of detail.addresses) for (const line of [a.line1, a.line2, a.postcode]) if (line) expect(json).not.toContain(line);
      for (const a of detail.adults) for (const x of [a.phone, a.email]) if (x) expect(json).not.toContain(x);
    }
    // ...but the decisions and actions are all still there, with initials or a neutral token.
    const d0 = doc.items.find((i) => i.case)!;
    expect(d0.case!.child).toMatch(/^([A-Z]\.)+$/);
    // A forename alone is the child's initials only if no one else on the register has it (issue 11): else "[child]".
    expect(d0.decisions).toMatch(/^Decision 1: offer (?:\[child\]|([A-Z]\.)+) a place at Northbridge Academy/);
    expect(d0.discussion).toContain('[date of birth]');
    expect(d0.discussion).toContain('[contact]');
    expect(doc.items.flatMap((i) => i.case?.actionsAgreed ?? [])).toHaveLength(5);
  });

  it('refuses a logo that is not an image', () => {
    expect(app.dispatch('settings.setAuthority', { name: 'X', logo: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { field: 'logo' } });
    expect(app.ok('settings.setAuthority', { name: 'Northbridge Borough Council', logo: null })).toEqual({ name: 'Northbridge Borough Council', logo: null });
    expect(app.ok('settings.getAuthority')).toEqual({ name: 'Northbridge Borough Council', logo: null });
  });

  it('builds the minutes of an approved meeting of the demo history', () => {
    const past = app.ok('meetings.list').filter((m: { status: string }) => m.status === 'approved');
    for (const m of past) {
      expect(MinutesDoc.parse(app.ok('minutes.get', { meetingId: m.id, variant: 'full' })).items.length).toBeGreaterThan(0);
      const r = MinutesDoc.parse(app.ok('minutes.get', { meetingId: m.id, variant: 'redacted' }));
      expect(r.meeting.statusLabel).toMatch(/^APPROVED on \d\d\/\d\d\/\d{4}$/);
    }
  });
});
