/**
 * The escalation ladder offered when raising an escalation. It differs per authority (Bexley:
 * Inclusion Officer → Head of Service → Deputy Director; Redbridge has five steps), so this is only
 * the default; the level title stays editable.
 */

export interface LadderStep {
  level: number;
  title: string;
}

export const DEFAULT_LADDER: readonly LadderStep[] = [
  { level: 1, title: 'Inclusion Officer' },
  { level: 2, title: 'Head of Service' },
  { level: 3, title: 'Deputy Director' },
];

/** The title for a level on the ladder, or '' beyond it. */
export function titleForLevel(level: number, ladder: readonly LadderStep[] = DEFAULT_LADDER): string {
  return ladder.find((s) => s.level === level)?.title ?? '';
}

/** The level to propose: one above the highest escalation still open for the case (1 when none), at most the top of the ladder (or 9). */
export function nextLevel(existing: readonly { level: number; status: string }[], ladder: readonly LadderStep[] = DEFAULT_LADDER): number {
  const open = existing.filter((e) => e.status === 'open' || e.status === 'escalated');
  const top = Math.max(0, ...open.map((e) => e.level));
  const max = Math.max(ladder.length, 1);
  return Math.min(Math.max(top + 1, 1), Math.max(max, top), 9);
}

/** Levels to offer in the "Level" select: the ladder, plus any higher level already used. */
export function levelOptions(existing: readonly { level: number }[], ladder: readonly LadderStep[] = DEFAULT_LADDER): { code: string; label: string }[] {
  const top = Math.min(9, Math.max(ladder.length, ...existing.map((e) => e.level + 1)));
  const out: { code: string; label: string }[] = [];
  for (let l = 1; l <= top; l += 1) {
    const t = titleForLevel(l, ladder);
    out.push({ code: String(l), label: t ? `${l} — ${t}` : String(l) });
  }
  return out;
}
