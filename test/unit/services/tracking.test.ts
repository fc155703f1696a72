import { describe, it, expect, beforeAll } from 'vitest';
import { openTestApp, cmeReferral, type TestApp } from '../../helpers/tempDb';

describe('between meetings: actions, allocation, RAG history, escalations', () => {
  let app: TestApp;
  let caseId: number;
  let priya: number;
  let sam: number;

  beforeAll(() => {
    app = openTestApp({ today: '2026-11-25' });
    caseId = app.ok('referrals.create', cmeReferral()).caseId;
    priya = app.ok('officers.create', { name: 'Priya Shah', jobTitle: 'CME Officer', team: 'cme' }).id;
    sam = app.ok('officers.create', { name: 'Sam Okoro', jobTitle: 'Education Welfare Officer', team: 'education_welfare' }).id;
  });

  it('keeps every allocation, and reallocates a leaver’s cases with the history kept', () => {
    app.ok('cases.setLeadOfficer', { id: caseId, officerId: priya, reason: 'CME officer for the area' });
    // Priya owns an open action on the case she leads, and one on a case someone else leads (issue 9).
    const other = app.ok('referrals.create', cmeReferral({}, { forenames: 'Bo', dateOfBirth: '2013-01-01' })).caseId;
    const onHers = app.ok('actions.create', { caseId, text: 'Home visit', ownerId: priya, dueDate: '2026-12-10' }).id;
    const onOther = app.ok('actions.create', { caseId: other, text: 'Call the school', ownerId: priya, dueDate: '2026-12-11' }).id;
    app.ok('officers.update', { id: priya, name: 'Priya Shah', jobTitle: 'CME Officer', team: 'cme', active: false });
    const load = app.ok('caseload.get');
    expect(load.needsReallocation).toEqual([expect.objectContaining({ name: 'Priya Shah', cases: [expect.objectContaining({ caseId })] })]);
    expect(load.needsReallocation[0].actions).toEqual([
      expect.objectContaining({ id: onHers, movesWithCase: true }),
      expect.objectContaining({ id: onOther, movesWithCase: false }),
    ]);
    expect(app.ok('cases.reallocate', { caseIds: [caseId], toOfficerId: sam, reason: 'Priya has left' })).toEqual({ moved: 1 });
    const owner = (id: number) => app.ok('actions.list').find((a: { id: number }) => a.id === id).ownerId;
    expect(owner(onHers)).toBe(sam); // went with the case
    expect(app.ok('caseload.get').needsReallocation).toEqual([expect.objectContaining({ name: 'Priya Shah', cases: [], actions: [expect.objectContaining({ id: onOther })] })]);
    app.ok('actions.bulk', { ids: [onOther], op: 'reassign', ownerId: sam });
    expect(owner(onOther)).toBe(sam);
    const t = app.ok('cases.tracking', { caseId });
    expect(t.leadHistory.map((a: { fromName: string | null; toName: string; reason: string }) => [a.fromName, a.toName, a.reason])).toEqual([
      [null, 'Priya Shah', 'CME officer for the area'],
      ['Priya Shah', 'Sam Okoro', 'Priya has left'],
    ]);
    expect(app.ok('caseload.get').needsReallocation).toEqual([]);
    expect(app.dispatch('cases.reallocate', { caseIds: [caseId], toOfficerId: priya, reason: 'x' })).toMatchObject({ ok: false, error: { field: 'toOfficerId' } });
  });

  it('keeps the RAG path with reasons, beside a suggested rating with its rules', () => {
    app.ok('cases.setRag', { id: caseId, rag: 'amber', reason: 'Believed to be with family' });
    app.ok('cases.setRag', { id: caseId, rag: 'red', reason: 'No trace after checks' });
    const t = app.ok('cases.tracking', { caseId });
    expect(t.ragHistory.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([[null, 'amber'], ['amber', 'red']]);
    // Notified 01/10/2026, not located: whereabouts unknown for 55 days -> red.
    expect(t.suggestedRag.rag).toBe('red');
    expect(t.suggestedRag.reasons[0].text).toMatch(/Whereabouts unknown for 55 days/);
  });

  it('tracks actions raised between meetings: overdue, bulk done, reassign', () => {
    const a = app.ok('actions.create', { caseId, text: 'Visit the last known address', ownerId: sam, dueDate: '2026-11-27' });
    expect(a).toMatchObject({ status: 'open', overdue: false, dueThisWeek: true, ownerTeam: 'education_welfare' });
    expect(app.dispatch('actions.create', { caseId, text: 'x', ownerId: sam, dueDate: '2026-11-01' })).toMatchObject({ ok: false, error: { field: 'dueDate' } });
    const b = app.ok('actions.create', { caseId, text: 'Ask the GP surgery', ownerId: sam, dueDate: '2026-12-01' });
    expect(app.ok('actions.bulk', { ids: [a.id, b.id], op: 'reassign', ownerId: sam })).toEqual({ updated: 0 }); // already Sam's
    expect(app.ok('actions.bulk', { ids: [a.id], op: 'done', note: 'Visited: no answer' })).toEqual({ updated: 1 });
    const list = app.ok('actions.list', { caseId });
    expect(list.find((x: { id: number }) => x.id === a.id)).toMatchObject({ status: 'done', completedOn: '2026-11-25', completionNote: 'Visited: no answer' });
  });

  it('takes an escalation up two levels and resolves it, keeping the chain', () => {
    // Redbridge's five rungs (003 App. E); Bexley's default has two (000 §12).
    const ladders = app.ok('ladders.get');
    expect(ladders.active).toBe('bexley');
    app.ok('ladders.save', { ...ladders, active: 'redbridge' });
    let e = app.ok('escalations.create', { caseId, reason: 'school_duties', asked: 'Confirm the school may delete the pupil from roll', responseDue: '2026-12-02' });
    expect(e).toMatchObject({ level: 1, status: 'open', canEscalate: true });
    e = app.ok('escalations.escalate', { id: e.id, asked: 'No reply from the school: Head of Service to write' });
    expect(e).toMatchObject({ level: 2, status: 'open' });
    e = app.ok('escalations.respond', { id: e.id, response: 'Written to the head teacher', respondedOn: '2026-11-25' });
    e = app.ok('escalations.escalate', { id: e.id, asked: 'Deputy Director to decide' });
    expect(e).toMatchObject({ level: 3, canEscalate: true, nextLevelTitle: 'Operational Director for Education and Inclusion' });
    e = app.ok('escalations.escalate', { id: e.id, asked: 'Operational Director to decide' });
    e = app.ok('escalations.escalate', { id: e.id, asked: 'Corporate Director to decide' });
    expect(e).toMatchObject({ level: 5, canEscalate: false, nextLevelTitle: null });
    expect(app.dispatch('escalations.escalate', { id: e.id, asked: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/top of the ladder/) } });
    e = app.ok('escalations.resolve', { id: e.id, outcome: 'Pupil reinstated on roll', resolvedOn: '2026-11-25' });
    expect(e.status).toBe('resolved');
    expect(e.chain.map((s: { level: number; status: string }) => [s.level, s.status])).toEqual([[1, 'escalated'], [2, 'escalated'], [3, 'escalated'], [4, 'escalated'], [5, 'resolved']]);
    expect(app.ok('escalations.list')).toHaveLength(1);
  });

  it('logs a notification of concern for MASH and management as a safeguarding escalation', () => {
    const e = app.ok('escalations.create', { caseId, reason: 'safeguarding', asked: 'CME notification of concern', peopleInformed: 'MASH duty manager; Head of Inclusion' });
    expect(e.chain[0].peopleInformed).toBe('MASH duty manager; Head of Inclusion');
    const d = app.ok('dashboard.get');
    expect(d.escalationsAwaiting.map((x: { id: number }) => x.id)).toContain(e.id);
    expect(d.openByRag.CME.red).toBe(1);
  });

  it('lets a ladder be configured per authority, validated', () => {
    const l = app.ok('ladders.get');
    const saved = app.ok('ladders.save', { ...l, active: 'redbridge' });
    expect(saved.active).toBe('redbridge');
    expect(saved.ladders.find((x: { code: string }) => x.code === 'redbridge').levels).toHaveLength(5);
    expect(app.dispatch('ladders.save', { active: 'nowhere', ladders: l.ladders })).toMatchObject({ ok: false, error: { field: 'active' } });
  });
});
