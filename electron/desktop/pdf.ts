import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { Result } from '../../shared/api/errors';
import type { DocumentInfo } from '../../shared/api/documentSchemas';
import { DOCUMENT_MARGIN_MM, documentTemplates } from '../server/documentTemplates';
import type { DispatchLike, IpcMainLike, SenderFrameLike } from './ipc';
import { secureWebPreferences } from './security';

/** The channel behind `window.panel.savePdf`; must match PDF_CHANNEL in ./preload.ts. */
export const PDF_CHANNEL = 'panel:savePdf';

const inches = (mm: number) => mm / 25.4;

/** Waits for the print view to say it is laid out (data-ready="true") or failed ("error"). */
async function waitUntilReady(win: BrowserWindow, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = (await win.webContents.executeJavaScript(
      `(() => { const el = document.querySelector('[data-ready]'); return el ? [el.getAttribute('data-ready'), el.textContent] : null; })()`,
    )) as [string, string] | null;
    if (state?.[0] === 'true') return;
    if (state?.[0] === 'error') throw new Error(state[1]?.trim() || 'The document could not be prepared.');
    if (Date.now() > until) throw new Error('The document took too long to prepare.');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A warm print window left unused this long is closed (it holds a renderer process). */
const IDLE_MS = 5 * 60_000;

/**
 * "Save as PDF" in the desktop app: the same print view and the same running header and footer as
 * the browser host, printed by Electron's printToPDF in a hidden window with the app's secure
 * preferences, then saved where the person chooses. The request is validated by the dispatcher
 * (documents.describe) before any window opens. The window loads the lean print entry
 * (print.html, `printUrl`) and is kept warm for the next document; the query makes each job a
 * fresh page. Returns `dispose`, which the shell calls when the main window closes (a hidden window
 * left open would keep the app running).
 */
export function registerPdfIpc(
  ipcMain: IpcMainLike,
  dispatch: DispatchLike,
  printUrl: string,
  isTrustedFrame: (frame: SenderFrameLike | null) => boolean,
  parent: () => BrowserWindow | undefined,
): { dispose: () => void } {
  let warm: BrowserWindow | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let job = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const dispose = () => {
    clearTimeout(idle);
    if (warm && !warm.isDestroyed()) warm.destroy();
    warm = null;
  };
  const printWindow = () => {
    clearTimeout(idle);
    // Hidden windows are throttled by default, and the print view waits for an animation frame.
    if (!warm || warm.isDestroyed()) warm = new BrowserWindow({ show: false, width: 900, height: 1200, webPreferences: { ...secureWebPreferences, backgroundThrottling: false } });
    return warm;
  };

  ipcMain.handle(PDF_CHANNEL, async (event, request): Promise<Result<{ saved: string | null }>> => {
    let trusted = false;
    try {
      trusted = isTrustedFrame(event?.senderFrame ?? null);
    } catch {
      trusted = false;
    }
    if (!trusted) return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the Panel window, so it was refused.' } };
    const described = dispatch('documents.describe', request);
    if (!described.ok) return described;
    const info = described.value as DocumentInfo;

    // One print at a time in the one warm window.
    const run = queue.then(async (): Promise<Uint8Array> => {
      const win = printWindow();
      try {
        await win.loadURL(`${printUrl}?job=${++job}${info.route}`);
        await waitUntilReady(win);
        await win.webContents.executeJavaScript(`document.querySelectorAll('style[data-running-marking]').forEach((s) => s.remove())`);
        const { header, footer } = documentTemplates({ marking: info.marking, title: info.title, variant: info.variantLabel });
        return await win.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: header,
          footerTemplate: footer,
          margins: {
            top: inches(DOCUMENT_MARGIN_MM.top),
            bottom: inches(DOCUMENT_MARGIN_MM.bottom),
            left: inches(DOCUMENT_MARGIN_MM.left),
            right: inches(DOCUMENT_MARGIN_MM.right),
          },
        });
      } catch (err) {
        // A window that failed once is not trusted with the next document.
        dispose();
        throw err;
      } finally {
        clearTimeout(idle);
        idle = setTimeout(dispose, IDLE_MS);
      }
    });
    queue = run.catch(() => undefined);
    try {
      const pdf = await run;
      const owner = parent();
      const options = {
        title: 'Save as PDF',
        defaultPath: path.join(app.getPath('documents'), info.fileName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: null } };
      await fs.promises.writeFile(choice.filePath, pdf);
      return { ok: true, value: { saved: choice.filePath } };
    } catch (err) {
      console.error('Saving a PDF failed', err);
      return { ok: false, error: { code: 'internal', message: `The PDF could not be made: ${err instanceof Error ? err.message : String(err)}` } };
    }
  });
  return { dispose };
}
