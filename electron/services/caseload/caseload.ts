import { numOrNull, strOrNull, ragOrNull } from '../rows';
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedUpdate, type WriteContext } from '../../../db/audit';
import type { Caseload, CaseTracking, Dashboard, RagCounts } from '../../../shared/api/trackingSchemas';
import { invalid } from '../../../shared/api/errors';
import { suggestRag } from '../../../shared/domain/suggestedRag';
import type { Rag } from '../../../shared/domain/vocab';
import { getOfficer } from '../settings/officers';
import { recordAllocation, ragHistory, leadHistory } from '../register/history';
import { listActions } from '../actions/tracker';
import { listEscalations } from '../escalations/escalations';
import { getCaseDetail } from '../register/cases';
import { OPEN_CASES_SQL } from '../register/register';
import { takenToPanelSql } from '../register/discussed';
import { daysOpen } from '../../../shared/domain/clocks';
import { dueForPanelNotifiedBy, endOfCsaBornBy, longTermNotifiedBy } from '../../../shared/domain/clockCutoffs';
import type { Row } from '../rows';

const zero = (): RagCounts => ({ red: 0, amber: 0, green: 0, none: 0, total: 0 });
const add = (c: RagCounts, rag: unknown) => {
  const k = rag === 'red' || rag === 'amber' || rag === 'green' ? rag : 'none';
  c[k] += 1;
  c.total += 1;
};

/**
 * What officers who have left still hold (exported so a test can EXPLAIN its plans: by lead officer
 * and by owner). CROSS JOIN starts from the few officers who have left: otherwise SQLite walks every
 * case in reference order to save a sort.
 */
export const REALLOCATION_SQL = {
  cases: `SELECT o.id AS officer_id, o.name, c.id, c.reference, c.register, c.rag, ch.forenames, ch.surname
       FROM officers o CROSS JOIN cases c ON c.lead_officer_id = o.id AND c.status <> 'closed' JOIN children ch ON ch.id = c.child_id
       WHERE o.active = 0 ORDER BY o.name, c.reference`,
  actions: `SELECT o.id AS officer_id, o.name, x.id, x.text, x.due_date, x.case_id, c.reference, (c.lead_officer_id = o.id AND c.status <> 'closed') AS with_case
       FROM officers o CROSS JOIN actions x ON x.owner_id = o.id AND x.status IN ('open', 'carried_forward') LEFT JOIN cases c ON c.id = x.case_id
       WHERE o.active = 0 ORDER BY o.name, x.due_date, x.id`,
} as const;

/** Officers who have left but still lead open cases or own open actions: nothing stays under their name. */
function needsReallocation(db: Db): Caseload['needsReallocation'] {
  const rows = db.prepare(REALLOCATION_SQL.cases).all() as Row[];
  const out = new Map<number, Caseload['needsReallocation'][number]>();
  const entry = (id: number, name: string) => {
    const e = out.get(id) ?? { officerId: id, name, cases: [], actions: [] };
    out.set(id, e);
    return e;
  };
  for (const r of rows) {
    entry(Number(r.officer_id), String(r.name)).cases.push({ caseId: Number(r.id), reference: String(r.reference), register: r.register as 'CME' | 'PMOE', rag: ragOrNull(r.rag), childName: `${String(r.forenames)} ${String(r.surname)}` });
  }
  const actions = db.prepare(REALLOCATION_SQL.actions).all() as Row[];
  for (const a of actions) {
    entry(Number(a.officer_id), String(a.name)).actions.push({
      id: Number(a.id), text: String(a.text), dueDate: String(a.due_date), caseReference: strOrNull(a.reference), movesWithCase: a.with_case === 1,
    });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** Open cases per officer and team, split CME/PMOE and by RAG, with their overdue actions. */
export function getCaseload(db: Db, today: string): Caseload {
  const officers = db.prepare('SELECT * FROM officers ORDER BY active DESC, team, name').all() as Row[];
  const byOfficer = new Map<number, { cme: RagCounts; pmoe: RagCounts }>();
  const unallocated = { cme: zero(), pmoe: zero() };
  for (const r of db.prepare(`SELECT lead_officer_id, register, rag FROM cases WHERE status <> 'closed'`).all() as Row[]) {
    const bucket = r.lead_officer_id === null ? unallocated : (byOfficer.get(Number(r.lead_officer_id)) ?? { cme: zero(), pmoe: zero() });
    add(r.register === 'CME' ? bucket.cme : bucket.pmoe, r.rag);
    if (r.lead_officer_id !== null) byOfficer.set(Number(r.lead_officer_id), bucket);
  }
  const actions = listActions(db, today).filter((a) => a.status === 'open' || a.status === 'carried_forward');
  return {
    officers: officers.map((o) => {
      const id = Number(o.id);
      const mine = actions.filter((a) => a.ownerId === id);
      const counts = byOfficer.get(id) ?? { cme: zero(), pmoe: zero() };
      return {
        officerId: id, name: String(o.name), jobTitle: strOrNull(o.job_title), team: o.team as Caseload['officers'][number]['team'],
        active: o.active === 1, cme: counts.cme, pmoe: counts.pmoe, overdueActions: mine.filter((a) => a.overdue).length, openActions: mine.length,
      };
    }),
    unallocated,
    needsReallocation: needsReallocation(db),
  };
}

/** Moves cases to another lead officer (e.g. when one leaves), keeping the allocation history. */
export function reallocate(db: Db, ctx: WriteContext, args: MethodArgs<'cases.reallocate'>, today: string): { moved: number } {
  const { caseIds, toOfficerId, reason } = args;
  const to = getOfficer(db, toOfficerId);
  if (!to.active) throw invalid('toOfficerId', `${to.name} has left; choose an active officer.`);
  let moved = 0;
  for (const id of caseIds) {
    const k = db.prepare('SELECT id, child_id, lead_officer_id, status FROM cases WHERE id = ?').get(id) as Row | undefined;
    if (!k || k.status === 'closed' || k.lead_officer_id === toOfficerId) continue;
    auditedUpdate(db, ctx, 'cases', { entity: 'case', caseId: id, childId: Number(k.child_id) }, id, { lead_officer_id: toOfficerId });
    recordAllocation(db, ctx, { caseId: id, from: numOrNull(k.lead_officer_id), to: toOfficerId, reason, onDate: today });
    // The outgoing lead's open actions on the case go with it, so none is left under their name.
    if (k.lead_officer_id !== null) {
      const mine = db.prepare(`SELECT id FROM actions WHERE case_id = ? AND owner_id = ? AND status IN ('open', 'carried_forward')`).all(id, k.lead_officer_id) as { id: number }[];
      for (const a of mine) auditedUpdate(db, ctx, 'actions', { entity: 'action', caseId: id }, a.id, { owner_id: toOfficerId });
    }
    moved++;
  }
  return { moved };
}

export function caseTracking(db: Db, caseId: number, today: string): CaseTracking {
  const d = getCaseDetail(db, caseId, today);
  return {
    ragHistory: ragHistory(db, caseId) as CaseTracking['ragHistory'],
    leadHistory: leadHistory(db, caseId),
    suggestedRag: suggestRag(
      {
        register: d.case.register, status: d.case.status, dateNotified: d.case.dateNotified, dateLocated: d.case.dateLocated, dateEnteredProvision: d.case.dateEnteredProvision,
        hoursPerWeek: d.case.hoursPerWeek, pmoeReason: d.case.pmoeReason, provider: d.case.provider, flags: d.child.flags, concerns: d.clocks.concerns,
      },
      today,
    ),
    escalations: listEscalations(db, today, caseId),
    actions: listActions(db, today, caseId),
  };
}

/**
 * Home's case counts, in SQL over open cases (issue 12: building every register row only to count
 * them took most of a second at 50,000 cases). The clocks are the rules of shared/domain turned into
 * date cut-offs by the rules themselves (clockCutoffs.ts), and "taken to panel" is the SQL the
 * register uses, so Home, the register and the agenda builder still pick the same cases.
 * Migration 012 indexes every column "due for panel" reads, so counting and choosing the eight to
 * show read no case rows; names are read for those eight only.
 */
const DUE_FOR_PANEL_SQL = `c.register = 'CME' AND c.archived = 0 AND c.date_located IS NULL AND ${OPEN_CASES_SQL}
  AND c.date_notified <= :notifiedBy AND NOT ${takenToPanelSql('c.id')}`;

/** How many cases Home lists under "due for panel" (the count covers them all). */
export const HOME_DUE_LIMIT = 8;

export const HOME_SQL = {
  openByRag: `SELECT c.register, c.rag, count(*) AS n FROM cases c WHERE ${OPEN_CASES_SQL} GROUP BY c.register, c.rag`,
  dueForPanelCount: `SELECT count(*) AS n FROM cases c WHERE ${DUE_FOR_PANEL_SQL}`,
  /** The longest-waiting first (most days open), as the register sorts them. */
  dueForPanel: `SELECT k.id, k.reference, k.date_notified, k.rag, ch.forenames, ch.surname
    FROM (SELECT c.id FROM cases c WHERE ${DUE_FOR_PANEL_SQL} ORDER BY c.date_notified, c.id DESC LIMIT ${HOME_DUE_LIMIT}) d
    JOIN cases k ON k.id = d.id JOIN children ch ON ch.id = k.child_id
    ORDER BY k.date_notified, k.id DESC`,
  longTerm: `SELECT count(*) AS n FROM cases c WHERE ${OPEN_CASES_SQL} AND c.date_notified <= :notifiedBy`,
  // From the few children past school age (children_dob), not from every open case: CROSS JOIN
  // keeps SQLite from starting at cases, which it otherwise prefers without statistics. Whether
  // each has an open case comes from cases_child_status alone (migration 013).
  endOfCsa: `SELECT c.id, c.reference, c.register, ch.forenames, ch.surname
    FROM children ch CROSS JOIN cases c ON c.child_id = ch.id
    WHERE ch.date_of_birth <= :bornBy AND ${OPEN_CASES_SQL}
    ORDER BY c.date_notified DESC, c.id DESC`,
} as const;

/** What needs attention today, on the home screen. */
export function getDashboard(db: Db, today: string): Dashboard {
  const actions = listActions(db, today).filter((a) => a.overdue).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const escalations = listEscalations(db, today).filter((e) => e.status === 'open' || e.status === 'responded');
  const notifiedBy = dueForPanelNotifiedBy(today);
  const due = db.prepare(HOME_SQL.dueForPanel).all({ notifiedBy }) as Row[];
  const openByRag = { CME: zero(), PMOE: zero() };
  for (const r of db.prepare(HOME_SQL.openByRag).all() as Row[]) {
    const c = openByRag[r.register as 'CME' | 'PMOE'];
    const k = r.rag === 'red' || r.rag === 'amber' || r.rag === 'green' ? r.rag : 'none';
    c[k] += Number(r.n);
    c.total += Number(r.n);
  }
  const childName = (r: Row) => `${String(r.forenames)} ${String(r.surname)}`;
  const nextMeetings = (db
    .prepare(
      `SELECT m.*, p.name AS panel_name, p.register, (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id AND a.kind = 'case' AND a.removed = 0) AS case_items
       FROM meetings m JOIN panels p ON p.id = m.panel_id WHERE m.date >= ? AND m.status IN ('scheduled', 'in_progress') ORDER BY m.date LIMIT 4`,
    )
    .all(today) as Row[]).map((r) => ({
    id: Number(r.id), panelId: Number(r.panel_id), panelName: String(r.panel_name), register: r.register as 'CME' | 'PMOE', date: String(r.date), time: String(r.time),
    venue: strOrNull(r.venue), onlineLink: strOrNull(r.online_link), status: r.status as 'scheduled',
    caseItems: Number(r.case_items), approvedOn: null,
  }));
  return {
    today,
    overdueActions: actions.slice(0, 8),
    overdueActionCount: actions.length,
    escalationsAwaiting: escalations.slice(0, 8),
    escalationsAwaitingCount: escalations.length,
    dueForPanel: due.map((r) => ({
      caseId: Number(r.id), reference: String(r.reference), childName: childName(r), daysOpen: daysOpen(String(r.date_notified), null, today), rag: (r.rag ?? null) as Rag | null,
    })),
    dueForPanelCount: (db.prepare(HOME_SQL.dueForPanelCount).get({ notifiedBy }) as { n: number }).n,
    longTermCount: (db.prepare(HOME_SQL.longTerm).get({ notifiedBy: longTermNotifiedBy(today) }) as { n: number }).n,
    endOfCsa: (db.prepare(HOME_SQL.endOfCsa).all({ bornBy: endOfCsaBornBy(today) }) as Row[]).map((r) => ({
      caseId: Number(r.id), reference: String(r.reference), childName: childName(r), register: r.register as 'CME' | 'PMOE',
    })),
    needsReallocation: needsReallocation(db),
    nextMeetings,
    openByRag,
  };
}
