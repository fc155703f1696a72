import { Fragment } from 'react';
import type { EscalationLogRow } from '../../../../shared/api/trackingSchemas';
import { formatUk } from '../../../../shared/domain/dates';
import { hrefFor } from '../../lib/router';
import { escalationStatusLabel, isLive, stepLines } from './escalations';

type Handler = (() => void) | null;

/** The chain as a timeline, first step to last, with what can be done on the latest step (a null handler: the role can't, so no button). */
export function ChainTimeline({ row, onRespond, onEscalate, onResolve }: { row: EscalationLogRow; onRespond: Handler; onEscalate: Handler; onResolve: Handler }) {
  const live = isLive(row.status);
  return (
    <div className="trk-chain">
      <ol className="timeline trk-timeline" aria-label={`Steps for ${row.caseReference}`}>
        {row.chain.map((s, i) => (
          <li key={s.id} className={`trk-step trk-step-${s.status}`}>
            <div className="trk-step-head">
              <strong>Level {s.level} — {s.levelTitle}</strong>
              <span className={`pill trk-status-${s.status}`}>{escalationStatusLabel(s.status)}</span>
              {i === row.chain.length - 1 && row.responseOverdue ? <span className="pill pill-alert">Response overdue</span> : null}
            </div>
            <dl className="facts trk-step-facts">
              {stepLines(s).map((l) => (
                <Fragment key={l.label}>
                  <dt>{l.label}</dt>
                  <dd>{l.text}</dd>
                </Fragment>
              ))}
            </dl>
            {s.meetingId !== null ? <a className="small" href={hrefFor({ page: 'meeting', id: s.meetingId })}>Raised at a panel meeting</a> : null}
          </li>
        ))}
      </ol>
      <div className="trk-chain-actions">
        {live ? (
          <>
            {row.status === 'open' && onRespond ? <button type="button" onClick={onRespond}>Record response</button> : null}
            {!(row.canEscalate && row.nextLevelTitle) ? (
              <span className="pill trk-top">Top of the ladder</span>
            ) : onEscalate ? (
              <button type="button" onClick={onEscalate}>Escalate to {row.nextLevelTitle}</button>
            ) : null}
            {onResolve ? <button type="button" onClick={onResolve}>Resolve</button> : null}
          </>
        ) : (
          <span className="muted">{row.status === 'resolved' ? `Resolved ${formatUk(row.chain.at(-1)?.resolvedOn ?? null)}.` : 'Closed.'}</span>
        )}
      </div>
    </div>
  );
}
