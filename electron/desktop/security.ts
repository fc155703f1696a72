import path from 'node:path';
import type { Event, Session, WebContents, WebPreferences } from 'electron';
import { isAppFrameUrl } from './ipc';

/**
 * The desktop host's security module: no permissions, a strict CSP, no navigation away from the
 * app's own page, no new windows, no <webview>. Only types come from 'electron', so this file
 * can be imported (and its settings asserted) in plain Node tests.
 */

/**
 * The policy for the app's pages. The renderer is a static bundle loaded from file://, talks to
 * the main process only through the preload bridge, and never fetches anything: 'self' is all it needs.
 * ('unsafe-inline' styles: React `style={...}` attributes and chart libraries set inline styles.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The folder of the built main-process bundle (`dist/electron/`, next to `preload.cjs`). The
 * desktop entry is bundled to CommonJS, where `__dirname` is that folder.
 */
const bundleDir = typeof __dirname === 'string' ? __dirname : process.cwd();

/** Where the sandboxed preload bundle sits: next to main.cjs in dist/electron/. */
export const PRELOAD_PATH = path.join(bundleDir, 'preload.cjs');

/**
 * The only web preferences Panel's windows are created with. The renderer gets no Node, no
 * `require`, an isolated world for the preload, and Chromium's sandbox.
 */
export const secureWebPreferences = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  // Off: on Linux and Windows Chromium's spellchecker may download dictionaries, and Panel promises
  // that nothing is sent anywhere (issue 11).
  spellcheck: false,
  preload: PRELOAD_PATH,
} satisfies WebPreferences);

/** Deny every permission request and check; send the CSP header with every response. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy already on the response (headers arrive in any case) so ours is the only one.
      if (name.toLowerCase() === 'content-security-policy') continue;
      responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
}

/** The only window the app may open: its own projector view of a meeting, e.g. index.html#/projector/12. */
export function isProjectorUrl(url: string, appUrl: string): boolean {
  if (!isAppFrameUrl(url, appUrl)) return false;
  try {
    return /^#\/projector\/\d+$/.test(new URL(url).hash);
  } catch {
    return false;
  }
}

/** Where and how the projector window opens (the main process picks the second display). */
export type ProjectorPlacement = () => { x: number; y: number; width: number; height: number; fullscreen: boolean };

/**
 * Keep a web contents on the app's own page: navigation (of any frame) and redirects anywhere
 * else are cancelled, <webview> can never be attached, and window.open is denied except for the
 * app's own projector view, which opens hardened like the main window.
 */
export function hardenWebContents(contents: WebContents, appUrl: string, placeProjector?: ProjectorPlacement): void {
  const stayHome = (event: Event<{ url: string }>) => {
    if (!isAppFrameUrl(event.url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.setWindowOpenHandler(({ url }) => {
    if (!placeProjector || !isProjectorUrl(url, appUrl)) return { action: 'deny' };
    return {
      action: 'allow',
      overrideBrowserWindowOptions: {
        ...placeProjector(),
        title: 'Panel — projector',
        backgroundColor: '#000000',
        autoHideMenuBar: true,
        webPreferences: { ...secureWebPreferences },
      },
    };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
