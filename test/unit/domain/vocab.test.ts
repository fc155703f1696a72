import { describe, it, expect } from 'vitest';
import {
  REGISTERS,
  CASE_STATUSES,
  RAGS,
  REFERRAL_SOURCES,
  CME_REASONS,
  PMOE_REASONS,
  URGENCIES,
  CLOSURE_REASONS,
  CHECK_AGENCIES,
  CHECK_STAGE_LABELS,
  TEAMS,
  GENDERS,
  ETHNICITIES,
  CHILD_FLAGS,
  REGISTER_LABELS,
  CASE_STATUS_LABELS,
  RAG_LABELS,
  labelOf,
  entryOf,
  isCodeOf,
  codesOf,
  noChildFlags,
  type VocabEntry,
} from '../../../shared/domain/vocab';

const lists: [string, readonly VocabEntry[]][] = [
  ['REGISTERS', REGISTERS],
  ['CASE_STATUSES', CASE_STATUSES],
  ['RAGS', RAGS],
  ['REFERRAL_SOURCES', REFERRAL_SOURCES],
  ['CME_REASONS', CME_REASONS],
  ['PMOE_REASONS', PMOE_REASONS],
  ['URGENCIES', URGENCIES],
  ['CLOSURE_REASONS', CLOSURE_REASONS],
  ['CHECK_AGENCIES', CHECK_AGENCIES],
  ['TEAMS', TEAMS],
  ['GENDERS', GENDERS],
  ['ETHNICITIES', ETHNICITIES],
  ['CHILD_FLAGS', CHILD_FLAGS],
];

describe.each(lists)('%s', (_name, list) => {
  it('is non-empty with unique codes and non-empty labels', () => {
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((e) => e.code)).size).toBe(list.length);
    for (const e of list) expect(e.label.trim()).not.toBe('');
  });
});

describe('codes', () => {
  it.each([
    ['REGISTERS', REGISTERS, ['CME', 'PMOE']],
    ['CASE_STATUSES', CASE_STATUSES, ['referred', 'checks', 'at_panel', 'closed']],
    ['RAGS', RAGS, ['red', 'amber', 'green']],
    ['URGENCIES', URGENCIES, ['urgent', 'high', 'routine']],
    ['REFERRAL_SOURCES', REFERRAL_SOURCES, ['admissions', 'school', 'other_la', 'ehe', 'social_care_mash', 'health', 'yot', 'send', 'inclusion', 'police', 'public', 'other']],
    ['PMOE_REASONS', PMOE_REASONS, ['reduced_timetable', 'ap_part_time', 'ap_full_time', 'medical', 'awaiting_ehcp_placement', 'awaiting_placement', 'excluded', 'other']],
    ['CLOSURE_REASONS', CLOSURE_REASONS, ['on_roll_attending', 'moved_other_la', 'moved_overseas', 'ehe_confirmed', 'end_of_csa', 'full_time_education_restored', 'unresolved_lost', 'other']],
    ['TEAMS', TEAMS, ['admissions', 'education_welfare', 'sen', 'inclusion', 'virtual_school', 'yos', 'childrens_social_care', 'mash', 'ehe', 'health', 'cme', 'other']],
    ['GENDERS', GENDERS, ['female', 'male', 'other', 'not_known']],
    [
      'CHILD_FLAGS',
      CHILD_FLAGS,
      ['ehcp', 'senSupport', 'fsm', 'lookedAfter', 'childProtectionPlan', 'childInNeed', 'youthOffending', 'gypsyRomaTraveller', 'youngCarer', 'asylumRefugee', 'armedForcesFamily', 'missingFromHomeOrCare', 'atRiskOfExploitation'],
    ],
  ] as const)('%s has exactly the agreed codes', (_name, list, expected) => {
    expect(list.map((e) => e.code)).toEqual(expected);
  });
});

describe('labels', () => {
  it.each([
    [CASE_STATUSES, 'checks', 'Checks under way'],
    [CASE_STATUSES, 'at_panel', 'At panel'],
    [TEAMS, 'education_welfare', 'Education Welfare'],
    [CHECK_AGENCIES, 'home_office', 'Home Office (child protection cases only)'],
    [ETHNICITIES, 'WBRI', 'White British'],
    [ETHNICITIES, 'WROM', 'Gypsy / Roma'],
    [ETHNICITIES, 'REFU', 'Refused'],
    [ETHNICITIES, 'NOBT', 'Information not yet obtained'],
    [CHILD_FLAGS, 'youthOffending', 'YOS involvement'],
    [CASE_STATUSES, 'nonsense', 'nonsense'],
    [CASE_STATUSES, null, ''],
    [CASE_STATUSES, undefined, ''],
    [CASE_STATUSES, '', ''],
  ] as const)('labelOf(…, %j)', (list, code, label) => {
    expect(labelOf(list, code)).toBe(label);
  });

  it('label maps', () => {
    expect(REGISTER_LABELS.CME).toBe('Children Missing Education');
    expect(CASE_STATUS_LABELS.closed).toBe('Closed');
    expect(RAG_LABELS.amber).toBe('Amber');
  });
});

describe('CLOSURE_REASONS details', () => {
  it.each([
    ['on_roll_attending', 'Destination school', true],
    ['moved_other_la', 'New local authority', true],
    ['moved_overseas', 'Destination country', false],
    ['ehe_confirmed', null, false],
    ['end_of_csa', null, false],
    ['full_time_education_restored', null, false],
    ['unresolved_lost', null, false],
    ['other', 'Reason', true],
  ])('%s: detail %j, required %s', (code, detailLabel, detailRequired) => {
    const e = CLOSURE_REASONS.find((r) => r.code === code);
    expect(e?.detailLabel).toBe(detailLabel);
    expect(e?.detailRequired).toBe(detailRequired);
  });

  it('a required detail always has a label', () => {
    for (const r of CLOSURE_REASONS) if (r.detailRequired) expect(r.detailLabel).not.toBeNull();
  });
});

describe('CHECK_AGENCIES stages (003 App. D)', () => {
  it.each([
    ['last_school', 1],
    ['phone_call', 1],
    ['housing', 2],
    ['council_tax', 2],
    ['key_to_success', 2],
    ['s2s_lost_pupil', 2],
    ['home_office', 2],
    ['home_visit', 3],
  ])('%s is stage %d', (code, stage) => {
    expect(CHECK_AGENCIES.find((a) => a.code === code)?.stage).toBe(stage);
  });

  it('every stage has a label and is 1, 2 or 3', () => {
    for (const a of CHECK_AGENCIES) expect(CHECK_STAGE_LABELS[a.stage]).toMatch(/^Stage [123]/);
  });
});

describe('helpers', () => {
  it.each([
    ['closed', true],
    ['open', false],
    [3, false],
    [null, false],
  ])('isCodeOf(CASE_STATUSES, %j) → %s', (code, expected) => {
    expect(isCodeOf(CASE_STATUSES, code)).toBe(expected);
  });

  it('entryOf finds the entry', () => {
    expect(entryOf(CLOSURE_REASONS, 'moved_other_la')?.detailLabel).toBe('New local authority');
    expect(entryOf(CLOSURE_REASONS, 'nope')).toBeUndefined();
  });

  it('codesOf gives the codes in order', () => {
    expect(codesOf(RAGS)).toEqual(['red', 'amber', 'green']);
  });

  it('noChildFlags sets every flag false', () => {
    const f = noChildFlags();
    expect(Object.keys(f).sort()).toEqual(CHILD_FLAGS.map((c) => c.code).sort());
    expect(Object.values(f).every((v) => v === false)).toBe(true);
  });
});
