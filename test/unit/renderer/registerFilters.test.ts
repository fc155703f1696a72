import { describe, expect, it } from 'vitest';
import type { RegisterRow } from '../../../shared/api/schemas';
import {
  applyFilters,
  buildSearchIndex,
  clocksRank,
  compileFilter,
  normaliseText,
  ragRank,
  reconcileFilters,
  referenceKey,
  RegisterSorter,
  SORT_DESC_FIRST,
  searchTokens,
  sortRows,
  statusRank,
  summarise,
} from '../../../shared/register/filters';
import {
  DEFAULT_COLUMN_VISIBILITY,
  DEFAULT_FILTERS,
  VIEW_STORAGE_KEY,
  clearFilters,
  defaultView,
  filtersDiffer,
  loadView,
  MOVEMENT_CHOICES,
  parseView,
  saveView,
  serialiseView,
  type RegisterFilters,
} from '../../../renderer/src/pages/register/view';

let nextId = 1;
function row(p: Partial<RegisterRow> = {}): RegisterRow {
  const id = nextId++;
  return {
    caseId: id,
    reference: `CME-2026-${String(id).padStart(4, '0')}`,
    ragMovement: null,
    register: 'CME',
    status: 'referred',
    childId: id,
    forenames: 'Alex',
    surname: 'Brown',
    knownAs: null,
    postcode: null,
    formerNames: null,
    upn: null,
    dateOfBirth: '2014-05-01',
    ageYears: 11,
    yearGroup: 7,
    dateNotified: '2026-01-10',
    rag: null,
    leadOfficerId: null,
    leadOfficerName: null,
    school: null,
    flags: [],
    daysOpen: 10,
    dueForPanel: false,
    longTerm: false,
    endOfCsaReached: false,
    concerns: 0,
    urgency: 'routine',
    closedOn: null,
    closureReason: null,
    ...p,
  };
}

const f = (p: Partial<RegisterFilters> = {}): RegisterFilters => ({ ...DEFAULT_FILTERS, status: 'all', ...p });
const refs = (rows: RegisterRow[]) => rows.map((r) => r.reference);

const john = row({ reference: 'CME-2026-0042', forenames: 'John', surname: 'Smith', knownAs: 'Jonno', upn: 'A12345678901B', leadOfficerId: 7, leadOfficerName: 'Priya Shah', school: 'Oak Primary', rag: 'red', flags: ['ehcp', 'lookedAfter'], dueForPanel: true });
const zoe = row({ reference: 'PMOE-2026-0007', register: 'PMOE', forenames: 'Zoë Anne', surname: "O'Neill-Hart", formerNames: 'Zoe Carter', status: 'checks', rag: 'amber', school: 'Elm Academy', leadOfficerId: 8, leadOfficerName: 'Dan Webb', longTerm: true, concerns: 2 });
const closed = row({ reference: 'CME-2025-0100', forenames: 'Mia', surname: 'Jones', status: 'closed', closedOn: '2025-12-01', closureReason: 'on_roll_attending', rag: 'green', endOfCsaReached: true, flags: ['fsm'] });
const atPanel = row({ reference: 'CME-2026-0003', forenames: 'Sam', surname: 'Smithson', status: 'at_panel', leadOfficerId: 7, leadOfficerName: 'Priya Shah' });
const ROWS = [john, zoe, closed, atPanel];

describe('search', () => {
  it('normalises case, accents, apostrophes and spaces', () => {
    expect(normaliseText("  Zoë   O'Neill ")).toBe('zoe oneill');
    expect(searchTokens('  SMITH   jo ')).toEqual(['smith', 'jo']);
  });

  it('finds forenames and surnames, any case', () => {
    expect(refs(applyFilters(ROWS, f({ search: 'john' })))).toEqual(['CME-2026-0042']);
    expect(refs(applyFilters(ROWS, f({ search: 'SMITH' })))).toEqual(['CME-2026-0042', 'CME-2026-0003']);
  });

  it('finds a date of birth as typed in the UK or ISO, and a postcode with or without its space (issue 9)', () => {
    const rows = [row({ reference: 'CME-2026-0100', dateOfBirth: '2014-05-12', postcode: 'SW1A 1AA' }), row({ reference: 'CME-2026-0101', dateOfBirth: '2015-05-12', postcode: 'N1 9GU' })];
    expect(refs(applyFilters(rows, f({ search: '12/05/2014' })))).toEqual(['CME-2026-0100']);
    expect(refs(applyFilters(rows, f({ search: '2014-05-12' })))).toEqual(['CME-2026-0100']);
    expect(refs(applyFilters(rows, f({ search: 'sw1a 1aa' })))).toEqual(['CME-2026-0100']);
    expect(refs(applyFilters(rows, f({ search: 'SW1A1AA' })))).toEqual(['CME-2026-0100']);
    expect(refs(applyFilters(rows, f({ search: 'n1 9gu' })))).toEqual(['CME-2026-0101']);
  });

  it('matches every word in any order ("smith jo" finds John Smith)', () => {
    expect(refs(applyFilters(ROWS, f({ search: 'smith jo' })))).toEqual(['CME-2026-0042']);
    expect(refs(applyFilters(ROWS, f({ search: 'jo   smith' })))).toEqual(['CME-2026-0042']);
    expect(applyFilters(ROWS, f({ search: 'smith mia' }))).toEqual([]);
  });

  it('finds known-as and former names', () => {
    expect(refs(applyFilters(ROWS, f({ search: 'jonno' })))).toEqual(['CME-2026-0042']);
    expect(refs(applyFilters(ROWS, f({ search: 'carter' })))).toEqual(['PMOE-2026-0007']);
  });

  it('ignores accents, apostrophes and hyphens in names', () => {
    expect(refs(applyFilters(ROWS, f({ search: 'zoe oneill' })))).toEqual(['PMOE-2026-0007']);
    expect(refs(applyFilters(ROWS, f({ search: "o'neill-hart" })))).toEqual(['PMOE-2026-0007']);
    expect(refs(applyFilters(ROWS, f({ search: 'oneillhart' })))).toEqual(['PMOE-2026-0007']);
  });

  it('finds a reference, whole or in part, with or without hyphens', () => {
    expect(refs(applyFilters(ROWS, f({ search: 'cme-2026-0042' })))).toEqual(['CME-2026-0042']);
    expect(refs(applyFilters(ROWS, f({ search: 'CME20260042' })))).toEqual(['CME-2026-0042']);
    expect(refs(applyFilters(ROWS, f({ search: 'pmoe' })))).toEqual(['PMOE-2026-0007']);
  });

  it('finds a UPN, any case, typed with spaces', () => {
    expect(refs(applyFilters(ROWS, f({ search: 'a12345678901b' })))).toEqual(['CME-2026-0042']);
    expect(refs(applyFilters(ROWS, f({ search: 'A1234 5678901B' })))).toEqual(['CME-2026-0042']);
  });

  it('a blank search filters nothing', () => {
    expect(compileFilter(f({ search: '   ' }), buildSearchIndex(ROWS))).toBeNull();
    expect(applyFilters(ROWS, f({ search: '   ' }))).toHaveLength(4);
  });
});

describe('filters', () => {
  it('status defaults to open cases (anything not closed)', () => {
    expect(refs(applyFilters(ROWS, { ...DEFAULT_FILTERS }))).toEqual(['CME-2026-0042', 'PMOE-2026-0007', 'CME-2026-0003']);
    expect(applyFilters(ROWS, f({ status: 'all' }))).toHaveLength(4);
    expect(refs(applyFilters(ROWS, f({ status: 'closed' })))).toEqual(['CME-2025-0100']);
    expect(refs(applyFilters(ROWS, f({ status: 'at_panel' })))).toEqual(['CME-2026-0003']);
  });

  it('register', () => {
    expect(refs(applyFilters(ROWS, f({ register: 'PMOE' })))).toEqual(['PMOE-2026-0007']);
    expect(applyFilters(ROWS, f({ register: 'CME' }))).toHaveLength(3);
  });

  it('RAG, including not rated', () => {
    expect(refs(applyFilters(ROWS, f({ rag: 'red' })))).toEqual(['CME-2026-0042']);
    expect(refs(applyFilters(ROWS, f({ rag: 'amber' })))).toEqual(['PMOE-2026-0007']);
    expect(refs(applyFilters(ROWS, f({ rag: 'green' })))).toEqual(['CME-2025-0100']);
    expect(refs(applyFilters(ROWS, f({ rag: 'none' })))).toEqual(['CME-2026-0003']);
  });

  it('lead officer, including unallocated', () => {
    expect(refs(applyFilters(ROWS, f({ officer: 7 })))).toEqual(['CME-2026-0042', 'CME-2026-0003']);
    expect(refs(applyFilters(ROWS, f({ officer: 'unallocated' })))).toEqual(['CME-2025-0100']);
  });

  it('school', () => {
    expect(refs(applyFilters(ROWS, f({ school: 'Elm Academy' })))).toEqual(['PMOE-2026-0007']);
    expect(applyFilters(ROWS, f({ school: 'Nowhere' }))).toEqual([]);
  });

  it('flag', () => {
    expect(refs(applyFilters(ROWS, f({ flag: 'lookedAfter' })))).toEqual(['CME-2026-0042']);
    expect(refs(applyFilters(ROWS, f({ flag: 'fsm' })))).toEqual(['CME-2025-0100']);
  });

  it('clock check boxes', () => {
    expect(refs(applyFilters(ROWS, f({ dueForPanel: true })))).toEqual(['CME-2026-0042']);
    expect(refs(applyFilters(ROWS, f({ longTerm: true })))).toEqual(['PMOE-2026-0007']);
    expect(refs(applyFilters(ROWS, f({ endOfCsa: true })))).toEqual(['CME-2025-0100']);
  });

  it('combines filters with search', () => {
    expect(refs(applyFilters(ROWS, f({ search: 'smith', officer: 7, status: 'at_panel' })))).toEqual(['CME-2026-0003']);
    expect(applyFilters(ROWS, f({ search: 'smith', rag: 'amber' }))).toEqual([]);
  });

  // Speed is the bench's business (npm run bench), not a test's: this checks the answer at 50,000 rows.
  it('finds exactly the rows every word matches among 50,000', () => {
    const many: RegisterRow[] = [];
    for (let i = 0; i < 50_000; i++) many.push(row({ forenames: `Child${i}`, surname: i % 2 ? 'Smith' : 'Jones', reference: `CME-2026-${i + 1}` }));
    const index = buildSearchIndex(many);
    const out = applyFilters(many, f({ search: 'smith child1', status: 'open' }), index);
    // Odd i (Smith) whose number starts with 1: 1, 11, 13, …, 19999 — 5,556 of them.
    const expected = many.filter((_, i) => i % 2 === 1 && String(i).startsWith('1'));
    expect(out.map((r) => r.reference).sort()).toEqual(expected.map((r) => r.reference).sort());
  });
});

describe('menus and sort keys', () => {
  it('summarises counts, officers and schools', () => {
    const s = summarise(ROWS);
    expect(s.open).toBe(3);
    expect(s.closed).toBe(1);
    expect(s.officers).toEqual([{ id: 8, name: 'Dan Webb' }, { id: 7, name: 'Priya Shah' }]);
    expect(s.schools).toEqual(['Elm Academy', 'Oak Primary']);
  });

  it('resets a remembered officer or school that has no cases any more', () => {
    const s = summarise(ROWS);
    const ok = f({ officer: 7, school: 'Oak Primary' });
    expect(reconcileFilters(ok, s)).toBe(ok);
    expect(reconcileFilters(f({ officer: 99, school: 'Gone School' }), s)).toMatchObject({ officer: 'all', school: null });
  });

  it('sorts RAG red > amber > green > not rated, status in case-life order', () => {
    expect([john, zoe, closed, atPanel].map(ragRank)).toEqual([3, 2, 1, 0]);
    expect(statusRank(john)).toBeLessThan(statusRank(zoe));
    expect(statusRank(atPanel)).toBeLessThan(statusRank(closed));
  });

  it('sorts references by number, not by text', () => {
    const a = referenceKey(row({ reference: 'CME-2026-9999' }));
    const b = referenceKey(row({ reference: 'CME-2026-10000' }));
    expect(a < b).toBe(true);
  });

  it('ranks clocks by urgency', () => {
    expect(clocksRank(john)).toBeGreaterThan(clocksRank(zoe));
    expect(clocksRank(atPanel)).toBe(0);
  });
});

describe('sorting', () => {
  it('RAG descending puts red first and not rated last', () => {
    expect(refs(sortRows(ROWS, [{ id: 'rag', desc: true }]))).toEqual(['CME-2026-0042', 'PMOE-2026-0007', 'CME-2025-0100', 'CME-2026-0003']);
    expect(SORT_DESC_FIRST.has('rag')).toBe(true);
  });

  it('sorts children by surname then forenames, ignoring case and accents', () => {
    const rows = [row({ surname: 'smith', forenames: 'Zed' }), row({ surname: 'Ábel', forenames: 'Ann' }), row({ surname: 'Smith', forenames: 'Amy' })];
    expect(sortRows(rows, [{ id: 'child', desc: false }]).map((r) => r.forenames)).toEqual(['Ann', 'Amy', 'Zed']);
  });

  it('puts missing values last in either direction', () => {
    const rows = [row({ school: null }), row({ school: 'Beech' }), row({ school: 'Ash' })];
    expect(sortRows(rows, [{ id: 'school', desc: false }]).map((r) => r.school)).toEqual(['Ash', 'Beech', null]);
    expect(sortRows(rows, [{ id: 'school', desc: true }]).map((r) => r.school)).toEqual(['Beech', 'Ash', null]);
  });

  it('sorts dates as ISO strings and age youngest first', () => {
    const rows = [row({ dateNotified: '2026-02-01', dateOfBirth: '2012-01-01' }), row({ dateNotified: '2025-12-31', dateOfBirth: '2015-06-30' })];
    expect(sortRows(rows, [{ id: 'dateNotified', desc: true }]).map((r) => r.dateNotified)).toEqual(['2026-02-01', '2025-12-31']);
    expect(sortRows(rows, [{ id: 'ageYear', desc: false }]).map((r) => r.dateOfBirth)).toEqual(['2015-06-30', '2012-01-01']);
  });

  it('keeps the register order for ties and supports a second sort', () => {
    expect(refs(sortRows(ROWS, [{ id: 'register', desc: false }]))).toEqual(['CME-2026-0042', 'CME-2025-0100', 'CME-2026-0003', 'PMOE-2026-0007']);
    expect(refs(sortRows(ROWS, [{ id: 'register', desc: false }, { id: 'reference', desc: false }]))).toEqual(['CME-2025-0100', 'CME-2026-0003', 'CME-2026-0042', 'PMOE-2026-0007']);
  });

  // Speed is the bench's business (npm run bench); this checks the kept-key sorter's order at 50,000.
  it('sorts 50,000 rows in the order sortRows gives, either way', () => {
    const many: RegisterRow[] = [];
    for (let i = 0; i < 50_000; i++) many.push(row({ surname: `S${(i * 7919) % 50_000}`, forenames: 'A', reference: `CME-2026-${i}` }));
    const sorter = new RegisterSorter(many);
    const all = many.map((_r, i) => i);
    for (const desc of [false, true]) {
      const out = sorter.sort(all, [{ id: 'child', desc }]);
      expect(out.map((i) => many[i]!.reference)).toEqual(refs(sortRows(many, [{ id: 'child', desc }])));
    }
    // S0, S1, S10, S100…: the surnames as a person reads them in a list.
    expect(sorter.sort(all, [{ id: 'child', desc: false }]).slice(0, 3).map((i) => many[i]!.surname)).toEqual(['S0', 'S1', 'S10']);
  });
});

describe('remembered view', () => {
  it('round-trips', () => {
    const v = { ...defaultView(), search: 'smith', register: 'PMOE' as const, officer: 7, school: 'Oak Primary', flag: 'ehcp' as const, longTerm: true, sorting: [{ id: 'rag' as const, desc: true }], columns: { ...DEFAULT_COLUMN_VISIBILITY, upn: true } };
    expect(parseView(serialiseView(v))).toEqual(v);
  });

  it('ignores a corrupt value', () => {
    for (const raw of [null, '', '{not json', 'null', '42', '"text"', '[1,2]', 'undefined']) expect(parseView(raw)).toEqual(defaultView());
  });

  it('keeps the valid fields and defaults the invalid ones', () => {
    const v = parseView(
      JSON.stringify({
        search: 42,
        register: 'XYZ',
        status: 'closed',
        rag: 'purple',
        officer: -3,
        school: '',
        flag: 'notAFlag',
        dueForPanel: 'yes',
        longTerm: true,
        sorting: [{ id: 'nope', desc: true }],
        columns: { upn: true, reference: false, bogus: true, school: 'no' },
      }),
    );
    expect(v).toMatchObject({ search: '', register: 'all', status: 'closed', rag: 'all', officer: 'all', school: null, flag: 'all', dueForPanel: false, longTerm: true, sorting: [] });
    expect(v.columns).toEqual({ ...DEFAULT_COLUMN_VISIBILITY, upn: true });
    expect('bogus' in v.columns).toBe(false);
  });

  it('loads from and saves to storage under panel.registerView.v1, surviving a broken storage', () => {
    const mem = new Map<string, string>();
    const store = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, val: string) => void mem.set(k, val) };
    const v = { ...defaultView(), rag: 'red' as const };
    saveView(store, v);
    expect(mem.has(VIEW_STORAGE_KEY)).toBe(true);
    expect(loadView(store)).toEqual(v);
    mem.set(VIEW_STORAGE_KEY, '{"rag":');
    expect(loadView(store)).toEqual(defaultView());
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(loadView(broken)).toEqual(defaultView());
    expect(() => saveView(broken, v)).not.toThrow();
  });

  it('clear filters keeps sorting and columns', () => {
    const v = { ...defaultView(), search: 'x', rag: 'red' as const, sorting: [{ id: 'child' as const, desc: false }], columns: { ...DEFAULT_COLUMN_VISIBILITY, upn: true } };
    expect(filtersDiffer(v)).toBe(true);
    const c = clearFilters(v);
    expect(filtersDiffer(c)).toBe(false);
    expect(c.sorting).toEqual(v.sorting);
    expect(c.columns.upn).toBe(true);
  });
});

describe('RAG since last panel', () => {
  const worse = row({ reference: 'CME-2026-0101', rag: 'red', ragMovement: 'worsened' });
  const better = row({ reference: 'CME-2026-0102', rag: 'green', ragMovement: 'improved' });
  const same = row({ reference: 'CME-2026-0103', rag: 'amber', ragMovement: 'same' });
  const fresh = row({ reference: 'CME-2026-0104', rag: 'amber', ragMovement: 'new' });
  const unrated = row({ reference: 'CME-2026-0105', rag: null, ragMovement: null });
  const MOVED = [worse, better, same, fresh, unrated];

  it.each([
    ['all', ['CME-2026-0101', 'CME-2026-0102', 'CME-2026-0103', 'CME-2026-0104', 'CME-2026-0105']],
    ['worsened', ['CME-2026-0101']],
    ['improved', ['CME-2026-0102']],
    ['same', ['CME-2026-0103']],
    ['new', ['CME-2026-0104']],
  ] as const)('%s', (movement, expected) => {
    expect(refs(applyFilters(MOVED, f({ movement })))).toEqual(expected);
  });

  it('offers All / Worsened / Improved / Unchanged / Newly rated', () => {
    expect(MOVEMENT_CHOICES.map((m) => m.label)).toEqual(['All', 'Worsened', 'Improved', 'Unchanged', 'Newly rated']);
  });

  it('is a filter: counts for Clear filters and is cleared by it', () => {
    const v = { ...defaultView(), movement: 'worsened' as const };
    expect(filtersDiffer(v)).toBe(true);
    expect(clearFilters(v).movement).toBe('all');
  });

  it('is remembered in the saved view, and views stored before it existed still load', () => {
    const v = { ...defaultView(), movement: 'improved' as const, rag: 'red' as const };
    expect(parseView(serialiseView(v))).toEqual(v);
    const old = JSON.parse(serialiseView({ ...defaultView(), rag: 'amber' })) as Record<string, unknown>;
    delete old.movement;
    expect(parseView(JSON.stringify(old))).toEqual({ ...defaultView(), rag: 'amber' });
    expect(parseView(JSON.stringify({ ...old, movement: 'sideways' })).movement).toBe('all');
  });
});
