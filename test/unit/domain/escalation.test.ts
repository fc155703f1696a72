import { describe, it, expect } from 'vitest';
import {
  DEFAULT_LADDERS,
  ESCALATION_REASONS,
  ESCALATION_STATUSES,
  TOP_OF_LADDER_MESSAGE,
  canTransition,
  escalationAge,
  isResponseOverdue,
  nextLevel,
  validateChain,
  validateLadder,
  ladderLevelProblem,
  ladderRung,
  responseDueProblem,
  type EscalationStatus,
  type EscalationStep,
  type Ladder,
} from '../../../shared/domain/escalation';

function ladder(code: string): Ladder {
  const l = DEFAULT_LADDERS.find((x) => x.code === code);
  if (!l) throw new Error(`no ladder ${code}`);
  return l;
}
const redbridge = ladder('redbridge');
/** A three-rung ladder for the mechanics (Bexley's default has two rungs since issue 10). */
const threeRungs: Ladder = {
  code: 'three',
  name: 'Three rungs',
  levels: [
    { level: 1, title: 'Inclusion Officer', person: null },
    { level: 2, title: 'Relevant Head of Service', person: null },
    { level: 3, title: "Deputy Director for Education and Specialist Children's Services", person: null },
  ],
};

describe('DEFAULT_LADDERS', () => {
  it.each([
    // 000 §12: the Inclusion Officer escalates to the Head of Service, who refers to the Deputy Director.
    ['bexley', ['Relevant Head of Service', "Deputy Director for Education and Specialist Children's Services"]],
    [
      'redbridge',
      [
        'Information Officer for Children Missing Education',
        "Vulnerable Children's Officer",
        'Education Welfare Service Operational Manager',
        'Operational Director for Education and Inclusion',
        'Corporate Director of People',
      ],
    ],
  ])('%s has the seed titles in order, levels 1..n, and validates', (code, titles) => {
    const l = ladder(code);
    expect(l.levels.map((x) => x.title)).toEqual(titles);
    expect(l.levels.map((x) => x.level)).toEqual(titles.map((_t, i) => i + 1));
    expect(l.levels.every((x) => x.person === null)).toBe(true);
    expect(validateLadder(l)).toEqual([]);
  });
});

describe('ESCALATION_REASONS', () => {
  it('has the codes and labels the meeting schemas use', () => {
    expect(ESCALATION_REASONS).toEqual([
      { code: 'no_progress', label: 'Intractable / no progress' },
      { code: 'professional_dispute', label: 'Professional dispute' },
      { code: 'school_duties', label: 'School not meeting its duties (e.g. deleting a pupil from roll)' },
      { code: 'safeguarding', label: 'Safeguarding concern' },
      { code: 'no_provision', label: 'No suitable provision available' },
      { code: 'other', label: 'Other' },
    ]);
  });
});

describe('canTransition', () => {
  const allowed: [EscalationStatus, EscalationStatus][] = [
    ['open', 'responded'],
    ['open', 'resolved'],
    ['open', 'escalated'],
    ['responded', 'resolved'],
    ['responded', 'escalated'],
  ];
  const statuses = ESCALATION_STATUSES.map((s) => s.code);
  const table = statuses.flatMap((from) =>
    statuses.map((to) => [from, to, allowed.some(([f, t]) => f === from && t === to)] as const),
  );
  it.each(table)('%s → %s: %s', (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });
});

describe('nextLevel', () => {
  it.each([
    [threeRungs, 0, { level: 1, title: 'Inclusion Officer', person: null }],
    [threeRungs, 1, { level: 2, title: 'Relevant Head of Service', person: null }],
    [threeRungs, 2, { level: 3, title: "Deputy Director for Education and Specialist Children's Services", person: null }],
    [threeRungs, 3, null],
    [redbridge, 4, { level: 5, title: 'Corporate Director of People', person: null }],
    [redbridge, 5, null],
    [redbridge, 9, null],
  ] as const)('%#: level %i → %j', (l, level, expected) => {
    expect(nextLevel(l, level)).toEqual(expected);
  });

  it('carries the named person', () => {
    const named: Ladder = { ...threeRungs, levels: threeRungs.levels.map((x) => (x.level === 2 ? { ...x, person: 'A. Head' } : x)) };
    expect(nextLevel(named, 1)?.person).toBe('A. Head');
    expect(TOP_OF_LADDER_MESSAGE).toBe('Already at the top of the ladder');
  });
});

describe('validateChain', () => {
  const s = (level: number, raisedOn: string, status: EscalationStatus, resolvedOn: string | null = null): EscalationStep => ({
    level,
    raisedOn,
    status,
    resolvedOn,
  });

  it.each([
    ['empty', []],
    ['one open step', [s(2, '2026-03-01', 'open')]],
    ['one responded step', [s(1, '2026-03-01', 'responded')]],
    ['one resolved step', [s(2, '2026-03-01', 'resolved', '2026-03-10')]],
    ['escalated then open', [s(2, '2026-03-01', 'escalated'), s(3, '2026-03-15', 'open')]],
    ['escalated same day', [s(2, '2026-03-01', 'escalated', '2026-03-01'), s(3, '2026-03-01', 'responded')]],
    [
      'three steps, last resolved',
      [s(1, '2026-01-05', 'escalated', '2026-01-20'), s(2, '2026-01-20', 'escalated'), s(3, '2026-02-02', 'resolved', '2026-02-20')],
    ],
  ])('%s → valid', (_name, steps) => {
    expect(validateChain(steps, threeRungs)).toEqual([]);
  });

  it.each([
    ['skipped level', [s(1, '2026-03-01', 'escalated'), s(3, '2026-03-05', 'open')], /level 3 follows level 1/],
    ['level goes down', [s(2, '2026-03-01', 'escalated'), s(1, '2026-03-05', 'open')], /level 1 follows level 2/],
    ['same level twice', [s(2, '2026-03-01', 'escalated'), s(2, '2026-03-05', 'open')], /level 2 follows level 2/],
    ['date going backwards', [s(1, '2026-03-10', 'escalated'), s(2, '2026-03-05', 'open')], /raised on 2026-03-05, before/],
    ['next raised before previous resolved', [s(1, '2026-03-01', 'escalated', '2026-03-10'), s(2, '2026-03-05', 'open')], /before the previous step's date 2026-03-10/],
    ['resolved before raised', [s(1, '2026-03-10', 'resolved', '2026-03-01')], /resolved on 2026-03-01, before it was raised/],
    ['open step before the end', [s(1, '2026-03-01', 'open'), s(2, '2026-03-05', 'open')], /Step 1: is 'open' but a later step follows/],
    ['responded step before the end', [s(1, '2026-03-01', 'responded'), s(2, '2026-03-05', 'open')], /Step 1: is 'responded'/],
    ['resolved step before the end', [s(1, '2026-03-01', 'resolved', '2026-03-02'), s(2, '2026-03-05', 'open')], /Step 1: is 'resolved'/],
    ['last step escalated', [s(1, '2026-03-01', 'escalated')], /no next step/],
    ['resolved without a date', [s(1, '2026-03-01', 'resolved')], /no resolved date/],
    ['open with a resolved date', [s(1, '2026-03-01', 'open', '2026-03-02')], /'open' but has a resolved date/],
    ['level 0', [s(0, '2026-03-01', 'open')], /level 0 is not a level/],
    ['above the top of the ladder', [s(3, '2026-03-01', 'escalated'), s(4, '2026-03-02', 'open')], /above the top of the ladder \(level 3\)/],
    ['bad date', [s(1, '2026-02-30', 'open')], /is not a date/],
  ])('%s → problem', (_name, steps, pattern) => {
    const problems = validateChain(steps, threeRungs);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => pattern.test(p))).toBe(true);
  });

  it('without a ladder, any level 1 or more is fine', () => {
    expect(validateChain([s(7, '2026-03-01', 'escalated'), s(8, '2026-03-02', 'open')])).toEqual([]);
  });

  it('reports every problem, not just the first', () => {
    expect(validateChain([s(1, '2026-03-10', 'open'), s(3, '2026-03-05', 'open')], threeRungs)).toHaveLength(3);
  });
});

describe('escalationAge', () => {
  it.each([
    ['2026-03-01', '2026-03-01', 0],
    ['2026-03-01', '2026-03-15', 14],
    ['2026-02-15', '2026-03-01', 14],
    ['2026-03-10', '2026-03-01', 0],
  ])('raised %s, on %s → %i days', (raised, on, expected) => {
    expect(escalationAge(raised, on)).toBe(expected);
  });
});

describe('isResponseOverdue', () => {
  it.each([
    ['open, due yesterday', 'open', '2026-03-09', true],
    ['open, due today', 'open', '2026-03-10', false],
    ['open, due tomorrow', 'open', '2026-03-11', false],
    ['open, no due date', 'open', null, false],
    ['responded, due yesterday', 'responded', '2026-03-09', false],
    ['resolved, due yesterday', 'resolved', '2026-03-09', false],
    ['escalated, due yesterday', 'escalated', '2026-03-09', false],
  ] as const)('%s → %s', (_name, status, responseDue, expected) => {
    expect(isResponseOverdue({ status, responseDue }, '2026-03-10')).toBe(expected);
  });
});

describe('validateLadder', () => {
  const lv = (level: number, title = `Role ${level}`) => ({ level, title, person: null });
  it.each([
    ['one level', { code: 'x', name: 'X', levels: [lv(1)] }, []],
    ['no levels', { code: 'x', name: 'X', levels: [] }, ['The ladder needs at least one level']],
    ['starts at 2', { code: 'x', name: 'X', levels: [lv(2), lv(3)] }, ['Level 1 is numbered 2; levels must run 1, 2, 3… in order', 'Level 2 is numbered 3; levels must run 1, 2, 3… in order']],
    ['gap', { code: 'x', name: 'X', levels: [lv(1), lv(3)] }, ['Level 2 is numbered 3; levels must run 1, 2, 3… in order']],
    ['out of order', { code: 'x', name: 'X', levels: [lv(2), lv(1)] }, ['Level 1 is numbered 2; levels must run 1, 2, 3… in order', 'Level 2 is numbered 1; levels must run 1, 2, 3… in order']],
    ['blank title', { code: 'x', name: 'X', levels: [lv(1), lv(2, '  ')] }, ['Level 2 needs a title']],
    ['blank code and name', { code: '', name: ' ', levels: [lv(1)] }, ['The ladder needs a code', 'The ladder needs a name']],
  ] as const)('%s → %j', (_name, l, expected) => {
    expect(validateLadder({ ...l, levels: [...l.levels] })).toEqual(expected);
  });
});

describe('ladderLevelProblem: every escalation climbs the configured ladder (000 §12, 003 App. E)', () => {
  const [bexley, redbridge] = DEFAULT_LADDERS as [Ladder, Ladder];
  it.each<[Ladder, number, string | null]>([
    [bexley, 0, "Bexley's ladder has levels 1 to 2."],
    [bexley, 1, null],
    [bexley, 2, null],
    [bexley, 3, "Bexley's ladder has levels 1 to 2."],
    [redbridge, 5, null],
    [redbridge, 6, "Redbridge's ladder has levels 1 to 5."],
  ])('ladder %#: level %s', (ladder, level, problem) => {
    expect(ladderLevelProblem(ladder, level)).toBe(problem);
    expect(ladderRung(ladder, level)?.level ?? null).toBe(problem ? null : level);
  });
});

describe('responseDueProblem (QA walk: a panel escalation was logged "due 01/01/2020")', () => {
  it.each([
    // [response due, raised on, refused]
    [null, '2026-12-08', false],
    ['2026-12-08', '2026-12-08', false], // the day it is raised
    ['2026-12-09', '2026-12-08', false],
    ['2026-12-07', '2026-12-08', true], // the day before
    ['2020-01-01', '2026-12-08', true],
    ['2026-12-31', '2027-01-01', true], // across a year end
    ['2027-01-01', '2027-01-01', false],
    ['2028-02-29', '2028-03-01', true], // a leap day
  ] as const)('due %s, raised %s: refused %s', (due, raised, refused) => {
    const p = responseDueProblem(due, raised);
    expect(p !== null).toBe(refused);
    if (p) expect(p).toMatch(/^Response due \d\d\/\d\d\/\d{4} is before the escalation is raised \(\d\d\/\d\d\/\d{4}\)\. Choose that day or later\.$/);
  });
});
