import type { Browser } from 'playwright-core';
import type { Dispatch } from '../dispatch';
import { AppError } from '../../shared/api/errors';
import type { DocumentInfo } from '../../shared/api/documentSchemas';
import { launchPdfBrowser, renderPdf, type RenderPdfResult } from './pdf';
import { documentTemplates } from './documentTemplates';

export interface DocumentPdf extends RenderPdfResult {
  info: DocumentInfo;
}

/**
 * Prints one document (minutes, agenda pack, archiving form) from a running browser host: asks
 * the services what it is (which also validates the request and finds a wrong meeting or case at
 * once), opens its print view with the host's token and prints it with the running marks.
 */
export async function printDocument(opts: {
  dispatch: Dispatch;
  /** The host's base URL ("http://127.0.0.1:PORT/") and token. */
  baseUrl: string;
  token: string;
  request: unknown;
  browser: Browser;
  out?: string;
}): Promise<DocumentPdf> {
  const described = opts.dispatch('documents.describe', opts.request);
  if (!described.ok) throw new AppError(described.error.code, described.error.message, described.error.field);
  const info = described.value as DocumentInfo;
  const { header, footer } = documentTemplates({ marking: info.marking, title: info.title, variant: info.variantLabel });
  const url = `${opts.baseUrl}${info.route}&token=${encodeURIComponent(opts.token)}`;
  const result = await renderPdf({ url, header, footer, browser: opts.browser, ...(opts.out ? { out: opts.out } : {}) });
  return { ...result, info };
}

/**
 * One headless Chromium for the browser host's "Save as PDF", launched on first use and kept for
 * the next (a launch takes a second or two); prints are queued so two clicks don't race.
 */
export function createDocumentPrinter(dispatch: Dispatch, executablePath?: string) {
  let browser: Promise<Browser> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const getBrowser = () => {
    if (!browser) {
      const launched = launchPdfBrowser(executablePath);
      browser = launched;
      // A failed launch or a crashed Chromium is not kept: the next Save as PDF starts a new one.
      launched.then((b) => b.on('disconnected', () => browser === launched && (browser = null))).catch(() => (browser = null));
    }
    return browser;
  };
  return {
    print(request: unknown, host: { url: string; token: string }): Promise<DocumentPdf> {
      const job = queue.then(async () => printDocument({ dispatch, baseUrl: host.url, token: host.token, request, browser: await getBrowser() }));
      queue = job.catch(() => undefined);
      return job;
    },
    async close(): Promise<void> {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
  };
}
