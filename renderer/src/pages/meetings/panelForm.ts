/**
 * The panel editor's form state and its conversion to panels.save input. Pure.
 */
import type { Cadence, Panel } from '../../../../shared/api/meetingSchemas';
import type { MethodInput } from '../../../../shared/api/contract';
import type { Register } from '../../../../shared/domain/vocab';
import { STANDING_ITEMS } from '../../../../shared/domain/agenda';

export interface StandingRow { key: number; code: string; title: string; text: string | null }
export interface MemberRow { key: number; role: string; officerId: string }

export interface PanelForm {
  id: number | null;
  name: string;
  register: Register;
  cadence: Cadence;
  defaultTime: string;
  defaultVenue: string;
  defaultChairId: string;
  defaultMinuteTakerId: string;
  standingItems: StandingRow[];
  members: MemberRow[];
  active: boolean;
  /** Cases per meeting, as typed ('' = the register's default). */
  capacity: string;
}

let nextKey = 1;
/** A key for a new list row (React keys only; never saved). */
export const rowKey = () => nextKey++;

export function panelToForm(p: Panel): PanelForm {
  return {
    id: p.id,
    name: p.name,
    register: p.register,
    cadence: p.cadence,
    defaultTime: p.defaultTime,
    defaultVenue: p.defaultVenue ?? '',
    defaultChairId: p.defaultChairId === null ? '' : String(p.defaultChairId),
    defaultMinuteTakerId: p.defaultMinuteTakerId === null ? '' : String(p.defaultMinuteTakerId),
    standingItems: p.standingItems.map((s) => ({ key: rowKey(), code: s.code, title: s.title, text: s.text ?? null })),
    members: p.members.map((m) => ({ key: rowKey(), role: m.role, officerId: m.officerId === null ? '' : String(m.officerId) })),
    active: p.active,
    capacity: p.capacity === null ? '' : String(p.capacity),
  };
}

/** A new panel type: the usual standing items, nobody in it yet. */
export function blankPanel(register: Register = 'CME'): PanelForm {
  return {
    id: null,
    name: '',
    register,
    cadence: register === 'CME' ? { kind: 'monthly_nth_weekday', weekday: 2, nth: 2 } : { kind: 'half_termly', weekOfHalfTerm: 3, weekday: 3 },
    defaultTime: '10:00',
    defaultVenue: '',
    defaultChairId: '',
    defaultMinuteTakerId: '',
    standingItems: STANDING_ITEMS.map((s) => ({ key: rowKey(), code: s.code, title: s.title, text: null })),
    members: [],
    active: true,
    capacity: '',
  };
}

const toId = (s: string): number | null => (s === '' ? null : Number(s));

export function formToInput(f: PanelForm): MethodInput<'panels.save'> {
  return {
    id: f.id,
    name: f.name,
    register: f.register,
    cadence: f.cadence,
    defaultTime: f.defaultTime,
    defaultVenue: f.defaultVenue.trim() === '' ? null : f.defaultVenue,
    defaultChairId: toId(f.defaultChairId),
    defaultMinuteTakerId: toId(f.defaultMinuteTakerId),
    standingItems: f.standingItems.map((s) => ({ code: s.code, title: s.title, text: s.text })),
    members: f.members.map((m) => ({ role: m.role, officerId: toId(m.officerId) })),
    active: f.active,
    capacity: f.capacity.trim() === '' ? null : Number(f.capacity),
  };
}

/** A code for a standing item added by hand: custom_1, custom_2… not yet used in `existing`. */
export function newStandingCode(existing: readonly { code: string }[]): string {
  const used = new Set(existing.map((s) => s.code));
  let n = 1;
  while (used.has(`custom_${n}`)) n += 1;
  return `custom_${n}`;
}

/** The cadence after the person changes its kind: keeps the weekday, sensible defaults for the rest. */
export function switchCadence(c: Cadence, kind: Cadence['kind']): Cadence {
  if (c.kind === kind) return c;
  return kind === 'monthly_nth_weekday' ? { kind, weekday: c.weekday, nth: 2 } : { kind, weekOfHalfTerm: 3, weekday: c.weekday };
}

/** The number after "members." or "standingItems." in an error's field path, with the rest of the path. */
export function rowOfField(field: string | null, list: 'members' | 'standingItems'): { index: number; rest: string } | null {
  if (!field) return null;
  const m = new RegExp(`^${list}\\.(\\d+)(?:\\.(.*))?$`).exec(field);
  return m ? { index: Number(m[1]), rest: m[2] ?? '' } : null;
}
