import { describe, it, expect } from 'vitest';
import {
  SECTION_LABELS,
  STANDING_ITEMS,
  agendaSkeleton,
  defaultOrder,
  proposeAgenda,
  type AgendaCase,
  type AgendaContext,
  type Proposal,
  type ReasonCode,
} from '../../../shared/domain/agenda';

/**
 * A CME case that meets no rule at the 10 Nov 2026 meeting: located, unrated, notified 21 days
 * before, CSA ends 2031, no actions, already discussed once.
 */
const cme: AgendaCase = {
  caseId: 1,
  reference: 'CME-2026-0001',
  register: 'CME',
  status: 'checks',
  rag: null,
  dateNotified: '2026-10-20',
  dateLocated: '2026-10-25',
  dateOfBirth: '2015-03-01',
  closureProposed: false,
  archived: false,
  lookedAfter: false,
  concerns: [],
  timetableReviewDate: null,
  timetableEndDate: null,
  openActionsDue: [],
  discussedAt: [],
};

/** Monthly CME panel: 10 Nov 2026, next 8 Dec 2026, earlier meetings newest first. */
const ctx: AgendaContext = {
  register: 'CME',
  meetingDate: '2026-11-10',
  nextMeetingDate: '2026-12-08',
  previousMeetingDates: ['2026-10-13', '2026-09-08', '2026-07-14', '2026-06-09'],
};

const pmoe: AgendaCase = { ...cme, caseId: 2, reference: 'PMOE-2026-0001', register: 'PMOE' };
const pmoeCtx: AgendaContext = { register: 'PMOE', meetingDate: '2026-10-14', nextMeetingDate: null, previousMeetingDates: ['2026-07-08'] };

function proposalFor(c: AgendaCase, context: AgendaContext): Proposal | undefined {
  return proposeAgenda([c], context).find((p) => p.caseId === c.caseId);
}
function codesFor(c: AgendaCase, context: AgendaContext): ReasonCode[] {
  return proposalFor(c, context)?.reasons.map((r) => r.code) ?? [];
}
function textFor(c: AgendaCase, context: AgendaContext, code: ReasonCode): string | undefined {
  return proposalFor(c, context)?.reasons.find((r) => r.code === code)?.text;
}

describe('proposeAgenda: a case meeting no rule', () => {
  it.each([
    ['CME', cme, ctx],
    ['PMOE', pmoe, pmoeCtx],
  ] as const)('%s → not proposed', (_name, c, context) => {
    expect(proposeAgenda([c], context)).toEqual([]);
  });
});

describe('proposeAgenda: CME rules at their boundaries', () => {
  it.each<[string, Partial<AgendaCase>, Partial<AgendaContext>, ReasonCode, boolean]>([
    // red: every open red case.
    ['red', { rag: 'red', discussedAt: ['2026-10-13'] }, {}, 'red', true],
    // due_for_panel: not located 28 days after notification, never discussed. Meeting 10/11/2026.
    ['not located, day 28 (notified 13/10)', { dateLocated: null, dateNotified: '2026-10-13' }, {}, 'due_for_panel', true],
    ['not located, day 27 (notified 14/10)', { dateLocated: null, dateNotified: '2026-10-14' }, {}, 'due_for_panel', false],
    ['located, day 28', { dateNotified: '2026-10-13', dateLocated: '2026-11-01' }, {}, 'due_for_panel', false],
    ['not located, day 60, already discussed', { dateLocated: null, dateNotified: '2026-09-11', discussedAt: ['2026-10-13'] }, {}, 'due_for_panel', false],
    ['not located, "discussed" only at this meeting', { dateLocated: null, dateNotified: '2026-09-11', discussedAt: ['2026-11-10'] }, {}, 'due_for_panel', true],
    // actions_due: an open action due on or before the meeting date.
    ['action due on the meeting date', { openActionsDue: ['2026-11-10'] }, {}, 'actions_due', true],
    ['action due the day after', { openActionsDue: ['2026-11-11'] }, {}, 'actions_due', false],
    ['action overdue', { openActionsDue: ['2026-10-01'] }, {}, 'actions_due', true],
    // closure_proposed.
    ['closure proposed', { closureProposed: true }, {}, 'closure_proposed', true],
    // archiving: open 6 months (addMonths) by the meeting date, not archived.
    ['open exactly 6 months (notified 10/05/2026)', { dateNotified: '2026-05-10' }, {}, 'archiving', true],
    ['open 6 months less a day (notified 11/05/2026)', { dateNotified: '2026-05-11' }, {}, 'archiving', false],
    ['long-term but already archived', { dateNotified: '2026-01-10', archived: true }, {}, 'archiving', false],
    // end_of_csa: DOB 15/01/2011 → turns 16 in 2026/27 → CSA ends Fri 25/06/2027.
    ['CSA ends on the next meeting date', { dateOfBirth: '2011-01-15' }, { meetingDate: '2027-06-08', nextMeetingDate: '2027-06-25' }, 'end_of_csa', true],
    ['CSA ends the day after the next meeting', { dateOfBirth: '2011-01-15' }, { meetingDate: '2027-06-08', nextMeetingDate: '2027-06-24' }, 'end_of_csa', false],
    ['no next meeting: CSA ends 30 days after the meeting', { dateOfBirth: '2011-01-15' }, { meetingDate: '2027-05-26', nextMeetingDate: null }, 'end_of_csa', true],
    ['no next meeting: CSA ends 31 days after the meeting', { dateOfBirth: '2011-01-15' }, { meetingDate: '2027-05-25', nextMeetingDate: null }, 'end_of_csa', false],
    ['CSA already ended', { dateOfBirth: '2011-01-15' }, { meetingDate: '2027-07-13', nextMeetingDate: '2027-09-14' }, 'end_of_csa', true],
    // amber_review: not discussed at any of the last 2 meetings (13/10, 08/09).
    ['amber, discussed 2 meetings ago', { rag: 'amber', discussedAt: ['2026-09-08'] }, {}, 'amber_review', false],
    ['amber, discussed 3 meetings ago', { rag: 'amber', discussedAt: ['2026-07-14'] }, {}, 'amber_review', true],
    ['amber, discussed last meeting', { rag: 'amber', discussedAt: ['2026-10-13'] }, {}, 'amber_review', false],
    ['amber, never discussed', { rag: 'amber' }, {}, 'amber_review', true],
    ['amber, only 1 previous meeting, discussed at it', { rag: 'amber', discussedAt: ['2026-10-13'] }, { previousMeetingDates: ['2026-10-13'] }, 'amber_review', false],
    ['amber, only 1 previous meeting, not discussed at it', { rag: 'amber', discussedAt: ['2026-06-01'] }, { previousMeetingDates: ['2026-10-13'] }, 'amber_review', true],
    ['amber, no previous meetings', { rag: 'amber' }, { previousMeetingDates: [] }, 'amber_review', true],
    // green_review: not discussed at any of the last 3 meetings (13/10, 08/09, 14/07).
    ['green, discussed 3 meetings ago', { rag: 'green', discussedAt: ['2026-07-14'] }, {}, 'green_review', false],
    ['green, discussed 4 meetings ago', { rag: 'green', discussedAt: ['2026-06-09'] }, {}, 'green_review', true],
    ['green, no previous meetings', { rag: 'green' }, { previousMeetingDates: [] }, 'green_review', true],
    ['green is not an amber review', { rag: 'green' }, {}, 'amber_review', false],
  ])('%s → %s %s', (_name, over, ctxOver, code, expected) => {
    const codes = codesFor({ ...cme, ...over }, { ...ctx, ...ctxOver });
    if (expected) expect(codes).toContain(code);
    else expect(codes).not.toContain(code);
  });

  it('previous meetings are sorted newest first whatever order they come in', () => {
    const c = { ...cme, rag: 'amber' as const, discussedAt: ['2026-09-08'] };
    expect(codesFor(c, { ...ctx, previousMeetingDates: ['2026-06-09', '2026-09-08', '2026-07-14', '2026-10-13'] })).toEqual([]);
  });
});

describe('proposeAgenda: PMOE rules at their boundaries', () => {
  const twoConcerns = [
    { code: 'under_10_hours', label: 'Attending less than 10 hours a week', reason: 'Attending 6 hours a week (under 10)' },
    { code: 'looked_after_cp_cin', label: 'Looked after, or on a child protection or child in need plan', reason: 'Looked after' },
  ];
  it.each<[string, Partial<AgendaCase>, ReasonCode, boolean]>([
    ['criteria of concern', { concerns: twoConcerns }, 'concern', true],
    ['no criteria', { concerns: [] }, 'concern', false],
    ['red', { rag: 'red' }, 'red', true],
    ['amber', { rag: 'amber', discussedAt: ['2026-07-08'] }, 'amber', true],
    ['green', { rag: 'green' }, 'amber', false],
    ['looked after', { lookedAfter: true }, 'looked_after', true],
    ['review date on the meeting date', { timetableReviewDate: '2026-10-14' }, 'timetable_review', true],
    ['review date the day after', { timetableReviewDate: '2026-10-15' }, 'timetable_review', false],
    ['end date the day before', { timetableEndDate: '2026-10-13' }, 'timetable_review', true],
    ['end date the day after', { timetableEndDate: '2026-10-15' }, 'timetable_review', false],
    ['action due on the meeting date', { openActionsDue: ['2026-10-14'] }, 'actions_due', true],
    ['action due the day after', { openActionsDue: ['2026-10-15'] }, 'actions_due', false],
    ['closure proposed', { closureProposed: true }, 'closure_proposed', true],
    // CME-only rules never apply on the PMOE register.
    ['not located 60 days: no due_for_panel', { dateLocated: null, dateNotified: '2026-08-15' }, 'due_for_panel', false],
    ['open a year: no archiving', { dateNotified: '2025-10-01' }, 'archiving', false],
    ['CSA ends soon: no end_of_csa', { dateOfBirth: '2010-10-01' }, 'end_of_csa', false],
  ])('%s → %s %s', (_name, over, code, expected) => {
    const codes = codesFor({ ...pmoe, ...over }, pmoeCtx);
    if (expected) expect(codes).toContain(code);
    else expect(codes).not.toContain(code);
  });
});

describe('proposeAgenda: which cases are left off', () => {
  const everything: Partial<AgendaCase> = {
    rag: 'red',
    dateLocated: null,
    dateNotified: '2026-01-05',
    openActionsDue: ['2026-11-01'],
    closureProposed: true,
    lookedAfter: true,
    concerns: [{ code: 'missing', label: 'Known to have gone missing from home or care', reason: 'Missing' }],
    timetableReviewDate: '2026-10-01',
  };
  it.each<[string, AgendaCase, AgendaContext]>([
    ['closed CME case', { ...cme, ...everything, status: 'closed' }, ctx],
    ['closed PMOE case', { ...pmoe, ...everything, status: 'closed' }, pmoeCtx],
    ['PMOE case at a CME panel', { ...pmoe, ...everything }, ctx],
    ['CME case at a PMOE panel', { ...cme, ...everything }, pmoeCtx],
    ['archived long-term case due only routine reviews', { ...cme, rag: 'green', dateNotified: '2026-01-05', dateLocated: null, archived: true }, ctx],
    ['archived amber case not discussed for months', { ...cme, rag: 'amber', dateNotified: '2026-01-05', archived: true, discussedAt: ['2026-03-10'] }, ctx],
  ])('%s', (_name, c, context) => {
    expect(proposeAgenda([c], context)).toEqual([]);
  });

  it('an archived case still comes back when rated red', () => {
    expect(codesFor({ ...cme, rag: 'red', dateNotified: '2026-01-05', archived: true }, ctx)).toEqual(['red']);
  });

  it('an archived case still comes back for a proposed closure', () => {
    expect(codesFor({ ...cme, closureProposed: true, dateNotified: '2026-01-05', archived: true }, ctx)).toEqual(['closure_proposed']);
  });
});

describe('proposeAgenda: reason texts', () => {
  it.each<[string, AgendaCase, AgendaContext, ReasonCode, string]>([
    ['red', { ...cme, rag: 'red', discussedAt: ['2026-10-13'] }, ctx, 'red', 'Rated red'],
    [
      'due for panel',
      { ...cme, dateLocated: null, dateNotified: '2026-10-13' },
      ctx,
      'due_for_panel',
      'Not located 4 weeks after notification (notified 13/10/2026, due for panel 10/11/2026)',
    ],
    ['one action', { ...cme, openActionsDue: ['2026-11-10'] }, ctx, 'actions_due', '1 action due by 10/11/2026'],
    [
      'actions, one overdue',
      { ...cme, openActionsDue: ['2026-11-09', '2026-11-10', '2026-12-01'] },
      ctx,
      'actions_due',
      '2 actions due by 10/11/2026 (1 overdue)',
    ],
    ['closure', { ...cme, closureProposed: true }, ctx, 'closure_proposed', 'Lead officer proposes closure'],
    [
      'closure waiting for a manager',
      { ...cme, closureProposed: true, closurePending: { proposedBy: 'Priya Shah', proposedOn: '2026-11-02', reason: 'unresolved_lost', chaseOn: null } },
      ctx,
      'closure_proposed',
      'Closure proposed by Priya Shah on 02/11/2026, as “Not found after all enquiries (lost pupil)”: waiting for a manager to authorise',
    ],
    [
      'closure waiting for another authority',
      { ...cme, closureProposed: true, closurePending: { proposedBy: 'Priya Shah', proposedOn: '2026-11-02', reason: 'moved_other_la', chaseOn: '2026-11-16' } },
      ctx,
      'closure_proposed',
      'Closure proposed by Priya Shah on 02/11/2026, as “Moved to another local authority (referral accepted)”: waiting for the receiving authority to accept (chase 16/11/2026)',
    ],
    [
      'archiving',
      { ...cme, dateNotified: '2026-02-03' },
      ctx,
      'archiving',
      'Open since 03/02/2026 (long-term): archiving decision due',
    ],
    [
      'end of CSA by the next meeting',
      { ...cme, dateOfBirth: '2011-01-15' },
      { ...ctx, meetingDate: '2027-06-08', nextMeetingDate: '2027-07-13' },
      'end_of_csa',
      'Reaches the end of compulsory school age on 25/06/2027, by the next meeting on 13/07/2027',
    ],
    [
      'end of CSA, no next meeting',
      { ...cme, dateOfBirth: '2011-01-15' },
      { ...ctx, meetingDate: '2027-06-08', nextMeetingDate: null },
      'end_of_csa',
      'Reaches the end of compulsory school age on 25/06/2027, within a month of this meeting',
    ],
    [
      'end of CSA passed',
      { ...cme, dateOfBirth: '2011-01-15' },
      { ...ctx, meetingDate: '2027-07-13', nextMeetingDate: null },
      'end_of_csa',
      'Reached the end of compulsory school age on 25/06/2027: record to be closed',
    ],
    [
      'amber review',
      { ...cme, rag: 'amber', discussedAt: ['2026-07-14'] },
      ctx,
      'amber_review',
      'Rated amber: not discussed at the last 2 meetings (last discussed 14/07/2026)',
    ],
    [
      'green review, never discussed',
      { ...cme, rag: 'green' },
      ctx,
      'green_review',
      'Rated green: not discussed at the last 3 meetings (never discussed at this panel)',
    ],
    [
      'amber review, one previous meeting',
      { ...cme, rag: 'amber' },
      { ...ctx, previousMeetingDates: ['2026-10-13'] },
      'amber_review',
      'Rated amber: not discussed at the last meeting (never discussed at this panel)',
    ],
    [
      'green review, first meeting of the panel',
      { ...cme, rag: 'green' },
      { ...ctx, previousMeetingDates: [] },
      'green_review',
      'Rated green: due for review (never discussed at this panel)',
    ],
    [
      'PMOE concern',
      {
        ...pmoe,
        concerns: [
          { code: 'two_terms', label: 'On the PMOE register for two consecutive terms', reason: 'x' },
          { code: 'under_10_hours', label: 'Attending less than 10 hours a week', reason: 'y' },
        ],
      },
      pmoeCtx,
      'concern',
      'Criteria of concern: On the PMOE register for two consecutive terms; Attending less than 10 hours a week',
    ],
    ['PMOE amber', { ...pmoe, rag: 'amber' }, pmoeCtx, 'amber', 'Rated amber'],
    ['PMOE looked after', { ...pmoe, lookedAfter: true }, pmoeCtx, 'looked_after', 'Looked-after child: Virtual School report'],
    [
      'PMOE review date passed',
      { ...pmoe, timetableReviewDate: '2026-10-01' },
      pmoeCtx,
      'timetable_review',
      'Part-time timetable review date 01/10/2026 has passed',
    ],
    [
      'PMOE review and end dates',
      { ...pmoe, timetableReviewDate: '2026-10-01', timetableEndDate: '2026-10-14' },
      pmoeCtx,
      'timetable_review',
      'Part-time timetable review date 01/10/2026 has passed; Part-time timetable end date 14/10/2026 is the date of this meeting',
    ],
  ])('%s', (_name, c, context, code, text) => {
    expect(textFor(c, context, code)).toBe(text);
  });
});

describe('proposeAgenda: one proposal per case, with all its reasons and a section', () => {
  it('lists every CME reason in rule order', () => {
    const c: AgendaCase = {
      ...cme,
      rag: 'red',
      dateLocated: null,
      dateNotified: '2026-05-01',
      dateOfBirth: '2010-03-20', // turns 16 on 20/03/2026: CSA ended 26/06/2026
      openActionsDue: ['2026-11-10'],
      closureProposed: true,
    };
    const proposals = proposeAgenda([c], ctx);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.reasons.map((r) => r.code)).toEqual([
      'red',
      'due_for_panel',
      'actions_due',
      'closure_proposed',
      'archiving',
      'end_of_csa',
    ]);
    expect(proposals[0]!.section).toBe('proposed_closures');
  });

  it('lists every PMOE reason in rule order', () => {
    const c: AgendaCase = {
      ...pmoe,
      rag: 'amber',
      lookedAfter: true,
      concerns: [{ code: 'missing', label: 'Known to have gone missing from home or care', reason: 'Missing' }],
      timetableReviewDate: '2026-10-01',
      openActionsDue: ['2026-10-01'],
      closureProposed: true,
    };
    expect(codesFor(c, pmoeCtx)).toEqual(['concern', 'amber', 'looked_after', 'timetable_review', 'actions_due', 'closure_proposed']);
  });

  it.each<[string, Partial<AgendaCase>, Partial<AgendaContext>, Proposal['section']]>([
    ['closure proposed', { rag: 'red', closureProposed: true, dateLocated: null, dateNotified: '2026-10-01' }, {}, 'proposed_closures'],
    ['end of CSA and due for panel', { dateLocated: null, dateNotified: '2027-05-01', dateOfBirth: '2011-01-15' }, { meetingDate: '2027-06-08', nextMeetingDate: '2027-07-13', previousMeetingDates: [] }, 'proposed_closures'],
    ['due for panel, notified on the day of the previous meeting', { dateLocated: null, dateNotified: '2026-10-13' }, {}, 'new_referrals'],
    // "New referrals" are those notified since the previous meeting (issue 9); an older one due now is a review.
    ['due for panel, notified before the previous meeting', { dateLocated: null, dateNotified: '2026-10-12' }, {}, 'case_reviews'],
    ['due for panel, no earlier meeting', { dateLocated: null, dateNotified: '2026-09-01' }, { previousMeetingDates: [] }, 'new_referrals'],
    ['status referred, never discussed, red', { status: 'referred', rag: 'red' }, {}, 'new_referrals'],
    ['status referred, discussed before, red', { status: 'referred', rag: 'red', discussedAt: ['2026-10-13'] }, {}, 'case_reviews'],
    ['status checks, never discussed, red', { status: 'checks', rag: 'red' }, {}, 'case_reviews'],
    ['amber review', { rag: 'amber', discussedAt: ['2026-07-14'] }, {}, 'case_reviews'],
  ])('%s → %s', (_name, over, ctxOver, section) => {
    expect(proposalFor({ ...cme, ...over }, { ...ctx, ...ctxOver })?.section).toBe(section);
  });
});

describe('defaultOrder', () => {
  const p = (reference: string, section: Proposal['section'], rag: Proposal['rag'], caseId = 0): Proposal => ({
    caseId,
    reference,
    section,
    rag,
    reasons: [],
  });

  it('case reviews, new referrals, proposed closures; red, amber, green, unrated; then reference', () => {
    const input = [
      p('CME-2026-0009', 'proposed_closures', 'green'),
      p('CME-2026-0002', 'new_referrals', null),
      p('CME-2026-0005', 'case_reviews', 'green'),
      p('CME-2026-0004', 'case_reviews', null),
      p('CME-2026-0007', 'case_reviews', 'red'),
      p('CME-2026-0003', 'case_reviews', 'red'),
      p('CME-2026-0001', 'new_referrals', 'red'),
      p('CME-2026-0006', 'case_reviews', 'amber'),
      p('CME-2026-0008', 'proposed_closures', 'red'),
    ];
    expect(defaultOrder(input).map((x) => `${x.section}/${x.rag ?? '-'}/${x.reference}`)).toEqual([
      'case_reviews/red/CME-2026-0003',
      'case_reviews/red/CME-2026-0007',
      'case_reviews/amber/CME-2026-0006',
      'case_reviews/green/CME-2026-0005',
      'case_reviews/-/CME-2026-0004',
      'new_referrals/red/CME-2026-0001',
      'new_referrals/-/CME-2026-0002',
      'proposed_closures/red/CME-2026-0008',
      'proposed_closures/green/CME-2026-0009',
    ]);
    expect(input[0]!.reference).toBe('CME-2026-0009'); // not sorted in place
  });

  it('same reference: by case id', () => {
    expect(defaultOrder([p('X', 'case_reviews', 'red', 2), p('X', 'case_reviews', 'red', 1)]).map((x) => x.caseId)).toEqual([1, 2]);
  });

  it('proposeAgenda returns the default order', () => {
    const cases: AgendaCase[] = [
      { ...cme, caseId: 10, reference: 'CME-2026-0010', closureProposed: true },
      { ...cme, caseId: 11, reference: 'CME-2026-0011', rag: 'green' },
      { ...cme, caseId: 12, reference: 'CME-2026-0012', dateLocated: null, dateNotified: '2026-10-13' },
      { ...cme, caseId: 13, reference: 'CME-2026-0013', rag: 'red', discussedAt: ['2026-10-13'] },
      { ...cme, caseId: 14, reference: 'CME-2026-0014', rag: 'amber', discussedAt: ['2026-10-13'] }, // not due
      { ...cme, caseId: 15, reference: 'CME-2026-0015', status: 'closed', rag: 'red' },
      { ...pmoe, caseId: 16, reference: 'PMOE-2026-0016', rag: 'red' },
    ];
    expect(proposeAgenda(cases, ctx).map((x) => [x.caseId, x.section, x.rag])).toEqual([
      [13, 'case_reviews', 'red'],
      [11, 'case_reviews', 'green'],
      [12, 'new_referrals', null],
      [10, 'proposed_closures', null],
    ]);
  });
});

describe('agenda skeleton', () => {
  it('standing items with codes and titles, in order', () => {
    expect(STANDING_ITEMS.map((s) => [s.code, s.title])).toEqual([
      ['welcome_apologies', 'Welcome and apologies'],
      ['previous_minutes', 'Minutes of the last meeting and matters arising'],
      ['figures', 'Figures'],
      ['escalations', 'Escalations'],
      ['aob', 'Any other business'],
      ['next_meeting', 'Date of next meeting'],
    ]);
  });

  it('slots: standing items around the three case sections', () => {
    expect(agendaSkeleton().map((s) => `${s.kind}:${s.code}`)).toEqual([
      'standing:welcome_apologies',
      'standing:previous_minutes',
      'standing:figures',
      'cases:case_reviews',
      'cases:new_referrals',
      'cases:proposed_closures',
      'standing:escalations',
      'standing:aob',
      'standing:next_meeting',
    ]);
  });

  it('section titles come from SECTION_LABELS', () => {
    expect(SECTION_LABELS).toEqual({ case_reviews: 'Case reviews', new_referrals: 'New referrals', proposed_closures: 'Proposed closures' });
    expect(agendaSkeleton().filter((s) => s.kind === 'cases').map((s) => s.title)).toEqual(['Case reviews', 'New referrals', 'Proposed closures']);
  });

  it('returns a fresh array each call', () => {
    const a = agendaSkeleton();
    a.pop();
    expect(agendaSkeleton()).toHaveLength(9);
  });
});
