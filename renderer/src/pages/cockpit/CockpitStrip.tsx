import type { MeetingDetail } from '../../../../shared/api/meetingSchemas';
import { formatUk } from '../../lib/format';
import { formatDuration, itemSeconds, secondsSince } from './timer';
import { statusText, type SaveStatus } from './useSaveTracker';

type Viewed = Parameters<typeof itemSeconds>[0];

/** The strip across the cockpit: meeting, clocks (elapsed time: the machine clock is right for these), save status, buttons. */
export function CockpitStrip({ meeting: m, viewed, now, status, problem, pendingRag, onUndo, onProjector, onKeys, onClose }: {
  meeting: MeetingDetail['meeting'];
  viewed: Viewed | null;
  now: number;
  status: SaveStatus;
  problem: string | null;
  pendingRag: boolean;
  onUndo: () => void;
  onProjector: () => void;
  onKeys: () => void;
  onClose: () => void;
}) {
  return (
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
      <div className={`ck-status ck-status-${status.kind}`} role="status" title={status.kind === 'error' ? status.message : undefined}>{statusText(status, problem)}</div>
      {pendingRag ? <div className="ck-keyhint" role="status">RAG: press 1 or R red, 2 or A amber, 3 or G green (Esc cancels)</div> : null}
      <div className="ck-strip-buttons">
        <button type="button" onClick={onUndo} title="Ctrl+Z">Undo last change</button>
        <button type="button" onClick={onProjector} title="P">Projector</button>
        <button type="button" onClick={onKeys} title="Keyboard shortcuts (?)">Keys <kbd>?</kbd></button>
        <button type="button" className="danger" onClick={onClose}>Close meeting</button>
      </div>
    </header>
  );
}
