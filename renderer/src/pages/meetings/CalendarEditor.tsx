import { useState } from 'react';
import type { Calendar } from '../../../../shared/api/meetingSchemas';
import { DEFAULT_CALENDAR_NOTE, validateCalendar, type ClosureKind } from '../../../../shared/domain/calendar';
import { call } from '../../api/client';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { CLOSURE_KINDS, joinCalendar, locateField, newYear, splitCalendar, toTermCalendar, type YearForm } from './calendarForm';
import { rowKey } from './panelForm';

/** Term dates and closures, one table pair per academic year; saved all at once. */
export function CalendarEditor({ calendar, onSaved }: { calendar: Calendar; onSaved: (c: Calendar) => void }) {
  const [years, setYears] = useState<YearForm[]>(() => splitCalendar(calendar));
  const [dirty, setDirty] = useState(false);
  const [savedNote, setSavedNote] = useState(false);
  const a = useMutation();
  const [addedYear, setAddedYear] = useState<number | null>(null);
  const problems = validateCalendar(toTermCalendar(years));
  const place = locateField(years, a.field);
  const bad = (rowKey: number, f: string) => place !== null && place.rowKey === rowKey && (place.rest === '' || place.rest === f);
  const SHOWN = 8;

  const update = (key: number, fn: (y: YearForm) => YearForm) => {
    setDirty(true);
    setSavedNote(false);
    setYears((ys) => ys.map((y) => (y.key === key ? fn(y) : y)));
  };
  const save = async () => {
    const c = await a.run(() => call('calendar.save', joinCalendar(years)));
    if (c) {
      setYears(splitCalendar(c));
      setDirty(false);
      setSavedNote(true);
      onSaved(c);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }} className="calendar-editor">
      <InfoBanner><strong>{calendar.note || DEFAULT_CALENDAR_NOTE}</strong> School-day time limits and the meeting dates worked out from each panel’s cadence depend on them.</InfoBanner>
      <ErrorBanner message={a.error && place ? `${place.name}: ${a.error}` : a.error} />
      {savedNote ? <InfoBanner>Calendar saved.</InfoBanner> : null}
      {problems.length > 0 ? (
        <div className="banner banner-warn" role="status">
          <strong>To check before saving:</strong>
          <ul className="problems">
            {problems.slice(0, SHOWN).map((p) => <li key={p}>{p}</li>)}
            {problems.length > SHOWN ? <li>…and {problems.length - SHOWN} more.</li> : null}
          </ul>
        </div>
      ) : null}

      {years.map((y) => {
        const yl = y.label || 'new year';
        return (
          <section key={y.key} className="card year-card" aria-label={`Academic year ${yl}`}>
            <div className="year-head">
              <label className="year-label">
                <span>Academic year</span>
                <input value={y.label} autoFocus={y.key === addedYear} onChange={(e) => update(y.key, (x) => ({ ...x, label: e.target.value }))} placeholder="2027/28" />
              </label>
              <span className="spacer" />
              <button type="button" className="small-btn danger" onClick={() => { a.reset(); setDirty(true); setYears((ys) => ys.filter((x) => x.key !== y.key)); }}>
                Remove year {yl}
              </button>
            </div>
            <div className="two-col">
              <div>
                <h3>Terms</h3>
                <table className="simple cal-table">
                  <thead><tr><th>Name</th><th>Starts</th><th>Ends</th><th><span className="sr-only">Remove</span></th></tr></thead>
                  <tbody>
                    {y.terms.map((t) => {
                      const tn = `${t.name || 'term'} ${yl}`;
                      const set = (patch: Partial<typeof t>) => update(y.key, (x) => ({ ...x, terms: x.terms.map((r) => (r.key === t.key ? { ...r, ...patch } : r)) }));
                      return (
                        <tr key={t.key}>
                          <td><input aria-label={`${tn} name`} aria-invalid={bad(t.key, 'name')} value={t.name} onChange={(e) => set({ name: e.target.value })} /></td>
                          <td><input aria-label={`${tn} starts`} aria-invalid={bad(t.key, 'starts')} type="date" value={t.starts} onChange={(e) => set({ starts: e.target.value })} /></td>
                          <td><input aria-label={`${tn} ends`} aria-invalid={bad(t.key, 'ends')} type="date" value={t.ends} onChange={(e) => set({ ends: e.target.value })} /></td>
                          <td><button type="button" className="small-btn danger" aria-label={`Remove ${tn}`} onClick={() => { a.reset(); update(y.key, (x) => ({ ...x, terms: x.terms.filter((r) => r.key !== t.key) })); }}>Remove</button></td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                <button type="button" onClick={() => { a.reset(); update(y.key, (x) => ({ ...x, terms: [...x.terms, { key: rowKey(), name: '', starts: '', ends: '' }] })); }}>Add a term to {yl}</button>
              </div>
              <div>
                <h3>Closures</h3>
                <table className="simple cal-table">
                  <thead><tr><th>Date</th><th>Kind</th><th>Label</th><th><span className="sr-only">Remove</span></th></tr></thead>
                  <tbody>
                    {y.closures.map((c, i) => {
                      const cn = `Closure ${i + 1} ${yl}`;
                      const set = (patch: Partial<typeof c>) => update(y.key, (x) => ({ ...x, closures: x.closures.map((r) => (r.key === c.key ? { ...r, ...patch } : r)) }));
                      return (
                        <tr key={c.key}>
                          <td><input aria-label={`${cn} date`} aria-invalid={bad(c.key, 'date')} type="date" value={c.date} onChange={(e) => set({ date: e.target.value })} /></td>
                          <td>
                            <select aria-label={`${cn} kind`} value={c.kind} onChange={(e) => set({ kind: e.target.value as ClosureKind })}>
                              {CLOSURE_KINDS.map((k) => <option key={k.code} value={k.code}>{k.label}</option>)}
                            </select>
                          </td>
                          <td><input aria-label={`${cn} label`} aria-invalid={bad(c.key, 'label')} value={c.label} onChange={(e) => set({ label: e.target.value })} /></td>
                          <td><button type="button" className="small-btn danger" aria-label={`Remove ${cn}`} onClick={() => { a.reset(); update(y.key, (x) => ({ ...x, closures: x.closures.filter((r) => r.key !== c.key) })); }}>Remove</button></td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                {y.closures.length === 0 ? <p className="muted small">No closures listed.</p> : null}
                <button type="button" onClick={() => { a.reset(); update(y.key, (x) => ({ ...x, closures: [...x.closures, { key: rowKey(), date: '', kind: 'inset', label: 'INSET day' }] })); }}>Add a closure to {yl}</button>
              </div>
            </div>
          </section>
        );
      })}

      <div className="calendar-foot">
        <button type="button" onClick={() => { a.reset(); setDirty(true); const y = newYear(years); setAddedYear(y.key); setYears((ys) => [...ys, y]); }}>Add an academic year</button>
        <span className="spacer" />
        {dirty ? <span className="muted small">Unsaved changes</span> : null}
        <button type="button" disabled={!dirty} onClick={() => { a.reset(); setDirty(false); setYears(splitCalendar(calendar)); }}>Undo changes</button>
        <button type="submit" className="primary" disabled={a.busy}>Save calendar</button>
      </div>
    </form>
  );
}
