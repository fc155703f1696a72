import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { startBrowserHost, decodePath, MAX_BODY, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, type BrowserHost } from '../../../electron/server/http';
import { tempDir } from '../../helpers/tempDb';

/** Sends bytes as they are (no client-side URL clean-up) and returns the status line's code. */
function raw(host: BrowserHost, request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1', () => socket.write(request));
    let got = '';
    socket.on('data', (d) => {
      got += d.toString('latin1');
    });
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}
const get = (host: BrowserHost, p: string) => raw(host, `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);

// Issue 11: an unauthenticated request with bad %-encoding or a NUL byte killed the host.
describe('browser host: every request path is handled and the host keeps serving', () => {
  let host: BrowserHost;
  const calls: string[] = [];
  beforeAll(async () => {
    const dir = tempDir('panel-static-');
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Panel</title>');
    fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
    host = await startBrowserHost({
      dispatch: (method) => {
        calls.push(method);
        return { ok: true, value: method };
      },
      staticDir: dir,
      token: 'secret',
    });
  });
  afterAll(() => host.close());

  it.each([
    ['/%', 400],
    ['/x%ZZ.js', 400],
    ['/index%00.html', 400],
    ['/%E0%A4%A', 400],
    ['/a%0a.js', 400],
    ['/..%5c..%5cetc%5cpasswd.js', 400],
    ['/missing.js', 404],
    ['/..%2f..%2fetc%2fpasswd.js', 404],
    ['/app.js', 200],
    ['/index.html', 200],
  ])('GET %s -> %i', async (p, status) => {
    expect(await get(host, p)).toBe(status);
  });

  it('answers a malformed API path with 400 before the token is even checked, and the host keeps serving', async () => {
    const status = await raw(host, `POST /api/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(status).toBe(400);
    expect(await raw(host, `GARBAGE\r\n\r\n`)).toBe(400);
    // Still up: a real call works.
    const res = await fetch(`${host.url}api/officers.list`, { method: 'POST', headers: { Authorization: 'Bearer secret' }, body: '{}' });
    expect(await res.json()).toEqual({ ok: true, value: 'officers.list' });
    expect(calls).toEqual(['officers.list']);
  });

  it('refuses a body over the limit with 413 without calling the service', async () => {
    const res = await fetch(`${host.url}api/actions.bulk`, { method: 'POST', headers: { Authorization: 'Bearer secret' }, body: 'x'.repeat(MAX_BODY + 1) });
    expect(res.status).toBe(413);
    expect(calls).not.toContain('actions.bulk');
  });

  it('has header and request timeouts set on the running server (a slow client cannot hold a socket open)', () => {
    expect(host.timeouts).toEqual({ headersMs: HEADERS_TIMEOUT_MS, requestMs: REQUEST_TIMEOUT_MS });
    expect(HEADERS_TIMEOUT_MS).toBeGreaterThan(0);
    expect(REQUEST_TIMEOUT_MS).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS);
  });
});

describe('decodePath', () => {
  it.each([
    ['/a%20b.js', '/a b.js'],
    ['/%', undefined],
    ['/x%ZZ', undefined],
    ['/a%00', undefined],
    ['/a%7F', undefined],
    ['/a%5Cb', undefined],
  ])('%s', (input, want) => {
    expect(decodePath(input)).toBe(want);
  });
});
