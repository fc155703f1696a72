import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useCan } from '../data/session';
import type { ProjectorView } from '../../../shared/api/meetingSchemas';
import { RAG_LABELS } from '../../../shared/domain/vocab';
import { call } from '../api/client';
import { PUSH_FALLBACK_MS, useMeetingPush } from '../data/push';
import { formatUk } from '../lib/format';
import { agendaWindow, groupBySection, sectionLabel } from './cockpit/agendaView';
import { projectorCommand, type ProjectorCommand } from './cockpit/shortcuts';
import { clockOffset, formatDuration, itemSeconds, secondsSince } from './cockpit/timer';
import './cockpit/projector.css';

/** How often the screen asks whether anything changed while the push channel is down (the server answers {unchanged} cheaply). */
const POLL_MS = 300;

/** A first guess at the agenda lines that fit the window's height (~44px a line under a ~180px header); trimmed after layout. */
const linesFor = (height: number) => Math.max(5, Math.floor((height - 180) / 44));

/**
 * The room's screen: the agenda and the current item in very large type on a dark background.
 * Privacy first: it shows only what projector.view sends (initials unless the chair shows names).
 */
export function ProjectorPage({ id }: { id: number }) {
  const [view, setView] = useState<ProjectorView | null>(null);
  const [lost, setLost] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [lines, setLines] = useState(() => linesFor(window.innerHeight));
  const [idle, setIdle] = useState(false);
  const version = useRef<number | null>(null);
  const offset = useRef(0);
  const wake = useRef<() => void>(() => {});
  const agendaRef = useRef<HTMLElement>(null);

  // A change announced by the host refetches at once; the poll below is then only a slow safety net.
  const live = useMeetingPush(id, (v) => {
    if (v !== version.current) wake.current();
  });
  const pollMs = useRef(POLL_MS);
  pollMs.current = live ? PUSH_FALLBACK_MS : POLL_MS;

  // Poll: every 5 s while pushes arrive, every 300 ms when they do not; at once after a push or a key press.
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const poll = async () => {
      clearTimeout(timer);
      try {
        const v = await call('projector.view', { id, sinceVersion: version.current });
        if (stop) return;
        failures = 0;
        setLost(false);
        setError(null);
        // An answer older than one already shown (two requests crossed) is dropped.
        if (!v.unchanged && (version.current === null || v.version >= version.current)) {
          version.current = v.version;
          offset.current = clockOffset(v.serverTime, Date.now());
          setView(v);
        }
      } catch (e) {
        if (stop) return;
        failures += 1;
        // One blip is not worth a message; a second in a row is.
        if (failures >= 2) setLost(true);
        if (version.current === null) setError((e as Error).message);
      }
      if (!stop) timer = setTimeout(() => void poll(), failures > 0 ? Math.min(3000, POLL_MS * 2 ** failures) : pollMs.current);
    };
    wake.current = () => void poll();
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
      wake.current = () => {};
    };
  }, [id]);

  // The item timer ticks locally between polls.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);

  // Start from the estimate whenever the content changes, then drop lines until the agenda fits.
  useLayoutEffect(() => {
    setLines(linesFor(window.innerHeight));
  }, [view?.version]);
  // No dependency list on purpose: after each render, measure and drop one more line until it fits.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const el = agendaRef.current;
    if (el && el.scrollHeight > el.clientHeight + 1 && lines > 3) setLines(lines - 1);
  });

  useEffect(() => {
    const onResize = () => setLines(linesFor(window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  // Hide the mouse pointer when it rests.
  useEffect(() => {
    let t: ReturnType<typeof setTimeout> | undefined;
    const onMove = () => {
      setIdle(false);
      clearTimeout(t);
      t = setTimeout(() => setIdle(true), 2500);
    };
    onMove();
    window.addEventListener('mousemove', onMove);
    return () => {
      clearTimeout(t);
      window.removeEventListener('mousemove', onMove);
    };
  }, []);

  // Only staff steer the room's screen: a panel member following it gets no keys (they would be refused).
  const canControl = useCan()('projector.control');
  const control = useCallback(
    async (action: ProjectorCommand) => {
      try {
        await call('projector.control', { id, action });
      } catch {
        setLost(true);
      }
      wake.current();
    },
    [id],
  );

  useEffect(() => {
    if (!canControl) return;
    const onKey = (e: KeyboardEvent) => {
      const cmd = projectorCommand(e);
      if (!cmd) return;
      e.preventDefault();
      void control(cmd);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [control, canControl]);

  useEffect(() => {
    document.title = view ? `Projector — ${view.title}` : 'Projector';
  }, [view]);

  const lostNote = lost ? <div className="pj-lost" role="status">Connection lost — retrying</div> : null;

  if (!view) {
    return (
      <div className={`pj-root${idle ? ' pj-idle' : ''}`}>
        <div className="pj-waiting">
          <p>{error ? 'Cannot reach Panel — retrying…' : 'Connecting…'}</p>
        </div>
        {lostNote}
      </div>
    );
  }

  if (view.blank) {
    return (
      <div className={`pj-root pj-blank${idle ? ' pj-idle' : ''}`} aria-label="Screen blanked">
        <div className="pj-blank-hint">Screen blanked — press B</div>
        {lostNote}
      </div>
    );
  }

  const serverNow = now + offset.current;
  const win = agendaWindow(view.items, lines);
  const groups = groupBySection(win.items, (i) => sectionLabel(i.section));
  const doneCount = view.items.filter((i) => i.done).length;
  const cur = view.current;

  return (
    <div className={`pj-root${idle ? ' pj-idle' : ''}`}>
      <header className="pj-head">
        <div>
          <h1 className="pj-title">{view.title}</h1>
          <div className="pj-date">{formatUk(view.date)}</div>
        </div>
        <div className="pj-head-right">
          {view.meetingStartedAt ? <div className="pj-meeting-clock">Meeting {formatDuration(secondsSince(view.meetingStartedAt, serverNow))}</div> : null}
          <div className="pj-progress">{doneCount} of {view.items.length} done</div>
        </div>
      </header>
      <div className="pj-body">
        <nav className="pj-agenda" aria-label="Agenda" ref={agendaRef}>
          {win.before > 0 ? <div className="pj-more">▲ {win.before} earlier</div> : null}
          {groups.map((g, gi) => (
            <div key={gi}>
              {g.heading ? <div className="pj-section">{g.heading}</div> : null}
              <ol>
                {g.items.map((i) => (
                  <li key={i.id} className={`${i.current ? 'pj-current' : ''}${i.done ? ' pj-done' : ''}`} aria-current={i.current ? 'step' : undefined}>
                    <span className="pj-tick" aria-hidden="true">{i.current ? '▶' : i.done ? '✓' : ''}</span>
                    <span className="pj-agenda-title">{i.title}</span>
                    {i.done ? <span className="sr-only"> (done)</span> : null}
                  </li>
                ))}
              </ol>
            </div>
          ))}
          {win.after > 0 ? <div className="pj-more">▼ {win.after} more</div> : null}
        </nav>
        <main className="pj-current-item" aria-label="Current item">
          {!cur ? (
            <div className="pj-waiting">
              <p>{view.status === 'scheduled' ? 'The meeting will start shortly' : view.status === 'in_progress' ? 'No item selected' : 'The meeting has closed'}</p>
            </div>
          ) : (
            <>
              <div className="pj-item-top">
                <div className="pj-item-kind">
                  {cur.kind === 'case' ? (
                    <>
                      <span className="pj-ref">{cur.reference}</span>
                      {cur.register ? <span className="pj-register">{cur.register}</span> : null}
                    </>
                  ) : (
                    <span className="pj-register">Agenda item</span>
                  )}
                </div>
                <div className="pj-timer" aria-label="Time on this item">{formatDuration(itemSeconds(cur, serverNow))}</div>
              </div>
              {cur.kind === 'case' ? (
                <>
                  <div className="pj-name-row">
                    <h2 className="pj-name">{cur.displayName ?? cur.reference}</h2>
                    <span className={`pj-names ${cur.namesShown ? 'pj-names-shown' : ''}`}>{cur.namesShown ? 'Names shown for this item' : 'Names hidden'}</span>
                  </div>
                  <div className="pj-facts">
                    {cur.ageYears !== null ? <span>Age {cur.ageYears}</span> : null}
                    {cur.yearGroupLabel ? <span>{cur.yearGroupLabel}</span> : null}
                    <span className={`pj-rag pj-rag-${cur.rag ?? 'none'}`}>{cur.rag ? RAG_LABELS[cur.rag] : 'Not rated'}</span>
                  </div>
                </>
              ) : (
                <h2 className="pj-name">{cur.title}</h2>
              )}
              {cur.reasons.length > 0 ? (
                <ul className="pj-reasons">
                  {cur.reasons.map((r, i) => <li key={i}>{r}</li>)}
                </ul>
              ) : null}
              <section className="pj-actions" aria-label="Actions agreed">
                <h3>Actions agreed {cur.actions.length > 0 ? `(${cur.actions.length})` : ''}</h3>
                {cur.actions.length === 0 ? (
                  <p className="pj-none">None yet</p>
                ) : (
                  <ol>
                    {cur.actions.map((a, i) => (
                      <li key={i}>
                        <span className="pj-action-text">{a.text}</span>
                        <span className="pj-action-meta">{a.owner ?? 'No owner'} · by {formatUk(a.dueDate)}</span>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            </>
          )}
        </main>
      </div>
      {lostNote}
    </div>
  );
}
