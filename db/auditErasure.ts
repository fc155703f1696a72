import type { Db } from './open';
import { appendAudit, auditHash, keptDigest, GENESIS, AUDIT_COLUMNS, type AuditRecord } from './auditChain';
import { AppError } from '../shared/api/errors';

/**
 * Blanks the personal data (old_value, new_value) of the given audit rows without breaking the
 * chain (issue 13, retention). First checks each row still follows from the row before it (an
 * erasure must not hide an earlier alteration), then appends the erasure's own row carrying
 * `summary` (no personal data) and the manifest the verifier uses, then blanks the rows. Runs
 * inside the caller's transaction. Returns the erasure row's id.
 */
export function eraseAuditPayloads(db: Db, ids: readonly number[], row: Omit<AuditRecord, 'id' | 'entity' | 'new_value' | 'old_value'>, summary: Record<string, unknown>): number {
  const get = db.prepare(`SELECT ${AUDIT_COLUMNS.join(', ')}, hash FROM audit WHERE id = ?`);
  const prevHash = db.prepare('SELECT hash FROM audit WHERE id = ?');
  const manifest: [number, string, string][] = [];
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    const r = get.get(id) as (AuditRecord & { hash: string }) | undefined;
    if (!r || (r.old_value === null && r.new_value === null)) continue;
    const prev = id === 1 ? GENESIS : ((prevHash.get(id - 1) as { hash: string } | undefined)?.hash ?? null);
    if (prev === null || auditHash(prev, r) !== r.hash) {
      throw new AppError('conflict', `The audit trail does not verify at entry ${id}, so nothing was erased (erasing would hide the alteration). Check the audit trail in Settings and tell your information governance lead.`);
    }
    manifest.push([id, r.hash, keptDigest(r)]);
  }
  const entry = appendAudit(db, { ...row, entity: 'erasure', old_value: null, new_value: JSON.stringify({ ...summary, rows: manifest }) });
  const blank = db.prepare('UPDATE audit SET old_value = NULL, new_value = NULL WHERE id = ?');
  for (const [id] of manifest) blank.run(id);
  return entry;
}
