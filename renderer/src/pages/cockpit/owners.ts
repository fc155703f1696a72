/**
 * Who can own an action agreed at panel: an officer (saved by id, so it shows on their action list),
 * or anyone else named: a panel member, deputy or guest at this meeting, an outside agency. Pure.
 */
import type { Officer } from '../../../../shared/api/schemas';

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

/** An officer in post whose name matches what was typed (any case) is saved by id; anyone else by name. */
export function resolveOwner(typed: string, officers: readonly Pick<Officer, 'id' | 'name' | 'active'>[]): { ownerId: number; ownerText: null } | { ownerId: null; ownerText: string } {
  const t = typed.trim();
  const match = officers.find((o) => o.active && o.name.trim().toLowerCase() === t.toLowerCase());
  return match ? { ownerId: match.id, ownerText: null } : { ownerId: null, ownerText: t };
}
