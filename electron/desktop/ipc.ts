import { isMethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';

/**
 * The IPC surface of the desktop host. It never imports 'electron': `ipcMain` is passed in as
 * an `IpcMainLike`, so the whole path (frame check, method check, dispatch, error wrapping) is
 * unit-tested in plain Node.
 */

/** The one channel the preload talks to. */
export const INVOKE_CHANNEL = 'panel:invoke';

export interface SenderFrameLike {
  url: string;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: SenderFrameLike | null }, ...args: unknown[]) => unknown): void;
}

export type DispatchLike = (method: string, rawArgs: unknown) => Result<unknown>;

/**
 * True when `url` is the app's own page: a file:// URL for exactly the same file as `appUrl`
 * (the packaged or built `index.html`). Query and fragment are ignored, so hash routes are fine;
 * anything else — another file, another scheme, a remote page — is not the app.
 */
export function isAppFrameUrl(url: string, appUrl: string): boolean {
  let candidate: URL;
  let app: URL;
  try {
    candidate = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (candidate.protocol !== 'file:' || app.protocol !== 'file:') return false;
  if (candidate.username || candidate.password) return false;
  if (candidate.host !== app.host) return false;
  return normalisePath(candidate.pathname) === normalisePath(app.pathname);
}

function normalisePath(pathname: string): string {
  let p: string;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return `\u0000invalid:${pathname}`;
  }
  // Windows file URLs: drive letters and path comparison are case-insensitive.
  return /^\/[A-Za-z]:\//.test(p) ? p.toLowerCase() : p;
}

const forbidden = (message: string): Result<never> => ({ ok: false, error: { code: 'forbidden', message } });

/**
 * Registers the single `panel:invoke` handler. It answers only the app's own frame, only for
 * method names in the contract, and always with a `Result` — nothing is ever thrown across IPC
 * (a thrown error would reach the renderer as a bare string with a main-process stack in it).
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: DispatchLike,
  isTrustedFrame: (frame: SenderFrameLike | null) => boolean,
  log: (message: string, err: unknown) => void = (message, err) => console.error(message, err),
): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method, args): Result<unknown> => {
    let trusted = false;
    try {
      // Reading a disposed frame's properties can throw; an unreadable frame is not trusted.
      trusted = isTrustedFrame(event?.senderFrame ?? null);
    } catch {
      trusted = false;
    }
    if (!trusted) {
      return forbidden('This request did not come from the Panel window, so it was refused.');
    }
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'unknown_method', message: `Panel has no operation called "${typeof method === 'string' ? method : String(method)}".` },
      };
    }
    try {
      return dispatch(method, args);
    } catch (err) {
      log(`Unexpected error dispatching ${method}`, err);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong talking to the register. Please try again, and tell your administrator if it keeps happening.',
        },
      };
    }
  });
}
