import { useState } from 'react';
import { useCan } from '../../data/session';
import { IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind } from '../../../../shared/domain/schoolReturns';
import { useSchools, base64Blob, RETURNS_WRITES } from '../../data/returns';
import { useMutation } from '../../data/useMutation';
import { downloadBlob } from '../../lib/download';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/Banner';
import { Field } from '../../components/Field';

/** The schools that send returns (with their remembered layouts), and the templates to send them. */
export function SchoolsTab() {
  const schools = useSchools();
  const m = useMutation({ invalidates: RETURNS_WRITES });
  const canSave = useCan()('schools.save');
  const dl = useMutation();
  const [form, setForm] = useState({ id: null as number | null, name: '', dfeNumber: '', contact: '', active: true });
  const save = async () => {
    const r = await m.mutate('schools.save', { ...form, dfeNumber: form.dfeNumber || null, contact: form.contact || null });
    if (r) setForm({ id: null, name: '', dfeNumber: '', contact: '', active: true });
  };
  const template = (kind: ImportKind, format: 'csv' | 'xlsx') => void dl.run(async () => {
    const f = await call('returns.template', { kind, format });
    downloadBlob(f.fileName, base64Blob(f.base64, f.mimeType));
  });
  return (
    <>
      <section className="card" aria-labelledby="ret-templates-h">
        <h2 id="ret-templates-h">Templates for schools</h2>
        <p className="muted">The columns the policies ask for. Schools can use their own headings too: the columns are matched when their file is imported, and remembered.</p>
        <ErrorBanner message={dl.error} />
        <ul className="ret-templates">
          {IMPORT_KINDS.map((k) => (
            <li key={k}>
              <strong>{IMPORT_KIND_LABELS[k]}</strong>{' '}
              <button type="button" onClick={() => template(k, 'xlsx')}>Excel<span className="sr-only"> template for {IMPORT_KIND_LABELS[k]}</span></button>{' '}
              <button type="button" onClick={() => template(k, 'csv')}>CSV<span className="sr-only"> template for {IMPORT_KIND_LABELS[k]}</span></button>
            </li>
          ))}
        </ul>
      </section>
      {canSave ? <form className="card" aria-labelledby="ret-school-h" onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <h2 id="ret-school-h">{form.id ? `Edit ${form.name}` : 'Add a school'}</h2>
        <ErrorBanner message={m.field ? null : m.error} />
        <div className="grid-4">
          <Field label="School name" required error={m.errorFor('name')}>{(a) => <input {...a} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
          <Field label="DfE number" hint="e.g. 303/4000" error={m.errorFor('dfeNumber')}>{(a) => <input {...a} value={form.dfeNumber} onChange={(e) => setForm({ ...form, dfeNumber: e.target.value })} />}</Field>
          <Field label="Contact for returns" error={m.errorFor('contact')}>{(a) => <input {...a} value={form.contact} onChange={(e) => setForm({ ...form, contact: e.target.value })} />}</Field>
          <label className="ret-check"><input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} /> Sends returns</label>
        </div>
        <button type="submit" className="primary" disabled={m.busy}>{form.id ? 'Save' : 'Add school'}</button>
        {form.id ? <button type="button" onClick={() => setForm({ id: null, name: '', dfeNumber: '', contact: '', active: true })}>Cancel</button> : null}
      </form> : <p className="muted card">A panel member can’t add or change schools.</p>}
      <section className="card" aria-labelledby="ret-school-list-h">
        <h2 id="ret-school-list-h">Schools</h2>
        <ErrorBanner message={schools.error} />
        <div className="table-wrap">
          <table className="simple">
            <caption className="sr-only">Schools that send returns and notices</caption>
            <thead><tr><th scope="col">School</th><th scope="col">DfE number</th><th scope="col">Contact</th><th scope="col">Layouts remembered</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {(schools.data ?? []).map((s) => (
                <tr key={s.id} className={s.active ? undefined : 'ret-undone'}>
                  <th scope="row">{s.name}{s.active ? '' : ' (no longer sends returns)'}</th>
                  <td>{s.dfeNumber ?? '—'}</td>
                  <td>{s.contact ?? '—'}</td>
                  <td>{s.mappings.length ? s.mappings.map((k) => IMPORT_KIND_LABELS[k]).join(', ') : '—'}</td>
                  <td>{canSave ? <button type="button" onClick={() => setForm({ id: s.id, name: s.name, dfeNumber: s.dfeNumber ?? '', contact: s.contact ?? '', active: s.active })}>Edit<span className="sr-only"> {s.name}</span></button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
