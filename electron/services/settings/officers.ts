import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { Officer } from '../../../shared/api/schemas';
import { notFound } from '../../../shared/api/errors';
import { toOfficer } from '../rows';

export interface OfficerFields {
  name: string;
  jobTitle: string | null;
  team: Officer['team'];
  email: string | null;
  active: boolean;
  isManager: boolean;
}

const SELECT = `
  SELECT o.*, (SELECT count(*) FROM cases c WHERE c.lead_officer_id = o.id AND c.status <> 'closed') AS open_cases
  FROM officers o`;

export function listOfficers(db: Db, includeLeft: boolean): Officer[] {
  const where = includeLeft ? '' : 'WHERE o.active = 1';
  return (db.prepare(`${SELECT} ${where} ORDER BY o.active DESC, o.name`).all() as Record<string, unknown>[]).map(toOfficer);
}

export function getOfficer(db: Db, id: number): Officer {
  const row = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw notFound(`There is no officer with record number ${id}. They may have been removed; reload the officers list.`);
  return toOfficer(row);
}

export function createOfficer(db: Db, ctx: WriteContext, f: OfficerFields): Officer {
  const id = auditedInsert(db, ctx, 'officers', { entity: 'officer' }, {
    name: f.name, job_title: f.jobTitle, team: f.team, email: f.email, active: f.active, is_manager: f.isManager, created_at: ctx.now(),
  });
  return getOfficer(db, id);
}

export function updateOfficer(db: Db, ctx: WriteContext, args: MethodArgs<'officers.update'>): Officer {
  const { id, ...f } = args;
  getOfficer(db, id);
  auditedUpdate(db, ctx, 'officers', { entity: 'officer' }, id, {
    name: f.name, job_title: f.jobTitle, team: f.team, email: f.email, active: f.active, is_manager: f.isManager,
  });
  return getOfficer(db, id);
}
