import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../dispatch';
import { AppError } from '../../shared/api/errors';
import type { EventStreams } from './events';

export interface BrowserHostOptions {
  dispatch: Dispatch;
  /** The built renderer (vite build output). */
  staticDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
  /** "Save as PDF" (POST /pdf with a document request): prints one of the app's print views. */
  printPdf?: (request: unknown, self: { url: string; token: string }) => Promise<{ fileName: string; pdf: Buffer }>;
  /** The push channel (GET /events, Server-Sent Events; see ./events.ts). */
  events?: EventStreams;
  /**
   * Settles once `dispatch`, `events` and `printPdf` can be called (main.ts loads the services after
   * the host is listening): until then the UI's files are served and API calls wait for it.
   */
  ready?: Promise<unknown>;
}

export interface BrowserHost {
  url: string;
  /** URL with the per-launch token, for the person to open. */
  openUrl: string;
  token: string;
  port: number;
  /** The live server's limits (headers and whole request, ms), for tests and diagnostics. */
  timeouts: { headersMs: number; requestMs: number };
  close: () => Promise<void>;
}

/** The largest request body: an authority logo (a data: URL) is the biggest thing a person sends. */
export const MAX_BODY = 5 * 1024 * 1024;
/** A client has this long to send its headers, and the whole request; then the socket is closed (slowloris). */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/** A request path as a file path: undefined when it is not valid %-encoding, or holds a NUL or other control character. */
export function decodePath(raw: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return /[\u0000-\u001f\u007f\\]/.test(decoded) ? undefined : decoded;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

// The same policy the desktop app sets; the token-bearing fetches are same-origin only.
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** A vite build output under /assets/ with a content hash in its name (index-CrkqN9hu.js). */
export const isHashedAsset = (rel: string): boolean => /^\/assets\/[\w.-]+-[\w-]{8,}\.(js|css|woff2|svg|png)$/.test(rel);

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The browser host: the built UI and the same dispatcher over HTTP, for development, tests and
 * machines without Electron. Loopback only, Host header checked (DNS rebinding), and a random
 * per-launch token on every API call so other local pages and users can't read the register.
 */
export function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(opts.staticDir);
  let allowedHosts = new Set<string>();
  const self = { url: '' };

  let servicesReady = !opts.ready;
  void opts.ready?.then(() => (servicesReady = true), () => undefined);
  const server = http.createServer((req, res) => {
    // Nothing a request carries may take the host down: anything unexpected is a 400 or a 500 for that request only.
    const run = () => {
      try {
        handle(req, res);
      } catch (err) {
        opts.log?.(`Request ${req.method ?? '?'} failed: ${err instanceof Error ? err.message : String(err)}`);
        if (!res.headersSent) {
          res.writeHead(err instanceof URIError ? 400 : 500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end(err instanceof URIError ? 'Bad request' : 'Internal error');
        } else res.destroy();
      }
    };
    // The page's files need nothing loaded; a call to the services waits until they are (a body waits in the socket).
    if (servicesReady || !/^\/(api\/|events|pdf)/.test(req.url ?? '')) return run();
    opts.ready!.then(run, () => {
      res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ ok: false, error: { code: 'unavailable', message: 'Panel could not start its services. Close it and start it again.' } }));
    });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  // A request the HTTP parser cannot read (bad request line, oversized headers): 400, and the socket closed.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const send = (status: number, body: string, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        'Content-Type': type,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
        ...extra,
      });
      res.end(body);
    };
    const fail = (status: number, code: string, message: string) => send(status, JSON.stringify({ ok: false, error: { code, message } }));

    if (!allowedHosts.has(req.headers.host ?? '')) return fail(421, 'forbidden', 'This host name is not allowed. Open the address Panel printed.');
    const rawPath = (req.url ?? '/').split('?')[0]!;
    if (!rawPath.startsWith('/')) return fail(400, 'invalid_input', 'Bad request path.');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = decodePath(url.pathname);
    if (pathname === undefined) return fail(400, 'invalid_input', 'Bad request path: it is not valid %-encoding, or holds a control character.');

    /** Reads a token-checked JSON POST body, then calls `then` with it. */
    const jsonPost = (then: (body: unknown) => void) => {
      if (req.method !== 'POST') return fail(405, 'forbidden', 'Use POST for Panel API calls.');
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !safeEqual(auth.slice(7), token)) {
        return fail(401, 'forbidden', 'Missing or wrong access token. Open the address Panel printed when it started (it includes the token).');
      }
      // Refuse an announced oversized body at once, before reading any of it.
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
        res.setHeader('Connection', 'close');
        fail(413, 'invalid_input', 'The request is too large.');
        req.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          fail(413, 'invalid_input', 'The request is too large.');
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (res.headersSent) return;
        let body: unknown;
        try {
          const raw = Buffer.concat(chunks).toString('utf8');
          body = raw ? JSON.parse(raw) : {};
        } catch {
          return fail(400, 'invalid_input', 'The request body is not valid JSON.');
        }
        try {
          then(body);
        } catch (err) {
          opts.log?.(`API call failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
          if (!res.headersSent) fail(500, 'internal', 'Something went wrong. Nothing was changed; please try again.');
        }
      });
      req.on('error', () => res.destroy());
    };

    if (pathname.startsWith('/api/')) {
      const method = pathname.slice(5);
      return jsonPost((args) => send(200, JSON.stringify(opts.dispatch(method, args))));
    }

    // The push channel: a GET held open, with the token in its header like every API call.
    if (pathname === '/events' && opts.events) {
      if (req.method !== 'GET') return fail(405, 'forbidden', 'Use GET to listen for changes.');
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !safeEqual(auth.slice(7), token)) {
        return fail(401, 'forbidden', 'Missing or wrong access token. Open the address Panel printed when it started (it includes the token).');
      }
      return opts.events.open(req, res);
    }

    if (pathname === '/pdf' && opts.printPdf) {
      const printPdf = opts.printPdf;
      return jsonPost((request) => {
        printPdf(request, { url: self.url, token })
          .then(({ fileName, pdf }) => {
            res.writeHead(200, {
              'Content-Type': 'application/pdf',
              'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
              'Content-Length': String(pdf.length),
              'X-Content-Type-Options': 'nosniff',
              'Cache-Control': 'no-store',
            });
            res.end(pdf);
          })
          .catch((err: unknown) => {
            if (err instanceof AppError) return fail(err.code === 'not_found' ? 404 : err.code === 'invalid_input' ? 400 : 503, err.code, err.message);
            opts.log?.(`Saving a PDF failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
            fail(500, 'internal', 'The PDF could not be made. Try again, or use Print and choose "Save as PDF".');
          });
      });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'forbidden', 'Not allowed.');
    let rel = pathname;
    if (rel === '/' || !path.extname(rel)) rel = '/index.html'; // client-side routes
    const file = path.resolve(staticRoot, '.' + rel);
    if (!file.startsWith(staticRoot + path.sep)) return fail(404, 'not_found', 'Not found.');
    fs.readFile(file, (err, data) => {
      if (err) {
        if (rel === '/index.html' || rel === '/print.html') return send(500, 'The UI has not been built. Run: npm run build:renderer', 'text/plain; charset=utf-8');
        return send(404, 'Not found', 'text/plain; charset=utf-8');
      }
      send(200, data as unknown as string, TYPES[path.extname(file)] ?? 'application/octet-stream', {
        'Content-Security-Policy': CSP,
        'X-Frame-Options': 'DENY',
        // Built assets are named by their content, so a window (and the warm PDF page) keeps them and
        // their compiled code; the pages themselves and every API answer stay no-store.
        ...(isHashedAsset(rel) ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {}),
      });
    });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      const url = `http://127.0.0.1:${port}/`;
      self.url = url;
      resolve({
        url,
        openUrl: `${url}#token=${token}`,
        token,
        port,
        timeouts: { headersMs: server.headersTimeout, requestMs: server.requestTimeout },
        close: () =>
          new Promise((r) => {
            opts.events?.closeAll();
            server.close(() => r());
          }),
      });
    });
  });
}
