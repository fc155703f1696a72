import { useCallback, useEffect, useRef, useState } from 'react';
import { localStore } from '../lib/storage';
import type { ItemDetail, MeetingDetail } from '../../../shared/api/meetingSchemas';
import { ApiCallError, call } from '../api/client';
import { useMeeting, useMeetingItem, useOfficers } from '../data/hooks';
import { hrefFor, navigate } from '../lib/router';
import { useCan } from '../data/session';
import { formatUk } from '../lib/format';
import { ErrorBanner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { AgendaNav } from './cockpit/AgendaNav';
import { ItemView } from './cockpit/ItemView';
import { ShortcutSheet } from './cockpit/ShortcutSheet';
import { liveItems } from './cockpit/agendaView';
import { confirmSaved, pendingRecordDrafts, readRecordDrafts } from './cockpit/drafts';
import type { ItemHandle, ItemMethod, Mutate, MutateResult } from './cockpit/types';
import { openProjector } from './cockpit/projectorWindow';
import { useSaveTracker } from './cockpit/useSaveTracker';
import { useCockpitKeys } from './cockpit/useCockpitKeys';
import { useFlushOnLeave } from './cockpit/useFlushOnLeave';
import { useFollowChair } from './cockpit/useFollowChair';
import { CockpitStrip } from './cockpit/CockpitStrip';
import './cockpit/cockpit.css';
import { ApproveMinutesDialog, AddCaseDialog } from './cockpit/CockpitDialogs';


/**
 * The cockpit is the minute-taker's: someone who can't record items (a panel member) gets a plain
 * note and the read-only ways to follow the meeting instead of a screen of controls that would fail.
 */
export function CockpitPage({ id }: { id: number }) {
  const can = useCan();
  if (!can('items.record')) {
    return (
      <section className="card" aria-labelledby="ck-readonly-heading">
        <h1 id="ck-readonly-heading">The meeting cockpit is for the minute-taker</h1>
        <p>A panel member can’t record the meeting. You can follow it on the room’s screen, or read the agenda and minutes.</p>
        <div className="button-row">
          <a className="button primary" href={hrefFor({ page: 'projector', id })}>Follow the meeting (room screen)</a>
          <a className="button" href={hrefFor({ page: 'meeting', id })}>Open the agenda and minutes</a>
        </div>
      </section>
    );
  }
  return <MinuteTakerCockpit id={id} />;
}

/** The minute-taker's live meeting screen: agenda, current item, record — keyboard first, saving as it goes. */
function MinuteTakerCockpit({ id }: { id: number }) {
  const meeting = useMeeting(id);
  const officers = useOfficers();
  const [viewId, setViewId] = useState<number | null>(null);
  const viewRef = useRef<number | null>(null);
  viewRef.current = viewId;
  const [formKey, setFormKey] = useState(0);
  // The item on screen, again after an undo (its form remounts); a reply for an item left behind is dropped.
  const itemQuery = useMeetingItem(viewId, formKey);
  const item = itemQuery.data;
  const setItem = itemQuery.setData;
  const itemError = itemQuery.loading ? null : itemQuery.error;
  const { status, setStatus, problem, track } = useSaveTracker();
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

  // Clocks tick once a second.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
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
    [track, reloadMeeting, setItem],
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
  }, [id, track, meeting, setStatus]);

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
  useFollowChair(id, { knownVersion, gotoInFlight, viewRef, chairAtRef, setChairAt, follow, reloadMeeting: meeting.reload, reloadItem: itemQuery.reload });

  useCockpitKeys(id, {
    pendingRag,
    setPendingRag,
    go,
    undo,
    item,
    itemRef,
    itemsRef,
    viewRef,
    setStatus,
    openDialog: (which) => (which === 'add' ? setAdding(true) : which === 'approve' ? setApproving(true) : setSheet(true)),
  });
  useFlushOnLeave(itemRef, retry);

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
  // Counted by the meeting service (shared/domain/attendance): members nobody marked present, apologies or absent.
  const unrecorded = d.attendanceNotRecorded;

  return (
    <div className="ck-page">
      <CockpitStrip
        meeting={m}
        viewed={viewed}
        now={now}
        status={status}
        problem={problem}
        pendingRag={pendingRag}
        onUndo={() => void undo()}
        onProjector={() => openProjector(id)}
        onKeys={() => setSheet(true)}
        // Fresh counts for the confirmation (attendance may have been marked on the meeting page meanwhile).
        onClose={() => {
          setClosing(true);
          void meeting.reload();
        }}
      />
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
        {/* A region, not a second main: the app frame already has the page’s one main landmark. */}
        <section className="ck-main" aria-label="Current item">
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
        </section>
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
        submitLabel={unrecorded.notRecorded > 0 ? 'Close anyway' : 'Close meeting'}
        onSubmit={async () => {
          await itemRef.current?.flush();
          const r = await track(() => call('meetings.close', { id }), false);
          setClosing(false);
          if (r.ok) navigate({ page: 'meeting', id });
        }}
      >
        {unrecorded.notRecorded > 0 ? (
          <div className="banner banner-warn" role="alert">
            <p>
              Attendance isn’t recorded for {unrecorded.notRecorded} of {unrecorded.members} {unrecorded.members === 1 ? 'member' : 'members'}: the minutes will say
              “Attendance not recorded”. Record it first, or close anyway.
            </p>
            <button
              type="button"
              onClick={async () => {
                await itemRef.current?.flush();
                setClosing(false);
                navigate({ page: 'meeting', id, tab: 'attendance' });
              }}
            >
              Record attendance
            </button>
          </div>
        ) : null}
        <p>This ends the live meeting and makes the draft minutes from what was recorded. Case items with nothing recorded and not marked discussed are minuted as “not reached” and carried to the next meeting’s agenda.</p>
        <p className="muted small">{items.filter((i) => i.discussed).length} of {items.length} items discussed (marked, or something recorded).</p>
      </Dialog>
      <ApproveMinutesDialog open={approving} meeting={d} onClose={() => setApproving(false)} onDone={(message) => { setApproving(false); setStatus({ kind: 'note', message }); void meeting.reload(); }} />
    </div>
  );
}
