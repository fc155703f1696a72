import { createHash } from 'node:crypto';
import type { Db } from '../../../db/open';
import { auditedSetting, type WriteContext } from '../../../db/audit';
import { eraseAuditPayloads } from '../../../db/auditErasure';
import { AppError } from '../../../shared/api/errors';
import { DEFAULT_RETENTION, retentionRuleProblem, retentionVerdict, type RetentionCase, type RetentionRules } from '../../../shared/domain/retention';
import { getSetting } from '../context';
import { eraseFromAlsoEligible } from '../meetings/alsoEligible';

const SETTING = 'retention_rules';

/** The register's retention rules (each register's own, else the default: until the 25th birthday). */
export function retentionRules(db: Db): RetentionRules {
  const raw = getSetting(db, SETTING);
  if (!raw) return DEFAULT_RETENTION;
  try {
    const saved = JSON.parse(raw) as Partial<RetentionRules>;
    return { CME: saved.CME ?? DEFAULT_RETENTION.CME, PMOE: saved.PMOE ?? DEFAULT_RETENTION.PMOE };
  } catch {
    return DEFAULT_RETENTION;
  }
}

export function setRetentionRules(db: Db, ctx: WriteContext, rules: RetentionRules): RetentionRules {
  for (const register of ['CME', 'PMOE'] as const) {
    const problem = retentionRuleProblem(rules[register]);
    if (problem) throw new AppError('invalid_input', `${register} register: the retention period ${problem}.`, `rules.${register}.years`);
  }
  auditedSetting(db, ctx, SETTING, JSON.stringify({ CME: rules.CME, PMOE: rules.PMOE }));
  return rules;
}

/**
 * The signed-in manager who reviews and erases (the role table allows only managers through the
 * dispatcher; this also refuses a call made with nobody signed in, such as a script on the file).
 */
export function requireManager(ctx: WriteContext): string {
  if (ctx.user?.role !== 'manager') {
    throw new AppError('forbidden', 'Only a signed-in manager can see and erase records past retention. Sign in as a manager.');
  }
  return ctx.user.name;
}

interface ChildCases {
  childId: number;
  name: string;
  dateOfBirth: string;
  cases: (RetentionCase & { reference: string })[];
}

/** Every child with their cases, in one pass (50,000 children: one query, grouped here). */
function childrenWithCases(db: Db, childId?: number): ChildCases[] {
  const rows = db
    .prepare(
      `SELECT ch.id AS child_id, ch.forenames, ch.surname, ch.date_of_birth, c.register, c.status, c.closed_on, c.closure_reason, c.reference
       FROM children ch LEFT JOIN cases c ON c.child_id = ch.id ${childId ? 'WHERE ch.id = ?' : ''} ORDER BY ch.id, c.id`,
    )
    .all(...(childId ? [childId] : [])) as Record<string, string | number | null>[];
  const out: ChildCases[] = [];
  for (const r of rows) {
    let c = out[out.length - 1];
    if (!c || c.childId !== Number(r.child_id)) {
      c = { childId: Number(r.child_id), name: `${String(r.forenames)} ${String(r.surname)}`, dateOfBirth: String(r.date_of_birth), cases: [] };
      out.push(c);
    }
    if (r.reference !== null) {
      c.cases.push({ register: r.register as 'CME' | 'PMOE', status: String(r.status), closedOn: r.closed_on === null ? null : String(r.closed_on), closureReason: r.closure_reason === null ? null : String(r.closure_reason), reference: String(r.reference) });
    }
  }
  return out;
}

export function pastRetention(db: Db, today: string, limit: number) {
  const rules = retentionRules(db);
  const all = childrenWithCases(db)
    // A child with no case at all is a half-made record, not a closed one: not listed.
    .filter((c) => c.cases.length > 0)
    .map((c) => ({ c, v: retentionVerdict(c.dateOfBirth, c.cases, today, rules) }))
    .filter((x): x is { c: ChildCases; v: { kind: 'past'; since: string } } => x.v.kind === 'past')
    .sort((a, b) => a.v.since.localeCompare(b.v.since) || a.c.childId - b.c.childId);
  return {
    total: all.length,
    today,
    rows: all.slice(0, limit).map(({ c, v }) => ({
      childId: c.childId,
      name: c.name,
      dateOfBirth: c.dateOfBirth,
      references: c.cases.map((k) => k.reference),
      registers: [...new Set(c.cases.map((k) => k.register))],
      lastClosedOn: c.cases.map((k) => k.closedOn).filter((d): d is string => d !== null).sort().pop() ?? null,
      pastSince: v.since,
    })),
  };
}

interface NameRow { forenames: string; surname: string; known_as: string | null; upn: string | null }

/** What names the child in free text: their full name, known-as with surname, and UPN (a surname alone would hit their siblings). */
function needleTexts(r: NameRow): string[] {
  return [`${r.forenames} ${r.surname}`, r.known_as ? `${r.known_as} ${r.surname}` : null, r.upn].filter((x): x is string => Boolean(x && x.trim()));
}

/** Free text kept on other records (another child's notes, a standing item, another case's action) that may name the child. */
const TEXT_COLUMNS: [string, string[]][] = [
  ['notes', ['text']],
  ['checks', ['outcome']],
  ['actions', ['text', 'completion_note']],
  ['action_reviews', ['reason']],
  ['agenda_items', ['title', 'discussion', 'decisions', 'outcome_detail', 'removed_reason']],
  ['escalations', ['asked', 'response', 'outcome']],
  ['closure_proposals', ['evidence', 'detail']],
  ['minutes_amendments', ['reason', 'old_value', 'new_value']],
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * panel_names(text): whether `text` names one of the children being erased, ignoring case in any
 * alphabet (SQLite's own lower() folds only A–Z, so "WIŚNIEWSKI" would escape it). One regular
 * expression for the whole batch, so the audit trail is read once however many children are erased.
 */
function registerNames(db: Db, pattern: RegExp): void {
  db.function('panel_names', { deterministic: true }, (text: unknown) => (typeof text === 'string' && pattern.test(text) ? 1 : 0));
}

const namesPattern = (needles: string[], flags: string) => new RegExp(needles.map(escapeRe).join('|'), flags);

/** Replaces the children's names in the free text of records that stay; returns how many fields changed. */
function redactNamesElsewhere(db: Db, needles: string[]): number {
  if (needles.length === 0) return 0;
  const replace = namesPattern(needles, 'giu');
  let changed = 0;
  for (const [table, columns] of TEXT_COLUMNS) {
    for (const col of columns) {
      const rows = db.prepare(`SELECT id, ${col} AS v FROM ${table} WHERE panel_names(${col})`).all() as { id: number; v: string }[];
      const set = db.prepare(`UPDATE ${table} SET ${col} = ? WHERE id = ?`);
      for (const r of rows) {
        const next = r.v.replace(replace, '[erased]');
        if (next !== r.v) {
          set.run(next, r.id);
          changed++;
        }
      }
    }
  }
  return changed;
}

/** A case reference as the erasure's audit row keeps it: hashed, so the row holds no personal data. */
export const referenceHash = (reference: string) => createHash('sha256').update(`panel-erasure\n${reference}`).digest('hex');

/**
 * Erases children's personal data (issue 13): each child, their addresses and adults, their cases
 * with checks, notes, closure proposals, RAG and lead history, actions and their reviews,
 * escalations, and their items on meeting agendas; the family record if no one else is in it; the
 * old and new values of every audit row about them or naming them; and their names in the free text
 * of records that stay. All or nothing, inside the caller's transaction: one child not past
 * retention stops the lot. One erasure audit row holds counts and hashed case references only.
 */
export function eraseChildren(db: Db, ctx: WriteContext, childIds: readonly number[], today: string) {
  const manager = requireManager(ctx);
  const rules = retentionRules(db);
  const children = childIds.map((childId) => {
    const child = childrenWithCases(db, childId)[0];
    if (!child) throw new AppError('not_found', 'A child chosen is no longer on the register (perhaps already erased). Refresh the list and choose again; nothing was erased.', 'childIds');
    const verdict = retentionVerdict(child.dateOfBirth, child.cases, today, rules);
    if (verdict.kind !== 'past') {
      const why = verdict.kind === 'open' ? 'a case is still open' : verdict.kind === 'not_found' ? 'the child was never found, so their details are kept until they are' : `their records are kept until ${verdict.until}`;
      throw new AppError('conflict', `${child.cases.map((c) => c.reference).join(', ')}: this child's records are not past retention (${why}), so nothing was erased.`, 'childIds');
    }
    const row = db.prepare('SELECT forenames, surname, known_as, upn, family_id FROM children WHERE id = ?').get(childId) as NameRow & { family_id: number | null };
    return { child, verdict, row };
  });
  const caseIds = (db.prepare(`SELECT id FROM cases WHERE child_id IN (${childIds.map(() => '?').join(', ')})`).all(...childIds) as { id: number }[]).map((r) => r.id);
  const inCases = `(${caseIds.map(() => '?').join(', ') || 'NULL'})`;
  const inChildren = `(${childIds.map(() => '?').join(', ')})`;
  const needles = children.flatMap((c) => needleTexts(c.row));
  registerNames(db, namesPattern(needles, 'iu'));

  // Audit rows about the children or their cases, and any other row whose values spell a full name or UPN.
  const auditIds = (
    db
      .prepare(`SELECT id FROM audit WHERE entity <> 'erasure' AND (child_id IN ${inChildren} OR case_id IN ${inCases} OR panel_names(old_value) OR panel_names(new_value))`)
      .all(...childIds, ...caseIds) as { id: number }[]
  ).map((r) => r.id);

  // Deleted rows' bytes are overwritten, not left readable in free space of the file.
  db.pragma('secure_delete = ON');
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;
  const items = `SELECT id FROM agenda_items WHERE case_id IN ${inCases}`;
  // Built agendas' "also eligible" rows and counts (meetings/alsoEligible.ts says what is recounted and why).
  const alsoEligible = eraseFromAlsoEligible(db, caseIds, today);
  const actions = `SELECT id FROM actions WHERE case_id IN ${inCases}`;
  const counts = {
    actionReviews: run(`DELETE FROM action_reviews WHERE action_id IN (${actions}) OR agenda_item_id IN (${items})`, ...caseIds, ...caseIds),
    minutesAmendments: run(`DELETE FROM minutes_amendments WHERE agenda_item_id IN (${items})`, ...caseIds),
    // Another case's action or escalation recorded at one of these children's items keeps itself, without the link.
    unlinked: run(`UPDATE actions SET agenda_item_id = NULL WHERE agenda_item_id IN (${items}) AND (case_id IS NULL OR case_id NOT IN ${inCases})`, ...caseIds, ...caseIds)
      + run(`UPDATE escalations SET agenda_item_id = NULL WHERE agenda_item_id IN (${items}) AND case_id NOT IN ${inCases}`, ...caseIds, ...caseIds),
    actions: run(`DELETE FROM actions WHERE case_id IN ${inCases}`, ...caseIds),
    escalations: run(`DELETE FROM escalations WHERE case_id IN ${inCases}`, ...caseIds),
    agendaItems: run(`DELETE FROM agenda_items WHERE case_id IN ${inCases}`, ...caseIds),
    eligible: alsoEligible.deleted,
    ragHistory: run(`DELETE FROM rag_history WHERE case_id IN ${inCases}`, ...caseIds),
    leadAllocations: run(`DELETE FROM lead_allocations WHERE case_id IN ${inCases}`, ...caseIds),
    closureProposals: run(`DELETE FROM closure_proposals WHERE case_id IN ${inCases}`, ...caseIds),
    checks: run(`DELETE FROM checks WHERE case_id IN ${inCases}`, ...caseIds),
    notes: run(`DELETE FROM notes WHERE case_id IN ${inCases}`, ...caseIds),
    cases: run(`DELETE FROM cases WHERE child_id IN ${inChildren}`, ...childIds),
    addresses: run(`DELETE FROM addresses WHERE child_id IN ${inChildren}`, ...childIds),
    adults: run(`DELETE FROM adults WHERE child_id IN ${inChildren}`, ...childIds),
    children: run(`DELETE FROM children WHERE id IN ${inChildren}`, ...childIds),
    families: 0,
  };
  for (const f of new Set(children.map((c) => c.row.family_id).filter((x): x is number => x !== null))) {
    counts.families += run('DELETE FROM families WHERE id = ? AND NOT EXISTS (SELECT 1 FROM children WHERE family_id = ?)', f, f);
  }
  // Once the erased cases are gone: the rule run again for unheld agendas that may have counted them.
  const agendasRecounted = alsoEligible.recount();
  const textsRedacted = redactNamesElsewhere(db, needles);
  const allCases = children.flatMap((c) => c.child.cases);

  const auditEntry = eraseAuditPayloads(
    db,
    auditIds,
    { at: ctx.now(), actor: ctx.actor, source: ctx.source, action: 'delete', entity_id: 0, field: null, case_id: null, child_id: null, op: ctx.op ?? null },
    {
      erasure: 'retention',
      authorisedBy: manager,
      children: children.length,
      retentionEndedOn: children.map((c) => (c.verdict.kind === 'past' ? c.verdict.since : null)),
      caseReferenceHashes: allCases.map((c) => referenceHash(c.reference)),
      registers: [...new Set(allCases.map((c) => c.register))],
      counts: { ...counts, textsRedacted, agendasRecounted },
      auditRowsBlanked: auditIds.length,
    },
  );
  return { erasedChildren: counts.children, erasedCases: counts.cases, auditRowsBlanked: auditIds.length, auditEntries: [auditEntry] };
}

/**
 * After an erasure: SQLite leaves old copies of rows in the free space of pages it has rebalanced
 * over time, so the file is rebuilt (VACUUM) and the write-ahead log emptied. Backups taken before
 * still hold the record until rotation removes them (at most twelve months: README, Retention).
 */
export function compactAfterErasure(db: Db): void {
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
