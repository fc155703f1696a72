import { useImperativeHandle, useRef, type Ref } from 'react';
import type { ItemDetail, MeetingDetail } from '../../../../shared/api/meetingSchemas';
import type { Officer } from '../../../../shared/api/schemas';
import { CaseSummary } from './CaseSummary';
import { StandingInfo } from './StandingInfo';
import { ReviewActions, type ReviewHandle } from './ReviewActions';
import { RecordForm, type RecordHandle } from './RecordForm';
import { RagLead, type RagLeadHandle } from './RagLead';
import { ActionsAgreed, type ActionsHandle } from './ActionsAgreed';
import { EscalationsPanel, type EscalationsHandle } from './EscalationsPanel';
import type { ItemHandle, Mutate } from './types';

/** The current agenda item: what the panel needs to know (left) and what it decides (right). */
export function ItemView({ detail, officers, meeting, mutate, ref }: {
  detail: ItemDetail;
  meeting: MeetingDetail;
  officers: readonly Officer[];
  mutate: Mutate;
  ref?: Ref<ItemHandle>;
}) {
  const record = useRef<RecordHandle>(null);
  const ragLead = useRef<RagLeadHandle>(null);
  const agreed = useRef<ActionsHandle>(null);
  const review = useRef<ReviewHandle>(null);
  const esc = useRef<EscalationsHandle>(null);
  const item = detail.item;
  const meetingDate = meeting.meeting.date;
  const mattersArising = meeting.mattersArising;
  const k = detail.case;
  const isCase = item.kind === 'case' && k !== null;
  // Matters arising: every earlier meeting's open actions, reviewed under the previous-minutes item.
  const reviewList = isCase ? k.openActions : item.code === 'previous_minutes' ? mattersArising : [];

  useImperativeHandle(ref, () => ({
    flush: () => record.current?.flush() ?? Promise.resolve(true),
    hasUnsaved: () => record.current?.hasUnsaved() ?? false,
    focusNotes: () => record.current?.focusNotes(),
    focusNewAction: () => agreed.current?.focusNewAction(),
    chooseRag: (r) => ragLead.current?.chooseRag(r),
    focusLead: () => ragLead.current?.focusLead(),
    reviewFirst: (o) => review.current?.reviewFirst(o) ?? false,
    focusEscalation: () => esc.current?.focusEscalation(),
  }));

  return (
    <div className="ck-item">
      <div className="ck-col ck-col-left">
        {isCase ? (
          <CaseSummary detail={detail} />
        ) : (
          <StandingInfo code={item.code} title={item.title} meeting={meeting} mattersArising={mattersArising.filter((a) => a.reviewedHere === null).length} openEscalations={detail.openEscalations} />
        )}
        <ReviewActions
          ref={review}
          itemId={item.id}
          actions={reviewList}
          meetingDate={meetingDate}
          defaultDueDate={detail.defaultDueDate}
          mutate={mutate}
          title={isCase ? 'Open actions to review' : 'Matters arising: open actions from earlier meetings'}
        />
        {isCase && reviewList.length === 0 ? (
          <section className="ck-card" aria-label="Open actions to review">
            <h2>Open actions to review</h2>
            <p className="muted small">No open actions on this case.</p>
          </section>
        ) : null}
      </div>
      <div className="ck-col ck-col-right">
        <RecordForm ref={record} detail={detail} mutate={mutate} />
        {isCase ? <RagLead ref={ragLead} detail={detail} officers={officers} mutate={mutate} /> : null}
        {isCase ? <ActionsAgreed ref={agreed} detail={detail} officers={officers} people={meeting.attendance.filter((a) => a.status === 'present').map((a) => a.name)} mutate={mutate} /> : null}
        {isCase ? <EscalationsPanel ref={esc} detail={detail} mutate={mutate} /> : null}
      </div>
    </div>
  );
}
