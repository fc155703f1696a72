import { pushPayload, type PushMessage } from '../../shared/api/events';

/**
 * The desktop host's push channel: a meeting's or the register's new version sent to every app
 * window (the main window and the projector) as one IPC message `{ kind, ...payload }`. It never
 * imports 'electron': the windows are passed in as `WindowLike`s, so it is unit-tested in plain Node.
 */

/** Must match PUSH_CHANNEL in ./preload.ts (not imported, to keep the preload bundle minimal). */
export const PUSH_CHANNEL = 'panel:push';

export interface WindowLike {
  isDestroyed(): boolean;
  webContents: { isDestroyed(): boolean; getURL(): string; send(channel: string, payload: unknown): void };
}

/**
 * Forwards each push to the windows showing the app (`isAppUrl`); a window closing mid-send is
 * skipped. Returns the unsubscribe.
 */
export function forwardPushEvents(
  subscribe: (listener: (message: PushMessage) => void) => () => void,
  windows: () => readonly WindowLike[],
  isAppUrl: (url: string) => boolean,
): () => void {
  return subscribe((message) => {
    const payload = { kind: message.kind, ...pushPayload(message) };
    for (const win of windows()) {
      try {
        if (win.isDestroyed() || win.webContents.isDestroyed() || !isAppUrl(win.webContents.getURL())) continue;
        win.webContents.send(PUSH_CHANNEL, payload);
      } catch {
        /* closed between the check and the send */
      }
    }
  });
}
