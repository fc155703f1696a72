import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, screen, session, type MenuItemConstructorOptions } from 'electron';
import { createSessionHost, type SessionHost } from '../session/sessionHost';
import { isAppFrameUrl, registerIpc } from './ipc';
import { registerPdfIpc } from './pdf';
import { forwardPushEvents } from './events';
import { electronNativeBindingPath } from './nativeBinding';
import { hardenSession, hardenWebContents, secureWebPreferences } from './security';

/**
 * The desktop host: one window, one IPC channel, one register opened by signing in (issue 13:
 * it starts locked, and locks again when left idle, on sign out, and when the OS locks or sleeps). Everything the app
 * does lives in electron/services behind the dispatcher; this file only wires Electron to it.
 *
 * Bundled to dist/electron/main.cjs, so `__dirname` is dist/electron and the app root (the
 * folder with package.json, or app.asar when packaged) is two levels up.
 */
const APP_NAME = 'Panel';
const appRoot = path.resolve(__dirname, '..', '..');
const rendererIndex = path.join(appRoot, 'dist', 'renderer', 'index.html');
const appUrl = pathToFileURL(rendererIndex).href;
/** The lean print entry beside it: only the printable documents, for Save as PDF (issue 12). */
const printUrl = pathToFileURL(path.join(path.dirname(rendererIndex), 'print.html')).href;
const isDev = !app.isPackaged;

// Launched as `electron dist/electron/main.cjs` (rather than `electron .`) Electron does not read
// package.json and would call itself "Electron": keep the name, and so the userData folder, stable.
if (app.getName() !== APP_NAME) {
  app.setName(APP_NAME);
  app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));
}

// UK dates in <input type="date"> and number formats, whatever the machine's own locale.
app.commandLine.appendSwitch('lang', 'en-GB');

let sessionHost: SessionHost | undefined;
let mainWindow: BrowserWindow | undefined;

function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: unknown };
    if (typeof pkg.version === 'string') return pkg.version;
  } catch {
    // fall through
  }
  return app.getVersion();
}

function databasePath(): string {
  const override = process.env.PANEL_DB?.trim();
  return override ? path.resolve(override) : path.join(app.getPath('userData'), 'panel.db');
}

/** Thrown once the person has been told why Panel cannot start; start-up then just exits. */
class StartupAborted extends Error {}

/** Shows a message a person can act on, then abandons start-up (the caller exits). */
function fail(title: string, message: string): never {
  dialog.showErrorBox(title, message);
  throw new StartupAborted(message);
}

/** The locked register: nothing is opened (or decrypted) until someone signs in. */
function lockedRegister(dbPath: string): SessionHost {
  const nativeBinding = electronNativeBindingPath(appRoot, { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
  if (!fs.existsSync(nativeBinding)) {
    fail(
      'Panel cannot start',
      app.isPackaged
        ? `Panel's database component is missing from this installation (${nativeBinding}). Please reinstall Panel.`
        : `The database driver has not been built for Electron yet (missing ${nativeBinding}). ` +
            'Run "node scripts/electron-abi.mjs" (it needs internet access once), or use the browser host: npm run start:browser.',
    );
  }
  try {
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  } catch (err) {
    fail('Panel could not open the register', `Panel could not make the folder for the register at ${dbPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Too new, damaged, read-only, busy, disk full: the sign-in screen shows what to do when signing in opens it.
  return createSessionHost({
    dbPath, version: appVersion(), nativeBinding, checkOutputs: isDev, log: (message, err) => console.error(message, err),
    // Signed in, it backs up daily and before the register closes (sign-out, idle, the OS locking, quit).
    onBackupError: (message) => console.error(message),
    // Locked means nothing of the register on any screen: the projector window in the room closes too.
    onLock: () => {
      for (const win of BrowserWindow.getAllWindows()) if (win !== mainWindow && !win.isDestroyed()) win.close();
    },
  });
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'About Panel',
    message: `Panel ${appVersion()}`,
    detail:
      'Runs Children Missing Education and Pupils Missing Out on Education panels from a local register.\n\n' +
      `Register: ${databasePath()}\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}`,
    buttons: ['OK'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [...(isDev ? [{ role: 'reload' } satisfies MenuItemConstructorOptions, { type: 'separator' } satisfies MenuItemConstructorOptions] : []), { role: 'togglefullscreen' }],
    },
    { role: 'help', submenu: [{ label: 'About Panel', click: showAbout }] },
  ];
  return Menu.buildFromTemplate(template);
}

/** The projector opens full-screen on a second display when there is one, else as a window beside the app. */
function projectorPlacement() {
  const primary = screen.getPrimaryDisplay();
  const here = mainWindow ? screen.getDisplayMatching(mainWindow.getBounds()) : primary;
  const other = screen.getAllDisplays().find((d) => d.id !== here.id);
  const area = (other ?? here).workArea;
  return other
    ? { x: area.x, y: area.y, width: area.width, height: area.height, fullscreen: true }
    : { x: area.x + 40, y: area.y + 40, width: Math.min(1280, area.width - 80), height: Math.min(800, area.height - 80), fullscreen: false };
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: APP_NAME,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: { ...secureWebPreferences },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  win.loadFile(rendererIndex).catch((err: unknown) => {
    dialog.showErrorBox('Panel cannot show its screens', `Panel could not load ${rendererIndex}: ${err instanceof Error ? err.message : String(err)}`);
    app.exit(1);
  });
  return win;
}

function start(): void {
  hardenSession(session.defaultSession);

  if (!fs.existsSync(rendererIndex)) {
    fail(
      'Panel cannot show its screens',
      `The screens have not been built (missing ${rendererIndex}). ${isDev ? 'Run "npm run build" and start Panel again.' : 'Please reinstall Panel.'}`,
    );
  }

  const dbPath = databasePath();
  const host = lockedRegister(dbPath);
  sessionHost = host;
  const { dispatch } = host;
  // Lock with the computer: a register left open on a locked or sleeping laptop is not open to the next person.
  powerMonitor.on('lock-screen', () => host.lock('os_lock'));
  powerMonitor.on('suspend', () => host.lock('os_lock'));
  // The app's page, or the print entry in the hidden PDF window (it reads the document through invoke).
  const isTrustedFrame = (frame: { url: string } | null) => frame !== null && (isAppFrameUrl(frame.url, appUrl) || isAppFrameUrl(frame.url, printUrl));
  registerIpc(ipcMain, dispatch, isTrustedFrame);
  const pdf = registerPdfIpc(ipcMain, dispatch, printUrl, isTrustedFrame, () => mainWindow);
  // The push channel: every app window (main and projector) hears a meeting's and the register's new version.
  forwardPushEvents(host.subscribePush, () => BrowserWindow.getAllWindows(), (url) => isAppFrameUrl(url, appUrl));

  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();
  // The warm, hidden PDF window must not keep the app alive once the person has closed it.
  mainWindow.on('closed', pdf.dispose);
}

if (!app.requestSingleInstanceLock()) {
  // Another Panel is already running on this register: it gets focus (below), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl, projectorPlacement));

  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', () => {
    // Backs up to the chosen folder (if someone is signed in and a folder is chosen), then closes the register.
    sessionHost?.close();
    sessionHost = undefined;
  });

  if (process.platform === 'win32') app.setAppUserModelId('uk.gov.panel.app');

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      // fail() has already told the person why; anything else is unexpected and still gets a message.
      if (!(err instanceof StartupAborted)) {
        console.error('Panel could not start', err);
        dialog.showErrorBox('Panel cannot start', `Panel could not start: ${err instanceof Error ? err.message : String(err)}`);
      }
      sessionHost?.close();
      app.exit(1);
    });
}
