import { useCallback, useEffect, useRef, useState } from 'react';
import { localStore } from '../lib/storage';
import type { ItemDetail, MeetingDetail } from '../../../shared/api/meetingSchemas';
import { ApiCallError, call } from '../api/client';
import { useMeeting, useOfficers } from '../data/hooks';
import { navigate } from '../lib/router';
import { formatUk } from '../lib/format';
import { ErrorBanner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Field, Select } from '../components/Field';
import { AGENDA_SECTIONS, SECTION_LABELS, type AgendaSection } from '../../../shared/domain/agenda';
import { AgendaNav } from './cockpit/AgendaNav';
import { ItemView } from './cockpit/ItemView';
import { ShortcutSheet } from './cockpit/ShortcutSheet';
import { liveItems, neighbour } from './cockpit/agendaView';
import { confirmSaved, pendingRecordDrafts, readRecordDrafts } from './cockpit/drafts';
import { isTypingTarget, shortcutFor } from './cockpit/shortcuts';
import { formatDuration, formatTimeOfDay, itemSeconds, secondsSince } from './cockpit/timer';
import type { ItemHandle, ItemMethod, Mutate, MutateResult } from './cockpit/types';
import './cockpit/cockpit.css';

type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string } | { kind: 'note'; message: string };

/** Opens (or brings back) the room's screen in its own window; sessionStorage, with the browser host's token, goes with it. */
export function openProjector(id: number): void {
  window.open(`${location.pathname}${location.search}#/projector/${id}`, 'panel-projector');
}

const SECTION_OPTIONS = AGENDA_SECTIONS.map((code) => ({ code, label: SECTION_LABELS[code] }));

/** A failure the person fixes in the form (shown by the field), rather than a failed save. */
const isFormError = (e: unknown) => e instanceof ApiCallError && e.code === 'invalid_input';

/** The minute-taker's live meeting screen: agenda, current item, record — keyboard first, saving as it goes. */
export function CockpitPage({ id }: { id: number }) {
  const meeting = useMeeting(id);
  const officers = useOfficers();
  const [viewId, setViewId] = useState<number | null>(null);
  const viewRef = useRef<number | null>(null);
  viewRef.current = viewId;
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [itemError, setItemError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [pendingRag, setPendingRag] = useState(false);
  const [sheet, setSheet] = useState(false);
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState(false);
  const [approving, setApproving] = useState(false);
  // The chair moved the projector while the minute-taker was typing: offer to follow, never pull the field away.
  const [chairAt, setChairAt] = useState<number | null>(null);
  const chairAtRef = useRef<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const itemRef = useRef<ItemHandle>(null);
  const inFlight = useRef(0);
  const gotoInFlight = useRef(0);
  const knownVersion = useRef(0);
  const d = meeting.data;
  const items = d ? liveItems(d.items) : [];
  const itemsRef = useRef(items);
  itemsRef.current = items;

  // The item on screen starts as the meeting's current item (or the first).
  useEffect(() => {
    if (!d) return;
    knownVersion.current = Math.max(knownVersion.current, d.meeting.liveVersion);
    if (viewRef.current === null) setViewId(d.meeting.currentItemId ?? liveItems(d.items)[0]?.id ?? null);
  }, [d]);

  // Load the item's detail whenever the item (or, after an undo, its form) changes.
  useEffect(() => {
    if (viewId === null) return;
    let stale = false;
    setItemError(null);
    call('meetings.item', { itemId: viewId })
      .then((r) => {
        if (!stale) setItem(r);
      })
      .catch((e: unknown) => {
        if (!stale) setItemError((e as Error).message);
      });
    return () => {
      stale = true;
    };
  }, [viewId, formKey]);

  // Clocks tick once a second.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  /** Runs one change, keeping the status line and the failure banner up to date. */
  const track = useCallback(async <T,>(fn: () => Promise<T>, banner: boolean): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> => {
    inFlight.current += 1;
    setStatus({ kind: 'saving' });
    try {
      const value = await fn();
      inFlight.current -= 1;
      if (inFlight.current === 0) setStatus({ kind: 'saved', at: new Date() });
      setProblem(null);
      return { ok: true, value };
    } catch (error) {
      inFlight.current -= 1;
      const message = (error as Error).message;
      setStatus({ kind: 'error', message });
      if (banner || !isFormError(error)) setProblem(message);
      return { ok: false, error };
    }
  }, []);

  const reloadMeeting = meeting.reload;
  const mutate: Mutate = useCallback(
    async (method: ItemMethod, input: unknown, opts?: { agenda?: boolean }) => {
      const background = method === 'items.record' && opts?.agenda === false;
      const r = await track(() => call(method, input as never) as Promise<ItemDetail>, background);
      if (!r.ok) {
        const e = r.error;
        return { ok: false, message: (e as Error).message, field: e instanceof ApiCallError ? (e.field ?? null) : null } satisfies MutateResult;
      }
      if (r.value.item.id === viewRef.current) setItem(r.value);
      if (opts?.agenda !== false) void reloadMeeting();
      return { ok: true, detail: r.value } satisfies MutateResult;
    },
    [track, reloadMeeting],
  ) as Mutate;

  /** Saves backups left by an earlier session (window closed, process killed) for items other than the one on screen. */
  const sweepDrafts = useCallback(async (detail: MeetingDetail) => {
    const store = localStore();
    for (const { itemId, patch } of pendingRecordDrafts(store, detail.items, viewRef.current)) {
      const r = await track(() => call('items.record', { itemId, ...patch }), true);
      if (r.ok) confirmSaved(store, itemId, patch, Object.fromEntries(Object.entries(readRecordDrafts(store, itemId)).filter(([, v]) => v !== null)) as Record<string, string>);
    }
  }, [track]);
  const swept = useRef(false);
  useEffect(() => {
    if (!d || swept.current || viewId === null) return;
    swept.current = true;
    void sweepDrafts(d);
  }, [d, viewId, sweepDrafts]);

  /**
   * Goes to an item at once (what was typed is saved on the way out; the localStorage copy covers a
   * failure), then tells the server, one move at a time and in order, so the projector follows.
   */
  const gotoQueue = useRef<Promise<void>>(Promise.resolve());
  const go = useCallback(
    (itemId: number | null) => {
      if (itemId === null || itemId === viewRef.current) return;
      chairAtRef.current = null;
      setChairAt(null);
      void itemRef.current?.flush();
      setPendingRag(false);
      viewRef.current = itemId;
      setViewId(itemId);
      gotoInFlight.current += 1;
      gotoQueue.current = gotoQueue.current.then(async () => {
        const r = await track(() => call('meetings.goto', { id, itemId }), false);
        if (r.ok) {
          knownVersion.current = Math.max(knownVersion.current, r.value.meeting.liveVersion);
          meeting.setData(r.value);
        }
        gotoInFlight.current -= 1;
      });
    },
    [id, track, meeting],
  );

  const undo = useCallback(async () => {
    await itemRef.current?.flush();
    const r = await track(() => call('meetings.undo', { id }), false);
    if (!r.ok) return;
    await meeting.reload();
    setFormKey((k) => k + 1);
    setStatus({ kind: 'note', message: r.value.undone ? `Undone: ${r.value.undone}` : 'Nothing to undo' });
  }, [id, track, meeting]);

  const retry = useCallback(async () => {
    const ok = await itemRef.current?.flush();
    if (d) await sweepDrafts(d);
    if (ok !== false) void meeting.reload();
  }, [d, sweepDrafts, meeting]);

  // Follow changes made elsewhere (the projector's keys move the current item too). While the
  // minute-taker is typing in a field the view stays put (the text saves to the item it was typed
  // on) and a bar offers to follow; once focus leaves the field, the cockpit follows.
  const follow = useCallback(async (cur: number) => {
    await itemRef.current?.flush();
    chairAtRef.current = null;
    setChairAt(null);
    if (cur === viewRef.current) return;
    viewRef.current = cur;
    setViewId(cur);
  }, []);
  const followRef = useRef(follow);
  followRef.current = follow;
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const typing = () => {
      const el = document.activeElement;
      return el instanceof HTMLElement && isTypingTarget(el) && el.closest('.ck-main') !== null;
    };
    const poll = async () => {
      try {
        const v = await call('projector.view', { id, sinceVersion: knownVersion.current });
        if (!stop && !v.unchanged && gotoInFlight.current === 0 && v.version > knownVersion.current) {
          knownVersion.current = v.version;
          const cur = v.items.find((i) => i.current)?.id ?? null;
          if (cur !== null && cur !== viewRef.current) {
            if (typing()) {
              chairAtRef.current = cur;
              setChairAt(cur);
            } else void followRef.current(cur);
          } else if (cur === viewRef.current) {
            chairAtRef.current = null;
            setChairAt(null);
          }
          void meeting.reload();
        } else if (!stop && chairAtRef.current !== null && !typing()) {
          void followRef.current(chairAtRef.current);
        }
      } catch {
        /* the save banner reports connection trouble */
      }
      if (!stop) timer = setTimeout(() => void poll(), 1500);
    };
    timer = setTimeout(() => void poll(), 1500);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps

  // Keyboard shortcuts (see shortcuts.ts and the ? sheet).
  const pendingRef = useRef(pendingRag);
  pendingRef.current = pendingRag;
  const keyState = useRef({ go, undo, item });
  keyState.current = { go, undo, item };
  useEffect(() => {
    // The ref changes at once, not at the next render: R then 1 typed fast must still set red.
    const setPending = (v: boolean) => {
      pendingRef.current = v;
      setPendingRag(v);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const cmd = shortcutFor(e, {
        inField: isTypingTarget(target),
        inSelect: target?.tagName === 'SELECT',
        pendingRag: pendingRef.current,
        dialogOpen: Boolean(document.querySelector('dialog[open]')),
      });
      if (!cmd) return;
      e.preventDefault();
      const h = itemRef.current;
      const { go: goTo, undo: undoLast, item: cur } = keyState.current;
      const isCase = cur?.item.kind === 'case' && cur.case !== null;
      const caseOnly = ['newAction', 'ragPrefix', 'rag', 'lead', 'escalate'];
      if (!isCase && caseOnly.includes(cmd.type)) {
        setPending(false);
        setStatus({ kind: 'note', message: 'Actions, RAG, lead officer and escalations belong to case items' });
        return;
      }
      switch (cmd.type) {
        case 'next':
        case 'previous':
          goTo(neighbour(itemsRef.current, viewRef.current, cmd.type === 'next' ? 1 : -1));
          break;
        case 'notes':
          h?.focusNotes();
          break;
        case 'newAction':
          h?.focusNewAction();
          break;
        case 'ragPrefix':
          setPending(true);
          break;
        case 'rag':
          setPending(false);
          h?.chooseRag(cmd.rag);
          break;
        case 'cancelPrefix':
          setPending(false);
          break;
        case 'lead':
          h?.focusLead();
          break;
        case 'reviewDone':
        case 'reviewCarry':
          if (!h?.reviewFirst(cmd.type === 'reviewDone' ? 'done' : 'carry')) setStatus({ kind: 'note', message: 'No action waiting for review on this item' });
          break;
        case 'escalate':
          h?.focusEscalation();
          break;
        case 'search':
          setAdding(true);
          break;
        case 'projector':
          openProjector(id);
          break;
        case 'blank':
        case 'showNames':
        case 'hideNames':
          void call('projector.control', { id, action: cmd.type === 'blank' ? 'toggleBlank' : cmd.type })
            .then(() => setStatus({ kind: 'note', message: cmd.type === 'blank' ? 'Projector blanked or shown again (B)' : cmd.type === 'showNames' ? 'Names shown on the projector for this item' : 'Names hidden on the projector' }))
            .catch((e: unknown) => setStatus({ kind: 'error', message: (e as Error).message }));
          break;
        case 'approveMinutes':
          setApproving(true);
          break;
        case 'undo':
          void undoLast();
          break;
        case 'help':
          setSheet(true);
          break;
        case 'blur':
          target?.blur();
          break;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [id]);

  // Nothing typed is lost on close: flush; in a browser, ask to stay while a save is under way.
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      const h = itemRef.current;
      if (!h) return;
      const unsaved = h.hasUnsaved();
      void h.flush();
      // Electron closes without asking (preventDefault would keep the window open silently);
      // the localStorage copy covers it.
      if (unsaved && !window.panel) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') void itemRef.current?.flush();
    };
    const onOnline = () => void retry();
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('online', onOnline);
    };
  }, [retry]);

  if (meeting.error && !d) return <div className="ck-page ck-message"><ErrorBanner message={meeting.error} /><a href="#/meetings">Back to meetings</a></div>;
  if (!d) return <div className="ck-page ck-message"><p className="muted" aria-busy="true">Opening the meeting…</p></div>;

  const m = d.meeting;
  const title = `${m.panelName} — ${formatUk(m.date)}`;
  if (m.status === 'draft' || m.status === 'approved') {
    return (
      <div className="ck-page ck-message">
        <h1>{title}</h1>
        <p>This meeting is closed. Its minutes are {m.status === 'draft' ? 'in draft' : 'approved'}.</p>
        <a className="button primary" href={`#/meeting/${id}`}>Open the meeting and its minutes</a>
      </div>
    );
  }

  const viewed = items.find((i) => i.id === viewId) ?? null;
  const statusText =
    status.kind === 'saving' ? 'Saving…'
      : status.kind === 'saved' ? `Saved ${formatTimeOfDay(status.at)}`
        : status.kind === 'error' ? (problem ? 'Not saved — see below' : `Not saved: ${status.message}`)
          : status.kind === 'note' ? status.message
            : 'Changes save as you type';

  return (
    <div className="ck-page">
      <header className="ck-strip">
        <div className="ck-title">
          <strong>{m.panelName}</strong>
          <span className="muted">{formatUk(m.date)} {m.time}{m.venue ? ` · ${m.venue}` : ''}</span>
        </div>
        <div className="ck-clocks">
          <div className="ck-clock" title="Time since the meeting started">
            <span className="ck-clock-label">Meeting</span>
            <span className="ck-clock-value">{m.startedAt ? formatDuration(secondsSince(m.startedAt, now)) : '—'}</span>
          </div>
          <div className="ck-clock" title="Time spent on this item">
            <span className="ck-clock-label">This item</span>
            <span className="ck-clock-value">{viewed ? formatDuration(itemSeconds(viewed, now)) : '—'}</span>
          </div>
        </div>
        <div className={`ck-status ck-status-${status.kind}`} role="status" title={status.kind === 'error' ? status.message : undefined}>{statusText}</div>
        {pendingRag ? <div className="ck-keyhint" role="status">RAG: press 1 or R red, 2 or A amber, 3 or G green (Esc cancels)</div> : null}
        <div className="ck-strip-buttons">
          <button type="button" onClick={() => void undo()} title="Ctrl+Z">Undo last change</button>
          <button type="button" onClick={() => openProjector(id)} title="P">Projector</button>
          <button type="button" onClick={() => setSheet(true)} title="?" aria-label="Keyboard shortcuts">Keys <kbd>?</kbd></button>
          <button type="button" className="danger" onClick={() => setClosing(true)}>Close meeting</button>
        </div>
      </header>
      {problem ? (
        <div className="banner banner-error ck-problem" role="alert">
          <span>
            <strong>Save failed — you may be offline.</strong> Nothing you typed is lost: it is kept on this computer and saved as soon as Panel answers.{' '}
            <span className="ck-problem-detail">({problem})</span>
          </span>
          <button type="button" onClick={() => void retry()}>Try again now</button>
        </div>
      ) : null}
      {m.status === 'scheduled' ? (
        <div className="banner banner-warn ck-problem">
          This meeting has not started yet.{' '}
          <button type="button" className="primary" onClick={async () => { const r = await track(() => call('meetings.start', { id }), false); if (r.ok) { meeting.setData(r.value); setViewId(r.value.meeting.currentItemId ?? viewId); } }}>Start meeting</button>
        </div>
      ) : null}
      {chairAt !== null ? (
        <div className="banner banner-info ck-follow" role="status">
          <span>
            The chair moved the projector to item {items.findIndex((i) => i.id === chairAt) + 1}
            {items.find((i) => i.id === chairAt) ? ` (${items.find((i) => i.id === chairAt)!.caseReference ?? items.find((i) => i.id === chairAt)!.title})` : ''}. What you are typing stays on this item.
          </span>
          <button type="button" onClick={() => void follow(chairAt)}>Go there</button>
        </div>
      ) : null}
      <div className="ck-body">
        <AgendaNav items={items} currentId={viewId} onGo={go} />
        <main className="ck-main" aria-label="Current item">
          {itemError ? <ErrorBanner message={itemError} /> : null}
          {item && item.item.id === viewId ? (
            <ItemView
              key={`${item.item.id}:${formKey}`}
              ref={itemRef}
              detail={item}
              officers={officers.data ?? []}
              meeting={d}
              mutate={mutate}
            />
          ) : viewId === null ? (
            <p className="muted ck-message">The agenda is empty. Press / to add a case.</p>
          ) : (
            <p className="muted ck-message" aria-busy="true">Loading the item…</p>
          )}
        </main>
      </div>
      <ShortcutSheet open={sheet} onClose={() => setSheet(false)} />
      <AddCaseDialog
        open={adding}
        meetingId={id}
        onClose={() => setAdding(false)}
        onAdded={(next, itemId) => {
          setAdding(false);
          meeting.setData(next);
          go(itemId);
        }}
      />
      <Dialog
        title="Close the meeting"
        open={closing}
        onClose={() => setClosing(false)}
        submitLabel="Close meeting"
        onSubmit={async () => {
          await itemRef.current?.flush();
          const r = await track(() => call('meetings.close', { id }), false);
          setClosing(false);
          if (r.ok) navigate({ page: 'meeting', id });
        }}
      >
        <p>This ends the live meeting and makes the draft minutes from what was recorded. Case items with nothing recorded and not marked discussed are minuted as “not reached” and carried to the next meeting’s agenda.</p>
        <p className="muted small">{items.filter((i) => i.discussed).length} of {items.length} items discussed (marked, or something recorded).</p>
      </Dialog>
      <ApproveMinutesDialog open={approving} meeting={d} onClose={() => setApproving(false)} onDone={(message) => { setApproving(false); setStatus({ kind: 'note', message }); void meeting.reload(); }} />
    </div>
  );
}

/** `M`: approve the last meeting's draft minutes here (they lock), after a confirmation. */
function ApproveMinutesDialog({ open, meeting, onClose, onDone }: { open: boolean; meeting: MeetingDetail; onClose: () => void; onDone: (message: string) => void }) {
  const prev = meeting.previousMeeting;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  const can = prev !== null && prev.status === 'draft';
  const submit = async () => {
    if (!prev || !can) {
      onClose();
      return;
    }
    setBusy(true);
    try {
      await call('meetings.approveMinutes', { id: prev.id, atMeetingId: meeting.meeting.id });
      onDone(`Minutes of ${formatUk(prev.date)} approved and locked`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Approve the last minutes" open={open} onClose={onClose} onSubmit={() => void submit()} submitLabel={can ? 'Approve minutes' : 'OK'} busy={busy} error={error}>
      {prev === null ? <p>This panel has no earlier meeting.</p>
        : prev.status === 'approved' ? <p>The minutes of {formatUk(prev.date)} are already approved.</p>
          : prev.status !== 'draft' ? <p>The meeting of {formatUk(prev.date)} has not been closed, so it has no minutes to approve yet.</p>
            : <p>Approve the minutes of the meeting of {formatUk(prev.date)} as a true record? Once approved they are locked; later corrections are recorded as amendments.</p>}
    </Dialog>
  );
}

/** `/`: add a case to the agenda by its reference, then go to it. */
function AddCaseDialog({ open, meetingId, onClose, onAdded }: { open: boolean; meetingId: number; onClose: () => void; onAdded: (d: MeetingDetail, itemId: number) => void }) {
  const [reference, setReference] = useState('');
  const [section, setSection] = useState<AgendaSection>('case_reviews');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setReference('');
      setError(null);
    }
  }, [open]);
  const submit = async () => {
    const ref = reference.trim();
    if (!ref) {
      setError('Type the case reference.');
      return;
    }
    setBusy(true);
    try {
      const next = await call('agenda.addCase', { meetingId, reference: ref, section });
      const added = liveItems(next.items).filter((i) => i.kind === 'case' && i.caseReference?.toUpperCase() === ref.toUpperCase());
      const target = added[added.length - 1];
      if (target) onAdded(next, target.id);
      else setError(`${ref} was not added to the agenda.`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Add a case to the agenda" open={open} onClose={onClose} onSubmit={() => void submit()} submitLabel="Add and go to it" busy={busy}>
      <Field label="Case reference" error={error} hint="As on the register, e.g. CME-2025-0123">
        {(p) => <input {...p} value={reference} onChange={(e) => setReference(e.target.value)} autoFocus autoComplete="off" />}
      </Field>
      <Field label="Section">
        {(p) => <Select {...p} value={section} onChange={(v) => setSection((v || 'case_reviews') as AgendaSection)} options={SECTION_OPTIONS} />}
      </Field>
    </Dialog>
  );
}
