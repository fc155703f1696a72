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

/**
 * Attendance nobody marked: a member's or deputy's seat still "not marked" (guests are not members).
 * The minutes list these under "Attendance not recorded"; closing a meeting with any warns first.
 */
export function isUnrecordedMember(a: { kind: string; status: string }): boolean {
  return a.kind !== 'guest' && a.status === 'not_marked';
}

/** How many members' attendance is not recorded, of how many members (deputies count as members; guests don't). */
export function attendanceNotRecorded(attendance: readonly { kind: string; status: string }[]): { notRecorded: number; members: number } {
  const members = attendance.filter((a) => a.kind !== 'guest');
  return { notRecorded: members.filter(isUnrecordedMember).length, members: members.length };
}
