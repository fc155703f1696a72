import { numOrNull, strOrNull } from '../rows';
import type { Db } from '../../../db/open';
import { auditedDelete, auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { Cadence, Panel } from '../../../shared/api/meetingSchemas';
import { notFound } from '../../../shared/api/errors';
import type { Row } from '../rows';

export function getPanel(db: Db, id: number): Panel {
  const r = db.prepare('SELECT * FROM panels WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw notFound(`There is no panel with record number ${id}.`);
  const members = db
    .prepare('SELECT m.role, m.officer_id, o.name FROM panel_members m LEFT JOIN officers o ON o.id = m.officer_id WHERE m.panel_id = ? ORDER BY m.position')
    .all(id) as Row[];
  return {
    id: Number(r.id),
    name: String(r.name),
    register: r.register as Panel['register'],
    cadence: JSON.parse(String(r.cadence)) as Cadence,
    defaultTime: String(r.default_time),
    defaultVenue: strOrNull(r.default_venue),
    defaultChairId: numOrNull(r.default_chair_id),
    defaultMinuteTakerId: numOrNull(r.default_minute_taker_id),
    standingItems: JSON.parse(String(r.standing_items)) as Panel['standingItems'],
    members: members.map((m) => ({ role: String(m.role), officerId: numOrNull(m.officer_id), officerName: strOrNull(m.name) })),
    active: r.active === 1,
    capacity: numOrNull(r.capacity),
  };
}

export function listPanels(db: Db): Panel[] {
  return (db.prepare('SELECT id FROM panels ORDER BY id').all() as { id: number }[]).map((r) => getPanel(db, r.id));
}

export interface PanelFields {
  id?: number | null | undefined;
  name: string;
  register: 'CME' | 'PMOE';
  cadence: Cadence;
  defaultTime: string;
  defaultVenue: string | null;
  defaultChairId: number | null;
  defaultMinuteTakerId: number | null;
  standingItems: { code: string; title: string; text: string | null }[];
  members: { role: string; officerId: number | null }[];
  active: boolean;
  capacity?: number | null | undefined;
}

export function savePanel(db: Db, ctx: WriteContext, p: PanelFields): Panel {
  const cols = {
    name: p.name, register: p.register, cadence: JSON.stringify(p.cadence), default_time: p.defaultTime, default_venue: p.defaultVenue,
    default_chair_id: p.defaultChairId, default_minute_taker_id: p.defaultMinuteTakerId, standing_items: JSON.stringify(p.standingItems), active: p.active,
    capacity: p.capacity ?? null,
  };
  let id: number;
  if (p.id) {
    getPanel(db, p.id);
    id = p.id;
    auditedUpdate(db, ctx, 'panels', { entity: 'panel' }, id, cols);
    for (const m of db.prepare('SELECT id FROM panel_members WHERE panel_id = ?').all(id) as { id: number }[]) {
      auditedDelete(db, ctx, 'panel_members', { entity: 'panel_member' }, m.id);
    }
  } else {
    id = auditedInsert(db, ctx, 'panels', { entity: 'panel' }, { ...cols, created_at: ctx.now() });
  }
  p.members.forEach((m, i) => auditedInsert(db, ctx, 'panel_members', { entity: 'panel_member' }, { panel_id: id, role: m.role, officer_id: m.officerId, position: i }));
  return getPanel(db, id);
}
