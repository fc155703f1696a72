/** Schools that send returns and notices, and each school's remembered column layout per kind of file. */
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import { AppError, invalid } from '../../../shared/api/errors';
import type { MethodArgs } from '../../../shared/api/contract';
import type { School } from '../../../shared/api/returnSchemas';
import type { ColumnMapping, ImportKind } from '../../../shared/domain/schoolReturns';
import { strOrNull, type Row } from '../rows';

function toSchool(r: Row, kinds: ImportKind[]): School {
  return { id: Number(r.id), name: String(r.name), dfeNumber: strOrNull(r.dfe_number), contact: strOrNull(r.contact), active: r.active === 1, mappings: kinds };
}

export function listSchools(db: Db, includeInactive: boolean): School[] {
  const kinds = new Map<number, ImportKind[]>();
  for (const m of db.prepare('SELECT school_id, kind FROM school_mappings ORDER BY kind').all() as { school_id: number; kind: ImportKind }[]) {
    kinds.set(m.school_id, [...(kinds.get(m.school_id) ?? []), m.kind]);
  }
  return (db.prepare(`SELECT * FROM schools ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY name COLLATE NOCASE`).all() as Row[]).map((r) => toSchool(r, kinds.get(Number(r.id)) ?? []));
}

export function schoolRow(db: Db, id: number): Row {
  const r = db.prepare('SELECT * FROM schools WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw new AppError('not_found', `There is no school with record number ${id}. Choose the school again from the list.`);
  return r;
}

export function saveSchool(db: Db, ctx: WriteContext, s: MethodArgs<'schools.save'>): School {
  const clash = db.prepare('SELECT id FROM schools WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(s.name, s.id ?? null) as { id: number } | undefined;
  if (clash) throw invalid('name', `A school called ${s.name} is already on the list. Choose it, or give this one its full name.`);
  const cols = { name: s.name, dfe_number: s.dfeNumber, contact: s.contact, active: s.active };
  let id: number;
  if (s.id) {
    schoolRow(db, s.id);
    auditedUpdate(db, ctx, 'schools', { entity: 'school' }, s.id, cols);
    id = s.id;
  } else {
    id = auditedInsert(db, ctx, 'schools', { entity: 'school' }, { ...cols, created_at: ctx.now() });
  }
  return listSchools(db, true).find((x) => x.id === id)!;
}

export function rememberedMapping(db: Db, schoolId: number, kind: ImportKind): ColumnMapping | null {
  const r = db.prepare('SELECT mapping FROM school_mappings WHERE school_id = ? AND kind = ?').get(schoolId, kind) as { mapping: string } | undefined;
  return r ? (JSON.parse(r.mapping) as ColumnMapping) : null;
}

/** Remembers the layout the officer confirmed, so the school's next file maps itself. */
export function rememberMapping(db: Db, ctx: WriteContext, schoolId: number, kind: ImportKind, mapping: ColumnMapping): void {
  const text = JSON.stringify(mapping);
  const have = db.prepare('SELECT id, mapping FROM school_mappings WHERE school_id = ? AND kind = ?').get(schoolId, kind) as { id: number; mapping: string } | undefined;
  if (have) {
    if (have.mapping !== text) auditedUpdate(db, ctx, 'school_mappings', { entity: 'school_mapping' }, have.id, { mapping: text, updated_at: ctx.now() });
  } else {
    auditedInsert(db, ctx, 'school_mappings', { entity: 'school_mapping' }, { school_id: schoolId, kind, mapping: text, updated_at: ctx.now() });
  }
}
