import { Fragment } from 'react';
import type { AgendaPackDoc, AgendaPackItem } from '../../../../shared/api/documentSchemas';
import type { MinutesVariant } from '../../../../shared/api/minutesSchemas';
import { useAgendaPack } from '../../data/hooks';
import { formatUk } from '../../lib/format';
import { MeetingDocHead, PeopleList, PrintShell, Produced, Rating, Text } from './PrintShell';

/**
 * The agenda pack, sent before a panel: #/print/agenda/<meetingId>/<full|redacted>. The running
 * order first, then a page of papers per case — why it is on the agenda, a summary, open actions
 * and escalations, and the last panel's minute. The redacted variant arrives redacted.
 */
export function AgendaPackPrint({ meetingId, variant }: { meetingId: number; variant: MinutesVariant }) {
  const pack = useAgendaPack({ meetingId, variant });
  const doc = pack.data;
  const label = doc ? `${doc.meeting.panelName} – ${formatUk(doc.meeting.date)}` : '';
  const other: MinutesVariant = variant === 'full' ? 'redacted' : 'full';
  return (
    <PrintShell
      request={{ kind: 'agenda', id: meetingId, variant }}
      title={doc ? `Agenda pack – ${label} – ${doc.variantLabel}` : null}
      marking={doc?.marking ?? ''}
      runningTitle={label}
      variantLabel={doc?.variantLabel ?? ''}
      otherVariant={{ href: `#/print/agenda/${meetingId}/${other}`, label: `Show the ${other === 'full' ? 'full pack' : 'redacted pack'}` }}
      back={{ href: `#/meeting/${meetingId}`, label: 'Back to the meeting' }}
      loaded={doc}
      error={pack.error}
    >
      {doc && <PackBody doc={doc} label={label} />}
    </PrintShell>
  );
}

function PackBody({ doc, label }: { doc: AgendaPackDoc; label: string }) {
  const m = doc.meeting;
  const caseItems = doc.items.filter((i) => i.case);
  return (
    <main className="minutes agenda-pack" aria-label={`Agenda pack: ${label}`}>
      <MeetingDocHead doc={doc} heading="agenda pack" status={{ label: `FOR THE MEETING ON ${formatUk(m.date)}`, tone: 'draft' }} missing="Not set" />

      {doc.invited.length > 0 && (
        <section className="m-block">
          <h2>Invited</h2>
          <PeopleList people={doc.invited} className="p-invited" />
        </section>
      )}

      <section className="m-block">
        <h2>Agenda</h2>
        <table className="grid p-order">
          <thead>
            <tr><th scope="col" className="num">No.</th><th scope="col">Item</th><th scope="col">RAG</th><th scope="col">Lead officer</th></tr>
          </thead>
          <tbody>
            {doc.items.map((it, i) => {
              const section = it.case?.section;
              const prev = doc.items[i - 1]?.case?.section;
              return (
                <Fragment key={it.number}>
                  {section && section !== prev && (
                    <tr className="p-section"><th colSpan={4} scope="rowgroup">{section}</th></tr>
                  )}
                  <tr>
                    <td className="num">{it.number}</td>
                    <td>
                      {it.case ? (
                        <>
                          <strong>{it.case.reference}</strong> — {it.case.child}
                          {it.case.reasons.length > 0 && <div className="reason">{it.case.reasons.join('; ')}</div>}
                        </>
                      ) : (
                        <>
                          <strong>{it.title}</strong>
                          {it.note && <div className="reason">{it.note}</div>}
                        </>
                      )}
                    </td>
                    <td className="nowrap">{it.case ? <Rating rag={it.case.rag} /> : ''}</td>
                    <td>{it.case ? (it.case.leadOfficer ?? 'None allocated') : ''}</td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
        <p className="p-summary">
          {doc.summary.cases === 0
            ? 'No cases are on the agenda.'
            : `${doc.summary.cases} case${doc.summary.cases === 1 ? '' : 's'}: ` +
              doc.summary.bySection.map((s) => `${s.count} ${s.section.toLowerCase()}`).join(', ') +
              `. Red ${doc.summary.byRag.red}, amber ${doc.summary.byRag.amber}, green ${doc.summary.byRag.green}` +
              (doc.summary.byRag.unrated ? `, not rated ${doc.summary.byRag.unrated}` : '') +
              `. Open actions overdue on ${formatUk(doc.summary.overdueAsAt)}: ${doc.summary.overdueActions}.`}
        </p>
      </section>

      {caseItems.length > 0 && (
        <section className="m-agenda" aria-label="Case papers">
          <h2 className="p-papers">Case papers</h2>
          {caseItems.map((it) => <CasePaper key={it.number} item={it} />)}
        </section>
      )}

      <Produced parts={[doc.marking, doc.variantLabel]} at={doc.generatedAt} />
    </main>
  );
}

function CasePaper({ item }: { item: AgendaPackItem }) {
  const c = item.case!;
  return (
    <article className="m-item m-case p-case">
      <div className="m-case-head">
        <h3>
          <span className="inum">{item.number}.</span> {c.reference} <span className="child">— {c.child}</span>
        </h3>
        <span className="p-section-tag">{c.section}</span>
      </div>
      <table className="m-case-facts">
        <tbody>
          <tr>
            <th scope="row">Age / year group</th><td>{c.ageYears} · {c.yearGroupLabel}</td>
            <th scope="row">Status</th><td>{c.status}</td>
            <th scope="row">Lead officer</th><td>{c.leadOfficer ?? 'None allocated'}</td>
          </tr>
          <tr>
            <th scope="row">Notified</th>
            <td>{formatUk(c.dateNotified)} ({c.daysOpen} days{c.longTerm ? ', long-term' : ''})</td>
            <th scope="row">{c.register === 'CME' ? 'Reason' : 'Missing out'}</th><td>{c.referralReason ?? '—'}</td>
            <th scope="row">{c.register === 'CME' ? 'Last school' : 'School'}</th><td>{c.school ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">RAG</th>
            <td colSpan={5}>
              <Rating rag={c.rag} />
              {c.ragReason && <span className="reason"> {c.ragReason}</span>}
            </td>
          </tr>
        </tbody>
      </table>
      {c.reasons.length > 0 && <p className="m-why"><span>On the agenda because:</span> {c.reasons.join('; ')}</p>}
      {(c.flags.length > 0 || c.concerns.length > 0) && (
        <p className="m-why">
          {c.flags.length > 0 && <><span>Vulnerabilities:</span> {c.flags.join(', ')}. </>}
          {c.concerns.length > 0 && <><span>Criteria of concern:</span> {c.concerns.join(', ')}.</>}
        </p>
      )}
      <div className="m-sub">
        <h4>Checks ({c.checks.count})</h4>
        {c.checks.count === 0 ? (
          <p className="none">No checks recorded.</p>
        ) : (
          <ul className="p-checks">
            {c.checks.last.map((k, i) => (
              <li key={i}><span className="nowrap">{formatUk(k.checkedOn)}</span> · {k.agency}: {k.outcome}</li>
            ))}
            {c.checks.count > c.checks.last.length && <li className="reason">and {c.checks.count - c.checks.last.length} earlier</li>}
          </ul>
        )}
      </div>
      <div className="m-sub">
        <h4>Open actions ({c.openActions.length})</h4>
        {c.openActions.length === 0 ? (
          <p className="none">No open actions.</p>
        ) : (
          <table className="grid">
            <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th></tr></thead>
            <tbody>
              {c.openActions.map((a, i) => (
                <tr key={i}>
                  <td>{a.text}{a.carried > 0 && <span className="reason"> (carried forward {a.carried === 1 ? 'once' : `${a.carried} times`})</span>}</td>
                  <td>{a.owner ?? '—'}</td>
                  <td className="nowrap">{formatUk(a.dueDate)}{a.overdue && <strong className="p-overdue"> overdue</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {c.openEscalations.length > 0 && (
        <div className="m-sub">
          <h4>Open escalations</h4>
          <ul className="p-checks">
            {c.openEscalations.map((e, i) => (
              <li key={i}>
                Level {e.level}, {e.levelTitle}: raised {formatUk(e.raisedOn)}
                {e.responseDue ? `, response due ${formatUk(e.responseDue)}` : ''} ({e.status === 'responded' ? 'answered' : 'awaiting a response'})
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="m-sub p-last">
        <h4>Last panel{c.lastMinute ? ` (${formatUk(c.lastMinute.meetingDate)})` : ''}</h4>
        {!c.lastMinute ? (
          <p className="none">Not discussed at a panel before.</p>
        ) : (
          <>
            <Text label="Discussion" text={c.lastMinute.discussion} />
            <Text label="Decisions" text={c.lastMinute.decisions} />
            {c.lastMinute.outcome && <p><strong>Outcome:</strong> {c.lastMinute.outcome}</p>}
            {!c.lastMinute.discussion && !c.lastMinute.decisions && !c.lastMinute.outcome && <p className="none">Nothing was minuted.</p>}
          </>
        )}
      </div>
    </article>
  );
}
