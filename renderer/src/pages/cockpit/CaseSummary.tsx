import type { ItemDetail } from '../../../../shared/api/meetingSchemas';
import { OUTCOMES } from '../../../../shared/api/meetingSchemas';
import { CASE_STATUS_LABELS, CHECK_AGENCIES, REGISTER_LABELS, labelOf } from '../../../../shared/domain/vocab';
import { formatUk, plural } from '../../lib/format';
import { RagBadge } from '../../components/RagBadge';
import { FlagList } from '../../components/FlagList';

/** How many of the latest checks to list. */
const CHECKS_SHOWN = 4;

/** The case behind a case item, for the minute-taker (names shown: this screen is not projected). */
export function CaseSummary({ detail }: { detail: ItemDetail }) {
  const k = detail.case!;
  const item = detail.item;
  return (
    <section className="ck-card ck-summary" aria-label="Case summary">
      <div className="ck-ref">
        {k.reference} · {REGISTER_LABELS[k.register]} · <span className={k.status === 'closed' ? 'pill pill-ok' : 'pill'}>{CASE_STATUS_LABELS[k.status]}</span>
      </div>
      <h1 className="ck-name">{k.forenames} {k.surname}</h1>
      <div className="ck-meta">
        <span>Age {k.ageYears} · {k.yearGroupLabel}</span>
        <span>RAG <RagBadge rag={k.rag} />{k.ragReason ? <span className="muted"> {k.ragReason}</span> : null}</span>
        <span>Lead officer: <strong>{k.leadOfficerName ?? 'Unallocated'}</strong></span>
      </div>
      <div className="ck-row"><FlagList flags={k.flags} /></div>
      <div className="clocks ck-row" aria-label="Clocks">
        <span className="pill">{plural(k.daysOpen, 'day')} open</span>
        {k.dueForPanel ? <span className="pill pill-alert">Due for panel (not located within 4 weeks)</span> : null}
        {k.longTerm ? <span className="pill pill-warn">Long-term (open 6 months or more)</span> : null}
        {k.endOfCsaReached ? <span className="pill pill-warn">End of compulsory school age reached</span> : null}
      </div>
      {item.reasons.length > 0 ? (
        <div className="ck-block">
          <h3>On the agenda because</h3>
          <ul className="ck-reasons">
            {item.reasons.map((r) => <li key={r.code + r.text}>{r.text}</li>)}
          </ul>
        </div>
      ) : null}
      {k.concerns.length > 0 ? (
        <div className="ck-block">
          <h3>Criteria of concern</h3>
          <ul className="ck-reasons ck-concerns">
            {k.concerns.map((c) => (
              <li key={c.code}><strong>{c.label}</strong>{c.reason ? ` — ${c.reason}` : ''}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="ck-block">
        <h3>Checks so far <span className="count">{k.checksCount}</span></h3>
        {k.lastChecks.length === 0 ? (
          <p className="muted small">No checks recorded.</p>
        ) : (
          <table className="ck-checks">
            <tbody>
              {k.lastChecks.slice(0, CHECKS_SHOWN).map((c, i) => (
                <tr key={i}>
                  <td className="ck-nowrap">{formatUk(c.checkedOn)}</td>
                  <td className="ck-nowrap">{labelOf(CHECK_AGENCIES, c.agency)}</td>
                  <td>{c.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="ck-block">
        <h3>Last panel{k.lastMinute ? ` (${formatUk(k.lastMinute.meetingDate)})` : ''}</h3>
        {k.lastMinute ? (
          <dl className="facts ck-minute">
            {k.lastMinute.outcome ? <><dt>Outcome</dt><dd>{labelOf(OUTCOMES, k.lastMinute.outcome)}</dd></> : null}
            {k.lastMinute.discussion ? <><dt>Discussion</dt><dd className="ck-pre">{k.lastMinute.discussion}</dd></> : null}
            {k.lastMinute.decisions ? <><dt>Decisions</dt><dd className="ck-pre">{k.lastMinute.decisions}</dd></> : null}
            {k.lastMinute.actionsAgreed.length > 0 ? (
              <>
                <dt>Actions agreed</dt>
                <dd>
                  <ul className="ck-last-actions">{k.lastMinute.actionsAgreed.map((text, i) => <li key={i}>{text}</li>)}</ul>
                </dd>
              </>
            ) : null}
            {!k.lastMinute.outcome && !k.lastMinute.discussion && !k.lastMinute.decisions && k.lastMinute.actionsAgreed.length === 0 ? <><dt>Minute</dt><dd className="muted">Nothing recorded.</dd></> : null}
          </dl>
        ) : (
          <p className="muted small">Not discussed at this panel before.</p>
        )}
      </div>
    </section>
  );
}
