import { numOrNull } from '../rows';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, auditedDelete, type WriteContext } from '../../../db/audit';
import { meetingSource, bump } from './meetingRows';
import type { Row } from '../rows';

/** Audit entity -> its table. Only register and minutes data recorded in a meeting can be undone. */
const TABLES: Record<string, string> = {
  case: 'cases', child: 'children', check: 'checks', note: 'notes', action: 'actions', action_review: 'action_reviews',
  escalation: 'escalations', rag_history: 'rag_history', agenda_item: 'agenda_items', meeting: 'meetings', attendance: 'attendance',
  amendment: 'minutes_amendments', lead_allocation: 'lead_allocations',
};

const LABELS: Record<string, string> = {
  case: 'case change', action: 'action', action_review: 'action review', escalation: 'escalation', rag_history: 'RAG change',
  agenda_item: 'agenda item', meeting: 'meeting change', attendance: 'attendance',
};

/**
 * Reverses the meeting's last recorded change (one operation: every audit row written by one call),
 * using the old values the audit trail kept. The reversal is itself audited, so nothing is lost.
 */
export function undoLast(db: Db, ctx: WriteContext, meetingId: number): { undone: string | null } {
  const source = meetingSource(meetingId);
  // Typing in the notes autosaves constantly; the text box has its own undo. "Undo last change"
  // reverses the last decision: RAG, lead officer, action, review, escalation, agenda change.
  const last = db
    .prepare(
      `SELECT op FROM audit WHERE source = ? AND op IS NOT NULL
         AND op NOT IN (SELECT op FROM undone_ops) AND op NOT IN (SELECT undone_by FROM undone_ops)
         AND NOT (entity = 'agenda_item' AND action = 'update' AND field IN ('discussion', 'decisions', 'outcome_detail', 'done'))
         -- Showing names on the projector is recorded (issue 11) but is the chair's display, not a decision.
         AND NOT (entity = 'meeting' AND action = 'update' AND field = 'projector_names_item_id')
       ORDER BY id DESC LIMIT 1`,
    )
    .get(source) as { op: string } | undefined;
  if (!last) return { undone: null };
  const rows = db.prepare('SELECT * FROM audit WHERE op = ? ORDER BY id DESC').all(last.op) as Row[];
  const c: WriteContext = { ...ctx, source };
  let what = '';
  for (const r of rows) {
    const table = TABLES[String(r.entity)];
    if (!table) continue;
    what ||= LABELS[String(r.entity)] ?? String(r.entity);
    const link = { entity: String(r.entity), caseId: numOrNull(r.case_id), childId: numOrNull(r.child_id) };
    const id = Number(r.entity_id);
    if (r.action === 'update' && r.field) auditedUpdate(db, c, table, link, id, { [String(r.field)]: r.old_value });
    else if (r.action === 'insert') auditedDelete(db, c, table, link, id);
    else if (r.action === 'delete' && r.old_value) {
      const old = JSON.parse(String(r.old_value)) as Row;
      auditedInsert(db, c, table, link, old);
    }
  }
  db.prepare('INSERT INTO undone_ops (op, undone_by) VALUES (?, ?)').run(last.op, ctx.op ?? `undo:${last.op}`);
  bump(db, meetingId);
  return { undone: what || 'change' };
}
