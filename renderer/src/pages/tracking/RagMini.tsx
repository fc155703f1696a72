import type { RagCounts } from '../../../../shared/api/trackingSchemas';
import { ragCountsText } from './caseload';

/** Small coloured counts (red, amber, green, not rated) and the total; the words are read out. */
export function RagMini({ counts }: { counts: RagCounts }) {
  if (counts.total === 0) {
    return <span className="trk-rag-mini is-empty"><span className="muted">0</span></span>;
  }
  return (
    <span className="trk-rag-mini" title={ragCountsText(counts)}>
      <span className="sr-only">{counts.total} open: {ragCountsText(counts)}</span>
      <span aria-hidden="true" className="trk-rag-mini-parts">
        <span className={`trk-dot trk-dot-red${counts.red ? '' : ' is-zero'}`}>{counts.red}</span>
        <span className={`trk-dot trk-dot-amber${counts.amber ? '' : ' is-zero'}`}>{counts.amber}</span>
        <span className={`trk-dot trk-dot-green${counts.green ? '' : ' is-zero'}`}>{counts.green}</span>
        <span className={`trk-dot trk-dot-none${counts.none ? '' : ' is-zero'}`}>{counts.none}</span>
      </span>
      <strong aria-hidden="true" className="trk-rag-total">{counts.total}</strong>
    </span>
  );
}
