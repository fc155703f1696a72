import type { CaseDetail } from '../../../../shared/api/schemas';
import { CASE_STATUS_LABELS, REGISTER_LABELS, CLOSURE_REASONS, labelOf, FLAG_CODES } from './vocab';
import { RagBadge } from '../../components/RagBadge';
import { FlagList } from '../../components/FlagList';
import { useCan } from '../../data/session';
import { formatUk, plural } from '../../lib/format';
import { hrefFor } from '../../lib/router';

export function CaseHeader({ detail, onAction, onProposeClosure }: { detail: CaseDetail; onAction: (a: 'rag' | 'lead' | 'status' | 'close' | 'reopen' | 'archive') => void; onProposeClosure: (proposed: boolean) => void }) {
  const can = useCan();
  const { case: k, child, clocks } = detail;
  const closed = k.status === 'closed';
  const flags = FLAG_CODES.filter((f) => child.flags[f]);
  return (
    <section className="case-head" aria-label="Case summary">
      <div>
        <div className="ref">{k.reference} · {REGISTER_LABELS[k.register]}</div>
        <h1>
          {child.forenames} {child.surname}
          {child.knownAs ? <span className="muted"> (known as {child.knownAs})</span> : null}
        </h1>
        <div className="meta">
          <span>Born {formatUk(child.dateOfBirth)}</span>
          <span>Age {clocks.ageYears} · {clocks.yearGroupLabel}</span>
          <span>Status: <strong>{CASE_STATUS_LABELS[k.status]}</strong>{closed && k.closureReason ? ` — ${labelOf(CLOSURE_REASONS, k.closureReason)}${k.closureDetail ? ` (${k.closureDetail})` : ''} on ${formatUk(k.closedOn)}` : ''}</span>
          <span>Lead officer: <strong>{k.leadOfficerName ?? 'Unallocated'}</strong></span>
        </div>
        <div className="meta" style={{ marginTop: '0.5rem' }}>
          <span>RAG: <RagBadge rag={k.rag} />{k.ragReason ? <span className="muted"> {k.ragReason}</span> : null}</span>
        </div>
        <div style={{ marginTop: '0.5rem' }}><FlagList flags={flags} /></div>
        <div className="clocks" style={{ marginTop: '0.6rem' }} aria-label="Clocks">
          <span className="pill">{plural(clocks.daysOpen, 'day')} {closed ? 'open (closed)' : 'open'}</span>
          {k.register === 'CME' && !closed ? (
            clocks.dueForPanel
              ? <span className="pill pill-alert">Due for panel (not located since {formatUk(clocks.dueForPanelOn)})</span>
              : k.dateLocated
                ? <span className="pill pill-ok">Located {formatUk(k.dateLocated)}</span>
                : <span className="pill">Due for panel on {formatUk(clocks.dueForPanelOn)} if not located</span>
          ) : null}
          {k.archived ? <span className="pill">Archived (dormant){k.archiveDirector ? ` — decided by ${k.archiveDirector} on ${formatUk(k.archiveDecidedOn)}` : ''}</span> : null}
          {clocks.longTerm ? <span className="pill pill-warn">Long-term (open since {formatUk(k.dateNotified)}, 6 months on {formatUk(clocks.longTermFrom)})</span> : null}
          {clocks.endOfCsaReached ? <span className="pill pill-warn">End of compulsory school age reached ({formatUk(clocks.csaEnds)}) — list for closure</span> : null}
          {clocks.concerns.length > 0 ? <span className="pill pill-alert">{plural(clocks.concerns.length, 'criterion', 'criteria')} of concern</span> : null}
          {k.closureProposed && !closed ? <span className="pill pill-warn">Closure proposed for the next panel</span> : null}
          {detail.alerts.length > 0 ? <span className="pill pill-alert">{plural(detail.alerts.length, 'clock')} run out</span> : null}
        </div>
      </div>
      <div className="actions-row">
        {!can('cases.setRag') ? null : closed ? (
          <button onClick={() => onAction('reopen')}>Reopen case</button>
        ) : (
          <>
            <button onClick={() => onAction('rag')}>Set RAG</button>
            <button onClick={() => onAction('lead')}>Lead officer</button>
            <button onClick={() => onAction('status')}>Change status</button>
            {detail.closures.some((c) => c.status === 'pending') ? null : <button onClick={() => onProposeClosure(!k.closureProposed)}>{k.closureProposed ? 'Take off panel closures' : 'List for panel closure'}</button>}
            <button className="danger" onClick={() => onAction('close')}>Close case…</button>
            {k.register === 'CME' && clocks.longTerm ? (
              // Long-term CME cases go to the Commissioning Director on the archiving form (seed 001 §6.2, App. 4).
              <a className="button" href={hrefFor({ page: 'print', doc: 'archiving', id: k.id, variant: 'full' })}>Archiving form</a>
            ) : null}
            {k.register === 'CME' && clocks.longTerm && !k.archived && can('cases.archive') ? <button onClick={() => onAction('archive')}>Archiving decision…</button> : null}
          </>
        )}
      </div>
    </section>
  );
}
