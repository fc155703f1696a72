// Meetings: listing, creating one with the panel's defaults, generating the next from the cadence, editing the details.
import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { MeetingDetail, MeetingSummary } from '../../../shared/api/meetingSchemas';
import { invalid } from '../../../shared/api/errors';
import { addDays, compareIso, formatUk } from '../../../shared/domain/dates';
import { generateSchedule } from '../../../shared/domain/schedule';
import { agendaSkeleton } from '../../../shared/domain/agenda';
import type { Row } from '../rows';
import { getPanel } from './panels';
import { termCalendar } from '../settings/calendar';
import { SUMMARY_SQL, bump, inMeeting, meetingRow, requireMeeting, summary, toSummary } from './meetingRows';
import { getMeeting } from './meetingDetail';
import { renumber } from './agenda';
import { unnamedSeatName } from '../../../shared/domain/attendance';

export function listMeetings(db: Db, panelId: number | null | undefined): MeetingSummary[] {
  const rows = panelId
    ? (db.prepare(`${SUMMARY_SQL} WHERE m.panel_id = ? ORDER BY m.date, m.time`).all(panelId) as Row[])
    : (db.prepare(`${SUMMARY_SQL} ORDER BY m.date, m.time`).all() as Row[]);
  return rows.map(toSummary);
}

/** A meeting with the panel's defaults, its standing membership as attendance and the standing items. */
export function createMeeting(db: Db, ctx: WriteContext, f: { panelId: number; date: string; time?: string | null; venue?: string | null; onlineLink?: string | null }): MeetingSummary {
  const panel = getPanel(db, f.panelId);
  const clash = db.prepare('SELECT id FROM meetings WHERE panel_id = ? AND date = ?').get(f.panelId, f.date);
  if (clash) throw invalid('date', `${panel.name} already has a meeting on ${formatUk(f.date)}. Choose another date or open that meeting.`);
  const id = auditedInsert(db, ctx, 'meetings', { entity: 'meeting' }, {
    panel_id: panel.id, date: f.date, time: f.time ?? panel.defaultTime, venue: f.venue ?? panel.defaultVenue, online_link: f.onlineLink ?? null,
    status: 'scheduled', chair_id: panel.defaultChairId, minute_taker_id: panel.defaultMinuteTakerId, created_at: ctx.now(),
  });
  const c = inMeeting(ctx, id);
  const names = db.prepare('SELECT name FROM officers WHERE id = ?');
  panel.members.forEach((m, i) => {
    const officer = m.officerId ? (names.get(m.officerId) as { name: string } | undefined) : undefined;
    auditedInsert(db, c, 'attendance', { entity: 'attendance' }, {
      meeting_id: id, officer_id: m.officerId, name: officer?.name ?? unnamedSeatName(m.role), role: m.role, status: 'not_marked', kind: 'member', position: i,
    });
  });
  const text = new Map(panel.standingItems.map((s) => [s.code, s]));
  agendaSkeleton().forEach((slot, i) => {
    if (slot.kind !== 'standing') return;
    const custom = text.get(slot.code);
    if (!custom && panel.standingItems.length > 0) return; // the panel removed this standing item
    auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item' }, {
      meeting_id: id, position: i, kind: 'standing', code: slot.code, title: custom?.title ?? slot.title, discussion: custom?.text ?? null,
    });
  });
  // Standing items the panel added itself go before any other business.
  for (const s of panel.standingItems) {
    if (agendaSkeleton().some((slot) => slot.code === s.code)) continue;
    auditedInsert(db, c, 'agenda_items', { entity: 'agenda_item' }, { meeting_id: id, position: 90, kind: 'standing', code: s.code, title: s.title, discussion: s.text });
  }
  renumber(db, id);
  return summary(db, id);
}

/** The next `count` meetings from the panel's cadence and the term calendar. */
export function generateMeetings(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.generate'>, today: string): MeetingSummary[] {
  const { panelId, count } = args;
  const panel = getPanel(db, panelId);
  const existing = (db.prepare('SELECT date FROM meetings WHERE panel_id = ?').all(panelId) as { date: string }[]).map((r) => r.date);
  const last = existing.filter((d) => compareIso(d, today) >= 0).sort().pop();
  const from = last ? addDays(last, 1) : today;
  const dates = generateSchedule(panel.cadence, { from, count, calendar: termCalendar(db), existing });
  if (dates.length === 0) {
    throw invalid('count', `No more meeting dates fit the term calendar after ${formatUk(from)}. Add the next academic year's term dates in Panels & calendar.`);
  }
  return dates.map((date) => createMeeting(db, ctx, { panelId, date }));
}

export function updateMeeting(db: Db, ctx: WriteContext, args: MethodArgs<'meetings.update'>): MeetingDetail {
  const { id, ...f } = args;
  const m = meetingRow(db, id);
  requireMeeting(m, 'editDetails');
  if (f.date !== m.date) {
    const clash = db.prepare('SELECT id FROM meetings WHERE panel_id = ? AND date = ? AND id <> ?').get(m.panel_id, f.date, id);
    if (clash) throw invalid('date', `This panel already has a meeting on ${formatUk(f.date)}.`);
  }
  auditedUpdate(db, inMeeting(ctx, id), 'meetings', { entity: 'meeting' }, id, {
    date: f.date, time: f.time, venue: f.venue, online_link: f.onlineLink, chair_id: f.chairId, minute_taker_id: f.minuteTakerId,
  });
  bump(db, id);
  return getMeeting(db, id);
}
