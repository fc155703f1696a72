import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { type TestApp, openDemoTestApp } from '../../helpers/tempDb';
import type { RegisterRow } from '../../../shared/api/schemas';
import { RegisterQuery } from '../../../shared/api/register';
import { unpackRows, type PackedRows } from '../../../shared/register/wire';
import { RegisterWorkingSet, openScopeCovers } from '../../../shared/register/workingSet';

// Issue 12: the register screen holds the open cases (register.workingSet) and answers every view
// of them itself. Whatever the view, and whatever order the officer typed, sorted and filtered in
// (narrowing, cached orders), its rows must be exactly those register.page serves for that view.
describe('register.workingSet: the open cases held by the page', () => {
  const TODAY = '2026-11-25';
  let app: TestApp;
  beforeAll(() => {
    app = openDemoTestApp(TODAY);
  });
  afterAll(() => app.close());

  type Full = { unchanged: false; version: string; today: string; summary: unknown; rows: PackedRows };
  const workingSet = () => app.ok('register.workingSet', { ifNot: null }) as Full;
  const q = (over: Partial<RegisterQuery> = {}): RegisterQuery => RegisterQuery.parse(over);
  /** Every row of the view as the host serves it, window by window. */
  const hostView = (query: RegisterQuery) => {
    const out: number[] = [];
    let total = Infinity;
    for (let offset = 0; offset < total; offset += 500) {
      const page = app.ok('register.page', { query, offset, limit: 500 });
      total = page.total;
      out.push(...(page.rows as RegisterRow[]).map((r) => r.caseId));
    }
    return out;
  };

  it('holds exactly the open cases, in the host\'s order, field for field, with the host\'s summary and today', () => {
    const ws = workingSet();
    expect(ws.unchanged).toBe(false);
    expect(ws.today).toBe(TODAY);
    const rows = unpackRows(ws.rows);
    const list = (app.ok('register.list') as RegisterRow[]).filter((r) => r.status !== 'closed');
    expect(rows.length).toBe(list.length);
    expect(rows.length).toBeGreaterThan(20);
    // Same rows as register.page's default view (open cases, register order) field for field.
    const served = app.ok('register.page', { query: q(), offset: 0, limit: 500 });
    expect(rows.slice(0, served.rows.length)).toEqual(served.rows);
    expect(ws.summary).toEqual(served.summary);
  });

  it('is smaller packed than as row objects', () => {
    const ws = workingSet();
    const packed = JSON.stringify(ws.rows).length;
    const plain = JSON.stringify(unpackRows(ws.rows)).length;
    expect(packed).toBeLessThan(plain * 0.6);
  });

  it('answers "unchanged" for the version it gave until something is written, then sends the new rows', () => {
    const first = workingSet();
    expect(app.ok('register.workingSet', { ifNot: first.version })).toEqual({ unchanged: true, version: first.version, today: TODAY });
    const open = unpackRows(first.rows).find((r) => r.rag !== 'red')!;
    app.ok('cases.setRag', { id: open.caseId, rag: 'red', reason: 'Home visit: no one there for a second time' });
    const after = app.ok('register.workingSet', { ifNot: first.version }) as Full;
    expect(after.unchanged).toBe(false);
    expect(after.version).not.toBe(first.version);
    expect(unpackRows(after.rows).find((r) => r.caseId === open.caseId)?.rag).toBe('red');
  });

  // A session's worth of views in the order an officer might make them: typing (narrowing), going
  // back (cached), sorting, filtering — each compared with the host's answer for the same view.
  const SESSION: Partial<RegisterQuery>[] = [
    {},
    { search: 'a' },
    { search: 'ar' },
    { search: 'ar ' },
    { search: 'ar e' },
    { search: 'ar' },
    { search: 'a' },
    { search: '' },
    { sorting: [{ id: 'child', desc: false }] },
    { sorting: [{ id: 'child', desc: true }] },
    { sorting: [{ id: 'clocks', desc: true }, { id: 'reference', desc: false }] },
    { register: 'PMOE', sorting: [{ id: 'clocks', desc: true }] },
    { register: 'CME', rag: 'red' },
    { register: 'CME', rag: 'none', search: 'e' },
    { status: 'checks', search: 'e' },
    { status: 'checks', search: 'en' },
    { officer: 'unallocated' },
    { dueForPanel: true, sorting: [{ id: 'daysOpen', desc: true }] },
    { longTerm: true, search: '20' },
    { flag: 'ehcp' },
    { movement: 'worsened' },
    { search: 'zzzz-no-such-child' },
    { search: 'ar e', sorting: [{ id: 'school', desc: false }] },
    { search: 'ar', sorting: [{ id: 'school', desc: false }] },
  ];

  it('gives every view of the open cases the host\'s rows in the host\'s order, however the views follow one another', () => {
    const set = new RegisterWorkingSet(unpackRows(workingSet().rows));
    set.indexSome(7); // part-built search text, as when the officer types before idle time finished it
    let nonEmpty = 0;
    for (const over of SESSION) {
      const query = q(over);
      expect(openScopeCovers(query.status)).toBe(true);
      const mine = set.order(query).map((i) => set.rows[i]!.caseId);
      expect(mine, JSON.stringify(over)).toEqual(hostView(query));
      if (mine.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(SESSION.length - 3);
  });

  it('a search that only narrows after other filters changed is not narrowed from the wrong rows', () => {
    const set = new RegisterWorkingSet(unpackRows(workingSet().rows));
    set.order(q({ register: 'PMOE', search: 'a' }));
    // Same search extended, but a different register: must scan again, not narrow PMOE's rows.
    const query = q({ register: 'CME', search: 'ar' });
    expect(set.order(query).map((i) => set.rows[i]!.caseId)).toEqual(hostView(query));
  });
});
