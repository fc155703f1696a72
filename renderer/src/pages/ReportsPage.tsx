import { useEffect, useMemo, useState } from 'react';
import type { Reports } from '../../../shared/api/reportSchemas';
import { usePanels, useReport } from '../data/hooks';
import { useToday } from '../data/today';
import { ErrorBanner } from '../components/Banner';
import { Field } from '../components/Field';
import { RAG_COLOURS } from './tracking/dashboard';
import { localStore, storageKey } from '../lib/storage';
import { useStoredFlag } from './tracking/hooks';
import { PRESETS, filterProblem, loadFilter, rangeText, saveFilter, withDate, withPreset, type PresetCode, type ReportFilter } from './reports/filters';
import {
  PI_SERIES, closureTable, csvFileName, escalationAgeTable, escalationLevelTable, longTermChartRows, longTermTable, meetingChartRows, meetingRagTable,
  monthlyChartRows, monthlyTable, movementTable, officerTable, openRagTable, overdueTable, paceChartRows, paceSentence, paceTable, reasonTable, scopeText, sourceTable, teamTable,
  type FigureTable, type Scope,
} from './reports/tables';
import { BarList, ColumnChart, TrendLine, type Series } from './reports/charts';
import { FigureCard } from './reports/FigureCard';
import './tracking/tracking.css';
import './reports/reports.css';

export const ALL_TABLES_KEY = storageKey('reports.allTables');

/** Colours: RAG from the dashboard; the registers and the P.I. split in two blues and two greens. */
const REGISTER_COLOURS = { CME: '#1d4f91', PMOE: '#8a5cb8' } as const;
const RAG_SERIES: Series[] = [
  { key: 'red', label: 'Red', colour: RAG_COLOURS.red, stack: 'rag' },
  { key: 'amber', label: 'Amber', colour: RAG_COLOURS.amber, stack: 'rag' },
  { key: 'green', label: 'Green', colour: RAG_COLOURS.green, stack: 'rag' },
  { key: 'none', label: 'Not rated', colour: RAG_COLOURS.none, stack: 'rag' },
];
const MOVE_SERIES: Series[] = [
  { key: 'improved', label: 'Improved', colour: RAG_COLOURS.green },
  { key: 'same', label: 'Same', colour: RAG_COLOURS.none },
  { key: 'worsened', label: 'Worsened', colour: RAG_COLOURS.red },
  { key: 'first', label: 'First rating', colour: '#1d4f91' },
];
const PI_COLOURS: Record<(typeof PI_SERIES)[number]['key'], string> = { openedResiding: '#1d4f91', openedLeft: '#8fb3e0', closedResiding: '#1e6b3a', closedLeft: '#9fd0ae' };
const PI_CHART: Series[] = PI_SERIES.map((s) => ({ key: s.key, label: s.label, colour: PI_COLOURS[s.key], stack: s.key.startsWith('opened') ? 'opened' : 'closed' }));

/** Reports: the figures managers review (seed 001 §6.1, §6.2; seed 002; seed 004), filtered by dates and panel. */
export function ReportsPage() {
  const today = useToday();
  return (
    <div className="trk-page rep-page">
      <div className="page-head">
        <h1>Reports</h1>
        <span className="muted">The figures managers review, as charts and tables</span>
      </div>
      <ReportsView today={today} />
    </div>
  );
}

function ReportsView({ today }: { today: string }) {
  const [filter, setFilter] = useState<ReportFilter>(() => loadFilter(localStore(), today));
  const [applied, setApplied] = useState<ReportFilter>(filter);
  const [allTables, setAllTables] = useStoredFlag(ALL_TABLES_KEY);
  const problem = filterProblem(filter);
  const panels = usePanels();

  // Only a valid range is asked for (and remembered); the fields say what is wrong with any other.
  useEffect(() => {
    if (filterProblem(filter)) return;
    setApplied(filter);
    saveFilter(localStore(), filter);
  }, [filter]);
  // A remembered panel that no longer exists falls back to all panels.
  useEffect(() => {
    if (panels.data && filter.panelId !== null && !panels.data.some((p) => p.id === filter.panelId)) setFilter({ ...filter, panelId: null });
  }, [panels.data, filter]);

  const rep = useReport({ from: applied.from, to: applied.to, panelId: applied.panelId });
  const r = rep.data;

  return (
    <>
      <form className="trk-toolbar rep-filters" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
        <div className="rep-filter-row">
          <Field label="Period">
            {(a) => (
              <select {...a} value={filter.preset} onChange={(e) => setFilter(withPreset(filter, e.target.value as PresetCode, today))}>
                {PRESETS.map((p) => (
                  <option key={p.code} value={p.code}>{p.label}</option>
                ))}
              </select>
            )}
          </Field>
          {/* What is wrong with the dates is said once, under the bar (it would push the bar apart beside a field). */}
          {(['from', 'to'] as const).map((field) => (
            <div key={field} className={problem?.field === field ? 'field-error' : undefined}>
              <Field label={field === 'from' ? 'From date' : 'To date'}>
                {(a) => (
                  <input {...a} type="date" value={filter[field]} aria-invalid={problem?.field === field} aria-describedby={problem?.field === field ? 'rep-date-problem' : undefined}
                    onChange={(e) => setFilter(withDate(filter, field, e.target.value))} />
                )}
              </Field>
            </div>
          ))}
          <Field label="Panel">
            {(a) => (
              <select {...a} value={filter.panelId ?? ''} onChange={(e) => setFilter({ ...filter, panelId: e.target.value ? Number(e.target.value) : null })}>
                <option value="">All panels (CME and PMOE)</option>
                {(panels.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </select>
            )}
          </Field>
          <label className="trk-check rep-all-tables">
            <input type="checkbox" checked={allTables} onChange={(e) => setAllTables(e.target.checked)} /> Tables instead of charts
          </label>
        </div>
        {problem ? <p id="rep-date-problem" className="error-text rep-problem" role="alert">{problem.message}</p> : null}
        <p className="rep-showing" role="status">
          {r ? (
            <>
              Showing {rangeText(r.from, r.to)} · {r.panel ? `${r.panel.name} (${r.panel.register} register)` : 'both registers'}
              {rep.loading ? ' · updating…' : ''}
            </>
          ) : rep.loading ? 'Working out the figures…' : null}
        </p>
      </form>
      <ErrorBanner message={rep.error ? `The figures could not be worked out: ${rep.error}` : null} />
      {r ? <Figures r={r} allTables={allTables} /> : null}
    </>
  );
}

function Figures({ r, allTables }: { r: Reports; allTables: boolean }) {
  const card = (title: string, scope: Scope, table: FigureTable) => ({ title, scope: scopeText(scope, r), table, fileName: csvFileName(title, r), allTables });
  const range = rangeText(r.from, r.to);
  const regSeries: Series[] = r.registers.map((reg) => ({ key: reg === 'CME' ? 'cme' : 'pmoe', label: reg, colour: REGISTER_COLOURS[reg], stack: 'reg' }));
  const meetingRows = useMemo(() => meetingChartRows(r), [r]);

  return (
    <div className="rep-cards">
      {r.registers.map((reg) => (
        <FigureCard key={reg} {...card(`${reg} cases opened and closed per month`, 'opened-closed', monthlyTable(r, reg))} emptyText={`No ${reg} case was opened or closed ${range}.`}
          intro="Split into children residing in the area and those who have left it, as the CME guidance asks (Children Missing from Education guidance, section 6.1). Panel counts a child as having left when the case was closed as moved to another authority or overseas, a departure date is recorded, or the child is believed to have moved abroad.">
          <ColumnChart label={`${reg} cases opened and closed per month, residing and left the area`} data={monthlyChartRows(r, reg)} series={PI_CHART} height={280} />
        </FigureCard>
      ))}

      <FigureCard {...card('RAG mix at each meeting', 'meetings', meetingRagTable(r))} emptyText={`No panel meeting was held ${range}.`}
        intro="The rating each case discussed left the meeting with.">
        <ColumnChart label="RAG ratings at each meeting, stacked" data={meetingRows} series={RAG_SERIES} />
      </FigureCard>

      <FigureCard {...card('RAG movement at each meeting', 'meetings', movementTable(r))} emptyText={`No panel meeting was held ${range}.`}
        intro="From the rating before the meeting to the rating after it (red, amber, green: towards green is an improvement).">
        <ColumnChart label="RAG movement at each meeting" data={meetingRows} series={MOVE_SERIES} />
      </FigureCard>

      {r.registers.includes('CME') ? (
        <FigureCard {...card('Time from notification to located', 'notified', paceTable(r.timeToLocated))} emptyText={paceSentence(r.timeToLocated, 'located', 'has been located')}
          intro={paceSentence(r.timeToLocated, 'located', 'has been located')}>
          <ColumnChart label="CME cases by days from notification to located" data={paceChartRows(r.timeToLocated)} series={[{ key: 'count', label: 'Cases', colour: '#1d4f91' }]} height={220} />
        </FigureCard>
      ) : null}

      <FigureCard {...card('Time from notification to entering provision', 'notified', paceTable(r.timeToProvision))} emptyText={paceSentence(r.timeToProvision, 'entering provision', 'has a date it entered provision')}
        intro={paceSentence(r.timeToProvision, 'entering provision', 'has a date it entered provision')}>
        <ColumnChart label="Cases by days from notification to entering provision" data={paceChartRows(r.timeToProvision)} series={[{ key: 'count', label: 'Cases', colour: '#1e6b3a' }]} height={220} />
      </FigureCard>

      <FigureCard {...card('Long-term cases over time', 'months', longTermTable(r))} emptyText={`No case was open six months or more at any month end, ${range}.`}
        intro="Cases open six months or more (long-term CME, as the CME guidance defines it in section 6.2), counted at the end of each month.">
        <TrendLine label="Long-term cases at each month end" data={longTermChartRows(r)} series={r.registers.map((reg) => ({ key: reg, label: reg, colour: REGISTER_COLOURS[reg] }))} />
      </FigureCard>

      <FigureCard {...card('Closures by reason', 'closed', closureTable(r))} emptyText={`No case was closed ${range}.`}>
        <BarList label="Closures by reason" data={r.closuresByReason} series={regSeries} labelWidth={260} />
      </FigureCard>

      <FigureCard {...card('Referrals by source', 'notified', sourceTable(r))} emptyText={`No referral was notified ${range}.`}>
        <BarList label="Referrals by source" data={r.referralsBySource} series={regSeries} />
      </FigureCard>

      <FigureCard {...card('Referrals by reason', 'notified', reasonTable(r))} emptyText={`No referral was notified ${range}.`}>
        <BarList
          label="Referrals by reason"
          data={r.referralsByReason.map((x) => ({ label: r.registers.length > 1 ? `${x.register}: ${x.label}` : x.label, name: `${x.register}: ${x.label}`, count: x.count }))}
          series={[{ key: 'count', label: 'Cases', colour: REGISTER_COLOURS.CME }]}
          colours={r.referralsByReason.map((x) => REGISTER_COLOURS[x.register])}
          labelWidth={260}
        />
      </FigureCard>

      <FigureCard {...card('Open register by RAG', 'now', openRagTable(r))} emptyText="No case is open.">
        <BarList label="Open cases by RAG rating, per register" data={r.openRag.map((x) => ({ ...x, label: x.register }))} series={RAG_SERIES} labelWidth={56} />
      </FigureCard>

      <FigureCard {...card('Escalations waiting, by level', 'now', escalationLevelTable(r))} emptyText="No escalation is waiting for a response or a decision.">
        <BarList label="Escalations waiting by the level reached" data={r.escalationsByLevel.map((l) => ({ ...l, label: `Level ${l.level}: ${l.title}`, name: `Level ${l.level}: ${l.title}` }))} series={[{ key: 'count', label: 'Escalations', colour: '#d08a00' }]} labelWidth={260} />
      </FigureCard>

      <FigureCard {...card('Escalations waiting, by age', 'now', escalationAgeTable(r))} emptyText="No escalation is waiting for a response or a decision.">
        <BarList label="Escalations waiting by time since the first step" data={r.escalationsByAge} series={[{ key: 'count', label: 'Escalations', colour: '#d08a00' }]} labelWidth={150} />
      </FigureCard>

      <FigureCard {...card('Caseload by team', 'now', teamTable(r))} emptyText="No case is open.">
        <BarList label="Open cases by team" data={r.caseloadByTeam} series={regSeries} labelWidth={180} />
      </FigureCard>

      <FigureCard {...card('Actions overdue by owner', 'now', overdueTable(r))} emptyText="No action is overdue.">
        <BarList label="Overdue actions by owner" data={r.overdueByOwner.map((o) => ({ ...o, label: o.name }))} series={[{ key: 'count', label: 'Overdue actions', colour: RAG_COLOURS.red }]} labelWidth={180} />
      </FigureCard>

      <FigureCard {...card('Caseload by lead officer', 'now', officerTable(r))} emptyText="No case is open." wide>
        <BarList label="Open cases by lead officer" data={r.caseloadByOfficer.map((o) => ({ ...o, label: o.active ? o.name : `${o.name} (left)`, name: `${o.name} — ${o.teamLabel}` }))} series={regSeries} labelWidth={240} />
      </FigureCard>
    </div>
  );
}
