import { afterEach, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import { openDatabase } from '../../../db/open';
import { createApp } from '../../../electron/createApp';
import { startBrowserHost, type BrowserHost } from '../../../electron/server/http';
import { createEventStreams, sseFrame } from '../../../electron/server/events';
import { forwardPushEvents, PUSH_CHANNEL, type WindowLike } from '../../../electron/desktop/events';
import type { MeetingChanged, PushMessage, RegisterChanged } from '../../../shared/api/events';
import { parseMeetingChanged, parsePush, parseRegisterChanged } from '../../../shared/api/events';
import { REGISTER_PUSH_MAX_WAIT_MS, REGISTER_PUSH_MS, RegisterPushCoalescer, SseParser } from '../../../renderer/src/data/push';
import { tempDbFile, TODAY } from '../../helpers/tempDb';

// Issue 12: the push channel from the services to every window.

/** A new register's app, and `ok` to call it (throws on a refusal). */
function newApp() {
  const file = tempDbFile();
  const db = openDatabase(file);
  const app = createApp(db, { today: () => TODAY, version: 'test', dbPath: file, checkOutputs: true, log: () => {} });
  const ok = (method: string, args: unknown = {}) => {
    const r = app.dispatch(method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return { db, app, ok };
}

function appWithMeeting() {
  const { db, app, ok } = newApp();
  ok('app.setup', { mode: 'empty' });
  const panel = (ok('panels.list') as { id: number; register: string }[]).find((p) => p.register === 'CME')!;
  const meeting = ok('meetings.create', { panelId: panel.id, date: TODAY, time: '10:00', venue: 'Room 1' }) as { id: number };
  return { db, app, ok, meetingId: meeting.id };
}

describe('meeting events from the services', () => {
  it('announces each meeting whose live version moved, once per write, at its committed version', () => {
    const { db, app, ok, meetingId } = appWithMeeting();
    const heard: MeetingChanged[] = [];
    const off = app.meetingEvents.subscribe((e) => heard.push(e));
    ok('meetings.start', { id: meetingId });
    const live = Number((db.prepare('SELECT live_version FROM meetings WHERE id = ?').get(meetingId) as { live_version: number }).live_version);
    expect(heard).toEqual([{ meetingId, version: live }]);

    const { version } = ok('projector.control', { id: meetingId, action: 'toggleBlank' }) as { version: number };
    expect(heard.at(-1)).toEqual({ meetingId, version });
    expect(heard).toHaveLength(2);

    // A read moves nothing; nor does a write elsewhere in the register.
    ok('projector.view', { id: meetingId, sinceVersion: null });
    ok('officers.create', { name: 'Sam Patel', team: 'cme', email: null, phone: null });
    expect(heard).toHaveLength(2);

    off();
    ok('projector.control', { id: meetingId, action: 'toggleBlank' });
    expect(heard).toHaveLength(2);
    db.close();
  });

  it('announces nothing for a write that failed and rolled back', () => {
    const { db, app, ok, meetingId } = appWithMeeting();
    ok('meetings.start', { id: meetingId });
    const heard: MeetingChanged[] = [];
    app.meetingEvents.subscribe((e) => heard.push(e));
    // Bumps the version inside the transaction, then fails: the note rolls back with it.
    db.exec("CREATE TEMP TRIGGER refuse_blank BEFORE UPDATE OF projector_blank ON meetings BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
    const r = app.dispatch('projector.control', { id: meetingId, action: 'toggleBlank' });
    expect(r.ok).toBe(false);
    db.exec('DROP TRIGGER temp.refuse_blank');
    ok('projector.control', { id: meetingId, action: 'next' });
    expect(heard).toHaveLength(1);
    const live = Number((db.prepare('SELECT live_version FROM meetings WHERE id = ?').get(meetingId) as { live_version: number }).live_version);
    expect(heard[0]).toEqual({ meetingId, version: live });
    db.close();
  });
});

describe('register events from the services', () => {
  const workingSetVersion = (ok: (m: string, a?: unknown) => any) => (ok('register.workingSet', { ifNot: null }) as { version: string }).version; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('announces the register’s new version once per committed write, the one register.workingSet answers with', () => {
    const { db, app, ok } = newApp();
    const heard: RegisterChanged[] = [];
    app.registerEvents.subscribe((e) => heard.push(e));
    // The demo register (thousands of rows) is one transaction: one push.
    const { caseCount } = ok('app.setup', { mode: 'demo' }) as { caseCount: number };
    expect(caseCount).toBeGreaterThan(100);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.version).toBe(workingSetVersion(ok));

    // Reads announce nothing.
    ok('register.page', { query: {}, offset: 0, limit: 10 });
    ok('dashboard.get');
    expect(heard).toHaveLength(1);

    const open = (ok('register.page', { query: {}, offset: 0, limit: 1 }) as { rows: { caseId: number }[] }).rows[0]!;
    ok('cases.setRag', { id: open.caseId, rag: 'red', reason: 'Home visit: no answer, the neighbours say the family moved away' });
    expect(heard).toHaveLength(2);
    expect(heard[1]!.version).not.toBe(heard[0]!.version);
    expect(heard[1]!.version).toBe(workingSetVersion(ok));
    // The page holding that version is told `unchanged`.
    expect(ok('register.workingSet', { ifNot: heard[1]!.version })).toMatchObject({ unchanged: true });
    db.close();
  });

  it('announces nothing for a write that failed and rolled back, nor for one refused before it began', () => {
    const { db, app, ok } = appWithMeeting();
    const heard: RegisterChanged[] = [];
    app.registerEvents.subscribe((e) => heard.push(e));
    db.exec("CREATE TEMP TRIGGER refuse_officer BEFORE INSERT ON officers BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
    expect(app.dispatch('officers.create', { name: 'Sam Patel', team: 'cme', email: null, phone: null }).ok).toBe(false);
    expect(heard).toHaveLength(0);
    db.exec('DROP TRIGGER temp.refuse_officer');
    // Refused for its input: no transaction ran.
    expect(app.dispatch('officers.create', { name: '', team: 'cme', email: null, phone: null }).ok).toBe(false);
    expect(heard).toHaveLength(0);
    ok('officers.create', { name: 'Sam Patel', team: 'cme', email: null, phone: null });
    expect(heard).toHaveLength(1);
    db.close();
  });

  it('reaches the hosts alongside meetings’ pushes, each with its kind', () => {
    const { db, app, ok, meetingId } = appWithMeeting();
    const heard: PushMessage[] = [];
    const off = app.subscribePush((m) => heard.push(m));
    ok('meetings.start', { id: meetingId });
    expect(heard.map((m) => m.kind)).toEqual(['meeting', 'register']);
    off();
    ok('projector.control', { id: meetingId, action: 'toggleBlank' });
    expect(heard).toHaveLength(2);
    db.close();
  });
});

describe('SSE framing', () => {
  it.each<[PushMessage, string]>([
    [{ kind: 'meeting', meetingId: 4, version: 12 }, 'event: meeting\ndata: {"meetingId":4,"version":12}\n\n'],
    [{ kind: 'register', version: '8120:3:2026-11-25' }, 'event: register\ndata: {"version":"8120:3:2026-11-25"}\n\n'],
  ])('frames %j', (message, frame) => {
    expect(sseFrame(message)).toBe(frame);
    // And the window reads it back as the same push.
    const [read] = new SseParser().feed(frame);
    expect(parsePush(read!.event, JSON.parse(read!.data))).toEqual(message);
  });

  it('sends only the schema’s fields, on one data line', () => {
    const sneaky = { kind: 'register', version: 'a\nb', extra: 'x' } as PushMessage;
    const frame = sseFrame(sneaky);
    expect(frame).toBe('event: register\ndata: {"version":"a\\nb"}\n\n');
    expect(new SseParser().feed(frame)).toEqual([{ event: 'register', data: '{"version":"a\\nb"}' }]);
  });
});

describe('the browser host’s event stream (GET /events)', () => {
  let host: BrowserHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  const listen = (url: string, token: string | null) =>
    new Promise<{ status: number; type: string; frames: () => string; res: http.IncomingMessage }>((resolve, reject) => {
      const req = http.get(`${url}events`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), frames: () => text, res });
      });
      req.on('error', reject);
    });

  it('streams a change to every listener with the token, refuses one without, and lets the host stop with streams open', async () => {
    const { db, app, ok, meetingId } = appWithMeeting();
    const streams = createEventStreams(app.subscribePush);
    host = await startBrowserHost({ dispatch: app.dispatch, staticDir: '/nonexistent', events: streams });

    const refused = await listen(host.url, 'wrong');
    expect(refused.status).toBe(401);
    const a = await listen(host.url, host.token);
    const b = await listen(host.url, host.token);
    expect(a.status).toBe(200);
    expect(a.type).toMatch(/^text\/event-stream/);
    await expect.poll(() => streams.count()).toBe(2);
    await expect.poll(() => a.frames()).toContain('event: ready');

    ok('meetings.start', { id: meetingId });
    const live = Number((db.prepare('SELECT live_version FROM meetings WHERE id = ?').get(meetingId) as { live_version: number }).live_version);
    const frame = `event: meeting\ndata: ${JSON.stringify({ meetingId, version: live })}\n\n`;
    await expect.poll(() => a.frames()).toContain(frame);
    await expect.poll(() => b.frames()).toContain(frame);
    // The same write moved the register: one register frame, at the version the screen compares.
    const version = (ok('register.workingSet', { ifNot: null }) as { version: string }).version;
    const registerFrame = `event: register\ndata: ${JSON.stringify({ version })}\n\n`;
    await expect.poll(() => a.frames()).toContain(registerFrame);
    expect(a.frames().split('event: register').length - 1).toBe(1);

    // A window that goes away is forgotten.
    b.res.destroy();
    await expect.poll(() => streams.count()).toBe(1);

    await host.close();
    host = undefined;
    expect(streams.count()).toBe(0);
    db.close();
  });
});

describe('the desktop host’s push channel', () => {
  const win = (url: string, destroyed = false) => {
    const sent: [string, unknown][] = [];
    const w: WindowLike = {
      isDestroyed: () => destroyed,
      webContents: { isDestroyed: () => destroyed, getURL: () => url, send: (channel, payload) => sent.push([channel, payload]) },
    };
    return { w, sent };
  };

  it('sends each change to every open app window, and to nothing else', () => {
    let emit: (m: PushMessage) => void = () => {};
    const app = 'file:///opt/panel/index.html';
    const main = win(`${app}#/cockpit/3`);
    const projector = win(`${app}#/projector/3`);
    const closed = win(`${app}#/`, true);
    const stranger = win('https://example.org/');
    const off = forwardPushEvents(
      (l) => {
        emit = l;
        return () => (emit = () => {});
      },
      () => [main.w, projector.w, closed.w, stranger.w],
      (url) => url.startsWith(app),
    );
    emit({ kind: 'meeting', meetingId: 3, version: 7 });
    emit({ kind: 'register', version: '812:3:2026-11-25' });
    const both = [
      [PUSH_CHANNEL, { kind: 'meeting', meetingId: 3, version: 7 }],
      [PUSH_CHANNEL, { kind: 'register', version: '812:3:2026-11-25' }],
    ];
    expect(main.sent).toEqual(both);
    expect(projector.sent).toEqual(both);
    expect(closed.sent).toEqual([]);
    expect(stranger.sent).toEqual([]);
    // What the window gets parses as the push it was.
    expect(main.sent.map(([, p]) => parsePush((p as { kind: string }).kind, p))).toEqual([
      { kind: 'meeting', meetingId: 3, version: 7 },
      { kind: 'register', version: '812:3:2026-11-25' },
    ]);
    off();
    emit({ kind: 'meeting', meetingId: 3, version: 8 });
    expect(main.sent).toHaveLength(2);
  });
});

describe('reading pushes in a window', () => {
  it('splits a stream into frames however the bytes arrive, skipping heartbeats', () => {
    const p = new SseParser();
    const stream = 'retry: 1000\nevent: ready\ndata: {}\n\n: heartbeat\n\nevent: meeting\ndata: {"meetingId":4,"version":12}\n\n';
    const frames = [...stream].flatMap((ch) => p.feed(ch));
    expect(frames).toEqual([
      { event: 'ready', data: '{}' },
      { event: 'meeting', data: '{"meetingId":4,"version":12}' },
    ]);
    expect(new SseParser().feed('event: meeting\r\ndata: {"meetingId":1,\r\ndata: "version":2}\r\n\r\n')).toEqual([{ event: 'meeting', data: '{"meetingId":1,\n"version":2}' }]);
  });

  it.each([
    ['register', { version: '8120:3:2026-11-25' }, { kind: 'register', version: '8120:3:2026-11-25' }],
    ['register', { version: '' }, null],
    ['register', { version: 'x'.repeat(101) }, null],
    ['register', { version: 12 }, null],
    ['register', null, null],
    ['meeting', { meetingId: 4, version: 12 }, { kind: 'meeting', meetingId: 4, version: 12 }],
    ['meeting', { version: '8120:3:2026-11-25' }, null],
    ['ready', {}, null],
    ['projector', { meetingId: 4, version: 12 }, null],
  ])('takes a %s push of %j as %j', (kind, raw, expected) => {
    expect(parsePush(kind, raw)).toEqual(expected);
    if (kind === 'register') expect(parseRegisterChanged(raw)).toEqual(expected ? { version: (expected as { version: string }).version } : null);
  });

  it.each([
    [{ meetingId: 4, version: 12 }, { meetingId: 4, version: 12 }],
    [{ meetingId: 4, version: 0 }, { meetingId: 4, version: 0 }],
    [{ meetingId: 0, version: 1 }, null],
    [{ meetingId: 4, version: -1 }, null],
    [{ meetingId: 4.5, version: 1 }, null],
    [{ meetingId: '4', version: 1 }, null],
    [null, null],
  ])('takes %j as %j', (raw, expected) => {
    expect(parseMeetingChanged(raw)).toEqual(expected);
  });
});

describe('register pushes in a window', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands on the newest version once per interval however many arrive', () => {
    vi.useFakeTimers();
    const delivered: string[] = [];
    const c = new RegisterPushCoalescer((v) => delivered.push(v), () => false);
    // A meeting's many small writes: 50 pushes inside one interval.
    for (let i = 1; i <= 50; i++) c.push(`${i}:0:2026-11-25`);
    expect(delivered).toEqual([]);
    vi.advanceTimersByTime(REGISTER_PUSH_MS);
    expect(delivered).toEqual(['50:0:2026-11-25']);
    // Nothing more until the next push.
    vi.advanceTimersByTime(REGISTER_PUSH_MS * 10);
    expect(delivered).toHaveLength(1);
    c.push('51:0:2026-11-25');
    vi.advanceTimersByTime(REGISTER_PUSH_MS);
    expect(delivered).toEqual(['50:0:2026-11-25', '51:0:2026-11-25']);
  });

  it('waits while the window has calls on their way (its own write reloads first), but not for ever', () => {
    vi.useFakeTimers();
    const delivered: string[] = [];
    let busy = true;
    const c = new RegisterPushCoalescer((v) => delivered.push(v), () => busy);
    c.push('7:0:2026-11-25');
    vi.advanceTimersByTime(REGISTER_PUSH_MS * 3);
    expect(delivered).toEqual([]);
    busy = false;
    vi.advanceTimersByTime(REGISTER_PUSH_MS);
    expect(delivered).toEqual(['7:0:2026-11-25']);

    busy = true;
    c.push('8:0:2026-11-25');
    vi.advanceTimersByTime(REGISTER_PUSH_MAX_WAIT_MS - REGISTER_PUSH_MS);
    expect(delivered).toHaveLength(1);
    vi.advanceTimersByTime(REGISTER_PUSH_MS);
    expect(delivered).toEqual(['7:0:2026-11-25', '8:0:2026-11-25']);
  });

  it('delivers nothing after dispose', () => {
    vi.useFakeTimers();
    const delivered: string[] = [];
    const c = new RegisterPushCoalescer((v) => delivered.push(v), () => false);
    c.push('9:0:2026-11-25');
    c.dispose();
    vi.advanceTimersByTime(REGISTER_PUSH_MAX_WAIT_MS);
    expect(delivered).toEqual([]);
  });
});
