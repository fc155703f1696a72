import type { Db } from '../../../db/open';
import { MINUTES_MARKING, VARIANT_LABELS } from '../../../shared/api/minutesSchemas';
import type { DocumentInfo, DocumentRequest } from '../../../shared/api/documentSchemas';
import { AppError } from '../../../shared/api/errors';
import { formatUk } from '../../../shared/domain/dates';
import { fileNamePart } from '../../../shared/domain/fileNames';
import { AGENDA_VARIANT_LABELS } from './agendaPack';
import { requireArchivable } from './archivingForm';
import { meetingRow } from '../meetings/meetingRows';


/**
 * What either host needs to print a document to PDF: the print view's route, the title and
 * variant for the running header and footer, and a file name. File names carry the panel, date
 * and variant, or the case reference — never a child's name.
 */
export function describeDocument(db: Db, req: DocumentRequest): DocumentInfo {
  const route = `#/print/${req.kind}/${req.id}/${req.variant}`;
  if (req.kind === 'archiving') {
    const c = db.prepare('SELECT reference, register FROM cases WHERE id = ?').get(req.id) as { reference: string; register: string } | undefined;
    if (!c) throw new AppError('not_found', `There is no case number ${req.id}.`);
    requireArchivable(c);
    return { marking: MINUTES_MARKING, title: `Long-term CME case ${c.reference}`, variantLabel: 'Archiving form', fileName: `archiving-form-${fileNamePart(c.reference)}.pdf`, route };
  }
  const m = meetingRow(db, req.id);
  const panel = db.prepare('SELECT name FROM panels WHERE id = ?').get(m.panel_id) as { name: string };
  const date = String(m.date);
  const what = req.kind === 'minutes' ? 'minutes' : 'agenda-pack';
  return {
    marking: MINUTES_MARKING,
    title: `${panel.name} – ${formatUk(date)}`,
    variantLabel: req.kind === 'minutes' ? VARIANT_LABELS[req.variant] : AGENDA_VARIANT_LABELS[req.variant],
    fileName: `${what}-${fileNamePart(panel.name)}-${date}-${req.variant}.pdf`,
    route,
  };
}
