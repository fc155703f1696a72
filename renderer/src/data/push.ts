import { useEffect, useRef, useState } from 'react';
import { parsePush, type PushMessage } from '../../../shared/api/events';
import { pushTransport } from '../api/client';

/**
 * The one push subscription in a window: the host announces a meeting's new version and the
 * register's new version after each write (IPC in the desktop app, Server-Sent Events in the
 * browser host). The projector and cockpit refetch at once instead of waiting for their next poll;
 * the register screen and Home refresh their figures. They keep polling slowly while the channel
 * is up and at their old pace while it is down; the stream reconnects by itself.
 */

/** The safety poll while the push channel is up. */
export const PUSH_FALLBACK_MS = 5_000;
/**
 * Register pushes are delivered at most once per this interval, with the newest version (a
 * meeting's many small writes are one refresh), and never while this window has calls waiting on
 * the host: its own write's reply invalidates the screen first, and the push then finds it current.
 */
export const REGISTER_PUSH_MS = 100;
/** However busy the window is, a register push waits at most this long. */
export const REGISTER_PUSH_MAX_WAIT_MS = 2_000;
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

/**
 * Collects register versions and hands on the newest, at most once per `intervalMs`, after the
 * window's own calls have settled (or `maxWaitMs` has passed). Free of the DOM for unit tests.
 */
export class RegisterPushCoalescer {
  private latest: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waited = 0;

  constructor(
    private readonly deliver: (version: string) => void,
    private readonly busy: () => boolean,
    private readonly intervalMs = REGISTER_PUSH_MS,
    private readonly maxWaitMs = REGISTER_PUSH_MAX_WAIT_MS,
  ) {}

  push(version: string): void {
    this.latest = version;
    if (this.timer === null) this.later();
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.latest = null;
  }

  private later(): void {
    this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }

  private flush(): void {
    this.timer = null;
    const version = this.latest;
    if (version === null) return;
    this.waited += this.intervalMs;
    if (this.busy() && this.waited < this.maxWaitMs) return this.later();
    this.waited = 0;
    this.latest = null;
    this.deliver(version);
  }
}

type Listener = (message: PushMessage) => void;
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

  private emit(kind: unknown, raw: unknown): void {
    const message = parsePush(kind, raw);
    if (message) for (const l of [...this.listeners]) l(message);
  }

  private connect(): () => void {
    const bridge = pushTransport.bridge();
    if (bridge) {
      // IPC does not drop while the window is open.
      const off = bridge((m) => this.emit(m.kind, m));
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
            } else if (frame.event === 'meeting' || frame.event === 'register') {
              try {
                this.emit(frame.event, JSON.parse(frame.data));
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

/** One coalescer per window, shared by every screen listening for the register (a listener joins it). */
const registerListeners = new Set<(version: string) => void>();
const registerPushes = new RegisterPushCoalescer(
  (version) => {
    for (const l of [...registerListeners]) l(version);
  },
  () => pushTransport.inFlight() > 0,
);

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
        (m) => {
          if (m.kind === 'meeting' && m.meetingId === meetingId) callback.current(m.version);
        },
        setLive,
      ),
    [meetingId],
  );
  return live;
}

/**
 * Calls `onChange(version)` when a write has moved the register (another window's, or this one's
 * once its calls have settled), at most once per REGISTER_PUSH_MS; returns whether the channel is
 * up. `version` is what register.workingSet answers with.
 */
export function useRegisterPush(onChange: (version: string) => void): boolean {
  const [live, setLive] = useState(() => channel.isLive());
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(() => {
    const listener = (version: string) => callback.current(version);
    registerListeners.add(listener);
    const off = channel.subscribe((m) => {
      if (m.kind === 'register') registerPushes.push(m.version);
    }, setLive);
    return () => {
      registerListeners.delete(listener);
      off();
      if (registerListeners.size === 0) registerPushes.dispose();
    };
  }, []);
  return live;
}
