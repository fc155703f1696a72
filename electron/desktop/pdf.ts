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

/**
 * "Save as PDF" in the desktop app: the same print view and the same running header and footer as
 * the browser host, printed by Electron's printToPDF in a hidden window with the app's secure
 * preferences, then saved where the person chooses. The request is validated by the dispatcher
 * (documents.describe) before any window opens.
 */
export function registerPdfIpc(
  ipcMain: IpcMainLike,
  dispatch: DispatchLike,
  appUrl: string,
  isTrustedFrame: (frame: SenderFrameLike | null) => boolean,
  parent: () => BrowserWindow | undefined,
): void {
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

    // Hidden windows are throttled by default, and the print view waits for an animation frame.
    const win = new BrowserWindow({ show: false, width: 900, height: 1200, webPreferences: { ...secureWebPreferences, backgroundThrottling: false } });
    try {
      await win.loadURL(`${appUrl}${info.route}`);
      await waitUntilReady(win);
      await win.webContents.executeJavaScript(`document.querySelectorAll('style[data-running-marking]').forEach((s) => s.remove())`);
      const { header, footer } = documentTemplates({ marking: info.marking, title: info.title, variant: info.variantLabel });
      const pdf = await win.webContents.printToPDF({
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
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  });
}
