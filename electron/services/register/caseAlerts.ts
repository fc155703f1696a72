import { strOrNull } from '../rows';
import type { Db } from '../../../db/open';
import type { Case, CaseAlert } from '../../../shared/api/schemas';
import type { HomeAlerts } from '../../../shared/api/schemas';
import { provisionAlerts, schoolDayAlerts, type ClockAlert } from '../../../shared/domain/educationClocks';
import type { TermCalendar } from '../../../shared/domain/calendar';
import { termCalendar } from '../settings/calendar';
import type { Row } from '../rows';
import { pendingClosureWaitingFor } from '../../../shared/domain/closure';
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

/**
 * Open cases whose clocks have run out, for Home: newest first under each kind of alert, the first
 * HOME_ALERT_LIMIT of each, or `expand.limit` of the group the officer asked to see more of. Every
 * group is worked out in full once per register version (at 50,000 cases a few hundred ms).
 */
export function homeAlerts(db: Db, today: string, expand: { code: string; limit: number } | null = null): HomeAlerts {
  return byRegisterVersion(db, today, 'alerts.home', () => allHomeAlerts(db, today)).map((g) => ({
    ...g,
    cases: g.cases.slice(0, expand?.code === g.code ? expand.limit : HOME_ALERT_LIMIT),
  }));
}

function allHomeAlerts(db: Db, today: string): HomeAlerts {
  const cal = termCalendar(db);
  const schoolDays = rememberedSchoolDayAlerts();
  const rows = db
    .prepare(
      `SELECT c.id, c.reference, c.register, c.status, c.date_notified, c.last_attendance, c.date_located, c.date_entered_provision, ch.forenames, ch.surname
       FROM cases c JOIN children ch ON ch.id = c.child_id
       WHERE ${OPEN_CASES_SQL} AND (c.last_attendance IS NOT NULL OR c.date_located IS NOT NULL)`,
    )
    .all() as Row[];
  const groups = new Map<string, HomeAlerts[number]>();
  for (const r of rows) {
    const k: AlertFacts = {
      register: r.register as Case['register'],
      status: r.status as Case['status'],
      dateNotified: String(r.date_notified),
      lastAttendance: strOrNull(r.last_attendance),
      dateLocated: strOrNull(r.date_located),
      dateEnteredProvision: strOrNull(r.date_entered_provision),
    };
    for (const a of alertsFor(k, today, cal, schoolDays)) {
      const g = groups.get(a.code) ?? { code: a.code, count: 0, cases: [] };
      g.count += 1;
      g.cases.push({ caseId: Number(r.id), reference: String(r.reference), name: `${String(r.forenames)} ${String(r.surname)}`, since: a.since, text: a.text });
      groups.set(a.code, g);
    }
  }
  // Closures waiting for a manager or for another LA's acceptance (closures.ts): the case stays open meanwhile.
  const pending = db
    .prepare(
      `SELECT p.case_id, p.proposed_on, p.proposed_by_name, p.chase_on, c.reference, ch.forenames, ch.surname
       FROM closure_proposals p JOIN cases c ON c.id = p.case_id JOIN children ch ON ch.id = c.child_id
       WHERE p.status = 'pending' ORDER BY p.proposed_on DESC`,
    )
    .all() as Row[];
  if (pending.length > 0) {
    groups.set('closure_waiting', {
      code: 'closure_waiting',
      count: pending.length,
      cases: pending.map((r) => ({
        caseId: Number(r.case_id), reference: String(r.reference), name: `${String(r.forenames)} ${String(r.surname)}`, since: String(r.proposed_on),
        text: `Closure proposed by ${String(r.proposed_by_name)}: ${pendingClosureWaitingFor({ chaseOn: strOrNull(r.chase_on) })}`,
      })),
    });
  }
  const order: readonly string[] = HOME_ALERT_CODES;
  return [...groups.values()]
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code))
    .map((g) => ({ ...g, cases: g.cases.sort((a, b) => (a.since < b.since ? 1 : a.since > b.since ? -1 : 0)) }));
}
