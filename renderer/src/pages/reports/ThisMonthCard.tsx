import { firstOfMonth } from '../../../../shared/domain/figures';
import { useReport } from '../../data/hooks';
import { hrefFor } from '../../lib/router';
import { monthLabel, piThisMonth } from './tables';
import './reports.css';

/**
 * Home: this month's CME performance indicators (seed 001 §6.1: open and closed cases a month,
 * residing in the area and left it), from the first of the month to today, and a way into Reports.
 */
export function ThisMonthCard({ today }: { today: string }) {
  const rep = useReport({ from: firstOfMonth(today), to: today });
  const pi = rep.data ? piThisMonth(rep.data, 'CME') : null;
  const title = `CME this month (${monthLabel(today.slice(0, 7), true)})`;
  return (
    <section className="card trk-card" aria-labelledby="home-this-month">
      <h2 id="home-this-month">{title}</h2>
      <div className="trk-card-body">
        {rep.error ? <p className="trk-card-empty" role="alert">The figures could not be worked out: {rep.error}</p> : null}
        {!pi && !rep.error ? <p className="muted" aria-busy="true">Counting…</p> : null}
        {pi ? (
          <table className="simple rep-pi" aria-label={title}>
            <thead>
              <tr>
                <th scope="col">Cases</th>
                <th scope="col" className="rep-num">Residing</th>
                <th scope="col" className="rep-num">Left the area</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Opened</th>
                <td className="rep-num">{pi.openedResiding}</td>
                <td className="rep-num">{pi.openedLeft}</td>
              </tr>
              <tr>
                <th scope="row">Closed</th>
                <td className="rep-num">{pi.closedResiding}</td>
                <td className="rep-num">{pi.closedLeft}</td>
              </tr>
            </tbody>
          </table>
        ) : null}
      </div>
      <div className="trk-card-link">
        <a href={hrefFor({ page: 'reports' })}>All figures on Reports</a>
      </div>
    </section>
  );
}
