import { useState } from 'react';
import { useCan } from '../data/session';
import type { Panel } from '../../../shared/api/meetingSchemas';
import { REGISTERS, type Register } from '../../../shared/domain/vocab';
import { call } from '../api/client';
import { useCalendar, useOfficers, usePanels } from '../data/hooks';
import { Tabs } from '../components/Tabs';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import { useMutation } from '../data/useMutation';
import { CadenceFields } from './meetings/CadenceFields';
import { CalendarEditor } from './meetings/CalendarEditor';
import { PanelEditor } from './meetings/PanelEditor';
import { blankPanel, formToInput, type PanelForm } from './meetings/panelForm';
import './meetings/meetings.css';

/** Panel types (cadence, defaults, standing items, members) and the term calendar their meetings are scheduled by. */
export function PanelsPage() {
  const [tab, setTab] = useState<'panels' | 'calendar'>('panels');
  return (
    <div className="panels-page">
      <div className="page-head"><h1>Panels &amp; calendar</h1></div>
      <Tabs label="Panels and calendar" current={tab} onChange={(t) => setTab(t as 'panels' | 'calendar')} tabs={[{ id: 'panels', label: 'Panels' }, { id: 'calendar', label: 'Term calendar' }]}>
        {tab === 'panels' ? <PanelsTab /> : <CalendarTab />}
      </Tabs>
    </div>
  );
}

function PanelsTab() {
  const panels = usePanels();
  const officers = useOfficers();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const canSave = useCan()('panels.save');
  const replace = (p: Panel) => {
    if (!panels.data) return;
    panels.setData(panels.data.some((x) => x.id === p.id) ? panels.data.map((x) => (x.id === p.id ? p : x)) : [...panels.data, p]);
  };
  return (
    <>
      <div className="toolbar">
        <p className="muted" style={{ margin: 0, flex: 1 }}>Each panel type’s cadence, defaults, standing agenda items and members. Changes apply to meetings created afterwards.</p>
        {canSave ? <button type="button" onClick={() => { setAdded(null); setAdding(true); }}>Add a panel type</button> : null}
      </div>
      <ErrorBanner message={panels.error ?? officers.error} />
      {added ? <InfoBanner>{added}</InfoBanner> : null}
      {!panels.data ? <p className="muted" aria-busy="true">Loading panels…</p> : null}
      {panels.data && panels.data.length === 0 ? <p className="muted">No panels yet. Use “Add a panel type”.</p> : null}
      {canSave ? null : <p className="muted">A panel member can’t change the panels: they are shown here to read.</p>}
      {/* A disabled fieldset keeps every value readable while no control can change it. */}
      <fieldset className="plain" disabled={!canSave}>
        {panels.data?.map((p) => <PanelEditor key={p.id} panel={p} officers={officers.data ?? []} onSaved={replace} />)}
      </fieldset>
      {adding ? (
        <NewPanelDialog
          onClose={() => setAdding(false)}
          onSaved={(p) => {
            setAdding(false);
            setAdded(`Added the ${p.name}. Set its members and defaults below, then save.`);
            replace(p);
          }}
        />
      ) : null}
    </>
  );
}

function NewPanelDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (p: Panel) => void }) {
  const [form, setForm] = useState<PanelForm>(() => blankPanel());
  const a = useMutation();
  const save = async () => {
    const p = await a.run(() => call('panels.save', formToInput(form)));
    if (p) onSaved(p);
  };
  const err = (f: string) => (a.field === f ? a.error : null);
  const cadenceErr = (f: string) => (a.field === `cadence.${f}` ? a.error : null);
  const inline = a.field !== null && (['name', 'register'].includes(a.field) || a.field.startsWith('cadence.'));
  return (
    <Dialog title="Add a panel type" open onClose={onClose} onSubmit={() => void save()} submitLabel="Add panel" busy={a.busy || !form.name.trim()}>
      <ErrorBanner message={inline ? null : a.error} />
      <p className="muted small">It starts with the usual standing items and no members; fill those in on its card afterwards.</p>
      <Field label="Name" required error={err('name')}>{(f) => <input {...f} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
      <Field label="Register" required error={err('register')}>
        {(f) => (
          <select {...f} value={form.register} onChange={(e) => { const r = e.target.value as Register; const b = blankPanel(r); setForm({ ...form, register: r, cadence: b.cadence }); }}>
            {REGISTERS.map((r) => <option key={r.code} value={r.code}>{r.code} — {r.label}</option>)}
          </select>
        )}
      </Field>
      <CadenceFields value={form.cadence} onChange={(cadence) => setForm({ ...form, cadence })} error={cadenceErr} />
    </Dialog>
  );
}

function CalendarTab() {
  const cal = useCalendar();
  const canSave = useCan()('calendar.save');
  if (cal.error && !cal.data) return <ErrorBanner message={cal.error} />;
  if (!cal.data) return <p className="muted" aria-busy="true">Loading the term calendar…</p>;
  return (
    <>
      {canSave ? null : <p className="muted">A panel member can’t change the term calendar: it is shown here to read.</p>}
      <fieldset className="plain" disabled={!canSave}>
        <CalendarEditor calendar={cal.data} onSaved={cal.setData} />
      </fieldset>
    </>
  );
}
