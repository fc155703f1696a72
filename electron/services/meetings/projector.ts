import { numOrNull, strOrNull, ragOrNull } from '../rows';
import type { Db } from '../../../db/open';
import { initials } from '../../../shared/domain/redaction';
import type { ProjectorView } from '../../../shared/api/meetingSchemas';
import { SECTION_LABELS } from '../../../shared/domain/agenda';
import { ageOn } from '../../../shared/domain/dates';
import { yearGroup, yearGroupLabel } from '../../../shared/domain/schoolAge';
import { meetingRow, bump, inMeeting } from './meetingRows';
import { gotoItem } from './live';
import type { MethodArgs } from '../../../shared/api/contract';
import { auditedUpdate, type WriteContext } from '../../../db/audit';
import { documentRedactor, officerOwnerName, ownerOf } from '../documents/redaction';
import type { Row } from '../rows';
import { DISCUSSED_SQL } from '../register/discussed';


/**
 * What the room sees. Privacy by default: case items show reference, initials, age and year
 * group; a full name only for the one item the chair chose to show names on. While names are
 * hidden every free text shown (the reasons, the actions, a standing item's title) goes through
 * the same redactor as the redacted minutes, here on the server, so the wall never shows a name,
 * address, contact, UPN or date of birth the minute-taker typed.
 */
export function projectorView(db: Db, args: MethodArgs<'projector.view'>, today: string): ProjectorView | { unchanged: true; version: number } {
  const { id, sinceVersion } = args;
  const m = meetingRow(db, id);
  const version = Number(m.live_version);
  if (sinceVersion !== null && sinceVersion !== undefined && sinceVersion === version) return { unchanged: true, version };
  const panel = db.prepare('SELECT name FROM panels WHERE id = ?').get(m.panel_id) as { name: string };
  const rows = db
    .prepare(
      `SELECT a.id, a.kind, a.code, a.title, ${DISCUSSED_SQL} AS done, a.reasons, a.elapsed_seconds, a.started_at, a.case_id,
              c.reference, c.rag, c.register, c.child_id, ch.forenames, ch.surname, ch.date_of_birth
       FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id LEFT JOIN children ch ON ch.id = c.child_id
       WHERE a.meeting_id = ? AND a.removed = 0 ORDER BY a.position, a.id`,
    )
    .all(id) as Row[];
  const currentId = numOrNull(m.current_item_id);
  const namesFor = numOrNull(m.projector_names_item_id);
  const label = (r: Row) => (r.kind === 'case' ? `${String(r.reference)} ${initials(String(r.forenames), String(r.surname))}` : standingTitle(String(r.title)));
  // Standing titles are the panel's own words, but typed by a person: through the redactor too (never per-item names).
  const standingRedactor = documentRedactor(db, [id]);
  const standingTitle = (s: string) => standingRedactor(s);
  const cur = rows.find((r) => Number(r.id) === currentId);
  const shown = cur !== undefined && cur.kind === 'case' && namesFor === Number(cur.id);
  // Built once per refresh; the register's index itself is cached until the register changes.
  const redactor = shown ? null : standingRedactor;
  const own = cur ? ownerOf(cur) : undefined;
  const t = (s: string) => (redactor ? redactor(s, own) : s);
  const officerNamed = officerOwnerName(db.prepare('SELECT id, name FROM officers').all() as { id: number; name: string }[]);
  let current: ProjectorView['current'] = null;
  if (cur) {
    const isCase = cur.kind === 'case';
    const actions = isCase
      ? (db.prepare('SELECT x.text, x.due_date, x.owner_text, o.name FROM actions x LEFT JOIN officers o ON o.id = x.owner_id WHERE x.agenda_item_id = ? ORDER BY x.id').all(cur.id) as Row[]).map((a) => ({
          // An owner typed in (a guest, an outside agency) is free text: redacted like the action itself, unless it is an officer's own name.
          text: t(String(a.text)), owner: a.name !== null ? String(a.name) : a.owner_text ? (officerNamed(a.owner_text) ?? t(String(a.owner_text))) : null, dueDate: String(a.due_date),
        }))
      : [];
    current = {
      title: isCase ? String(cur.reference) : t(String(cur.title)),
      kind: cur.kind as 'standing' | 'case',
      reference: isCase ? String(cur.reference) : null,
      displayName: isCase ? (shown ? `${String(cur.forenames)} ${String(cur.surname)}` : initials(String(cur.forenames), String(cur.surname))) : null,
      namesShown: shown,
      ageYears: isCase ? ageOn(String(cur.date_of_birth), today) : null,
      yearGroupLabel: isCase ? yearGroupLabel(yearGroup(String(cur.date_of_birth), today)) : null,
      register: isCase ? String(cur.register) : null,
      rag: isCase ? ragOrNull(cur.rag) : null,
      reasons: (JSON.parse(String(cur.reasons ?? '[]')) as { text: string }[]).map((r) => t(r.text)),
      actions,
      elapsedSeconds: Number(cur.elapsed_seconds),
      startedAt: strOrNull(cur.started_at),
    };
  }
  return {
    unchanged: false,
    version,
    blank: m.projector_blank === 1,
    title: panel.name,
    date: String(m.date),
    status: m.status as ProjectorView['status'],
    meetingStartedAt: strOrNull(m.started_at),
    items: rows.map((r) => ({
      id: Number(r.id),
      title: label(r),
      current: Number(r.id) === currentId,
      done: r.done === 1,
      section: r.kind === 'case' ? (SECTION_LABELS[r.code as keyof typeof SECTION_LABELS] ?? '') : '',
    })),
    current,
    serverTime: new Date().toISOString(),
  };
}

/** The chair's keys on the projector window: next / previous / blank / names for this item. */
export function projectorControl(db: Db, ctx: WriteContext, args: MethodArgs<'projector.control'>): { version: number } {
  const { id, action } = args;
  const goto = (itemId: number) => gotoItem(db, { id, itemId }, ctx.now());
  const m = meetingRow(db, id);
  const ids = (db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND removed = 0 ORDER BY position, id').all(id) as { id: number }[]).map((r) => r.id);
  const at = m.current_item_id === null ? -1 : ids.indexOf(Number(m.current_item_id));
  switch (action) {
    case 'next':
      if (m.status === 'in_progress' && at + 1 < ids.length) goto(ids[at + 1]!);
      break;
    case 'previous':
      if (m.status === 'in_progress' && at > 0) goto(ids[at - 1]!);
      break;
    // Blanking is a display state, not part of the record: not audited.
    case 'blank':
    case 'unblank':
    case 'toggleBlank': {
      const blank = action === 'toggleBlank' ? (m.projector_blank === 1 ? 0 : 1) : action === 'blank' ? 1 : 0;
      db.prepare('UPDATE meetings SET projector_blank = ? WHERE id = ?').run(blank, id);
      bump(db, id);
      break;
    }
    // Who put a child's name on the wall, and for which item, is part of the record (issue 11).
    // (Moving to the next item hides names again as navigation; that is not a separate record.)
    case 'showNames':
      auditedUpdate(db, inMeeting(ctx, id), 'meetings', { entity: 'meeting' }, id, { projector_names_item_id: m.current_item_id });
      bump(db, id);
      break;
    case 'hideNames':
      auditedUpdate(db, inMeeting(ctx, id), 'meetings', { entity: 'meeting' }, id, { projector_names_item_id: null });
      bump(db, id);
      break;
  }
  return { version: Number(meetingRow(db, id).live_version) };
}
