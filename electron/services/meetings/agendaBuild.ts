// Building a meeting's agenda from the register's rules (shared/domain/agenda planAgenda).
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, auditedDelete, type WriteContext } from '../../../db/audit';
import type { MeetingDetail } from '../../../shared/api/meetingSchemas';
import { agendaSkeleton, AGENDA_SECTIONS } from '../../../shared/domain/agenda';
import type { Row } from '../rows';
import { bump, inMeeting, meetingRow, requireEditableAgenda } from './meetingRows';
import { getMeeting } from './meetingDetail';
import { renumber } from './agenda';
import { planForMeeting, storeAlsoEligible } from './alsoEligible';

/**
 * Proposes the case items from the register's rules, most pressing first, up to the panel's
 * capacity (shared/domain/agenda planAgenda); the other eligible cases are listed as "also
 * eligible". Hand-added, removed and already-recorded items are kept (and count towards the
 * capacity); kept proposals get fresh reasons; untouched proposals that no longer make the cut go.
 * Linear in the number of cases: one ranking in memory, inserts with their final positions, one
 * renumbering.
 */
export function buildAgenda(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.buildAgenda'>, today: string): MeetingDetail {
  const { id } = args;
  const m = meetingRow(db, id);
  requireEditableAgenda(m);
  const c = inMeeting(ctx, id);
  const existing = db.prepare(`SELECT * FROM agenda_items WHERE meeting_id = ? AND kind = 'case'`).all(id) as Row[];
  const untouched = (r: Row) => r.added_by_hand === 0 && r.removed === 0 && !r.discussion && !r.decisions && !r.outcome && r.done === 0;
  const keep = new Set(existing.filter((r) => r.removed === 0 && !untouched(r)).map((r) => Number(r.case_id)));
  const exclude = new Set(existing.filter((r) => r.removed === 1).map((r) => Number(r.case_id)));
  const plan = planForMeeting(db, m, today, { keep, exclude });

  const proposed = new Map(plan.onAgenda.map((p) => [p.caseId, p]));
  const byCase = new Map(existing.map((r) => [Number(r.case_id), r]));
  for (const r of existing) {
    if (untouched(r) && !proposed.has(Number(r.case_id))) auditedDelete(db, c, 'agenda_items', { entity: 'agenda_item', caseId: Number(r.case_id) }, Number(r.id));
  }
  // The running order as it stands, then each new case after the last item of its section.
  const order = (db.prepare('SELECT id, code FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(id) as { id: number; code: string }[]);
  const fresh = new Map<string, number[]>();
  for (const p of plan.onAgenda) {
    const have = byCase.get(p.caseId);
    if (have && have.removed === 0) {
      auditedUpdate(db, c, 'agenda_items', { entity: 'agenda_item', caseId: p.caseId }, Number(have.id), { reasons: JSON.stringify(p.reasons) });
      continue;
    }
    const newId = auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item', caseId: p.caseId }, {
      meeting_id: id, position: 0, kind: 'case', code: p.section, title: p.reference, case_id: p.caseId, reasons: JSON.stringify(p.reasons),
    });
    fresh.set(p.section, [...(fresh.get(p.section) ?? []), newId]);
  }
  const slots = agendaSkeleton().map((x) => x.code as string);
  const final: number[] = [];
  const placed = new Set<string>();
  const flush = (upTo: number) => {
    // Sections whose slot comes at or before `upTo` and have not been placed yet.
    for (const section of AGENDA_SECTIONS) {
      if (placed.has(section) || slots.indexOf(section) > upTo) continue;
      final.push(...(fresh.get(section) ?? []));
      placed.add(section);
    }
  };
  const rankOf = (code: string) => (slots.includes(code) ? slots.indexOf(code) : slots.indexOf('aob') - 0.5);
  for (const o of order) {
    flush(rankOf(o.code) - 0.25);
    final.push(o.id);
  }
  flush(Infinity);
  renumber(db, id, final);

  // "Also eligible": a derived list, replaced on every build; the build itself is audited above. The
  // most pressing ALSO_ELIGIBLE_SHOWN are kept (all any screen shows or brings in) and the rest counted:
  // writing all of them with their reasons was a quarter of a build at 50,000 cases.
  storeAlsoEligible(db, id, plan.alsoEligible);
  bump(db, id);
  return getMeeting(db, id);
}
