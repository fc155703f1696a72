import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { type TestApp, openDemoTestApp } from '../../helpers/tempDb';
import type { RegisterRow } from '../../../shared/api/schemas';
import { RegisterQuery } from '../../../shared/api/register';
import { applyFilters, sortRows, summarise } from '../../../shared/register/filters';

// Issue 12: the register screen asks the server for a window of rows. Whatever the view, the rows
// it is sent must be exactly those the whole register, filtered and sorted as the screen did
// before (shared/register/filters.ts), would show at those positions.
describe('register.page: the register a window at a time', () => {
  const TODAY = '2026-11-25';
  let app: TestApp;
  let all: RegisterRow[];
  beforeAll(() => {
    app = openDemoTestApp(TODAY);
    all = app.ok('register.list');
  });
  afterAll(() => app.close());

  const q = (over: Partial<RegisterQuery> = {}): RegisterQuery => RegisterQuery.parse(over);
  const expected = (query: RegisterQuery) => sortRows(applyFilters(all, query), query.sorting).map((r) => r.reference);
  /** Every window of the view, 100 rows at a time, joined. */
  const windows = (query: RegisterQuery) => {
    const out: string[] = [];
    let total = Infinity;
    for (let offset = 0; offset < total; offset += 100) {
      const page = app.ok('register.page', { query, offset, limit: 100 });
      expect(page.offset).toBe(offset);
      total = page.total;
      out.push(...(page.rows as RegisterRow[]).map((r) => r.reference));
    }
    return out;
  };

  it.each<[string, Partial<RegisterQuery>]>([
    ['the default view (open cases, newest first)', {}],
    ['all cases sorted by child', { status: 'all', sorting: [{ id: 'child', desc: false }] }],
    ['closed cases by closure date', { status: 'closed', sorting: [{ id: 'closedOn', desc: true }] }],
    ['open CME cases due for panel, most urgent clocks first', { register: 'CME', dueForPanel: true, sorting: [{ id: 'clocks', desc: true }] }],
    ['red cases, then by days open', { rag: 'red', sorting: [{ id: 'daysOpen', desc: true }, { id: 'reference', desc: false }] }],
    ['cases with no lead officer', { officer: 'unallocated' }],
    ['long-term PMOE cases at checks', { register: 'PMOE', status: 'checks', longTerm: true }],
    ['a search for two words', { search: 'a e', status: 'all' }],
  ])('%s: every window matches the whole register filtered and sorted', (_what, over) => {
    const query = q(over);
    const want = expected(query);
    expect(want.length).toBeGreaterThan(0);
    expect(windows(query)).toEqual(want);
  });

  it('finds a case by surname, reference, and date of birth typed as in the UK', () => {
    const child = all.find((r) => r.status !== 'closed')!;
    const [y, m, d] = child.dateOfBirth.split('-');
    for (const search of [child.surname.toUpperCase(), child.reference.toLowerCase(), `${d}/${m}/${y}`]) {
      const page = app.ok('register.page', { query: q({ search }), offset: 0, limit: 500 });
      expect((page.rows as RegisterRow[]).map((r) => r.caseId), search).toContain(child.caseId);
      expect(page.total).toBe(expected(q({ search })).length);
    }
  });

  it('sends the whole register\'s counts and menus with every window, whatever the filter', () => {
    const page = app.ok('register.page', { query: q({ rag: 'green', search: 'zzzz-no-such-child' }), offset: 0, limit: 10 });
    expect(page.total).toBe(0);
    expect(page.rows).toEqual([]);
    expect(page.summary).toEqual(summarise(all));
  });

  it('shows a change at once: the rows are built again after any write', () => {
    const query = q({ rag: 'none', sorting: [{ id: 'reference', desc: false }] });
    const before = app.ok('register.page', { query, offset: 0, limit: 5 });
    const first = (before.rows as RegisterRow[])[0]!;
    app.ok('cases.setRag', { id: first.caseId, rag: 'red', reason: 'Not seen for a month' });
    const after = app.ok('register.page', { query, offset: 0, limit: 5 });
    expect(after.total).toBe(before.total - 1);
    expect((after.rows as RegisterRow[]).map((r) => r.caseId)).not.toContain(first.caseId);
    const red = app.ok('register.page', { query: q({ search: first.reference }), offset: 0, limit: 5 });
    expect((red.rows as RegisterRow[])[0]).toMatchObject({ caseId: first.caseId, rag: 'red' });
  });

  it('shows a change made without an audit row too (the rows are kept per write, not per audit entry)', () => {
    const query = q({ sorting: [{ id: 'reference', desc: false }] });
    const first = (app.ok('register.page', { query, offset: 0, limit: 1 }).rows as RegisterRow[])[0]!;
    const to = first.rag === 'green' ? 'amber' : 'green';
    app.db.prepare('UPDATE cases SET rag = ? WHERE id = ?').run(to, first.caseId);
    expect((app.ok('register.page', { query, offset: 0, limit: 1 }).rows as RegisterRow[])[0]).toMatchObject({ caseId: first.caseId, rag: to });
  });

  it('register.matching (Export CSV) returns every matching row in view order, not one window', () => {
    const query = q({ status: 'all', sorting: [{ id: 'dateNotified', desc: false }] });
    const m = app.ok('register.matching', { query });
    expect(m.total).toBe(all.length);
    expect((m.rows as RegisterRow[]).map((r) => r.reference)).toEqual(expected(query));
  });

  it('refuses a window larger than 500 rows or a negative offset, naming the field', () => {
    for (const [args, field] of [[{ query: q(), offset: 0, limit: 501 }, 'limit'], [{ query: q(), offset: -1, limit: 10 }, 'offset']] as const) {
      const r = app.dispatch('register.page', args);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(`${r.error.field ?? ''} ${r.error.message}`).toMatch(new RegExp(field, 'i'));
    }
  });
});
