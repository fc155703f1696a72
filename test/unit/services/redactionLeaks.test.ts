import { describe, it, expect, beforeAll } from 'vitest';
import { openTestApp, cmeReferral, type TestApp } from '../../helpers/tempDb';
import { CORPUS, ALL_LEAKS, KEPT, leaksIn } from '../../helpers/redactionCorpus';

// Issue 11: the adversarial corpus typed into a meeting (discussion, decisions, RAG reason,
// actions) must leave no identifier in the redacted minutes, in the next meeting's redacted
// agenda pack (which quotes the minute) or on the projector while names are hidden.
const TODAY = '2026-11-25';

describe('redaction of the adversarial corpus in documents and on the projector', () => {
  let app: TestApp;
  let meetingId: number;
  let nextId: number;
  let itemId: number;
  const withoutKept = (s: string) => KEPT.reduce((acc, k) => acc.split(k).join(''), s);
  const leakCount = (doc: unknown) => leaksIn(withoutKept(JSON.stringify(doc)), ALL_LEAKS);

  beforeAll(() => {
    app = openTestApp({ today: TODAY });
    const officer = app.ok('officers.create', { name: CORPUS.officers[0], team: 'inclusion' });
    const refs: string[] = [];
    for (const r of CORPUS.register) {
      const made = app.ok('referrals.create', {
        ...cmeReferral(),
        child: { ...cmeReferral().child, ...r.child },
        siblings: r.siblings ?? [],
        address: r.address ?? null,
        adults: r.adults ?? [],
      });
      if (r.onAgenda) refs.push(String(made.reference ?? app.ok('cases.get', { id: made.caseId }).case.reference));
    }
    const cme = app.ok('panels.list').find((p: { register: string }) => p.register === 'CME');
    const [m1, m2] = app.ok('meetings.generate', { panelId: cme.id, count: 2 });
    meetingId = m1.id;
    nextId = m2.id;
    for (const id of [meetingId, nextId]) for (const reference of refs) app.ok('agenda.addCase', { meetingId: id, reference });
    app.ok('attendance.add', { meetingId, name: CORPUS.deputies[0], role: 'EWO (deputy)', kind: 'deputy', deputyFor: 'Senior EWO' });
    const d = app.ok('meetings.start', { id: meetingId });
    const item = d.items.find((i: { kind: string }) => i.kind === 'case');
    itemId = item.id;
    app.ok('meetings.goto', { id: meetingId, itemId });
    const all = CORPUS.sentences.map((s) => s.text);
    app.ok('items.record', { itemId, discussion: all.join('\n'), decisions: all.slice(0, 20).join(' ') });
    app.ok('items.setRag', { itemId, rag: 'red', reason: all.slice(20, 40).join(' ') });
    const due = app.ok('meetings.item', { itemId }).defaultDueDate;
    for (const text of all) app.ok('items.createAction', { itemId, text, ownerId: officer.id, dueDate: due });
  });

  it('the full minutes hold the identifiers (so the count below is a real count)', () => {
    expect(leakCount(app.ok('minutes.get', { meetingId, variant: 'full' })).length).toBeGreaterThan(30);
  });

  it('the redacted minutes leak nothing, and keep the officer and the deputy named', () => {
    const doc = app.ok('minutes.get', { meetingId, variant: 'redacted' });
    expect(leakCount(doc)).toEqual([]);
    const json = JSON.stringify(doc);
    for (const k of KEPT) expect(json).toContain(k);
  });

  it('the next meeting’s redacted agenda pack, quoting the minute and listing the open actions, leaks nothing', () => {
    app.ok('meetings.close', { id: meetingId });
    const pack = app.ok('agendaPack.get', { meetingId: nextId, variant: 'redacted' });
    const quoted = pack.items.find((i: { case: { lastMinute: unknown } | null }) => i.case?.lastMinute);
    expect(quoted).toBeTruthy();
    expect(leakCount(app.ok('agendaPack.get', { meetingId: nextId, variant: 'full' })).length).toBeGreaterThan(30);
    expect(leakCount(pack)).toEqual([]);
  });

  it('the projector with names hidden leaks nothing; with names shown it shows the text as typed', () => {
    const m2 = app.ok('meetings.start', { id: nextId });
    const item = m2.items.find((i: { kind: string }) => i.kind === 'case');
    app.ok('meetings.goto', { id: nextId, itemId: item.id });
    // The first meeting's actions are open on this case: the projector lists the item's actions.
    const due = app.ok('meetings.item', { itemId: item.id }).defaultDueDate;
    for (const s of CORPUS.sentences) app.ok('items.createAction', { itemId: item.id, text: s.text, ownerId: null, ownerText: s.text.slice(0, 160), dueDate: due });
    const hidden = app.ok('projector.view', { id: nextId });
    expect(hidden.current.actions).toHaveLength(CORPUS.sentences.length);
    expect(hidden.current.namesShown).toBe(false);
    expect(leakCount(hidden)).toEqual([]);
    app.ok('projector.control', { id: nextId, action: 'showNames' });
    const shown = app.ok('projector.view', { id: nextId });
    expect(shown.current.actions.map((a: { text: string }) => a.text)).toEqual(CORPUS.sentences.map((s) => s.text));
  });
});
