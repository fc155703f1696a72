import type { Db } from '../../../db/open';
import type { RegisterRow } from '../../../shared/api/schemas';
import type { RegisterQuery } from '../../../shared/api/register';
import { RegisterSorter, buildSearchIndex, compileFilter, filterIndices, summaryOf, type RegisterSummary } from '../../../shared/register/filters';
import { packRows } from '../../../shared/register/wire';
import { OPEN_CASES_SQL, listRegister, type RegisterScope } from './register';

/**
 * The register screen's rows, served a window at a time (issue 12). At 50,000 cases sending every
 * row cost 29 MB of JSON and seconds, although three quarters are closed and hidden by default.
 *
 * How: the rows of one status scope (open cases, closed cases, or all) are built once with the
 * register's own rules (listRegister) and kept until the register changes (any write) or the day
 * does. Every other filter, the search and the sort run over those rows with the same
 * functions the screen used before (shared/register/filters.ts), so a keystroke or a sort click
 * costs milliseconds and never touches closed history unless the officer asks for closed cases.
 * Each view's order is kept too, so scrolling only slices it.
 */

/** The status choice a view's rows are drawn from; the rest of the status filter narrows within it. */
type Scope = 'open' | 'closed' | 'all';
const scopeOf = (status: RegisterQuery['status']): Scope => (status === 'all' ? 'all' : status === 'closed' ? 'closed' : 'open');
const SCOPES: Readonly<Record<Scope, RegisterScope>> = {
  open: { where: OPEN_CASES_SQL },
  closed: { where: `c.status = 'closed'` },
  all: {},
};

interface Loaded {
  scope: Scope;
  rows: RegisterRow[];
  index: string[] | null;
  sorter: RegisterSorter;
  /** View order (positions in rows) by the view's filters and sorting as JSON. */
  orders: Map<string, number[]>;
}
interface Cache {
  version: string;
  loaded: Loaded[];
  summary: RegisterSummary | null;
}
const caches = new WeakMap<Db, Cache>();

/** Kept per register: the open view and one other (all cases at 50,000 is tens of MB). */
const MAX_SCOPES = 2;
const MAX_ORDERS = 24;

/**
 * What the rows depend on: every row this connection has written (total_changes: audited or not,
 * such as an item marked discussed), anything another connection committed (data_version), and the day.
 */
export function versionOf(db: Db, today: string): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${changes}:${String(db.pragma('data_version', { simple: true }))}:${today}`;
}

function cacheFor(db: Db, today: string): Cache {
  const version = versionOf(db, today);
  let c = caches.get(db);
  if (!c || c.version !== version) {
    c = { version, loaded: [], summary: null };
    caches.set(db, c);
  }
  return c;
}

function loaded(db: Db, today: string, cache: Cache, scope: Scope): Loaded {
  let l = cache.loaded.find((x) => x.scope === scope);
  if (l) {
    cache.loaded = [l, ...cache.loaded.filter((x) => x !== l)];
    return l;
  }
  const rows = listRegister(db, today, SCOPES[scope]);
  l = { scope, rows, index: null, sorter: new RegisterSorter(rows), orders: new Map() };
  cache.loaded = [l, ...cache.loaded].slice(0, MAX_SCOPES);
  return l;
}

/** Positions of the view's rows, in view order. */
function orderOf(l: Loaded, q: RegisterQuery): number[] {
  const key = JSON.stringify(q);
  let order = l.orders.get(key);
  if (order) return order;
  if (q.search.trim() && !l.index) l.index = buildSearchIndex(l.rows);
  const filtered = filterIndices(l.rows, compileFilter(q, l.index ?? []));
  order = l.sorter.sort(filtered, q.sorting);
  if (l.orders.size >= MAX_ORDERS) l.orders.clear();
  l.orders.set(key, order);
  return order;
}

/** Whole-register figures for the heading and menus, in SQL (they do not depend on the view). */
function summary(db: Db, cache: Cache): RegisterSummary {
  if (cache.summary) return cache.summary;
  const counts = db.prepare(`SELECT count(*) AS n, ifnull(sum(c.status = 'closed'), 0) AS closed FROM cases c`).get() as { n: number; closed: number };
  const officers = db
    .prepare(`SELECT DISTINCT o.id, o.name FROM cases c JOIN officers o ON o.id = c.lead_officer_id`)
    .raw()
    .all() as [number, string][];
  const schools = db
    .prepare(`SELECT DISTINCT CASE c.register WHEN 'PMOE' THEN c.pmoe_school ELSE c.last_school END AS s FROM cases c WHERE s IS NOT NULL AND trim(s) <> ''`)
    .pluck()
    .all() as string[];
  cache.summary = summaryOf(counts.n - counts.closed, counts.closed, officers, schools);
  return cache.summary;
}

/** Rows offset..offset+limit of the view, how many match in all, and the register's summary. */
export function registerPage(db: Db, today: string, q: RegisterQuery, offset: number, limit: number) {
  const cache = cacheFor(db, today);
  const l = loaded(db, today, cache, scopeOf(q.status));
  const order = orderOf(l, q);
  return { rows: order.slice(offset, offset + limit).map((i) => l.rows[i]!), offset, total: order.length, summary: summary(db, cache) };
}

/** Every row of the view in view order (Export CSV writes all matching cases, not one window). */
export function registerMatching(db: Db, today: string, q: RegisterQuery) {
  const cache = cacheFor(db, today);
  const l = loaded(db, today, cache, scopeOf(q.status));
  const order = orderOf(l, q);
  return { rows: order.map((i) => l.rows[i]!), total: order.length };
}

/**
 * The open cases for the page to hold (issue 12: after the first window is drawn the screen
 * filters, searches and sorts them itself), packed column-wise, with the version they were read
 * at. `ifNot` is the version the page holds: when nothing has changed it is told so, cheaply.
 */
export function registerWorkingSet(db: Db, today: string, ifNot: string | null) {
  const cache = cacheFor(db, today);
  if (ifNot !== null && ifNot === cache.version) return { unchanged: true as const, version: cache.version, today };
  const l = loaded(db, today, cache, 'open');
  return { unchanged: false as const, version: cache.version, today, summary: summary(db, cache), rows: packRows(l.rows) };
}
