import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/api/meetingSchemas';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';

const FIELDS = [
  { code: 'decisions', label: 'Decisions' },
  { code: 'discussion', label: 'Discussion' },
  { code: 'outcomeDetail', label: 'Outcome detail' },
] as const;
type FieldCode = (typeof FIELDS)[number]['code'];

/** Approved minutes are locked: a correction is an amendment, kept with who, when and why. */
export function AmendForm({ detail, onSaved }: { detail: MeetingDetail; onSaved: (d: MeetingDetail) => void }) {
  const items = detail.items.filter((i) => !i.removed);
  const [itemId, setItemId] = useState(items[0] ? String(items[0].id) : '');
  const [field, setField] = useState<FieldCode>('decisions');
  const current = items.find((i) => String(i.id) === itemId);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const a = useMutation();
  const pick = (id: string, f: FieldCode) => {
    setItemId(id);
    setField(f);
    const it = items.find((i) => String(i.id) === id);
    setValue((f === 'outcomeDetail' ? it?.outcomeDetail : it?.[f]) ?? '');
  };
  const save = async () => {
    const r = await a.run(() => call('meetings.amend', { itemId: Number(itemId), field, value, reason }));
    if (r) {
      setReason('');
      onSaved(r);
    }
  };
  return (
    <form className="card" aria-label="Record an amendment" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h3 style={{ marginTop: 0 }}>Record an amendment</h3>
      <ErrorBanner message={a.field ? null : a.error} />
      <div className="grid-2">
        <Field label="Agenda item">
          {(f) => (
            <select {...f} value={itemId} onChange={(e) => pick(e.target.value, field)}>
              {items.map((i) => <option key={i.id} value={i.id}>{i.caseReference ?? i.title}</option>)}
            </select>
          )}
        </Field>
        <Field label="Part of the minute">
          {(f) => (
            <select {...f} value={field} onChange={(e) => pick(itemId, e.target.value as FieldCode)}>
              {FIELDS.map((x) => <option key={x.code} value={x.code}>{x.label}</option>)}
            </select>
          )}
        </Field>
      </div>
      <Field label="Amended text" hint={current ? 'Starts from the approved text; edit it.' : undefined} error={a.errorFor('value')}>
        {(f) => <textarea {...f} rows={4} value={value} onFocus={() => { if (!value && current) pick(itemId, field); }} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <Field label="Reason for the amendment" required error={a.errorFor('reason')}>
        {(f) => <input {...f} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="dialog-buttons"><button type="submit" className="primary" disabled={a.busy || !reason.trim() || !itemId}>Record amendment</button></div>
    </form>
  );
}
