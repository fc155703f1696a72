import { useState } from 'react';
import type { CaseDetail, Officer } from '../../../../shared/api/schemas';
import { closureReasonsFor, isSafeguardingCase } from '../../../../shared/domain/closure';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field, Select } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { CLOSURE_REASONS, entryOf, type ClosureReason } from './vocab';
import { useSignedInUser } from '../../data/session';
import { useMutation } from '../../data/useMutation';

interface Props {
  detail: CaseDetail;
  officers: Officer[];
  today: string;
  onClose: () => void;
  onSaved: (d: CaseDetail) => void;
}

/** Close case: the officer proposes with reason and evidence; the rules decide if a manager must authorise. */
export function ProposeClosureDialog({ detail, officers, today, onClose, onSaved }: Props) {
  const k = detail.case;
  const [reason, setReason] = useState<ClosureReason | ''>(detail.clocks.endOfCsaReached ? 'end_of_csa' : '');
  const [proposedById, setProposedById] = useState(k.leadOfficerId ? String(k.leadOfficerId) : '');
  const [closedOn, setClosedOn] = useState(today);
  const [f, setF] = useState<Record<string, string>>({});
  const a = useMutation();
  const set = (key: string) => (v: string) => setF((x) => ({ ...x, [key]: v }));
  const entry = entryOf(CLOSURE_REASONS, reason);
  const safeguarding = isSafeguardingCase(detail.child.flags);
  const active = officers.filter((o) => o.active);
  const save = async () => {
    if (!reason || !proposedById) return;
    const v = (key: string) => (f[key] ?? '').trim() || null;
    const d = await a.run(() =>
      call('closures.propose', {
        id: k.id, reason, closedOn, proposedById: Number(proposedById), evidence: f.evidence ?? '', detail: v('detail'),
        s2sUploadedOn: v('s2sUploadedOn'), reasonableStepsLetterOn: v('reasonableStepsLetterOn'), socialCareReferral: v('socialCareReferral'),
        safeguardingConclusion: v('safeguardingConclusion'), otherLa: v('otherLa'), otherLaContact: v('otherLaContact'),
        otherLaReferredOn: v('otherLaReferredOn'), otherLaAcceptedOn: v('otherLaAcceptedOn'), overseasCountry: v('overseasCountry'), overseasVerifiedHow: v('overseasVerifiedHow'),
      }),
    );
    if (d) onSaved(d);
  };
  const text = (key: string, label: string, opts: { hint?: string; required?: boolean; long?: boolean } = {}) => (
    <Field label={label} required={opts.required} hint={opts.hint} error={a.errorFor(key)}>
      {(p) => (opts.long
        ? <textarea {...p} value={f[key] ?? ''} onChange={(e) => set(key)(e.target.value)} />
        : <input {...p} value={f[key] ?? ''} onChange={(e) => set(key)(e.target.value)} />)}
    </Field>
  );
  const date = (key: string, label: string, required = false, hint?: string) => (
    <Field label={label} required={required} hint={hint} error={a.errorFor(key)}>
      {(p) => <input {...p} type="date" max={today} value={f[key] ?? ''} onChange={(e) => set(key)(e.target.value)} />}
    </Field>
  );
  return (
    <Dialog title={`Close case ${k.reference}`} open onClose={onClose} onSubmit={() => void save()} submitLabel="Propose closure" busy={a.busy || !reason || !proposedById}>
      <p className="muted small">
        The case closes when the rules are met. A child not found, a move overseas, “Other”, and any safeguarding case need a manager
        (not the proposer) to authorise; until then the case stays open and on the agenda.
      </p>
      <ErrorBanner message={a.field ? null : a.error} />
      <Field label="Closure reason" required error={a.errorFor('reason')}>
        {(p) => <Select {...p} value={reason} onChange={setReason} options={closureReasonsFor(k.register, CLOSURE_REASONS)} />}
      </Field>
      <Field label="Proposed by" required error={a.errorFor('proposedById')} hint="The officer proposing the closure (usually the lead officer).">
        {(p) => (
          <select {...p} value={proposedById} onChange={(e) => setProposedById(e.target.value)}>
            <option value="">Choose…</option>
            {active.map((o) => <option key={o.id} value={o.id}>{o.name}{o.jobTitle ? ` — ${o.jobTitle}` : ''}</option>)}
          </select>
        )}
      </Field>
      {entry?.detailLabel && reason !== 'moved_other_la' && reason !== 'moved_overseas' ? text('detail', entry.detailLabel, { required: entry.detailRequired }) : null}
      {reason === 'moved_other_la' ? (
        <fieldset>
          <legend>Receiving local authority</legend>
          {text('otherLa', 'Receiving local authority', { required: true })}
          {text('otherLaContact', 'Contact at the receiving authority', { required: true, hint: 'CME officer’s name, e-mail or phone.' })}
          {date('otherLaReferredOn', 'Date referred', true)}
          {date('otherLaAcceptedOn', 'Date accepted', false, 'Leave empty until they accept: the case stays open with a chase date.')}
        </fieldset>
      ) : null}
      {reason === 'moved_overseas' ? (
        <fieldset>
          <legend>Move overseas</legend>
          {text('overseasCountry', 'Destination country', { required: true })}
          {text('overseasVerifiedHow', 'How the move was verified', { required: true, long: true, hint: 'e.g. Home Office travel record, school abroad confirmed enrolment.' })}
        </fieldset>
      ) : null}
      {reason === 'unresolved_lost' ? (
        <fieldset>
          <legend>Before closing a child not found</legend>
          {date('s2sUploadedOn', 'Date entered on the S2S lost pupil database', true)}
          {date('reasonableStepsLetterOn', 'Date the reasonable-steps letter was sent to the last school', true)}
          {text('socialCareReferral', "Children's social care referral", { required: true, long: true, hint: 'The referral made, or why one was considered and not made.' })}
          <p className="muted small">The checks log must also hold Housing, Council Tax, Health, Police, Benefits and S2S checks.</p>
        </fieldset>
      ) : null}
      {safeguarding && reason ? text('safeguardingConclusion', "Conclusion from children's social care or the police", {
        long: true, hint: 'Safeguarding case: it closes only after they conclude. Required unless the child is confirmed in education.',
      }) : null}
      {text('evidence', 'Evidence', { required: true, long: true, hint: 'What shows this outcome: who confirmed it and when.' })}
      <Field label="Date closed" required error={a.errorFor('closedOn')}>
        {(p) => <input {...p} type="date" value={closedOn} max={today} onChange={(e) => setClosedOn(e.target.value)} />}
      </Field>
      {a.errorFor('checks') ? <p className="banner banner-warn" role="alert">{a.errorFor('checks')}</p> : null}
    </Dialog>
  );
}

/** The signed-in manager authorises (or declines) the pending closure; the host checks they are not the proposer. */
export function DecideClosureDialog({ detail, onClose, onSaved, decision }: Props & { decision: 'authorise' | 'decline' }) {
  const pending = detail.closures.find((c) => c.status === 'pending');
  const me = useSignedInUser();
  const [note, setNote] = useState('');
  const a = useMutation();
  if (!pending) return null;
  const save = async () => {
    const d = await a.run(() =>
      decision === 'authorise'
        ? call('closures.authorise', { id: detail.case.id, note: note || null })
        : call('closures.decline', { id: detail.case.id, reason: note }),
    );
    if (d) onSaved(d);
  };
  const authorise = decision === 'authorise';
  return (
    <Dialog
      title={authorise ? `Authorise closure of ${detail.case.reference}` : `Decline closure of ${detail.case.reference}`}
      open onClose={onClose} onSubmit={() => void save()}
      submitLabel={authorise ? 'Authorise closure' : 'Decline closure'}
      busy={a.busy || (!authorise && !note.trim())}
    >
      <ErrorBanner message={a.field && a.field !== 'authorisedById' && a.field !== 'decidedById' ? null : a.error} />
      <p className="small">Proposed by <strong>{pending.proposedByName}</strong> on {pending.proposedOn.split('-').reverse().join('/')}: {pending.evidence}</p>
      <p className="small">{authorise ? 'Authorised' : 'Declined'} by <strong>{me?.name ?? 'you'}</strong> (manager). A manager can’t decide a closure they proposed.</p>
      <Field label={authorise ? 'Note' : 'Reason for declining'} required={!authorise} error={a.errorFor(authorise ? 'note' : 'reason')}>
        {(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </Dialog>
  );
}
