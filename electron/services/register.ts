import type { Db } from '../../db/open';
import type { RegisterRow } from '../../shared/api/schemas';
import { FLAG_KEYS } from '../../shared/api/schemas';
import { clocksFor } from './caseClocks';
import { toCase, toChild, type Row } from './rows';

export const CASE_SELECT = `
  SELECT c.*, o.name AS lead_officer_name
  FROM cases c LEFT JOIN officers o ON o.id = c.lead_officer_id`;

/**
 * The whole register, one row per case, with its clocks computed for today. The screen sorts,
 * filters and virtualises on the client; 50,000 rows is a few MB and one query.
 */
export function listRegister(db: Db, today: string): RegisterRow[] {
  const rows = db
    .prepare(
      `SELECT c.*, o.name AS lead_officer_name,
              ch.id AS ch_id, ch.forenames, ch.surname, ch.known_as, ch.former_names, ch.date_of_birth, ch.gender,
              ch.ethnicity, ch.upn, ch.family_id, ch.looked_after_la, ch.social_worker,
              ${FLAG_KEYS.map((k) => `ch.${k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`).join(', ')}
       FROM cases c
       JOIN children ch ON ch.id = c.child_id
       LEFT JOIN officers o ON o.id = c.lead_officer_id
       ORDER BY c.date_notified DESC, c.id DESC`,
    )
    .all() as Row[];
  return rows.map((r) => {
    const k = toCase(r);
    const child = toChild({ ...r, id: r.ch_id });
    const clocks = clocksFor(k, child, today);
    return {
      caseId: k.id,
      reference: k.reference,
      register: k.register,
      status: k.status,
      childId: child.id,
      forenames: child.forenames,
      surname: child.surname,
      knownAs: child.knownAs,
      formerNames: child.formerNames,
      upn: child.upn,
      dateOfBirth: child.dateOfBirth,
      ageYears: clocks.ageYears,
      yearGroup: clocks.yearGroup,
      dateNotified: k.dateNotified,
      rag: k.rag,
      leadOfficerId: k.leadOfficerId,
      leadOfficerName: k.leadOfficerName,
      school: k.register === 'PMOE' ? k.pmoeSchool : k.lastSchool,
      flags: FLAG_KEYS.filter((f) => child.flags[f]),
      daysOpen: clocks.daysOpen,
      dueForPanel: clocks.dueForPanel,
      longTerm: clocks.longTerm,
      endOfCsaReached: clocks.endOfCsaReached,
      concerns: clocks.concerns.length,
      urgency: k.urgency,
      closedOn: k.closedOn,
      closureReason: k.closureReason,
    };
  });
}
