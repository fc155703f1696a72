import type { CaseDetail } from '../../../../shared/api/schemas';
import { CLOSURE_REASONS, labelOf } from './vocab';
import { useCan } from '../../data/session';
import { formatUk } from '../../lib/format';

/**
 * Why a closure is waiting and who must authorise it; the clocks that have run out; and, for an
 * unfound case, its twice-yearly review. Renders only: the reasons come from shared/domain.
 */
export function ClosureStatus({ detail, onDecide, onReview }: { detail: CaseDetail; onDecide: (d: 'authorise' | 'decline') => void; onReview: () => void }) {
  const can = useCan();
  const k = detail.case;
  const pending = k.status === 'closed' ? undefined : detail.closures.find((c) => c.status === 'pending');
  const reviewDue = k.status === 'closed' && k.closureReason === 'unresolved_lost' && k.unfoundReviewDue;
  if (!pending && detail.alerts.length === 0 && !reviewDue) return null;
  return (
    <div className="closure-status">
      {pending ? (
        <section className="banner banner-warn" aria-labelledby="closure-waiting">
          <h2 id="closure-waiting" style={{ fontSize: '1.05rem', margin: '0 0 0.4rem' }}>
            Closure waiting: {labelOf(CLOSURE_REASONS, pending.reason)} — the case stays open
          </h2>
          <p style={{ margin: '0 0 0.4rem' }}>
            Proposed by <strong>{pending.proposedByName}</strong> on {formatUk(pending.proposedOn)}. Evidence: {pending.evidence}
          </p>
          {pending.waitingFor.length > 0 ? (
            <p style={{ margin: '0 0 0.4rem' }}>Waiting for: {pending.waitingFor.join('; ')}.</p>
          ) : null}
          {pending.authorisationReasons.length > 0 ? (
            <>
              <p style={{ margin: '0 0 0.2rem' }}><strong>Needs a manager to authorise</strong> (not {pending.proposedByName}):</p>
              <ul style={{ margin: '0 0 0.4rem' }}>{pending.authorisationReasons.map((r) => <li key={r}>{r}</li>)}</ul>
              <p style={{ margin: '0 0 0.5rem' }}>
                Who can authorise: a manager signed in to Panel, not the proposer{pending.authorisers.length > 0 ? ` (${pending.authorisers.map((o) => o.name).join(', ')})` : ' (no other manager has an account yet: add one under Settings › Users)'}.
              </p>
            </>
          ) : null}
          {can('closures.authorise') ? (
            <div className="actions-row">
              {pending.waitingFor.length === 0 ? <button type="button" onClick={() => onDecide('authorise')}>Authorise closure…</button> : null}
              <button type="button" onClick={() => onDecide('decline')}>Decline…</button>
            </div>
          ) : null}
        </section>
      ) : null}
      {detail.alerts.length > 0 ? (
        <section className="banner banner-error" aria-label="Clocks run out" role="status">
          <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>{detail.alerts.map((a) => <li key={a.code}>{a.text}</li>)}</ul>
        </section>
      ) : null}
      {reviewDue ? (
        <section className="banner banner-info" aria-label="Unfound review">
          Not found: reviewed twice a year. Next review {formatUk(k.unfoundReviewDue)}.{' '}
          {can('closures.recordUnfoundReview') ? <button type="button" onClick={onReview}>Record review…</button> : null}
        </section>
      ) : null}
    </div>
  );
}
