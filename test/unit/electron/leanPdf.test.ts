import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { isHashedAsset } from '../../../electron/server/http';
import { PRINT_ENTRY, documentReplies } from '../../../electron/server/documentPdf';
import { replyKey } from '../../../shared/api/preloadedReplies';
import { type TestApp, openDemoTestApp } from '../../helpers/tempDb';

// Issue 12: PDFs print from the lean print entry, whose built assets a window may keep.
describe('the lean print entry', () => {
  it('is a page of its own in the renderer build, and documentPdf prints from it', () => {
    expect(PRINT_ENTRY).toBe('print.html');
    const html = fs.readFileSync(path.resolve('renderer', PRINT_ENTRY), 'utf8');
    expect(html).toContain('src="./src/print.tsx"');
    // The same Content-Security-Policy as the app's page.
    const csp = (page: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1];
    expect(csp(html)).toBe(csp(fs.readFileSync(path.resolve('renderer/index.html'), 'utf8')));
    const config = fs.readFileSync(path.resolve('vite.config.ts'), 'utf8');
    expect(config).toMatch(/print: 'renderer\/print\.html'/);
  });

  it.each([
    ['/assets/index-CrkqN9hu.js', true],
    ['/assets/styles-llMkHJxa.css', true],
    ['/assets/print-I3TsOjzs.js', true],
    ['/index.html', false],
    ['/print.html', false],
    ['/favicon.svg', false],
    ['/assets/index.js', false],
    ['/assets/../index-CrkqN9hu.js', false],
    ['/api/register.list', false],
  ])('treats %s as a content-hashed asset: %s', (rel, expected) => {
    expect(isHashedAsset(rel)).toBe(expected);
  });
});

// Issue 12: the warm print page is handed its document's data with the request (no round trips).
describe('replies handed to the print entry', () => {
  it('are keyed by method and input whatever the order of the input\'s keys', () => {
    expect(replyKey('minutes.get', { meetingId: 4, variant: 'full' })).toBe(replyKey('minutes.get', { variant: 'full', meetingId: 4 }));
    expect(replyKey('minutes.get', { meetingId: 4, variant: 'full' })).not.toBe(replyKey('minutes.get', { meetingId: 4, variant: 'redacted' }));
    expect(replyKey('app.info', {})).toBe(replyKey('app.info', undefined));
    expect(replyKey('agendaPack.get', { meetingId: 4, variant: 'full' })).not.toBe(replyKey('minutes.get', { meetingId: 4, variant: 'full' }));
  });

  describe('on the demo register', () => {
    const TODAY = '2026-11-25';
    let app: TestApp;
    beforeAll(() => {
      app = openDemoTestApp(TODAY);
    });
    afterAll(() => app.close());

    it('are what the print views would ask for: app.info and the document, as the host answers them', () => {
      const meeting = (app.ok('meetings.list') as { id: number; status: string }[]).find((m) => m.status === 'closed' || m.status === 'approved')!;
      for (const variant of ['full', 'redacted'] as const) {
        const replies = documentReplies(app.dispatch, { kind: 'minutes', id: meeting.id, variant });
        // The inputs the print views' hooks send (useMinutes({ meetingId, variant }), useAppInfo()).
        expect(replies.map((r) => replyKey(r.method, r.input))).toEqual([replyKey('app.info', {}), replyKey('minutes.get', { meetingId: meeting.id, variant })]);
        // The same document (generatedAt is the time it was worked out).
        const same = (v: unknown) => ({ ...(v as object), generatedAt: null });
        expect(same(replies[1]!.value)).toEqual(same(app.ok('minutes.get', { meetingId: meeting.id, variant })));
        expect(replies[0]!.value).toEqual(app.ok('app.info', {}));
      }
      const pack = documentReplies(app.dispatch, { kind: 'agenda', id: meeting.id, variant: 'redacted' });
      expect(pack[1]!.method).toBe('agendaPack.get');
      expect(pack[1]!.input).toEqual({ meetingId: meeting.id, variant: 'redacted' });
      const same = (v: unknown) => ({ ...(v as object), generatedAt: null });
      expect(same(pack[1]!.value)).toEqual(same(app.ok('agendaPack.get', { meetingId: meeting.id, variant: 'redacted' })));
    });

    it('leave out a reply that failed, so the page asks for it and shows its error', () => {
      const replies = documentReplies(app.dispatch, { kind: 'archiving', id: 999_999, variant: 'full' });
      expect(replies.map((r) => r.method)).toEqual(['app.info']);
    });
  });
});
