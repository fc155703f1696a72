/** For the agenda builder: each PMOE case's latest school return that added or changed it (issue 14, "new in the return"). */
import type { Db } from '../../../db/open';
import { formatUk } from '../../../shared/domain/dates';

const halfTermLabel = (key: string) => {
  const i = key.indexOf(' ');
  return i > 0 ? `${key.slice(i + 1)} ${key.slice(0, i)}` : key;
};

export function returnFactsByCase(db: Db): Map<number, { receivedOn: string; text: string }> {
  const out = new Map<number, { receivedOn: string; text: string }>();
  const rows = db
    .prepare(
      `SELECT l.case_id, l.outcome, l.changes, r.received_on, r.half_term, s.name
       FROM return_lines l JOIN school_returns r ON r.id = l.return_id JOIN schools s ON s.id = r.school_id
       WHERE r.status = 'imported' AND l.outcome IN ('new', 'changed') ORDER BY r.received_on, l.id`,
    )
    .all() as { case_id: number; outcome: string; changes: string | null; received_on: string; half_term: string; name: string }[];
  for (const r of rows) {
    const where = `the return from ${r.name} (${halfTermLabel(r.half_term)}, received ${formatUk(r.received_on)})`;
    const changes = r.changes ? (JSON.parse(r.changes) as { label: string }[]).map((c) => c.label).join(', ') : '';
    out.set(r.case_id, { receivedOn: r.received_on, text: r.outcome === 'new' ? `New in ${where}` : `Changed in ${where}${changes ? `: ${changes}` : ''}` });
  }
  return out;
}
