import { useEffect, useState } from 'react';
import { sameCaseReference } from '../../../../shared/domain/caseReference';
import type { MeetingDetail } from '../../../../shared/api/meetingSchemas';
import { call } from '../../api/client';
import { formatUk } from '../../lib/format';
import { Dialog } from '../../components/Dialog';
import { Field, Select } from '../../components/Field';
import type { AgendaSection } from '../../../../shared/domain/agenda';
import { SECTION_OPTIONS } from '../meetings/sectionOptions';
import { liveItems } from './agendaView';


/** `M`: approve the last meeting's draft minutes here (they lock), after a confirmation. */
export function ApproveMinutesDialog({ open, meeting, onClose, onDone }: { open: boolean; meeting: MeetingDetail; onClose: () => void; onDone: (message: string) => void }) {
  const prev = meeting.previousMeeting;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  const can = prev !== null && prev.status === 'draft';
  const submit = async () => {
    if (!prev || !can) {
      onClose();
      return;
    }
    setBusy(true);
    try {
      await call('meetings.approveMinutes', { id: prev.id, atMeetingId: meeting.meeting.id });
      onDone(`Minutes of ${formatUk(prev.date)} approved and locked`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Approve the last minutes" open={open} onClose={onClose} onSubmit={() => void submit()} submitLabel={can ? 'Approve minutes' : 'OK'} busy={busy} error={error}>
      {prev === null ? <p>This panel has no earlier meeting.</p>
        : prev.status === 'approved' ? <p>The minutes of {formatUk(prev.date)} are already approved.</p>
          : prev.status !== 'draft' ? <p>The meeting of {formatUk(prev.date)} has not been closed, so it has no minutes to approve yet.</p>
            : <p>Approve the minutes of the meeting of {formatUk(prev.date)} as a true record? Once approved they are locked; later corrections are recorded as amendments.</p>}
    </Dialog>
  );
}

/** `/`: add a case to the agenda by its reference, then go to it. */
export function AddCaseDialog({ open, meetingId, onClose, onAdded }: { open: boolean; meetingId: number; onClose: () => void; onAdded: (d: MeetingDetail, itemId: number) => void }) {
  const [reference, setReference] = useState('');
  const [section, setSection] = useState<AgendaSection>('case_reviews');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setReference('');
      setError(null);
    }
  }, [open]);
  const submit = async () => {
    const ref = reference.trim();
    if (!ref) {
      setError('Type the case reference.');
      return;
    }
    setBusy(true);
    try {
      const next = await call('agenda.addCase', { meetingId, reference: ref, section });
      const added = liveItems(next.items).filter((i) => i.kind === 'case' && i.caseReference !== null && i.caseReference !== undefined && sameCaseReference(i.caseReference, ref));
      const target = added[added.length - 1];
      if (target) onAdded(next, target.id);
      else setError(`${ref} was not added to the agenda.`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Add a case to the agenda" open={open} onClose={onClose} onSubmit={() => void submit()} submitLabel="Add and go to it" busy={busy}>
      <Field label="Case reference" error={error} hint="As on the register, e.g. CME-2025-0123">
        {(p) => <input {...p} value={reference} onChange={(e) => setReference(e.target.value)} autoFocus autoComplete="off" />}
      </Field>
      <Field label="Section">
        {(p) => <Select {...p} value={section} onChange={(v) => setSection((v || 'case_reviews') as AgendaSection)} options={SECTION_OPTIONS} />}
      </Field>
    </Dialog>
  );
}
