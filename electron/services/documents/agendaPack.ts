import type { MethodArgs } from '../../../shared/api/contract';
import { textOrNull } from '../rows';
import type { Db } from '../../../db/open';
import { MINUTES_MARKING, type MinutesAttendee, type MinutesVariant } from '../../../shared/api/minutesSchemas';
import type { AgendaPackCase, AgendaPackDoc, AgendaPackItem } from '../../../shared/api/documentSchemas';
import { OUTCOMES } from '../../../shared/api/meetingSchemas';
import { compareIso, formatUk } from '../../../shared/domain/dates';
import { CASE_STATUS_LABELS, CHECK_AGENCIES, CHILD_FLAGS, CME_REASONS, PMOE_REASONS, labelOf, type Rag } from '../../../shared/domain/vocab';
import { documentRedactor, documentText, ownerOf } from './redaction';
import { isOverdue, type ActionStatus } from '../../../shared/domain/actions';
import { getCaseDetail } from '../register/cases';
import { documentChildName, documentMeeting, getAuthority, itemSectionAndReasons } from './minutes';
import { meetingRow } from '../meetings/meetingRows';
import { figuresNote } from '../reports/figuresNote';
import type { Row } from '../rows';
import { LAST_DISCUSSED_SQL } from '../register/discussed';


export const AGENDA_VARIANT_LABELS: Readonly<Record<MinutesVariant, string>> = {
  full: 'Agenda pack (full)',
  redacted: 'Agenda pack, redacted for circulation',
};


/**
 * The agenda pack the chair circulates before a panel: the running order, and for each case the
 * reason it is on the agenda, a summary of the case, its open actions and escalations, and what
 * the last panel minuted. Like the minutes, the redacted variant is redacted here, on the server,
 * so the print view never holds a child's name, address, contact details or date of birth.
 */
export function buildAgendaPack(db: Db, args: MethodArgs<'agendaPack.get'>, today: string, now: string = new Date().toISOString()): AgendaPackDoc {
  const { meetingId, variant } = args;
  const m = meetingRow(db, meetingId);
  const meetingDate = String(m.date);
  const panel = db.prepare('SELECT name, register, standing_items FROM panels WHERE id = ?').get(m.panel_id) as { name: string; register: 'CME' | 'PMOE'; standing_items: string };
  const officers = new Map((db.prepare('SELECT id, name FROM officers').all() as { id: number; name: string }[]).map((o) => [o.id, o.name]));
  const officer = (id: unknown) => (id === null || id === undefined ? null : (officers.get(Number(id)) ?? null));

  const redacted = variant === 'redacted';
  const rows = db.prepare(`SELECT a.* FROM agenda_items a WHERE a.meeting_id = ? AND a.removed = 0 ORDER BY a.position, a.id`).all(meetingId) as Row[];
  const lastMinuteOf = db.prepare(LAST_DISCUSSED_SQL);
  const lastMinutes = new Map<number, Row>();
  for (const r of rows) {
    const last = r.kind === 'case' ? (lastMinuteOf.get(r.case_id, meetingId, meetingDate) as Row | undefined) : undefined;
    if (last) lastMinutes.set(Number(r.case_id), last);
  }
  // The whole register's people (the quoted earlier minutes may name anyone); the officers and the
  // attendees of this meeting and of the quoted ones keep their names.
  const sources = new Set([meetingId, ...[...lastMinutes.values()].map((l) => Number(l.meeting_id))]);
  const redactor = redacted ? documentRedactor(db, [...sources]) : null;
  const tAll = documentText(redactor);

  // Who is invited: the meeting's attendance list (the panel's members, deputies and guests).
  const invited: MinutesAttendee[] = (db.prepare('SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as Row[]).map((a) => ({
    name: a.officer_id === null ? (tAll(a.name) ?? '') : String(a.name),
    role: tAll(a.role) ?? '',
    note: a.kind === 'guest' ? 'guest' : a.kind === 'deputy' ? `deputy${a.deputy_for ? ` for ${tAll(a.deputy_for)}` : ''}` : a.status === 'apologies' ? 'apologies sent' : null,
  }));

  const standingText = new Map(((JSON.parse(panel.standing_items || '[]') as { code: string; text?: string | null }[]) ?? []).map((s) => [s.code, s.text ?? null]));
  const previous = db
    .prepare(`SELECT date, status FROM meetings WHERE panel_id = ? AND date < ? AND status <> 'scheduled' ORDER BY date DESC LIMIT 1`)
    .get(m.panel_id, meetingDate) as { date: string; status: string } | undefined;
  const openEscalationCount = (db
    .prepare(`SELECT count(*) AS n FROM escalations e JOIN cases c ON c.id = e.case_id WHERE e.status IN ('open', 'responded') AND c.register = ?`)
    .get(panel.register) as { n: number }).n;
  const next = db.prepare('SELECT date, time FROM meetings WHERE panel_id = ? AND date > ? ORDER BY date LIMIT 1').get(m.panel_id, meetingDate) as Row | undefined;
  const standingNote = (code: string): string | null => {
    const own = standingText.get(code);
    if (own) return own;
    switch (code) {
      case 'previous_minutes':
        return previous
          ? `To approve the minutes of ${formatUk(previous.date)}${previous.status === 'approved' ? ' (already approved)' : ''} and review matters arising.`
          : 'No earlier meeting of this panel.';
      case 'escalations':
        return openEscalationCount ? `${openEscalationCount} escalation${openEscalationCount === 1 ? '' : 's'} open on the ${panel.register} register.` : 'No escalations open.';
      case 'figures':
        return figuresNote(db, { panelId: Number(m.panel_id), register: panel.register, date: meetingDate }, today);
      case 'next_meeting':
        return next ? `${formatUk(String(next.date))} at ${String(next.time)}.` : 'To be agreed.';
      default:
        return null;
    }
  };

  const actionsOf = db.prepare(
    `SELECT text, owner_id, due_date, status, carried_count FROM actions WHERE case_id = ? AND status IN ('open', 'carried_forward') ORDER BY due_date, id`,
  );
  const escalationsOf = db.prepare(
    `SELECT level, level_title, raised_on, response_due, status FROM escalations WHERE case_id = ? AND status IN ('open', 'responded') ORDER BY raised_on, id`,
  );
  // Ages as at the meeting (or today, for a meeting already held).
  const asAt = compareIso(meetingDate, today) >= 0 ? meetingDate : today;

  const items: AgendaPackItem[] = [];
  const bySection = new Map<string, number>();
  const byRag = { red: 0, amber: 0, green: 0, unrated: 0 };
  let overdueActions = 0;
  for (const r of rows) {
    const number = items.length + 1;
    if (r.kind !== 'case') {
      // Before the meeting the item's text is the panel's; afterwards it is what was minuted, which is not the agenda's.
      const note = m.status === 'scheduled' ? (textOrNull(r.discussion) ?? standingNote(String(r.code))) : standingNote(String(r.code));
      items.push({ number, kind: 'standing', title: tAll(r.title) ?? '', note: tAll(note), case: null });
      continue;
    }
    const d = getCaseDetail(db, Number(r.case_id), asAt);
    const k = d.case;
    // The child's own full name may read as their initials in their own paper; anyone else's is a neutral token.
    const own = ownerOf({ child_id: d.child.id, forenames: d.child.forenames, surname: d.child.surname });
    const t = (v: unknown) => tAll(v, own);
    const { section, reasons } = itemSectionAndReasons(r, t);
    bySection.set(section, (bySection.get(section) ?? 0) + 1);
    byRag[(k.rag ?? 'unrated') as Rag | 'unrated'] += 1;
    const openActions = (actionsOf.all(k.id) as Row[]).map((a) => {
      // Overdue by the meeting, as the agenda rules count it (or by today, for a meeting already held).
      const overdue = isOverdue({ status: a.status as ActionStatus, dueDate: String(a.due_date) }, asAt);
      if (overdue) overdueActions += 1;
      return { text: t(a.text) ?? '', owner: officer(a.owner_id), dueDate: String(a.due_date), overdue, carried: Number(a.carried_count) };
    });
    const last = lastMinutes.get(k.id);
    const pack: AgendaPackCase = {
      reference: k.reference,
      child: documentChildName(d.child, redacted),
      ageYears: d.clocks.ageYears,
      yearGroupLabel: d.clocks.yearGroupLabel,
      register: k.register,
      section,
      reasons,
      status: CASE_STATUS_LABELS[k.status] ?? k.status,
      dateNotified: k.dateNotified,
      daysOpen: d.clocks.daysOpen,
      longTerm: d.clocks.longTerm,
      referralReason: k.register === 'CME' ? (k.reason ? labelOf(CME_REASONS, k.reason) : null) : k.pmoeReason ? labelOf(PMOE_REASONS, k.pmoeReason) : null,
      school: t(k.register === 'CME' ? k.lastSchool : k.pmoeSchool),
      rag: k.rag,
      ragReason: t(k.ragReason),
      leadOfficer: k.leadOfficerName,
      flags: CHILD_FLAGS.filter((f) => d.child.flags[f.code as keyof typeof d.child.flags]).map((f) => f.label),
      concerns: d.clocks.concerns.map((c) => c.label),
      checks: { count: d.checks.length, last: d.checks.slice(0, 3).map((c) => ({ agency: labelOf(CHECK_AGENCIES, c.agency), checkedOn: c.checkedOn, outcome: t(c.outcome) ?? '' })) },
      openActions,
      openEscalations: (escalationsOf.all(k.id) as Row[]).map((e) => ({
        level: Number(e.level), levelTitle: t(e.level_title) ?? '', raisedOn: String(e.raised_on), responseDue: textOrNull(e.response_due), status: String(e.status),
      })),
      lastMinute: last
        ? { meetingDate: String(last.date), discussion: t(last.discussion), decisions: t(last.decisions), outcome: last.outcome ? labelOf(OUTCOMES, String(last.outcome)) : null }
        : null,
    };
    items.push({ number, kind: 'case', title: k.reference, note: null, case: pack });
  }

  return {
    marking: MINUTES_MARKING,
    variant,
    variantLabel: AGENDA_VARIANT_LABELS[variant],
    authority: getAuthority(db),
    meeting: documentMeeting(m, panel, officer),
    invited,
    items,
    summary: {
      cases: items.filter((i) => i.case).length,
      bySection: [...bySection.entries()].map(([section, count]) => ({ section, count })),
      byRag,
      overdueActions,
      overdueAsAt: asAt,
    },
    generatedAt: now,
  };
}
