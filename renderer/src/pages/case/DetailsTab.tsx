import { useState, type ReactNode } from 'react';
import type { CaseDetail, ChildFlags } from '../../../../shared/api/schemas';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import {
  CHILD_FLAGS, CME_REASONS, PMOE_REASONS, REFERRAL_SOURCES, URGENCIES, GENDERS, ETHNICITIES, labelOf,
} from './vocab';
import { formatUk } from '../../lib/format';
import { useMutation } from '../../data/useMutation';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <dt>{label}</dt>
    <dd>{children || <span className="muted">—</span>}</dd>
  </>
);

export function DetailsTab({ detail, today, onSaved }: { detail: CaseDetail; today: string; onSaved: (d: CaseDetail) => void }) {
  const { case: k, child, clocks } = detail;
  return (
    <div className="two-col">
      <div>
        <section className="card">
          <h2>Referral</h2>
          <dl className="facts">
            <Row label="Date notified">{formatUk(k.dateNotified)}</Row>
            <Row label="Source">{labelOf(REFERRAL_SOURCES, k.source)}</Row>
            <Row label="Referrer">{[k.referrerName, k.referrerAgency, k.referrerContact].filter(Boolean).join(', ')}</Row>
            <Row label="Urgency">{labelOf(URGENCIES, k.urgency)}</Row>
            {k.register === 'CME' ? (
              <>
                <Row label="Reason">{labelOf(CME_REASONS, k.reason)}</Row>
                <Row label="Last school">{k.lastSchool}</Row>
                <Row label="Date of last attendance">{formatUk(k.lastAttendance)}</Row>
              </>
            ) : (
              <>
                <Row label="School on roll">{k.pmoeSchool}</Row>
                <Row label="Reason">{labelOf(PMOE_REASONS, k.pmoeReason)}</Row>
                <Row label="Hours a week">{k.hoursPerWeek === null ? '' : String(k.hoursPerWeek)}</Row>
                <Row label="Provider">{k.provider}</Row>
                <Row label="Timetable review">{formatUk(k.timetableReviewDate)}</Row>
                <Row label="Timetable planned end">{formatUk(k.timetableEndDate)}</Row>
              </>
            )}
            {detail.schoolDays ? (
              <Row label="School days since last attendance">
                {detail.schoolDays.calendarCovers ? (
                  <>
                    {detail.schoolDays.sinceLastAttendance}
                    <div className="muted small">
                      School enquiries (10 school days) end {formatUk(detail.schoolDays.enquiriesEnd)}; no deletion from roll before{' '}
                      {formatUk(detail.schoolDays.deletionFrom)} (20 school days).
                    </div>
                  </>
                ) : (
                  <span className="muted">The term calendar doesn’t cover these dates: add them in Panels &amp; calendar.</span>
                )}
              </Row>
            ) : null}
            <Row label="Departure / destination">{[formatUk(k.departureDate), k.destination].filter(Boolean).join(' — ')}</Row>
            <Row label="Professional involvement">{k.professionalInvolvement}</Row>
            <Row label="Additional information">{k.additionalInfo}</Row>
          </dl>
        </section>
        {k.register === 'PMOE' ? (
          <section className="card">
            <h2>Criteria of concern</h2>
            {clocks.concerns.length === 0 ? <p className="muted">None apply.</p> : (
              <ul>{clocks.concerns.map((c) => <li key={c.code}><strong>{c.label}</strong> — {c.reason}</li>)}</ul>
            )}
          </section>
        ) : null}
        <KeyDates detail={detail} today={today} onSaved={onSaved} />
      </div>
      <div>
        <section className="card">
          <h2>Child</h2>
          <dl className="facts">
            <Row label="Name">{child.forenames} {child.surname}</Row>
            <Row label="Known as">{child.knownAs}</Row>
            <Row label="Former names">{child.formerNames}</Row>
            <Row label="Date of birth">{formatUk(child.dateOfBirth)} (age {clocks.ageYears}, {clocks.yearGroupLabel})</Row>
            <Row label="Compulsory school age">{formatUk(clocks.csaStarts)} to {formatUk(clocks.csaEnds)}</Row>
            <Row label="Gender">{labelOf(GENDERS, child.gender)}</Row>
            <Row label="Ethnicity">{labelOf(ETHNICITIES, child.ethnicity)}</Row>
            <Row label="UPN">{child.upn}</Row>
            <Row label="Social worker">{child.socialWorker}</Row>
            <Row label="Looked after by">{child.lookedAfterLa}</Row>
          </dl>
        </section>
        <FlagsEditor detail={detail} onSaved={onSaved} />
        <Addresses detail={detail} onSaved={onSaved} />
        <Adults detail={detail} onSaved={onSaved} />
      </div>
    </div>
  );
}

const KEY_DATES = [
  ['dateAssessed', 'Date assessed'],
  ['dateProvisionDetermined', 'Date provision determined'],
  ['dateEnteredProvision', 'Date entered provision'],
  ['dateLocated', 'Date located'],
] as const;

/** The dates that measure the pace into provision (seed 004, Annex B). */
function KeyDates({ detail, today, onSaved }: { detail: CaseDetail; today: string; onSaved: (d: CaseDetail) => void }) {
  const initial = Object.fromEntries(KEY_DATES.map(([k]) => [k, detail.case[k] ?? ''])) as Record<(typeof KEY_DATES)[number][0], string>;
  const [dates, setDates] = useState(initial);
  const a = useMutation();
  const dirty = KEY_DATES.some(([k]) => dates[k] !== initial[k]);
  const save = async () => {
    const d = await a.run(() => call('cases.update', { id: detail.case.id, changes: Object.fromEntries(KEY_DATES.map(([k]) => [k, dates[k] || null])) }));
    if (d) onSaved(d);
  };
  return (
    <form className="card" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label="Key dates">
      <h2>Key dates</h2>
      <ErrorBanner message={a.field ? null : a.error} />
      <div className="grid-2">
        {KEY_DATES.map(([k, label]) => (
          <Field key={k} label={label} error={a.errorFor(k)}>
            {(f) => <input {...f} type="date" max={today} value={dates[k]} onChange={(e) => setDates({ ...dates, [k]: e.target.value })} />}
          </Field>
        ))}
      </div>
      <div className="dialog-buttons"><button type="submit" className="primary" disabled={!dirty || a.busy}>Save key dates</button></div>
    </form>
  );
}

function FlagsEditor({ detail, onSaved }: { detail: CaseDetail; onSaved: (d: CaseDetail) => void }) {
  const [flags, setFlags] = useState<ChildFlags>(detail.child.flags);
  const a = useMutation();
  const dirty = CHILD_FLAGS.some((f) => flags[f.code] !== detail.child.flags[f.code]);
  const save = async () => {
    const r = await a.run(async () => {
      await call('children.update', { id: detail.child.id, changes: { flags } });
      return call('cases.get', { id: detail.case.id });
    });
    if (r) onSaved(r);
  };
  return (
    <form className="card" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>Flags</h2>
      <ErrorBanner message={a.error} />
      <fieldset className="checks-grid" style={{ border: 'none', padding: 0 }}>
        <legend className="sr-only">Flags</legend>
        {CHILD_FLAGS.map((f) => (
          <label key={f.code}><input type="checkbox" checked={flags[f.code]} onChange={(e) => setFlags({ ...flags, [f.code]: e.target.checked })} /> {f.label}</label>
        ))}
      </fieldset>
      <div className="dialog-buttons"><button type="submit" className="primary" disabled={!dirty || a.busy}>Save flags</button></div>
    </form>
  );
}

function Addresses({ detail, onSaved }: { detail: CaseDetail; onSaved: (d: CaseDetail) => void }) {
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({ line1: '', line2: '', town: '', postcode: '', fromDate: '' });
  const a = useMutation();
  const save = async () => {
    const r = await a.run(async () => {
      await call('children.addAddress', { childId: detail.child.id, ...form, current: true });
      return call('cases.get', { id: detail.case.id });
    });
    if (r) {
      onSaved(r);
      setAdding(false);
      setForm({ line1: '', line2: '', town: '', postcode: '', fromDate: '' });
    }
  };
  return (
    <section className="card">
      <h2>Addresses</h2>
      {detail.addresses.length === 0 ? <p className="muted">No address recorded.</p> : (
        <ul>
          {detail.addresses.map((ad) => (
            <li key={ad.id}>
              {[ad.line1, ad.line2, ad.town, ad.postcode].filter(Boolean).join(', ')}{' '}
              {ad.current ? <span className="pill pill-ok">Current</span> : <span className="muted small">{ad.fromDate || ad.toDate ? `(${formatUk(ad.fromDate) || '?'} to ${formatUk(ad.toDate) || '?'})` : '(previous)'}</span>}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <ErrorBanner message={a.field ? null : a.error} />
          <Field label="Address line 1" required error={a.errorFor('line1')}>{(f) => <input {...f} value={form.line1} onChange={(e) => setForm({ ...form, line1: e.target.value })} />}</Field>
          <div className="grid-2">
            <Field label="Address line 2">{(f) => <input {...f} value={form.line2} onChange={(e) => setForm({ ...form, line2: e.target.value })} />}</Field>
            <Field label="Town">{(f) => <input {...f} value={form.town} onChange={(e) => setForm({ ...form, town: e.target.value })} />}</Field>
            <Field label="Postcode">{(f) => <input {...f} value={form.postcode} onChange={(e) => setForm({ ...form, postcode: e.target.value })} />}</Field>
            <Field label="Living here from" error={a.errorFor('fromDate')}>{(f) => <input {...f} type="date" value={form.fromDate} onChange={(e) => setForm({ ...form, fromDate: e.target.value })} />}</Field>
          </div>
          <p className="muted small">The current address becomes a previous one; the history is kept.</p>
          <div className="dialog-buttons"><button type="button" onClick={() => setAdding(false)}>Cancel</button><button type="submit" className="primary" disabled={a.busy}>Save address</button></div>
        </form>
      ) : <button onClick={() => setAdding(true)}>New current address</button>}
    </section>
  );
}

function Adults({ detail, onSaved }: { detail: CaseDetail; onSaved: (d: CaseDetail) => void }) {
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({ name: '', relationship: '', phone: '', email: '' });
  const a = useMutation();
  const save = async () => {
    const r = await a.run(async () => {
      await call('children.addAdult', { childId: detail.child.id, ...form });
      return call('cases.get', { id: detail.case.id });
    });
    if (r) {
      onSaved(r);
      setAdding(false);
      setForm({ name: '', relationship: '', phone: '', email: '' });
    }
  };
  return (
    <section className="card">
      <h2>Responsible adults</h2>
      {detail.adults.length === 0 ? <p className="muted">None recorded.</p> : (
        <ul>{detail.adults.map((ad) => <li key={ad.id}><strong>{ad.name}</strong>{ad.relationship ? ` (${ad.relationship})` : ''} {[ad.phone, ad.email].filter(Boolean).join(' · ')}</li>)}</ul>
      )}
      {adding ? (
        <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <ErrorBanner message={a.field ? null : a.error} />
          <div className="grid-2">
            <Field label="Adult’s name" required error={a.errorFor('name')}>{(f) => <input {...f} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
            <Field label="Relationship">{(f) => <input {...f} value={form.relationship} onChange={(e) => setForm({ ...form, relationship: e.target.value })} />}</Field>
            <Field label="Phone">{(f) => <input {...f} value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />}</Field>
            <Field label="E-mail">{(f) => <input {...f} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}</Field>
          </div>
          <div className="dialog-buttons"><button type="button" onClick={() => setAdding(false)}>Cancel</button><button type="submit" className="primary" disabled={a.busy}>Save adult</button></div>
        </form>
      ) : <button onClick={() => setAdding(true)}>Add responsible adult</button>}
    </section>
  );
}
