import { numOrNull, strOrNull } from '../rows';
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { initials } from '../../../shared/domain/redaction';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { ActionRow, EscalationRow, ItemCase, ItemDetail } from '../../../shared/api/meetingSchemas';
import { AppError, invalid } from '../../../shared/api/errors';
import { addDays, compareIso, formatUk } from '../../../shared/domain/dates';
import { FLAG_KEYS } from '../../../shared/api/schemas';
import { getCaseDetail } from '../register/cases';
import { proposeCaseClosure } from '../closures/closures';
import { getOfficer } from '../settings/officers';
import { inMeeting, itemRow, meetingRow, requireMeeting, toItem, toAction, ACTION_SQL, bump } from './meetingRows';
import type { Row } from '../rows';
import { DISCUSSED_SQL, LAST_DISCUSSED_SQL } from '../register/discussed';
import { recordRag, recordAllocation } from '../register/history';
import { activeLadder, listEscalations } from '../escalations/escalations';
import { ladderLevelProblem, responseDueProblem } from '../../../shared/domain/escalation';
import { newActionProblem } from '../../../shared/domain/actions';
import { matchOwner } from '../../../shared/domain/actionOwner';

/** Minutes can be written while the meeting runs and tidied as a draft; approved minutes are locked. */
const requireRecordable = (m: Row): void => requireMeeting(m, 'record');


function itemCase(db: Db, at: { caseId: number; meetingId: number; meetingDate: string }, today: string): ItemCase {
  const { caseId, meetingId, meetingDate } = at;
  const d = getCaseDetail(db, caseId, today);
  const reviewed = new Map(
    (db.prepare('SELECT action_id, outcome FROM action_reviews WHERE meeting_id = ?').all(meetingId) as { action_id: number; outcome: ActionRow['reviewedHere'] }[]).map((r) => [r.action_id, r.outcome]),
  );
  // Open actions raised before this meeting, and any already reviewed here (so their outcome shows).
  const actions = (db
    .prepare(`${ACTION_SQL} WHERE x.case_id = ? AND (x.meeting_id IS NULL OR x.meeting_id <> ?) AND (x.status IN ('open', 'carried_forward') OR x.id IN (SELECT action_id FROM action_reviews WHERE meeting_id = ?)) ORDER BY x.due_date`)
    .all(caseId, meetingId, meetingId) as Row[]).map((r) => toAction(r, reviewed.get(Number(r.id)) ?? null));
  const last = db.prepare(LAST_DISCUSSED_SQL).get(caseId, meetingId, meetingDate) as Row | undefined;
  return {
    caseId,
    reference: d.case.reference,
    register: d.case.register,
    status: d.case.status,
    forenames: d.child.forenames,
    surname: d.child.surname,
    initials: initials(d.child.forenames, d.child.surname),
    ageYears: d.clocks.ageYears,
    yearGroupLabel: d.clocks.yearGroupLabel,
    flags: FLAG_KEYS.filter((k) => d.child.flags[k]),
    rag: d.case.rag,
    ragReason: d.case.ragReason,
    leadOfficerId: d.case.leadOfficerId,
    leadOfficerName: d.case.leadOfficerName,
    daysOpen: d.clocks.daysOpen,
    dueForPanel: d.clocks.dueForPanel,
    longTerm: d.clocks.longTerm,
    endOfCsaReached: d.clocks.endOfCsaReached,
    concerns: d.clocks.concerns,
    checksCount: d.checks.length,
    lastChecks: d.checks.slice(0, 4).map((c) => ({ agency: c.agency, checkedOn: c.checkedOn, outcome: c.outcome })),
    lastMinute: last
      ? {
          meetingDate: String(last.date), discussion: strOrNull(last.discussion), decisions: strOrNull(last.decisions), outcome: strOrNull(last.outcome),
          // What the panel agreed to do is part of its minute (QA walk: an item with only an action read "Nothing recorded").
          actionsAgreed: (db.prepare('SELECT text FROM actions WHERE agenda_item_id = ? ORDER BY id').pluck().all(last.item_id) as string[]),
        }
      : null,
    openActions: actions,
  };
}

function defaultDueDate(db: Db, m: Row): string {
  const next = db.prepare('SELECT date FROM meetings WHERE panel_id = ? AND date > ? ORDER BY date LIMIT 1').get(m.panel_id, m.date) as { date: string } | undefined;
  // The day before the next meeting, so the answer is ready for it; a month on if none is booked.
  return addDays(next?.date ?? addDays(String(m.date), 28), -1);
}

export function getItem(db: Db, itemId: number, today: string): ItemDetail {
  const it = itemRow(db, itemId);
  const m = meetingRow(db, Number(it.meeting_id));
  const full = db
    .prepare(
      `SELECT a.*, c.reference, c.rag AS case_rag, ch.forenames, ch.surname, (SELECT count(*) FROM actions x WHERE x.agenda_item_id = a.id) AS actions_agreed,
         ${DISCUSSED_SQL} AS discussed
       FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id LEFT JOIN children ch ON ch.id = c.child_id WHERE a.id = ?`,
    )
    .get(itemId) as Row;
  return {
    item: toItem(full),
    case: it.case_id === null ? null : itemCase(db, { caseId: Number(it.case_id), meetingId: Number(m.id), meetingDate: String(m.date) }, today),
    actionsAgreed: (db.prepare(`${ACTION_SQL} WHERE x.agenda_item_id = ? ORDER BY x.id`).all(itemId) as Row[]).map((r) => toAction(r)),
    escalations: (db.prepare('SELECT * FROM escalations WHERE agenda_item_id = ? ORDER BY id').all(itemId) as Row[]).map(toEscalation),
    defaultDueDate: defaultDueDate(db, m),
    openEscalations: it.code === 'escalations' ? openEscalationsFor(db, Number(m.panel_id), today) : [],
  };
}

/** Open escalations are a standing item at the next meeting of the case's panel. */
function openEscalationsFor(db: Db, panelId: number, today: string): ItemDetail['openEscalations'] {
  const register = (db.prepare('SELECT register FROM panels WHERE id = ?').get(panelId) as { register: string }).register;
  return listEscalations(db, today)
    .filter((e) => e.register === register && (e.status === 'open' || e.status === 'responded'))
    .map((e) => {
      const last = e.chain[e.chain.length - 1]!;
      return {
        id: e.id, caseId: e.caseId, reason: e.reason, level: e.level, levelTitle: e.levelTitle, escalatedTo: last.escalatedTo, asked: last.asked,
        raisedBy: last.raisedBy, raisedOn: last.raisedOn, responseDue: last.responseDue, status: e.status, meetingId: last.meetingId, agendaItemId: null,
        caseReference: e.caseReference, ageDays: e.ageDays, responseOverdue: e.responseOverdue,
      };
    });
}

export const toEscalation = (r: Row): EscalationRow => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  reason: String(r.reason),
  level: Number(r.level),
  levelTitle: String(r.level_title),
  escalatedTo: strOrNull(r.escalated_to),
  asked: strOrNull(r.asked),
  raisedBy: String(r.raised_by),
  raisedOn: String(r.raised_on),
  responseDue: strOrNull(r.response_due),
  status: r.status as EscalationRow['status'],
  meetingId: numOrNull(r.meeting_id),
  agendaItemId: numOrNull(r.agenda_item_id),
});

interface Ctx { it: Row; m: Row; c: WriteContext; caseId: number | null }
function open(db: Db, ctx: WriteContext, itemId: number): Ctx {
  const it = itemRow(db, itemId);
  const m = meetingRow(db, Number(it.meeting_id));
  requireRecordable(m);
  return { it, m, c: inMeeting(ctx, Number(m.id)), caseId: numOrNull(it.case_id) };
}
const requireCase = (x: Ctx): number => {
  if (x.caseId === null) throw invalid('itemId', 'This is a standing item, not a case: RAG, lead officer, actions and escalations belong to case items.');
  return x.caseId;
};
const done = (db: Db, x: Ctx, today: string) => {
  bump(db, Number(x.m.id));
  return getItem(db, Number(x.it.id), today);
};

/** The record's text fields: the input's name, the column and how a person calls it. */
const RECORD_TEXT = [
  ['discussion', 'discussion', 'The discussion'],
  ['decisions', 'decisions', 'The decisions'],
  ['outcomeDetail', 'outcome_detail', 'The outcome detail'],
] as const;

export function recordItem(db: Db, ctx: WriteContext, f: MethodArgs<'items.record'>, today: string): ItemDetail {
  const { itemId } = f;
  const x = open(db, ctx, itemId);
  // Two windows on one item (QA walk): a save typed over stale text replaced the other window's
  // minute without a word. A window that says what it started from is refused if that has changed.
  for (const [key, col, label] of RECORD_TEXT) {
    const base = f.base?.[key];
    if (base === undefined || f[key] === undefined) continue;
    if ((strOrNull(x.it[col]) ?? '') !== (base ?? '')) {
      throw new AppError('conflict', `${label} on this item was changed in another window while you were typing. Your text is kept; it is added after theirs.`, `base.${key}`);
    }
  }
  const cols: Row = {};
  if (f.discussion !== undefined) cols.discussion = f.discussion;
  if (f.decisions !== undefined) cols.decisions = f.decisions;
  if (f.outcome !== undefined) cols.outcome = f.outcome;
  if (f.outcomeDetail !== undefined) cols.outcome_detail = f.outcomeDetail;
  if (f.done !== undefined) cols.done = f.done;
  auditedUpdate(db, x.c, 'agenda_items', { entity: 'agenda_item', caseId: x.caseId }, itemId, cols);
  // An 'archive' outcome is the panel presenting the case for archiving: the named Director decides
  // and records it on the case (archiving.ts; seed 001 §6.2), so the outcome alone archives nothing.
  return done(db, x, today);
}

/** The panel's RAG decision: the case's rating changes at once, with the meeting as its source. */
export function setItemRag(db: Db, ctx: WriteContext, args: MethodArgs<'items.setRag'>, today: string): ItemDetail {
  const { itemId, rag, reason } = args;
  const x = open(db, ctx, itemId);
  const caseId = requireCase(x);
  const k = db.prepare('SELECT rag, child_id, status FROM cases WHERE id = ?').get(caseId) as Row;
  if (k.status === 'closed') throw new AppError('conflict', 'This case is closed; reopen it from the case page to change its rating.');
  // rag_before / lead_before_id are a write-once snapshot of what the case held when the panel first
  // changed it; the change itself is audited on the case with its old value, so the snapshot adds
  // nothing to the record and is not audited separately (issue 11).
  if (x.it.rag_before === null && k.rag !== null) db.prepare('UPDATE agenda_items SET rag_before = ? WHERE id = ?').run(k.rag, itemId);
  auditedUpdate(db, x.c, 'cases', { entity: 'case', caseId, childId: Number(k.child_id) }, caseId, { rag, rag_reason: reason });
  recordRag(db, x.c, { caseId, from: strOrNull(k.rag), to: rag, reason, onDate: String(x.m.date) });
  return done(db, x, today);
}

export function setItemLead(db: Db, ctx: WriteContext, args: MethodArgs<'items.setLead'>, today: string): ItemDetail {
  const { itemId, officerId, reason } = args;
  const x = open(db, ctx, itemId);
  const caseId = requireCase(x);
  if (officerId !== null) {
    const o = getOfficer(db, officerId);
    if (!o.active) throw invalid('officerId', `${o.name} is marked as having left, so can't lead a case. Choose an active officer.`);
  }
  const k = db.prepare('SELECT lead_officer_id, child_id FROM cases WHERE id = ?').get(caseId) as Row;
  if (x.it.lead_before_id === null && k.lead_officer_id !== null) db.prepare('UPDATE agenda_items SET lead_before_id = ? WHERE id = ?').run(k.lead_officer_id, itemId);
  auditedUpdate(db, x.c, 'cases', { entity: 'case', caseId, childId: Number(k.child_id) }, caseId, { lead_officer_id: officerId });
  recordAllocation(db, x.c, { caseId, from: numOrNull(k.lead_officer_id), to: officerId, reason, onDate: String(x.m.date) });
  return done(db, x, today);
}

/**
 * The panel decides to close: recorded as a closure proposal through the same service as the case
 * page (closures.ts), with the meeting as its source. Where a manager must authorise (e.g. a child
 * not found), the case stays open and on the agenda until a manager does.
 */
export function closeFromItem(db: Db, ctx: WriteContext, args: MethodArgs<'items.close'>, today: string): ItemDetail {
  const { itemId, reason, detail, evidence } = args;
  const x = open(db, ctx, itemId);
  const caseId = requireCase(x);
  const k = db.prepare('SELECT lead_officer_id FROM cases WHERE id = ?').get(caseId) as Row;
  const proposedById = args.proposedById ?? numOrNull(k.lead_officer_id);
  if (proposedById === null) {
    throw invalid('proposedById', 'This case has no lead officer to propose the closure. Allocate a lead officer first (Lead officer), then close.');
  }
  const meetingDate = String(x.m.date);
  const { closed } = proposeCaseClosure(db, x.c, {
    id: caseId, meetingId: Number(x.m.id), reason, closedOn: meetingDate <= today ? meetingDate : today, proposedById, detail,
    evidence: evidence ?? `Panel decision at the meeting on ${formatUk(meetingDate)}${detail ? `: ${detail}` : ''}.`,
    s2sUploadedOn: null, reasonableStepsLetterOn: null, socialCareReferral: null, safeguardingConclusion: null,
    otherLa: null, otherLaContact: null, otherLaReferredOn: null, otherLaAcceptedOn: null, overseasCountry: null, overseasVerifiedHow: null,
  }, today);
  const outcomeDetail = closed ? detail : `Closure proposed; the case stays open until a manager authorises it.${detail ? ` ${detail}` : ''}`;
  auditedUpdate(db, x.c, 'agenda_items', { entity: 'agenda_item', caseId }, itemId, { outcome: 'close', outcome_detail: outcomeDetail });
  return done(db, x, today);
}

/**
 * An action agreed at panel always has an owner (000 §7 d "agree actions"): an officer, or a person
 * or agency named. A name that only shortens an officer's is refused unless the form says the owner
 * is outside the council (`ownerOutside`), so an officer's action is never lost as free text.
 */
export function addAction(db: Db, ctx: WriteContext, f: MethodArgs<'items.createAction'>, today: string): ItemDetail {
  const { itemId } = f;
  const x = open(db, ctx, itemId);
  const caseId = requireCase(x);
  const typed = f.ownerText?.trim() || null;
  const k = db.prepare('SELECT status, reference FROM cases WHERE id = ?').get(caseId) as Row;
  const officersInPost = db.prepare('SELECT id, name FROM officers WHERE active = 1').all() as { id: number; name: string }[];
  // An officer's own name typed in is that officer (saved by id, so it reaches their action list).
  const named = f.ownerId === null && typed !== null ? matchOwner(typed, officersInPost) : null;
  const ownerId = named?.kind === 'officer' ? named.officer.id : f.ownerId;
  const ownerText = ownerId === null ? typed : null;
  const problem = newActionProblem({
    caseReference: String(k.reference), caseClosed: k.status === 'closed', dueDate: f.dueDate, earliestDue: String(x.m.date), earliestLabel: 'this meeting',
    officer: ownerId === null ? null : getOfficer(db, ownerId), ownerText, ownerRequired: true, officersInPost, ownerOutside: f.ownerOutside,
  });
  if (problem) throw problem.kind === 'conflict' ? new AppError('conflict', problem.message) : invalid(problem.field, problem.message);
  auditedInsert(db, x.c, 'actions', { entity: 'action', caseId }, {
    case_id: caseId, meeting_id: x.m.id, agenda_item_id: itemId, text: f.text, owner_id: ownerId, owner_text: ownerText,
    due_date: f.dueDate, status: 'open', carried_count: 0, created_at: ctx.now(),
  });
  return done(db, x, today);
}

/** Reviewing an earlier action at this meeting: done, carried forward (with why and when), or no longer needed. */
export function reviewAction(db: Db, ctx: WriteContext, args: MethodArgs<'items.reviewAction'>, today: string): ItemDetail {
  const { itemId, actionId, outcome, reason, newDueDate } = args;
  const x = open(db, ctx, itemId);
  const a = db.prepare('SELECT * FROM actions WHERE id = ?').get(actionId) as Row | undefined;
  if (!a) throw invalid('actionId', 'That action no longer exists. Reload the item.');
  if (outcome === 'carried_forward' && !reason) throw invalid('reason', 'Say why the action is carried forward.');
  if (newDueDate && compareIso(newDueDate, String(x.m.date)) < 0) throw invalid('newDueDate', `New due date ${formatUk(newDueDate)} is before this meeting.`);
  const prior = db.prepare('SELECT id FROM action_reviews WHERE action_id = ? AND meeting_id = ?').get(actionId, x.m.id) as { id: number } | undefined;
  if (prior) throw new AppError('conflict', 'This action has already been reviewed at this meeting. Use “Undo last change” to change the review.');
  auditedInsert(db, x.c, 'action_reviews', { entity: 'action_review', caseId: numOrNull(a.case_id) }, {
    action_id: actionId, meeting_id: x.m.id, agenda_item_id: itemId, outcome, reason, new_due_date: newDueDate, created_at: ctx.now(),
  });
  const changes: Row =
    outcome === 'done'
      ? { status: 'done', completed_on: String(x.m.date), completion_note: reason }
      : outcome === 'dropped'
        ? { status: 'dropped', completion_note: reason }
        : { status: 'carried_forward', carried_count: Number(a.carried_count) + 1, due_date: newDueDate ?? a.due_date };
  auditedUpdate(db, x.c, 'actions', { entity: 'action', caseId: numOrNull(a.case_id) }, actionId, changes);
  return done(db, x, today);
}

export function raiseEscalation(db: Db, ctx: WriteContext, f: MethodArgs<'items.createEscalation'>, today: string): ItemDetail {
  const { itemId } = f;
  const x = open(db, ctx, itemId);
  const caseId = requireCase(x);
  // The same ladder check as between meetings (escalations.create).
  const ladder = activeLadder(db);
  const problem = ladderLevelProblem(ladder, f.level);
  if (problem) throw invalid('level', problem);
  const raisedOn = String(x.m.date) <= today ? String(x.m.date) : today;
  const dueProblem = responseDueProblem(f.responseDue, raisedOn);
  if (dueProblem) throw invalid('responseDue', dueProblem);
  auditedInsert(db, x.c, 'escalations', { entity: 'escalation', caseId }, {
    case_id: caseId, meeting_id: x.m.id, agenda_item_id: itemId, reason: f.reason, level: f.level, level_title: f.levelTitle, escalated_to: f.escalatedTo,
    asked: f.asked, raised_by: ctx.actor, raised_on: raisedOn, response_due: f.responseDue, status: 'open', ladder_code: ladder.code, created_at: ctx.now(),
  });
  return done(db, x, today);
}
