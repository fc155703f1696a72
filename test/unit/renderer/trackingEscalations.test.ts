import { describe, expect, it } from 'vitest';
import type { EscalationLogRow } from '../../../shared/api/trackingSchemas';
import { DEFAULT_LADDERS } from '../../../shared/domain/escalation';
import {
  DEFAULT_ESCALATION_FILTERS,
  ESCALATION_SORT_KEYS,
  MASH_NOTIFICATION_LABEL,
  ageLabel,
  escalatedToLabel,
  escalationFiltersDiffer,
  escalationMenus,
  escalationReasonLabel,
  escalationStatusLabel,
  filterEscalations,
  ladderLevelOptions,
  personAt,
  reconcileEscalationFilters,
  stepLines,
  type EscalationFilters,
} from '../../../renderer/src/pages/tracking/escalations';
import { chain, step } from '../../helpers/escalationRows';

const fresh = chain([step({ responseDue: '2026-02-10' })], { caseReference: 'CME-2026-0001', responseOverdue: true, ageDays: 30 });
const climbed = chain(
  [step({ status: 'escalated', raisedBy: 'Dan Webb' }), step({ level: 2, levelTitle: 'Relevant Head of Service', status: 'responded', escalatedTo: 'Jo Bloggs', raisedBy: 'Priya Shah', response: 'Will call the school', respondedOn: '2026-02-12' })],
  { caseReference: 'CME-2026-0010', reason: 'school_duties', ageDays: 20 },
);
const settled = chain([step({ status: 'resolved', resolvedOn: '2026-02-03', outcome: 'Back on roll', raisedBy: 'Sam Lee' })], { caseReference: 'PMOE-2026-0002', reason: 'safeguarding', ageDays: 2, canEscalate: false });
const ALL = [fresh, climbed, settled];

const f = (p: Partial<EscalationFilters> = {}): EscalationFilters => ({ ...DEFAULT_ESCALATION_FILTERS, ...p });
const refs = (xs: EscalationLogRow[]) => xs.map((e) => e.caseReference);

describe('labels', () => {
  it('statuses and reasons read as words', () => {
    expect(escalationStatusLabel('escalated')).toBe('Escalated further');
    expect(escalationStatusLabel('responded')).toBe('Responded');
    expect(escalationReasonLabel('school_duties')).toBe('School not meeting its duties (e.g. deleting a pupil from roll)');
    expect(escalationReasonLabel('made_up')).toBe('made_up');
  });

  it.each([[0, '0 days'], [1, '1 day'], [1200, '1,200 days']])('age %i → %s', (n, text) => {
    expect(ageLabel(n)).toBe(text);
  });

  it('escalated to: the person named on the latest step, else its level title', () => {
    expect(escalatedToLabel(climbed)).toBe('Jo Bloggs');
    expect(escalatedToLabel(fresh)).toBe('Inclusion Officer');
  });

  it('the MASH tick box uses the seed’s words', () => {
    expect(MASH_NOTIFICATION_LABEL).toBe('Notification of concern for MASH and management');
  });
});

describe('filters', () => {
  it.each<[string, Partial<EscalationFilters>, string[]]>([
    ['default: open and responded', {}, ['CME-2026-0001', 'CME-2026-0010']],
    ['all', { status: 'all' }, ['CME-2026-0001', 'CME-2026-0010', 'PMOE-2026-0002']],
    ['responded', { status: 'responded' }, ['CME-2026-0010']],
    ['resolved', { status: 'resolved' }, ['PMOE-2026-0002']],
    ['level 2', { level: 2 }, ['CME-2026-0010']],
    ['level 1, all statuses', { level: 1, status: 'all' }, ['CME-2026-0001', 'PMOE-2026-0002']],
    ['reason', { reason: 'school_duties' }, ['CME-2026-0010']],
    ['officer who raised any step', { officer: 'Dan Webb' }, ['CME-2026-0010']],
    ['officer on two chains', { officer: 'Priya Shah' }, ['CME-2026-0001', 'CME-2026-0010']],
    ['response overdue only', { overdueOnly: true }, ['CME-2026-0001']],
    ['nothing', { reason: 'safeguarding' }, []],
  ])('%s', (_name, p, expected) => {
    expect(refs(filterEscalations(ALL, f(p)))).toEqual(expected);
  });

  it('knows when filters differ from the defaults', () => {
    expect(escalationFiltersDiffer(f())).toBe(false);
    expect(escalationFiltersDiffer(f({ level: 2 }))).toBe(true);
  });
});

describe('menus', () => {
  it('levels (with the ladder’s titles), reasons in vocabulary order, officers by name', () => {
    const m = escalationMenus(ALL, DEFAULT_LADDERS[0]!);
    // Bexley's two rungs (000 §12).
    expect(m.levels.map((l) => l.label)).toEqual(['1 — Relevant Head of Service', "2 — Deputy Director for Education and Specialist Children's Services"]);
    expect(m.reasons.map((r) => r.code)).toEqual(['no_progress', 'school_duties', 'safeguarding']);
    expect(m.officers).toEqual(['Dan Webb', 'Priya Shah', 'Sam Lee']);
  });

  it('resets remembered choices that are gone', () => {
    const m = escalationMenus(ALL);
    const ok = f({ level: 2, reason: 'no_progress', officer: 'Sam Lee' });
    expect(reconcileEscalationFilters(ok, m)).toBe(ok);
    expect(reconcileEscalationFilters(f({ level: 7, reason: 'other', officer: 'Nobody', overdueOnly: true }), m)).toEqual(f({ overdueOnly: true }));
  });
});

describe('timeline', () => {
  it('lists what happened at a step, leaving out what is empty', () => {
    expect(stepLines(climbed.chain[1]!)).toEqual([
      { label: 'To', text: 'Jo Bloggs' },
      { label: 'Raised', text: '01/02/2026 by Priya Shah' },
      { label: 'Response', text: '12/02/2026: Will call the school' },
    ]);
    expect(stepLines(step({ asked: 'Decide on a placement', responseDue: '2026-03-01', peopleInformed: 'MASH', outcome: 'Placed', resolvedOn: '2026-03-02' })).map((l) => l.label)).toEqual([
      'To', 'Asked', 'Raised', 'Response due', 'People informed', 'Outcome',
    ]);
  });
});

describe('sort keys', () => {
  it('response due only counts while the escalation is live', () => {
    expect(ESCALATION_SORT_KEYS.due(fresh)).toBe('2026-02-10');
    expect(ESCALATION_SORT_KEYS.due(settled)).toBeUndefined();
    expect(ESCALATION_SORT_KEYS.status(fresh)).toBeLessThan(ESCALATION_SORT_KEYS.status(settled));
  });
});

describe('ladder choices for a new escalation', () => {
  it('offers the active ladder’s levels and its named people', () => {
    const ladder = { ...DEFAULT_LADDERS[0]!, levels: DEFAULT_LADDERS[0]!.levels.map((l) => (l.level === 1 ? { ...l, person: 'Jo Bloggs' } : l)) };
    expect(ladderLevelOptions(ladder).map((o) => o.label)).toEqual(['1 — Relevant Head of Service (Jo Bloggs)', "2 — Deputy Director for Education and Specialist Children's Services"]);
    expect(personAt(ladder, 1)).toBe('Jo Bloggs');
    expect(personAt(ladder, 2)).toBe('');
    expect(personAt(null, 1)).toBe('');
    expect(ladderLevelOptions(null)).toEqual([]);
  });
});
