import type { Db } from './open';
import { appendAudit } from './auditChain';
import type { SessionUser } from '../shared/api/session';
import { prepared } from './statements';

/** Who is writing and on whose behalf; every audited write carries it. */
export interface WriteContext {
  actor: string;
  /** Where the change came from, e.g. 'register' or 'meeting:12'. */
  source: string;
  /** ISO timestamp; injectable so tests are deterministic. */
  now: () => string;
  /** Groups the audit rows of one operation, so it can be undone as a whole. */
  op?: string;
  /**
   * The signed-in user (issue 13; `actor` is their name). Set by the hosts' session layer; the
   * dispatcher checks their role against shared/api/permissions.ts. Absent only for scripts and
   * unit tests that drive the services directly.
   */
  user?: SessionUser;
}

export interface AuditLink {
  entity: string;
  caseId?: number | null;
  childId?: number | null;
}

type Row = Record<string, unknown>;

const toText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

function writeAudit(
  db: Db,
  ctx: WriteContext,
  link: AuditLink,
  action: 'insert' | 'update' | 'delete',
  entityId: number,
  field: string | null,
  oldValue: unknown,
  newValue: unknown,
): void {
  appendAudit(db, {
    at: ctx.now(), actor: ctx.actor, source: ctx.source, action, entity: link.entity, entity_id: entityId, field,
    old_value: toText(oldValue), new_value: toText(newValue), case_id: link.caseId ?? null, child_id: link.childId ?? null, op: ctx.op ?? null,
  });
}

const assertIdent = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad SQL identifier: ${name}`);
};

/**
 * Inserts a row and its audit record. Must run inside the caller's transaction so the
 * row and its audit land together or not at all.
 */
export function auditedInsert(db: Db, ctx: WriteContext, table: string, link: AuditLink, values: Row): number {
  assertIdent(table);
  const cols = Object.keys(values);
  cols.forEach(assertIdent);
  const info = prepared(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => normalise(values[c])));
  const id = Number(info.lastInsertRowid);
  // A new child or case is its own link, so its history starts with its creation.
  if (link.entity === 'child' && link.childId == null) link = { ...link, childId: id };
  if (link.entity === 'case' && link.caseId == null) link = { ...link, caseId: id };
  const shown: Row = {};
  for (const c of cols) if (values[c] !== null && values[c] !== undefined && c !== 'created_at') shown[c] = values[c];
  writeAudit(db, ctx, link, 'insert', id, null, null, shown);
  return id;
}

/**
 * Updates the named columns of one row, writing one audit record per field whose value
 * actually changed. Returns the number of fields changed.
 */
export function auditedUpdate(db: Db, ctx: WriteContext, table: string, link: AuditLink, id: number, changes: Row): number {
  assertIdent(table);
  const before = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!before) throw new Error(`${table} ${id} not found`);
  const changed = Object.keys(changes).filter((c) => {
    assertIdent(c);
    return !sameValue(before[c], normalise(changes[c]));
  });
  if (changed.length === 0) return 0;
  prepared(db, `UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
    ...changed.map((c) => normalise(changes[c])),
    id,
  );
  for (const c of changed) writeAudit(db, ctx, link, 'update', id, c, before[c], normalise(changes[c]));
  return changed.length;
}

export function auditedDelete(db: Db, ctx: WriteContext, table: string, link: AuditLink, id: number): void {
  assertIdent(table);
  const before = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!before) return;
  prepared(db, `DELETE FROM ${table} WHERE id = ?`).run(id);
  writeAudit(db, ctx, link, 'delete', id, null, before, null);
}

// SQLite has no booleans; store 0/1 so comparisons against stored rows work.
function normalise(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === undefined || v === '') return null;
  return v;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  return a === b || String(a) === String(b);
}

/** Settings are keyed by name, not id: their changes are audited under entity 'setting', id 0. */
export function auditedSetting(db: Db, ctx: WriteContext, key: string, value: string): void {
  assertIdent(key);
  const before = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (before?.value === value) return;
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  writeAudit(db, ctx, { entity: 'setting' }, before ? 'update' : 'insert', 0, key, before?.value ?? null, value);
}
