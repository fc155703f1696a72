import type { Db } from '../../../db/open';
import { auditedDelete, auditedInsert, type WriteContext } from '../../../db/audit';
import type { Calendar } from '../../../shared/api/meetingSchemas';
import { DEFAULT_CALENDAR_NOTE, defaultCalendar2026_27, validateCalendar, type TermCalendar } from '../../../shared/domain/calendar';
import { invalid } from '../../../shared/api/errors';
import { compareIso } from '../../../shared/domain/dates';
import type { Row } from '../rows';

type Flat = Omit<Calendar, 'note'>;

function readFlat(db: Db): Flat {
  return {
    terms: (db.prepare('SELECT year_label, name, starts, ends FROM calendar_terms ORDER BY starts').all() as Row[]).map((r) => ({
      yearLabel: String(r.year_label), name: String(r.name), starts: String(r.starts), ends: String(r.ends),
    })),
    closures: (db.prepare('SELECT date, kind, label FROM calendar_closures ORDER BY date').all() as Row[]).map((r) => ({
      date: String(r.date), kind: r.kind as 'inset' | 'bank_holiday' | 'other', label: String(r.label),
    })),
  };
}

/** Rows -> the domain's calendar: terms grouped by academic year, closures in the year whose terms span them. */
export function toTermCalendar(flat: Flat): TermCalendar {
  const years = new Map<string, TermCalendar['years'][number]>();
  for (const t of flat.terms) {
    const y = years.get(t.yearLabel) ?? { label: t.yearLabel, terms: [], closures: [] };
    y.terms.push({ name: t.name, starts: t.starts, ends: t.ends });
    years.set(t.yearLabel, y);
  }
  const list = [...years.values()];
  for (const c of flat.closures) {
    const year =
      list.find((y) => y.terms.length > 0 && compareIso(y.terms[0]!.starts, c.date) <= 0 && compareIso(c.date, y.terms[y.terms.length - 1]!.ends) <= 0) ??
      list.find((y) => y.terms.some((t) => t.starts.slice(0, 4) === c.date.slice(0, 4)));
    year?.closures.push(c);
  }
  return { years: list };
}

function flatten(cal: TermCalendar): Flat {
  return {
    terms: cal.years.flatMap((y) => y.terms.map((t) => ({ yearLabel: y.label, ...t }))),
    closures: cal.years.flatMap((y) => y.closures),
  };
}

function write(db: Db, ctx: WriteContext, flat: Flat): void {
  for (const r of db.prepare('SELECT id FROM calendar_terms').all() as { id: number }[]) auditedDelete(db, ctx, 'calendar_terms', { entity: 'calendar_term' }, r.id);
  for (const r of db.prepare('SELECT id FROM calendar_closures').all() as { id: number }[]) auditedDelete(db, ctx, 'calendar_closures', { entity: 'calendar_closure' }, r.id);
  for (const t of flat.terms) auditedInsert(db, ctx, 'calendar_terms', { entity: 'calendar_term' }, { year_label: t.yearLabel, name: t.name, starts: t.starts, ends: t.ends });
  for (const c of flat.closures) auditedInsert(db, ctx, 'calendar_closures', { entity: 'calendar_closure' }, { date: c.date, kind: c.kind, label: c.label });
}

/**
 * The term calendar. Read-only: until someone saves one, a register reads typical England dates
 * the user is told to check (nothing is written on reading).
 */
export function getCalendar(db: Db): Calendar {
  const flat = readFlat(db);
  return { ...(flat.terms.length === 0 ? flatten(defaultCalendar2026_27()) : flat), note: DEFAULT_CALENDAR_NOTE };
}

/** Stores the default calendar in a register that has none (the demo register, which is then edited). */
export function ensureDefaultCalendar(db: Db, ctx: WriteContext): void {
  if (readFlat(db).terms.length === 0) write(db, { ...ctx, source: 'default calendar' }, flatten(defaultCalendar2026_27()));
}

export function termCalendar(db: Db): TermCalendar {
  return toTermCalendar(getCalendar(db));
}

export function saveCalendar(db: Db, ctx: WriteContext, flat: Flat): Calendar {
  const problems = validateCalendar(toTermCalendar(flat));
  if (problems.length > 0) throw invalid('terms', `The term calendar has a problem: ${problems[0]}`);
  write(db, ctx, flat);
  return getCalendar(db);
}
