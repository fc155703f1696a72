import { Fragment } from 'react';
import type { MinutesDoc, MinutesItem, MinutesVariant } from '../../../../shared/api/minutesSchemas';
import { useMinutes } from '../../data/hooks';
import { formatUk, formatDateTime } from '../../lib/format';
import { Fact, MeetingDocHead, PeopleList, PrintShell, Produced, Text } from './PrintShell';
import { ReviewTable, CaseItem } from './MinutesCaseItem';
import { ActionTable, RagSummary } from './MinutesSummary';

/**
 * The minutes as a printable A4 document: #/print/minutes/<meetingId>/<full|redacted>.
 * Shows exactly what minutes.get sends — in the redacted variant the server has already taken the
 * children's names, addresses, contacts and dates of birth out. The frame (toolbar, running marks,
 * readiness for PDF printing) is PrintShell's.
 */
export function MinutesPrint({ meetingId, variant }: { meetingId: number; variant: MinutesVariant }) {
  const minutes = useMinutes({ meetingId, variant });
  const doc = minutes.data;
  const m = doc?.meeting;
  const meetingLabel = m ? `${m.panelName} – ${formatUk(m.date)}` : '';
  const other: MinutesVariant = variant === 'full' ? 'redacted' : 'full';

  return (
    <PrintShell
      request={{ kind: 'minutes', id: meetingId, variant }}
      title={doc ? `Minutes – ${meetingLabel} – ${doc.variantLabel}` : null}
      marking={doc?.marking ?? ''}
      runningTitle={meetingLabel}
      variantLabel={doc?.variantLabel ?? ''}
      otherVariant={{ href: `#/print/minutes/${meetingId}/${other}`, label: `Show the ${other === 'full' ? 'full minutes' : 'redacted version'}` }}
      back={{ href: `#/meeting/${meetingId}`, label: 'Back to the meeting' }}
      loaded={doc}
      error={minutes.error}
    >
      {doc && m && <MinutesBody doc={doc} meetingLabel={meetingLabel} />}
    </PrintShell>
  );
}

function MinutesBody({ doc, meetingLabel }: { doc: MinutesDoc; meetingLabel: string }) {
  const m = doc.meeting;
  const cases = doc.items.filter((i) => i.case).length;
  return (
      <main className="minutes" aria-label={`Minutes: ${meetingLabel}`}>
        <MeetingDocHead doc={doc} heading="minutes" status={{ label: m.statusLabel, tone: m.status === 'approved' ? 'approved' : 'draft' }} missing="Not recorded">
          {m.approvedAt && <Fact label="Approved at" wide>{m.approvedAt}</Fact>}
        </MeetingDocHead>

        <Attendance doc={doc} />

        <section className="m-agenda" aria-label="Agenda items">
          <h2>Minutes</h2>
          {doc.items.map((it, i) => {
            if (!it.case) return <StandingItem key={it.number} item={it} />;
            // A heading where the agenda moves into a new section (case reviews, new referrals, proposed closures).
            const prev = doc.items[i - 1]?.case?.section;
            return (
              <Fragment key={it.number}>
                {prev !== it.case.section && <h3 className="m-section">{it.case.section}</h3>}
                <CaseItem item={it} />
              </Fragment>
            );
          })}
        </section>

        {doc.notReached.length > 0 && (
          <section className="m-block">
            <h2>Not reached</h2>
            <p>
              {doc.notReached.length === 1 ? 'This case was' : 'These cases were'} on the agenda but not discussed, and {doc.notReached.length === 1 ? 'is' : 'are'} carried to the next meeting:{' '}
              {doc.notReached.map((n) => `${n.reference} (item ${n.number})`).join(', ')}.
            </p>
          </section>
        )}

        {doc.withdrawn.length > 0 && (
          <section className="m-block">
            <h2>Cases taken off the agenda</h2>
            <table className="grid">
              <thead><tr><th scope="col">Why</th><th scope="col">Cases</th></tr></thead>
              <tbody>
                {doc.withdrawn.map((w, i) => (
                  <tr key={i}><td>{w.reason ?? 'No reason needed (not on a mandatory rule)'}</td><td className="num">{w.count}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        <ActionTable doc={doc} />
        <RagSummary doc={doc} cases={cases} />

        {/* Said once: under the agenda's standing item when it has one, else here at the end. */}
        {!doc.nextMeetingOnAgenda && (
          <section className="m-block m-next">
            <h2>Date of next meeting</h2>
            <p>
              {doc.nextMeeting
                ? `${formatUk(doc.nextMeeting.date)} at ${doc.nextMeeting.time}${doc.nextMeeting.venue ? `, ${doc.nextMeeting.venue}` : ''}`
                : 'Not yet scheduled.'}
            </p>
          </section>
        )}

        {doc.amendments.length > 0 && (
          <section className="m-block">
            <h2>Amendments after approval</h2>
            <table className="grid">
              <thead><tr><th scope="col">When</th><th scope="col">By</th><th scope="col">Item</th><th scope="col">Field</th><th scope="col">Why</th></tr></thead>
              <tbody>
                {doc.amendments.map((a, i) => (
                  <tr key={i}><td className="nowrap">{formatDateTime(a.at)}</td><td>{a.actor}</td><td>{a.item ?? ''}</td><td>{a.field}</td><td>{a.reason}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        <Produced parts={[doc.marking, doc.variantLabel]} at={doc.generatedAt} />
      </main>
  );
}

function Attendance({ doc }: { doc: MinutesDoc }) {
  const groups = [
    ['Present', doc.attendance.present],
    ['Apologies', doc.attendance.apologies],
    ['Absent', doc.attendance.absent],
    ['Guests', doc.attendance.guests],
    ...(doc.attendance.notMarked.length > 0 ? [['Attendance not recorded', doc.attendance.notMarked] as const] : []),
  ] as const;
  return (
    <section className="m-block m-attendance">
      <h2>Attendance</h2>
      <div className="m-att-grid">
        {groups.map(([label, people]) => (
          <div key={label} className="m-att-group">
            <h3>{label} <span className="count">({people.length})</span></h3>
            {people.length === 0 ? (
              <p className="none">None</p>
            ) : (
              <PeopleList people={people} />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function StandingItem({ item }: { item: MinutesItem }) {
  return (
    <article className="m-item m-standing">
      <h3><span className="inum">{item.number}.</span> {item.title}</h3>
      {item.discussion ? <p className="m-standing-text">{item.discussion}</p> : !item.decisions && item.mattersArising.length === 0 && <p className="none">Nothing recorded.</p>}
      <Text label="Decisions" text={item.decisions} />
      {item.mattersArising.length > 0 && (
        <div className="m-sub">
          <h4>Matters arising: actions reviewed</h4>
          <ReviewTable rows={item.mattersArising} />
        </div>
      )}
    </article>
  );
}
