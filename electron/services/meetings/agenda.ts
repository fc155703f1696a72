// Editing a meeting's agenda by hand: cases added, brought in, removed, restored and moved.
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { MeetingDetail } from '../../../shared/api/meetingSchemas';
import { invalid } from '../../../shared/api/errors';
import { agendaSkeleton, isMandatory, AGENDA_SECTIONS } from '../../../shared/domain/agenda';
import type { Row } from '../rows';
import { caseByReference } from '../register/cases';
import { bump, inMeeting, itemRow, meetingRow, requireEditableAgenda } from './meetingRows';
import { getMeeting } from './meetingDetail';
import { ruledReasons } from './alsoEligible';

/**
 * Positions 0..n in the current order. Not audited row by row: it follows an audited change (an
 * item added, removed or the agenda built), and the order follows from those records; a move the
 * chair makes on purpose is audited in moveItem.
 */
export function renumber(db: Db, meetingId: number, order?: number[]): void {
  const ids = order ?? (db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as { id: number }[]).map((r) => r.id);
  const set = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
  ids.forEach((id, i) => set.run(i, id));
}

/** Where a new item of `code` goes: after the last item of its slot, or after the slots before it. */
function insertIndex(existing: { code: string }[], code: string): number {
  const slots = agendaSkeleton().map((s) => s.code as string);
  const rank = (c: string) => {
    const i = slots.indexOf(c);
    return i < 0 ? slots.indexOf('aob') - 0.5 : i;
  };
  let at = 0;
  existing.forEach((e, i) => {
    if (rank(e.code) <= rank(code)) at = i + 1;
  });
  return at;
}

/** Brings "also eligible" cases onto the agenda with the reasons they were proposed on. */
export function bringIn(db: Db, ctx: WriteContext, args: MethodArgs<'agenda.bringIn'>): MeetingDetail {
  const { meetingId, caseIds } = args;
  const m = meetingRow(db, meetingId);
  requireEditableAgenda(m);
  const c = inMeeting(ctx, meetingId);
  const order = db.prepare('SELECT id, code FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as { id: number; code: string }[];
  for (const caseId of caseIds) {
    const k = db.prepare('SELECT reference FROM cases WHERE id = ?').get(caseId) as { reference: string };
    // A second window may still offer a case already brought in or added: never two items for one child.
    if (db.prepare('SELECT 1 FROM agenda_items WHERE meeting_id = ? AND case_id = ? AND removed = 0').get(meetingId, caseId)) {
      throw invalid('caseIds', `${k.reference} is already on this agenda.`);
    }
    const e = db.prepare('SELECT * FROM agenda_eligible WHERE meeting_id = ? AND case_id = ?').get(meetingId, caseId) as Row | undefined;
    if (!e) throw invalid('caseIds', 'That case is no longer on the "also eligible" list. Rebuild the agenda or add it by reference.');
    const section = String(e.section);
    const at = insertIndex(order, section);
    const newId = auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item', caseId }, {
      meeting_id: meetingId, position: at, kind: 'case', code: section, title: k.reference, case_id: caseId, reasons: String(e.reasons),
    });
    order.splice(at, 0, { id: newId, code: section });
    db.prepare('DELETE FROM agenda_eligible WHERE id = ?').run(e.id);
    db.prepare('UPDATE meetings SET also_eligible_total = also_eligible_total - 1 WHERE id = ? AND also_eligible_total > 0').run(meetingId);
  }
  renumber(db, meetingId, order.map((o) => o.id));
  bump(db, meetingId);
  return getMeeting(db, meetingId);
}

export function addCaseToAgenda(db: Db, ctx: WriteContext, args: MethodArgs<'agenda.addCase'>, today: string): MeetingDetail {
  const { meetingId, reference, section } = args;
  const m = meetingRow(db, meetingId);
  requireEditableAgenda(m);
  const { ref, row: k } = caseByReference(db, reference, 'reference');
  const already = db.prepare('SELECT id, removed FROM agenda_items WHERE meeting_id = ? AND case_id = ?').get(meetingId, k.id) as Row | undefined;
  if (already && already.removed === 0) throw invalid('reference', `${ref} is already on this agenda.`);
  const c = inMeeting(ctx, meetingId);
  if (already) {
    auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item', caseId: Number(k.id) }, Number(already.id), { removed: 0, removed_reason: null });
  } else {
    const order = db.prepare('SELECT id, code FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as { id: number; code: string }[];
    const at = insertIndex(order, AGENDA_SECTIONS.includes(section) ? section : 'case_reviews');
    // A case on the "also eligible" list keeps the reasons the rules gave it and leaves that list
    // (QA walk: it stayed there, and "Bring in" then put the child on the agenda a second time).
    const e = db.prepare('SELECT id, reasons FROM agenda_eligible WHERE meeting_id = ? AND case_id = ?').get(meetingId, k.id) as Row | undefined;
    // Any other case gets the reasons the rules give it now (a referral made after the build, or an
    // eligible case beyond the rows kept), so the chair sees why it matters, not only who added it.
    const ruled = e ? (JSON.parse(String(e.reasons)) as unknown[]) : ruledReasons(db, m, today, Number(k.id));
    const newId = auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item', caseId: Number(k.id) }, {
      meeting_id: meetingId, position: at, kind: 'case', code: section, title: ref, case_id: k.id,
      reasons: JSON.stringify([...ruled, { code: 'added_by_hand', text: `Added by ${ctx.actor}` }]), added_by_hand: 1,
    });
    if (e) {
      db.prepare('DELETE FROM agenda_eligible WHERE id = ?').run(e.id);
      db.prepare('UPDATE meetings SET also_eligible_total = also_eligible_total - 1 WHERE id = ? AND also_eligible_total > 0').run(meetingId);
    }
    order.splice(at, 0, { id: newId, code: section });
    renumber(db, meetingId, order.map((o) => o.id));
  }
  bump(db, meetingId);
  return getMeeting(db, meetingId);
}

/**
 * Takes cases off the agenda (one or many). A reason is needed only when one of them was proposed on
 * a rule that obliges discussion (shared/domain/agenda MANDATORY_REASONS); it goes on the record.
 */
export function removeItems(db: Db, ctx: WriteContext, args: MethodArgs<'agenda.remove'>): MeetingDetail {
  const { itemIds, reason } = args;
  const rows = itemIds.map((itemId) => itemRow(db, itemId));
  const meetingId = Number(rows[0]!.meeting_id);
  requireEditableAgenda(meetingRow(db, meetingId));
  for (const it of rows) {
    if (Number(it.meeting_id) !== meetingId) throw invalid('itemIds', 'Those items belong to different meetings. Remove them from one meeting at a time.');
    if (it.kind !== 'case') throw invalid('itemIds', 'Standing items stay on the agenda; record “not needed this time” in its notes instead.');
  }
  const obliged = rows.filter((it) => it.added_by_hand !== 1 && isMandatory(JSON.parse(String(it.reasons)) as { code: string }[]));
  if (obliged.length > 0 && !reason) {
    throw invalid('reason', `${obliged.map((it) => String(it.title)).join(', ')} ${obliged.length === 1 ? 'was' : 'were'} proposed on a rule the panel must follow (e.g. rated red, due for panel): say why ${obliged.length === 1 ? 'it is' : 'they are'} taken off.`);
  }
  const c = inMeeting(ctx, meetingId);
  for (const it of rows) {
    if (it.removed === 1) continue;
    auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item', caseId: Number(it.case_id) }, Number(it.id), { removed: 1, removed_reason: reason });
  }
  bump(db, meetingId);
  return getMeeting(db, meetingId);
}

export function restoreItem(db: Db, ctx: WriteContext, args: MethodArgs<'agenda.restore'>): MeetingDetail {
  const { itemId } = args;
  const it = itemRow(db, itemId);
  const meetingId = Number(it.meeting_id);
  requireEditableAgenda(meetingRow(db, meetingId));
  auditedUpdate(db, inMeeting(ctx, meetingId), 'agenda_items', { entity: 'agenda_item', caseId: Number(it.case_id) }, itemId, { removed: 0, removed_reason: null });
  bump(db, meetingId);
  return getMeeting(db, meetingId);
}

export function moveItem(db: Db, ctx: WriteContext, args: MethodArgs<'agenda.move'>): MeetingDetail {
  const { itemId, toIndex } = args;
  const it = itemRow(db, itemId);
  const meetingId = Number(it.meeting_id);
  requireEditableAgenda(meetingRow(db, meetingId));
  const order = (db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as { id: number }[]).map((r) => r.id);
  const from = order.indexOf(itemId);
  order.splice(from, 1);
  order.splice(Math.min(toIndex, order.length), 0, itemId);
  const c = inMeeting(ctx, meetingId);
  order.forEach((id, i) => auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item' }, id, { position: i }));
  bump(db, meetingId);
  return getMeeting(db, meetingId);
}
