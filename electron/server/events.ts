import type http from 'node:http';
import { pushPayload, type PushMessage } from '../../shared/api/events';

/** A comment line every so often keeps proxies and idle timers from closing a quiet stream, and finds dead sockets. */
export const HEARTBEAT_MS = 15_000;
/** More streams than windows anyone opens: a misbehaving page can't hold the host's sockets. */
export const MAX_STREAMS = 32;
/** How long a browser waits before reconnecting after the stream drops (the SSE `retry:` field). */
export const RETRY_MS = 1_000;

export interface EventStreams {
  /** Takes over an authorised GET /events: the response stays open and carries every push. */
  open(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** How many windows are listening (tests and diagnostics). */
  count(): number;
  /** Ends every stream (the host is stopping; an open response would hold server.close). */
  closeAll(): void;
}

/**
 * One push as an SSE frame: the kind is the event name (`meeting`, `register`), the payload its
 * JSON data on one line (JSON.stringify escapes every line break, so `data:` never splits).
 */
export function sseFrame(message: PushMessage): string {
  return `event: ${message.kind}\ndata: ${JSON.stringify(pushPayload(message))}\n\n`;
}

/**
 * The browser host's push channel: Server-Sent Events. Each window holds one GET /events open
 * (the bridge has checked its token); a meeting's or the register's new version goes to all of
 * them (sseFrame). A heartbeat comment every 15 s; a closed socket unsubscribes.
 */
export function createEventStreams(subscribe: (listener: (message: PushMessage) => void) => () => void): EventStreams {
  const streams = new Set<http.ServerResponse>();
  const send = (frame: string) => {
    for (const res of streams) if (!res.writableEnded) res.write(frame);
  };
  let unsubscribe: (() => void) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;

  // Listen to the services only while someone is listening here.
  const started = () => {
    if (unsubscribe) return;
    unsubscribe = subscribe((m) => send(sseFrame(m)));
    heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
  };
  const stoppedIfIdle = () => {
    if (streams.size > 0) return;
    unsubscribe?.();
    unsubscribe = null;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
  };

  return {
    open(req, res) {
      if (streams.size >= MAX_STREAMS) {
        res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '5' });
        res.end(JSON.stringify({ ok: false, error: { code: 'unavailable', message: 'Too many Panel windows are listening for changes. Close some and reload.' } }));
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Connection: 'keep-alive',
      });
      // The socket stays open for as long as the window does.
      req.socket.setTimeout(0);
      req.socket.setNoDelay(true);
      streams.add(res);
      started();
      // `ready` tells the window the channel is up (so it can slow its fallback poll).
      res.write(`retry: ${RETRY_MS}\nevent: ready\ndata: {}\n\n`);
      const done = () => {
        streams.delete(res);
        stoppedIfIdle();
      };
      res.on('close', done);
      req.on('error', done);
    },
    count: () => streams.size,
    closeAll() {
      for (const res of [...streams]) res.end();
      streams.clear();
      stoppedIfIdle();
    },
  };
}
