// Printing a page of the UI to PDF with headless Chromium: the browser host's "Save as PDF" and
// the scripted path (scripts/pdf.ts). The desktop app prints the same views with Electron's
// printToPDF (electron/desktop/pdf.ts), with the same templates and margins from here.
import fs from 'node:fs';
import path from 'node:path';
// Only the type at start: playwright-core takes about half a second to load, so the browser host
// loads it on its first PDF (launchPdfBrowser), not while it starts.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppError } from '../../shared/api/errors';
import { DOCUMENT_MARGIN } from './documentTemplates';
export { DOCUMENT_MARGIN, DOCUMENT_MARGIN_MM, documentTemplates } from './documentTemplates';

export const CHROMIUM_PATH = process.env.PANEL_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

export interface RenderPdfOptions {
  /** The page to print (with its access token): it must set data-ready="true" once laid out, or "error". */
  url: string;
  /**
   * Shows the document in `page` without loading `url` (a warm page that can switch documents
   * itself, see documentPdf.ts); resolves with the selector of the element that gets data-ready.
   */
  show?: (page: Page) => Promise<string>;
  /** Also write the PDF here. */
  out?: string;
  /** Chromium header and footer templates (HTML; classes pageNumber, totalPages, date, title are filled in). */
  header: string;
  footer: string;
  margin?: { top: string; bottom: string; left: string; right: string };
  /** Reuse a running browser (the caller closes it); otherwise one is launched and closed. */
  browser?: Browser;
  /** Print in this open page (a warm one the caller keeps, see documentPdf.ts) instead of a new context. */
  page?: Page;
  executablePath?: string;
  timeoutMs?: number;
}

export interface RenderPdfResult {
  pdf: Buffer;
  bytes: number;
  pages: number;
  ms: number;
}

/** Counts the page objects of a PDF Chromium wrote (not a general PDF parser). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export async function launchPdfBrowser(executablePath: string = CHROMIUM_PATH): Promise<Browser> {
  if (!fs.existsSync(executablePath)) {
    throw new AppError(
      'unavailable',
      `Saving as PDF needs Chromium, and there is none at ${executablePath}. Install it (Debian: apt-get install chromium) or set PANEL_CHROMIUM to its path. ` +
        'Meanwhile, use Print and choose "Save as PDF".',
    );
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A browser context as documents are printed in: English dates and England's time zone. */
export function newPrintContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
}

/**
 * Opens `url` in headless Chromium, waits for the page to say it is ready, and prints it as A4
 * with the given header and footer on every page. The page's own @page margin boxes (its running
 * marks when a person prints from the browser) are removed first so they are not doubled.
 */
export async function renderPdf(opts: RenderPdfOptions): Promise<RenderPdfResult> {
  const started = Date.now();
  if (opts.page) return printIn(opts.page, opts, started);
  const browser = opts.browser ?? (await launchPdfBrowser(opts.executablePath));
  try {
    const context = await newPrintContext(browser);
    try {
      return await printIn(await context.newPage(), opts, started);
    } finally {
      await context.close();
    }
  } finally {
    if (!opts.browser) await browser.close();
  }
}

async function printIn(page: Page, opts: RenderPdfOptions, started: number): Promise<RenderPdfResult> {
  const problems: string[] = [];
  const onError = (e: Error) => problems.push(e.message);
  page.on('pageerror', onError);
  try {
    let ready = '[data-ready]';
    if (opts.show) ready = await opts.show(page);
    else await page.goto(opts.url, { waitUntil: 'load' });
    const timeout = opts.timeoutMs ?? 60_000;
    try {
      await page.waitForSelector(ready, { timeout });
    } catch {
      throw new Error(`The page did not finish rendering in ${Math.round(timeout / 1000)} s.${problems.length ? ` Errors: ${problems.join('; ')}` : ''}`);
    }
    const state = await page.getAttribute(ready, 'data-ready');
    if (state !== 'true') {
      const message = (await page.textContent(ready))?.trim();
      // The request was checked before printing (documents.describe), so this is unexpected.
      throw new Error(message || 'The page could not be rendered.');
    }
    // Runs in the page; written as a string because this Node-side project has no DOM types.
    await page.evaluate("document.querySelectorAll('style[data-running-marking]').forEach((s) => s.remove())");
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: opts.header,
      footerTemplate: opts.footer,
      margin: opts.margin ?? DOCUMENT_MARGIN,
    });
    if (opts.out) {
      fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
      fs.writeFileSync(opts.out, pdf);
    }
    return { pdf, bytes: pdf.length, pages: pdfPageCount(pdf), ms: Date.now() - started };
  } finally {
    page.off('pageerror', onError);
  }
}
