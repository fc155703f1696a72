import type { MeetingChanged } from '../../shared/api/events';

/**
 * The desktop host's push channel: a meeting's new version sent to every app window (the main
 * window and the projector) as one IPC message. It never imports 'electron': the windows are
 * passed in as `WindowLike`s, so it is unit-tested in plain Node.
 */

/** Must match MEETING_CHANNEL in ./preload.ts (not imported, to keep the preload bundle minimal). */
export const MEETING_CHANNEL = 'panel:meetingChanged';

export interface WindowLike {
  isDestroyed(): boolean;
  webContents: { isDestroyed(): boolean; getURL(): string; send(channel: string, payload: unknown): void };
}

/**
 * Forwards each change to the windows showing the app (`isAppUrl`); a window closing mid-send is
 * skipped. Returns the unsubscribe.
 */
export function forwardMeetingEvents(
  subscribe: (listener: (event: MeetingChanged) => void) => () => void,
  windows: () => readonly WindowLike[],
  isAppUrl: (url: string) => boolean,
): () => void {
  return subscribe((event) => {
    const payload = { meetingId: event.meetingId, version: event.version };
    for (const win of windows()) {
      try {
        if (win.isDestroyed() || win.webContents.isDestroyed() || !isAppUrl(win.webContents.getURL())) continue;
        win.webContents.send(MEETING_CHANNEL, payload);
      } catch {
        /* closed between the check and the send */
      }
    }
  });
}
