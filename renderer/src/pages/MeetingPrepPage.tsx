import { useEffect, useState } from 'react';
import type { MeetingDetail } from '../../../shared/api/meetingSchemas';
import { call } from '../api/client';
import { useMeeting, useOfficers } from '../data/hooks';
import { hrefFor, navigate } from '../lib/router';
import { formatDateTime, formatUk } from '../lib/format';
import { Tabs } from '../components/Tabs';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import { useMutation } from '../data/useMutation';
import { AgendaTab } from './meetings/AgendaTab';
import { AttendanceTab } from './meetings/AttendanceTab';
import { useCan } from '../data/session';
import type { MethodName } from '../../../shared/api/contract';
import { ApproveDialog, EditDetailsDialog } from './meetings/MeetingDialogs';
import { AmendForm } from './meetings/AmendForm';
import { caseItemCount } from './meetings/agenda';
import { STATUS_LABELS, STATUS_PILL, amendedFieldLabel, attendanceCounts, longWeekdayDate, weekdayDate } from './meetings/format';
import './meetings/meetings.css';

const AGENDA_METHODS: readonly MethodName[] = ['meetings.buildAgenda', 'agenda.addCase', 'agenda.remove', 'agenda.bringIn', 'agenda.restore', 'agenda.move'];

type DialogName = 'edit' | 'approve' | null;

/** Preparing one meeting: details, the agenda (built from the register, then edited by hand) and who is coming. */
export function MeetingPrepPage({ id, initialTab = 'agenda' }: { id: number; initialTab?: 'agenda' | 'attendance' }) {
  const detail = useMeeting(id);
  const officers = useOfficers();
  const [tab, setTab] = useState<'agenda' | 'attendance'>(initialTab);
  const [dialog, setDialog] = useState<DialogName>(null);
  const start = useMutation();
  const can = useCan();

  useEffect(() => setDialog(null), [id]);

  if (detail.error && !detail.data) return <><ErrorBanner message={detail.error} /><a href={hrefFor({ page: 'meetings' })}>Back to meetings</a></>;
  if (!detail.data) return <p className="muted" aria-busy="true">Loading meeting…</p>;
  const d = detail.data;
  const m = d.meeting;
  const saved = (next: MeetingDetail) => {
    detail.setData(next);
    setDialog(null);
  };
  // Each tab offers its changes only to a role that may make every one of them (a panel member reads).
  const agendaEditable = !m.locked && (m.status === 'scheduled' || m.status === 'in_progress') && AGENDA_METHODS.every(can);
  const attendanceEditable = !m.locked && m.status !== 'approved' && can('attendance.mark') && can('attendance.add');

  const startMeeting = async () => {
    const r = await start.run(() => call('meetings.start', { id }));
    if (r) navigate({ page: 'cockpit', id });
  };

  return (
    <div className="meeting-prep">
      <nav className="small" aria-label="Breadcrumb" style={{ marginBottom: '0.5rem' }}>
        <a href={hrefFor({ page: 'meetings' })}>All meetings</a> › {m.panelName}, {weekdayDate(m.date)}
      </nav>

      <header className="meeting-head">
        <div>
          <h1>{m.panelName} <span className="muted">— {longWeekdayDate(m.date)}</span> <span className={`${STATUS_PILL[m.status]} head-pill`}>{STATUS_LABELS[m.status]}</span></h1>
          <dl className="meeting-facts">
            <div><dt>Time</dt><dd>{m.time}</dd></div>
            <div><dt>Venue</dt><dd>{m.venue ?? <span className="muted">Not set</span>}</dd></div>
            <div><dt>Online link</dt><dd>{m.onlineLink ? <a href={m.onlineLink} target="_blank" rel="noreferrer">{m.onlineLink}</a> : <span className="muted">None</span>}</dd></div>
            <div><dt>Chair</dt><dd>{m.chairName ?? <span className="muted">Not set</span>}</dd></div>
            <div><dt>Minute-taker</dt><dd>{m.minuteTakerName ?? <span className="muted">Not set</span>}</dd></div>
          </dl>
        </div>
        <div className="meeting-head-actions">
          {!m.locked && m.status !== 'approved' && can('meetings.update') ? <button type="button" onClick={() => setDialog('edit')}>Edit details</button> : null}
          {m.status === 'scheduled' && can('meetings.start') ? (
            <button type="button" className="primary big" onClick={() => void startMeeting()} disabled={start.busy}>Start meeting</button>
          ) : null}
          {m.status === 'in_progress' && can('items.record') ? <a className="button primary big" href={hrefFor({ page: 'cockpit', id })}>Open cockpit</a> : null}
          {m.status === 'in_progress' && !can('items.record') ? <a className="button primary big" href={hrefFor({ page: 'projector', id })}>Follow the meeting</a> : null}
          {m.status === 'draft' && can('meetings.approveMinutes') ? (
            <button type="button" className="primary big" onClick={() => setDialog('approve')}>Approve minutes</button>
          ) : null}
          <div className="meeting-docs" aria-label="Documents">
            <span>
              Agenda pack:{' '}
              <a href={hrefFor({ page: 'print', doc: 'agenda', id, variant: 'full' })}>full</a>
              {' · '}
              <a href={hrefFor({ page: 'print', doc: 'agenda', id, variant: 'redacted' })}>redacted for circulation</a>
            </span>
            {m.status === 'draft' || m.status === 'approved' || m.status === 'in_progress' ? (
              <span className="minutes-links">
                Minutes:{' '}
                <a href={hrefFor({ page: 'print', doc: 'minutes', id, variant: 'full' })}>full</a>
                {' · '}
                <a href={hrefFor({ page: 'print', doc: 'minutes', id, variant: 'redacted' })}>redacted for circulation</a>
              </span>
            ) : null}
          </div>
        </div>
      </header>

      <ErrorBanner message={start.error ?? (detail.error && detail.data ? detail.error : null)} />
      {m.status === 'in_progress' ? (
        <InfoBanner>This meeting is running{m.startedAt ? ` (started ${formatDateTime(m.startedAt)})` : ''}. {can('items.record') ? ' Record it in the cockpit.' : ''}</InfoBanner>
      ) : null}
      {m.status === 'draft' ? (
        <InfoBanner>
          Draft minutes. Minutes are normally approved at the next meeting
          {d.nextMeeting ? ` (${weekdayDate(d.nextMeeting.date)})` : ''}, under “Minutes of the last meeting and matters arising”.
        </InfoBanner>
      ) : null}
      {m.status === 'approved' ? (
        <div className="banner banner-locked" role="status">
          <strong>Approved on {formatUk(m.approvedOn)} — locked.</strong> Changes since are listed below as amendments.
        </div>
      ) : null}

      <Tabs
        label="Meeting preparation"
        current={tab}
        onChange={(t) => setTab(t as 'agenda' | 'attendance')}
        tabs={[
          { id: 'agenda', label: 'Agenda', count: caseItemCount(d.items) },
          { id: 'attendance', label: 'Attendance', count: d.attendance.length },
        ]}
      >
        {tab === 'agenda' ? (
          <AgendaTab detail={d} editable={agendaEditable} onSaved={saved} onReload={() => void detail.reload()} />
        ) : (
          <AttendanceTab detail={d} editable={attendanceEditable} onSaved={saved} />
        )}
      </Tabs>
      {tab === 'agenda' ? <p className="muted small">Attendance: {attendanceCounts(d.attendance)}.</p> : null}

      {m.status === 'approved' || d.amendments.length > 0 ? (
        <section className="card" aria-labelledby="amendments-heading">
          <h2 id="amendments-heading">Amendments</h2>
          {d.amendments.length === 0 ? <p className="muted">No amendments since approval.</p> : (
            <table className="simple">
              <thead><tr><th>When</th><th>By</th><th>Item</th><th>Field</th><th>Was</th><th>Now</th><th>Reason</th></tr></thead>
              <tbody>
                {d.amendments.map((x, i) => (
                  <tr key={i}>
                    <td className="nowrap">{formatDateTime(x.at)}</td><td>{x.actor}</td><td>{x.itemTitle ?? ''}</td><td>{amendedFieldLabel(x.field)}</td>
                    <td className="pre">{x.oldValue ?? ''}</td><td className="pre">{x.newValue ?? ''}</td><td>{x.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {m.status === 'approved' && can('meetings.amend') ? <AmendForm detail={d} onSaved={saved} /> : null}
        </section>
      ) : null}

      {dialog === 'edit' ? <EditDetailsDialog meeting={m} officers={officers.data ?? []} onClose={() => setDialog(null)} onSaved={saved} /> : null}
      {dialog === 'approve' ? <ApproveDialog detail={d} onClose={() => setDialog(null)} onSaved={saved} /> : null}
    </div>
  );
}
