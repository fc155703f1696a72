import { describe, expect, it } from 'vitest';
import type { TrackerAction } from '../../../shared/api/trackingSchemas';
import {
  ACTION_STATUS_CHOICES,
  DEFAULT_ACTION_FILTERS,
  actionFiltersDiffer,
  actionMenus,
  actionStatusLabel,
  carriedFlag,
  caseReferenceKey,
  filterActions,
  findCaseByReference,
  normaliseReference,
  printList,
  raisedAtLabel,
  reconcileActionFilters,
  selectAllState,
  selectedShown,
  sortActions,
  toggleAllShown,
  toggleOne,
  type ActionColumnId,
  type ActionFilters,
} from '../../../renderer/src/pages/tracking/actions';

let nextId = 1;
function action(p: Partial<TrackerAction> = {}): TrackerAction {
  const id = nextId++;
  return {
    id,
    caseId: id,
    caseReference: `CME-2026-${String(id).padStart(4, '0')}`,
    meetingId: null,
    agendaItemId: null,
    text: `Action ${id}`,
    ownerId: null,
    ownerName: null,
    dueDate: '2026-03-20',
    status: 'open',
    carriedCount: 0,
    completedOn: null,
    completionNote: null,
    raisedOn: '2026-02-10',
    reviewedHere: null,
    caseName: 'Alex Brown',
    ownerTeam: null,
    panelName: null,
    overdue: false,
    dueThisWeek: false,
    carriedTooOften: false,
    suggestion: null,
    ...p,
  };
}

const priya = { ownerId: 7, ownerName: 'Priya Shah', ownerTeam: 'inclusion' as const };
const dan = { ownerId: 8, ownerName: 'Dan Webb', ownerTeam: 'education_welfare' as const };

const homeVisit = action({ text: 'Home visit', ...priya, panelName: 'CME panel', meetingId: 3, overdue: true, dueDate: '2026-02-01' });
const housing = action({ text: 'Housing check', ...dan, dueThisWeek: true, dueDate: '2026-03-06' });
const carried = action({ text: 'Chase school', ...priya, status: 'carried_forward', carriedCount: 2, carriedTooOften: true, panelName: 'PMOE panel', meetingId: 4 });
const done = action({ text: 'Letter sent', ...dan, status: 'done', completedOn: '2026-02-20', completionNote: 'Posted' });
const dropped = action({ text: 'Call old school', status: 'dropped' });
const ALL = [homeVisit, housing, carried, done, dropped];

const f = (p: Partial<ActionFilters> = {}): ActionFilters => ({ ...DEFAULT_ACTION_FILTERS, ...p });
const texts = (xs: TrackerAction[]) => xs.map((a) => a.text);

describe('labels', () => {
  it.each([
    ['open', 'Open'],
    ['done', 'Done'],
    ['carried_forward', 'Carried forward'],
    ['dropped', 'No longer needed'],
  ] as const)('status %s reads "%s"', (status, label) => {
    expect(actionStatusLabel({ status })).toBe(label);
  });

  it('raised at: panel name and date, or between meetings', () => {
    expect(raisedAtLabel({ panelName: 'CME panel', raisedOn: '2026-02-10' })).toBe('CME panel, 10/02/2026');
    expect(raisedAtLabel({ panelName: null, raisedOn: '2026-02-10' })).toBe('Between meetings, 10/02/2026');
  });

  it.each([
    [0, false, null],
    [1, false, null],
    [2, true, 'Carried forward twice — consider escalating'],
    [3, true, 'Carried forward 3 times — consider escalating'],
  ])('carried %i times (flagged %s)', (carriedCount, carriedTooOften, text) => {
    expect(carriedFlag({ carriedCount, carriedTooOften })).toBe(text);
  });

  it('status menu starts with Open (the default)', () => {
    expect(ACTION_STATUS_CHOICES[0]).toEqual({ code: 'open', label: 'Open' });
    expect(DEFAULT_ACTION_FILTERS.status).toBe('open');
  });
});

describe('filters', () => {
  it.each<[string, Partial<ActionFilters>, string[]]>([
    ['default: open and carried forward', {}, ['Home visit', 'Housing check', 'Chase school']],
    ['all statuses', { status: 'all' }, ['Home visit', 'Housing check', 'Chase school', 'Letter sent', 'Call old school']],
    ['carried forward only', { status: 'carried_forward' }, ['Chase school']],
    ['done', { status: 'done' }, ['Letter sent']],
    ['no longer needed', { status: 'dropped' }, ['Call old school']],
    ['owner', { owner: 7 }, ['Home visit', 'Chase school']],
    ['unassigned', { owner: 'none', status: 'all' }, ['Call old school']],
    ['team', { team: 'education_welfare', status: 'all' }, ['Housing check', 'Letter sent']],
    ['panel by name', { panel: 'CME panel' }, ['Home visit']],
    ['between meetings', { panel: 'between' }, ['Housing check']],
    ['due this week', { dueThisWeek: true }, ['Housing check']],
    ['overdue only', { overdueOnly: true }, ['Home visit']],
    ['due this week or overdue when both are ticked', { dueThisWeek: true, overdueOnly: true }, ['Home visit', 'Housing check']],
    ['combined: owner and panel', { owner: 7, panel: 'PMOE panel' }, ['Chase school']],
    ['nothing matches', { owner: 8, overdueOnly: true }, []],
  ])('%s', (_name, p, expected) => {
    expect(texts(filterActions(ALL, f(p)))).toEqual(expected);
  });

  it('knows when filters differ from the defaults', () => {
    expect(actionFiltersDiffer(f())).toBe(false);
    expect(actionFiltersDiffer(f({ overdueOnly: true }))).toBe(true);
  });
});

describe('menus', () => {
  it('lists owners by name, teams in vocabulary order, panels, unassigned and between meetings', () => {
    const m = actionMenus(ALL);
    expect(m.owners).toEqual([{ id: 8, name: 'Dan Webb' }, { id: 7, name: 'Priya Shah' }]);
    expect(m.teams.map((t) => t.label)).toEqual(['Education Welfare', 'Inclusion']);
    expect(m.panels).toEqual(['CME panel', 'PMOE panel']);
    expect(m.unowned).toBe(true);
    expect(m.between).toBe(true);
  });

  it('resets a remembered owner, team or panel that is gone, and keeps the rest', () => {
    const m = actionMenus(ALL);
    const ok = f({ owner: 7, team: 'inclusion', panel: 'CME panel' });
    expect(reconcileActionFilters(ok, m)).toBe(ok);
    expect(reconcileActionFilters(f({ owner: 99, team: 'sen', panel: 'Gone panel', overdueOnly: true }), m)).toEqual(f({ overdueOnly: true }));
    expect(reconcileActionFilters(f({ panel: 'between', owner: 'none' }), m)).toEqual(f({ panel: 'between', owner: 'none' }));
  });
});

describe('sorting', () => {
  it('references sort by number', () => {
    expect(caseReferenceKey('CME-2026-9999')! < caseReferenceKey('CME-2026-10000')!).toBe(true);
    expect(caseReferenceKey(null)).toBeUndefined();
  });

  it.each<[string, { id: ActionColumnId; desc: boolean }, string[]]>([
    ['due ascending', { id: 'due', desc: false }, ['Home visit', 'Housing check', 'Chase school', 'Letter sent', 'Call old school']],
    ['owner A–Z, unassigned last', { id: 'owner', desc: false }, ['Housing check', 'Letter sent', 'Home visit', 'Chase school', 'Call old school']],
    ['owner Z–A, unassigned still last', { id: 'owner', desc: true }, ['Home visit', 'Chase school', 'Housing check', 'Letter sent', 'Call old school']],
    ['status: open, carried, done, no longer needed', { id: 'status', desc: false }, ['Home visit', 'Housing check', 'Chase school', 'Letter sent', 'Call old school']],
    ['times carried forward, most first', { id: 'carried', desc: true }, ['Chase school', 'Home visit', 'Housing check', 'Letter sent', 'Call old school']],
    ['completed, missing last', { id: 'completed', desc: true }, ['Letter sent', 'Home visit', 'Housing check', 'Chase school', 'Call old school']],
  ])('%s', (_name, by, expected) => {
    expect(texts(sortActions(ALL, by))).toEqual(expected);
  });

  it('no sorting keeps the order given', () => {
    expect(sortActions(ALL, null)).toEqual(ALL);
  });
});

describe('selection', () => {
  it('selects only actions still to do', () => {
    const all = toggleAllShown(ALL, new Set());
    expect([...all].sort()).toEqual([homeVisit.id, housing.id, carried.id].sort());
    expect(selectAllState(ALL, all)).toBe('all');
  });

  it('"Select all shown" clears when everything shown is selected', () => {
    const all = toggleAllShown(ALL, new Set());
    expect(toggleAllShown(ALL, all).size).toBe(0);
  });

  it('reports none, some and all', () => {
    expect(selectAllState(ALL, new Set())).toBe('none');
    expect(selectAllState(ALL, new Set([homeVisit.id]))).toBe('some');
    expect(selectAllState([done, dropped], new Set([done.id]))).toBe('none');
  });

  it('acts only on selected actions that are shown and still to do', () => {
    const sel = new Set([homeVisit.id, housing.id, done.id, 9999]);
    expect(selectedShown([homeVisit, done], sel)).toEqual([homeVisit.id]);
  });

  it('toggles one', () => {
    const s = toggleOne(new Set([1]), 2, true);
    expect([...s]).toEqual([1, 2]);
    expect([...toggleOne(s, 1, false)]).toEqual([2]);
  });
});

describe('print list', () => {
  it("holds one owner's open actions, soonest due first", () => {
    expect(texts(printList(ALL, 7))).toEqual(['Home visit', 'Chase school']);
    expect(texts(printList(ALL, null))).toEqual(['Home visit', 'Housing check', 'Chase school']);
    expect(printList(ALL, 42)).toEqual([]);
  });
});

describe('finding a case by reference', () => {
  const rows = [
    { caseId: 1, reference: 'CME-2026-0042', status: 'checks' },
    { caseId: 2, reference: 'PMOE-2026-0007', status: 'closed' },
  ];

  it.each([
    ['CME-2026-0042', 1],
    ['cme-2026-0042', 1],
    ['  CME 2026 0042 ', 1],
    ['CME2026042', 1],
    ['cme-2026-42', 1],
  ])('"%s" finds case %i', (typed, id) => {
    const r = findCaseByReference(rows, typed);
    expect(r.ok && r.row.caseId).toBe(id);
  });

  it.each([
    ['', 'Enter the case reference'],
    ['CME-2026-0043', 'There is no case CME-2026-0043'],
    ['PMOE-2026-0007', 'is closed'],
    ['Hartley', 'Choose the case from the list'],
  ])('"%s" explains what is wrong', (typed, message) => {
    const r = findCaseByReference(rows, typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('may allow closed cases', () => {
    const r = findCaseByReference(rows, 'pmoe-2026-0007', { allowClosed: true });
    expect(r.ok && r.row.caseId).toBe(2);
  });

  it('normalises references', () => {
    expect(normaliseReference('cme-2026-0042')).toBe(normaliseReference('CME 2026 42'));
    expect(normaliseReference('CME-2026-0042')).not.toBe(normaliseReference('CME-2026-0420'));
  });
});
