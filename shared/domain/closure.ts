/**
 * Closing a case: propose → (authorise) → closed. The one place that decides whether a proposed
 * closure may go ahead, what must be recorded first, and whether a named manager must authorise it.
 * Pure: every date is an argument. Sources (../shared/seeds/):
 * - 000 §7(f)–(h): located / moved overseas / moved to another borough → removed; not located →
 *   CSC referral considered, name on the S2S lost pupil system, reasonable-steps letter to the last
 *   school; end of school age → closed on the last Friday of June.
 * - 000 §9 / 002: a move to another LA closes when that LA confirms (accepts); with concern and no
 *   confirmation, enquiries continue until CSC or police confirm there are no concerns.
 * - 003 App. D: "Unfound pupils recorded on database and advised to line management for
 *   confirmation of closure"; "Cases not found reviewed twice yearly during school holidays".
 *   003 App. E: the Education Welfare Service Operational Manager (line manager) "Authorises
 *   Unconfirmed cases". 003 body: "If there are safeguarding concerns, the case would close only
 *   following a satisfactory conclusion in liaison with social care colleagues, the police…".
 * - 001 §6.2, 004: an unlocated child's record stays open until then (long-term cases go dormant).
 */
import { type IsoDate, addDays, addMonths, compareIso, formatUk } from './dates';
import { compulsorySchoolAge } from './schoolAge';
import { labelOf, CHECK_AGENCIES, CLOSURE_REASONS, type ChildFlags, type ClosureReason, type Register } from './vocab';

/** Closure reasons that confirm the child is in education or no longer the authority's to track. */
const CONFIRMED_REASONS: readonly ClosureReason[] = ['on_roll_attending', 'moved_other_la', 'ehe_confirmed', 'end_of_csa', 'full_time_education_restored'];

/** Flags that make a case a safeguarding case (003: closes only after CSC / police conclude). */
export const SAFEGUARDING_FLAGS = ['childProtectionPlan', 'childInNeed', 'lookedAfter', 'missingFromHomeOrCare', 'atRiskOfExploitation'] as const;

/**
 * The database checks that must be in the checks log before a child is closed as not found:
 * 000 §7 step 3 "Council Housing Department, Council Tax, Health, Immigration, Police, Benefits
 * Office"; immigration (Home Office) "child protection cases only" (001 §4.2); the S2S lost pupil
 * database (000 §7(g), §10; 003 "CTF coded XXXXXXX … uploaded onto the S2S database").
 */
export const LOST_PUPIL_CHECKS = ['housing', 'council_tax', 'health_nhs', 'police', 'benefits_hmrc', 's2s_lost_pupil'] as const;

/** Unfound cases are reviewed twice a year (003 App. D): the next review is six months on. */
export const UNFOUND_REVIEW_MONTHS = 6;

export interface ClosureEvidence {
  /** What shows the outcome (always required: the proposer's account of the evidence). */
  evidence: string;
  detail: string | null;
  s2sUploadedOn: IsoDate | null;
  reasonableStepsLetterOn: IsoDate | null;
  socialCareReferral: string | null;
  safeguardingConclusion: string | null;
  otherLa: string | null;
  otherLaContact: string | null;
  otherLaReferredOn: IsoDate | null;
  otherLaAcceptedOn: IsoDate | null;
  overseasCountry: string | null;
  overseasVerifiedHow: string | null;
}

export interface ClosureCase {
  register: Register;
  dateNotified: IsoDate;
  dateOfBirth: IsoDate;
  dateLocated: IsoDate | null;
  flags: Pick<ChildFlags, (typeof SAFEGUARDING_FLAGS)[number]>;
  /** Agency codes in the case's checks log. */
  checksDone: readonly string[];
}

export interface ClosureProblem {
  field: string;
  message: string;
}

export interface ClosureAssessment {
  /** Anything missing or wrong: the proposal is refused until these are put right. */
  problems: ClosureProblem[];
  /** Things the case is waiting for before it can close (it stays open meanwhile). */
  waitingFor: string[];
  /** A named manager must authorise, and why. Empty when the officer's proposal closes the case. */
  authorisationReasons: string[];
  /** A move to another LA awaiting acceptance: when to chase it. */
  chaseOn: IsoDate | null;
}

export function isSafeguardingCase(flags: ClosureCase['flags']): boolean {
  return SAFEGUARDING_FLAGS.some((f) => flags[f]);
}

/** Days after the referral to the other LA before its acceptance is chased (000 §9: keep track until confirmed). */
export const OTHER_LA_CHASE_DAYS = 14;

/** The closure reasons offered on a register: the PMOE-only reason is not offered for CME. */
export function closureReasonsFor<T extends { code: string }>(register: Register, reasons: readonly T[]): T[] {
  return reasons.filter((r) => register === 'PMOE' || r.code !== 'full_time_education_restored');
}

/**
 * Whether a proposed closure can go ahead. Authorisation (a named manager, not the proposer) is
 * required when the outcome is UNCONFIRMED — not found, moved overseas, or "other" — because 003
 * App. D/E send unfound and unconfirmed cases to line management for confirmation of closure, and
 * for every closure of a safeguarding case (003: only after a satisfactory conclusion). A confirmed
 * outcome (on roll and attending, accepted by another LA, EHE confirmed, end of school age, full-time
 * education restored) follows 003 App. D straight to "Case Closed" on the officer's proposal.
 */
export function assessClosure(c: ClosureCase, reason: ClosureReason, closedOn: IsoDate, e: ClosureEvidence): ClosureAssessment {
  const problems: ClosureProblem[] = [];
  const waitingFor: string[] = [];
  const authorisationReasons: string[] = [];
  let chaseOn: IsoDate | null = null;
  const need = (field: string, value: string | null, message: string): void => {
    if (!value || !value.trim()) problems.push({ field, message });
  };
  const safeguarding = isSafeguardingCase(c.flags);

  need('evidence', e.evidence, 'Evidence is required: say what shows this outcome (who confirmed it, and when).');
  if (compareIso(closedOn, c.dateNotified) < 0) {
    problems.push({ field: 'closedOn', message: `Date closed ${formatUk(closedOn)} is before the date notified (${formatUk(c.dateNotified)}).` });
  }
  if (reason === 'full_time_education_restored' && c.register === 'CME') {
    problems.push({ field: 'reason', message: '"Full-time education restored" is for PMOE cases only. Choose the CME outcome (e.g. on roll and attending a school).' });
  }

  switch (reason) {
    case 'on_roll_attending':
      need('detail', e.detail, 'Destination school is required: name the school the child is on roll at and attending.');
      break;
    case 'end_of_csa': {
      // 000 §7(h): closed on the last Friday of June of the year the child turns 16, not before.
      const ends = compulsorySchoolAge(c.dateOfBirth).ends;
      if (compareIso(closedOn, ends) < 0) {
        problems.push({ field: 'closedOn', message: `The child is of compulsory school age until ${formatUk(ends)}. The case can be closed for this reason on or after ${formatUk(ends)}.` });
      }
      break;
    }
    case 'moved_other_la': {
      // 000 §9, 002: close once the receiving authority has accepted; until then keep it open and chase.
      need('otherLa', e.otherLa, 'Receiving local authority is required: name the authority the child has moved to.');
      need('otherLaContact', e.otherLaContact, "Contact at the receiving authority is required: the CME officer's name and e-mail or phone.");
      need('otherLaReferredOn', e.otherLaReferredOn, 'Date referred is required: the date the CME referral was sent to the receiving authority.');
      if (e.otherLaReferredOn && e.otherLaAcceptedOn && compareIso(e.otherLaAcceptedOn, e.otherLaReferredOn) < 0) {
        problems.push({ field: 'otherLaAcceptedOn', message: `Date accepted ${formatUk(e.otherLaAcceptedOn)} is before the date referred (${formatUk(e.otherLaReferredOn)}).` });
      }
      if (e.otherLaReferredOn && !e.otherLaAcceptedOn) {
        chaseOn = addDays(e.otherLaReferredOn, OTHER_LA_CHASE_DAYS);
        waitingFor.push(`${e.otherLa ?? 'The receiving authority'} to accept the referral (chase on ${formatUk(chaseOn)})`);
      }
      if (e.otherLaAcceptedOn && compareIso(closedOn, e.otherLaAcceptedOn) < 0) {
        problems.push({ field: 'closedOn', message: `Date closed ${formatUk(closedOn)} is before the receiving authority accepted (${formatUk(e.otherLaAcceptedOn)}).` });
      }
      break;
    }
    case 'moved_overseas':
      // 003: enquiries continue "including cases where the young person has left the UK" until confirmed.
      need('overseasCountry', e.overseasCountry, 'Destination country is required when closing as moved overseas.');
      need('overseasVerifiedHow', e.overseasVerifiedHow, 'How the move was verified is required (e.g. Home Office travel record, confirmation from the school abroad).');
      authorisationReasons.push('Moved overseas: the child’s education abroad is not confirmed by this authority, and the line manager authorises unconfirmed cases.');
      break;
    case 'unresolved_lost': {
      // 000 §7(g), 003 App. D: the lost-pupil steps and the database checks come first.
      if (c.dateLocated !== null) {
        problems.push({ field: 'reason', message: `The child was located on ${formatUk(c.dateLocated)}, so the case can't be closed as not found. Choose the outcome that applies.` });
      }
      need('s2sUploadedOn', e.s2sUploadedOn, 'Date of the S2S lost pupil upload is required: record when the child was entered on the S2S lost pupil database (CTF destination XXXXXXX).');
      need('reasonableStepsLetterOn', e.reasonableStepsLetterOn, "Date of the reasonable-steps letter is required: record when the last school was sent the reasonable-steps letter.");
      need('socialCareReferral', e.socialCareReferral, "Children's social care referral is required: record the referral made, or why one was considered and not made.");
      const missing = LOST_PUPIL_CHECKS.filter((a) => !c.checksDone.includes(a));
      const missingAll: string[] = [...missing];
      if (c.flags.childProtectionPlan && !c.checksDone.includes('home_office')) missingAll.push('home_office');
      if (missingAll.length > 0) {
        problems.push({ field: 'checks', message: `Record these checks on the Checks tab first: ${missingAll.map((a) => labelOf(CHECK_AGENCIES, a)).join(', ')}.` });
      }
      authorisationReasons.push('Not found after all enquiries: unfound pupils go to line management for confirmation of closure.');
      break;
    }
    case 'other':
      need('detail', e.detail, 'Reason is required when closing as "Other".');
      authorisationReasons.push('"Other" is not a confirmed outcome: a manager confirms it.');
      break;
    default:
      break;
  }

  if (safeguarding) {
    authorisationReasons.push("Safeguarding case (child protection, child in need, looked after, missing from home or care, or at risk of exploitation): a manager confirms the conclusion.");
    if (!CONFIRMED_REASONS.includes(reason) || (reason === 'moved_other_la' && !e.otherLaAcceptedOn)) {
      need('safeguardingConclusion', e.safeguardingConclusion, "Conclusion from children's social care or the police is required: a safeguarding case closes only after they conclude (003; 000 §9).");
    }
  }
  return { problems, waitingFor, authorisationReasons, chaseOn };
}

export interface AuthoriserCandidate {
  id: number;
  name: string;
  isManager: boolean;
  active: boolean;
}

/**
 * Who may authorise a closure: an active manager who is not the proposer (003 App. D/E: confirmed
 * by line management). Returns the reason they can't, or null. The authoriser is one argument so
 * that sign-in can supply it later.
 */
export function authoriserProblem(proposerId: number, authoriser: AuthoriserCandidate): string | null {
  if (!authoriser.active) return `${authoriser.name} is marked as having left, so can't authorise a closure. Choose an active manager.`;
  if (!authoriser.isManager) return `${authoriser.name} is not a manager. A closure needing authorisation is confirmed by a manager (mark managers on the Officers page).`;
  if (authoriser.id === proposerId) return `${authoriser.name} proposed this closure, so can't also authorise it. Another manager must authorise it.`;
  return null;
}

/** The next twice-yearly review of an unfound case (003 App. D). */
export function nextUnfoundReview(from: IsoDate): IsoDate {
  return addMonths(from, UNFOUND_REVIEW_MONTHS);
}

/** An unfound (closed as lost) case is due for review on or after its review date. */
export function isUnfoundReviewDue(reviewDue: IsoDate | null, onDate: IsoDate): boolean {
  return reviewDue !== null && compareIso(reviewDue, onDate) <= 0;
}

/** A proposed closure still waiting (closures service): for another LA's acceptance when it has a chase date, otherwise for a manager. */
export interface PendingClosure {
  proposedBy: string;
  proposedOn: IsoDate;
  reason: ClosureReason | string;
  chaseOn: IsoDate | null;
}

/** What a pending closure is waiting for, as Home and the panel agenda say it. */
export function pendingClosureWaitingFor(p: Pick<PendingClosure, 'chaseOn'>): string {
  return p.chaseOn !== null
    ? `waiting for the receiving authority to accept (chase ${formatUk(p.chaseOn)})`
    : 'waiting for a manager to authorise';
}

/**
 * The agenda's reason for a case whose closure is proposed: who proposed it, when and why, and what
 * it waits for, so the chair can see whether the panel is asked to agree a closure or to chase one.
 * A lead officer's plain "propose for closure" (no proposal recorded yet) says only that.
 */
export function closureProposedText(p: PendingClosure | null): string {
  if (p === null) return 'Lead officer proposes closure';
  return `Closure proposed by ${p.proposedBy} on ${formatUk(p.proposedOn)}, as “${labelOf(CLOSURE_REASONS, p.reason)}”: ${pendingClosureWaitingFor(p)}`;
}
