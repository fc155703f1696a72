// The running header and footer and the page margins of every printed document, shared by the
// browser host's headless Chromium (./pdf.ts) and the desktop app's printToPDF (../desktop/pdf.ts).
// No imports: the desktop bundle takes this file without pulling in playwright-core.

/** A4 with room for the running header and footer, in mm: the same margins as the print views' @page. */
export const DOCUMENT_MARGIN_MM = { top: 22, bottom: 22, left: 16, right: 16 } as const;
export const DOCUMENT_MARGIN = {
  top: `${DOCUMENT_MARGIN_MM.top}mm`,
  bottom: `${DOCUMENT_MARGIN_MM.bottom}mm`,
  left: `${DOCUMENT_MARGIN_MM.left}mm`,
  right: `${DOCUMENT_MARGIN_MM.right}mm`,
} as const;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Header and footer for every document: the protective marking, the document's title (meeting or
 * case) and the variant on every page, and "Page x of y" in the footer. Chromium renders templates at a tiny default size with no
 * page styles, so everything is styled inline.
 */
export function documentTemplates(f: { marking: string; title: string; variant: string }): { header: string; footer: string } {
  const row = (left: string, middle: string, right: string) =>
    `<div style="width:100%;margin:0 16mm;display:flex;justify-content:space-between;align-items:baseline;gap:8px;` +
    `font-family:Arial,'Liberation Sans',sans-serif;font-size:8pt;color:#333;-webkit-print-color-adjust:exact;">` +
    `<span style="font-weight:700;color:#000;letter-spacing:0.08em;white-space:nowrap;">${left}</span>` +
    `<span style="text-align:center;">${middle}</span>` +
    `<span style="white-space:nowrap;">${right}</span></div>`;
  return {
    header: row(esc(f.marking), esc(f.title), esc(f.variant)),
    footer: row(
      esc(f.marking),
      `${esc(f.title)} · ${esc(f.variant)}`,
      'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    ),
  };
}
