import { useState } from 'react';
import type { Officer } from '../../../shared/api/schemas';
import { call } from '../api/client';
import { useOfficers } from '../data/hooks';
import { Field, Select } from '../components/Field';
import { ErrorBanner } from '../components/Banner';
import { TEAMS, labelOf, type Team } from '../../../shared/domain/vocab';
import { useCan } from '../data/session';
import { useMutation } from '../data/useMutation';

interface Form { id: number | null; name: string; jobTitle: string; team: Team | ''; email: string; active: boolean; isManager: boolean }
const EMPTY: Form = { id: null, name: '', jobTitle: '', team: '', email: '', active: true, isManager: false };

/** Officers and teams: who can lead a case. Officers who leave are kept (their history stays), marked as left. */
export function OfficersPage() {
  const list = useOfficers();
  const [form, setForm] = useState<Form>(EMPTY);
  const a = useMutation();
  const can = useCan();
  // Adding and editing are one form; a role that can't do both only reads the list.
  const canEdit = can('officers.create') && can('officers.update');

  const save = async () => {
    if (!form.team) return;
    const input = { name: form.name, jobTitle: form.jobTitle, team: form.team, email: form.email, active: form.active, isManager: form.isManager };
    const r = await a.run(() => (form.id ? call('officers.update', { id: form.id, ...input }) : call('officers.create', input)));
    if (r) {
      setForm(EMPTY);
      void list.reload();
    }
  };
  const edit = (o: Officer) => { a.reset(); setForm({ id: o.id, name: o.name, jobTitle: o.jobTitle ?? '', team: o.team, email: o.email ?? '', active: o.active, isManager: o.isManager }); };

  return (
    <>
      <div className="page-head"><h1>Officers</h1><span className="muted">{list.data ? `${list.data.filter((o) => o.active).length} active` : ''}</span></div>
      <div className="two-col" style={{ gridTemplateColumns: 'minmax(0, 3fr) minmax(300px, 1fr)' }}>
        <section>
          <ErrorBanner message={list.error} />
          {list.data && list.data.length === 0 ? <p className="muted">No officers yet. Add the people who lead cases, with their team.</p> : null}
          {list.data && list.data.length > 0 ? (
            <div className="table-wrap"><table className="simple" aria-label="Officers">
              <thead><tr><th>Name</th><th>Job title</th><th>Team</th><th>E-mail</th><th>Open cases</th><th>Status</th></tr></thead>
              <tbody>
                {list.data.map((o) => (
                  <tr key={o.id} className={o.active ? '' : 'muted'}>
                    <td>{canEdit ? <button className="link" onClick={() => edit(o)} aria-label={`Edit ${o.name}`} title="Edit">{o.name}</button> : o.name}</td>
                    <td>{o.jobTitle}{o.isManager ? <span className="pill" style={{ marginLeft: '0.4rem' }}>Manager</span> : null}</td><td>{labelOf(TEAMS, o.team)}</td><td style={{ overflowWrap: 'break-word' }}>{o.email}</td>
                    <td>{o.openCases}</td>
                    <td>{o.active ? 'Active' : <span className={o.openCases > 0 ? 'pill pill-warn' : ''}>Left{o.openCases > 0 ? ' — needs reallocation' : ''}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table></div>
          ) : null}
        </section>
        {canEdit ? <section>
          <form className="card" onSubmit={(e) => { e.preventDefault(); void save(); }}>
            <h2 style={{ marginTop: 0 }}>{form.id ? 'Edit officer' : 'Add an officer'}</h2>
            <ErrorBanner message={a.field ? null : a.error} />
            <Field label="Officer name" required error={a.errorFor('name')}>{(f) => <input {...f} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
            <Field label="Job title" error={a.errorFor('jobTitle')}>{(f) => <input {...f} value={form.jobTitle} onChange={(e) => setForm({ ...form, jobTitle: e.target.value })} />}</Field>
            <Field label="Team" required error={a.errorFor('team')}>{(f) => <Select {...f} value={form.team} onChange={(v) => setForm({ ...form, team: v })} options={TEAMS} />}</Field>
            <Field label="Officer e-mail" error={a.errorFor('email')}>{(f) => <input {...f} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}</Field>
            <label className="inline-check"><input type="checkbox" checked={form.isManager} onChange={(e) => setForm({ ...form, isManager: e.target.checked })} /> Line manager (marked on this list; to authorise closures in Panel they also need a manager’s account under Settings › Users)</label>
            <label className="inline-check"><input type="checkbox" checked={!form.active} onChange={(e) => setForm({ ...form, active: !e.target.checked })} /> Has left (keeps their history; can no longer lead cases)</label>
            <div className="dialog-buttons">
              {form.id ? <button type="button" onClick={() => setForm(EMPTY)}>Cancel</button> : null}
              <button type="submit" className="primary" disabled={a.busy || !form.team || !form.name.trim()}>{form.id ? 'Save officer' : 'Add officer'}</button>
            </div>
          </form>
        </section> : <section><p className="muted card">A panel member can’t add or change officers. Ask an officer or manager.</p></section>}
      </div>
    </>
  );
}
