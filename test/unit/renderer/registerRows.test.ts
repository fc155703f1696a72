import { describe, expect, it } from 'vitest';
import type { RegisterRow } from '../../../shared/api/schemas';
import { DEFAULT_FILTERS } from '../../../shared/register/query';
import { packRows, unpackRows } from '../../../shared/register/wire';
import { searchNarrows } from '../../../shared/register/filters';
import type { WorkingSetQuery } from '../../../shared/register/workingSet';
import type { PageReply } from '../../../renderer/src/data/registerWindowController';
import { RegisterRowsController, type WorkingSetReply } from '../../../renderer/src/data/registerRowsController';

// Issue 12: after the first window, the register screen answers views of the open cases from the
// working set it holds, and never shows rows it knows may be out of date as current.

const NAMES = ['Smith', 'Smythe', 'Osei', 'Nowak', 'Ahmed', 'Ó Briain', "O'Neill", 'Kowalska'];
/** Generated open cases with real-looking text. */
function makeRows(n: number, rag: RegisterRow['rag'] = 'amber'): RegisterRow[] {
  return Array.from({ length: n }, (_x, i) => ({
    caseId: i + 1,
    reference: `${i % 3 ? 'CME' : 'PMOE'}-2026-${String(i + 1).padStart(4, '0')}`,
    register: i % 3 ? 'CME' : 'PMOE',
    status: (['referred', 'checks', 'at_panel'] as const)[i % 3]!,
    childId: i + 1,
    forenames: ['Amira', 'Jack', 'Zofia', 'Kwame'][i % 4]!,
    surname: NAMES[i % NAMES.length]!,
    postcode: i % 5 ? `SE${i % 20} ${i % 9}AB` : null,
    knownAs: null,
    formerNames: null,
    upn: i % 2 ? `A${String(100000000000 + i)}` : null,
    dateOfBirth: `2014-0${(i % 9) + 1}-1${i % 10}`,
    ageYears: 11,
    yearGroup: 7,
    dateNotified: `2026-10-${String((i % 28) + 1).padStart(2, '0')}`,
    rag: i % 4 ? rag : null,
    leadOfficerId: i % 6 ? (i % 3) + 1 : null,
    leadOfficerName: i % 6 ? ['Priya Shah', 'Tom Evans', 'Grace Adeyemi'][i % 3]! : null,
    school: i % 7 ? `School ${i % 11}` : null,
    flags: i % 5 === 0 ? ['ehcp'] : [],
    daysOpen: i % 90,
    dueForPanel: i % 8 === 0,
    longTerm: i % 10 === 0,
    endOfCsaReached: false,
    concerns: i % 4,
    urgency: 'normal',
    closedOn: null,
    closureReason: null,
    ragMovement: null,
  }));
}

const view = (over: Partial<WorkingSetQuery> = {}): WorkingSetQuery => ({ ...DEFAULT_FILTERS, sorting: [], ...over });
const keyOf = (q: WorkingSetQuery) => JSON.stringify(q);
const flush = () => new Promise((r) => setTimeout(r, 0));

/** A host whose replies the test releases; `rows` is what it holds now. */
function fakeHost(initial: RegisterRow[]) {
  let rows = initial;
  let version = 1;
  let today = '2026-11-25';
  const pages: { query: WorkingSetQuery; offset: number; release: () => void }[] = [];
  const sets: { ifNot: string | null; release: () => void; fail: () => void }[] = [];
  const summary = () => `summary v${version}`;
  return {
    pages,
    sets,
    write(next: RegisterRow[]) {
      rows = next;
      version++;
    },
    newDay(day: string) {
      today = day;
      version++;
    },
    fetchPage: (query: WorkingSetQuery, offset: number, limit: number) =>
      new Promise<PageReply<string>>((resolve) => {
        const snapshot = rows;
        pages.push({ query, offset, release: () => resolve({ rows: snapshot.slice(offset, offset + limit), total: snapshot.length, summary: summary() }) });
      }),
    fetchWorkingSet: (ifNot: string | null) =>
      new Promise<WorkingSetReply<string>>((resolve, reject) => {
        const v = String(version);
        const snapshot = rows;
        const day = today;
        const s = summary();
        sets.push({
          ifNot,
          release: () => resolve(ifNot === v ? { unchanged: true, version: v, today: day } : { unchanged: false, version: v, today: day, summary: s, rows: packRows(snapshot) }),
          fail: () => reject(new Error('the host is busy')),
        });
      }),
  };
}

function setUp(rows = makeRows(300)) {
  const host = fakeHost(rows);
  const idle: (() => boolean)[] = [];
  let changes = 0;
  const c = new RegisterRowsController<string>({ fetchPage: host.fetchPage, fetchWorkingSet: host.fetchWorkingSet, onChange: () => void changes++, idle: (s) => void idle.push(s) });
  const runIdle = () => {
    while (idle.length) {
      const step = idle.shift()!;
      if (!step()) idle.push(step);
    }
  };
  const show = (q: WorkingSetQuery) => {
    c.setView(keyOf(q), q);
    return c.localView(keyOf(q), q);
  };
  return { host, c, runIdle, show, changes: () => changes };
}

describe('searchNarrows', () => {
  it.each([
    ['', 'a', true],
    ['smi', 'smit', true],
    ['smith', 'smith jo', true],
    ['smith ', 'smith j', true],
    ['jo smith', 'smith jon', true],
    ['Ó Bri', 'o brian', true],
    ['smith', 'smit', false],
    ['smith jo', 'smith', false],
    ['ab', 'a b', false],
    ['a', '', false],
  ])('%j then %j: %s', (prev, next, narrows) => {
    expect(searchNarrows(prev, next)).toBe(narrows);
  });
});

describe('packRows / unpackRows', () => {
  it('gives back equal rows, keys in the same order, and is much smaller than the objects', () => {
    const rows = makeRows(2000);
    const packed = packRows(rows);
    const back = unpackRows(JSON.parse(JSON.stringify(packed)) as typeof packed);
    expect(back).toEqual(rows);
    expect(Object.keys(back[0]!)).toEqual(Object.keys(rows[0]!));
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(rows).length / 2);
  });
  it('keeps nulls and an empty register', () => {
    expect(unpackRows(packRows([]))).toEqual([]);
    const one = makeRows(1);
    expect(unpackRows(packRows(one))).toEqual(one);
  });
});

describe('RegisterRowsController', () => {
  it('draws the first window from the host, then loads the working set and answers views itself, synchronously', async () => {
    const { host, c, show } = setUp();
    expect(show(view())).toBeNull();
    expect(c.mode).toBe('server');
    expect(host.pages).toHaveLength(1);
    expect(host.sets).toHaveLength(0); // not before the first window
    host.pages[0]!.release();
    await flush();
    expect(c.windows.rowAt(0)?.caseId).toBe(1);
    expect(host.sets).toHaveLength(1);
    host.sets[0]!.release();
    await flush();
    expect(c.mode).toBe('local');
    // Typing, sorting and filtering now cost no request at all.
    const smith = show(view({ search: 'smith' }))!;
    expect(smith.order.map((i) => smith.rows[i]!.surname)).toEqual(Array(smith.order.length).fill('Smith'));
    expect(smith.order.length).toBe(Math.ceil(300 / NAMES.length)); // every eighth child is a Smith
    const sorted = show(view({ sorting: [{ id: 'child', desc: false }] }))!;
    expect(sorted.rows[sorted.order[0]!]!.surname).toBe('Ahmed');
    const pmoe = show(view({ register: 'PMOE' }))!;
    expect(pmoe.order.every((i) => pmoe.rows[i]!.register === 'PMOE')).toBe(true);
    expect(host.pages).toHaveLength(1);
    expect(host.sets).toHaveLength(1);
  });

  it('builds search text and sort keys in idle slices, and a search before they are done still finds every row', async () => {
    const { host, c, show, runIdle } = setUp(makeRows(2500));
    show(view());
    host.pages[0]!.release();
    await flush();
    host.sets[0]!.release();
    await flush();
    const early = show(view({ search: 'kowalska' }))!;
    expect(early.order.length).toBe(Math.ceil((2500 - 7) / 8));
    runIdle();
    const later = show(view({ search: 'kowalska', sorting: [{ id: 'school', desc: true }] }))!;
    expect([...later.order].sort((a, b) => a - b)).toEqual(early.order);
    expect(c.mode).toBe('local');
  });

  it('serves closed and all cases a window at a time from the host (history is not held)', async () => {
    const { host, c, show } = setUp();
    show(view());
    host.pages[0]!.release();
    await flush();
    host.sets[0]!.release();
    await flush();
    expect(show(view({ status: 'closed' }))).toBeNull();
    expect(c.mode).toBe('server');
    expect(host.pages.at(-1)!.query.status).toBe('closed');
    expect(show(view({ status: 'all' }))).toBeNull();
    expect(host.pages.at(-1)!.query.status).toBe('all');
    // Back to open cases: answered locally again, no request.
    const n = host.pages.length;
    expect(show(view({ status: 'at_panel' }))).not.toBeNull();
    expect(host.pages).toHaveLength(n);
  });

  it('while closed cases come from the host, the open view just shown stays (stale), not the first window seen long before', async () => {
    const { host, c, show } = setUp();
    show(view());
    host.pages[0]!.release(); // the first window: the default view
    await flush();
    host.sets[0]!.release();
    await flush();
    const typed = view({ search: 'osei' });
    const shown = show(typed)!;
    expect(show(view({ search: 'osei', status: 'closed' }))).toBeNull();
    expect(c.previousView).toBe(shown); // what the officer was looking at, marked stale by the hook
    host.pages.at(-1)!.release();
    await flush();
    expect(c.previousView).toBeNull(); // the host's window for closed cases is here
    expect(c.windows.state?.key).toBe(keyOf(view({ search: 'osei', status: 'closed' })));
  });

  it('after a write, drops the working set at once: the earlier rows stay only as stale until the host answers, then a new working set is loaded', async () => {
    const { host, c, show } = setUp(makeRows(50, 'amber'));
    const q = view({ search: 'osei' });
    show(view());
    host.pages[0]!.release();
    await flush();
    host.sets[0]!.release();
    await flush();
    const before = show(q)!;
    expect(before.rows[before.order[0]!]!.rag).toBe('amber');

    host.write(makeRows(50, 'red'));
    c.invalidate();
    expect(c.localView(keyOf(q), q)).toBeNull(); // never answered from the old rows as current
    expect(c.mode).toBe('server');
    expect(c.previousView?.key).toBe(keyOf(q)); // shown, but marked stale by the hook
    const windowAsk = host.pages.at(-1)!;
    expect(windowAsk.query).toEqual(q);
    windowAsk.release();
    await flush();
    expect(c.previousView).toBeNull();
    expect(c.windows.state?.key).toBe(keyOf(q));
    expect(c.windows.rowAt(1)?.rag).toBe('red'); // the host's fresh window (row 0 is not rated)
    const reload = host.sets.at(-1)!;
    expect(reload.ifNot).toBeNull();
    reload.release();
    await flush();
    const after = show(q)!;
    expect(after.rows[after.order[0]!]!.rag).toBe('red');
  });

  it('drops a working set that was on its way when a write happened', async () => {
    const { host, c, show } = setUp(makeRows(40, 'amber'));
    show(view());
    host.pages[0]!.release();
    await flush();
    const early = host.sets[0]!; // asked for before the write
    host.write(makeRows(40, 'green'));
    c.invalidate();
    early.release();
    await flush();
    expect(c.mode).toBe('server');
    host.pages.at(-1)!.release();
    await flush();
    host.sets.at(-1)!.release();
    await flush();
    const v = show(view())!;
    expect(v.rows.filter((r) => r.rag !== null).every((r) => r.rag === 'green')).toBe(true);
  });

  it('a new day drops the working set (the clocks have moved)', async () => {
    const { host, c, show } = setUp();
    c.setToday('2026-11-25');
    show(view());
    host.pages[0]!.release();
    await flush();
    host.sets[0]!.release();
    await flush();
    expect(c.mode).toBe('local');
    host.newDay('2026-11-26');
    c.setToday('2026-11-26');
    expect(c.mode).toBe('server');
    host.pages.at(-1)!.release();
    await flush();
    host.sets.at(-1)!.release();
    await flush();
    expect(c.mode).toBe('local');
  });

  it('revalidating asks with the version held: unchanged keeps it, another window\'s write brings the new rows', async () => {
    const { host, c, show } = setUp(makeRows(30, 'amber'));
    show(view());
    host.pages[0]!.release();
    await flush();
    host.sets[0]!.release();
    await flush();
    const held = show(view())!;
    c.revalidate();
    expect(host.sets.at(-1)!.ifNot).toBe('1');
    host.sets.at(-1)!.release();
    await flush();
    expect(show(view())).toBe(held);
    host.write(makeRows(30, 'red'));
    c.revalidate();
    host.sets.at(-1)!.release();
    await flush();
    const fresh = show(view())!;
    expect(fresh).not.toBe(held);
    expect(fresh.rows.find((r) => r.rag !== null)?.rag).toBe('red');
    expect(fresh.summary).toBe('summary v2');
  });

  it('a pushed version it does not hold: asks at once, keeping the rows shown marked as checking until the reply', async () => {
    const { host, c, show, changes } = setUp(makeRows(30, 'amber'));
    show(view());
    host.pages[0]!.release();
    await flush();
    host.sets[0]!.release();
    await flush();
    const held = show(view())!;
    host.write(makeRows(30, 'red'));
    const before = changes();
    c.announce('2');
    expect(c.checking).toBe(true);
    expect(changes()).toBeGreaterThan(before);
    expect(host.sets).toHaveLength(2);
    expect(host.sets[1]!.ifNot).toBe('1');
    // The rows shown stay until the host answers.
    expect(show(view())).toBe(held);
    // More pushes while it asks: one request at a time.
    c.announce('2');
    c.announce('2');
    expect(host.sets).toHaveLength(2);
    host.sets[1]!.release();
    await flush();
    expect(c.checking).toBe(false);
    const fresh = show(view())!;
    expect(fresh.rows.find((r) => r.rag !== null)?.rag).toBe('red');
    // The pushes that came while it asked were for the version it now holds: nothing more is asked.
    expect(host.sets).toHaveLength(2);
    // One for a version the reply did not bring is asked for when the reply is in.
    host.write(makeRows(30, 'green'));
    c.announce('3');
    host.write(makeRows(30, 'amber'));
    c.announce('4');
    expect(host.sets).toHaveLength(3);
    host.sets[2]!.release(); // read at version 3
    await flush();
    expect(host.sets).toHaveLength(4);
    expect(host.sets[3]!.ifNot).toBe('3');
    expect(c.checking).toBe(true);
    host.sets[3]!.release();
    await flush();
    expect(c.checking).toBe(false);
    expect(show(view())!.rows.find((r) => r.rag !== null)?.rag).toBe('amber');
    expect(show(view())).not.toBe(fresh);
  });

  it('a pushed version it already holds (its own write, reloaded) asks nothing', async () => {
    const { host, c, show } = setUp(makeRows(30, 'amber'));
    show(view());
    host.pages[0]!.release();
    await flush();
    host.sets[0]!.release();
    await flush();
    // This window's write: the bus drops the working set, the page reloads it at the new version.
    host.write(makeRows(30, 'red'));
    c.invalidate();
    // The push comes while the working set is on its way: remembered, not asked for.
    c.announce('2');
    host.pages.at(-1)!.release();
    await flush();
    expect(host.sets).toHaveLength(2);
    host.sets[1]!.release();
    await flush();
    expect(c.mode).toBe('local');
    c.announce('2');
    expect(c.checking).toBe(false);
    expect(host.sets).toHaveLength(2);
  });

  it('a push that overtook the working set it loaded (another window wrote meanwhile) asks again once it is in', async () => {
    const { host, c, show } = setUp(makeRows(30, 'amber'));
    show(view());
    host.pages[0]!.release();
    await flush();
    expect(host.sets).toHaveLength(1); // read at version 1
    host.write(makeRows(30, 'red'));
    c.announce('2'); // arrives before the working set's reply
    host.sets[0]!.release();
    await flush();
    expect(host.sets).toHaveLength(2);
    expect(host.sets[1]!.ifNot).toBe('1');
    expect(c.checking).toBe(true);
    host.sets[1]!.release();
    await flush();
    expect(c.checking).toBe(false);
    expect(show(view())!.rows.find((r) => r.rag !== null)?.rag).toBe('red');
  });

  it('stays on server windows when the working set cannot be loaded, and tries again after the next write', async () => {
    const { host, c, show } = setUp();
    show(view());
    host.pages[0]!.release();
    await flush();
    host.sets[0]!.fail();
    await flush();
    expect(c.mode).toBe('server');
    expect(c.windows.rowAt(0)?.caseId).toBe(1);
    c.invalidate();
    host.pages.at(-1)!.release();
    await flush();
    expect(host.sets).toHaveLength(2);
    host.sets[1]!.release();
    await flush();
    expect(c.mode).toBe('local');
  });
});
