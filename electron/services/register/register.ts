import { wholeTerms } from '../../../shared/domain/pmoeTerms';
import { termCalendar } from '../settings/calendar';
import type { Db } from '../../../db/open';
import type { ChildFlags, RegisterRow } from '../../../shared/api/schemas';
import { FLAG_KEYS } from '../../../shared/api/schemas';
import { clocksFor } from './caseClocks';
import { takenToPanelSql } from './discussed';
import { FLAG_COLUMNS, numOrNull, strOrNull, ragOrNull } from '../rows';
import { ragMovement } from '../../../shared/domain/actions';
import { CASE_STATUSES, type Rag } from '../../../shared/domain/vocab';

export const CASE_SELECT = `
  SELECT c.*, o.name AS lead_officer_name
  FROM cases c LEFT JOIN officers o ON o.id = c.lead_officer_id`;

// Only what the register shows or its clocks need, fetched as arrays: building a JS object per
// row for every column costs seconds at 50,000 cases (measured with scripts/bench.ts).
const COLUMNS = [
  'c.id', 'c.reference', 'c.register', 'c.status', 'c.date_notified', 'c.date_located', 'c.closed_on', 'c.hours_per_week',
  'c.pmoe_reason', 'c.provider', 'c.rag', 'c.lead_officer_id', 'c.last_school', 'c.pmoe_school', 'c.urgency', 'c.closure_reason',
  'c.archived', 'taken_to_panel', 'postcode', 'ch.id', 'ch.forenames', 'ch.surname', 'ch.known_as', 'ch.former_names', 'ch.upn', 'ch.date_of_birth', 'o.name', 'rag_before',
  ...FLAG_KEYS.map((k) => `ch.${FLAG_COLUMNS[k]}`),
] as const;
const at = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name);
const I = {
  caseId: at('c.id'), reference: at('c.reference'), register: at('c.register'), status: at('c.status'), notified: at('c.date_notified'),
  located: at('c.date_located'), closedOn: at('c.closed_on'), hours: at('c.hours_per_week'), pmoeReason: at('c.pmoe_reason'),
  provider: at('c.provider'), rag: at('c.rag'), leadId: at('c.lead_officer_id'), lastSchool: at('c.last_school'), pmoeSchool: at('c.pmoe_school'),
  urgency: at('c.urgency'), closureReason: at('c.closure_reason'), childId: at('ch.id'), forenames: at('ch.forenames'), surname: at('ch.surname'),
  knownAs: at('ch.known_as'), formerNames: at('ch.former_names'), upn: at('ch.upn'), dob: at('ch.date_of_birth'), leadName: at('o.name'),
  ragBefore: at('rag_before'), archived: at('c.archived'), taken: at('taken_to_panel'), postcode: at('postcode'),
  flags: at(`ch.${FLAG_COLUMNS[FLAG_KEYS[0]!]}` as (typeof COLUMNS)[number]),
};

type Cell = string | number | null;

/** Which cases to list: all of them by default. */
export interface RegisterScope {
  /** An SQL condition over c (cases), ch (children) and o (officers), with :named parameters. */
  where?: string;
  params?: Record<string, string | number>;
  /** Leave out the postcode and RAG movement (two correlated subqueries a row): for counting. */
  lean?: boolean;
}

/** Cases not closed, written so SQLite can use the status index (it cannot for `<> 'closed'`). */
export const OPEN_CASES_SQL = `c.status IN (${CASE_STATUSES.filter((s) => s.code !== 'closed').map((s) => `'${s.code}'`).join(', ')})`;

/** The SELECT behind listRegister (exported so a test can EXPLAIN its plan). */
export function registerSql(scope: RegisterScope = {}): string {
  const select = COLUMNS.map((c) =>
    c === 'rag_before'
      ? scope.lean
        ? 'NULL AS rag_before'
        : `(SELECT h.to_rag FROM rag_history h WHERE h.case_id = c.id AND h.on_date < (CASE c.register WHEN 'CME' THEN :lastCme ELSE :lastPmoe END) ORDER BY h.on_date DESC, h.id DESC LIMIT 1) AS rag_before`
      : c === 'postcode'
        ? scope.lean
          ? 'NULL AS postcode'
          : `(SELECT ad.postcode FROM addresses ad WHERE ad.child_id = ch.id AND ad.is_current = 1 ORDER BY ad.id DESC LIMIT 1) AS postcode`
        : c === 'taken_to_panel'
        ? `CASE WHEN c.register = 'CME' AND c.status <> 'closed' AND c.date_located IS NULL THEN ${takenToPanelSql('c.id')} ELSE 0 END AS taken_to_panel`
        : c,
  );
  return `SELECT ${select.join(', ')}
       FROM cases c JOIN children ch ON ch.id = c.child_id LEFT JOIN officers o ON o.id = c.lead_officer_id
       ${scope.where ? `WHERE ${scope.where}` : ''}
       ORDER BY c.date_notified DESC, c.id DESC`;
}

/**
 * The register, one row per case in `scope` (every case by default), with its clocks computed for
 * today by the rules in shared/domain. The register screen asks for windows of it (registerView.ts).
 */
export function listRegister(db: Db, today: string, scope: RegisterScope = {}): RegisterRow[] {
  // The rating each case held before the last meeting of its register's panel, for "worsened since".
  const last = (register: string) =>
    (db.prepare(`SELECT max(m.date) AS d FROM meetings m JOIN panels p ON p.id = m.panel_id WHERE p.register = ? AND m.status <> 'scheduled' AND m.date <= ?`).get(register, today) as { d: string | null }).d;
  const params = scope.lean ? { ...scope.params } : { ...scope.params, lastCme: last('CME') ?? '0000-00-00', lastPmoe: last('PMOE') ?? '0000-00-00' };
  const rows = db.prepare(registerSql(scope)).raw().all(params) as Cell[][];
  const terms = wholeTerms(termCalendar(db));
  return rows.map((r) => {
    const flags = {} as ChildFlags;
    const set: string[] = [];
    FLAG_KEYS.forEach((k, i) => {
      flags[k] = r[I.flags + i] === 1;
      if (flags[k]) set.push(k);
    });
    const register = r[I.register] as RegisterRow['register'];
    const status = r[I.status] as RegisterRow['status'];
    const dateOfBirth = String(r[I.dob]);
    const clocks = clocksFor(
      {
        register,
        status,
        dateNotified: String(r[I.notified]),
        dateLocated: strOrNull(r[I.located]),
        closedOn: strOrNull(r[I.closedOn]),
        hoursPerWeek: numOrNull(r[I.hours]),
        pmoeReason: strOrNull(r[I.pmoeReason]),
        provider: strOrNull(r[I.provider]),
        archived: r[I.archived] === 1,
        takenToPanel: r[I.taken] === 1,
      },
      { dateOfBirth, flags },
      today,
      terms,
    );
    return {
      caseId: Number(r[I.caseId]),
      reference: String(r[I.reference]),
      register,
      status,
      childId: Number(r[I.childId]),
      forenames: String(r[I.forenames]),
      surname: String(r[I.surname]),
      knownAs: strOrNull(r[I.knownAs]),
      postcode: strOrNull(r[I.postcode]),
      formerNames: strOrNull(r[I.formerNames]),
      upn: strOrNull(r[I.upn]),
      dateOfBirth,
      ageYears: clocks.ageYears,
      yearGroup: clocks.yearGroup,
      dateNotified: String(r[I.notified]),
      rag: ragOrNull(r[I.rag]),
      leadOfficerId: numOrNull(r[I.leadId]),
      leadOfficerName: strOrNull(r[I.leadName]),
      school: register === 'PMOE' ? strOrNull(r[I.pmoeSchool]) : strOrNull(r[I.lastSchool]),
      flags: set,
      daysOpen: clocks.daysOpen,
      dueForPanel: clocks.dueForPanel,
      longTerm: clocks.longTerm,
      endOfCsaReached: clocks.endOfCsaReached,
      concerns: clocks.concerns.length,
      urgency: String(r[I.urgency]),
      closedOn: strOrNull(r[I.closedOn]),
      closureReason: strOrNull(r[I.closureReason]),
      ragMovement: r[I.rag] === null || scope.lean ? null : ragMovement(ragOrNull(r[I.ragBefore]), r[I.rag] as Rag),
    };
  });
}
