import { describe, it, expect } from 'vitest';
import { openTestApp } from '../helpers/tempDb';
import { contract } from '../../shared/api/contract';
import { METHOD_NAMES } from '../../shared/api/methods';

describe('dispatcher', () => {
  const app = openTestApp();

  it('has exactly the method names the preload allows', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('rejects an unknown method', () => {
    expect(app.dispatch('cases.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(app.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it.each([
    ['cases.get', { id: 'seven' }, 'id', /must be a record number/],
    ['notes.add', { caseId: 1, notedOn: '2026-11-01', text: '' }, 'text', /Note is required/],
    ['officers.create', { name: 'A', team: 'wizards' }, 'team', /Team/],
    ['officers.create', { name: 'A', team: 'cme', email: 'not-an-email' }, 'email', /E-mail is not an e-mail address/],
    ['cases.setRag', { id: 1, rag: 'purple', reason: 'x' }, 'rag', /RAG rating/],
    // One field name, each call's own word for it (QA walk: an action read "Note is required",
    // a minute's decisions "Matches is longer than…").
    ['actions.create', { caseId: 1, text: '', ownerId: null, dueDate: '2026-12-01' }, 'text', /^Action is required/],
    ['items.createAction', { itemId: 1, text: '', dueDate: '2026-12-01' }, 'text', /^Action is required/],
    ['items.record', { itemId: 1, decisions: 'x'.repeat(20_001) }, 'decisions', /^Decisions /],
    ['items.record', { itemId: 1, discussion: 'x'.repeat(20_001) }, 'discussion', /^Discussion /],
    // An emptied date or time box is missing, not malformed.
    ['meetings.update', { id: 1, date: '', time: '10:00', chairId: null, minuteTakerId: null }, 'date', /^Date is required: enter a date$/],
    ['meetings.update', { id: 1, date: '2026-12-08', time: '', chairId: null, minuteTakerId: null }, 'time', /^Time is required: enter a time like 10:00$/],
    ['meetings.update', { id: 1, date: '2026-13-40', time: '10:00', chairId: null, minuteTakerId: null }, 'date', /^Date must be a real date/],
  ])('validates %s input and names the field', (method, args, field, message) => {
    const r = app.dispatch(method, args);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.field).toBe(field);
    expect(r.error.message).toMatch(message);
  });

  it('answers not_found with a message a person can act on', () => {
    const r = app.dispatch('cases.get', { id: 999 });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/no case with record number 999/) } });
  });

  it('rolls back every row of a write that fails part-way', () => {
    // Sibling 2 has a bad date: the main child, sibling 1, and their audit rows must not be saved.
    // (The register already has the audit rows of its default panels, written when it was opened.)
    const rows = () => app.db.prepare('SELECT (SELECT count(*) FROM children) AS children, (SELECT count(*) FROM audit) AS audit').get() as { children: number; audit: number };
    const before = rows();
    expect(before.audit).toBeGreaterThan(0);
    const r = app.dispatch('referrals.create', {
      register: 'CME',
      child: { forenames: 'Ann', surname: 'Lee', dateOfBirth: '2014-01-01', gender: 'female' },
      siblings: [{ forenames: 'Ben', surname: 'Lee', dateOfBirth: '2015-01-01', gender: 'male' }],
      address: { line1: '1 High St', fromDate: '2026-01-01', toDate: '2025-01-01' },
      case: { dateNotified: '2026-10-01', source: 'school', reason: 'whereabouts_unknown' },
    });
    expect(r).toMatchObject({ ok: false, error: { field: 'toDate' } });
    expect(rows()).toEqual({ children: 0, audit: before.audit });
  });
});
