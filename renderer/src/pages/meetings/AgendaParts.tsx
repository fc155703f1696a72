import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/api/meetingSchemas';
import { type AgendaSection } from '../../../../shared/domain/agenda';
import { call } from '../../api/client';
import { hrefFor } from '../../lib/router';
import { formatUk, plural } from '../../lib/format';
import { Field } from '../../components/Field';
import { RagBadge } from '../../components/RagBadge';
import { useMutation } from '../../data/useMutation';
import { SECTION_OPTIONS } from './sectionOptions';

/** Eligible cases over the panel's capacity, most pressing first: one click (or Enter) brings one in. */
export function AlsoEligible({ detail, editable, busy, onBringIn }: { detail: MeetingDetail; editable: boolean; busy: boolean; onBringIn: (caseIds: number[]) => void }) {
  const [open, setOpen] = useState(true);
  const [shown, setShown] = useState(25);
  const list = detail.alsoEligible.slice(0, shown);
  const mandatory = detail.alsoEligible.filter((e) => e.mandatory).length;
  const total = detail.alsoEligibleCount;
  return (
    <section className="also-eligible" aria-labelledby="eligible-heading">
      <h3 id="eligible-heading" className="section-heading">
        <button type="button" className="link-btn" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} Also eligible <span className="count-badge">{total}</span>
        </button>
      </h3>
      <p className="muted small">
        Due by the register’s rules but over this panel’s {detail.capacity} cases, most pressing first. {mandatory > 0 ? `${plural(mandatory, 'of the first', 'of the first')} ${detail.alsoEligible.length} ${mandatory === 1 ? 'is' : 'are'} on a rule the panel must follow (e.g. red): bring them in or plan an extra meeting.` : ''}
      </p>
      {open ? (
        <ol className="agenda-list eligible-list">
          {list.map((e) => (
            <li key={e.caseId} className="agenda-row case-row">
              <span className="agenda-num" aria-hidden="true">#{e.rank}</span>
              <div className="agenda-body">
                <div className="agenda-line">
                  <a className="ref" href={hrefFor({ page: 'case', id: e.caseId, tab: null })}>{e.reference}</a>
                  <span className="child-name">{e.caseName}</span>
                  <RagBadge rag={e.rag} />
                  {e.mandatory ? <span className="pill pill-alert">Must discuss</span> : null}
                </div>
                <ul className="reasons" aria-label={`Why ${e.reference} is eligible`}>
                  {e.reasons.map((r) => <li key={r.code + r.text}>{r.text}</li>)}
                </ul>
              </div>
              {editable ? (
                <div className="agenda-controls">
                  <button type="button" className="small-btn" aria-label={`Bring in ${e.reference}`} disabled={busy} onClick={() => onBringIn([e.caseId])}>Bring in</button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {open && shown < detail.alsoEligible.length ? (
        <button type="button" className="small-btn" onClick={() => setShown(shown + 25)}>Show {Math.min(25, detail.alsoEligible.length - shown)} more</button>
      ) : null}
      {open && shown >= detail.alsoEligible.length && total > detail.alsoEligible.length ? (
        <p className="muted small">The first {detail.alsoEligible.length} of {total} are listed; add any other case by its reference.</p>
      ) : null}
    </section>
  );
}

export function AddCaseForm({ meetingId, register, onSaved }: { meetingId: number; register: string; onSaved: (d: MeetingDetail) => void }) {
  const [reference, setReference] = useState('');
  const [section, setSection] = useState<AgendaSection>('case_reviews');
  const a = useMutation();
  const add = async () => {
    const d = await a.run(() => call('agenda.addCase', { meetingId, reference: reference.trim(), section }));
    if (d) {
      onSaved(d);
      setReference('');
    }
  };
  return (
    <form className="card" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-labelledby="add-case-heading">
      <h2 id="add-case-heading">Add a case</h2>
      <Field label="Case reference" required error={a.field === 'section' ? null : a.error} hint={`As on the register, e.g. ${register}-2026-0012.`}>
        {(f) => <input {...f} value={reference} onChange={(e) => setReference(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field label="Section" error={a.errorFor('section')}>
        {(f) => (
          <select {...f} value={section} onChange={(e) => setSection(e.target.value as AgendaSection)}>
            {SECTION_OPTIONS.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
          </select>
        )}
      </Field>
      <div className="dialog-buttons">
        <button type="submit" disabled={a.busy || !reference.trim()}>Add to agenda</button>
      </div>
    </form>
  );
}

export function MattersArising({ detail }: { detail: MeetingDetail }) {
  const prev = detail.previousMeeting;
  return (
    <section className="card matters" aria-labelledby="matters-heading">
      <h2 id="matters-heading">Matters arising</h2>
      <p className="muted small">
        {prev ? 'Every action still open from earlier meetings of this panel (new, carried forward or overdue), until it is reviewed.' : 'No earlier meeting of this panel.'}
      </p>
      {detail.mattersArising.length === 0 ? (
        prev ? <p className="muted">No open actions.</p> : null
      ) : (
        <ul className="matters-list">
          {detail.mattersArising.map((a) => (
            <li key={a.id}>
              <div className="agenda-line">
                {a.caseReference ? (a.caseId !== null ? <a className="ref" href={hrefFor({ page: 'case', id: a.caseId, tab: null })}>{a.caseReference}</a> : <span className="ref">{a.caseReference}</span>) : <span className="muted">General</span>}
                {a.carriedCount > 0 ? <span className="pill pill-warn">Carried {a.carriedCount}×</span> : null}
              </div>
              <div>{a.text}</div>
              <div className="muted small">{a.ownerName ?? 'No owner'} · raised {formatUk(a.raisedOn)} · due {formatUk(a.dueDate)}{a.reviewedHere ? ` · reviewed here: ${a.reviewedHere === 'done' ? 'done' : a.reviewedHere === 'dropped' ? 'no longer needed' : 'carried forward'}` : ''}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
