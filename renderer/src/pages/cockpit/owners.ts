/**
 * Who can own an action agreed at panel: an officer (saved by id, so it shows on their action list),
 * or anyone else named: a panel member, deputy or guest at this meeting, an outside agency. Pure.
 */
import type { Officer } from '../../../../shared/api/schemas';
import { matchOwner } from '../../../../shared/domain/actionOwner';

export const OWNER_NEEDED = 'Name who will do it: an officer, a panel member, a deputy or guest at this meeting, or an outside agency.';

/** The names offered as the owner is typed: officers in post, then the people at this meeting, each once. */
export function ownerChoices(officers: readonly Pick<Officer, 'name' | 'active'>[], people: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of [...officers.filter((o) => o.active).map((o) => o.name).sort((a, b) => a.localeCompare(b, 'en-GB')), ...people]) {
    const key = n.trim().toLowerCase();
    if (!key || key.startsWith('(') || seen.has(key)) continue;
    seen.add(key);
    out.push(n.trim());
  }
  return out;
}

/** An officer in post whose name matches what was typed (any case or spacing) is saved by id; anyone else by name. */
export function resolveOwner(typed: string, officers: readonly Pick<Officer, 'id' | 'name' | 'active'>[]): { ownerId: number; ownerText: null } | { ownerId: null; ownerText: string } {
  const m = matchOwner(typed, officers.filter((o) => o.active));
  return m.kind === 'officer' ? { ownerId: m.officer.id, ownerText: null } : { ownerId: null, ownerText: typed.trim() };
}

/** The officers in post a typed owner probably means (shared/domain/actionOwner.ts), to offer as one-click choices. */
export function ownerSuggestions(typed: string, officers: readonly Pick<Officer, 'id' | 'name' | 'active'>[]): string[] {
  const m = matchOwner(typed, officers.filter((o) => o.active));
  return m.kind === 'likely' ? m.officers.map((o) => o.name) : [];
}
