import { useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/schemas';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { formatUk } from '../../lib/format';
import { useMutation } from '../../data/useMutation';

/** The dated chronology of the case. */
export function NotesTab({ detail, today, onSaved }: { detail: CaseDetail; today: string; onSaved: (d: CaseDetail) => void }) {
  const [notedOn, setNotedOn] = useState(today);
  const [text, setText] = useState('');
  const a = useMutation();
  const add = async () => {
    const d = await a.run(() => call('notes.add', { caseId: detail.case.id, notedOn, text }));
    if (d) {
      onSaved(d);
      setText('');
    }
  };
  return (
    <div className="two-col">
      <section>
        <h2>Chronology</h2>
        {detail.notes.length === 0 ? <p className="muted">No notes yet.</p> : (
          <ol className="timeline" aria-label="Notes">
            {detail.notes.map((n) => (
              <li key={n.id}>
                <div className="when">{formatUk(n.notedOn)} · {n.author}</div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{n.text}</div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h2>Add a note</h2>
        <form className="card" onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <ErrorBanner message={a.field ? null : a.error} />
          <Field label="Date of note" required error={a.errorFor('notedOn')}>
            {(f) => <input {...f} type="date" value={notedOn} max={today} onChange={(e) => setNotedOn(e.target.value)} />}
          </Field>
          <Field label="Note" required error={a.errorFor('text')}>
            {(f) => <textarea {...f} rows={6} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <div className="dialog-buttons"><button type="submit" className="primary" disabled={a.busy || !text.trim()}>Add note</button></div>
        </form>
      </section>
    </div>
  );
}
