/**
 * A panel seat with no one named in it (the panel lists the role, seed 000 §12, but no officer):
 * stored on the meeting's attendance as "(Role)". Shown by its role once, "Role (no one named)",
 * never "(Role), Role" as the minutes printed it (QA walk).
 */
export const unnamedSeatName = (role: string): string => `(${role.trim()})`;

export function isUnnamedSeat(a: { name: string; role: string; kind?: string }): boolean {
  const n = a.name.trim();
  return (a.kind === undefined || a.kind === 'member') && (n === unnamedSeatName(a.role) || n === a.role.trim());
}

export const UNNAMED_SEAT_NOTE = 'no one named';
