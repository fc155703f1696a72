import { useState } from 'react';
import type { Attendee, MeetingDetail } from '../../../../shared/api/meetingSchemas';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { attendanceCounts, attendeeKind } from './format';
import { isUnnamedSeat } from '../../../../shared/domain/attendance';

type Marked = Exclude<Attendee['status'], 'not_marked'>;
const STATUSES: { code: Marked; label: string }[] = [
  { code: 'present', label: 'Present' },
  { code: 'apologies', label: 'Apologies' },
  { code: 'absent', label: 'Absent' },
];

export function AttendanceTab({ detail, editable, onSaved }: { detail: MeetingDetail; editable: boolean; onSaved: (d: MeetingDetail) => void }) {
  const a = useMutation();
  const mark = async (person: Attendee, status: Marked) => {
    // Show the choice at once; the service's answer replaces it.
    onSaved({ ...detail, attendance: detail.attendance.map((x) => (x.id === person.id ? { ...x, status } : x)) });
    const d = await a.run(() => call('attendance.mark', { id: person.id, status }));
    if (d) onSaved(d);
    else onSaved(detail);
  };
  const people = detail.attendance;
  const markRest = async () => {
    let last: MeetingDetail | null = null;
    for (const p of people.filter((x) => x.status === 'not_marked')) {
      const d = await a.run(() => call('attendance.mark', { id: p.id, status: 'present' }));
      if (!d) break;
      last = d;
    }
    if (last) onSaved(last);
  };
  return (
    <div className="attendance-layout">
      <section aria-labelledby="attendance-heading">
        <div className="agenda-toolbar">
          <h2 id="attendance-heading">Attendance</h2>
          <span className="spacer" />
          <strong className="attendance-counts" aria-live="polite">{attendanceCounts(people)}</strong>
          {editable && people.some((p) => p.status === 'not_marked') ? (
            <button type="button" className="small-btn" onClick={() => void markRest()} disabled={a.busy}>Mark the rest present</button>
          ) : null}
        </div>
        <p className="muted small">Nobody is assumed present: mark each person, or mark the rest present once apologies are in.</p>
        <ErrorBanner message={a.error} />
        {people.length === 0 ? (
          <p className="muted">No members listed. Set the panel’s standing membership under Panels &amp; calendar, or add a deputy or guest here.</p>
        ) : (
          <table className="simple attendance-table" aria-labelledby="attendance-heading">
            <thead><tr><th>Name</th><th>Role</th><th>Attendance</th></tr></thead>
            <tbody>
              {people.map((p) => {
                const kind = attendeeKind(p);
                return (
                  <tr key={p.id}>
                    <td>{isUnnamedSeat(p) ? <span className="muted">No one named</span> : p.name}</td>
                    <td>{p.role}{kind ? <div className="muted small">{kind}</div> : null}</td>
                    <td>
                      <div role="radiogroup" aria-label={`${p.name} attendance`} className="radio-row">
                        {STATUSES.map((s) => (
                          <label key={s.code} className={`radio-chip${p.status === s.code ? ` on on-${s.code}` : ''}`}>
                            <input
                              type="radio"
                              name={`attendance-${p.id}`}
                              value={s.code}
                              checked={p.status === s.code}
                              disabled={!editable}
                              aria-label={`${p.name} ${s.label.toLowerCase()}`}
                              onChange={() => void mark(p, s.code)}
                            />
                            <span aria-hidden="true">{s.label}</span>
                          </label>
                        ))}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {editable ? <AddAttendeeForm detail={detail} onSaved={onSaved} /> : null}
    </div>
  );
}

function AddAttendeeForm({ detail, onSaved }: { detail: MeetingDetail; onSaved: (d: MeetingDetail) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [kind, setKind] = useState<'deputy' | 'guest'>('deputy');
  const [deputyFor, setDeputyFor] = useState('');
  const a = useMutation();
  const members = detail.attendance.filter((p) => p.kind === 'member');
  const add = async () => {
    const d = await a.run(() =>
      call('attendance.add', { meetingId: detail.meeting.id, name, role, kind, deputyFor: kind === 'deputy' && deputyFor ? deputyFor : null }),
    );
    if (d) {
      onSaved(d);
      setName('');
      setRole('');
      setDeputyFor('');
    }
  };
  const pickMember = (v: string) => {
    setDeputyFor(v);
    const m = members.find((x) => x.name === v);
    if (m && !role.trim()) setRole(m.role);
  };
  return (
    <form className="card add-attendee" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-labelledby="add-attendee-heading">
      <h2 id="add-attendee-heading">Add a deputy or guest</h2>
      <ErrorBanner message={a.field ? null : a.error} />
      <Field label="Name" required error={a.errorFor('name')}>{(f) => <input {...f} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label="Kind" required error={a.errorFor('kind')}>
        {(f) => (
          <select {...f} value={kind} onChange={(e) => setKind(e.target.value as 'deputy' | 'guest')}>
            <option value="deputy">Deputy</option>
            <option value="guest">Guest</option>
          </select>
        )}
      </Field>
      {kind === 'deputy' ? (
        <Field label="Deputy for" error={a.errorFor('deputyFor')} hint="The member they stand in for.">
          {(f) => (
            <select {...f} value={deputyFor} onChange={(e) => pickMember(e.target.value)}>
              <option value="">Choose…</option>
              {members.map((m) => <option key={m.id} value={m.name}>{m.name} — {m.role}</option>)}
            </select>
          )}
        </Field>
      ) : null}
      <Field label="Role" required error={a.errorFor('role')}>{(f) => <input {...f} value={role} onChange={(e) => setRole(e.target.value)} />}</Field>
      <div className="dialog-buttons">
        <button type="submit" disabled={a.busy || !name.trim() || !role.trim()}>Add to attendance</button>
      </div>
    </form>
  );
}
