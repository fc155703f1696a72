// One meeting as the screens show it: attendance, agenda, matters arising, its neighbours, amendments.
import type { Db } from '../../../db/open';
import type { ActionRow, AgendaItem, Attendee, MeetingDetail, MeetingSummary } from '../../../shared/api/meetingSchemas';
import { capacityFor, isMandatory } from '../../../shared/domain/agenda';
import { attendanceNotRecorded } from '../../../shared/domain/attendance';
import { type Row, numOrNull, strOrNull, ragOrNull } from '../rows';
import { getPanel } from './panels';
import { DISCUSSED_SQL } from '../register/discussed';
import { ACTION_SQL, SUMMARY_SQL, meetingRow, summary, toAction, toItem, toSummary } from './meetingRows';

/** A large register can have thousands of eligible cases over capacity: the meeting carries the top ones. */
export const ALSO_ELIGIBLE_SHOWN = 200;

function items(db: Db, meetingId: number): AgendaItem[] {
  const rows = db
    .prepare(
      `SELECT a.*, c.reference, c.rag AS case_rag, ch.forenames, ch.surname,
         (SELECT count(*) FROM actions x WHERE x.agenda_item_id = a.id) AS actions_agreed, ${DISCUSSED_SQL} AS discussed
       FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id LEFT JOIN children ch ON ch.id = c.child_id
       WHERE a.meeting_id = ? ORDER BY a.position, a.id`,
    )
    .all(meetingId) as Row[];
  return rows.map(toItem);
}

function neighbour(db: Db, m: Row, dir: 'previous' | 'next'): MeetingSummary | null {
  const r = db
    .prepare(
      dir === 'previous'
        ? `${SUMMARY_SQL} WHERE m.panel_id = ? AND m.date < ? ORDER BY m.date DESC LIMIT 1`
        : `${SUMMARY_SQL} WHERE m.panel_id = ? AND m.date > ? ORDER BY m.date LIMIT 1`,
    )
    .get(m.panel_id, m.date) as Row | undefined;
  return r ? toSummary(r) : null;
}

export function getMeeting(db: Db, id: number): MeetingDetail {
  const m = meetingRow(db, id);
  const base = summary(db, id);
  const name = (officerId: unknown) => (officerId === null ? null : ((db.prepare('SELECT name FROM officers WHERE id = ?').get(officerId) as { name: string } | undefined)?.name ?? null));
  const previous = neighbour(db, m, 'previous');
  const matters = mattersArising(db, m);
  const panel = getPanel(db, Number(m.panel_id));
  const attendance = (db.prepare('SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position, id').all(id) as Row[]).map(
    (r): Attendee => ({
      id: Number(r.id),
      officerId: numOrNull(r.officer_id),
      name: String(r.name),
      role: String(r.role),
      status: r.status as Attendee['status'],
      kind: r.kind as Attendee['kind'],
      deputyFor: strOrNull(r.deputy_for),
    }),
  );
  return {
    meeting: {
      ...base,
      chairId: numOrNull(m.chair_id),
      chairName: name(m.chair_id),
      minuteTakerId: numOrNull(m.minute_taker_id),
      minuteTakerName: name(m.minute_taker_id),
      startedAt: strOrNull(m.started_at),
      closedAt: strOrNull(m.closed_at),
      currentItemId: numOrNull(m.current_item_id),
      liveVersion: Number(m.live_version),
      locked: m.status === 'approved',
    },
    attendance,
    attendanceNotRecorded: attendanceNotRecorded(attendance),
    items: items(db, id),
    previousMeeting: previous,
    nextMeeting: neighbour(db, m, 'next'),
    mattersArising: matters,
    capacity: capacityFor(panel.register, panel.capacity),
    // Built since migration 014: the count kept at the build (only the most pressing rows are stored).
    alsoEligibleCount: m.also_eligible_total !== null && m.also_eligible_total !== undefined
      ? Number(m.also_eligible_total)
      : (db.prepare('SELECT count(*) AS n FROM agenda_eligible WHERE meeting_id = ?').get(id) as { n: number }).n,
    alsoEligible: (db
      .prepare(
        `SELECT e.*, c.reference, c.rag, ch.forenames, ch.surname FROM agenda_eligible e JOIN cases c ON c.id = e.case_id JOIN children ch ON ch.id = c.child_id
         WHERE e.meeting_id = ? ORDER BY e.rank LIMIT ${ALSO_ELIGIBLE_SHOWN}`,
      )
      .all(id) as Row[]).map((r) => {
      const reasons = JSON.parse(String(r.reasons)) as { code: string; text: string }[];
      return {
        caseId: Number(r.case_id), reference: String(r.reference), caseName: `${String(r.forenames)} ${String(r.surname)}`, rag: ragOrNull(r.rag),
        rank: Number(r.rank), section: String(r.section), reasons, mandatory: isMandatory(reasons),
      };
    }),
    amendments: (db
      .prepare('SELECT x.*, a.title FROM minutes_amendments x LEFT JOIN agenda_items a ON a.id = x.agenda_item_id WHERE x.meeting_id = ? ORDER BY x.id')
      .all(id) as Row[]).map((r) => ({
      at: String(r.at), actor: String(r.actor), reason: String(r.reason), field: String(r.field),
      oldValue: strOrNull(r.old_value), newValue: strOrNull(r.new_value), itemTitle: strOrNull(r.title),
    })),
  };
}

/**
 * Matters arising: every action still open from any earlier meeting of this panel (new, carried
 * forward or overdue, however long ago), and those already reviewed at this meeting with their
 * outcome, so the list and its counter stay right after each review.
 */
export function mattersArising(db: Db, m: Row): ActionRow[] {
  const reviewed = new Map(
    (db.prepare('SELECT action_id, outcome FROM action_reviews WHERE meeting_id = ?').all(m.id) as { action_id: number; outcome: ActionRow['reviewedHere'] }[]).map((r) => [r.action_id, r.outcome]),
  );
  return (db
    .prepare(
      `${ACTION_SQL} WHERE x.meeting_id IN (SELECT id FROM meetings WHERE panel_id = ? AND date < ? AND id <> ?)
         AND (x.status IN ('open', 'carried_forward') OR x.id IN (SELECT action_id FROM action_reviews WHERE meeting_id = ?))
       ORDER BY x.due_date, x.id`,
    )
    .all(m.panel_id, m.date, m.id, m.id) as Row[]).map((r) => toAction(r, reviewed.get(Number(r.id)) ?? null));
}
