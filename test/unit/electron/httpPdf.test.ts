import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/server/http';
import { AppError } from '../../../shared/api/errors';
import { tempDir } from '../../helpers/tempDb';

// The browser host's "Save as PDF": token-checked like the API, the PDF sent as a download named by
// the services, and a person-readable message when the document or Chromium is missing.
describe('browser host POST /pdf', () => {
  let host: BrowserHost;
  const asked: unknown[] = [];
  beforeAll(async () => {
    host = await startBrowserHost({
      dispatch: () => ({ ok: true, value: null }),
      staticDir: tempDir('panel-static-'),
      token: 'secret',
      printPdf: async (request, self) => {
        asked.push({ request, self });
        const r = request as { kind: string; id: number };
        if (r.id === 404) throw new AppError('not_found', 'There is no meeting number 404.');
        if (r.id === 503) throw new AppError('unavailable', 'Saving as PDF needs Chromium.');
        return { fileName: 'minutes-cme-panel-2026-12-09-full.pdf', pdf: Buffer.from('%PDF-1.4 fake') };
      },
    });
  });
  afterAll(() => host.close());

  const post = (body: unknown, token = 'secret') =>
    fetch(`${host.url}pdf`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('refuses a request without the access token, before printing anything', async () => {
    const res = await post({ kind: 'minutes', id: 1, variant: 'full' }, 'wrong');
    expect(res.status).toBe(401);
    expect(asked).toHaveLength(0);
  });

  it('sends the PDF as a download with the name the services gave it, printing the host’s own pages', async () => {
    const res = await post({ kind: 'minutes', id: 1, variant: 'full' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="minutes-cme-panel-2026-12-09-full.pdf"');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('%PDF-1.4 fake');
    expect(asked.at(-1)).toEqual({ request: { kind: 'minutes', id: 1, variant: 'full' }, self: { url: host.url, token: 'secret' } });
  });

  it('answers a missing document or a missing Chromium with a message to act on', async () => {
    const missing = await post({ kind: 'minutes', id: 404, variant: 'full' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no meeting number 404.' } });
    const noChromium = await post({ kind: 'minutes', id: 503, variant: 'full' });
    expect(noChromium.status).toBe(503);
    expect(((await noChromium.json()) as { error: { message: string } }).error.message).toMatch(/needs Chromium/);
  });

  it('only takes POST', async () => {
    const res = await fetch(`${host.url}pdf`, { headers: { Authorization: 'Bearer secret' } });
    expect(res.status).toBe(405);
  });
});
