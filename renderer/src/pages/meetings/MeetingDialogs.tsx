import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/api/meetingSchemas';
import type { Officer } from '../../../../shared/api/schemas';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/Banner';
import { useMutation } from '../../data/useMutation';
import { OfficerSelect } from './OfficerSelect';
import { weekdayDate } from './format';

type Meeting = MeetingDetail['meeting'];

export function EditDetailsDialog({ meeting, officers, onClose, onSaved }: { meeting: Meeting; officers: Officer[]; onClose: () => void; onSaved: (d: MeetingDetail) => void }) {
  const [date, setDate] = useState(meeting.date);
  const [time, setTime] = useState(meeting.time);
  const [venue, setVenue] = useState(meeting.venue ?? '');
  const [onlineLink, setOnlineLink] = useState(meeting.onlineLink ?? '');
  const [chairId, setChairId] = useState(meeting.chairId === null ? '' : String(meeting.chairId));
  const [minuteTakerId, setMinuteTakerId] = useState(meeting.minuteTakerId === null ? '' : String(meeting.minuteTakerId));
  const a = useMutation();
  const save = async () => {
    const d = await a.run(() =>
      call('meetings.update', {
        id: meeting.id,
        date,
        time,
        venue: venue || null,
        onlineLink: onlineLink || null,
        chairId: chairId ? Number(chairId) : null,
        minuteTakerId: minuteTakerId ? Number(minuteTakerId) : null,
      }),
    );
    if (d) onSaved(d);
  };
  return (
    <Dialog title="Edit details" open onClose={onClose} onSubmit={() => void save()} submitLabel="Save details" busy={a.busy}>
      <ErrorBanner message={a.field ? null : a.error} />
      <div className="grid-2">
        <Field label="Date" required error={a.errorFor('date')}>{(f) => <input {...f} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
        <Field label="Time" required error={a.errorFor('time')}>{(f) => <input {...f} type="time" value={time} onChange={(e) => setTime(e.target.value)} />}</Field>
      </div>
      <Field label="Venue" error={a.errorFor('venue')}>{(f) => <input {...f} value={venue} onChange={(e) => setVenue(e.target.value)} />}</Field>
      <Field label="Online link" error={a.errorFor('onlineLink')}>{(f) => <input {...f} inputMode="url" value={onlineLink} onChange={(e) => setOnlineLink(e.target.value)} />}</Field>
      <div className="grid-2">
        <Field label="Chair" error={a.errorFor('chairId')}>{(f) => <OfficerSelect {...f} value={chairId} onChange={setChairId} officers={officers} />}</Field>
        <Field label="Minute-taker" error={a.errorFor('minuteTakerId')}>{(f) => <OfficerSelect {...f} value={minuteTakerId} onChange={setMinuteTakerId} officers={officers} />}</Field>
      </div>
    </Dialog>
  );
}

export function ApproveDialog({ detail, onClose, onSaved }: { detail: MeetingDetail; onClose: () => void; onSaved: (d: MeetingDetail) => void }) {
  const next = detail.nextMeeting;
  const [atNext, setAtNext] = useState(next !== null);
  const a = useMutation();
  const save = async () => {
    const d = await a.run(() => call('meetings.approveMinutes', { id: detail.meeting.id, atMeetingId: atNext && next ? next.id : null }));
    if (d) onSaved(d);
  };
  return (
    <Dialog title="Approve minutes" open onClose={onClose} onSubmit={() => void save()} submitLabel="Approve minutes" busy={a.busy}>
      <ErrorBanner message={a.error} />
      <p>Once approved the minutes are locked: later changes are made as amendments, each with a reason.</p>
      {next ? (
        <label className="inline-check">
          <input type="checkbox" checked={atNext} onChange={(e) => setAtNext(e.target.checked)} />
          Approved at the next meeting ({weekdayDate(next.date)})
        </label>
      ) : null}
    </Dialog>
  );
}

/** Asked only when a case was proposed on a rule the panel must follow (red, due for panel…). */
export function RemoveItemDialog({ label, itemIds, onClose, onSaved }: { label: string; itemIds: number[]; onClose: () => void; onSaved: (d: MeetingDetail) => void }) {
  const [reason, setReason] = useState('');
  const a = useMutation();
  const save = async () => {
    const d = await a.run(() => call('agenda.remove', { itemIds, reason }));
    if (d) onSaved(d);
  };
  return (
    <Dialog title={`Remove ${label} from the agenda`} open onClose={onClose} onSubmit={() => void save()} submitLabel="Remove from agenda" busy={a.busy || !reason.trim()}>
      <ErrorBanner message={a.field ? null : a.error} />
      <p>{itemIds.length === 1 ? 'This case was' : 'Some of these cases were'} proposed on a rule the panel is expected to follow (for example rated red, or not located four weeks after notification), so the minutes record why {itemIds.length === 1 ? 'it is' : 'they are'} taken off.</p>
      <p className="muted">Removed cases fold away below the agenda and can be restored.</p>
      <Field label="Reason for removing" required error={a.errorFor('reason')}>
        {(f) => <textarea {...f} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </Dialog>
  );
}
