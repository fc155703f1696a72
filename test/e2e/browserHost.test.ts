import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHost, type Host } from './harness';

// The browser host's own defences, exercised over real HTTP.
describe('browser host security', () => {
  let host: Host;
  beforeAll(async () => { host = await startHost(); });
  afterAll(async () => { await host.stop(); });

  const post = (path: string, headers: Record<string, string>, body = '{}') =>
    fetch(`${host.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  it('binds to loopback and prints the address with its token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.output()).toContain(`#token=${host.token}`);
  });

  it('refuses API calls without the per-launch token', async () => {
    expect((await post('api/app.info', {})).status).toBe(401);
    expect((await post('api/app.info', { Authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await post('api/app.info', { Authorization: `Bearer ${host.token}` });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { setupDone: false } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const u = new URL(host.url);
      const req = http.request({ host: u.hostname, port: u.port, path: '/api/app.info', method: 'POST', headers: { Host: 'evil.example', Authorization: `Bearer ${host.token}` } }, (res) => resolve(res.statusCode ?? 0));
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('serves the UI with a strict Content-Security-Policy', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it('answers bad JSON and unknown methods with errors, not crashes', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    expect(await (await post('api/app.info', auth, '{nope')).json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await (await post('api/nothing.here', auth)).json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});
