import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../shared/api/contract';
import { mappingPairs } from '../../../../shared/api/returnSchemas';
import { IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind } from '../../../../shared/domain/schoolReturns';
import { useSchools, useReturnsStatus, fileToInput, MAX_FILE_BYTES, RETURNS_WRITES } from '../../data/returns';
import { useOfficers } from '../../data/hooks';
import { useMutation } from '../../data/useMutation';
import { useToday } from '../../data/today';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { formatUk, plural } from '../../lib/format';
import { hrefFor } from '../../lib/router';
import { PreviewTable } from './PreviewTable';

type Parsed = MethodOutput<'returns.parse'>;
type Preview = MethodOutput<'returns.preview'>;
type Result = MethodOutput<'returns.confirm'>;

/**
 * Import a school's file in four steps: choose (school, kind, half term, file) → columns (the
 * school's remembered layout, or a guess from the headings) → preview (row by row, nothing written)
 * → confirm (one operation, undone as one from the first tab).
 */
export function ImportTab() {
  const today = useToday();
  const schools = useSchools();
  const officers = useOfficers();
  const [schoolId, setSchoolId] = useState<number | null>(null);
  const [kind, setKind] = useState<ImportKind>('return');
  const status = useReturnsStatus(null);
  const [halfTerm, setHalfTerm] = useState<string>('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [decisions, setDecisions] = useState<Record<number, number | null>>({});
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const [officerId, setOfficerId] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const reader = useMutation();
  const saver = useMutation({ invalidates: RETURNS_WRITES });
  const half = halfTerm || status.data?.halfTerm?.key || '';

  const restart = () => {
    setParsed(null);
    setPreview(null);
    setDecisions({});
    setSkip(new Set());
    setResult(null);
  };
  const chooseFile = async (f: File | undefined) => {
    restart();
    setFile(null);
    setFileProblem(null);
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) return setFileProblem(`${f.name} is ${(f.size / 1e6).toFixed(1)} MB: a return over 3 MB is not a school return. Split it, or save it as CSV.`);
    setFile(await fileToInput(f));
  };
  const readColumns = async () => {
    if (!schoolId || !file) return;
    restart();
    const p = await reader.mutate('returns.parse', { schoolId, kind, file });
    if (p) {
      setParsed(p);
      setMapping(p.mapping);
    }
  };
  const target = () => ({ schoolId: schoolId!, kind, halfTerm: half, receivedOn, file: file!, mapping: mappingPairs(mapping) });
  const runPreview = async () => {
    setPreview(null);
    const p = await reader.mutate('returns.preview', target());
    if (p) {
      setPreview(p);
      setSkip(new Set());
      setDecisions({});
    }
  };
  const confirm = async () => {
    const r = await saver.mutate('returns.confirm', {
      ...target(),
      decisions: Object.entries(decisions).map(([row, childId]) => ({ row: Number(row), childId })),
      skipRows: [...skip],
      officerId,
    });
    if (r) {
      setResult(r);
      setPreview(null);
      setParsed(null);
      setFile(null);
    }
  };

  const undecided = preview ? preview.rows.filter((r) => r.match === 'uncertain' && !(r.row in decisions) && !skip.has(r.row)).length : 0;
  const blocking = preview ? preview.rows.filter((r) => r.errors.length > 0 && !skip.has(r.row)).length : 0;
  const errorRows = useMemo(() => (preview ? preview.rows.filter((r) => r.errors.length > 0).map((r) => r.row) : []), [preview]);
  const activeOfficers = (officers.data ?? []).filter((o) => o.active);

  return (
    <>
      <ErrorBanner message={schools.error ?? status.error} />
      {result ? <ResultCard result={result} /> : null}
      <form className="card ret-choose" aria-labelledby="ret-choose-h" onSubmit={(e) => { e.preventDefault(); void readColumns(); }}>
        <h2 id="ret-choose-h">1. The file</h2>
        <div className="grid-4">
          <Field label="School" required>
            {(a) => (
              <select {...a} value={schoolId ?? ''} onChange={(e) => { setSchoolId(Number(e.target.value) || null); restart(); }}>
                <option value="">Choose…</option>
                {(schools.data ?? []).filter((s) => s.active).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            )}
          </Field>
          <Field label="What the file is" required>
            {(a) => (
              <select {...a} value={kind} onChange={(e) => { setKind(e.target.value as ImportKind); restart(); }}>
                {IMPORT_KINDS.map((k) => <option key={k} value={k}>{IMPORT_KIND_LABELS[k]}</option>)}
              </select>
            )}
          </Field>
          <Field label="Half term" required>
            {(a) => (
              <select {...a} value={half} onChange={(e) => { setHalfTerm(e.target.value); setPreview(null); }}>
                {(status.data?.halfTerms ?? []).map((h) => <option key={h.key} value={h.key}>{h.label}</option>)}
              </select>
            )}
          </Field>
          <Field label="Date received" required error={reader.errorFor('receivedOn') ?? saver.errorFor('receivedOn')}>
            {(a) => <input {...a} type="date" max={today} value={receivedOn} onChange={(e) => { setReceivedOn(e.target.value); setPreview(null); }} />}
          </Field>
        </div>
        <Field label="File (.xlsx or .csv)" required hint="The school’s return as they sent it. It is read on this computer and nothing is saved until you confirm." error={fileProblem ?? reader.errorFor('file')}>
          {(a) => <input {...a} type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void chooseFile(e.target.files?.[0])} />}
        </Field>
        {schools.data && schools.data.length === 0 ? <InfoBanner>Add the school first, under <a href={hrefFor({ page: 'returns', tab: 'schools' })}>Schools and templates</a>.</InfoBanner> : null}
        {reader.error && !reader.field?.startsWith('file') && !parsed ? <ErrorBanner message={reader.error} /> : null}
        <button type="submit" className="primary" disabled={!schoolId || !file || reader.busy}>Read the columns</button>
      </form>

      {parsed ? (
        <form className="card" aria-labelledby="ret-map-h" onSubmit={(e) => { e.preventDefault(); void runPreview(); }}>
          <h2 id="ret-map-h">2. Columns in {parsed.fileName}</h2>
          <p className="muted">
            {plural(parsed.rowCount, 'row')} read{parsed.readFrom ? ` (${parsed.readFrom})` : ''}. {parsed.remembered ? 'The columns are set as this school’s last file of this kind.' : 'The columns are matched from their headings: check them. They are remembered for this school once you confirm.'}
          </p>
          <div className="ret-mapping">
            {parsed.fields.map((f) => (
              <Field key={f.key} label={f.label} required={f.required} hint={f.hint}>
                {(a) => (
                  <select {...a} value={mapping[f.key] ?? ''} onChange={(e) => { setMapping({ ...mapping, [f.key]: e.target.value || null }); setPreview(null); }}>
                    <option value="">Not in this file</option>
                    {parsed.headers.map((h) => <option key={h} value={h}>{h}</option>)}
                  </select>
                )}
              </Field>
            ))}
          </div>
          <details>
            <summary>The first rows as read</summary>
            <div className="table-wrap">
              <table className="simple">
                <caption className="sr-only">The first rows of {parsed.fileName}</caption>
                <thead><tr>{parsed.headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
                <tbody>{parsed.sample.map((r, i) => <tr key={i}>{parsed.headers.map((h, j) => <td key={h}>{r[j] ?? ''}</td>)}</tr>)}</tbody>
              </table>
            </div>
          </details>
          <button type="submit" className="primary" disabled={reader.busy || !half}>Preview the import</button>
        </form>
      ) : null}

      {preview ? (
        <section className="card" aria-labelledby="ret-preview-h">
          <h2 id="ret-preview-h">3. Preview: nothing has been saved yet</h2>
          {preview.mappingProblems.length > 0 ? <ErrorBanner message={preview.mappingProblems.join(' ')} /> : null}
          <p aria-live="polite">
            {plural(preview.counts.rows, 'row')}: {preview.counts.certain} matched to children on the register, {preview.counts.newChildren} new,{' '}
            {preview.counts.uncertain} to confirm, {plural(preview.counts.errors, 'row')} with errors, {preview.counts.warnings} with something to check.
            {preview.earlierReturns > 0 ? ` This school already has ${plural(preview.earlierReturns, 'file')} of this kind for the half term: this one is an update.` : ''}
          </p>
          {errorRows.length > 0 ? (
            <p>
              <button type="button" onClick={() => setSkip(new Set(skip.size === errorRows.length ? [] : errorRows))}>
                {skip.size === errorRows.length ? 'Put the rows with errors back' : `Leave out the ${plural(errorRows.length, 'row')} with errors`}
              </button>{' '}
              <span className="muted">Or correct the file and import it again.</span>
            </p>
          ) : null}
          <PreviewTable preview={preview} decisions={decisions} onDecide={(row, childId) => setDecisions({ ...decisions, [row]: childId })} skip={skip} onSkip={(row, on) => { const s = new Set(skip); if (on) s.add(row); else s.delete(row); setSkip(s); }} />
          <h3>4. Confirm</h3>
          {kind === 'admissions' ? (
            <Field label="Closures proposed by" hint="Admissions close the child’s open CME cases as on roll and attending, proposed in this officer’s name. Left blank: you, if your account is linked to an officer." error={saver.errorFor('officerId')}>
              {(a) => (
                <select {...a} value={officerId ?? ''} onChange={(e) => setOfficerId(Number(e.target.value) || null)}>
                  <option value="">Choose…</option>
                  {activeOfficers.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                </select>
              )}
            </Field>
          ) : null}
          <ErrorBanner message={saver.error} />
          {blocking > 0 ? <p className="error-text">{plural(blocking, 'row')} with errors: correct the file, or leave those rows out.</p> : null}
          {undecided > 0 ? <p className="error-text">{plural(undecided, 'possible match', 'possible matches')} to confirm above.</p> : null}
          <button type="button" className="primary" disabled={saver.busy || blocking > 0 || undecided > 0 || preview.mappingProblems.length > 0} onClick={() => void confirm()}>
            Import {plural(preview.counts.rows - skip.size, 'row')}
          </button>
        </section>
      ) : null}
    </>
  );
}

function ResultCard({ result }: { result: Result }) {
  const r = result.return;
  return (
    <section className="card ret-result" aria-labelledby="ret-result-h" role="status">
      <h2 id="ret-result-h">Imported: {IMPORT_KIND_LABELS[r.kind as ImportKind] ?? r.kind} from {r.schoolName}, received {formatUk(r.receivedOn)}</h2>
      <p>
        {Object.entries(result.counts).map(([k, n]) => `${n} ${k === 'new' ? 'new' : k === 'changed' ? 'changed' : k === 'unchanged' ? 'unchanged' : k === 'leftOut' ? 'left out' : 'notices recorded'}`).join(', ')}.
        {' '}It can be undone as one from <a href={hrefFor({ page: 'returns', tab: null })}>Returns this half term</a>.
      </p>
      <div className="table-wrap">
        <table className="simple">
          <caption className="sr-only">What the import did, row by row</caption>
          <thead><tr><th scope="col">Row</th><th scope="col">Pupil</th><th scope="col">Case</th><th scope="col">Outcome</th></tr></thead>
          <tbody>
            {result.outcomes.slice(0, 500).map((o) => (
              <tr key={o.row}>
                <td>{o.row}</td>
                <td>{o.name}</td>
                <td>{o.caseId && o.reference ? <a href={hrefFor({ page: 'case', id: o.caseId, tab: null })}>{o.reference}</a> : '—'}</td>
                <td>{o.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.outcomes.length > 500 ? <p className="muted">The first 500 of {result.outcomes.length.toLocaleString('en-GB')} rows are shown.</p> : null}
    </section>
  );
}
