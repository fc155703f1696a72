import { strOrNull } from './nulls';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

type Db = Database.Database;

/**
 * The audit trail's hash chain (issue 11). Each row's hash is SHA-256 over the previous row's hash
 * and the row's own columns, so changing, deleting, reordering or inserting a row anywhere but at
 * the end breaks every link after it. What this proves: that nobody edited the file with a SQLite
 * tool and left the chain as it was. It cannot stop someone who rewrites the whole chain from that
 * point with the same algorithm (there is no secret key: a key stored beside the file would not
 * help); the triggers stop that being done through Panel or by accident.
 */
export const AUDIT_COLUMNS = ['id', 'at', 'actor', 'source', 'action', 'entity', 'entity_id', 'field', 'old_value', 'new_value', 'case_id', 'child_id', 'op'] as const;
export type AuditRecord = { [K in (typeof AUDIT_COLUMNS)[number]]: string | number | null };

/** The first link's "previous hash". */
export const GENESIS = '0'.repeat(64);

export function auditHash(previous: string, row: AuditRecord): string {
  return createHash('sha256')
    .update(previous)
    .update('\n')
    .update(JSON.stringify(AUDIT_COLUMNS.map((c) => row[c] ?? null)))
    .digest('hex');
}

/**
 * Erasure (issue 13, retention): an erased child's audit rows keep every column but old_value and
 * new_value, which are set to NULL. Their own hash can then no longer be recomputed, so the erasure's
 * audit row (entity 'erasure', appended before the blanking, itself in the chain) lists each blanked
 * row as [id, hash, keptDigest]: the verifier accepts a blanked row whose hash and remaining columns
 * match that list. The next row's link still covers the stored hash, so the chain stays whole.
 */
export const ERASABLE_COLUMNS = ['old_value', 'new_value'] as const;

/** SHA-256 of the columns an erasure leaves in place. */
export function keptDigest(row: AuditRecord): string {
  const kept = AUDIT_COLUMNS.filter((c) => !(ERASABLE_COLUMNS as readonly string[]).includes(c));
  return createHash('sha256').update(JSON.stringify(kept.map((c) => row[c] ?? null))).digest('hex');
}

/** The rows erasures have blanked: id -> [hash, keptDigest], from the erasure rows' manifests. */
function erasedRows(db: Db): Map<number, [string, string]> {
  const erased = new Map<number, [string, string]>();
  for (const r of db.prepare(`SELECT new_value FROM audit WHERE entity = 'erasure'`).iterate() as IterableIterator<{ new_value: string | null }>) {
    try {
      const rows = (JSON.parse(r.new_value ?? '{}') as { rows?: [number, string, string][] }).rows ?? [];
      for (const [id, hash, kept] of rows) erased.set(id, [hash, kept]);
    } catch {
      // An unreadable manifest erases nothing: its rows then fail as altered, and the erasure row itself fails its own link.
    }
  }
  return erased;
}

const lastHashStmt = new WeakMap<Db, Database.Statement>();
const insertStmt = new WeakMap<Db, { cols: string[]; stmt: Database.Statement }>();

/** Appends one row with its chained hash. The caller's transaction makes read-then-insert atomic. */
export function appendAudit(db: Db, row: Omit<AuditRecord, 'id'>): number {
  let insert = insertStmt.get(db);
  if (!insert) {
    // A register still at an earlier schema (only in migration tests) lacks the later columns.
    const have = new Set((db.pragma('table_info(audit)') as { name: string }[]).map((c) => c.name));
    const cols = [...AUDIT_COLUMNS, 'hash'].filter((c) => have.has(c));
    insert = { cols, stmt: db.prepare(`INSERT INTO audit (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`) };
    insertStmt.set(db, insert);
  }
  let last = lastHashStmt.get(db);
  if (!last) {
    // Only the link's id and hash: reading the whole last row (its old and new values) for every
    // append made large imports churn memory.
    last = db.prepare(`SELECT id${insert.cols.includes('hash') ? ', hash' : ''} FROM audit ORDER BY id DESC LIMIT 1`);
    lastHashStmt.set(db, last);
  }
  const prev = last.get() as { id: number; hash?: string | null } | undefined;
  const id = (prev?.id ?? 0) + 1;
  const full: AuditRecord = { ...row, id };
  const hash = auditHash(prev?.hash ?? GENESIS, full);
  insert.stmt.run(...insert.cols.map((c) => (c === 'hash' ? hash : (full[c as keyof AuditRecord] ?? null))));
  return id;
}

/** Gives rows written before the chain existed their hashes, in id order (the migration's one allowed update). */
export function sealAudit(db: Db): number {
  const unsealed = db.prepare('SELECT 1 FROM audit WHERE hash IS NULL LIMIT 1').get();
  if (!unsealed) return 0;
  let n = 0;
  db.transaction(() => {
    const set = db.prepare('UPDATE audit SET hash = ? WHERE id = ?');
    let prev = GENESIS;
    for (const r of db.prepare(`SELECT ${AUDIT_COLUMNS.join(', ')}, hash FROM audit ORDER BY id`).all() as (AuditRecord & { hash: string | null })[]) {
      if (r.hash === null) {
        prev = auditHash(prev, r);
        set.run(prev, r.id);
        n++;
      } else prev = r.hash;
    }
  })();
  return n;
}

export interface AuditCheck {
  ok: boolean;
  rows: number;
  /** The first row whose hash does not follow from the one before it, or null. */
  firstBroken: { id: number; at: string | null; actor: string | null; entity: string | null } | null;
  message: string;
}

/** Walks the chain from the first row and reports the first broken link. */
export function verifyAuditChain(db: Db): AuditCheck {
  let prev = GENESIS;
  let rows = 0;
  let expectedId = 1;
  const erased = erasedRows(db);
  for (const r of db.prepare(`SELECT ${AUDIT_COLUMNS.join(', ')}, hash FROM audit ORDER BY id`).iterate() as IterableIterator<AuditRecord & { hash: string | null }>) {
    rows++;
    const blank = erased.get(Number(r.id));
    const want = blank && r.old_value === null && r.new_value === null && blank[0] === r.hash && blank[1] === keptDigest(r) ? blank[0] : auditHash(prev, r);
    // A missing id (a deleted row) shows as the next row's link not following.
    if (r.hash !== want || Number(r.id) !== expectedId) {
      const firstBroken = { id: Number(r.id), at: strOrNull(r.at), actor: strOrNull(r.actor), entity: strOrNull(r.entity) };
      return {
        ok: false,
        rows,
        firstBroken,
        message:
          `The audit trail has been altered outside Panel: the record of changes breaks at entry ${firstBroken.id}` +
          `${firstBroken.at ? ` (${firstBroken.at}${firstBroken.actor ? `, ${firstBroken.actor}` : ''})` : ''}. ` +
          'Entries from there on cannot be trusted. Keep this file as it is and tell your information governance lead.',
      };
    }
    prev = want;
    expectedId++;
  }
  return { ok: true, rows, firstBroken: null, message: `The audit trail is intact: ${rows.toLocaleString('en-GB')} entries, each linked to the one before.` };
}
