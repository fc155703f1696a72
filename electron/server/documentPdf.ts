import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Dispatch } from '../dispatch';
import { AppError } from '../../shared/api/errors';
import { DocumentRequest, type DocumentInfo } from '../../shared/api/documentSchemas';
import type { PreloadedReply } from '../../shared/api/preloadedReplies';
import { launchPdfBrowser, newPrintContext, renderPdf, type RenderPdfResult } from './pdf';
import { documentTemplates } from './documentTemplates';

export interface DocumentPdf extends RenderPdfResult {
  info: DocumentInfo;
}

/** The lean print entry (renderer/print.html): the documents without the rest of the app's bundle. */
export const PRINT_ENTRY = 'print.html';

let job = 0;

/**
 * Prints one document (minutes, agenda pack, archiving form) from a running browser host: asks
 * the services what it is (which also validates the request and finds a wrong meeting or case at
 * once), opens its print view in the lean print entry with the host's token and prints it with the
 * running marks. A warm `page` is reused; the query makes each job a fresh document (a change of
 * hash alone would keep the last document's state).
 */
export async function printDocument(opts: {
  dispatch: Dispatch;
  /** The host's base URL ("http://127.0.0.1:PORT/") and token. */
  baseUrl: string;
  token: string;
  request: unknown;
  browser?: Browser;
  page?: Page;
  out?: string;
}): Promise<DocumentPdf> {
  const described = opts.dispatch('documents.describe', opts.request);
  if (!described.ok) throw new AppError(described.error.code, described.error.message, described.error.field);
  const info = described.value as DocumentInfo;
  const { header, footer } = documentTemplates({ marking: info.marking, title: info.title, variant: info.variantLabel });
  const url = `${opts.baseUrl}${PRINT_ENTRY}?job=${++job}${info.route}&token=${encodeURIComponent(opts.token)}`;
  // A warm page already showing the print entry switches document itself, with its data handed
  // over: no page load, no requests back to the host (issue 12: the PDF in about the time Chromium
  // takes to print it). Anything else loads the entry, which asks for its data.
  const page = opts.page;
  const warm = page && !page.isClosed() && page.url().startsWith(`${opts.baseUrl}${PRINT_ENTRY}`);
  const show = warm
    ? async (p: Page) => {
        const next = { hash: info.route, replies: documentReplies(opts.dispatch, DocumentRequest.parse(opts.request)) };
        const n = await p.evaluate((a) => (globalThis as unknown as { panelPrint: (x: typeof a) => number }).panelPrint(a), next);
        return `[data-print-job="${n}"] [data-ready]`;
      }
    : undefined;
  const result = await renderPdf({ url, header, footer, ...(show ? { show } : {}), ...(page ? { page } : { browser: opts.browser }), ...(opts.out ? { out: opts.out } : {}) });
  return { ...result, info };
}

/**
 * What the print entry would ask the host for to show `request` (app.info for the day, and the
 * document), as the page asks (see the print views' hooks). A reply that failed is left out: the
 * page asks for it and shows its error as it would have.
 */
export function documentReplies(dispatch: Dispatch, request: DocumentRequest): PreloadedReply[] {
  const calls: { method: string; input: unknown }[] = [
    { method: 'app.info', input: {} },
    request.kind === 'minutes'
      ? { method: 'minutes.get', input: { meetingId: request.id, variant: request.variant } }
      : request.kind === 'agenda'
        ? { method: 'agendaPack.get', input: { meetingId: request.id, variant: request.variant } }
        : { method: 'archivingForm.get', input: { caseId: request.id } },
  ];
  return calls.flatMap((c) => {
    const r = dispatch(c.method, c.input);
    return r.ok ? [{ ...c, value: r.value }] : [];
  });
}

/**
 * One headless Chromium for the browser host's "Save as PDF", launched on first use (playwright-core
 * is loaded then, not at start) and kept warm for the next: the browser, one context and one page,
 * so a print costs the document, not a launch or a new context. Prints are queued so two clicks
 * don't race; a failed print throws the page away and the next one opens a new one.
 */
export function createDocumentPrinter(dispatch: Dispatch, executablePath?: string) {
  let browser: Promise<Browser> | null = null;
  let warm: { context: BrowserContext; page: Page } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const getBrowser = () => {
    if (!browser) {
      const launched = launchPdfBrowser(executablePath);
      browser = launched;
      // A failed launch or a crashed Chromium is not kept: the next Save as PDF starts a new one.
      launched
        .then((b) =>
          b.on('disconnected', () => {
            if (browser === launched) browser = null;
            warm = null;
          }),
        )
        .catch(() => (browser = null));
    }
    return browser;
  };
  const getPage = async (): Promise<Page> => {
    if (warm && !warm.page.isClosed()) return warm.page;
    const context = await newPrintContext(await getBrowser());
    warm = { context, page: await context.newPage() };
    return warm.page;
  };
  const dropPage = async () => {
    const w = warm;
    warm = null;
    await w?.context.close().catch(() => undefined);
  };
  return {
    print(request: unknown, host: { url: string; token: string }): Promise<DocumentPdf> {
      const job = queue.then(async () => {
        try {
          return await printDocument({ dispatch, baseUrl: host.url, token: host.token, request, page: await getPage() });
        } catch (err) {
          await dropPage();
          throw err;
        }
      });
      queue = job.catch(() => undefined);
      return job;
    },
    async close(): Promise<void> {
      await dropPage();
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
  };
}
