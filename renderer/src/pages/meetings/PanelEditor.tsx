import { DEFAULT_CAPACITY } from '../../../../shared/domain/agenda';
import { useState } from 'react';
import type { Panel } from '../../../../shared/api/meetingSchemas';
import type { Officer } from '../../../../shared/api/schemas';
import { REGISTERS, type Register } from '../../../../shared/domain/vocab';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { CadenceFields } from './CadenceFields';
import { OfficerSelect } from './OfficerSelect';
import { moveTo } from './agenda';
import { describeCadence } from './format';
import { formToInput, newStandingCode, panelToForm, rowKey, rowOfField, type PanelForm } from './panelForm';

/** One panel type as an editable card: defaults, standing items, membership. */
export function PanelEditor({ panel, officers, onSaved }: { panel: Panel; officers: Officer[]; onSaved: (p: Panel) => void }) {
  const [form, setForm] = useState<PanelForm>(() => panelToForm(panel));
  const [savedNote, setSavedNote] = useState(false);
  const a = useMutation();
  const headingId = `panel-${panel.id}-heading`;
  const set = (patch: Partial<PanelForm>) => { setSavedNote(false); setForm((f) => ({ ...f, ...patch })); };

  const save = async () => {
    const p = await a.run(() => call('panels.save', formToInput(form)));
    if (p) {
      setForm(panelToForm(p));
      setSavedNote(true);
      onSaved(p);
    }
  };
  const rowErr = (list: 'members' | 'standingItems', i: number, rest: string) => {
    const r = rowOfField(a.field, list);
    return r && r.index === i && r.rest === rest ? a.error : null;
  };
  const listErr = (list: 'members' | 'standingItems') => (a.field === list ? a.error : null);
  const cadenceErr = (f: string) => (a.field === `cadence.${f}` || (f === 'kind' && a.field === 'cadence') ? a.error : null);
  const fieldErr = (f: string) => (a.field === f ? a.error : null);
  const INLINE = ['name', 'register', 'defaultTime', 'defaultVenue', 'defaultChairId', 'defaultMinuteTakerId', 'capacity', 'cadence', 'members', 'standingItems'];
  const shownInline = a.field !== null && INLINE.some((f) => a.field === f || a.field!.startsWith(`${f}.`));
  const generalError = shownInline ? null : a.error;

  return (
    <section className="card panel-editor" aria-labelledby={headingId}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <div className="panel-editor-head">
          <h2 id={headingId}>{panel.name}</h2>
          <span className="pill">{panel.register}</span>
          {!panel.active ? <span className="pill pill-warn">Not in use</span> : null}
          <span className="muted">{describeCadence(form.cadence)}</span>
        </div>
        <ErrorBanner message={generalError} />
        {savedNote ? <InfoBanner>Saved. Meetings created from now on use these defaults and members.</InfoBanner> : null}

        <div className="grid-2">
          <Field label="Name" required error={fieldErr('name')}>{(f) => <input {...f} value={form.name} onChange={(e) => set({ name: e.target.value })} />}</Field>
          <Field label="Register" required error={fieldErr('register')}>
            {(f) => (
              <select {...f} value={form.register} onChange={(e) => set({ register: e.target.value as Register })}>
                {REGISTERS.map((r) => <option key={r.code} value={r.code}>{r.code} — {r.label}</option>)}
              </select>
            )}
          </Field>
        </div>
        <CadenceFields value={form.cadence} onChange={(cadence) => set({ cadence })} error={cadenceErr} />
        <div className="grid-4">
          <Field label="Default time" required error={fieldErr('defaultTime')}>{(f) => <input {...f} type="time" value={form.defaultTime} onChange={(e) => set({ defaultTime: e.target.value })} />}</Field>
          <Field label="Default venue" error={fieldErr('defaultVenue')}>{(f) => <input {...f} value={form.defaultVenue} onChange={(e) => set({ defaultVenue: e.target.value })} />}</Field>
          <Field label="Cases per meeting" error={fieldErr('capacity')} hint={`How many cases the agenda builder proposes; the rest are listed as “also eligible”. Empty: ${DEFAULT_CAPACITY[form.register]} for a ${form.register} panel.`}>
            {(f) => <input {...f} type="number" min={1} max={200} inputMode="numeric" value={form.capacity} placeholder={String(DEFAULT_CAPACITY[form.register])} onChange={(e) => set({ capacity: e.target.value })} />}
          </Field>
          <Field label="Chair" error={fieldErr('defaultChairId')}>{(f) => <OfficerSelect {...f} value={form.defaultChairId} onChange={(v) => set({ defaultChairId: v })} officers={officers} />}</Field>
          <Field label="Minute-taker" error={fieldErr('defaultMinuteTakerId')}>{(f) => <OfficerSelect {...f} value={form.defaultMinuteTakerId} onChange={(v) => set({ defaultMinuteTakerId: v })} officers={officers} />}</Field>
        </div>

        <div className="two-col panel-lists">
          <fieldset>
            <legend>Standing items</legend>
            <p className="muted small">In agenda order. The case sections (case reviews, new referrals, proposed closures) come after “Figures”.</p>
            {listErr('standingItems') ? <p className="error-text" role="alert">{listErr('standingItems')}</p> : null}
            <ol className="edit-list">
              {form.standingItems.map((s, i) => {
                const name = s.title.trim() || `item ${i + 1}`;
                const err = rowErr('standingItems', i, 'title');
                return (
                  <li key={s.key}>
                    <span className="edit-num" aria-hidden="true">{i + 1}.</span>
                    <input
                      aria-label={`Standing item ${i + 1} title`}
                      value={s.title}
                      aria-invalid={Boolean(err)}
                      onChange={(e) => set({ standingItems: form.standingItems.map((x) => (x.key === s.key ? { ...x, title: e.target.value } : x)) })}
                    />
                    <button type="button" className="small-btn" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => set({ standingItems: moveTo(form.standingItems, i, i - 1) })}><span aria-hidden="true">↑</span> Up</button>
                    <button type="button" className="small-btn" aria-label={`Move ${name} down`} disabled={i === form.standingItems.length - 1} onClick={() => set({ standingItems: moveTo(form.standingItems, i, i + 1) })}><span aria-hidden="true">↓</span> Down</button>
                    <button type="button" className="small-btn danger" aria-label={`Remove ${name}`} onClick={() => set({ standingItems: form.standingItems.filter((x) => x.key !== s.key) })}>Remove</button>
                    {err ? <div className="error-text edit-err" role="alert">{err}</div> : null}
                  </li>
                );
              })}
            </ol>
            <button type="button" onClick={() => set({ standingItems: [...form.standingItems, { key: rowKey(), code: newStandingCode(form.standingItems), title: '', text: null }] })}>
              Add a standing item
            </button>
          </fieldset>

          <fieldset>
            <legend>Members</legend>
            <p className="muted small">Each role and who fills it. A new meeting’s attendance list starts from these.</p>
            {form.members.length === 0 ? <p className="muted">No members yet.</p> : (
              <table className="simple members-table">
                <thead><tr><th>Role</th><th>Officer</th><th><span className="sr-only">Remove</span></th></tr></thead>
                <tbody>
                  {form.members.map((m, i) => {
                    const name = m.role.trim() || `member ${i + 1}`;
                    const roleErr = rowErr('members', i, 'role');
                    const officerErr = rowErr('members', i, 'officerId');
                    return (
                      <tr key={m.key}>
                        <td>
                          <input aria-label={`Member ${i + 1} role`} value={m.role} aria-invalid={Boolean(roleErr)} onChange={(e) => set({ members: form.members.map((x) => (x.key === m.key ? { ...x, role: e.target.value } : x)) })} />
                          {roleErr ? <div className="error-text" role="alert">{roleErr}</div> : null}
                        </td>
                        <td>
                          <OfficerSelect aria-label={`Member ${i + 1} officer`} value={m.officerId} officers={officers} onChange={(v) => set({ members: form.members.map((x) => (x.key === m.key ? { ...x, officerId: v } : x)) })} />
                          {officerErr ? <div className="error-text" role="alert">{officerErr}</div> : null}
                        </td>
                        <td><button type="button" className="small-btn danger" aria-label={`Remove member ${name}`} onClick={() => set({ members: form.members.filter((x) => x.key !== m.key) })}>Remove</button></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <button type="button" onClick={() => set({ members: [...form.members, { key: rowKey(), role: '', officerId: '' }] })}>Add a member</button>
          </fieldset>
        </div>

        <div className="panel-editor-foot">
          <label className="inline-check"><input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} /> In use (offered on the Meetings page)</label>
          <span className="spacer" />
          <button type="button" onClick={() => { a.reset(); setSavedNote(false); setForm(panelToForm(panel)); }}>Undo changes</button>
          <button type="submit" className="primary" disabled={a.busy}>Save panel</button>
        </div>
      </form>
    </section>
  );
}
