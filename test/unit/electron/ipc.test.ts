import { describe, it, expect } from 'vitest';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { INVOKE_CHANNEL, isAppFrameUrl, registerIpc, type IpcMainLike } from '../../../electron/desktop/ipc';
import { CONTENT_SECURITY_POLICY, PRELOAD_PATH, secureWebPreferences } from '../../../electron/desktop/security';
import { electronNativeBindingPath } from '../../../electron/desktop/nativeBinding';
import type { Result } from '../../../shared/api/errors';

const APP_INDEX = path.resolve('/opt/Panel/resources/app.asar/dist/renderer/index.html');
const APP_URL = pathToFileURL(APP_INDEX).href;

type Listener = Parameters<IpcMainLike['handle']>[1];

/** A stand-in for ipcMain that records handlers and lets a test "send" from a frame. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
  };
  const invoke = async (frameUrl: string | null, ...args: unknown[]) => {
    const listener = handlers.get(INVOKE_CHANNEL);
    if (!listener) throw new Error('no handler registered');
    return (await listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args)) as Result<unknown>;
  };
  return { ipc, handlers, invoke };
}

function setup(dispatchImpl?: (method: string, args: unknown) => Result<unknown>) {
  const calls: Array<{ method: string; args: unknown }> = [];
  const logged: string[] = [];
  const dispatch = (method: string, args: unknown): Result<unknown> => {
    calls.push({ method, args });
    return dispatchImpl ? dispatchImpl(method, args) : { ok: true, value: { echoed: method } };
  };
  const fake = fakeIpcMain();
  registerIpc(fake.ipc, dispatch, (frame) => frame !== null && isAppFrameUrl(frame.url, APP_URL), (m) => logged.push(m));
  return { ...fake, calls, logged };
}

describe('registerIpc', () => {
  it('registers exactly one channel, panel:invoke', () => {
    const { handlers } = setup();
    expect([...handlers.keys()]).toEqual(['panel:invoke']);
  });

  it('passes a good call from the app frame through to dispatch and returns its Result', async () => {
    const { invoke, calls } = setup();
    const res = await invoke(APP_URL, 'app.info', {});
    expect(res).toEqual({ ok: true, value: { echoed: 'app.info' } });
    expect(calls).toEqual([{ method: 'app.info', args: {} }]);
  });

  it('accepts the app page with a hash route or query', async () => {
    const { invoke, calls } = setup();
    expect((await invoke(`${APP_URL}#/cases/12`, 'app.info', {})).ok).toBe(true);
    expect((await invoke(`${APP_URL}?x=1`, 'app.info', {})).ok).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('passes dispatch errors through unchanged', async () => {
    const error = { code: 'invalid_input' as const, message: 'Name is required', field: 'name' };
    const { invoke } = setup(() => ({ ok: false, error }));
    expect(await invoke(APP_URL, 'officers.create', { name: '' })).toEqual({ ok: false, error });
  });

  it.each([
    ['a remote page', 'https://evil.example/'],
    ['a remote page claiming the same path', `https://evil.example${new URL(APP_URL).pathname}`],
    ['another file on disk', pathToFileURL(path.resolve('/tmp/evil/index.html')).href],
    ['a sibling file in the app', pathToFileURL(path.join(path.dirname(APP_INDEX), 'other.html')).href],
    ['a file URL on another host', APP_URL.replace('file:///', 'file://evil.example/')],
    ['a data: URL', 'data:text/html,<script>1</script>'],
    ['about:blank', 'about:blank'],
    ['an empty URL', ''],
  ])('refuses %s as forbidden without calling dispatch', async (_label, url) => {
    const { invoke, calls } = setup();
    const res = await invoke(url, 'app.info', {});
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('forbidden');
      expect(res.error.message).toMatch(/refused/);
    }
    expect(calls).toHaveLength(0);
  });

  it('refuses a call with no sender frame (disposed or service worker)', async () => {
    const { invoke, calls } = setup();
    const res = await invoke(null, 'app.info', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toHaveLength(0);
  });

  it('refuses when reading the frame throws', async () => {
    const calls: unknown[] = [];
    const fake = fakeIpcMain();
    registerIpc(
      fake.ipc,
      (m, a) => {
        calls.push([m, a]);
        return { ok: true, value: null };
      },
      () => {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    );
    await expect(fake.invoke(APP_URL, 'app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toHaveLength(0);
  });

  it.each([['no.such.method'], ['__proto__'], ['constructor'], [42], [undefined], [{ toString: () => 'app.info' }]])(
    'answers an unknown method %s with an error and does not dispatch',
    async (method) => {
      const { invoke, calls } = setup();
      const res = await invoke(APP_URL, method, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(calls).toHaveLength(0);
    },
  );

  it('never throws across IPC when dispatch throws', async () => {
    const { invoke, logged } = setup(() => {
      throw new Error('SQLITE_CORRUPT: secret internals at /home/someone/panel.db');
    });
    const res = await invoke(APP_URL, 'app.info', {});
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('internal');
      expect(res.error.message).not.toMatch(/SQLITE|secret|\/home/);
    }
    expect(logged).toEqual(['Unexpected error dispatching app.info']);
  });
});

describe('isAppFrameUrl', () => {
  it('matches the app index exactly, ignoring query and fragment', () => {
    expect(isAppFrameUrl(APP_URL, APP_URL)).toBe(true);
    expect(isAppFrameUrl(`${APP_URL}#/register`, APP_URL)).toBe(true);
    expect(isAppFrameUrl(`${APP_URL}?a=b#c`, APP_URL)).toBe(true);
  });

  it('treats percent-encoding differences as the same file', () => {
    const spaced = pathToFileURL(path.resolve('/Users/A Person/Panel app/index.html')).href;
    expect(spaced).toContain('%20');
    expect(isAppFrameUrl(spaced.replace(/%20/g, ' '), spaced)).toBe(true);
  });

  it('rejects other schemes, other files and other hosts', () => {
    expect(isAppFrameUrl('https://evil.example/', APP_URL)).toBe(false);
    expect(isAppFrameUrl('http://127.0.0.1:5173/', APP_URL)).toBe(false);
    expect(isAppFrameUrl(pathToFileURL(path.resolve('/tmp/index.html')).href, APP_URL)).toBe(false);
    expect(isAppFrameUrl(`${APP_URL}.evil.html`, APP_URL)).toBe(false);
    expect(isAppFrameUrl(APP_URL.replace('index.html', 'sub/../index.html'), APP_URL)).toBe(true); // URL parser resolves dot segments
    expect(isAppFrameUrl(APP_URL.replace('file:///', 'file://server/'), APP_URL)).toBe(false);
    expect(isAppFrameUrl('not a url', APP_URL)).toBe(false);
    expect(isAppFrameUrl(APP_URL, 'not a url')).toBe(false);
    expect(isAppFrameUrl(APP_URL, 'https://example.com/index.html')).toBe(false);
  });

  it('compares Windows drive paths case-insensitively', () => {
    expect(isAppFrameUrl('file:///c:/Program%20Files/Panel/index.html', 'file:///C:/Program Files/Panel/index.html')).toBe(true);
    expect(isAppFrameUrl('file:///D:/Program%20Files/Panel/index.html', 'file:///C:/Program Files/Panel/index.html')).toBe(false);
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(secureWebPreferences.contextIsolation).toBe(true);
    expect(secureWebPreferences.sandbox).toBe(true);
    expect(secureWebPreferences.nodeIntegration).toBe(false);
    expect(secureWebPreferences.nodeIntegrationInSubFrames).toBe(false);
    expect(secureWebPreferences.nodeIntegrationInWorker).toBe(false);
    expect(secureWebPreferences.webSecurity).toBe(true);
    expect(secureWebPreferences.allowRunningInsecureContent).toBe(false);
    expect(secureWebPreferences.webviewTag).toBe(false);
    // Off: the spellchecker may fetch dictionaries, and Panel sends nothing anywhere (issue 11).
    expect(secureWebPreferences.spellcheck).toBe(false);
    expect(Object.isFrozen(secureWebPreferences)).toBe(true);
  });

  it('loads the bundled preload', () => {
    expect(path.basename(secureWebPreferences.preload)).toBe('preload.cjs');
    expect(secureWebPreferences.preload).toBe(PRELOAD_PATH);
  });

  it('has a CSP that allows only the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });
});

describe('electronNativeBindingPath', () => {
  it('uses the Electron-ABI cache in development', () => {
    expect(electronNativeBindingPath('/src/panel', { isPackaged: false })).toBe(path.join('/src/panel', '.cache', 'electron-abi', 'better_sqlite3.node'));
  });

  it('uses the resources folder when packaged', () => {
    expect(electronNativeBindingPath('/ignored', { isPackaged: true, resourcesPath: '/opt/Panel/resources' })).toBe(
      path.join('/opt/Panel/resources', 'better_sqlite3.node'),
    );
  });
});

describe('isProjectorUrl (the one window the app may open)', () => {
  const appUrl = 'file:///opt/Panel/resources/app.asar/dist/renderer/index.html';
  it.each([
    [`${appUrl}#/projector/12`, true],
    [`${appUrl}#/projector/12/extra`, false],
    [`${appUrl}#/cockpit/12`, false],
    ['https://evil.example/#/projector/12', false],
    ['file:///tmp/other.html#/projector/12', false],
  ])('%s -> %s', async (url, expected) => {
    const { isProjectorUrl } = await import('../../../electron/desktop/security');
    expect(isProjectorUrl(url, appUrl)).toBe(expected);
  });
});
