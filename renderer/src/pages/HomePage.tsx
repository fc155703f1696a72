import { useMemo, type ReactNode } from 'react';
import { useCan } from '../data/session';
import type { Dashboard } from '../../../shared/api/trackingSchemas';
import { formatUk } from '../../../shared/domain/dates';
import { useDashboard, useHomeFiguresLive } from '../data/hooks';
import { hrefFor } from '../lib/router';
import { ErrorBanner } from '../components/Banner';
import { RagBadge } from '../components/RagBadge';
import { clearFilters, loadView, saveView, type RegisterFilters } from './register/view';
import { ageLabel, escalationStatusLabel } from './tracking/escalations';
import { countText, daysUntil, meetingWhen, overdueBy, ragChartRows } from './tracking/dashboard';
import { RagChart } from './tracking/RagChart';
import { SHOW_NAMES_KEY } from './tracking/prefs';
import { localStore } from '../lib/storage';
import { useStoredFlag } from './tracking/hooks';
import { ThisMonthCard } from './reports/ThisMonthCard';
import { ClocksCard } from './home/ClocksCard';
import { BackupBanner } from './home/BackupBanner';
import './tracking/tracking.css';

/** Opens the register with just these filters (the rest of the remembered view, sorting and columns, is kept). */
function presetRegister(patch: Partial<RegisterFilters>) {
  const storage = localStore();
  saveView(storage, { ...clearFilters(loadView(storage)), ...patch });
}

function RegisterLink({ patch, children }: { patch: Partial<RegisterFilters>; children: ReactNode }) {
  return (
    <a href={hrefFor({ page: 'register' })} onClick={() => presetRegister(patch)}>
      {children}
    </a>
  );
}

/** Home: what needs attention today. */
export function HomePage() {
  const dash = useDashboard();
  useHomeFiguresLive();
  const [showNames, setShowNames] = useStoredFlag(SHOW_NAMES_KEY);
  const d = dash.data;
  return (
    <div className="trk-page trk-home">
      <div className="page-head">
        <h1>What needs attention today</h1>
        {d ? <span className="muted">{new Date(`${d.today}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}</span> : null}
        <span className="spacer" />
        <label className="trk-check" title="Children's names are hidden unless you tick this (remembered on this computer)">
          <input type="checkbox" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} /> Show names
        </label>
        <button type="button" onClick={() => void dash.reload()} disabled={dash.loading}>Refresh</button>
      </div>
      <BackupBanner />
      <ErrorBanner message={dash.error ? `The figures could not be loaded: ${dash.error}` : null} />
      {!d && !dash.error ? <p className="muted" aria-busy="true" role="status">Gathering today’s list…</p> : null}
      {d ? <Cards d={d} showNames={showNames} /> : null}
    </div>
  );
}

function Card({ title, count, countText: shownCount, tone, link, children, className }: { title: string; count?: number; countText?: string; tone?: 'alert' | 'warn'; link?: ReactNode; children: ReactNode; className?: string }) {
  const id = `home-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`card trk-card${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {count !== undefined ? <span className={`trk-count${count > 0 && tone ? ` is-${tone}` : ''}`}>{shownCount ?? count.toLocaleString('en-GB')}</span> : null}
      </h2>
      <div className="trk-card-body">{children}</div>
      {link ? <div className="trk-card-link">{link}</div> : null}
    </section>
  );
}

/** dashboard.get lists at most this many escalations (and gives no total). */
const ESCALATIONS_LISTED = 8;

const Empty = ({ children }: { children: ReactNode }) => <p className="trk-card-empty">{children}</p>;

function Cards({ d, showNames }: { d: Dashboard; showNames: boolean }) {
  const ragRows = useMemo(() => ragChartRows(d.openByRag), [d.openByRag]);
  const reallocCases = d.needsReallocation.reduce((s, l) => s + l.cases.length, 0);
  const can = useCan();
  const name = (n: string | null) => (showNames && n ? <span className="trk-name"> {n}</span> : null);
  const caseLink = (id: number | null, ref: string | null) => (id !== null && ref ? <a className="trk-ref" href={hrefFor({ page: 'case', id, tab: null })}>{ref}</a> : <span className="muted">—</span>);
  /** One case in a card's list: its reference (a link), the child's name when shown, what it is about, and a line under it. */
  const caseLine = (l: { key: number; caseId: number | null; reference: string | null; childName: string | null; main: ReactNode; meta: ReactNode }) => (
    <li key={l.key}>
      <div className="trk-list-main">
        {caseLink(l.caseId, l.reference)}
        {name(l.childName)}
        {l.main}
      </div>
      <div className="trk-list-meta">{l.meta}</div>
    </li>
  );

  return (
    <div className="trk-cards">
      <ClocksCard showNames={showNames} />
      <Card title="Overdue actions" count={d.overdueActionCount} tone="alert" link={<a href={hrefFor({ page: 'actions' })}>All actions</a>}>
        {d.overdueActions.length === 0 ? (
          <Empty>No overdue actions. Everything agreed is on time.</Empty>
        ) : (
          <ul className="trk-list">
            {d.overdueActions.map((a) =>
              caseLine({
                key: a.id, caseId: a.caseId, reference: a.caseReference, childName: a.caseName,
                main: <span className="trk-list-text">{a.text}</span>,
                meta: <>{a.ownerName ?? 'Unassigned'} · due {formatUk(a.dueDate)} <span className="pill pill-alert">{overdueBy(a.dueDate, d.today)}</span></>,
              }),
            )}
          </ul>
        )}
        {d.overdueActionCount > d.overdueActions.length ? <p className="muted small">and {d.overdueActionCount - d.overdueActions.length} more</p> : null}
      </Card>

      <Card title="Escalations awaiting response" count={d.escalationsAwaiting.length} countText={d.escalationsAwaiting.length >= ESCALATIONS_LISTED ? `${ESCALATIONS_LISTED}+` : undefined} tone="warn" link={<a href={hrefFor({ page: 'escalations' })}>Escalation log</a>}>
        {d.escalationsAwaiting.length === 0 ? (
          <Empty>No escalations are waiting on anyone.</Empty>
        ) : (
          <ul className="trk-list">
            {d.escalationsAwaiting.map((e) =>
              caseLine({
                key: e.id, caseId: e.caseId, reference: e.caseReference, childName: e.caseName,
                main: <span className="trk-list-text">Level {e.level} — {e.levelTitle}</span>,
                meta: (
                  <>
                    {e.ageDays === 0 ? 'Raised today' : `Open ${ageLabel(e.ageDays)}`}
                    {e.responseDue ? ` · response due ${formatUk(e.responseDue)}` : ''}{' '}
                    {e.responseOverdue ? <span className="pill pill-alert">Overdue</span> : e.status === 'responded' ? <span className="pill">{escalationStatusLabel(e.status)}</span> : null}
                  </>
                ),
              }),
            )}
          </ul>
        )}
      </Card>

      <Card title="Cases due for panel" count={d.dueForPanelCount} tone="warn" link={<RegisterLink patch={{ dueForPanel: true }}>Show them in the register</RegisterLink>}>
        {d.dueForPanel.length === 0 ? (
          <Empty>No cases are waiting to go to panel.</Empty>
        ) : (
          <ul className="trk-list trk-list-compact">
            {d.dueForPanel.map((c) =>
              caseLine({ key: c.caseId, caseId: c.caseId, reference: c.reference, childName: c.childName, main: <RagBadge rag={c.rag} />, meta: `${countText(c.daysOpen, 'day')} open` }),
            )}
          </ul>
        )}
        {d.dueForPanelCount > d.dueForPanel.length ? <p className="muted small">and {d.dueForPanelCount - d.dueForPanel.length} more</p> : null}
      </Card>

      <Card title="Open register by RAG" className="trk-card-wide">
        {ragRows.every((r) => r.total === 0) ? <Empty>No open cases on either register.</Empty> : <RagChart rows={ragRows} />}
      </Card>

      <ThisMonthCard today={d.today} />

      <Card title="Next meetings" link={<a href={hrefFor({ page: 'meetings' })}>All meetings</a>}>
        {d.nextMeetings.length === 0 ? (
          <Empty>No meetings scheduled. Set the panels’ dates under Meetings.</Empty>
        ) : (
          <ul className="trk-list">
            {d.nextMeetings.map((m) => (
              <li key={m.id}>
                <div className="trk-list-main">
                  <a href={hrefFor({ page: 'meeting', id: m.id })}>{m.panelName}</a>
                  {m.status === 'in_progress' ? <span className="pill pill-ok">In progress</span> : null}
                </div>
                <div className="trk-list-meta">
                  {meetingWhen(m)} ({daysUntil(m.date, d.today)}) · {countText(m.caseItems, 'case item')}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Long-term cases" count={d.longTermCount} link={<RegisterLink patch={{ longTerm: true }}>Show them in the register</RegisterLink>}>
        <p className="trk-card-note">{d.longTermCount === 0 ? 'No case has been open six months or more.' : `Open six months or more. Review whether every avenue has been tried, or present for archiving.`}</p>
      </Card>

      <Card title="Reaching end of compulsory school age" count={d.endOfCsa.length} link={d.endOfCsa.length > 0 ? <RegisterLink patch={{ endOfCsa: true }}>Show them in the register</RegisterLink> : undefined}>
        {d.endOfCsa.length === 0 ? (
          <Empty>No open case has reached the end of compulsory school age.</Empty>
        ) : (
          <ul className="trk-list trk-list-compact">
            {d.endOfCsa.slice(0, 8).map((c) =>
              caseLine({
                key: c.caseId, caseId: c.caseId, reference: c.reference, childName: c.childName,
                main: <span className="muted">{c.register}</span>, meta: <span className="pill pill-warn">Closure due</span>,
              }),
            )}
          </ul>
        )}
        {d.endOfCsa.length > 8 ? <p className="muted small">and {d.endOfCsa.length - 8} more</p> : null}
      </Card>

      <Card title="Needs reallocation" count={reallocCases} tone="alert" link={<a href={hrefFor({ page: 'caseload' })}>{can('cases.reallocate') ? 'Reallocate on the Caseload page' : 'See them on the Caseload page'}</a>}>
        {d.needsReallocation.length === 0 ? (
          <Empty>No officer who has left still leads an open case.</Empty>
        ) : (
          <ul className="trk-list trk-list-compact">
            {d.needsReallocation.map((l) => (
              <li key={l.officerId}>
                <div className="trk-list-main"><strong>{l.name}</strong> <span className="muted">has left</span></div>
                <div className="trk-list-meta">{countText(l.cases.length, 'open case')}</div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
