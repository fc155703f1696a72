import { useState } from 'react';
import type { Officer } from '../../../../shared/api/schemas';
import type { TrackerAction } from '../../../../shared/api/trackingSchemas';
import { addDays } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useMutation } from '../../data/useMutation';
import { ACTION_WRITES } from '../../data/writes';
import { useOnOpen } from '../../components/useModal';
import { Dialog } from '../../components/Dialog';
import { findCaseByReference } from './actions';
import { activeOfficers } from './caseload';
import { usePickedCases } from './hooks';
import { CasePicker, pickedLabel } from './CasePicker';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** An officer select: active officers by name, with an optional first choice. */
export function OfficerOptions({ officers, none }: { officers: readonly Officer[]; none?: string }) {
  return (
    <>
      <option value="">{none ?? 'Choose…'}</option>
      {activeOfficers(officers).map((o) => (
        <option key={o.id} value={String(o.id)}>{o.name}{o.jobTitle ? ` — ${o.jobTitle}` : ''}</option>
      ))}
    </>
  );
}

/** "Mark done" for the ticked actions, with an optional completion note. */
export function MarkDoneDialog({ ids, open, onClose, onDone }: { ids: number[]; open: boolean; onClose: () => void; onDone: (updated: number) => void }) {
  const [note, setNote] = useState('');
  const a = useMutation({ invalidates: ACTION_WRITES });
  useOnOpen(open, () => {
    setNote('');
    a.reset();
  });
  const save = async () => {
    const r = await a.run(() => call('actions.bulk', { ids, op: 'done', note: note.trim() || null }));
    if (r) onDone(r.updated);
  };
  return (
    <Dialog title={`Mark ${plural(ids.length, 'action')} done`} open={open} onClose={onClose} onSubmit={() => void save()} submitLabel="Mark done" busy={a.busy} error={a.field === 'note' ? null : a.error}>
      <p className="muted">They are recorded as done today.</p>
      <Field label="Completion note" hint="Optional: what was done, e.g. “Home visit made; family seen.”" error={a.errorFor('note')}>
        {(f) => <textarea {...f} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </Dialog>
  );
}

/** "Reassign" the ticked actions to another (active) officer. */
export function ReassignDialog({ ids, officers, open, onClose, onDone }: { ids: number[]; officers: readonly Officer[]; open: boolean; onClose: () => void; onDone: (updated: number) => void }) {
  const [to, setTo] = useState('');
  const [missing, setMissing] = useState(false);
  const a = useMutation({ invalidates: ACTION_WRITES });
  useOnOpen(open, () => {
    setTo('');
    setMissing(false);
    a.reset();
  });
  const save = async () => {
    if (!to) {
      setMissing(true);
      return;
    }
    const r = await a.run(() => call('actions.bulk', { ids, op: 'reassign', ownerId: Number(to) }));
    if (r) onDone(r.updated);
  };
  return (
    <Dialog title={`Reassign ${plural(ids.length, 'action')}`} open={open} onClose={onClose} onSubmit={() => void save()} submitLabel="Reassign" busy={a.busy} error={a.field === 'ownerId' ? null : a.error}>
      <Field label="Reassign to" required error={missing && !to ? 'Choose the officer to take these actions.' : a.errorFor('ownerId')}>
        {(f) => (
          <select {...f} value={to} onChange={(e) => setTo(e.target.value)}>
            <OfficerOptions officers={officers} />
          </select>
        )}
      </Field>
    </Dialog>
  );
}

interface NewActionForm {
  reference: string;
  text: string;
  owner: string;
  due: string;
}

/** A new action raised between meetings: the case by its reference, the action, owner and due date. */
export function NewActionDialog({ open, officers, today, defaultOwner, onClose, onDone }: {
  open: boolean;
  officers: readonly Officer[];
  today: string;
  defaultOwner: number | null;
  onClose: () => void;
  onDone: (a: TrackerAction) => void;
}) {
  const blank = (): NewActionForm => ({ reference: '', text: '', owner: defaultOwner ? String(defaultOwner) : '', due: addDays(today, 14) });
  const [form, setForm] = useState<NewActionForm>(blank);
  const [tried, setTried] = useState(false);
  const a = useMutation({ invalidates: ACTION_WRITES });
  const register = usePickedCases(form.reference, open);
  useOnOpen(open, () => {
    setForm(blank());
    setTried(false);
    a.reset();
  });

  const lookup = register.rows ? findCaseByReference(register.rows, form.reference) : null;
  const refError = !tried ? null : register.rows === null ? null : lookup && !lookup.ok ? lookup.message : a.errorFor('caseId');
  const textError = tried && form.text.trim() === '' ? 'Say what is to be done.' : a.errorFor('text');
  const dueError = tried && form.due === '' ? 'Give the date it is due.' : tried && form.due < today ? 'The due date is in the past. Choose today or later.' : a.errorFor('dueDate');

  const save = async () => {
    setTried(true);
    if (!lookup?.ok || form.text.trim() === '' || form.due === '' || form.due < today) return;
    const r = await a.run(() => call('actions.create', { caseId: lookup.row.caseId, text: form.text.trim(), ownerId: form.owner ? Number(form.owner) : null, dueDate: form.due }));
    if (r) onDone(r);
  };
  const set = <K extends keyof NewActionForm>(k: K, v: NewActionForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const general = a.field && ['caseId', 'text', 'ownerId', 'dueDate'].includes(a.field) ? null : a.error;

  return (
    <Dialog title="New action" open={open} onClose={onClose} onSubmit={() => void save()} submitLabel="Add action" busy={a.busy || (tried && register.rows === null && !register.error)} error={register.error ?? general}>
      <Field label="Case" required hint="Type the reference (e.g. CME-2026-0042), the child's name or UPN, and choose from the list." error={refError}>
        {(f) => <CasePicker field={f} value={form.reference} onChange={(v) => set('reference', v)} matches={register.rows} more={register.more} />}
      </Field>
      {lookup?.ok ? (
        <p className="trk-found" role="status">
          Case {pickedLabel(lookup.row)} · {lookup.row.register}{lookup.row.leadOfficerName ? ` · lead officer ${lookup.row.leadOfficerName}` : ''}
        </p>
      ) : null}
      <Field label="Action" required error={textError}>
        {(f) => <textarea {...f} value={form.text} maxLength={1000} onChange={(e) => set('text', e.target.value)} />}
      </Field>
      <div className="grid-2">
        <Field label="Owner" error={a.errorFor('ownerId')}>
          {(f) => (
            <select {...f} value={form.owner} onChange={(e) => set('owner', e.target.value)}>
              <OfficerOptions officers={officers} none="Unassigned" />
            </select>
          )}
        </Field>
        <Field label="Due date" required error={dueError}>
          {(f) => <input {...f} type="date" min={today} value={form.due} onChange={(e) => set('due', e.target.value)} />}
        </Field>
      </div>
    </Dialog>
  );
}
