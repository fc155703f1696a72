import { numOrNull, textOrNull, ragOrNull } from '../rows';
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedSetting, type WriteContext } from '../../../db/audit';
import { invalid } from '../../../shared/api/errors';
import { OUTCOMES, ESCALATION_REASONS } from '../../../shared/api/meetingSchemas';
import { MINUTES_MARKING, VARIANT_LABELS, type DocumentMeeting, type MinutesDoc, type MinutesItem, type RagCounts } from '../../../shared/api/minutesSchemas';
import { SECTION_LABELS } from '../../../shared/domain/agenda';
import { ageOn, compareIso, formatUk } from '../../../shared/domain/dates';
import { yearGroup, yearGroupLabel } from '../../../shared/domain/schoolAge';
import { CLOSURE_REASONS, labelOf, type Rag } from '../../../shared/domain/vocab';
import { initials } from '../../../shared/domain/redaction';
import { documentRedactor, documentText, officerOwnerName, ownerOf } from './redaction';
import { ratingAtMeeting } from '../../../shared/domain/figures';
import { getSetting } from '../context';
import { meetingRow } from '../meetings/meetingRows';
import { DISCUSSED_SQL } from '../register/discussed';
import { figuresNote } from '../reports/figuresNote';
import type { Row } from '../rows';
import { UNNAMED_SEAT_NOTE, isUnnamedSeat } from '../../../shared/domain/attendance';

// ---------------------------------------------------------------------------------------------
// The authority's name and logo, printed at the head of the minutes.

export const DEFAULT_AUTHORITY_NAME = 'Your local authority';
const LOGO_RE = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]+$/;

export function getAuthority(db: Db): { name: string; logo: string | null } {
  return { name: getSetting(db, 'authority_name') || DEFAULT_AUTHORITY_NAME, logo: getSetting(db, 'authority_logo') || null };
}

/** `logo` undefined leaves the logo as it is; null or '' removes it. */
export function setAuthority(db: Db, ctx: WriteContext, args: MethodArgs<'settings.setAuthority'>): { name: string; logo: string | null } {
  const { name, logo } = args;
  if (logo && !LOGO_RE.test(logo)) {
    throw invalid('logo', 'must be a PNG, JPEG, GIF, WebP or SVG image. Choose the logo file again.');
  }
  auditedSetting(db, ctx, 'authority_name', name);
  if (logo !== undefined) auditedSetting(db, ctx, 'authority_logo', logo ?? '');
  return getAuthority(db);
}

// ---------------------------------------------------------------------------------------------
// The minutes

const RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2 };
const emptyCounts = (): RagCounts => ({ red: 0, amber: 0, green: 0, unrated: 0 });

function statusLabel(status: string, approvedOn: string | null): string {
  if (status === 'approved') return approvedOn ? `APPROVED on ${formatUk(approvedOn)}` : 'APPROVED';
  if (status === 'in_progress') return 'DRAFT (meeting in progress)';
  if (status === 'scheduled') return 'DRAFT (meeting not yet held)';
  return 'DRAFT';
}

/** A child as a meeting's documents name them: full name (and known-as), or initials when redacted. */
export function documentChildName(c: { forenames: string; surname: string; knownAs: string | null }, redacted: boolean): string {
  return redacted ? initials(c.forenames, c.surname) : `${c.forenames} ${c.surname}${c.knownAs ? ` (known as ${c.knownAs})` : ''}`;
}

/** An agenda item's section label and its reasons for being on the agenda (through `t`, the redactor). */
export function itemSectionAndReasons(item: Row, t: (v: unknown) => string | null): { section: string; reasons: string[] } {
  return {
    section: SECTION_LABELS[item.code as keyof typeof SECTION_LABELS] ?? String(item.code),
    reasons: (JSON.parse(String(item.reasons ?? '[]')) as { text: string }[]).map((x) => t(x.text) ?? ''),
  };
}

/** The meeting's facts at the head of its documents (minutes, agenda pack). */
export function documentMeeting(m: Row, panel: { name: string; register: 'CME' | 'PMOE' }, officer: (id: unknown) => string | null): DocumentMeeting {
  return {
    id: Number(m.id),
    panelName: panel.name,
    register: panel.register,
    date: String(m.date),
    time: String(m.time),
    venue: textOrNull(m.venue),
    onlineLink: textOrNull(m.online_link),
    chair: officer(m.chair_id),
    minuteTaker: officer(m.minute_taker_id),
    status: String(m.status) as DocumentMeeting['status'],
  };
}

interface AuditRow { source: string | null; action: string; field: string | null; new_value: string | null }

/** An action's due date and owner when it was agreed (`created`), or just before `meetingId` reviewed it (`before`), from the audit trail. */
function actionAsAt(db: Db, action: Row, meetingId: number, when: 'before' | 'created'): { dueDate: string; ownerId: number | null } {
  const rows = db
    .prepare(`SELECT source, action, field, new_value FROM audit WHERE case_id = ? AND entity = 'action' AND entity_id = ? ORDER BY id`)
    .all(action.case_id ?? -1, action.id) as AuditRow[];
  let due = String(action.due_date);
  let owner = numOrNull(action.owner_id);
  let known = false;
  for (const r of rows) {
    if (when === 'before' && r.source === `meeting:${meetingId}` && r.action === 'update') break;
    if (r.action === 'insert' && r.new_value) {
      try {
        const v = JSON.parse(r.new_value) as { due_date?: string; owner_id?: number | null };
        if (v.due_date) due = v.due_date;
        owner = v.owner_id ?? null;
        known = true;
      } catch {
        /* keep the current values */
      }
      if (when === 'created') break;
    } else if (r.action === 'update' && known) {
      if (r.field === 'due_date' && r.new_value) due = r.new_value;
      if (r.field === 'owner_id') owner = numOrNull(r.new_value);
    }
  }
  return { dueDate: due, ownerId: owner };
}

/**
 * The minutes of a meeting (draft or approved), from the register. In the `redacted` variant the
 * redaction happens here: children are named by initials and every free-text field goes through
 * the redactor, so nothing identifying reaches the print view.
 */
export function buildMinutes(db: Db, args: MethodArgs<'minutes.get'>, today: string, now: string = new Date().toISOString()): MinutesDoc {
  const { meetingId, variant } = args;
  const m = meetingRow(db, meetingId);
  const meetingDate = String(m.date);
  // Ages as at the meeting (or today, for a meeting still to come).
  const asAt = compareIso(meetingDate, today) <= 0 ? meetingDate : today;
  const panel = db.prepare('SELECT name, register FROM panels WHERE id = ?').get(m.panel_id) as { name: string; register: 'CME' | 'PMOE' };
  const officers = new Map((db.prepare('SELECT id, name FROM officers').all() as { id: number; name: string }[]).map((o) => [o.id, o.name]));
  const officer = (id: unknown) => (id === null || id === undefined ? null : (officers.get(Number(id)) ?? null));
  const officerNamed = officerOwnerName([...officers].map(([id, name]) => ({ id, name })));
  // An action's owner: an officer (by id, or typed as their own name) is staff and named; anyone else is free text, written by `write`.
  const ownerName = (id: unknown, typed: unknown, write: (v: unknown) => string | null) => officer(id) ?? officerNamed(typed) ?? write(typed);

  const redacted = variant === 'redacted';
  // The whole register's people; officers and this meeting's attendees (professionals in role) keep their names.
  const redactor = redacted ? documentRedactor(db, [meetingId]) : null;
  // Without `own` (outside a case item) nobody's name reads as initials: every register person is a neutral token.
  const t = documentText(redactor);
  const childName = (r: Row) => documentChildName({ forenames: String(r.forenames), surname: String(r.surname), knownAs: textOrNull(r.known_as) }, redacted);

  // Attendance ------------------------------------------------------------------------------
  const attendance: MinutesDoc['attendance'] = { present: [], apologies: [], absent: [], guests: [], notMarked: [] };
  for (const a of db.prepare('SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as Row[]) {
    // Officers are named; a name typed in for a guest or deputy goes through the redactor.
    const name = a.officer_id === null ? (t(a.name) ?? '') : String(a.name);
    const role = t(a.role) ?? '';
    if (a.kind === 'guest') {
      attendance.guests.push({ name, role, note: a.status === 'present' ? null : a.status === 'apologies' ? 'apologies' : a.status === 'absent' ? 'absent' : 'attendance not recorded' });
      continue;
    }
    const note = a.kind === 'deputy' ? `deputy${a.deputy_for ? ` for ${t(a.deputy_for)}` : ''}` : null;
    const seat = a.officer_id === null && isUnnamedSeat({ name: String(a.name), role: String(a.role), kind: String(a.kind) });
    attendance[a.status === 'not_marked' ? 'notMarked' : (a.status as 'present' | 'apologies' | 'absent')].push(seat ? { name: role, role: '', note: UNNAMED_SEAT_NOTE } : { name, role, note });
  }

  // Agenda ----------------------------------------------------------------------------------
  const rows = db
    .prepare(
      `SELECT a.*, c.reference, c.child_id, c.register AS case_register, c.closure_reason, c.lead_officer_id, c.rag AS case_rag, c.rag_reason AS case_rag_reason,
              ch.forenames, ch.surname, ch.known_as, ch.date_of_birth, ${DISCUSSED_SQL} AS discussed
       FROM agenda_items a LEFT JOIN cases c ON c.id = a.case_id LEFT JOIN children ch ON ch.id = c.child_id
       WHERE a.meeting_id = ? ORDER BY a.position, a.id`,
    )
    .all(meetingId) as Row[];

  const ragAtMeeting = db.prepare('SELECT from_rag, to_rag, reason FROM rag_history WHERE case_id = ? AND meeting_id = ? ORDER BY id');
  const ragInForce = db.prepare(
    `SELECT to_rag, reason FROM rag_history WHERE case_id = ? AND on_date <= ? AND (meeting_id IS NULL OR meeting_id <> ?) ORDER BY on_date DESC, id DESC LIMIT 1`,
  );
  const hasRagHistory = db.prepare('SELECT 1 FROM rag_history WHERE case_id = ? LIMIT 1');
  const leadAtMeeting = db.prepare('SELECT from_officer_id, to_officer_id FROM lead_allocations WHERE case_id = ? AND meeting_id = ? ORDER BY id');
  const leadInForce = db.prepare(
    `SELECT to_officer_id FROM lead_allocations WHERE case_id = ? AND on_date <= ? AND (meeting_id IS NULL OR meeting_id <> ?) ORDER BY on_date DESC, id DESC LIMIT 1`,
  );
  const reviewsOf = db.prepare(
    `SELECT r.outcome, r.reason, r.new_due_date, x.* FROM action_reviews r JOIN actions x ON x.id = r.action_id
     WHERE r.agenda_item_id = ? AND r.meeting_id = ? ORDER BY r.id`,
  );
  const agreedOf = db.prepare('SELECT * FROM actions WHERE agenda_item_id = ? ORDER BY id');
  const escalationsOf = db.prepare('SELECT * FROM escalations WHERE agenda_item_id = ? ORDER BY id');

  const next = db.prepare('SELECT date, time, venue FROM meetings WHERE panel_id = ? AND date > ? ORDER BY date LIMIT 1').get(m.panel_id, meetingDate) as Row | undefined;
  const approvedHere = db.prepare('SELECT date FROM meetings WHERE approved_at_meeting_id = ? AND id <> ? ORDER BY date').all(meetingId, meetingId) as { date: string }[];
  const escalated = db
    .prepare(`SELECT DISTINCT c.reference FROM escalations e JOIN cases c ON c.id = e.case_id WHERE e.meeting_id = ? ORDER BY c.reference`)
    .all(meetingId) as { reference: string }[];
  const names = (list: { name: string }[]) => list.map((a) => a.name).join(', ');
  const standingDefault = (code: string): string | null => {
    switch (code) {
      case 'welcome_apologies':
        return attendance.apologies.length ? `Apologies were received from ${names(attendance.apologies)}.` : 'No apologies were received.';
      case 'previous_minutes':
        return approvedHere.length ? `The minutes of the meeting${approvedHere.length > 1 ? 's' : ''} of ${approvedHere.map((x) => formatUk(x.date)).join(', ')} were approved.` : null;
      case 'figures':
        // The figures the agenda pack carried for this meeting (the same numbers as Reports).
        return figuresNote(db, { panelId: Number(m.panel_id), register: panel.register, date: meetingDate }, asAt);
      case 'escalations':
        return escalated.length ? `Escalations raised at this meeting: ${escalated.map((x) => x.reference).join(', ')} (see the case items).` : null;
      case 'next_meeting':
        return next ? `The next meeting is on ${formatUk(String(next.date))} at ${String(next.time)}${next.venue ? `, ${String(next.venue)}` : ''}.` : 'The next meeting is not yet scheduled.';
      default:
        return null;
    }
  };
  const items: MinutesItem[] = [];
  const withdrawnBy = new Map<string | null, number>();
  const notReached: MinutesDoc['notReached'] = [];
  // A meeting that has run: case items nobody discussed are "not reached" (not counted in the RAG summary).
  const held = m.status !== 'scheduled';
  const reviewed = (rows: Row[]) =>
    rows.map((a) => {
      const was = actionAsAt(db, a, meetingId, 'before');
      return {
        text: t(a.text) ?? '',
        owner: ownerName(was.ownerId, a.owner_text, t),
        dueDate: was.dueDate,
        outcome: a.outcome as 'done' | 'carried_forward' | 'dropped',
        reason: t(a.reason),
        newDueDate: textOrNull(a.new_due_date),
      };
    });
  const caseRefOf = db.prepare('SELECT reference FROM cases WHERE id = ?');
  const table: { owner: string | null; row: MinutesDoc['actionsByOwner'][number]['actions'][number] }[] = [];
  const before = emptyCounts();
  const after = emptyCounts();
  const movement = { improved: 0, same: 0, worsened: 0, newlyRated: 0 };

  for (const r of rows) {
    if (r.removed === 1) {
      if (r.kind === 'case') {
        const why = t(r.removed_reason);
        withdrawnBy.set(why, (withdrawnBy.get(why) ?? 0) + 1);
      }
      continue;
    }
    const number = items.length + 1;
    if (r.kind !== 'case') {
      // A standing item nobody wrote anything under says what the register knows.
      const said = textOrNull(r.discussion) ?? standingDefault(String(r.code));
      const reviews = reviewsOf.all(r.id, meetingId) as Row[];
      for (const a of reviews) {
        if (a.outcome === 'carried_forward') {
          const was = actionAsAt(db, a, meetingId, 'before');
          const ref = a.case_id === null ? null : ((caseRefOf.get(a.case_id) as { reference: string } | undefined)?.reference ?? null);
          table.push({ owner: ownerName(was.ownerId, a.owner_text, t), row: { reference: ref, itemNumber: number, text: t(a.text) ?? '', dueDate: String(a.new_due_date ?? was.dueDate), kind: 'carried' } });
        }
      }
      const arising = reviewed(reviews).map((x, i) => {
        const caseId = reviews[i]!.case_id;
        return { ...x, reference: caseId === null ? null : ((caseRefOf.get(caseId) as { reference: string } | undefined)?.reference ?? null) };
      });
      items.push({ number, kind: 'standing', title: String(r.title), discussion: t(said), decisions: t(r.decisions), case: null, mattersArising: arising });
      continue;
    }
    const caseId = Number(r.case_id);
    // In a case item the child's own full name may read as their initials; anyone else's is a neutral token.
    const own = ownerOf(r);
    const tc = (v: unknown): string | null => t(v, own);
    const wasDiscussed = !held || r.discussed === 1;
    if (!wasDiscussed) notReached.push({ number, reference: String(r.reference) });

    // RAG: what this meeting decided, else the rating in force on the day.
    const changes = ragAtMeeting.all(caseId, meetingId) as Row[];
    let ragBefore: Rag | null;
    let ragAfter: Rag | null;
    let ragReason: string | null;
    if (changes.length > 0) {
      ragBefore = ragOrNull(changes[0]!.from_rag);
      ragAfter = changes.at(-1)!.to_rag as Rag;
      ragReason = tc(changes.at(-1)!.reason);
    } else {
      const inForce = ragInForce.get(caseId, meetingDate, meetingId) as Row | undefined;
      const hasHistory = hasRagHistory.get(caseId) !== undefined;
      ragBefore = ragAfter = ratingAtMeeting({ inForce: ragOrNull(inForce?.to_rag), itemRagBefore: ragOrNull(r.rag_before), current: ragOrNull(r.case_rag), hasHistory });
      ragReason = tc(inForce ? inForce.reason : ragAfter && !hasHistory ? r.case_rag_reason : null);
    }
    if (wasDiscussed) {
      before[ragBefore ?? 'unrated'] += 1;
      after[ragAfter ?? 'unrated'] += 1;
      if (ragBefore === null && ragAfter !== null) movement.newlyRated += 1;
      else if (ragBefore === null || ragAfter === null || RANK[ragBefore] === RANK[ragAfter]) movement.same += 1;
      else if (RANK[ragAfter] > RANK[ragBefore]) movement.improved += 1;
      else movement.worsened += 1;
    }

    // Lead officer: the same.
    const leads = leadAtMeeting.all(caseId, meetingId) as Row[];
    let lead: string | null;
    let previousLead: string | null = null;
    const leadChanged = leads.length > 0;
    if (leadChanged) {
      previousLead = officer(leads[0]!.from_officer_id);
      lead = officer(leads.at(-1)!.to_officer_id);
    } else {
      const inForce = leadInForce.get(caseId, meetingDate, meetingId) as Row | undefined;
      lead = officer(inForce ? inForce.to_officer_id : r.lead_officer_id);
    }

    const reviewRows = reviewsOf.all(r.id, meetingId) as Row[];
    for (const a of reviewRows) {
      if (a.outcome !== 'carried_forward') continue;
      const was = actionAsAt(db, a, meetingId, 'before');
      table.push({ owner: ownerName(was.ownerId, a.owner_text, tc), row: { reference: String(r.reference), itemNumber: number, text: tc(a.text) ?? '', dueDate: String(a.new_due_date ?? was.dueDate), kind: 'carried' } });
    }
    const actionsReviewed = reviewed(reviewRows);
    const actionsAgreed = (agreedOf.all(r.id) as Row[]).map((a) => {
      const made = actionAsAt(db, a, meetingId, 'created');
      const row = { text: tc(a.text) ?? '', owner: ownerName(made.ownerId, a.owner_text, tc), dueDate: made.dueDate };
      table.push({ owner: row.owner, row: { reference: String(r.reference), itemNumber: number, text: row.text, dueDate: row.dueDate, kind: 'agreed' } });
      return row;
    });
    const escalations = (escalationsOf.all(r.id) as Row[]).map((e) => ({
      reason: labelOf(ESCALATION_REASONS, String(e.reason)),
      level: Number(e.level),
      levelTitle: tc(e.level_title) ?? '',
      escalatedTo: tc(e.escalated_to),
      asked: tc(e.asked),
      responseDue: textOrNull(e.response_due),
      raisedBy: String(e.raised_by),
    }));
    const dob = String(r.date_of_birth);
    items.push({
      number,
      kind: 'case',
      title: String(r.reference),
      discussion: tc(r.discussion),
      decisions: tc(r.decisions),
      case: {
        reference: String(r.reference),
        child: childName(r),
        ageYears: ageOn(dob, asAt),
        yearGroupLabel: yearGroupLabel(yearGroup(dob, asAt)),
        register: r.case_register as 'CME' | 'PMOE',
        ...itemSectionAndReasons(r, tc),
        ragBefore,
        ragAfter,
        ragChanged: changes.length > 0,
        ragReason,
        leadOfficer: lead,
        previousLeadOfficer: previousLead,
        leadChanged,
        outcome: r.outcome ? labelOf(OUTCOMES, String(r.outcome)) : null,
        outcomeDetail: tc(r.outcome_detail),
        closure: r.outcome === 'close' && r.closure_reason ? labelOf(CLOSURE_REASONS, String(r.closure_reason)) : null,
        actionsReviewed,
        actionsAgreed,
        escalations,
        notReached: !wasDiscussed,
        closedHere: r.outcome === 'close',
      },
      mattersArising: [],
    });
  }

  // The action table, by owner (no owner last), then due date ------------------------------
  const byOwner = new Map<string, MinutesDoc['actionsByOwner'][number]['actions']>();
  const NO_OWNER = 'No owner named';
  for (const { owner, row } of table) {
    const k = owner ?? NO_OWNER;
    byOwner.set(k, [...(byOwner.get(k) ?? []), row]);
  }
  const actionsByOwner = [...byOwner.entries()]
    .sort(([a], [b]) => (a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : a.localeCompare(b, 'en-GB')))
    .map(([owner, actions]) => ({ owner, actions: actions.sort((x, y) => x.dueDate.localeCompare(y.dueDate) || (x.itemNumber ?? 0) - (y.itemNumber ?? 0)) }));

  const approvedAt = m.approved_at_meeting_id === null ? null : (db.prepare('SELECT date FROM meetings WHERE id = ?').get(m.approved_at_meeting_id) as { date: string } | undefined);
  const amendments = (db
    .prepare('SELECT x.at, x.actor, x.field, x.reason, a.title FROM minutes_amendments x LEFT JOIN agenda_items a ON a.id = x.agenda_item_id WHERE x.meeting_id = ? ORDER BY x.id')
    .all(meetingId) as Row[]).map((a) => ({
    at: String(a.at),
    actor: String(a.actor),
    item: textOrNull(a.title),
    field: a.field === 'outcome_detail' ? 'outcome detail' : String(a.field),
    reason: t(a.reason) ?? '',
  }));

  const status = String(m.status) as MinutesDoc['meeting']['status'];
  return {
    marking: MINUTES_MARKING,
    variant,
    variantLabel: VARIANT_LABELS[variant],
    authority: getAuthority(db),
    meeting: {
      ...documentMeeting(m, panel, officer),
      statusLabel: statusLabel(status, textOrNull(m.approved_on)),
      approvedOn: textOrNull(m.approved_on),
      approvedAt: approvedAt ? `${panel.name} on ${formatUk(approvedAt.date)}` : null,
      startedAt: textOrNull(m.started_at),
      closedAt: textOrNull(m.closed_at),
    },
    attendance,
    items,
    withdrawn: [...withdrawnBy.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    notReached,
    actionsByOwner,
    ragSummary: { cases: items.filter((i) => i.case !== null && !i.case.notReached).length, before, after, movement },
    nextMeeting: next ? { date: String(next.date), time: String(next.time), venue: textOrNull(next.venue) } : null,
    nextMeetingOnAgenda: rows.some((r) => r.kind !== 'case' && r.removed !== 1 && r.code === 'next_meeting'),
    amendments,
    generatedAt: now,
  };
}
