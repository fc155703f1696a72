/**
 * Each school's return status for a half term (received, nil return, missing) with the chase list,
 * and the returns report: by school and half term, counts by category, hours, and changes since the
 * school's previous return. Read-only.
 */
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../../db/open';
import type { MethodArgs, MethodOutput } from '../../../shared/api/contract';
import type { ReturnSummary } from '../../../shared/api/returnSchemas';
import { invalid } from '../../../shared/api/errors';
import { chaseText, currentHalfTerm, halfTerms, returnState, RETURN_STATE_LABELS, type HalfTerm } from '../../../shared/domain/returnStatus';
import { PMOE_REASONS } from '../../../shared/domain/vocab';
import { termCalendar } from '../settings/calendar';
import { returnHistory } from './history';
import { listSchools } from './schools';

interface Line { child_id: number; case_id: number; pmoe_reason: string; hours_per_week: number | null; provider: string | null }

/** The latest imported return of each kind per school for a half term. */
function latestFor(db: Db, halfTerm: string): Map<number, { kinds: ('return' | 'nil')[]; latestReturnId: number | null; returns: ReturnSummary[] }> {
  const out = new Map<number, { kinds: ('return' | 'nil')[]; latestReturnId: number | null; returns: ReturnSummary[] }>();
  for (const r of returnHistory(db, `r.half_term = ? AND r.kind IN ('return', 'nil')`, halfTerm)) {
    const e = out.get(r.schoolId) ?? { kinds: [], latestReturnId: null, returns: [] };
    e.returns.push(r);
    if (r.status === 'imported') {
      e.kinds.push(r.kind as 'return' | 'nil');
      if (r.kind === 'return' && e.latestReturnId === null) e.latestReturnId = r.id;
    }
    out.set(r.schoolId, e);
  }
  return out;
}

const linesOf = (db: Db, returnId: number | null): Line[] =>
  returnId === null ? [] : (db.prepare('SELECT child_id, case_id, pmoe_reason, hours_per_week, provider FROM return_lines WHERE return_id = ?').all(returnId) as Line[]);

/** A pupil on the school's previous return but not this one: their PMOE case, to review (still open, or closed since). */
function droppedPupil(db: Db, caseId: number) {
  const r = db.prepare(`SELECT c.id, c.reference, c.status, ch.forenames, ch.surname FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.id = ?`).get(caseId) as
    | { id: number; reference: string; status: string; forenames: string; surname: string }
    | undefined;
  return r ? { caseId: r.id, reference: r.reference, name: `${r.forenames} ${r.surname}`, open: r.status !== 'closed' } : { caseId, reference: '', name: 'A case since erased', open: false };
}

export function returnsStatus(db: Db, args: MethodArgs<'returns.status'>, today: string): MethodOutput<'returns.status'> {
  const cal = termCalendar(db);
  const all = halfTerms(cal);
  const half = args.halfTerm ? all.find((h) => h.key === args.halfTerm) : currentHalfTerm(today, cal);
  if (args.halfTerm && !half) throw invalid('halfTerm', `Half term “${args.halfTerm}” is not in the term calendar. Choose one from the list.`);
  const counts = { received: 0, nil: 0, missing: 0, notYetDue: 0 };
  const schools = !half
    ? []
    : (() => {
        const latest = latestFor(db, half.key);
        return listSchools(db, false).map((s) => {
          const e = latest.get(s.id);
          const state = returnState(e?.kinds ?? [], half, today);
          if (state === 'not_yet_due') counts.notYetDue += 1;
          else counts[state] += 1;
          return {
            schoolId: s.id, schoolName: s.name, state, stateLabel: RETURN_STATE_LABELS[state], returns: e?.returns ?? [],
            pupils: linesOf(db, e?.latestReturnId ?? null).length, chase: state === 'missing' ? chaseText(half, today) : null,
          };
        });
      })();
  return { halfTerm: half ?? null, halfTerms: all, schools, counts, history: returnHistory(db) };
}

/** Half terms with a return of any kind, plus the current one, newest first: the report's default. */
function reportHalfTerms(db: Db, all: HalfTerm[], chosen: readonly string[], today: string, cal: ReturnType<typeof termCalendar>): HalfTerm[] {
  if (chosen.length > 0) {
    return chosen.map((k) => {
      const h = all.find((x) => x.key === k);
      if (!h) throw invalid('halfTerms', `Half term “${k}” is not in the term calendar. Choose one from the list.`);
      return h;
    });
  }
  const used = new Set((db.prepare(`SELECT DISTINCT half_term FROM school_returns WHERE status = 'imported'`).all() as { half_term: string }[]).map((r) => r.half_term));
  const cur = currentHalfTerm(today, cal);
  if (cur) used.add(cur.key);
  return all.filter((h) => used.has(h.key)).reverse();
}

export function returnsReport(db: Db, args: MethodArgs<'returns.report'>, today: string): MethodOutput<'returns.report'> {
  const cal = termCalendar(db);
  const all = halfTerms(cal);
  const halves = reportHalfTerms(db, all, args.halfTerms, today, cal);
  const schools = listSchools(db, false).filter((s) => !args.schoolId || s.id === args.schoolId);
  const rows: MethodOutput<'returns.report'>['rows'] = [];
  for (const h of halves) {
    const latest = latestFor(db, h.key);
    const prevHalf = all[all.findIndex((x) => x.key === h.key) - 1] ?? null;
    const prevLatest = prevHalf ? latestFor(db, prevHalf.key) : new Map();
    for (const s of schools) {
      const e = latest.get(s.id);
      const state = returnState(e?.kinds ?? [], h, today);
      const lines = linesOf(db, e?.latestReturnId ?? null);
      const prev = new Map(linesOf(db, prevLatest.get(s.id)?.latestReturnId ?? null).map((l: Line) => [l.child_id, l]));
      const byCategory: Record<string, number> = {};
      for (const l of lines) byCategory[l.pmoe_reason] = (byCategory[l.pmoe_reason] ?? 0) + 1;
      const hours = lines.map((l) => l.hours_per_week).filter((x): x is number => x !== null);
      const total = Math.round(hours.reduce((a, b) => a + b, 0) * 100) / 100;
      const ids = new Set(lines.map((l) => l.child_id));
      // Only a return (or nil return) received this half term can leave a pupil off: a missing one says nothing yet.
      const dropped = (e?.kinds.length ?? 0) > 0 ? [...prev.values()].filter((l) => !ids.has(l.child_id)) : [];
      rows.push({
        schoolId: s.id, schoolName: s.name, halfTerm: h.key, halfTermLabel: h.label, state: RETURN_STATE_LABELS[state], pupils: lines.length, byCategory,
        totalHours: total, averageHours: hours.length ? Math.round((total / hours.length) * 10) / 10 : null, under10Hours: hours.filter((x) => x < 10).length,
        newSinceLast: lines.filter((l) => !prev.has(l.child_id)).length,
        changedSinceLast: lines.filter((l) => {
          const p = prev.get(l.child_id);
          return p !== undefined && (p.pmoe_reason !== l.pmoe_reason || p.hours_per_week !== l.hours_per_week || (p.provider ?? '') !== (l.provider ?? ''));
        }).length,
        noLongerListed: dropped.length,
        noLongerListedPupils: dropped.map((l) => droppedPupil(db, l.case_id)),
      });
    }
  }
  return { categories: PMOE_REASONS.map((r) => ({ code: r.code, label: r.label })), rows };
}

/** The report as CSV for Excel (UTF-8 with BOM), one row per school and half term. */
export function returnsReportCsv(db: Db, args: MethodArgs<'returns.reportCsv'>, today: string): MethodOutput<'returns.reportCsv'> {
  const report = returnsReport(db, args, today);
  const header = ['School', 'Half term', 'Return', 'Pupils', ...report.categories.map((c) => c.label), 'Total hours a week', 'Average hours a week', 'Under 10 hours', 'New since last return', 'Changed since last return', 'No longer listed'];
  const body = report.rows.map((r) => [
    r.schoolName, r.halfTermLabel, r.state, r.pupils, ...report.categories.map((c) => r.byCategory[c.code] ?? 0), r.totalHours, r.averageHours ?? '', r.under10Hours, r.newSinceLast, r.changedSinceLast, r.noLongerListed,
  ]);
  const csv = stringify([header, ...body], { bom: true, record_delimiter: 'windows' });
  return { fileName: `school-returns-${today}.csv`, mimeType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64') };
}
