import { useEffect, useRef, useState } from 'react';
import type { EscalationLogRow } from '../../../../shared/api/trackingSchemas';
import { ESCALATION_REASONS, type EscalationReasonCode, type Ladder } from '../../../../shared/domain/escalation';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useMutation, type Mutation } from '../../data/useMutation';
import { ESCALATION_WRITES } from '../../data/writes';
import { useOnOpen } from '../../components/useModal';
import { Dialog } from '../../components/Dialog';
import { findCaseByReference } from './actions';
import { MASH_NOTIFICATION_HINT, MASH_NOTIFICATION_LABEL, ladderLevelOptions, personAt } from './escalations';
import { usePickedCases } from './hooks';
import { CasePicker, pickedLabel } from './CasePicker';

type Done = (row: EscalationLogRow, message: string) => void;

/** Field errors the dialog shows beside a field; anything else goes in the banner. */
const general = (a: Mutation, fields: string[]) => (a.field && fields.includes(a.field) ? null : a.error);

/** What differs between recording a response and resolving: the words, and the method called. */
interface TextDateSpec {
  title: string;
  submitLabel: string;
  textLabel: string;
  textMissing: string;
  dateLabel: string;
  dateMissing: string;
  dateFuture: string;
  /** Field names the server uses, so its errors land beside the right input. */
  fields: [text: string, date: string];
  save: (row: EscalationLogRow, text: string, date: string) => Promise<EscalationLogRow>;
  done: (r: EscalationLogRow) => string;
  showLevel: boolean;
}

/** A dialog asking for one text and the date it happened (not in the future), then saving them. */
function TextDateDialog({ spec, row, today, onClose, onDone }: { spec: TextDateSpec; row: EscalationLogRow | null; today: string; onClose: () => void; onDone: Done }) {
  const [text, setText] = useState('');
  const [date, setDate] = useState(today);
  const [tried, setTried] = useState(false);
  const a = useMutation({ invalidates: ESCALATION_WRITES });
  useEffect(() => {
    if (row) {
      setText('');
      setDate(today);
      setTried(false);
      a.reset();
    }
  }, [row, today]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = async () => {
    setTried(true);
    if (!row || text.trim() === '' || date === '' || date > today) return;
    const r = await a.run(() => spec.save(row, text.trim(), date));
    if (r) onDone(r, spec.done(r));
  };
  const last = row?.chain.at(-1);
  return (
    <Dialog title={row ? `${spec.title} — ${row.caseReference}` : spec.title} open={row !== null} onClose={onClose} onSubmit={() => void save()} submitLabel={spec.submitLabel} busy={a.busy} error={general(a, spec.fields)}>
      {row && spec.showLevel ? <p className="muted">Level {row.level} — {row.levelTitle}{last?.escalatedTo ? ` (${last.escalatedTo})` : ''}</p> : null}
      <Field label={spec.textLabel} required error={tried && text.trim() === '' ? spec.textMissing : a.errorFor(spec.fields[0])}>
        {(f) => <textarea {...f} value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field label={spec.dateLabel} required error={tried && date === '' ? spec.dateMissing : tried && date > today ? spec.dateFuture : a.errorFor(spec.fields[1])}>
        {(f) => <input {...f} type="date" max={today} value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
    </Dialog>
  );
}

const RESPOND: TextDateSpec = {
  title: 'Record response',
  submitLabel: 'Record response',
  textLabel: 'Response',
  textMissing: 'Record what they said or decided.',
  dateLabel: 'Date of response',
  dateMissing: 'Give the date of the response.',
  dateFuture: 'The date of response is in the future.',
  fields: ['response', 'respondedOn'],
  save: (row, response, respondedOn) => call('escalations.respond', { id: row.id, response, respondedOn }),
  done: (r) => `Response recorded for ${r.caseReference}.`,
  showLevel: true,
};

const RESOLVE: TextDateSpec = {
  title: 'Resolve',
  submitLabel: 'Resolve',
  textLabel: 'Outcome',
  textMissing: 'Record how it was resolved.',
  dateLabel: 'Date resolved',
  dateMissing: 'Give the date it was resolved.',
  dateFuture: 'The date resolved is in the future.',
  fields: ['outcome', 'resolvedOn'],
  save: (row, outcome, resolvedOn) => call('escalations.resolve', { id: row.id, outcome, resolvedOn }),
  done: (r) => `Escalation for ${r.caseReference} resolved.`,
  showLevel: false,
};

type RowDialogProps = { row: EscalationLogRow | null; today: string; onClose: () => void; onDone: Done };
export const RespondDialog = (p: RowDialogProps) => <TextDateDialog spec={RESPOND} {...p} />;
export const ResolveDialog = (p: RowDialogProps) => <TextDateDialog spec={RESOLVE} {...p} />;

export function EscalateDialog({ row, ladder, today, onClose, onDone }: { row: EscalationLogRow | null; ladder: Ladder | null; today: string; onClose: () => void; onDone: Done }) {
  const [to, setTo] = useState('');
  const [asked, setAsked] = useState('');
  const [due, setDue] = useState('');
  const [tried, setTried] = useState(false);
  const a = useMutation({ invalidates: ESCALATION_WRITES });
  useOnOpen(row, () => {
    if (row) setTo(personAt(ladder, row.level + 1));
    setAsked('');
    setDue('');
    setTried(false);
    a.reset();
  });
  const save = async () => {
    setTried(true);
    if (!row || asked.trim() === '' || (due !== '' && due < today)) return;
    const r = await a.run(() => call('escalations.escalate', { id: row.id, escalatedTo: to.trim() || null, asked: asked.trim(), responseDue: due || null }));
    if (r) onDone(r, `${r.caseReference} escalated to level ${r.level} — ${r.levelTitle}.`);
  };
  const title = row?.nextLevelTitle ? `Escalate to ${row.nextLevelTitle}` : 'Escalate';
  return (
    <Dialog title={title} open={row !== null} onClose={onClose} onSubmit={() => void save()} submitLabel="Escalate" busy={a.busy} error={general(a, ['escalatedTo', 'asked', 'responseDue'])}>
      {row ? (
        <p className="muted">
          {row.caseReference}: from level {row.level} ({row.levelTitle}) to level {row.level + 1}. This step is closed as escalated and a new step opens.
        </p>
      ) : null}
      <Field label="Escalated to" hint="The person's name, if known" error={a.errorFor('escalatedTo')}>
        {(f) => <input {...f} value={to} maxLength={160} onChange={(e) => setTo(e.target.value)} />}
      </Field>
      <Field label="What is asked" required error={tried && asked.trim() === '' ? 'Say what you are asking them to do or decide.' : a.errorFor('asked')}>
        {(f) => <textarea {...f} value={asked} maxLength={2000} onChange={(e) => setAsked(e.target.value)} />}
      </Field>
      <Field label="Response due" error={tried && due !== '' && due < today ? 'The response due date is in the past.' : a.errorFor('responseDue')}>
        {(f) => <input {...f} type="date" min={today} value={due} onChange={(e) => setDue(e.target.value)} />}
      </Field>
    </Dialog>
  );
}

interface NewForm {
  reference: string;
  mash: boolean;
  reason: EscalationReasonCode | '';
  level: string;
  to: string;
  asked: string;
  due: string;
  informed: string;
}

/** A new escalation chain; the MASH tick box is the "notification of concern" of 000 §5. */
export function NewEscalationDialog({ open, ladder, today, onClose, onDone }: { open: boolean; ladder: Ladder | null; today: string; onClose: () => void; onDone: Done }) {
  const blank = (): NewForm => ({ reference: '', mash: false, reason: '', level: '1', to: personAt(ladder, 1), asked: '', due: '', informed: '' });
  const [form, setForm] = useState<NewForm>(blank);
  const [tried, setTried] = useState(false);
  const a = useMutation({ invalidates: ESCALATION_WRITES });
  const register = usePickedCases(form.reference, open);
  const informedRef = useRef<HTMLTextAreaElement>(null);
  useOnOpen(open, () => {
    setForm(blank());
    setTried(false);
    a.reset();
  });

  const set = <K extends keyof NewForm>(k: K, v: NewForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const lookup = register.rows ? findCaseByReference(register.rows, form.reference, { allowClosed: true }) : null;
  const errors = {
    reference: !tried || register.rows === null ? null : lookup && !lookup.ok ? lookup.message : a.errorFor('caseId'),
    reason: tried && form.reason === '' ? 'Choose the reason for the escalation.' : a.errorFor('reason'),
    due: tried && form.due !== '' && form.due < today ? 'The response due date is in the past.' : a.errorFor('responseDue'),
    informed: tried && form.mash && form.informed.trim() === '' ? 'Say who was informed (MASH education officer, senior manager).' : a.errorFor('peopleInformed'),
  };

  const setMash = (on: boolean) => {
    setForm((f) => ({ ...f, mash: on, reason: on ? 'safeguarding' : f.reason }));
    if (on) window.setTimeout(() => informedRef.current?.focus(), 0);
  };
  const setLevel = (v: string) => setForm((f) => ({ ...f, level: v, to: f.to === '' || f.to === personAt(ladder, Number(f.level)) ? personAt(ladder, Number(v)) : f.to }));

  const save = async () => {
    setTried(true);
    if (!lookup?.ok || form.reason === '' || errors.due || (form.mash && form.informed.trim() === '')) return;
    const r = await a.run(() =>
      call('escalations.create', {
        caseId: lookup.row.caseId,
        reason: form.reason as EscalationReasonCode,
        level: Number(form.level) || 1,
        escalatedTo: form.to.trim() || null,
        asked: form.asked.trim() || null,
        responseDue: form.due || null,
        peopleInformed: form.informed.trim() || null,
      }),
    );
    if (r) onDone(r, `Escalation raised for ${r.caseReference} at level ${r.level} — ${r.levelTitle}.`);
  };

  return (
    <Dialog
      title="New escalation"
      open={open}
      wide
      onClose={onClose}
      onSubmit={() => void save()}
      submitLabel="Raise escalation"
      busy={a.busy || (tried && register.rows === null && !register.error)}
      error={register.error ?? general(a, ['caseId', 'reason', 'level', 'escalatedTo', 'asked', 'responseDue', 'peopleInformed'])}
    >
      <Field label="Case" required hint="Type the reference (e.g. CME-2026-0042), the child's name or UPN, and choose from the list." error={errors.reference}>
        {(f) => <CasePicker field={f} value={form.reference} onChange={(v) => set('reference', v)} matches={register.rows} more={register.more} />}
      </Field>
      {lookup?.ok ? <p className="trk-found" role="status">Case {pickedLabel(lookup.row)} · {lookup.row.register}</p> : null}
      <label className="inline-check trk-mash">
        <input type="checkbox" checked={form.mash} onChange={(e) => setMash(e.target.checked)} /> {MASH_NOTIFICATION_LABEL}
      </label>
      {form.mash ? <div className="banner banner-warn" role="note">{MASH_NOTIFICATION_HINT}</div> : null}
      {ladder ? <p className="muted small">Levels follow the {ladder.name} ladder (change it on the Ladder tab).</p> : null}
      <div className="grid-2">
        <Field label="Escalation reason" required error={errors.reason}>
          {(f) => (
            <select {...f} value={form.reason} onChange={(e) => set('reason', e.target.value as EscalationReasonCode | '')}>
              <option value="">Choose…</option>
              {ESCALATION_REASONS.map((r) => (
                <option key={r.code} value={r.code}>{r.label}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Level" required error={a.errorFor('level')}>
          {(f) => (
            <select {...f} value={form.level} onChange={(e) => setLevel(e.target.value)}>
              {ladderLevelOptions(ladder).map((o) => (
                <option key={o.code} value={o.code}>{o.label}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Escalated to" hint="The person's name, if known" error={a.errorFor('escalatedTo')}>
        {(f) => <input {...f} value={form.to} maxLength={160} onChange={(e) => set('to', e.target.value)} />}
      </Field>
      <Field label="What is asked" error={a.errorFor('asked')}>
        {(f) => <textarea {...f} value={form.asked} maxLength={2000} onChange={(e) => set('asked', e.target.value)} />}
      </Field>
      <div className="grid-2">
        <Field label="Response due" hint="Optional" error={errors.due}>
          {(f) => <input {...f} type="date" min={today} value={form.due} onChange={(e) => set('due', e.target.value)} />}
        </Field>
        <Field label="People informed" required={form.mash} hint={form.mash ? 'Required for a notification of concern' : 'Optional'} error={errors.informed}>
          {(f) => <textarea {...f} ref={informedRef} rows={2} value={form.informed} maxLength={1000} onChange={(e) => set('informed', e.target.value)} />}
        </Field>
      </div>
    </Dialog>
  );
}
