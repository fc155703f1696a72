import { describe, it, expect, beforeAll } from 'vitest';
import { openTestApp, cmeReferral, type TestApp } from '../../helpers/tempDb';
import { AgendaPackDoc, ArchivingFormDoc } from '../../../shared/api/documentSchemas';

const TODAY = '2026-11-25';

// A small register with known answers: two CME cases taken to one panel, then the next panel's
// agenda pack, the archiving form of a long-term case, and what each document is called.
describe('agenda pack, archiving form and document names', () => {
  let app: TestApp;
  let longTermId = 0;
  let newId = 0;
  let firstMeeting = 0;
  let nextMeeting = 0;
  let officerName = '';

  beforeAll(() => {
    app = openTestApp({ today: TODAY });
    const officer = app.ok('officers.create', { name: 'Priya Shah', team: 'education_welfare', jobTitle: 'CME Officer', email: null, active: true });
    officerName = officer.name;
    const old = app.ok(
      'referrals.create',
      {
        ...cmeReferral({ dateNotified: '2026-03-02', lastAttendance: '2026-02-20', source: 'school', lastSchool: 'Ropewalk Primary' }, { forenames: 'Zofia', surname: 'Kowalczyk', dateOfBirth: '2016-04-09' }),
        address: { line1: '14 Tanner Row', town: 'Northbridge', postcode: 'NB3 7QX' },
        adults: [{ name: 'Marta Kowalczyk', relationship: 'Mother', phone: '07700 900123', email: 'marta.k@example.org' }],
      },
    );
    longTermId = old.caseId;
    for (const check of [
      { agency: 'housing', checkedOn: '2026-03-05', checkedBy: 'Priya Shah', outcome: 'Tenancy ended in February' },
      { agency: 'housing', checkedOn: '2026-06-10', checkedBy: 'Priya Shah', outcome: 'No new tenancy found' },
      { agency: 'home_visit', checkedOn: '2026-04-01', checkedBy: 'Priya Shah', outcome: 'No answer; neighbours say the family left' },
      { agency: 's2s_lost_pupil', checkedOn: '2026-05-20', checkedBy: 'Priya Shah', outcome: 'S2S: no match' },
    ]) app.ok('checks.add', { caseId: longTermId, ...check });
    newId = app.ok('referrals.create', cmeReferral({ dateNotified: '2026-10-20' }, { forenames: 'Idris', surname: 'Bello', dateOfBirth: '2012-01-15' })).caseId;
    app.ok('cases.setLeadOfficer', { id: longTermId, officerId: officer.id, reason: null });
    app.ok('cases.setRag', { id: longTermId, rag: 'red', reason: 'Whereabouts unknown for 8 months' });

    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    // The first meeting (held today) discusses the long-term case and agrees an action due before the next.
    firstMeeting = app.ok('meetings.create', { panelId: cme.id, date: TODAY, time: '10:00', venue: 'Civic Centre' }).id;
    nextMeeting = app.ok('meetings.create', { panelId: cme.id, date: '2026-12-09', time: '10:00', venue: 'Civic Centre' }).id;
    app.ok('agenda.addCase', { meetingId: firstMeeting, reference: old.reference });
    // A child on the first meeting's agenda only, named in the minute the pack will quote.
    const leo = app.ok('referrals.create', cmeReferral({ dateNotified: '2026-10-01' }, { forenames: 'Leo', surname: 'Marsh', dateOfBirth: '2013-06-30' }));
    app.ok('agenda.addCase', { meetingId: firstMeeting, reference: leo.reference });
    const d = app.ok('meetings.start', { id: firstMeeting });
    const item = d.items.find((i: { kind: string; caseId: number | null }) => i.kind === 'case' && i.caseId === longTermId);
    app.ok('items.record', { itemId: item.id, discussion: 'Zofia Kowalczyk was last seen at 14 Tanner Row with Leo Marsh.', decisions: 'Try the S2S database again for Zofia.', outcome: 'continue' });
    app.ok('items.createAction', { itemId: item.id, text: 'Call Marta Kowalczyk on 07700 900123', ownerId: officer.id, dueDate: '2026-12-01' });
    app.ok('meetings.close', { id: firstMeeting });

    app.ok('agenda.addCase', { meetingId: nextMeeting, reference: old.reference });
    app.ok('agenda.addCase', { meetingId: nextMeeting, reference: app.ok('cases.get', { id: newId }).case.reference });
  });

  it('the pack lists each case with why it is on the agenda, its summary, open actions and the last minute', () => {
    const pack = AgendaPackDoc.parse(app.ok('agendaPack.get', { meetingId: nextMeeting, variant: 'full' }));
    const cases = pack.items.filter((i) => i.case).map((i) => i.case!);
    expect(cases.map((c) => c.child).sort()).toEqual(['Idris Bello', 'Zofia Kowalczyk']);
    const zofia = cases.find((c) => c.child === 'Zofia Kowalczyk')!;
    expect(zofia.reasons.length).toBeGreaterThan(0);
    expect(zofia).toMatchObject({
      register: 'CME',
      dateNotified: '2026-03-02',
      longTerm: true,
      rag: 'red',
      leadOfficer: officerName,
      school: 'Ropewalk Primary',
      referralReason: 'Whereabouts unknown',
    });
    expect(zofia.checks.count).toBe(4);
    // Newest first, with the agency's name rather than its code.
    expect(zofia.checks.last[0]).toEqual({ agency: 'Housing', checkedOn: '2026-06-10', outcome: 'No new tenancy found' });
    expect(zofia.openActions).toEqual([
      // Due 01/12, before the meeting on 09/12: overdue by the meeting, as the agenda rules count it.
      { text: 'Call Marta Kowalczyk on 07700 900123', owner: officerName, dueDate: '2026-12-01', overdue: true, carried: 0 },
    ]);
    expect(zofia.lastMinute).toMatchObject({ meetingDate: TODAY, discussion: 'Zofia Kowalczyk was last seen at 14 Tanner Row with Leo Marsh.', decisions: 'Try the S2S database again for Zofia.', outcome: 'Continue to monitor' });
    const idris = cases.find((c) => c.child === 'Idris Bello')!;
    expect(idris.lastMinute).toBeNull();
    expect(idris.openActions).toEqual([]);
    expect(pack.summary.cases).toBe(2);
    expect(pack.summary.byRag.red).toBe(1);
    expect(pack.summary).toMatchObject({ overdueActions: 1, overdueAsAt: '2026-12-09' });
    // Standing items come with what the register knows for them.
    const previous = pack.items.find((i) => i.kind === 'standing' && i.title.startsWith('Minutes of the last meeting'))!;
    expect(previous.note).toContain('25/11/2026');
    // Figures: November (the month before the meeting) and the open register now, as Reports counts them.
    const figures = pack.items.find((i) => i.kind === 'standing' && i.title === 'Figures')!;
    expect(figures.note).toBe(
      'November 2026: 0 CME cases opened (0 residing in the area, 0 left), 0 closed (0 residing, 0 left). ' +
        'Open now: 3 (red 1, amber 0, green 0, not rated 2). Long-term (open six months or more): 1.',
    );
  });

  it('the redacted pack names children by initials and takes out names, addresses and contacts from the text', () => {
    const pack = AgendaPackDoc.parse(app.ok('agendaPack.get', { meetingId: nextMeeting, variant: 'redacted' }));
    const text = JSON.stringify(pack);
    for (const s of ['Zofia', 'Kowalczyk', 'Idris', 'Bello', 'Tanner Row', 'NB3 7QX', '07700 900123', '2016-04-09', '2012-01-15', 'Marta', 'Leo', 'Marsh']) {
      expect(text, s).not.toContain(s);
    }
    expect(pack.items.filter((i) => i.case).map((i) => i.case!.child).sort()).toEqual(['I.B.', 'Z.K.']);
    expect(pack.variantLabel).toBe('Agenda pack, redacted for circulation');
    // The officer's name stays.
    expect(text).toContain(officerName);
  });

  it('the archiving form is filled from the checks log: the last check of each database, the last visit, the whole log', () => {
    const form = ArchivingFormDoc.parse(app.ok('archivingForm.get', { caseId: longTermId }));
    expect(form).toMatchObject({
      childName: 'Zofia Kowalczyk',
      dateOfBirth: '2016-04-09',
      lastKnownAddress: '14 Tanner Row, Northbridge, NB3 7QX',
      lastSchool: 'Ropewalk Primary',
      dateOpened: '2026-03-02',
      longTerm: true,
      lastVisit: '2026-04-01',
      checksTotal: 4,
      leadOfficer: officerName,
    });
    expect(form.referredFrom).toMatch(/^School/);
    const row = (label: string) => form.checks.find((c) => c.label.startsWith(label))!;
    expect(row('Housing')).toMatchObject({ lastChecked: '2026-06-10', outcome: 'No new tenancy found' });
    expect(row('S2S')).toMatchObject({ lastChecked: '2026-05-20', outcome: 'S2S: no match' });
    expect(row('Council Tax')).toMatchObject({ lastChecked: null, outcome: null });
    expect(form.intervention.map((c) => c.date)).toEqual(['2026-06-10', '2026-05-20', '2026-04-01', '2026-03-05']);
    // A case open under six months still gets a form, marked as not yet long-term.
    expect(app.ok('archivingForm.get', { caseId: newId }).longTerm).toBe(false);
  });

  it('the archiving form is for CME cases only', () => {
    const pmoe = app.ok('referrals.create', {
      register: 'PMOE',
      child: { forenames: 'Tom', surname: 'Reed', dateOfBirth: '2013-02-02', gender: 'male' },
      case: { dateNotified: '2026-09-01', source: 'school', pmoeSchool: 'Northbridge Academy', pmoeReason: 'reduced_timetable', hoursPerWeek: 10 },
    });
    const r = app.dispatch('archivingForm.get', { caseId: pmoe.caseId });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/PMOE register.*long-term CME/);
  });

  it('names each document for the file and the running header, never by the child', () => {
    const ref = app.ok('cases.get', { id: longTermId }).case.reference;
    expect(app.ok('documents.describe', { kind: 'agenda', id: nextMeeting, variant: 'redacted' })).toMatchObject({
      marking: 'OFFICIAL-SENSITIVE',
      title: 'CME panel – 09/12/2026',
      variantLabel: 'Agenda pack, redacted for circulation',
      fileName: 'agenda-pack-cme-panel-2026-12-09-redacted.pdf',
      route: `#/print/agenda/${nextMeeting}/redacted`,
    });
    expect(app.ok('documents.describe', { kind: 'minutes', id: firstMeeting, variant: 'full' })).toMatchObject({
      variantLabel: 'Full minutes',
      fileName: 'minutes-cme-panel-2026-11-25-full.pdf',
    });
    expect(app.ok('documents.describe', { kind: 'archiving', id: longTermId, variant: 'full' })).toMatchObject({
      title: `Long-term CME case ${ref}`,
      fileName: `archiving-form-${ref.toLowerCase()}.pdf`,
      route: `#/print/archiving/${longTermId}/full`,
    });
  });

  it('refuses a document that does not exist or a variant it does not have, saying which', () => {
    const missing = app.dispatch('documents.describe', { kind: 'minutes', id: 9999, variant: 'full' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
    const redactedForm = app.dispatch('documents.describe', { kind: 'archiving', id: longTermId, variant: 'redacted' });
    expect(redactedForm.ok).toBe(false);
    if (!redactedForm.ok) expect(redactedForm.error.message).toBe('Variant must be "full": the archiving form names the child and has no redacted variant.');
    // Without a variant: the archiving form is full, the others redacted.
    expect(app.ok('documents.describe', { kind: 'archiving', id: longTermId }).route).toBe(`#/print/archiving/${longTermId}/full`);
    expect(app.ok('documents.describe', { kind: 'agenda', id: nextMeeting }).route).toBe(`#/print/agenda/${nextMeeting}/redacted`);
    // A PMOE case is refused before anything is printed.
    const pmoe = app.ok('register.list').find((r: { register: string }) => r.register === 'PMOE');
    const refused = app.dispatch('documents.describe', { kind: 'archiving', id: pmoe.caseId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('conflict');
    const badKind = app.dispatch('documents.describe', { kind: 'letters', id: 1, variant: 'full' });
    expect(badKind.ok).toBe(false);
  });
});

describe('the Figures item counts in words (PMOE QA walk: "1 PMOE cases opened")', () => {
  it('one case opened in the month before the meeting reads "1 CME case opened"', () => {
    const app = openTestApp({ today: '2026-12-10' });
    app.ok('referrals.create', cmeReferral({ dateNotified: '2026-11-12' }, { forenames: 'Ada', surname: 'Quill', dateOfBirth: '2014-02-03' }));
    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    const meetingId = app.ok('meetings.create', { panelId: cme.id, date: '2026-12-15', time: '10:00', venue: 'Civic Centre' }).id;
    const pack = AgendaPackDoc.parse(app.ok('agendaPack.get', { meetingId, variant: 'full' }));
    const figures = pack.items.find((i) => i.kind === 'standing' && i.title === 'Figures')!;
    expect(figures.note).toMatch(/^November 2026: 1 CME case opened \(/);
  });
});
