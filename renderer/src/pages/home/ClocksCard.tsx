import { useState } from 'react';
import { formatUk } from '../../../../shared/domain/dates';
import { HOME_ALERT_LIMIT, type HOME_ALERT_CODES } from '../../../../shared/api/register';
import { useHomeAlerts } from '../../data/hooks';
import { hrefFor } from '../../lib/router';

/** Headings for each kind of run-out clock on Home; the rule behind each lives in shared/domain. */
const TITLES: Record<string, string> = {
  closure_waiting: 'Closures waiting (case still open)',
  fair_access_due: 'Located, no place for two months: Fair Access Panel',
  allocation_escalate: 'Located, no place after 20 days: Admissions Manager',
  deletion_allowed: '20 school days of absence passed: the school may delete from roll',
  enquiries_ended: '10 school days of school enquiries passed: the school should have notified us',
};

/** How many more cases each "Show more" lists (a group can hold thousands at 50,000 cases). */
const MORE = 100;
/** How many alerts.home lists under each kind before "Show more". */
const FIRST = HOME_ALERT_LIMIT;
type Expand = { code: (typeof HOME_ALERT_CODES)[number]; limit: number } | null;

/** Clocks that have run out across the register, and closures waiting: renders what alerts.home says. */
export function ClocksCard({ showNames }: { showNames: boolean }) {
  const [expand, setExpand] = useState<Expand>(null);
  const alerts = useHomeAlerts({ expand });
  const groups = alerts.data ?? [];
  const total = groups.reduce((n, g) => n + g.count, 0);
  return (
    <section className="card trk-card trk-card-wide" aria-labelledby="home-clocks">
      <h2 id="home-clocks">
        Clocks run out and closures waiting
        <span className={`trk-count${total > 0 ? ' is-alert' : ''}`}>{total.toLocaleString('en-GB')}</span>
      </h2>
      <div className="trk-card-body">
        {alerts.error ? <p className="error-text">These clocks could not be loaded: {alerts.error}</p> : null}
        {alerts.data && groups.length === 0 ? <p className="trk-card-empty">No clocks have run out on open cases.</p> : null}
        {groups.map((g) => (
          <details key={g.code} style={{ margin: '0.4rem 0' }}>
            <summary><strong>{g.count.toLocaleString('en-GB')}</strong> {TITLES[g.code] ?? g.code}</summary>
            {/* More than the first few scroll inside the card (focusable, so the keyboard can scroll it too). */}
            <ul
              className={`trk-list${g.cases.length > FIRST ? ' trk-list-scroll' : ''}`}
              {...(g.cases.length > FIRST ? { tabIndex: 0, 'aria-label': `${TITLES[g.code] ?? g.code}: ${g.cases.length} of ${g.count} cases` } : {})}
            >
              {g.cases.map((c) => (
                <li key={`${g.code}:${c.caseId}`}>
                  <div className="trk-list-main">
                    <a className="trk-ref" href={hrefFor({ page: 'case', id: c.caseId, tab: null })}>{c.reference}</a>
                    {showNames ? <span className="trk-name"> {c.name}</span> : null}
                    <span className="trk-list-text">{c.text}</span>
                  </div>
                  <div className="trk-list-meta">since {formatUk(c.since)}</div>
                </li>
              ))}
            </ul>
            {g.count > g.cases.length ? (
              <p className="muted small">
                Showing the newest {g.cases.length.toLocaleString('en-GB')} of {g.count.toLocaleString('en-GB')}.{' '}
                <button
                  type="button"
                  className="link"
                  disabled={alerts.loading}
                  onClick={() => setExpand({ code: g.code as NonNullable<Expand>['code'], limit: g.cases.length + MORE })}
                >
                  Show {Math.min(MORE, g.count - g.cases.length).toLocaleString('en-GB')} more
                </button>
              </p>
            ) : null}
          </details>
        ))}
      </div>
    </section>
  );
}
