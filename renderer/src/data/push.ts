import { useEffect, useRef, useState } from 'react';
import { parseMeetingChanged, type MeetingChanged } from '../../../shared/api/events';
import { pushTransport } from '../api/client';

/**
 * The one push subscription in a window: the host announces a meeting's new version (IPC in the
 * desktop app, Server-Sent Events in the browser host) and the projector and cockpit refetch at
 * once instead of waiting for their next poll. They keep polling slowly while the channel is up
 * (PUSH_FALLBACK_MS) and at their old pace while it is down; the stream reconnects by itself.
 */

/** The safety poll while the push channel is up. */
export const PUSH_FALLBACK_MS = 5_000;
/** Reconnect after a dropped stream: 1 s, doubling, at most 10 s. */
const retryDelay = (attempt: number) => Math.min(10_000, 1_000 * 2 ** attempt);

export interface SseFrame {
  event: string;
  data: string;
}

/** Splits a Server-Sent Events stream into frames, however the bytes arrive (spec: html.spec.whatwg.org, "event stream"). */
export class SseParser {
  private buffer = '';
  feed(chunk: string): SseFrame[] {
    this.buffer += chunk;
    const frames: SseFrame[] = [];
    for (;;) {
      const end = /\r\n\r\n|\n\n|\r\r/.exec(this.buffer);
      if (!end) break;
      const block = this.buffer.slice(0, end.index);
      this.buffer = this.buffer.slice(end.index + end[0].length);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r\n|\n|\r/)) {
        if (line === '' || line.startsWith(':')) continue; // comments are heartbeats
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0 || event !== 'message') frames.push({ event, data: data.join('\n') });
    }
    return frames;
  }
}

type Listener = (event: MeetingChanged) => void;
type StatusListener = (live: boolean) => void;

class PushChannel {
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<StatusListener>();
  private live = false;
  private stop: (() => void) | null = null;

  isLive(): boolean {
    return this.live;
  }

  subscribe(listener: Listener, onStatus: StatusListener): () => void {
    this.listeners.add(listener);
    this.statusListeners.add(onStatus);
    if (!this.stop) this.stop = this.connect();
    return () => {
      this.listeners.delete(listener);
      this.statusListeners.delete(onStatus);
      if (this.listeners.size === 0 && this.stop) {
        this.stop();
        this.stop = null;
      }
    };
  }

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    for (const l of [...this.statusListeners]) l(live);
  }

  private emit(raw: unknown): void {
    const event = parseMeetingChanged(raw);
    if (event) for (const l of [...this.listeners]) l(event);
  }

  private connect(): () => void {
    const bridge = pushTransport.bridge();
    if (bridge) {
      // IPC does not drop while the window is open.
      const off = bridge((e) => this.emit(e));
      this.setLive(true);
      return () => {
        off();
        this.setLive(false);
      };
    }
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const run = async (attempt: number): Promise<void> => {
      try {
        const res = await pushTransport.openStream(abort.signal);
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        const parser = new SseParser();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const frame of parser.feed(value)) {
            if (frame.event === 'ready') {
              attempt = 0;
              this.setLive(true);
            } else if (frame.event === 'meeting') {
              try {
                this.emit(JSON.parse(frame.data));
              } catch {
                /* not JSON: ignore the frame */
              }
            }
          }
        }
      } catch {
        /* stopped, refused or dropped: fall back to polling below */
      }
      this.setLive(false);
      if (!abort.signal.aborted) retry = setTimeout(() => void run(attempt + 1), retryDelay(attempt));
    };
    void run(0);
    return () => {
      abort.abort();
      clearTimeout(retry);
      this.setLive(false);
    };
  }
}

const channel = new PushChannel();

/**
 * Calls `onChange(version)` whenever meeting `meetingId` moves on; returns whether the channel is
 * up (callers poll slowly while it is, at their own pace while it is not).
 */
export function useMeetingPush(meetingId: number, onChange: (version: number) => void): boolean {
  const [live, setLive] = useState(() => channel.isLive());
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(
    () =>
      channel.subscribe(
        (e) => {
          if (e.meetingId === meetingId) callback.current(e.version);
        },
        setLive,
      ),
    [meetingId],
  );
  return live;
}
