import { useState } from 'react';
import type { CaseDetail, Officer } from '../../../../shared/api/schemas';
import type { CaseTracking } from '../../../../shared/api/trackingSchemas';
import { RagBadge } from '../../components/RagBadge';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field, Select } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { RAGS, CASE_STATUSES, TEAMS, type Rag } from './vocab';
import { ProposeClosureDialog, DecideClosureDialog } from './ClosureDialogs';
import { useMutation } from '../../data/useMutation';

export type CaseAction = 'rag' | 'lead' | 'status' | 'close' | 'reopen' | 'authorise' | 'decline' | 'unfound_review' | 'archive';

interface Props {
  detail: CaseDetail;
  officers: Officer[];
  today: string;
  open: CaseAction | null;
  onClose: () => void;
  onSaved: (d: CaseDetail) => void;
  suggestedRag: CaseTracking['suggestedRag'] | null;
}

export function CaseDialogs(p: Props) {
  return (
    <>
      {p.open === 'rag' && <RagDialog {...p} />}
      {p.open === 'lead' && <LeadDialog {...p} />}
      {p.open === 'status' && <StatusDialog {...p} />}
      {p.open === 'close' && <ProposeClosureDialog {...p} />}
      {p.open === 'authorise' && <DecideClosureDialog {...p} decision="authorise" />}
      {p.open === 'decline' && <DecideClosureDialog {...p} decision="decline" />}
      {p.open === 'unfound_review' && <UnfoundReviewDialog {...p} />}
      {p.open === 'archive' && <ArchiveDialog {...p} />}
      {p.open === 'reopen' && <ReopenDialog {...p} />}
    </>
  );
}

function RagDialog({ detail, onClose, onSaved, suggestedRag }: Props) {
  const [rag, setRag] = useState<Rag | ''>(detail.case.rag ?? '');
  const [reason, setReason] = useState('');
  const a = useMutation();
  const save = async () => {
    if (!rag) return;
    const d = await a.run(() => call('cases.setRag', { id: detail.case.id, rag, reason }));
    if (d) onSaved(d);
  };
  return (
    <Dialog title="Set RAG rating" open onClose={onClose} onSubmit={() => void save()} submitLabel="Save RAG" busy={a.busy || !rag}>
      <ErrorBanner message={a.field ? null : a.error} />
      <Field label="RAG rating" required error={a.errorFor('rag')}>
        {(f) => <Select {...f} value={rag} onChange={setRag} options={RAGS} />}
      </Field>
      {suggestedRag ? (
        <div className="banner banner-info small">
          Suggested by the rules: <RagBadge rag={suggestedRag.rag} /> — {suggestedRag.reasons.map((r) => r.text).join('; ')}
          {rag && rag !== suggestedRag.rag ? <div><strong>Your rating differs from the suggestion: say why below.</strong></div> : null}
        </div>
      ) : null}
      <Field label="Reason for rating" required hint="The circumstances and barriers to a quick return to full-time education." error={a.errorFor('reason')}>
        {(f) => <textarea {...f} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </Dialog>
  );
}

function LeadDialog({ detail, officers, onClose, onSaved }: Props) {
  const [officerId, setOfficerId] = useState(detail.case.leadOfficerId ? String(detail.case.leadOfficerId) : '');
  const [reason, setReason] = useState('');
  const a = useMutation();
  const active = officers.filter((o) => o.active);
  const save = async () => {
    const d = await a.run(() => call('cases.setLeadOfficer', { id: detail.case.id, officerId: officerId ? Number(officerId) : null, reason: reason || null }));
    if (d) onSaved(d);
  };
  return (
    <Dialog title="Change lead officer" open onClose={onClose} onSubmit={() => void save()} submitLabel="Save lead officer" busy={a.busy}>
      <ErrorBanner message={a.field ? null : a.error} />
      <Field label="Lead officer" error={a.errorFor('officerId')} hint="Active officers only. Choose “Unallocated” to remove the lead officer.">
        {(f) => (
          <select {...f} value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
            <option value="">Unallocated</option>
            {TEAMS.map((t) => {
              const inTeam = active.filter((o) => o.team === t.code);
              return inTeam.length ? (
                <optgroup key={t.code} label={t.label}>
                  {inTeam.map((o) => <option key={o.id} value={o.id}>{o.name}{o.jobTitle ? ` — ${o.jobTitle}` : ''} ({o.openCases} open)</option>)}
                </optgroup>
              ) : null;
            })}
          </select>
        )}
      </Field>
      <Field label="Reason for change" hint="Optional; kept in the case notes." error={a.errorFor('reason')}>
        {(f) => <textarea {...f} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </Dialog>
  );
}

function StatusDialog({ detail, onClose, onSaved }: Props) {
  const [status, setStatus] = useState<'referred' | 'checks' | 'at_panel'>(detail.case.status === 'closed' ? 'checks' : detail.case.status);
  const a = useMutation();
  const save = async () => {
    const d = await a.run(() => call('cases.setStatus', { id: detail.case.id, status }));
    if (d) onSaved(d);
  };
  return (
    <Dialog title="Change status" open onClose={onClose} onSubmit={() => void save()} submitLabel="Save status" busy={a.busy}>
      <ErrorBanner message={a.error} />
      <Field label="Status" hint="To close the case use Close case, which asks for the reason.">
        {(f) => (
          <select {...f} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {CASE_STATUSES.filter((s) => s.code !== 'closed').map((s) => <option key={s.code} value={s.code}>{s.label}</option>)}
          </select>
        )}
      </Field>
    </Dialog>
  );
}

/** The named Director's archiving decision on a long-term CME case (001 §6.2): it stays open, dormant. */
function ArchiveDialog({ detail, today, onClose, onSaved }: Props) {
  const [formCompletedOn, setFormCompletedOn] = useState('');
  const [director, setDirector] = useState('');
  const [decidedOn, setDecidedOn] = useState(today);
  const a = useMutation();
  const save = async () => {
    const d = await a.run(() => call('cases.archive', { id: detail.case.id, formCompletedOn: formCompletedOn || null, director: director || null, decidedOn }));
    if (d) onSaved(d);
  };
  return (
    <Dialog title={`Archive ${detail.case.reference} (long-term CME)`} open onClose={onClose} onSubmit={() => void save()} submitLabel="Record archiving decision" busy={a.busy}>
      <p className="muted small">The Commissioning Director, Education decides, after the panel presents the case with the archiving form. The case stays open but dormant.</p>
      <ErrorBanner message={a.field ? null : a.error} />
      <Field label="Date the archiving form was completed" required error={a.errorFor('formCompletedOn')}>
        {(f) => <input {...f} type="date" max={today} value={formCompletedOn} onChange={(e) => setFormCompletedOn(e.target.value)} />}
      </Field>
      <Field label="Director who decided" required hint="Name and role, e.g. Commissioning Director, Education." error={a.errorFor('director')}>
        {(f) => <input {...f} value={director} onChange={(e) => setDirector(e.target.value)} />}
      </Field>
      <Field label="Date of the decision" required error={a.errorFor('decidedOn')}>
        {(f) => <input {...f} type="date" max={today} value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />}
      </Field>
    </Dialog>
  );
}

function UnfoundReviewDialog({ detail, onClose, onSaved }: Props) {
  const [outcome, setOutcome] = useState('');
  const a = useMutation();
  const save = async () => {
    const d = await a.run(() => call('closures.recordUnfoundReview', { id: detail.case.id, outcome }));
    if (d) onSaved(d);
  };
  return (
    <Dialog title={`Review unfound case ${detail.case.reference}`} open onClose={onClose} onSubmit={() => void save()} submitLabel="Record review" busy={a.busy || !outcome.trim()}>
      <ErrorBanner message={a.field ? null : a.error} />
      <Field label="What was checked and found" required error={a.errorFor('outcome')} hint="If the child has been found, reopen the case instead.">
        {(f) => <textarea {...f} value={outcome} onChange={(e) => setOutcome(e.target.value)} />}
      </Field>
    </Dialog>
  );
}

function ReopenDialog({ detail, onClose, onSaved }: Props) {
  const [reason, setReason] = useState('');
  const a = useMutation();
  const save = async () => {
    const d = await a.run(() => call('cases.reopen', { id: detail.case.id, reason }));
    if (d) onSaved(d);
  };
  return (
    <Dialog title={`Reopen case ${detail.case.reference}`} open onClose={onClose} onSubmit={() => void save()} submitLabel="Reopen case" busy={a.busy}>
      <ErrorBanner message={a.field ? null : a.error} />
      <Field label="Reason for reopening" required error={a.errorFor('reason')}>
        {(f) => <textarea {...f} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </Dialog>
  );
}
