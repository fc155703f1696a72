import type { Db } from '../../../db/open';
import { addDays, addMonths, compareIso } from '../../../shared/domain/dates';
import { getReports } from './reports';
import { byRegisterVersion } from '../versionCache';

/**
 * The Figures item: the panel's register as managers review it monthly (seed 001 §6.1) — the last
 * whole month before the meeting, opened and closed, residing and left the area — and the open
 * register now by RAG, with its long-term cases (§6.2). The same numbers as the Reports screen.
 */
export function figuresNote(db: Db, meeting: { panelId: number; register: 'CME' | 'PMOE'; date: string }, today: string): string {
  // Worked out from the whole register's reports (most of a second at 50,000 cases), so kept until
  // the register or the day changes: printing the same minutes or pack again costs nothing (issue 12).
  const key = `figuresNote:${meeting.panelId}:${meeting.register}:${meeting.date}`;
  return byRegisterVersion(db, today, key, () => workOutFiguresNote(db, meeting, today));
}

function workOutFiguresNote(db: Db, meeting: { panelId: number; register: 'CME' | 'PMOE'; date: string }, today: string): string {
  const { panelId, register, date: meetingDate } = meeting;
  const monthStart = addMonths(`${meetingDate.slice(0, 7)}-01`, -1);
  if (compareIso(monthStart, today) > 0) return 'The register’s figures (see Reports).';
  const end = addDays(addMonths(monthStart, 1), -1);
  const r = getReports(db, { from: monthStart, to: compareIso(end, today) < 0 ? end : today, panelId }, today);
  const pi = r.monthly[0]?.[register === 'CME' ? 'cme' : 'pmoe'];
  const rag = r.openRag.find((x) => x.register === register);
  const longTerm = r.longTerm.at(-1);
  const month = new Date(`${monthStart}T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const parts: string[] = [];
  if (pi) {
    const opened = pi.openedResiding + pi.openedLeft;
    parts.push(
      `${month}: ${opened} ${register} ${opened === 1 ? 'case' : 'cases'} opened (${pi.openedResiding} residing in the area, ${pi.openedLeft} left), ` +
        `${pi.closedResiding + pi.closedLeft} closed (${pi.closedResiding} residing, ${pi.closedLeft} left).`,
    );
  }
  if (rag) parts.push(`Open now: ${rag.total} (red ${rag.red}, amber ${rag.amber}, green ${rag.green}${rag.none ? `, not rated ${rag.none}` : ''}).`);
  if (longTerm) parts.push(`Long-term (open six months or more): ${register === 'CME' ? longTerm.cme : longTerm.pmoe}.`);
  return parts.join(' ');
}
