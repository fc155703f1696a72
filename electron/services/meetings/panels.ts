import { numOrNull, strOrNull } from '../rows';
import type { Db } from '../../../db/open';
import { auditedDelete, auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { Cadence, Panel } from '../../../shared/api/meetingSchemas';
import { STANDING_ITEMS } from '../../../shared/domain/agenda';
import { notFound } from '../../../shared/api/errors';
import type { Row } from '../rows';

/** Standing membership from seed 000 §12 (DOMAIN.md "Two registers, two panels"). */
const DEFAULT_PANELS: { name: string; register: 'CME' | 'PMOE'; cadence: Cadence; roles: string[]; chairTitle: string }[] = [
  {
    name: 'CME panel',
    register: 'CME',
    cadence: { kind: 'monthly_nth_weekday', weekday: 2, nth: 2 },
    chairTitle: 'Systems Lead for Inclusion',
    roles: ['Chair (Systems Lead for Inclusion)', 'CME Administrator', 'Inclusion Manager', 'Inclusion Officer', 'MASH Officer', 'Senior Education Welfare Officer',
      'Admissions Manager', 'SEN Officer', 'EHE Officer', 'Head of Virtual School', 'Youth Offending Service', "Children's Social Care"],
  },
  {
    name: 'PMOE panel',
    register: 'PMOE',
    cadence: { kind: 'half_termly', weekOfHalfTerm: 3, weekday: 3 },
    chairTitle: 'Head of Inclusion',
    roles: ['Chair (Head of Inclusion)', 'Inclusion Officer', 'SEN Officer', 'Education Welfare Officer', 'YOS Education Worker', 'Head of Virtual School', 'EHE Officer'],
  },
];

/** The officer whose job title best fits a role, so a new register's panels come with people. */
function officerFor(db: Db, role: string): number | null {
  const title = role.replace(/^Chair \((.*)\)$/, '$1').toLowerCase();
  const officers = db.prepare('SELECT id, job_title FROM officers WHERE active = 1 ORDER BY id').all() as { id: number; job_title: string | null }[];
  const exact = officers.find((o) => o.job_title?.toLowerCase() === title);
  const partial = officers.find((o) => o.job_title && (o.job_title.toLowerCase().includes(title) || title.includes(o.job_title.toLowerCase())));
  return (exact ?? partial)?.id ?? null;
}

/** A new register gets the two panels out of the box (both editable). */
export function ensureDefaultPanels(db: Db, ctx: WriteContext): void {
  if ((db.prepare('SELECT count(*) AS n FROM panels').get() as { n: number }).n > 0) return;
  db.transaction(() => {
    const c = { ...ctx, source: 'default panels' };
    for (const p of DEFAULT_PANELS) {
      const chairId = officerFor(db, p.roles[0]!);
      const panelId = auditedInsert(db, c, 'panels', { entity: 'panel' }, {
        name: p.name, register: p.register, cadence: JSON.stringify(p.cadence), default_time: '10:00',
        default_venue: 'Committee Room 2, Civic Centre', default_chair_id: chairId, default_minute_taker_id: officerFor(db, 'CME Administrator'),
        standing_items: JSON.stringify(STANDING_ITEMS.map((s) => ({ code: s.code, title: s.title, text: null }))), active: 1, created_at: c.now(),
      });
      p.roles.forEach((role, i) => {
        auditedInsert(db, c, 'panel_members', { entity: 'panel_member' }, { panel_id: panelId, role, officer_id: i === 0 ? chairId : officerFor(db, role), position: i });
      });
    }
  })();
}

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

export function listPanels(db: Db, ctx: WriteContext): Panel[] {
  ensureDefaultPanels(db, ctx);
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
