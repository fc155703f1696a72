import type { MinutesItem } from '../../../../shared/api/minutesSchemas';
import type { Rag } from '../../../../shared/domain/vocab';
import { formatUk } from '../../lib/format';
import { Rating, Text } from './PrintShell';

export function ReviewTable({ rows }: { rows: (MinutesItem['mattersArising'][number] | NonNullable<MinutesItem['case']>['actionsReviewed'][number])[] }) {
  const withRef = rows.some((a) => 'reference' in a);
  return (
    <table className="grid">
      <thead><tr>{withRef && <th scope="col">Case</th>}<th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Was due</th><th scope="col">Outcome</th></tr></thead>
      <tbody>
        {rows.map((a, i) => (
          <tr key={i}>
            {withRef && <td className="nowrap">{'reference' in a ? (a.reference ?? 'General') : ''}</td>}
            <td>{a.text}</td>
            <td>{a.owner ?? '—'}</td>
            <td className="nowrap">{formatUk(a.dueDate)}</td>
            <td>
              <span className={`review review-${a.outcome}`}>{REVIEW_LABELS[a.outcome]}</span>
              {a.newDueDate && <> to {formatUk(a.newDueDate)}</>}
              {a.reason && <div className="reason">{a.reason}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MOVEMENT = (before: Rag | null, after: Rag | null): string => {
  if (before === after) return 'unchanged';
  if (before === null) return 'first rating';
  if (after === null) return 'rating removed';
  const rank = { red: 0, amber: 1, green: 2 };
  return rank[after] > rank[before] ? 'improved' : 'worsened';
};

const REVIEW_LABELS = { done: 'Done', carried_forward: 'Carried forward', dropped: 'Dropped' } as const;

export function CaseItem({ item }: { item: MinutesItem }) {
  const c = item.case!;
  return (
    <article className="m-item m-case">
      <div className="m-case-head">
        <h3>
          <span className="inum">{item.number}.</span> {c.reference} <span className="child">— {c.child}</span>
        </h3>
      </div>
      <table className="m-case-facts">
        <tbody>
          <tr>
            <th scope="row">Age / year group</th><td>{c.ageYears} · {c.yearGroupLabel}</td>
            <th scope="row">Register</th><td>{c.register}</td>
            <th scope="row">Lead officer</th>
            <td>
              {c.leadOfficer ?? 'None allocated'}
              {c.leadChanged && <span className="reason"> (was {c.previousLeadOfficer ?? 'none'})</span>}
            </td>
          </tr>
          <tr>
            <th scope="row">RAG</th>
            <td colSpan={5}>
              {c.closedHere ? (
                <span className="m-closed">Closed at this meeting{c.closure ? ` (${c.closure})` : ''}</span>
              ) : c.ragChanged ? (
                <>
                  <Rating rag={c.ragBefore} /> <span aria-hidden="true">→</span> <Rating rag={c.ragAfter} />{' '}
                  <span className="movement">({MOVEMENT(c.ragBefore, c.ragAfter)})</span>
                </>
              ) : (
                <>
                  <Rating rag={c.ragAfter} /> <span className="movement">(unchanged)</span>
                </>
              )}
              {c.ragReason && <span className="reason"> {c.ragChanged ? 'Reason: ' : 'Rated for: '}{c.ragReason}</span>}
            </td>
          </tr>
        </tbody>
      </table>
      {c.reasons.length > 0 && <p className="m-why"><span>On the agenda because:</span> {c.reasons.join('; ')}</p>}
      {c.notReached && <p className="m-not-reached"><strong>Not reached:</strong> not discussed at this meeting; carried to the next meeting’s agenda.</p>}
      <Text label="Discussion" text={item.discussion} />
      <Text label="Decisions" text={item.decisions} />
      {(c.outcome || c.outcomeDetail) && (
        <div className="m-text">
          <h4>Outcome</h4>
          <p>
            {c.outcome ?? ''}
            {c.closure ? ` — ${c.closure}` : ''}
            {c.outcomeDetail ? `${c.outcome ? ': ' : ''}${c.outcomeDetail}` : ''}
          </p>
        </div>
      )}
      {c.actionsReviewed.length > 0 && (
        <div className="m-sub">
          <h4>Actions reviewed</h4>
          <ReviewTable rows={c.actionsReviewed} />
        </div>
      )}
      {c.actionsAgreed.length > 0 && (
        <div className="m-sub">
          <h4>Actions agreed</h4>
          <table className="grid">
            <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th></tr></thead>
            <tbody>
              {c.actionsAgreed.map((a, i) => (
                <tr key={i}><td>{a.text}</td><td>{a.owner ?? '—'}</td><td className="nowrap">{formatUk(a.dueDate)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {c.escalations.length > 0 && (
        <div className="m-sub">
          <h4>Escalations raised</h4>
          <table className="grid">
            <thead><tr><th scope="col">Reason</th><th scope="col">Level</th><th scope="col">To</th><th scope="col">Asked</th><th scope="col">Response due</th></tr></thead>
            <tbody>
              {c.escalations.map((e, i) => (
                <tr key={i}>
                  <td>{e.reason}</td>
                  <td>{e.level}. {e.levelTitle}</td>
                  <td>{e.escalatedTo ?? '—'}</td>
                  <td>{e.asked ?? '—'}</td>
                  <td className="nowrap">{e.responseDue ? formatUk(e.responseDue) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
