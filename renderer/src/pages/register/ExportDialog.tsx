import { Dialog } from '../../components/Dialog';
import { plural } from '../../lib/format';
import { identifyingData } from './csv';
import type { ColumnId } from './view';

/**
 * Asked before the register leaves the app as a file: how much is in it, and that it is children's
 * personal data to be kept and shared as the data-sharing rules say (need-to-know; secure e-mail or
 * password-protected files — seed 002).
 */
export function RegisterExportDialog({ open, count, columns, fileName, onClose, onExport }: {
  open: boolean;
  /** Rows shown, which are the rows exported. */
  count: number;
  /** Visible columns, which are the columns exported. */
  columns: readonly ColumnId[];
  fileName: string;
  onClose: () => void;
  onExport: () => void;
}) {
  const identifying = identifyingData(columns);
  return (
    <Dialog title="Export the register as CSV" open={open} onClose={onClose} onSubmit={onExport} submitLabel={`Export ${plural(count, 'case')}`}>
      <p>
        The file will hold the <strong>{plural(count, 'case')}</strong> shown, in the order shown, with the {plural(columns.length, 'visible column')}:{' '}
        <span className="reg-file-name">{fileName}</span>
      </p>
      <div className="banner banner-warn reg-export-warning">
        <p>
          <strong>It contains children’s personal data{identifying ? ` (${identifying})` : ''}.</strong>
        </p>
        <ul>
          <li>Store it securely, on your authority’s systems, and delete it when you no longer need it.</li>
          <li>Share it only with people who need to know.</li>
          <li>Send it only by secure e-mail or as a password-protected file.</li>
        </ul>
      </div>
    </Dialog>
  );
}
