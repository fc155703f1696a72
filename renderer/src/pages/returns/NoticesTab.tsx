import { useState } from 'react';
import { useCan } from '../../data/session';
import type { MethodOutput } from '../../../../shared/api/contract';
import { REG8_GROUNDS, type Reg8Ground } from '../../../../shared/domain/regulation8';
import { useNotices, useSchools, RETURNS_WRITES } from '../../data/returns';
import { useOfficers } from '../../data/hooks';
import { useMutation } from '../../data/useMutation';
import { useToday } from '../../data/today';
import { ErrorBanner, InfoBanner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { formatUk } from '../../lib/format';
import { hrefFor } from '../../lib/router';

type Candidates = MethodOutput<'notices.create'>['candidates'];

const EMPTY = {
  schoolId: '', forenames: '', surname: '', dateOfBirth: '', upn: '', eventDate: '', notifiedOn: '', ground: '' as Reg8Ground | '',
  parentName: '', parentAddress: '', parentPhone: '', futureAddress: '', destinationSchool: '', whereabouts: '' as '' | 'yes' | 'no', lastAttendance: '',
  standardTransition: false, officerId: '',
};

/** A deletion or admission notice typed in from the school's e-mail or form (000 §4 (a)–(e), 001 §4.4), and every notice received. */
export function NoticesTab() {
  const [kind, setKind] = useState<'deletion' | 'admission'>('deletion');
  const can = useCan();
  const notices = useNotices(null);
  return (
    <>
      {can('notices.create') ? <NoticeForm kind={kind} setKind={setKind} /> : <p className="muted">A panel member can’t record notices: they are listed here to read.</p>}
      <section className="card" aria-labelledby="ret-notices-h">
        <h2 id="ret-notices-h">Notices received</h2>
        <ErrorBanner message={notices.error} />
        {notices.data && notices.data.length === 0 ? <p className="muted">No notices yet.</p> : null}
        {notices.data && notices.data.length > 0 ? (
          <div className="table-wrap">
            <table className="simple">
              <caption className="sr-only">Deletion and admission notices, newest first</caption>
              <thead><tr><th scope="col">Notified</th><th scope="col">Notice</th><th scope="col">Pupil</th><th scope="col">School</th><th scope="col">Ground or destination</th><th scope="col">What happened</th><th scope="col">Checks</th></tr></thead>
              <tbody>
                {notices.data.map((n) => (
                  <tr key={n.id}>
                    <td>{formatUk(n.notifiedOn)}</td>
                    <td>{n.kind === 'deletion' ? `Deletion ${formatUk(n.eventDate)}` : `Admission ${formatUk(n.eventDate)}`}</td>
                    <td>{n.name}<div className="muted">Born {formatUk(n.dateOfBirth)}</div></td>
                    <td>{n.schoolName}</td>
                    <td>{n.groundLabel ?? ''}{n.destinationSchool ? <div className="muted">To {n.destinationSchool}</div> : null}</td>
                    <td>{n.caseId && n.caseReference ? <a href={hrefFor({ page: 'case', id: n.caseId, tab: null })}>{n.caseReference}</a> : null} {n.outcome}</td>
                    <td>{n.flags.length === 0 ? <span className="pill pill-ok">In time</span> : n.flags.map((f) => <div key={f} className="ret-flag">{f}</div>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

function NoticeForm({ kind, setKind }: { kind: 'deletion' | 'admission'; setKind: (k: 'deletion' | 'admission') => void }) {
  const today = useToday();
  const schools = useSchools();
  const officers = useOfficers();
  const [f, setF] = useState({ ...EMPTY, notifiedOn: today });
  const [candidates, setCandidates] = useState<Candidates>([]);
  const [childId, setChildId] = useState<number | null | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const m = useMutation({ invalidates: RETURNS_WRITES });
  const set = <K extends keyof typeof EMPTY>(k: K, v: (typeof EMPTY)[K]) => setF({ ...f, [k]: v });
  const submit = async () => {
    setSaved(null);
    const base = {
      schoolId: Number(f.schoolId), upn: f.upn || null, forenames: f.forenames, surname: f.surname, dateOfBirth: f.dateOfBirth, notifiedOn: f.notifiedOn,
      eventDate: f.eventDate, officerId: Number(f.officerId) || null, confirmedMatch: candidates.length > 0 && childId !== undefined, childId: childId ?? null,
    };
    const r = await m.mutate(
      'notices.create',
      kind === 'deletion'
        ? { ...base, kind, ground: f.ground as Reg8Ground, parentName: f.parentName, parentAddress: f.parentAddress, parentPhone: f.parentPhone, futureAddress: f.futureAddress, destinationSchool: f.destinationSchool, whereaboutsKnown: f.whereabouts === '' ? null : f.whereabouts === 'yes', lastAttendance: f.lastAttendance || null }
        : { ...base, kind, standardTransition: f.standardTransition },
    );
    if (!r) return;
    if (r.notice === null) {
      setCandidates(r.candidates);
      setChildId(undefined);
      return;
    }
    setSaved(`${r.notice.name}: ${r.notice.outcome}${r.notice.flags.length ? ` — ${r.notice.flags.join(' ')}` : ''}`);
    setCandidates([]);
    setChildId(undefined);
    setF({ ...EMPTY, notifiedOn: today, schoolId: f.schoolId, officerId: f.officerId });
  };
  const e = m.errorFor;
  return (
    <form className="card" aria-labelledby="ret-notice-h" onSubmit={(ev) => { ev.preventDefault(); void submit(); }} noValidate>
      <h2 id="ret-notice-h">Record a notice</h2>
      <fieldset className="ret-kind">
        <legend>Notice of</legend>
        <label><input type="radio" name="notice-kind" checked={kind === 'deletion'} onChange={() => setKind('deletion')} /> A deletion from roll</label>
        <label><input type="radio" name="notice-kind" checked={kind === 'admission'} onChange={() => setKind('admission')} /> An admission</label>
      </fieldset>
      {saved ? (
        <InfoBanner>
          Saved. {saved} <a href={hrefFor({ page: 'returns', tab: null })}>Typed in by mistake? Undo it under Returns and notices received.</a>
        </InfoBanner>
      ) : null}
      <ErrorBanner message={m.field ? null : m.error} />
      <div className="grid-4">
        <Field label="School" required error={e('schoolId')}>
          {(a) => (
            <select {...a} value={f.schoolId} onChange={(x) => set('schoolId', x.target.value)}>
              <option value="">Choose…</option>
              {(schools.data ?? []).filter((s) => s.active).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          )}
        </Field>
        <Field label="Forename(s)" required error={e('forenames')}>{(a) => <input {...a} value={f.forenames} onChange={(x) => set('forenames', x.target.value)} />}</Field>
        <Field label="Surname" required error={e('surname')}>{(a) => <input {...a} value={f.surname} onChange={(x) => set('surname', x.target.value)} />}</Field>
        <Field label="Date of birth" required error={e('dateOfBirth')}>{(a) => <input {...a} type="date" value={f.dateOfBirth} onChange={(x) => set('dateOfBirth', x.target.value)} />}</Field>
        <Field label="UPN" error={e('upn')}>{(a) => <input {...a} value={f.upn} onChange={(x) => set('upn', x.target.value)} />}</Field>
        <Field label={kind === 'deletion' ? 'Date of deletion' : 'Date of admission'} required error={e('eventDate')}>{(a) => <input {...a} type="date" value={f.eventDate} onChange={(x) => set('eventDate', x.target.value)} />}</Field>
        <Field label="Date notified" required error={e('notifiedOn')}>{(a) => <input {...a} type="date" max={today} value={f.notifiedOn} onChange={(x) => set('notifiedOn', x.target.value)} />}</Field>
        {kind === 'deletion' ? (
          <Field label="Last attended" hint="Needed for 8(1)(h): 20 school days" error={e('lastAttendance')}>{(a) => <input {...a} type="date" value={f.lastAttendance} onChange={(x) => set('lastAttendance', x.target.value)} />}</Field>
        ) : (
          <Field label="Closures proposed by" hint="An open CME case is closed as on roll here. Left blank: you, if your account is linked to an officer" error={e('officerId')}>
            {(a) => (
              <select {...a} value={f.officerId} onChange={(x) => set('officerId', x.target.value)}>
                <option value="">Choose…</option>
                {(officers.data ?? []).filter((o) => o.active).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            )}
          </Field>
        )}
      </div>
      {kind === 'deletion' ? (
        <>
          <Field label="(e) Regulation 8 ground" required error={e('ground')}>
            {(a) => (
              <select {...a} value={f.ground} onChange={(x) => set('ground', x.target.value as Reg8Ground | '')}>
                <option value="">Choose…</option>
                {REG8_GROUNDS.map((g) => <option key={g.code} value={g.code}>8(1)({g.code}) {g.label}</option>)}
              </select>
            )}
          </Field>
          <div className="grid-3">
            <Field label="(b) Parent name" error={e('parentName')}>{(a) => <input {...a} value={f.parentName} onChange={(x) => set('parentName', x.target.value)} />}</Field>
            <Field label="(b) Parent address" error={e('parentAddress')}>{(a) => <input {...a} value={f.parentAddress} onChange={(x) => set('parentAddress', x.target.value)} />}</Field>
            <Field label="(c) Parent telephone" error={e('parentPhone')}>{(a) => <input {...a} value={f.parentPhone} onChange={(x) => set('parentPhone', x.target.value)} />}</Field>
            <Field label="(d) Future address" error={e('futureAddress')}>{(a) => <input {...a} value={f.futureAddress} onChange={(x) => set('futureAddress', x.target.value)} />}</Field>
            <Field label="(d) Destination school" error={e('destinationSchool')}>{(a) => <input {...a} value={f.destinationSchool} onChange={(x) => set('destinationSchool', x.target.value)} />}</Field>
            <Field label="Whereabouts known?" hint="Blank: from the ground ((f) and (h) mean not found)">
              {(a) => (
                <select {...a} value={f.whereabouts} onChange={(x) => set('whereabouts', x.target.value as '' | 'yes' | 'no')}>
                  <option value="">From the ground</option>
                  <option value="yes">Yes</option>
                  <option value="no">No: open a CME case</option>
                </select>
              )}
            </Field>
          </div>
        </>
      ) : (
        <label className="ret-check"><input type="checkbox" checked={f.standardTransition} onChange={(x) => set('standardTransition', x.target.checked)} /> At a standard transition point (the usual start of the school’s first year)</label>
      )}
      {candidates.length > 0 ? (
        <fieldset className="ret-match">
          <legend>This pupil may already be on the register. Who is it?</legend>
          {candidates.map((c) => (
            <label key={c.childId}>
              <input type="radio" name="notice-match" checked={childId === c.childId} onChange={() => setChildId(c.childId)} /> {c.name}, born {formatUk(c.dateOfBirth)}
              {c.references.length ? ` (${c.references.join(', ')})` : ''}<span className="muted"> — {c.reason}</span>
            </label>
          ))}
          <label><input type="radio" name="notice-match" checked={childId === null} onChange={() => setChildId(null)} /> A different child</label>
        </fieldset>
      ) : null}
      <button type="submit" className="primary" disabled={m.busy || (candidates.length > 0 && childId === undefined)}>Save the notice</button>
    </form>
  );
}
