// The two panels every register starts with. Made when a register is opened (createApp's
// prepareRegister), never by a read: panels.list and meetings.list only read.
import type { Db } from '../../../db/open';
import { auditedInsert, auditedUpdate, type WriteContext } from '../../../db/audit';
import type { Cadence } from '../../../shared/api/meetingSchemas';
import { STANDING_ITEMS } from '../../../shared/domain/agenda';

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

const MINUTE_TAKER_ROLE = 'CME Administrator';

type OfficerTitle = { id: number; job_title: string | null };

/** The officer whose job title best fits a role, so a register's panels come with people. */
function officerFor(officers: OfficerTitle[], role: string): number | null {
  const title = role.replace(/^Chair \((.*)\)$/, '$1').toLowerCase();
  const exact = officers.find((o) => o.job_title?.toLowerCase() === title);
  const partial = officers.find((o) => o.job_title && (o.job_title.toLowerCase().includes(title) || title.includes(o.job_title.toLowerCase())));
  return (exact ?? partial)?.id ?? null;
}

const activeOfficers = (db: Db) => db.prepare('SELECT id, job_title FROM officers WHERE active = 1 ORDER BY id').all() as OfficerTitle[];

/** A register with no panels gets the two standard ones (both editable). Returns whether it wrote. */
export function ensureDefaultPanels(db: Db, ctx: WriteContext | (() => WriteContext)): boolean {
  if ((db.prepare('SELECT count(*) AS n FROM panels').get() as { n: number }).n > 0) return false;
  // Asked for only when there is something to write: a register being unlocked may not know its user yet.
  const c = { ...(typeof ctx === 'function' ? ctx() : ctx), source: 'default panels' };
  const officers = activeOfficers(db);
  db.transaction(() => {
    for (const p of DEFAULT_PANELS) {
      const chairId = officerFor(officers, p.roles[0]!);
      const panelId = auditedInsert(db, c, 'panels', { entity: 'panel' }, {
        name: p.name, register: p.register, cadence: JSON.stringify(p.cadence), default_time: '10:00',
        default_venue: 'Committee Room 2, Civic Centre', default_chair_id: chairId, default_minute_taker_id: officerFor(officers, MINUTE_TAKER_ROLE),
        standing_items: JSON.stringify(STANDING_ITEMS.map((s) => ({ code: s.code, title: s.title, text: null }))), active: 1, created_at: c.now(),
      });
      p.roles.forEach((role, i) => {
        auditedInsert(db, c, 'panel_members', { entity: 'panel_member' }, { panel_id: panelId, role, officer_id: officerFor(officers, role), position: i });
      });
    }
  })();
  return true;
}

/**
 * Fills the empty seats of the panels (a member role, the default chair or minute taker with no
 * officer) with the officer whose job title fits, leaving every seat someone chose alone. The
 * panels are made when a register is first opened, before it has officers; the demo register
 * staffs them once its officers are in.
 */
export function staffPanels(db: Db, ctx: WriteContext): void {
  const officers = activeOfficers(db);
  if (officers.length === 0) return;
  const c = { ...ctx, source: 'default panels' };
  const panels = db.prepare('SELECT id, default_chair_id, default_minute_taker_id FROM panels').all() as { id: number; default_chair_id: number | null; default_minute_taker_id: number | null }[];
  const emptySeats = db.prepare('SELECT id, role FROM panel_members WHERE panel_id = ? AND officer_id IS NULL ORDER BY position');
  const firstRole = db.prepare('SELECT role FROM panel_members WHERE panel_id = ? ORDER BY position LIMIT 1');
  for (const p of panels) {
    for (const seat of emptySeats.all(p.id) as { id: number; role: string }[]) {
      const officerId = officerFor(officers, seat.role);
      if (officerId !== null) auditedUpdate(db, c, 'panel_members', { entity: 'panel_member' }, seat.id, { officer_id: officerId });
    }
    const chairRole = firstRole.get(p.id) as { role: string } | undefined;
    auditedUpdate(db, c, 'panels', { entity: 'panel' }, p.id, {
      default_chair_id: p.default_chair_id ?? (chairRole ? officerFor(officers, chairRole.role) : null),
      default_minute_taker_id: p.default_minute_taker_id ?? officerFor(officers, MINUTE_TAKER_ROLE),
    });
  }
}
