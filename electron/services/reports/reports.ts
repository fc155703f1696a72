/**
 * The figures on the Reports screen (issue 5; DOMAIN.md "Figures managers review"). Every figure is
 * aggregated here — in SQL where the rows are many (cases), in JS over already-grouped rows where the
 * rule lives in shared/domain/figures.ts — so the screen never receives the register itself.
 */
import { numOrNull, strOrNull } from '../rows';
import type { Db } from '../../../db/open';
import type { PiCounts, RagMix, RegisterCount, Reports, Pace, MeetingFigures } from '../../../shared/api/reportSchemas';
import { invalid } from '../../../shared/api/errors';
import {
  DAY_BANDS, ESCALATION_AGE_BANDS, countLongTermAt, distribute, median, monthBuckets, monthEndsUpTo, ragMove, ratingAtMeeting, residence,
} from '../../../shared/domain/figures';
import { escalationAge } from '../../../shared/domain/escalation';
import {
  CLOSURE_REASONS, CME_REASONS, PMOE_REASONS, REFERRAL_SOURCES, TEAMS, labelOf, type Rag, type Register,
} from '../../../shared/domain/vocab';
import type { Row } from '../rows';

export interface ReportArgs {
  from: string;
  to: string;
  panelId: number | null;
}

const zeroMix = (): RagMix => ({ red: 0, amber: 0, green: 0, none: 0, total: 0 });
const zeroPi = (): PiCounts => ({ openedResiding: 0, openedLeft: 0, closedResiding: 0, closedLeft: 0 });
const asRag = (v: unknown): Rag | null => (v === 'red' || v === 'amber' || v === 'green' ? v : null);
const regKey = (r: unknown): 'cme' | 'pmoe' => (r === 'CME' ? 'cme' : 'pmoe');

/** Counts per code split CME/PMOE, largest first, labelled from the vocabulary. */
function byRegister(rows: Row[], label: (code: string) => string): RegisterCount[] {
  const out = new Map<string, RegisterCount>();
  for (const r of rows) {
    const code = strOrNull(r.code) ?? 'not_recorded';
    const e = out.get(code) ?? { code, label: code === 'not_recorded' ? 'Not recorded' : label(code), cme: 0, pmoe: 0, total: 0 };
    e[regKey(r.register)] += Number(r.n);
    e.total += Number(r.n);
    out.set(code, e);
  }
  return [...out.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
}

function pace(days: number[], waiting = 0, closedWithout = 0): Pace {
  return { measured: days.length, waiting, closedWithout, median: median(days), bands: distribute(DAY_BANDS, days) };
}

export function getReports(db: Db, args: ReportArgs, today: string): Reports {
  const { from, to } = args;
  let panel: Reports['panel'] = null;
  if (args.panelId !== null) {
    const p = db.prepare('SELECT id, name, register FROM panels WHERE id = ?').get(args.panelId) as Row | undefined;
    if (!p) throw invalid('panelId', `There is no panel with record number ${args.panelId}. Choose one from the list.`);
    panel = { id: Number(p.id), name: String(p.name), register: p.register as Register };
  }
  const registers: Register[] = panel ? [panel.register] : ['CME', 'PMOE'];
  // One JSON parameter for "the registers in scope" keeps every query a single prepared statement.
  const regs = JSON.stringify(registers);
  const IN_SCOPE = `c.register IN (SELECT value FROM json_each(:regs))`;

  // Three passes over the cases table do most of the work (each is a scan of a wide table: at
  // 50,000 cases a dozen separate queries cost most of a second, scripts/bench.ts).

  // 1. Open now: RAG mix by register, caseload by lead officer ---------------------------------
  const openRag = registers.map((register) => ({ register, ...zeroMix() }));
  const officers = new Map<number | null, Reports['caseloadByOfficer'][number]>();
  const openRows = db
    .prepare(
      `SELECT c.register, c.rag, c.lead_officer_id AS id, o.name, o.team, o.active, count(*) AS n
       FROM cases c LEFT JOIN officers o ON o.id = c.lead_officer_id
       WHERE c.status <> 'closed' AND ${IN_SCOPE} GROUP BY 1, 2, 3`,
    )
    .all({ regs }) as Row[];
  for (const r of openRows) {
    const count = Number(r.n);
    const mix = openRag.find((x) => x.register === r.register)!;
    mix[asRag(r.rag) ?? 'none'] += count;
    mix.total += count;
    const oid = numOrNull(r.id);
    const team = strOrNull(r.team);
    const e = officers.get(oid) ?? {
      officerId: oid, name: oid === null ? 'Not allocated' : String(r.name), team: oid === null ? null : team,
      teamLabel: oid === null ? 'Not allocated' : labelOf(TEAMS, team), active: oid === null ? true : r.active === 1, cme: 0, pmoe: 0, total: 0,
    };
    e[regKey(r.register)] += count;
    e.total += count;
    officers.set(oid, e);
  }

  // Meetings in range: each case item's rating after the meeting, and its movement ------------
  const meetings = meetingFigures(db, { registers, panelId: panel?.id ?? null, from, to });

  const monthly = new Map(monthBuckets(from, to).map((m) => [m, { month: m, cme: zeroPi(), pmoe: zeroPi() }]));
  const leftArea = (register: unknown, closureReason: unknown, departureDate: unknown, reason: unknown) =>
    residence({ closureReason: strOrNull(closureReason), departureDate: strOrNull(departureDate), reason: register === 'CME' ? strOrNull(reason) : null }, today) === 'left';

  // 2. Notified in range: opened per month (residing / left, 001 §6.1), pace, sources, reasons --
  const located: number[] = [];
  const provision: number[] = [];
  const without = { located: { open: 0, closed: 0 }, provision: { open: 0, closed: 0 } };
  const sources: Row[] = [];
  const reasons = new Map<string, { register: Register; code: string | null; count: number }>();
  const notified = db
    .prepare(
      `SELECT c.register, substr(c.date_notified, 1, 7) AS month, c.source, c.reason, c.pmoe_reason, c.closure_reason, c.departure_date, c.status = 'closed' AS closed,
         CAST(julianday(c.date_located) - julianday(c.date_notified) AS INTEGER) AS to_located,
         CAST(julianday(c.date_entered_provision) - julianday(c.date_notified) AS INTEGER) AS to_provision
       FROM cases c WHERE c.date_notified BETWEEN :from AND :to AND ${IN_SCOPE}`,
    )
    .raw()
    .all({ regs, from, to }) as [Register, string, string, string | null, string | null, string | null, string | null, number, number | null, number | null][];
  const sourceCounts = new Map<string, number>();
  for (const [register, month, source, reason, pmoeReason, closureReason, departure, closed, toLocated, toProvision] of notified) {
    const pi = monthly.get(month)?.[regKey(register)];
    if (pi) pi[leftArea(register, closureReason, departure, reason) ? 'openedLeft' : 'openedResiding'] += 1;
    // Located is a CME measure: a PMOE pupil is on a roll, so there is no one to locate.
    if (register === 'CME') {
      if (toLocated !== null) located.push(Math.max(0, toLocated));
      else without.located[closed ? 'closed' : 'open'] += 1;
    }
    if (toProvision !== null) provision.push(Math.max(0, toProvision));
    else without.provision[closed ? 'closed' : 'open'] += 1;
    const sk = `${register}\t${source}`;
    sourceCounts.set(sk, (sourceCounts.get(sk) ?? 0) + 1);
    const code = register === 'CME' ? reason : pmoeReason;
    const rk = `${register}\t${code ?? ''}`;
    const e = reasons.get(rk) ?? { register, code, count: 0 };
    e.count += 1;
    reasons.set(rk, e);
  }
  for (const [k, n] of sourceCounts) {
    const [register, code] = k.split('\t');
    sources.push({ register, code, n });
  }
  const timeToLocated = pace(located, without.located.open, without.located.closed);
  const timeToProvision = pace(provision, without.provision.open, without.provision.closed);
  const referralsBySource = byRegister(sources, (code) => labelOf(REFERRAL_SOURCES, code));
  const referralsByReason = [...reasons.values()]
    .sort((a, b) => a.register.localeCompare(b.register) || b.count - a.count || (a.code ?? '').localeCompare(b.code ?? ''))
    .map((r) => ({
      register: r.register,
      code: r.code ?? 'not_recorded',
      label: r.code === null ? 'Not recorded' : labelOf(r.register === 'CME' ? CME_REASONS : PMOE_REASONS, r.code),
      count: r.count,
    }));

  // 3. Closed in range: closed per month (residing / left), closures by reason ------------------
  const closedRows = db
    .prepare(
      `SELECT c.register, substr(c.closed_on, 1, 7) AS month, c.closure_reason AS code, c.departure_date, c.reason, count(*) AS n
       FROM cases c WHERE c.status = 'closed' AND c.closed_on BETWEEN :from AND :to AND ${IN_SCOPE} GROUP BY 1, 2, 3, 4, 5`,
    )
    .all({ regs, from, to }) as Row[];
  for (const r of closedRows) {
    const pi = monthly.get(String(r.month))?.[regKey(r.register)];
    if (pi) pi[leftArea(r.register, r.code, r.departure_date, r.reason) ? 'closedLeft' : 'closedResiding'] += Number(r.n);
  }
  const closuresByReason = byRegister(closedRows, (code) => labelOf(CLOSURE_REASONS, code));

  // Long-term at each month end (001 §6.2, clocks.ts) --------------------------------------------
  const ends = monthEndsUpTo(from, to, today);
  const longTerm: Reports['longTerm'] = ends.map((e) => ({ month: e.month, onDate: e.onDate, cme: 0, pmoe: 0, total: 0 }));
  if (ends.length > 0) {
    const first = ends[0]!.onDate;
    const last = ends.at(-1)!.onDate;
    // Grouped by the two dates: a case can only be long-term at `last` if notified 5+ months before it.
    const grouped = db
      .prepare(
        `SELECT c.register, c.date_notified, c.closed_on, count(*) AS n FROM cases c
         WHERE ${IN_SCOPE} AND c.date_notified <= date(:last, '-5 months') AND (c.closed_on IS NULL OR c.closed_on > :first)
         GROUP BY 1, 2, 3`,
      )
      .all({ regs, first, last }) as Row[];
    const dates = ends.map((e) => e.onDate);
    for (const register of registers) {
      const counts = countLongTermAt(
        grouped.filter((g) => g.register === register).map((g) => ({ dateNotified: String(g.date_notified), closedOn: strOrNull(g.closed_on), n: Number(g.n) })),
        dates,
      );
      counts.forEach((c, i) => {
        longTerm[i]![regKey(register)] = c;
        longTerm[i]!.total += c;
      });
    }
  }

  // Allocated officers by size, then "Not allocated" last: it is a gap, not a person.
  const caseloadByOfficer = [...officers.values()].sort(
    (a, b) => Number(a.officerId === null) - Number(b.officerId === null) || b.total - a.total || a.name.localeCompare(b.name),
  );
  const teams = new Map<string, RegisterCount>();
  for (const o of caseloadByOfficer) {
    const code = o.team ?? 'not_allocated';
    const t = teams.get(code) ?? { code, label: o.teamLabel, cme: 0, pmoe: 0, total: 0 };
    t.cme += o.cme;
    t.pmoe += o.pmoe;
    t.total += o.total;
    teams.set(code, t);
  }
  const caseloadByTeam = [...teams.values()].sort((a, b) => Number(a.code === 'not_allocated') - Number(b.code === 'not_allocated') || b.total - a.total || a.label.localeCompare(b.label));

  // Actions overdue by owner: still to do and due before today (shared/domain/actions.ts isOverdue).
  // With a panel chosen, only actions on its register's cases; otherwise every action.
  const overdueByOwner = (db
    .prepare(
      `SELECT x.owner_id, coalesce(o.name, x.owner_text) AS name, count(*) AS n FROM actions x
       LEFT JOIN officers o ON o.id = x.owner_id LEFT JOIN cases c ON c.id = x.case_id
       WHERE x.status IN ('open', 'carried_forward') AND x.due_date < :today ${panel ? `AND ${IN_SCOPE}` : ''}
       GROUP BY 1, 2`,
    )
    .all(panel ? { regs, today } : { today }) as Row[])
    // An owner named at panel who is not an officer (an agency, a guest) is listed by that name.
    .map((r) => ({ ownerId: numOrNull(r.owner_id), name: r.name === null ? 'No owner' : String(r.name), count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || Number(a.ownerId === null) - Number(b.ownerId === null) || a.name.localeCompare(b.name));

  // Escalations waiting: the latest step of each chain is the one still open or responded; its age
  // runs from the chain's first step, as in the escalation log (escalations.ts).
  const waiting = db
    .prepare(
      `WITH RECURSIVE chain(id, first_raised) AS (
         SELECT id, raised_on FROM escalations WHERE parent_id IS NULL
         UNION ALL SELECT e.id, chain.first_raised FROM escalations e JOIN chain ON e.parent_id = chain.id)
       SELECT e.level, e.level_title, chain.first_raised FROM escalations e JOIN chain ON chain.id = e.id JOIN cases c ON c.id = e.case_id
       WHERE e.status IN ('open', 'responded') AND ${IN_SCOPE}`,
    )
    .all({ regs }) as Row[];
  // By level and title: CME and PMOE (or an old and a new ladder) can name the same level differently.
  const levels = new Map<string, { level: number; title: string; count: number }>();
  const ages: number[] = [];
  for (const r of waiting) {
    const level = Number(r.level);
    const key = `${level}\u0000${String(r.level_title)}`;
    const l = levels.get(key) ?? { level, title: String(r.level_title), count: 0 };
    l.count += 1;
    levels.set(key, l);
    ages.push(escalationAge(String(r.first_raised), today));
  }
  const escalationsByAge = distribute(ESCALATION_AGE_BANDS, ages);

  return {
    from, to, today, panel, registers, openRag, meetings,
    monthly: [...monthly.values()],
    timeToLocated, timeToProvision, longTerm, referralsBySource, referralsByReason, closuresByReason,
    caseloadByOfficer, caseloadByTeam, overdueByOwner,
    escalationsByLevel: [...levels.values()].sort((a, b) => a.level - b.level || a.title.localeCompare(b.title, 'en-GB')),
    escalationsByAge,
  };
}

/**
 * For each meeting held in range (not merely scheduled), every case item left on its agenda: the
 * rating it left the meeting with — the last change made at the meeting, else the rating in force
 * that day — and the rating before (the first change's "from", else the same). The same reading
 * of rag_history as the minutes' RAG summary (minutes.ts), so the two agree.
 */
function meetingFigures(db: Db, scope: { registers: Register[]; panelId: number | null; from: string; to: string }): MeetingFigures[] {
  const { registers, panelId, from, to } = scope;
  const list = db
    .prepare(
      `SELECT m.id, m.date, p.name AS panel_name, p.register FROM meetings m JOIN panels p ON p.id = m.panel_id
       WHERE m.date BETWEEN :from AND :to AND m.status <> 'scheduled' AND p.register IN (SELECT value FROM json_each(:regs))
         AND (:panelId IS NULL OR p.id = :panelId)
       ORDER BY m.date, m.id`,
    )
    .all({ from, to, regs: JSON.stringify(registers), panelId }) as Row[];
  if (list.length === 0) return [];
  const out = new Map<number, MeetingFigures>(
    list.map((m) => [
      Number(m.id),
      { meetingId: Number(m.id), date: String(m.date), panelName: String(m.panel_name), register: m.register as Register, ...zeroMix(), improved: 0, same: 0, worsened: 0, first: 0 },
    ]),
  );
  const items = db
    .prepare(
      `SELECT a.meeting_id,
         (SELECT h.from_rag FROM rag_history h WHERE h.case_id = a.case_id AND h.meeting_id = a.meeting_id ORDER BY h.id LIMIT 1) AS first_from,
         (SELECT h.to_rag FROM rag_history h WHERE h.case_id = a.case_id AND h.meeting_id = a.meeting_id ORDER BY h.id DESC LIMIT 1) AS last_to,
         (SELECT count(*) FROM rag_history h WHERE h.case_id = a.case_id AND h.meeting_id = a.meeting_id) AS changes,
         (SELECT h.to_rag FROM rag_history h WHERE h.case_id = a.case_id AND h.on_date <= m.date AND (h.meeting_id IS NULL OR h.meeting_id <> m.id)
            ORDER BY h.on_date DESC, h.id DESC LIMIT 1) AS in_force,
         a.rag_before, c.rag AS case_rag, EXISTS (SELECT 1 FROM rag_history h WHERE h.case_id = a.case_id) AS has_history
       FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id JOIN cases c ON c.id = a.case_id
       WHERE a.meeting_id IN (SELECT value FROM json_each(:ids)) AND a.kind = 'case' AND a.removed = 0`,
    )
    .all({ ids: JSON.stringify([...out.keys()]) }) as Row[];
  for (const r of items) {
    const f = out.get(Number(r.meeting_id))!;
    let before: Rag | null;
    let after: Rag | null;
    if (Number(r.changes) > 0) {
      before = asRag(r.first_from);
      after = asRag(r.last_to);
    } else {
      before = after = ratingAtMeeting({ inForce: asRag(r.in_force), itemRagBefore: asRag(r.rag_before), current: asRag(r.case_rag), hasHistory: r.has_history === 1 });
    }
    f[after ?? 'none'] += 1;
    f.total += 1;
    const move = ragMove(before, after);
    if (move) f[move] += 1;
  }
  return [...out.values()];
}
