// Printing a page of the UI to PDF with headless Chromium: the minutes (scripts/minutes.ts) now,
// the browser host's "download PDF" later.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PANEL_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

/** A4 with room for the running header and footer: the same margins as the print view's @page. */
export const MINUTES_MARGIN = { top: '22mm', bottom: '22mm', left: '16mm', right: '16mm' } as const;

export interface RenderPdfOptions {
  /** The page to print (with its access token): it must set data-ready="true" once laid out, or "error". */
  url: string;
  out: string;
  /** Chromium header and footer templates (HTML; classes pageNumber, totalPages, date, title are filled in). */
  header: string;
  footer: string;
  margin?: { top: string; bottom: string; left: string; right: string };
  /** Reuse a running browser (the caller closes it); otherwise one is launched and closed. */
  browser?: Browser;
  executablePath?: string;
  timeoutMs?: number;
}

export interface RenderPdfResult {
  out: string;
  bytes: number;
  pages: number;
  ms: number;
}

/** Counts the page objects of a PDF Chromium wrote (not a general PDF parser). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * Opens `url` in headless Chromium, waits for the page to say it is ready, and prints it to `out`
 * as A4 with the given header and footer on every page. The page's own @page margin boxes (its
 * running marks when a person prints from the browser) are removed first so they are not doubled.
 */
export async function renderPdf(opts: RenderPdfOptions): Promise<RenderPdfResult> {
  const started = Date.now();
  const browser = opts.browser ?? (await chromium.launch({ executablePath: opts.executablePath ?? CHROMIUM_PATH, args: CHROMIUM_ARGS }));
  try {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(opts.url, { waitUntil: 'load' });
      const timeout = opts.timeoutMs ?? 60_000;
      try {
        await page.waitForSelector('[data-ready]', { timeout });
      } catch {
        throw new Error(`The page did not finish rendering in ${Math.round(timeout / 1000)} s.${problems.length ? ` Errors: ${problems.join('; ')}` : ''}`);
      }
      const state = await page.getAttribute('[data-ready]', 'data-ready');
      if (state !== 'true') {
        const message = (await page.textContent('[data-ready]'))?.trim();
        throw new Error(message || 'The page could not be rendered.');
      }
      await page.evaluate(() => document.querySelectorAll('style[data-running-marking]').forEach((s) => s.remove()));
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: opts.header,
        footerTemplate: opts.footer,
        margin: opts.margin ?? MINUTES_MARGIN,
      });
      fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
      fs.writeFileSync(opts.out, pdf);
      return { out: opts.out, bytes: pdf.length, pages: pdfPageCount(pdf), ms: Date.now() - started };
    } finally {
      await context.close();
    }
  } finally {
    if (!opts.browser) await browser.close();
  }
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Header and footer for the minutes: the protective marking, the meeting and the variant on every
 * page, and "Page x of y" in the footer. Chromium renders templates at a tiny default size with no
 * page styles, so everything is styled inline.
 */
export function minutesTemplates(f: { marking: string; meeting: string; variant: string }): { header: string; footer: string } {
  const row = (left: string, middle: string, right: string) =>
    `<div style="width:100%;margin:0 16mm;display:flex;justify-content:space-between;align-items:baseline;gap:8px;` +
    `font-family:Arial,'Liberation Sans',sans-serif;font-size:8pt;color:#333;-webkit-print-color-adjust:exact;">` +
    `<span style="font-weight:700;color:#000;letter-spacing:0.08em;white-space:nowrap;">${left}</span>` +
    `<span style="text-align:center;">${middle}</span>` +
    `<span style="white-space:nowrap;">${right}</span></div>`;
  return {
    header: row(esc(f.marking), esc(f.meeting), esc(f.variant)),
    footer: row(
      esc(f.marking),
      `${esc(f.meeting)} · ${esc(f.variant)}`,
      'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    ),
  };
}
