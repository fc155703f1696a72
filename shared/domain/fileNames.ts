/**
 * A safe piece of a file name, the same on every system and in a Content-Disposition header: lower
 * case ASCII, accents dropped, anything else a single hyphen ("CME Panel – Bexley" -> "cme-panel-bexley").
 */
export function fileNamePart(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
