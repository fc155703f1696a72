/**
 * Column definitions for the register table. The page sorts and filters itself (filters.ts, fast
 * enough for 50,000 rows) and gives the table manualSorting; each accessor is the column's sort key
 * so that TanStack treats it as sortable, and the cell renders from the row itself. Widths are CSS
 * grid tracks shared by the header and every row, so the columns stay aligned while virtualised.
 */
import type { ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { RegisterRow } from '../../../../shared/api/schemas';
import { RagBadge } from '../../components/RagBadge';
import { FlagList } from '../../components/FlagList';
import { formatUk } from '../../lib/format';
import { hrefFor } from '../../lib/router';
import { SORT_DESC_FIRST, SORT_KEYS } from '../../../../shared/register/filters';
import { ageYearText, clockLabels, closureReasonText, flagLabels, orderedFlags, statusText } from './cells';
import { ALWAYS_VISIBLE, COLUMN_LABELS, type ColumnId } from './view';

export interface ColumnLayout {
  /** CSS grid track, e.g. '120px' or 'minmax(170px, 1.6fr)'. */
  track: string;
  /** The narrowest the track gets (for the table's min-width). */
  min: number;
  /** Extra class on the header and cells (alignment). */
  className?: string;
  /** Tooltip on the header. */
  title?: string;
  /** Text that may wrap: clamp it to two lines. */
  clamp?: boolean;
}

export const COLUMN_LAYOUT: Readonly<Record<ColumnId, ColumnLayout>> = {
  reference: { track: '132px', min: 132 },
  child: { track: 'minmax(160px, 1.7fr)', min: 160 },
  ageYear: { track: '96px', min: 96, clamp: true },
  register: { track: '90px', min: 90 },
  status: { track: '108px', min: 108, clamp: true },
  rag: { track: '90px', min: 90 },
  leadOfficer: { track: 'minmax(112px, 1fr)', min: 112, clamp: true },
  school: { track: 'minmax(128px, 1.2fr)', min: 128, title: 'Last school (CME) or school on roll (PMOE)', clamp: true },
  dateNotified: { track: '90px', min: 90, title: 'Date the local authority was notified' },
  daysOpen: { track: '60px', min: 60, className: 'reg-num' },
  clocks: { track: '156px', min: 156 },
  flags: { track: 'minmax(144px, 1.2fr)', min: 144 },
  upn: { track: '136px', min: 136, title: 'Unique pupil number' },
  dateOfBirth: { track: '100px', min: 100 },
  closedOn: { track: '92px', min: 92 },
  closureReason: { track: 'minmax(170px, 1.3fr)', min: 170, clamp: true },
};

function None({ text = 'none' }: { text?: string }) {
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="reg-sr-only">{text}</span>
    </span>
  );
}

function Clocks({ r }: { r: RegisterRow }) {
  const concerns = r.register === 'PMOE' && r.concerns > 0;
  if (!r.dueForPanel && !r.longTerm && !r.endOfCsaReached && !concerns) return null;
  return (
    <span className="reg-pills" title={clockLabels(r).join(', ')}>
      {r.dueForPanel && <span className="pill pill-alert">Due for panel</span>}
      {r.longTerm && <span className="pill pill-warn">Long-term</span>}
      {r.endOfCsaReached && <span className="pill pill-warn">End of CSA</span>}
      {concerns && <span className="pill">{r.concerns === 1 ? '1 concern' : `${r.concerns} concerns`}</span>}
    </span>
  );
}

const col = (id: ColumnId, cell: (r: RegisterRow) => ReactNode): ColumnDef<RegisterRow, unknown> => ({
  id,
  header: COLUMN_LABELS[id],
  accessorFn: SORT_KEYS[id],
  cell: (ctx) => cell(ctx.row.original),
  sortDescFirst: SORT_DESC_FIRST.has(id),
  enableHiding: !ALWAYS_VISIBLE.has(id),
});

/** One formatter for every row (toLocaleString makes one per call). */
const WHOLE = new Intl.NumberFormat('en-GB');

/** Safeguarding first (cells.ts), so the two flags shown are the ones that matter most. */
const FLAGS_SHOWN = 2;

function CompactFlags({ flags }: { flags: readonly string[] }) {
  const ordered = orderedFlags(flags);
  const more = ordered.length - FLAGS_SHOWN;
  return (
    <span className="reg-flags" title={flagLabels(ordered).join(', ')}>
      <FlagList flags={ordered.slice(0, FLAGS_SHOWN)} />
      {more > 0 ? (
        <span className="reg-more">
          +{more}
          <span className="reg-sr-only"> more: {flagLabels(ordered.slice(FLAGS_SHOWN)).join(', ')}</span>
        </span>
      ) : null}
    </span>
  );
}

export const REGISTER_COLUMNS: ColumnDef<RegisterRow, unknown>[] = [
  col('reference', (r) => (
    <a className="reg-ref" href={hrefFor({ page: 'case', id: r.caseId, tab: null })} aria-label={`${r.reference}: ${r.forenames} ${r.surname}`}>
      {r.reference}
    </a>
  )),
  col('child', (r) => (
    <span className="reg-child">
      <span className="reg-child-name">
        <strong>{r.surname}</strong>, {r.forenames}
      </span>
      {r.knownAs ? <span className="muted reg-known-as">known as {r.knownAs}</span> : null}
    </span>
  )),
  col('ageYear', ageYearText),
  col('register', (r) => r.register),
  col('status', statusText),
  col('rag', (r) => <RagBadge rag={r.rag} />),
  col('leadOfficer', (r) => r.leadOfficerName ?? <span className="muted">Unallocated</span>),
  col('school', (r) => r.school ?? <None text="no school recorded" />),
  col('dateNotified', (r) => formatUk(r.dateNotified)),
  col('daysOpen', (r) => WHOLE.format(r.daysOpen)),
  col('clocks', (r) => <Clocks r={r} />),
  col('flags', (r) => (r.flags.length === 0 ? null : <CompactFlags flags={r.flags} />)),
  col('upn', (r) => (r.upn ? <span className="reg-mono">{r.upn}</span> : <None text="no UPN" />)),
  col('dateOfBirth', (r) => formatUk(r.dateOfBirth)),
  col('closedOn', (r) => (r.closedOn ? formatUk(r.closedOn) : <None text="open" />)),
  col('closureReason', (r) => (r.closureReason ? closureReasonText(r) : <None text="open" />)),
];
