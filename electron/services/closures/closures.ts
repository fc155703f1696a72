/**
 * Closing a case, the one service path: propose (reason + evidence) → authorise by a named manager
 * where the rules in shared/domain/closure.ts ask for it → closed. Used by the case page and by the
 * meeting cockpit (items.ts closeFromItem), so both follow the same rules.
 */
import { flagsOf, numOrNull, strOrNull } from '../rows';
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { ClosureProposal } from '../../../shared/api/schemas';
import { AppError, invalid } from '../../../shared/api/errors';
import { compareIso, formatUk } from '../../../shared/domain/dates';
import { assessClosure, authoriserProblem, nextUnfoundReview, type AuthoriserCandidate, type ClosureCase, type ClosureEvidence } from '../../../shared/domain/closure';
import { sameUserName } from '../../../db/keyring';
import { linkedOfficerId } from '../users/users';
import { labelOf, CLOSURE_REASONS, type ClosureReason } from '../../../shared/domain/vocab';
import { getOfficer } from '../settings/officers';
import { addNoteRow } from '../register/cases';
import type { Row } from '../rows';

export interface ProposalFields extends ClosureEvidence {
  reason: ClosureReason;
  closedOn: string;
  /** The officer proposing (the lead officer, or whoever presents it). */
  proposedById: number;
}


function caseFacts(db: Db, caseId: number): { row: Row; facts: ClosureCase } {
  const row = db
    .prepare(
      `SELECT c.*, ch.date_of_birth, ch.child_protection_plan, ch.child_in_need, ch.looked_after, ch.missing_from_home_or_care, ch.at_risk_of_exploitation
       FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.id = ?`,
    )
    .get(caseId) as Row | undefined;
  if (!row) throw new AppError('not_found', `There is no case with record number ${caseId}. Go back to the register and search again.`);
  const checksDone = (db.prepare('SELECT DISTINCT agency FROM checks WHERE case_id = ?').all(caseId) as { agency: string }[]).map((r) => r.agency);
  return {
    row,
    facts: {
      register: row.register as ClosureCase['register'],
      dateNotified: String(row.date_notified),
      dateOfBirth: String(row.date_of_birth),
      dateLocated: strOrNull(row.date_located),
      flags: flagsOf(row),
      checksDone,
    },
  };
}

function evidenceOf(r: Row): ClosureEvidence {
  return {
    evidence: String(r.evidence),
    detail: strOrNull(r.detail),
    s2sUploadedOn: strOrNull(r.s2s_uploaded_on),
    reasonableStepsLetterOn: strOrNull(r.reasonable_steps_letter_on),
    socialCareReferral: strOrNull(r.social_care_referral),
    safeguardingConclusion: strOrNull(r.safeguarding_conclusion),
    otherLa: strOrNull(r.other_la),
    otherLaContact: strOrNull(r.other_la_contact),
    otherLaReferredOn: strOrNull(r.other_la_referred_on),
    otherLaAcceptedOn: strOrNull(r.other_la_accepted_on),
    overseasCountry: strOrNull(r.overseas_country),
    overseasVerifiedHow: strOrNull(r.overseas_verified_how),
  };
}

/**
 * Who can authorise a pending closure: the register's managers (users with the manager role, issue 13),
 * but not the proposer (their linked officer record or the same name). A register without users yet
 * (scripts driving the services) falls back to the officers marked as managers.
 */
function authorisersFor(db: Db, proposerId: number, proposerName: string): ClosureProposal['authorisers'] {
  const users = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  if (users.n > 0) {
    const rows = db
      .prepare(`SELECT u.id, u.name, u.officer_id, o.job_title FROM users u LEFT JOIN officers o ON o.id = u.officer_id WHERE u.role = 'manager' AND u.removed_at IS NULL ORDER BY u.name COLLATE NOCASE`)
      .all() as Row[];
    return rows
      .filter((u) => Number(u.officer_id ?? 0) !== proposerId && !sameUserName(String(u.name), proposerName))
      .map((u) => ({ id: Number(u.id), name: String(u.name), jobTitle: strOrNull(u.job_title) }));
  }
  return (db.prepare('SELECT id, name, job_title FROM officers WHERE is_manager = 1 AND active = 1 AND id <> ? ORDER BY name').all(proposerId) as Row[]).map((o) => ({
    id: Number(o.id),
    name: String(o.name),
    jobTitle: strOrNull(o.job_title),
  }));
}

/** The case's closure proposals: a pending one first, then the rest newest first. */
export function listClosures(db: Db, caseId: number): ClosureProposal[] {
  const rows = db.prepare(`SELECT * FROM closure_proposals WHERE case_id = ? ORDER BY status = 'pending' DESC, id DESC`).all(caseId) as Row[];
  if (rows.length === 0) return [];
  const { facts } = caseFacts(db, caseId);
  return rows.map((r) => {
    const pending = r.status === 'pending';
    const a = assessClosure(facts, r.reason as ClosureReason, String(r.closed_on), evidenceOf(r));
    return {
      id: Number(r.id),
      status: r.status as ClosureProposal['status'],
      reason: r.reason as ClosureReason,
      closedOn: String(r.closed_on),
      ...evidenceOf(r),
      chaseOn: strOrNull(r.chase_on),
      proposedById: Number(r.proposed_by_id),
      proposedByName: String(r.proposed_by_name),
      proposedOn: String(r.proposed_on),
      meetingId: numOrNull(r.meeting_id),
      decidedByName: strOrNull(r.decided_by_name),
      decidedOn: strOrNull(r.decided_on),
      decisionNote: strOrNull(r.decision_note),
      waitingFor: pending ? a.waitingFor : [],
      authorisationReasons: a.authorisationReasons,
      authorisers: pending ? authorisersFor(db, Number(r.proposed_by_id), String(r.proposed_by_name)) : [],
    };
  });
}

function pendingRow(db: Db, caseId: number): Row | undefined {
  return db.prepare(`SELECT * FROM closure_proposals WHERE case_id = ? AND status = 'pending'`).get(caseId) as Row | undefined;
}

/** Close the case row itself. Only this module calls it, after the rules have passed. */
function applyClosure(db: Db, ctx: WriteContext, row: Row, closure: { reason: ClosureReason; closedOn: string; detail: string | null }): void {
  const { reason, closedOn, detail } = closure;
  const caseId = Number(row.id);
  auditedUpdate(db, ctx, 'cases', { entity: 'case', caseId, childId: Number(row.child_id) }, caseId, {
    status: 'closed',
    closed_on: closedOn,
    closure_reason: reason,
    closure_detail: detail,
    closure_proposed: 0,
    // Not found: reviewed twice a year and brought back to the agenda (003 App. D).
    unfound_review_due: reason === 'unresolved_lost' ? nextUnfoundReview(closedOn) : null,
  });
}

/** A note on the case's record of what the closure path did. */
function note(db: Db, ctx: WriteContext, n: { row: Row; on: string; text: string }): void {
  addNoteRow(db, ctx, { caseId: Number(n.row.id), childId: Number(n.row.child_id), notedOn: n.on, text: n.text });
}

/**
 * An officer proposes closure. Refused (naming the field) if anything the policy asks for is missing.
 * If nothing is waiting and no manager must authorise, the case closes now; otherwise it stays open,
 * marked for the next panel's proposed closures, until a manager authorises.
 * A new proposal replaces a pending one (e.g. to record the receiving LA's acceptance).
 */
export function proposeCaseClosure(db: Db, ctx: WriteContext, p: ProposalFields & { id: number; meetingId?: number | null }, today: string): { closed: boolean } {
  const { id: caseId, meetingId = null } = p;
  const { row, facts } = caseFacts(db, caseId);
  if (row.status === 'closed') throw new AppError('conflict', `Case ${String(row.reference)} is already closed. Reopen it first (Reopen case, with a reason).`);
  const proposer = getOfficer(db, p.proposedById);
  if (!proposer.active) throw invalid('proposedById', `${proposer.name} is marked as having left, so can't propose a closure. Choose an active officer.`);
  if (compareIso(p.closedOn, today) > 0) throw invalid('closedOn', `Date closed ${formatUk(p.closedOn)} is in the future. A case is closed on or before today.`);
  const a = assessClosure(facts, p.reason, p.closedOn, p);
  const first = a.problems[0];
  if (first) throw invalid(first.field, first.message);

  const link = { entity: 'closure_proposal', caseId, childId: Number(row.child_id) };
  const prior = pendingRow(db, caseId);
  if (prior) auditedUpdate(db, ctx, 'closure_proposals', link, Number(prior.id), { status: 'withdrawn', decision_note: 'Replaced by a new proposal', decided_on: today });
  const closesNow = a.waitingFor.length === 0 && a.authorisationReasons.length === 0;
  auditedInsert(db, ctx, 'closure_proposals', link, {
    case_id: caseId,
    status: closesNow ? 'closed' : 'pending',
    reason: p.reason,
    closed_on: p.closedOn,
    detail: p.detail,
    evidence: p.evidence,
    s2s_uploaded_on: p.s2sUploadedOn,
    reasonable_steps_letter_on: p.reasonableStepsLetterOn,
    social_care_referral: p.socialCareReferral,
    safeguarding_conclusion: p.safeguardingConclusion,
    other_la: p.otherLa,
    other_la_contact: p.otherLaContact,
    other_la_referred_on: p.otherLaReferredOn,
    other_la_accepted_on: p.otherLaAcceptedOn,
    chase_on: a.chaseOn,
    overseas_country: p.overseasCountry,
    overseas_verified_how: p.overseasVerifiedHow,
    proposed_by_id: proposer.id,
    proposed_by_name: proposer.name,
    proposed_on: today,
    meeting_id: meetingId,
    created_at: ctx.now(),
  });
  const label = labelOf(CLOSURE_REASONS, p.reason);
  if (closesNow) {
    applyClosure(db, ctx, row, { reason: p.reason, closedOn: p.closedOn, detail: closureDetail(p) });
    return { closed: true };
  }
  auditedUpdate(db, ctx, 'cases', { entity: 'case', caseId, childId: Number(row.child_id) }, caseId, { closure_proposed: 1 });
  const waiting = [...a.waitingFor, ...(a.authorisationReasons.length ? ['authorisation by a manager'] : [])];
  note(db, ctx, { row, on: today, text: `Closure proposed by ${proposer.name} (${label}). Case stays open until: ${waiting.join('; ')}.` });
  return { closed: false };
}

/** Free text kept on the closed case: the detail, or the place/authority the child went to. */
function closureDetail(p: ClosureEvidence): string | null {
  return p.detail ?? p.otherLa ?? p.overseasCountry ?? null;
}

/**
 * Who decides a pending closure: the signed-in user (issue 13), who must be a manager and not the
 * proposer (the same officer record, or the same name); without a signed-in user (scripts, tests
 * driving the services directly) the officer named by `officerId`.
 */
function deciderFor(db: Db, ctx: WriteContext, p: Record<string, unknown>, officerId: number | undefined, field: string): AuthoriserCandidate {
  if (ctx.user) {
    const linked = linkedOfficerId(db, ctx.user.id);
    const proposerId = Number(p.proposed_by_id);
    const sameAsProposer = linked === proposerId || sameUserName(String(p.proposed_by_name), ctx.user.name);
    return { id: sameAsProposer ? proposerId : (linked ?? 0), name: ctx.user.name, isManager: ctx.user.role === 'manager', active: true };
  }
  if (officerId === undefined) throw invalid(field, 'Choose the manager who decides.');
  return getOfficer(db, officerId);
}

/** A manager authorises the pending closure: the case closes. */
export function authoriseClosure(db: Db, ctx: WriteContext, args: MethodArgs<'closures.authorise'>, today: string): void {
  const { id: caseId, authorisedById: authoriserId, note: decisionNote } = args;
  const { row, facts } = caseFacts(db, caseId);
  const p = pendingRow(db, caseId);
  if (!p) throw new AppError('conflict', `Case ${String(row.reference)} has no closure waiting for authorisation. Propose the closure first.`);
  const authoriser = deciderFor(db, ctx, p, authoriserId, 'authorisedById');
  const problem = authoriserProblem(Number(p.proposed_by_id), authoriser);
  if (problem) throw invalid('authorisedById', problem);
  const evidence = evidenceOf(p);
  // The rules are checked again: the case may have changed since the proposal (e.g. a new flag).
  const a = assessClosure(facts, p.reason as ClosureReason, String(p.closed_on), evidence);
  const first = a.problems[0];
  if (first) throw invalid(first.field, `${first.message} (The proposal can't be authorised until this is recorded: propose it again with it.)`);
  if (a.waitingFor.length > 0) throw new AppError('conflict', `This closure is still waiting for: ${a.waitingFor.join('; ')}. Record that first (propose again with it).`);
  auditedUpdate(db, ctx, 'closure_proposals', { entity: 'closure_proposal', caseId, childId: Number(row.child_id) }, Number(p.id), {
    status: 'authorised', decided_by_id: authoriser.id || null, decided_by_name: authoriser.name, decided_on: today, decision_note: decisionNote,
  });
  // The closure date is the date of the outcome (e.g. the last day of school age, 000 §7(h)); the
  // authorisation date is kept on the proposal. Until now the case was open on the register.
  applyClosure(db, ctx, row, { reason: p.reason as ClosureReason, closedOn: String(p.closed_on), detail: closureDetail(evidence) });
  note(db, ctx, { row, on: today, text: `Closure authorised by ${authoriser.name} (manager); proposed by ${String(p.proposed_by_name)} on ${formatUk(String(p.proposed_on))}.${decisionNote ? ` ${decisionNote}` : ''}` });
}

/** A manager declines (sends back) the pending closure, saying why: the case stays open. */
export function declineClosure(db: Db, ctx: WriteContext, args: MethodArgs<'closures.decline'>, today: string): void {
  const { id: caseId, decidedById: deciderId, reason } = args;
  const { row } = caseFacts(db, caseId);
  const p = pendingRow(db, caseId);
  if (!p) throw new AppError('conflict', `Case ${String(row.reference)} has no closure waiting for a decision.`);
  const decider = deciderFor(db, ctx, p, deciderId, 'decidedById');
  const problem = authoriserProblem(Number(p.proposed_by_id), decider);
  if (problem) throw invalid('decidedById', problem);
  auditedUpdate(db, ctx, 'closure_proposals', { entity: 'closure_proposal', caseId, childId: Number(row.child_id) }, Number(p.id), {
    status: 'declined', decided_by_id: decider.id || null, decided_by_name: decider.name, decided_on: today, decision_note: reason,
  });
  auditedUpdate(db, ctx, 'cases', { entity: 'case', caseId, childId: Number(row.child_id) }, caseId, { closure_proposed: 0 });
  note(db, ctx, { row, on: today, text: `Closure declined by ${decider.name}: ${reason}` });
}

/** The twice-yearly review of an unfound case (003 App. D): what was checked, and the next review date. */
export function recordUnfoundReview(db: Db, ctx: WriteContext, args: MethodArgs<'closures.recordUnfoundReview'>, today: string): void {
  const { id: caseId, outcome } = args;
  const { row } = caseFacts(db, caseId);
  if (row.status !== 'closed' || row.closure_reason !== 'unresolved_lost') {
    throw new AppError('conflict', `Case ${String(row.reference)} is not closed as not found, so it has no unfound review. If the child has been found, reopen the case.`);
  }
  auditedUpdate(db, ctx, 'cases', { entity: 'case', caseId, childId: Number(row.child_id) }, caseId, { unfound_review_due: nextUnfoundReview(today) });
  note(db, ctx, { row, on: today, text: `Unfound case reviewed: ${outcome} Next review ${formatUk(nextUnfoundReview(today))}.` });
}
