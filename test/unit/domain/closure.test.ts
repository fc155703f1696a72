import { describe, expect, it } from 'vitest';
import {
  closureProposedText,
  pendingClosureWaitingFor,
  assessClosure, authoriserProblem, closureReasonsFor, isUnfoundReviewDue, nextUnfoundReview, LOST_PUPIL_CHECKS,
  type ClosureCase, type ClosureEvidence,
} from '../../../shared/domain/closure';
import { CLOSURE_REASONS, type ClosureReason } from '../../../shared/domain/vocab';

const noFlags = { childProtectionPlan: false, childInNeed: false, lookedAfter: false, missingFromHomeOrCare: false, atRiskOfExploitation: false };
const kase = (over: Partial<ClosureCase> = {}): ClosureCase => ({
  register: 'CME', dateNotified: '2026-09-07', dateOfBirth: '2014-05-12', dateLocated: null, flags: noFlags, checksDone: [], ...over,
});
const ev = (over: Partial<ClosureEvidence> = {}): ClosureEvidence => ({
  evidence: 'Confirmed by phone with the school office', detail: null, s2sUploadedOn: null, reasonableStepsLetterOn: null,
  socialCareReferral: null, safeguardingConclusion: null, otherLa: null, otherLaContact: null, otherLaReferredOn: null,
  otherLaAcceptedOn: null, overseasCountry: null, overseasVerifiedHow: null, ...over,
});
const lostEvidence = ev({ s2sUploadedOn: '2026-10-20', reasonableStepsLetterOn: '2026-10-21', socialCareReferral: 'MASH consulted 21/10/2026: no open case, no referral' });
const fields = (r: ReturnType<typeof assessClosure>) => r.problems.map((p) => p.field);

describe('who must authorise a closure (003 App. D/E: unconfirmed and safeguarding closures go to line management)', () => {
  it.each<[ClosureReason, Partial<ClosureEvidence>, boolean]>([
    ['on_roll_attending', { detail: 'Northbridge Academy' }, false],
    ['ehe_confirmed', {}, false],
    ['moved_other_la', { otherLa: 'Essex', otherLaContact: 'Essex CME team', otherLaReferredOn: '2026-10-01', otherLaAcceptedOn: '2026-10-08' }, false],
    ['moved_overseas', { overseasCountry: 'Portugal', overseasVerifiedHow: 'Home Office travel record' }, true],
    ['other', { detail: 'Duplicate referral of CME-2026-0041' }, true],
  ])('%s needs a manager: %s', (reason, e, needs) => {
    const r = assessClosure(kase(), reason, '2026-11-02', ev(e));
    expect(r.problems).toEqual([]);
    expect(r.authorisationReasons.length > 0).toBe(needs);
  });

  it('a child not found always needs a manager, once the lost-pupil steps and checks are recorded', () => {
    const r = assessClosure(kase({ checksDone: [...LOST_PUPIL_CHECKS] }), 'unresolved_lost', '2026-11-02', lostEvidence);
    expect(r.problems).toEqual([]);
    expect(r.authorisationReasons[0]).toMatch(/line management for confirmation of closure\./);
  });

  it('any closure of a safeguarding case needs a manager', () => {
    const r = assessClosure(kase({ flags: { ...noFlags, childProtectionPlan: true } }), 'on_roll_attending', '2026-11-02', ev({ detail: 'Northbridge Academy' }));
    expect(r.problems).toEqual([]);
    expect(r.authorisationReasons.join(' ')).toMatch(/Safeguarding case/);
  });
});

describe('a child not located is not closed as lost until the policy steps are recorded (000 §7(g), 003)', () => {
  const allChecks = [...LOST_PUPIL_CHECKS];
  it.each<[string, Partial<ClosureCase>, Partial<ClosureEvidence>, string[]]>([
    ['nothing recorded', {}, {}, ['s2sUploadedOn', 'reasonableStepsLetterOn', 'socialCareReferral', 'checks']],
    ['steps but no checks', {}, lostEvidence, ['checks']],
    ['checks but no S2S upload', { checksDone: allChecks }, { ...lostEvidence, s2sUploadedOn: null }, ['s2sUploadedOn']],
    ['all but the police check', { checksDone: allChecks.filter((a) => a !== 'police') }, lostEvidence, ['checks']],
    ['everything', { checksDone: allChecks }, lostEvidence, []],
    ['child protection plan without the Home Office check (001 §4.2)', { checksDone: allChecks, flags: { ...noFlags, childProtectionPlan: true } }, { ...lostEvidence, safeguardingConclusion: 'Police: no concerns' }, ['checks']],
    ['child protection plan with Home Office, no CSC/police conclusion', { checksDone: [...allChecks, 'home_office'], flags: { ...noFlags, childProtectionPlan: true } }, lostEvidence, ['safeguardingConclusion']],
    ['located child', { checksDone: allChecks, dateLocated: '2026-10-01' }, lostEvidence, ['reason']],
  ])('%s', (_name, c, e, expected) => {
    expect(fields(assessClosure(kase(c), 'unresolved_lost', '2026-11-02', ev(e)))).toEqual(expected);
  });

  it('names the missing checks', () => {
    const r = assessClosure(kase({ checksDone: ['housing', 's2s_lost_pupil'] }), 'unresolved_lost', '2026-11-02', lostEvidence);
    expect(r.problems[0]!.message).toBe('Record these checks on the Checks tab first: Council Tax, Health (NHS), Police, Benefits / HMRC Child Benefit.');
  });

  it('always asks for the evidence', () => {
    expect(fields(assessClosure(kase(), 'ehe_confirmed', '2026-11-02', ev({ evidence: '  ' })))).toEqual(['evidence']);
  });
});

describe('moved to another LA closes only when accepted (000 §9, 002)', () => {
  const move = { otherLa: 'Kent County Council', otherLaContact: 'Kent CME team, cme@kent.example', otherLaReferredOn: '2026-10-05' };
  it.each<[string, Partial<ClosureEvidence>, string[], string[]]>([
    ['referred, not yet accepted: waits, chased 14 days on', move, [], ['Kent County Council to accept the referral (chase on 19/10/2026)']],
    ['accepted the day it was referred', { ...move, otherLaAcceptedOn: '2026-10-05' }, [], []],
    ['accepted before it was referred', { ...move, otherLaAcceptedOn: '2026-10-04' }, ['otherLaAcceptedOn'], []],
    ['no contact', { ...move, otherLaContact: null }, ['otherLaContact'], ['Kent County Council to accept the referral (chase on 19/10/2026)']],
  ])('%s', (_n, e, problems, waiting) => {
    const r = assessClosure(kase(), 'moved_other_la', '2026-11-02', ev(e));
    expect(fields(r)).toEqual(problems);
    expect(r.waitingFor).toEqual(waiting);
  });

  it('with concern (safeguarding) and no acceptance, needs the CSC or police conclusion', () => {
    const r = assessClosure(kase({ flags: { ...noFlags, missingFromHomeOrCare: true } }), 'moved_other_la', '2026-11-02', ev(move));
    expect(fields(r)).toEqual(['safeguardingConclusion']);
  });

  it('closing before the acceptance date is refused', () => {
    expect(fields(assessClosure(kase(), 'moved_other_la', '2026-10-10', ev({ ...move, otherLaAcceptedOn: '2026-10-12' })))).toEqual(['closedOn']);
  });
});

describe('moved overseas needs the country and how it was verified (003)', () => {
  it.each<[Partial<ClosureEvidence>, string[]]>([
    [{}, ['overseasCountry', 'overseasVerifiedHow']],
    [{ overseasCountry: 'Romania' }, ['overseasVerifiedHow']],
    [{ overseasCountry: 'Romania', overseasVerifiedHow: 'Enrolment letter from the school in Cluj' }, []],
  ])('%j', (e, expected) => expect(fields(assessClosure(kase(), 'moved_overseas', '2026-11-02', ev(e)))).toEqual(expected));
});

describe('end of compulsory school age: not before the last Friday of June (000 §7(h))', () => {
  // Born 12/05/2010: turns 16 in the 2025/26 school year; last Friday of June 2026 is 26/06/2026.
  const c = kase({ dateOfBirth: '2010-05-12', dateNotified: '2026-01-05' });
  it.each([
    ['2026-06-25', ['closedOn']],
    ['2026-06-26', []],
    ['2026-06-29', []],
  ])('closed on %s', (closedOn, expected) => expect(fields(assessClosure(c, 'end_of_csa', closedOn, ev()))).toEqual(expected));

  it('says the date it can be closed', () => {
    expect(assessClosure(c, 'end_of_csa', '2026-03-01', ev()).problems[0]!.message).toBe(
      'The child is of compulsory school age until 26/06/2026. The case can be closed for this reason on or after 26/06/2026.',
    );
  });
});

describe('the PMOE-only reason', () => {
  it('is not offered for CME, and refused if sent', () => {
    expect(closureReasonsFor('CME', CLOSURE_REASONS).map((r) => r.code)).not.toContain('full_time_education_restored');
    expect(closureReasonsFor('PMOE', CLOSURE_REASONS).map((r) => r.code)).toContain('full_time_education_restored');
    expect(fields(assessClosure(kase(), 'full_time_education_restored', '2026-11-02', ev()))).toEqual(['reason']);
    expect(fields(assessClosure(kase({ register: 'PMOE' }), 'full_time_education_restored', '2026-11-02', ev()))).toEqual([]);
  });
});

describe('who may authorise', () => {
  const m = { id: 7, name: 'Nadia Kowalczyk', isManager: true, active: true };
  it.each<[string, number, typeof m, RegExp | null]>([
    ['a manager who did not propose', 3, m, null],
    ['the proposer', 7, m, /proposed this closure/],
    ['not a manager', 3, { ...m, isManager: false }, /not a manager/],
    ['a manager who has left', 3, { ...m, active: false }, /having left/],
  ])('%s', (_n, proposer, who, expected) => {
    const r = authoriserProblem(proposer, who);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });
});

describe('unfound cases are reviewed twice a year (003 App. D)', () => {
  it.each([
    ['2026-11-02', '2027-05-02'],
    ['2026-08-31', '2027-02-28'],
  ])('closed %s → review %s', (closed, review) => expect(nextUnfoundReview(closed)).toBe(review));
  it.each([
    ['2027-05-01', false],
    ['2027-05-02', true],
    ['2027-05-03', true],
  ])('review date 02/05/2027, on %s due: %s', (on, due) => expect(isUnfoundReviewDue('2027-05-02', on)).toBe(due));
  it('no review date, never due', () => expect(isUnfoundReviewDue(null, '2030-01-01')).toBe(false));
});

describe('what a proposed closure waits for, as Home and the panel agenda say it', () => {
  it.each([
    [{ chaseOn: null }, 'waiting for a manager to authorise'],
    [{ chaseOn: '2026-11-16' }, 'waiting for the receiving authority to accept (chase 16/11/2026)'],
  ])('%j → %s', (p, text) => {
    expect(pendingClosureWaitingFor(p)).toBe(text);
  });
  it.each([
    [null, 'Lead officer proposes closure'],
    [
      { proposedBy: 'Priya Shah', proposedOn: '2026-11-02', reason: 'ehe_confirmed', chaseOn: null },
      'Closure proposed by Priya Shah on 02/11/2026, as “Elective home education confirmed”: waiting for a manager to authorise',
    ],
    [
      { proposedBy: 'Sam Okoro', proposedOn: '2026-12-01', reason: 'moved_other_la', chaseOn: '2026-12-15' },
      'Closure proposed by Sam Okoro on 01/12/2026, as “Moved to another local authority (referral accepted)”: waiting for the receiving authority to accept (chase 15/12/2026)',
    ],
  ])('agenda reason for %j', (p, text) => {
    expect(closureProposedText(p)).toBe(text);
  });
});
