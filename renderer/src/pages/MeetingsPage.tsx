import { useState } from 'react';
import type { MeetingSummary, Panel } from '../../../shared/api/meetingSchemas';
import { call } from '../api/client';
import { useMeetings, usePanels } from '../data/hooks';
import { useToday } from '../data/today';
import { hrefFor } from '../lib/router';
import { formatUk, plural } from '../lib/format';
import { Dialog } from '../components/Dialog';
import { Field, Select } from '../components/Field';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import { useCan } from '../data/session';
import { useMutation } from '../data/useMutation';
import { STATUS_LABELS, STATUS_PILL, describeCadence, groupMeetings, weekdayDate } from './meetings/format';
import './meetings/meetings.css';

type Open = { kind: 'schedule' | 'add'; panel: Panel } | null;

/** Every panel's meetings: schedule the next ones from the cadence, add a one-off, open one to prepare it. */
export function MeetingsPage() {
  const panels = usePanels();
  const meetings = useMeetings();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const can = useCan();

  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
    void meetings.reload();
  };
  const groups = meetings.data ? groupMeetings(meetings.data) : null;
  const today = useToday();
  const activePanels = (panels.data ?? []).filter((p) => p.active);

  return (
    <div className="meetings-page">
      <div className="page-head"><h1>Meetings</h1><span className="muted">{meetings.data ? plural(meetings.data.length, 'meeting') : ''}</span></div>
      <ErrorBanner message={panels.error ?? meetings.error} />
      {notice ? <InfoBanner>{notice}</InfoBanner> : null}

      {panels.data && activePanels.length === 0 ? (
        <p className="muted">No panels are set up yet. Add one under <a href={hrefFor({ page: 'panels' })}>Panels &amp; calendar</a>.</p>
      ) : null}
      <div className="panel-strip">
        {activePanels.map((p) => (
          <section key={p.id} className="card panel-summary" aria-labelledby={`panel-${p.id}-name`}>
            <h2 id={`panel-${p.id}-name`}>{p.name} <span className="pill">{p.register}</span></h2>
            <p className="muted small">{describeCadence(p.cadence)} · {p.defaultTime}{p.defaultVenue ? ` · ${p.defaultVenue}` : ''}</p>
            <div className="button-row">
              {can('meetings.generate') ? <button type="button" className="primary" onClick={() => { setNotice(null); setOpen({ kind: 'schedule', panel: p }); }}>Schedule next meetings</button> : null}
              {can('meetings.create') ? <button type="button" onClick={() => { setNotice(null); setOpen({ kind: 'add', panel: p }); }}>Add a meeting</button> : null}
            </div>
          </section>
        ))}
      </div>

      {groups && meetings.data && meetings.data.length === 0 ? (
        <div className="card empty-state">
          <h2>No meetings yet</h2>
          <p>
            Use <strong>Schedule next meetings</strong> on a panel to add its next meetings from its cadence and the term
            calendar (the CME panel monthly, the PMOE panel half-termly), or <strong>Add a meeting</strong> for a one-off date.
          </p>
        </div>
      ) : null}
      {groups && meetings.data && meetings.data.length > 0 ? (
        <>
          <MeetingGroup title="Upcoming" rows={groups.upcoming} today={today} empty="No meetings scheduled. Use “Schedule next meetings” on a panel." />
          <MeetingGroup title="In progress" rows={groups.inProgress} today={today} empty="No meeting is running." />
          <MeetingGroup title="Draft minutes" rows={groups.draft} today={today} empty="No minutes waiting for approval." />
          <MeetingGroup title="Approved" rows={groups.approved} today={today} empty="No approved minutes yet." />
        </>
      ) : null}
      {!meetings.data && !meetings.error ? <p className="muted" aria-busy="true">Loading meetings…</p> : null}

      {open?.kind === 'schedule' ? <ScheduleDialog panel={open.panel} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.kind === 'add' ? <AddMeetingDialog panels={activePanels} panel={open.panel} onClose={() => setOpen(null)} onDone={done} /> : null}
    </div>
  );
}

function MeetingGroup({ title, rows, today, empty }: { title: string; rows: MeetingSummary[]; today: string; empty: string }) {
  // The cockpit is the minute-taker's; someone who can't record follows the room's screen instead.
  const canRecord = useCan()('items.record');
  const id = `group-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="meeting-group" aria-labelledby={id}>
      <h2 id={id}>{title} {rows.length > 0 ? <span className="count-badge">{rows.length}</span> : null}</h2>
      {rows.length === 0 ? <p className="muted">{empty}</p> : (
        <table className="simple meetings-table" aria-labelledby={id}>
          <colgroup>
            <col className="c-panel" /><col className="c-date" /><col className="c-time" /><col /><col className="c-cases" /><col className="c-status" /><col className="c-links" />
          </colgroup>
          <thead>
            <tr><th>Panel</th><th>Date</th><th>Time</th><th>Venue</th><th className="num">Case items</th><th>Status</th><th><span className="sr-only">Open</span></th></tr>
          </thead>
          <tbody>
            {rows.map((m) => {
              const label = `${m.panelName}, ${weekdayDate(m.date)}`;
              return (
                <tr key={m.id}>
                  <td>{m.panelName}</td>
                  <td className="nowrap">
                    {weekdayDate(m.date)}
                    {m.status === 'scheduled' && today && m.date < today ? <> <span className="pill pill-warn">Date passed</span></> : null}
                  </td>
                  <td>{m.time}</td>
                  <td>{m.venue ?? (m.onlineLink ? 'Online' : <span className="muted">Not set</span>)}</td>
                  <td className="num">{m.caseItems}</td>
                  <td>
                    <span className={STATUS_PILL[m.status]}>{STATUS_LABELS[m.status]}</span>
                    {m.status === 'approved' && m.approvedOn ? <span className="muted small"> {formatUk(m.approvedOn)}</span> : null}
                  </td>
                  <td className="nowrap row-links">
                    <a href={hrefFor({ page: 'meeting', id: m.id })}>Open<span className="sr-only"> {label}</span></a>
                    {m.status === 'in_progress' && canRecord ? <a href={hrefFor({ page: 'cockpit', id: m.id })}>Open cockpit<span className="sr-only"> {label}</span></a> : null}
                    {m.status === 'in_progress' && !canRecord ? <a href={hrefFor({ page: 'projector', id: m.id })}>Follow the meeting<span className="sr-only"> {label}</span></a> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ScheduleDialog({ panel, onClose, onDone }: { panel: Panel; onClose: () => void; onDone: (message: string) => void }) {
  const [count, setCount] = useState('6');
  const a = useMutation();
  const save = async () => {
    const r = await a.run(() => call('meetings.generate', { panelId: panel.id, count: Number(count) }));
    if (!r) return;
    onDone(
      r.length === 0
        ? `No new dates for the ${panel.name}: its next meetings are already booked, or the term calendar runs out. Add next year's term dates under Panels & calendar.`
        : `Scheduled ${plural(r.length, 'meeting')} for the ${panel.name}: ${r.map((m) => weekdayDate(m.date)).join(', ')}.`,
    );
  };
  return (
    <Dialog title="Schedule next meetings" open onClose={onClose} onSubmit={() => void save()} submitLabel="Schedule meetings" busy={a.busy}>
      <p className="muted">{panel.name}: {describeCadence(panel.cadence)}. Dates already booked are skipped.</p>
      <ErrorBanner message={a.field ? null : a.error} />
      <Field label="How many meetings" required error={a.errorFor('count')} hint="From 1 to 24.">
        {(f) => <input {...f} type="number" min={1} max={24} value={count} onChange={(e) => setCount(e.target.value)} />}
      </Field>
    </Dialog>
  );
}

function AddMeetingDialog({ panels, panel, onClose, onDone }: { panels: Panel[]; panel: Panel; onClose: () => void; onDone: (message: string) => void }) {
  const [panelId, setPanelId] = useState(String(panel.id));
  const chosen = panels.find((p) => String(p.id) === panelId) ?? panel;
  const [date, setDate] = useState('');
  const [time, setTime] = useState(panel.defaultTime);
  const [venue, setVenue] = useState(panel.defaultVenue ?? '');
  const [onlineLink, setOnlineLink] = useState('');
  const a = useMutation();
  const pick = (v: string) => {
    setPanelId(v);
    const p = panels.find((x) => String(x.id) === v);
    if (p) {
      setTime(p.defaultTime);
      setVenue(p.defaultVenue ?? '');
    }
  };
  const save = async () => {
    const r = await a.run(() => call('meetings.create', { panelId: chosen.id, date, time, venue: venue || null, onlineLink: onlineLink || null }));
    if (r) onDone(`Added the ${r.panelName} meeting on ${weekdayDate(r.date)} at ${r.time}.`);
  };
  return (
    <Dialog title="Add a meeting" open onClose={onClose} onSubmit={() => void save()} submitLabel="Add meeting" busy={a.busy || !date}>
      <ErrorBanner message={a.field ? null : a.error} />
      <Field label="Panel" required error={a.errorFor('panelId')}>
        {(f) => <Select {...f} value={panelId} onChange={pick} options={panels.map((p) => ({ code: String(p.id), label: p.name }))} />}
      </Field>
      <div className="grid-2">
        <Field label="Date" required error={a.errorFor('date')}>{(f) => <input {...f} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
        <Field label="Time" required error={a.errorFor('time')}>{(f) => <input {...f} type="time" value={time} onChange={(e) => setTime(e.target.value)} />}</Field>
      </div>
      <Field label="Venue" error={a.errorFor('venue')}>{(f) => <input {...f} value={venue} onChange={(e) => setVenue(e.target.value)} />}</Field>
      <Field label="Online link" error={a.errorFor('onlineLink')} hint="Teams or Zoom address, if the meeting is also online.">
        {(f) => <input {...f} inputMode="url" value={onlineLink} onChange={(e) => setOnlineLink(e.target.value)} />}
      </Field>
    </Dialog>
  );
}
