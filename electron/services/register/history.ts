import { numOrNull, strOrNull } from '../rows';
import type { Db } from '../../../db/open';
import { auditedInsert, type WriteContext } from '../../../db/audit';
import type { Row } from '../rows';

/** Where a change was made: the meeting whose source it carries, if any. */
export const meetingOf = (ctx: WriteContext): number | null => {
  const m = /^meeting:(\d+)$/.exec(ctx.source);
  return m ? Number(m[1]) : null;
};

/** A change of RAG rating on a case's timeline: from what, to what, why, and on which day. */
export interface RagEntry { caseId: number; from: string | null; to: string; reason: string; onDate: string }

export function recordRag(db: Db, ctx: WriteContext, { caseId, from, to, reason, onDate }: RagEntry): void {
  auditedInsert(db, ctx, 'rag_history', { entity: 'rag_history', caseId }, {
    case_id: caseId, on_date: onDate, from_rag: from, to_rag: to, reason, actor: ctx.actor, meeting_id: meetingOf(ctx), created_at: ctx.now(),
  });
}

/** A change of lead officer on a case's timeline (nothing is recorded when the lead stays the same). */
export interface AllocationEntry { caseId: number; from: number | null; to: number | null; reason: string | null; onDate: string }

export function recordAllocation(db: Db, ctx: WriteContext, { caseId, from, to, reason, onDate }: AllocationEntry): void {
  if (from === to) return;
  auditedInsert(db, ctx, 'lead_allocations', { entity: 'lead_allocation', caseId }, {
    case_id: caseId, from_officer_id: from, to_officer_id: to, on_date: onDate, actor: ctx.actor, meeting_id: meetingOf(ctx), reason, created_at: ctx.now(),
  });
}

export interface RagChange { onDate: string; from: string | null; to: string; reason: string; actor: string; meetingId: number | null; meetingLabel: string | null }
export interface Allocation { onDate: string; fromName: string | null; toName: string | null; actor: string; reason: string | null; meetingId: number | null; meetingLabel: string | null }

export function ragHistory(db: Db, caseId: number): RagChange[] {
  return (db
    .prepare(
      `SELECT h.*, p.name AS panel, m.date AS meeting_date FROM rag_history h
       LEFT JOIN meetings m ON m.id = h.meeting_id LEFT JOIN panels p ON p.id = m.panel_id WHERE h.case_id = ? ORDER BY h.on_date, h.id`,
    )
    .all(caseId) as Row[]).map((r) => ({
    onDate: String(r.on_date), from: strOrNull(r.from_rag), to: String(r.to_rag), reason: String(r.reason), actor: String(r.actor),
    meetingId: numOrNull(r.meeting_id), meetingLabel: r.panel ? `${String(r.panel)} ${String(r.meeting_date)}` : null,
  }));
}

export function leadHistory(db: Db, caseId: number): Allocation[] {
  return (db
    .prepare(
      `SELECT a.*, f.name AS from_name, t.name AS to_name, p.name AS panel, m.date AS meeting_date FROM lead_allocations a
       LEFT JOIN officers f ON f.id = a.from_officer_id LEFT JOIN officers t ON t.id = a.to_officer_id
       LEFT JOIN meetings m ON m.id = a.meeting_id LEFT JOIN panels p ON p.id = m.panel_id WHERE a.case_id = ? ORDER BY a.on_date, a.id`,
    )
    .all(caseId) as Row[]).map((r) => ({
    onDate: String(r.on_date), fromName: strOrNull(r.from_name), toName: strOrNull(r.to_name),
    actor: String(r.actor), reason: strOrNull(r.reason), meetingId: numOrNull(r.meeting_id),
    meetingLabel: r.panel ? `${String(r.panel)} ${String(r.meeting_date)}` : null,
  }));
}

/** Starts the timelines of cases loaded in bulk (the demo register) from the rating and lead they hold. */
export function backfillHistory(db: Db): void {
  db.exec(`
    INSERT INTO lead_allocations (case_id, from_officer_id, to_officer_id, on_date, actor, reason, created_at)
      SELECT id, NULL, lead_officer_id, date_notified, 'Panel (history began)', 'Lead officer when allocation history began', created_at
      FROM cases WHERE lead_officer_id IS NOT NULL AND id NOT IN (SELECT case_id FROM lead_allocations);
    INSERT INTO rag_history (case_id, on_date, from_rag, to_rag, reason, actor, created_at)
      SELECT id, date_notified, NULL, rag, coalesce(rag_reason, 'Rating when RAG history began'), 'Panel (history began)', created_at
      FROM cases WHERE rag IS NOT NULL AND id NOT IN (SELECT case_id FROM rag_history);
  `);
}
