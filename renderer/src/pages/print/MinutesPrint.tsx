import { Fragment } from 'react';
import type { MinutesDoc, MinutesItem, MinutesVariant, RagCounts } from '../../../../shared/api/minutesSchemas';
import type { Rag } from '../../../../shared/domain/vocab';
import { useMinutes } from '../../data/hooks';
import { formatUk, formatDateTime } from '../../lib/format';
import { Fact, MeetingDocHead, PrintShell, Produced, Rating, Text } from './PrintShell';

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

        <section className="m-block m-next">
          <h2>Date of next meeting</h2>
          <p>
            {doc.nextMeeting
              ? `${formatUk(doc.nextMeeting.date)} at ${doc.nextMeeting.time}${doc.nextMeeting.venue ? `, ${doc.nextMeeting.venue}` : ''}`
              : 'Not yet scheduled.'}
          </p>
        </section>

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
              <ul>
                {people.map((p, i) => (
                  <li key={i}>
                    <strong>{p.name}</strong>
                    {p.role && <span className="role">, {p.role}</span>}
                    {p.note && <span className="note"> ({p.note})</span>}
                  </li>
                ))}
              </ul>
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

function ReviewTable({ rows }: { rows: (MinutesItem['mattersArising'][number] | NonNullable<MinutesItem['case']>['actionsReviewed'][number])[] }) {
  const withRef = rows.some((a) => 'reference' in a);
  return (
    <table className="grid">
      <thead><tr>{withRef && <th scope="col">Case</th>}<th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Was due</th><th scope="col">Outcome</th></tr></thead>
      <tbody>
        {rows.map((a, i) => (
          <tr key={i}>
            {withRef && <td className="nowrap">{'reference' in a ? (a.reference ?? 'General') : ''}</td>}
            <td>{a.text}</td>
            <td>{a.owner ?? '—'}</td>
            <td className="nowrap">{formatUk(a.dueDate)}</td>
            <td>
              <span className={`review review-${a.outcome}`}>{REVIEW_LABELS[a.outcome]}</span>
              {a.newDueDate && <> to {formatUk(a.newDueDate)}</>}
              {a.reason && <div className="reason">{a.reason}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MOVEMENT = (before: Rag | null, after: Rag | null): string => {
  if (before === after) return 'unchanged';
  if (before === null) return 'first rating';
  if (after === null) return 'rating removed';
  const rank = { red: 0, amber: 1, green: 2 };
  return rank[after] > rank[before] ? 'improved' : 'worsened';
};

const REVIEW_LABELS = { done: 'Done', carried_forward: 'Carried forward', dropped: 'Dropped' } as const;

function CaseItem({ item }: { item: MinutesItem }) {
  const c = item.case!;
  return (
    <article className="m-item m-case">
      <div className="m-case-head">
        <h3>
          <span className="inum">{item.number}.</span> {c.reference} <span className="child">— {c.child}</span>
        </h3>
      </div>
      <table className="m-case-facts">
        <tbody>
          <tr>
            <th scope="row">Age / year group</th><td>{c.ageYears} · {c.yearGroupLabel}</td>
            <th scope="row">Register</th><td>{c.register}</td>
            <th scope="row">Lead officer</th>
            <td>
              {c.leadOfficer ?? 'None allocated'}
              {c.leadChanged && <span className="reason"> (was {c.previousLeadOfficer ?? 'none'})</span>}
            </td>
          </tr>
          <tr>
            <th scope="row">RAG</th>
            <td colSpan={5}>
              {c.closedHere ? (
                <span className="m-closed">Closed at this meeting{c.closure ? ` (${c.closure})` : ''}</span>
              ) : c.ragChanged ? (
                <>
                  <Rating rag={c.ragBefore} /> <span aria-hidden="true">→</span> <Rating rag={c.ragAfter} />{' '}
                  <span className="movement">({MOVEMENT(c.ragBefore, c.ragAfter)})</span>
                </>
              ) : (
                <>
                  <Rating rag={c.ragAfter} /> <span className="movement">(unchanged)</span>
                </>
              )}
              {c.ragReason && <span className="reason"> {c.ragChanged ? 'Reason: ' : 'Rated for: '}{c.ragReason}</span>}
            </td>
          </tr>
        </tbody>
      </table>
      {c.reasons.length > 0 && <p className="m-why"><span>On the agenda because:</span> {c.reasons.join('; ')}</p>}
      {c.notReached && <p className="m-not-reached"><strong>Not reached:</strong> not discussed at this meeting; carried to the next meeting’s agenda.</p>}
      <Text label="Discussion" text={item.discussion} />
      <Text label="Decisions" text={item.decisions} />
      {(c.outcome || c.outcomeDetail) && (
        <div className="m-text">
          <h4>Outcome</h4>
          <p>
            {c.outcome ?? ''}
            {c.closure ? ` — ${c.closure}` : ''}
            {c.outcomeDetail ? `${c.outcome ? ': ' : ''}${c.outcomeDetail}` : ''}
          </p>
        </div>
      )}
      {c.actionsReviewed.length > 0 && (
        <div className="m-sub">
          <h4>Actions reviewed</h4>
          <ReviewTable rows={c.actionsReviewed} />
        </div>
      )}
      {c.actionsAgreed.length > 0 && (
        <div className="m-sub">
          <h4>Actions agreed</h4>
          <table className="grid">
            <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th></tr></thead>
            <tbody>
              {c.actionsAgreed.map((a, i) => (
                <tr key={i}><td>{a.text}</td><td>{a.owner ?? '—'}</td><td className="nowrap">{formatUk(a.dueDate)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {c.escalations.length > 0 && (
        <div className="m-sub">
          <h4>Escalations raised</h4>
          <table className="grid">
            <thead><tr><th scope="col">Reason</th><th scope="col">Level</th><th scope="col">To</th><th scope="col">Asked</th><th scope="col">Response due</th></tr></thead>
            <tbody>
              {c.escalations.map((e, i) => (
                <tr key={i}>
                  <td>{e.reason}</td>
                  <td>{e.level}. {e.levelTitle}</td>
                  <td>{e.escalatedTo ?? '—'}</td>
                  <td>{e.asked ?? '—'}</td>
                  <td className="nowrap">{e.responseDue ? formatUk(e.responseDue) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

function ActionTable({ doc }: { doc: MinutesDoc }) {
  const total = doc.actionsByOwner.reduce((n, o) => n + o.actions.length, 0);
  return (
    <section className="m-block m-actions">
      <h2>Actions by owner</h2>
      {total === 0 ? (
        <p className="none">No actions were agreed or carried forward at this meeting.</p>
      ) : (
        <table className="grid">
          <thead>
            <tr><th scope="col">Item</th><th scope="col">Case</th><th scope="col">Action</th><th scope="col">Due</th><th scope="col">Status</th></tr>
          </thead>
          {doc.actionsByOwner.map((o) => (
            <tbody key={o.owner} className="owner-group">
              <tr className="owner"><th colSpan={5} scope="rowgroup">{o.owner} <span className="count">({o.actions.length})</span></th></tr>
              {o.actions.map((a, i) => (
                <tr key={i}>
                  <td className="nowrap">{a.itemNumber ?? ''}</td>
                  <td className="nowrap">{a.reference ?? ''}</td>
                  <td>{a.text}</td>
                  <td className="nowrap">{formatUk(a.dueDate)}</td>
                  <td>{a.kind === 'agreed' ? 'New' : 'Carried forward'}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

const RAG_ROWS: { key: keyof RagCounts; label: string }[] = [
  { key: 'red', label: 'Red' },
  { key: 'amber', label: 'Amber' },
  { key: 'green', label: 'Green' },
  { key: 'unrated', label: 'Not rated' },
];

function RagSummary({ doc, cases }: { doc: MinutesDoc; cases: number }) {
  const s = doc.ragSummary;
  return (
    <section className="m-block m-ragsummary">
      <h2>RAG summary</h2>
      {cases === 0 ? (
        <p className="none">No cases were discussed.</p>
      ) : (
        <div className="m-rag-layout">
          <div>
            <table className="grid m-rag-table">
              <thead><tr><th scope="col">Rating</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
              <tbody>
                {RAG_ROWS.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.key === 'unrated' ? <span className="m-rag m-rag-none">{r.label}</span> : <Rating rag={r.key} />}</th>
                    <td className="num">{s.before[r.key]}</td>
                    <td className="num">{s.after[r.key]}</td>
                  </tr>
                ))}
                <tr className="total"><th scope="row">Cases discussed</th><td className="num">{s.cases}</td><td className="num">{s.cases}</td></tr>
              </tbody>
            </table>
            <table className="grid m-rag-table">
              <thead><tr><th scope="col">Movement</th><th scope="col">Cases</th></tr></thead>
              <tbody>
                <tr><th scope="row">Improved</th><td className="num">{s.movement.improved}</td></tr>
                <tr><th scope="row">Same</th><td className="num">{s.movement.same}</td></tr>
                <tr><th scope="row">Worsened</th><td className="num">{s.movement.worsened}</td></tr>
                {s.movement.newlyRated > 0 && <tr><th scope="row">Rated for the first time</th><td className="num">{s.movement.newlyRated}</td></tr>}
              </tbody>
            </table>
          </div>
          <RagChart before={s.before} after={s.after} movement={s.movement} />
        </div>
      )}
    </section>
  );
}

const COLOURS: Record<keyof RagCounts, string> = { red: '#b3261e', amber: '#d08c00', green: '#1e6b3a', unrated: '#8a939e' };

/** Before/after counts per rating as paired bars, and the movement as a bar each: plain SVG, so it prints sharp. */
function RagChart({ before, after, movement }: { before: RagCounts; after: RagCounts; movement: MinutesDoc['ragSummary']['movement'] }) {
  const W = 330;
  const H = 170;
  const top = 16;
  const base = 130;
  const max = Math.max(1, ...RAG_ROWS.flatMap((r) => [before[r.key], after[r.key]]));
  const scale = (n: number) => ((base - top) * n) / max;
  const group = 70;
  const bar = 24;
  const moves = [
    { label: 'Improved', n: movement.improved, colour: '#1e6b3a' },
    { label: 'Same', n: movement.same, colour: '#8a939e' },
    { label: 'Worsened', n: movement.worsened, colour: '#b3261e' },
    { label: 'First rated', n: movement.newlyRated, colour: '#1d4f91' },
  ];
  const mMax = Math.max(1, ...moves.map((x) => x.n));
  return (
    <figure className="m-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label="RAG ratings before and after the meeting">
        <line x1={20} x2={W - 6} y1={base} y2={base} stroke="#333" strokeWidth={0.8} />
        {RAG_ROWS.map((r, i) => {
          const x = 28 + i * group;
          const hb = scale(before[r.key]);
          const ha = scale(after[r.key]);
          return (
            <g key={r.key}>
              <rect x={x} y={base - hb} width={bar} height={hb} fill={COLOURS[r.key]} fillOpacity={0.35} stroke={COLOURS[r.key]} strokeWidth={0.8} />
              <rect x={x + bar + 3} y={base - ha} width={bar} height={ha} fill={COLOURS[r.key]} />
              <text x={x + bar / 2} y={base - hb - 3} textAnchor="middle" fontSize={9}>{before[r.key]}</text>
              <text x={x + bar * 1.5 + 3} y={base - ha - 3} textAnchor="middle" fontSize={9} fontWeight={700}>{after[r.key]}</text>
              <text x={x + bar + 1.5} y={base + 13} textAnchor="middle" fontSize={9.5}>{r.label}</text>
            </g>
          );
        })}
        <rect x={28} y={H - 14} width={10} height={8} fill="#555" fillOpacity={0.35} stroke="#555" strokeWidth={0.8} />
        <text x={42} y={H - 7} fontSize={8.5}>before the meeting</text>
        <rect x={140} y={H - 14} width={10} height={8} fill="#555" />
        <text x={154} y={H - 7} fontSize={8.5}>after</text>
      </svg>
      <svg viewBox="0 0 330 84" width={330} height={84} role="img" aria-label="Movement of RAG ratings at the meeting">
        {moves.map((x, i) => {
          const w = (220 * x.n) / mMax;
          return (
            <g key={x.label}>
              <text x={70} y={14 + i * 19} textAnchor="end" fontSize={9.5}>{x.label}</text>
              <rect x={76} y={5 + i * 19} width={Math.max(w, 0.5)} height={12} fill={x.colour} />
              <text x={80 + w} y={14 + i * 19} fontSize={9.5} fontWeight={700}>{x.n}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>RAG ratings of the cases discussed, before and after the panel’s decisions; and how they moved.</figcaption>
    </figure>
  );
}
