import { strOrNull } from '../rows';
import type { Db } from '../../../db/open';
import type { Case, CaseAlert } from '../../../shared/api/schemas';
import type { HomeAlerts } from '../../../shared/api/schemas';
import { provisionAlerts, schoolDayAlerts, type ClockAlert } from '../../../shared/domain/educationClocks';
import type { TermCalendar } from '../../../shared/domain/calendar';
import { termCalendar } from '../settings/calendar';
import type { Row } from '../rows';
import { pendingClosureWaitingFor } from '../../../shared/domain/closure';
import { REGISTERS } from '../../../shared/domain/vocab';
import { OPEN_CASES_SQL } from './register';
import { HOME_ALERT_CODES, HOME_ALERT_LIMIT } from '../../../shared/api/register';
import { byRegisterVersion } from '../versionCache';

type AlertFacts = Pick<Case, 'register' | 'status' | 'dateNotified' | 'lastAttendance' | 'dateLocated' | 'dateEnteredProvision'>;

/** Every clock that has run out on an open case, from the rules in shared/domain/educationClocks.ts. */
export function alertsFor(k: AlertFacts, today: string, cal: TermCalendar, schoolDays: typeof schoolDayAlerts = schoolDayAlerts): ClockAlert[] {
  if (k.status === 'closed') return [];
  const inEducation = k.dateEnteredProvision !== null && k.dateEnteredProvision <= today;
  return [...schoolDays(k.lastAttendance, inEducation, today, cal), ...provisionAlerts(k, today)];
}

/**
 * schoolDayAlerts remembered per last-attendance date for one pass over the register: counting school
 * days walks the term calendar, and thousands of cases share a date (2.7 s for Home at 50,000 cases
 * without this; issue 12). Same rule, same answers.
 */
function rememberedSchoolDayAlerts(): typeof schoolDayAlerts {
  const seen = new Map<string, ClockAlert[]>();
  return (lastAttendance, inEducation, today, cal) => {
    const key = `${lastAttendance}|${inEducation}|${today}`;
    let v = seen.get(key);
    if (!v) {
      v = schoolDayAlerts(lastAttendance, inEducation, today, cal);
      seen.set(key, v);
    }
    return v;
  };
}

const toCaseAlert = (a: ClockAlert): CaseAlert => ({ code: a.code, level: 'overdue', text: a.text, since: a.since });

export function caseAlerts(db: Db, k: AlertFacts, today: string): CaseAlert[] {
  return alertsFor(k, today, termCalendar(db)).map(toCaseAlert);
}

export { HOME_ALERT_LIMIT };

/** A group as worked out once per register version: children by id, named only when shown. */
type Group = { code: string; count: number; cases: { caseId: number; reference: string; childId: number; since: string; text: string }[] };

/**
 * Open cases whose clocks have run out, for Home: newest first under each kind of alert, the first
 * HOME_ALERT_LIMIT of each, or `expand.limit` of the group the officer asked to see more of. Every
 * group is worked out in full once per register version; the children's names are read for the cases
 * shown only (thousands of alerts at 50,000 cases, each name a children's table page to decrypt).
 */
export function homeAlerts(db: Db, today: string, expand: { code: string; limit: number } | null = null): HomeAlerts {
  const groups = byRegisterVersion(db, today, 'alerts.home', () => allHomeAlerts(db, today))
    .map((g) => ({ ...g, cases: g.cases.slice(0, expand?.code === g.code ? expand.limit : HOME_ALERT_LIMIT) }));
  const ids = [...new Set(groups.flatMap((g) => g.cases.map((c) => c.childId)))];
  const names = new Map<number, string>();
  if (ids.length > 0) {
    const rows = db.prepare(`SELECT id, forenames, surname FROM children WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as { id: number; forenames: string; surname: string }[];
    for (const r of rows) names.set(r.id, `${r.forenames} ${r.surname}`);
  }
  return groups.map((g) => ({
    code: g.code,
    count: g.count,
    cases: g.cases.map(({ caseId, reference, childId, since, text }) => ({ caseId, reference, name: names.get(childId) ?? '', since, text })),
  }));
}

// The open cases' clock dates come from the agenda's covering index (migration 015): the same columns,
// with no table page read. Every register is named so the index's leading column can be used.
export const ALERT_CASES_SQL = `SELECT c.id, c.reference, c.register, c.status, c.date_notified, c.last_attendance, c.date_located, c.date_entered_provision, c.child_id
  FROM cases c INDEXED BY cases_agenda
  WHERE c.register IN (${REGISTERS.map((r) => `'${r.code}'`).join(', ')}) AND ${OPEN_CASES_SQL} AND (c.last_attendance IS NOT NULL OR c.date_located IS NOT NULL)`;

function allHomeAlerts(db: Db, today: string): Group[] {
  const cal = termCalendar(db);
  const schoolDays = rememberedSchoolDayAlerts();
  // Read as arrays, in ALERT_CASES_SQL's column order: thousands of rows, no per-row key objects.
  const rows = db.prepare(ALERT_CASES_SQL).raw(true).all() as [number, string, Case['register'], Case['status'], string, string | null, string | null, string | null, number][];
  const groups = new Map<string, Group>();
  for (const [id, reference, register, status, dateNotified, lastAttendance, dateLocated, dateEnteredProvision, childId] of rows) {
    const k: AlertFacts = { register, status, dateNotified, lastAttendance, dateLocated, dateEnteredProvision };
    for (const a of alertsFor(k, today, cal, schoolDays)) {
      let g = groups.get(a.code);
      if (!g) groups.set(a.code, (g = { code: a.code, count: 0, cases: [] }));
      g.count += 1;
      g.cases.push({ caseId: id, reference, childId, since: a.since, text: a.text });
    }
  }
  const pending = db
    .prepare(
      `SELECT p.case_id, p.proposed_on, p.proposed_by_name, p.chase_on, c.reference, c.child_id
       FROM closure_proposals p JOIN cases c ON c.id = p.case_id
       WHERE p.status = 'pending' ORDER BY p.proposed_on DESC`,
    )
    .all() as Row[];
  if (pending.length > 0) {
    groups.set('closure_waiting', {
      code: 'closure_waiting',
      count: pending.length,
      cases: pending.map((r) => ({
        caseId: Number(r.case_id), reference: String(r.reference), childId: Number(r.child_id), since: String(r.proposed_on),
        text: `Closure proposed by ${String(r.proposed_by_name)}: ${pendingClosureWaitingFor({ chaseOn: strOrNull(r.chase_on) })}`,
      })),
    });
  }
  const order: readonly string[] = HOME_ALERT_CODES;
  return [...groups.values()]
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code))
    .map((g) => ({ ...g, cases: g.cases.sort((a, b) => (a.since < b.since ? 1 : a.since > b.since ? -1 : 0)) }));
}
