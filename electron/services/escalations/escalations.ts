import { numOrNull, strOrNull } from '../rows';
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, auditedSetting, type WriteContext } from '../../../db/audit';
import type { EscalationLogRow, Ladders } from '../../../shared/api/trackingSchemas';
import { AppError, invalid, notFound } from '../../../shared/api/errors';
import { compareIso, formatUk } from '../../../shared/domain/dates';
import { DEFAULT_LADDERS, ladderLevelProblem, ladderRung, nextLevel, escalationAge, isResponseOverdue, canTransition, validateLadder, TOP_OF_LADDER_MESSAGE, responseDueProblem, type Ladder, type EscalationStatus } from '../../../shared/domain/escalation';
import { getSetting } from '../context';
import type { Row } from '../rows';

/** Ladders are configuration (they differ per authority): stored in settings, Bexley's active by default. */
export function getLadders(db: Db): Ladders {
  const raw = getSetting(db, 'escalation_ladders');
  const ladders = raw ? (JSON.parse(raw) as Ladder[]) : DEFAULT_LADDERS.map((l) => ({ ...l, levels: l.levels.map((x) => ({ ...x })) }));
  const active = getSetting(db, 'escalation_ladder') ?? ladders[0]!.code;
  return { active, ladders: ladders.map((l) => ({ ...l, levels: l.levels.map((x) => ({ ...x, person: x.person ?? null })) })) };
}

export function saveLadders(db: Db, ctx: WriteContext, l: Ladders): Ladders {
  for (const ladder of l.ladders) {
    const problems = validateLadder({ ...ladder, levels: ladder.levels.map((x) => ({ ...x, person: x.person ?? null })) });
    if (problems.length) throw invalid('ladders', `${ladder.name}: ${problems[0]}`);
  }
  if (!l.ladders.some((x) => x.code === l.active)) throw invalid('active', 'Choose which ladder your authority uses.');
  auditedSetting(db, ctx, 'escalation_ladders', JSON.stringify(l.ladders));
  auditedSetting(db, ctx, 'escalation_ladder', l.active);
  return getLadders(db);
}

/** The ladder the authority uses (Settings), which every escalation climbs. */
export function activeLadder(db: Db): Ladder {
  const l = getLadders(db);
  return (l.ladders.find((x) => x.code === l.active) ?? l.ladders[0]!) as Ladder;
}

const STEP_SQL = `
  SELECT e.*, c.reference, c.register, ch.forenames, ch.surname FROM escalations e
  JOIN cases c ON c.id = e.case_id JOIN children ch ON ch.id = c.child_id`;

function rootOf(db: Db, id: number): number {
  let cur = id;
  for (;;) {
    const r = db.prepare('SELECT parent_id FROM escalations WHERE id = ?').get(cur) as { parent_id: number | null } | undefined;
    if (!r || r.parent_id === null) return cur;
    cur = r.parent_id;
  }
}

function chainFrom(db: Db, rootId: number): Row[] {
  const steps: Row[] = [];
  let cur = db.prepare(`${STEP_SQL} WHERE e.id = ?`).get(rootId) as Row | undefined;
  while (cur) {
    steps.push(cur);
    cur = db.prepare(`${STEP_SQL} WHERE e.parent_id = ? ORDER BY e.id LIMIT 1`).get(cur.id) as Row | undefined;
  }
  return steps;
}


function toLogRow(db: Db, steps: Row[], today: string, ladder: Ladder): EscalationLogRow {
  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  const status = last.status as EscalationStatus;
  const next = nextLevel(ladder, Number(last.level));
  return {
    id: Number(last.id),
    caseId: Number(last.case_id),
    caseReference: String(last.reference),
    caseName: `${String(last.forenames)} ${String(last.surname)}`,
    register: last.register as EscalationLogRow['register'],
    reason: String(first.reason),
    status,
    level: Number(last.level),
    levelTitle: String(last.level_title),
    raisedOn: String(last.raised_on),
    firstRaisedOn: String(first.raised_on),
    ageDays: escalationAge(String(first.raised_on), status === 'resolved' && last.resolved_on ? String(last.resolved_on) : today),
    responseDue: strOrNull(last.response_due),
    responseOverdue: isResponseOverdue({ status, responseDue: strOrNull(last.response_due) }, today),
    canEscalate: (status === 'open' || status === 'responded') && next !== null,
    nextLevelTitle: next?.title ?? null,
    chain: steps.map((r) => ({
      id: Number(r.id), level: Number(r.level), levelTitle: String(r.level_title), escalatedTo: strOrNull(r.escalated_to), asked: strOrNull(r.asked),
      raisedBy: String(r.raised_by), raisedOn: String(r.raised_on), responseDue: strOrNull(r.response_due), response: strOrNull(r.response), respondedOn: strOrNull(r.responded_on),
      outcome: strOrNull(r.outcome), status: r.status as EscalationStatus, resolvedOn: strOrNull(r.resolved_on), peopleInformed: strOrNull(r.people_informed),
      meetingId: numOrNull(r.meeting_id),
    })),
  };
}

export function getEscalation(db: Db, id: number, today: string): EscalationLogRow {
  if (!db.prepare('SELECT 1 FROM escalations WHERE id = ?').get(id)) throw notFound(`There is no escalation with record number ${id}.`);
  return toLogRow(db, chainFrom(db, rootOf(db, id)), today, activeLadder(db));
}

/** One row per escalation chain, newest first. */
export function listEscalations(db: Db, today: string, caseId?: number): EscalationLogRow[] {
  const roots = caseId
    ? (db.prepare('SELECT id FROM escalations WHERE parent_id IS NULL AND case_id = ? ORDER BY raised_on DESC, id DESC').all(caseId) as { id: number }[])
    : (db.prepare('SELECT id FROM escalations WHERE parent_id IS NULL ORDER BY raised_on DESC, id DESC').all() as { id: number }[]);
  const ladder = activeLadder(db);
  return roots.map((r) => toLogRow(db, chainFrom(db, r.id), today, ladder));
}

export function createEscalation(db: Db, ctx: WriteContext, f: { caseId: number; reason: string; level: number; escalatedTo: string | null; asked: string | null; responseDue: string | null; peopleInformed: string | null }, today: string): EscalationLogRow {
  const k = db.prepare('SELECT id FROM cases WHERE id = ?').get(f.caseId);
  if (!k) throw notFound(`There is no case with record number ${f.caseId}.`);
  const ladder = activeLadder(db);
  const problem = ladderLevelProblem(ladder, f.level);
  if (problem) throw invalid('level', problem);
  const level = ladderRung(ladder, f.level)!;
  const dueProblem = responseDueProblem(f.responseDue, today);
  if (dueProblem) throw invalid('responseDue', dueProblem);
  const id = auditedInsert(db, ctx, 'escalations', { entity: 'escalation', caseId: f.caseId }, {
    case_id: f.caseId, reason: f.reason, level: level.level, level_title: level.title, escalated_to: f.escalatedTo ?? level.person, asked: f.asked,
    raised_by: ctx.actor, raised_on: today, response_due: f.responseDue, status: 'open', people_informed: f.peopleInformed, ladder_code: ladder.code, created_at: ctx.now(),
  });
  return getEscalation(db, id, today);
}

function step(db: Db, id: number): Row {
  const r = db.prepare('SELECT * FROM escalations WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw notFound(`There is no escalation with record number ${id}.`);
  if (db.prepare('SELECT 1 FROM escalations WHERE parent_id = ?').get(id)) {
    throw new AppError('conflict', 'This step has already been escalated; work on the latest step of the chain.');
  }
  return r;
}

function move(r: Row, to: EscalationStatus): void {
  if (!canTransition(r.status as EscalationStatus, to)) {
    throw new AppError('conflict', `This escalation is ${String(r.status)}, so it can't be marked ${to}.`);
  }
}

export function respondEscalation(db: Db, ctx: WriteContext, args: MethodArgs<'escalations.respond'>, today: string): EscalationLogRow {
  const { id, response, respondedOn } = args;
  const r = step(db, id);
  move(r, 'responded');
  if (compareIso(respondedOn, String(r.raised_on)) < 0) throw invalid('respondedOn', `Date of response ${formatUk(respondedOn)} is before the escalation was raised (${formatUk(String(r.raised_on))}).`);
  auditedUpdate(db, ctx, 'escalations', { entity: 'escalation', caseId: Number(r.case_id) }, id, { status: 'responded', response, responded_on: respondedOn });
  return getEscalation(db, id, today);
}

/** Takes the escalation up the authority's ladder: this step is closed as escalated, the next opens. */
export function escalateFurther(db: Db, ctx: WriteContext, f: MethodArgs<'escalations.escalate'>, today: string): EscalationLogRow {
  const { id } = f;
  const r = step(db, id);
  move(r, 'escalated');
  const ladder = activeLadder(db);
  const next = nextLevel(ladder, Number(r.level));
  if (!next) throw new AppError('conflict', `${TOP_OF_LADDER_MESSAGE} (${ladder.name}): resolve it at this level.`);
  const dueProblem = responseDueProblem(f.responseDue, today);
  if (dueProblem) throw invalid('responseDue', dueProblem);
  auditedUpdate(db, ctx, 'escalations', { entity: 'escalation', caseId: Number(r.case_id) }, id, { status: 'escalated' });
  const newId = auditedInsert(db, ctx, 'escalations', { entity: 'escalation', caseId: Number(r.case_id) }, {
    case_id: r.case_id, parent_id: id, reason: r.reason, level: next.level, level_title: next.title, escalated_to: f.escalatedTo ?? next.person, asked: f.asked,
    raised_by: ctx.actor, raised_on: today, response_due: f.responseDue, status: 'open', ladder_code: ladder.code, created_at: ctx.now(),
  });
  return getEscalation(db, newId, today);
}

export function resolveEscalation(db: Db, ctx: WriteContext, args: MethodArgs<'escalations.resolve'>, today: string): EscalationLogRow {
  const { id, outcome, resolvedOn } = args;
  const r = step(db, id);
  move(r, 'resolved');
  if (compareIso(resolvedOn, String(r.raised_on)) < 0) throw invalid('resolvedOn', `Date resolved ${formatUk(resolvedOn)} is before the escalation was raised.`);
  auditedUpdate(db, ctx, 'escalations', { entity: 'escalation', caseId: Number(r.case_id) }, id, { status: 'resolved', outcome, resolved_on: resolvedOn });
  return getEscalation(db, id, today);
}
