/**
 * The ladder editor's draft: which ladder the authority uses, and each ladder's levels (title and
 * named person). Levels are always numbered 1, 2, 3… in order, so adding or removing one renumbers
 * the rest. Checked with the domain's validateLadder before saving. Pure.
 */
import type { Ladders } from '../../../../shared/api/trackingSchemas';
import { validateLadder } from '../../../../shared/domain/escalation';

export interface LevelDraft {
  title: string;
  /** '' = nobody named. */
  person: string;
}
export interface LadderDraft {
  code: string;
  name: string;
  levels: LevelDraft[];
}
export interface LaddersDraft {
  active: string;
  ladders: LadderDraft[];
}

export function toDraft(l: Ladders): LaddersDraft {
  return {
    active: l.active,
    ladders: l.ladders.map((x) => ({
      code: x.code,
      name: x.name,
      levels: [...x.levels].sort((a, b) => a.level - b.level).map((v) => ({ title: v.title, person: v.person ?? '' })),
    })),
  };
}

/** What ladders.save takes: trimmed, levels numbered from 1, blank people as null. */
export function fromDraft(d: LaddersDraft): Ladders {
  return {
    active: d.active,
    ladders: d.ladders.map((x) => ({
      code: x.code.trim(),
      name: x.name.trim(),
      levels: x.levels.map((v, i) => ({ level: i + 1, title: v.title.trim(), person: v.person.trim() === '' ? null : v.person.trim() })),
    })),
  };
}

const mapLadder = (d: LaddersDraft, code: string, fn: (l: LadderDraft) => LadderDraft): LaddersDraft => ({
  ...d,
  ladders: d.ladders.map((l) => (l.code === code ? fn(l) : l)),
});

export const setActive = (d: LaddersDraft, code: string): LaddersDraft => (d.ladders.some((l) => l.code === code) ? { ...d, active: code } : d);

export const renameLadder = (d: LaddersDraft, code: string, name: string): LaddersDraft => mapLadder(d, code, (l) => ({ ...l, name }));

export const setLevel = (d: LaddersDraft, code: string, index: number, patch: Partial<LevelDraft>): LaddersDraft =>
  mapLadder(d, code, (l) => ({ ...l, levels: l.levels.map((v, i) => (i === index ? { ...v, ...patch } : v)) }));

/** A new, empty top level. */
export const addLevel = (d: LaddersDraft, code: string): LaddersDraft => mapLadder(d, code, (l) => ({ ...l, levels: [...l.levels, { title: '', person: '' }] }));

/** Removes one level; the ones above move down a number. */
export const removeLevel = (d: LaddersDraft, code: string, index: number): LaddersDraft =>
  mapLadder(d, code, (l) => ({ ...l, levels: l.levels.filter((_v, i) => i !== index) }));

/** Moves a level up (-1) or down (+1) the ladder. */
export function moveLevel(d: LaddersDraft, code: string, index: number, by: -1 | 1): LaddersDraft {
  return mapLadder(d, code, (l) => {
    const to = index + by;
    if (to < 0 || to >= l.levels.length) return l;
    const levels = l.levels.slice();
    const [v] = levels.splice(index, 1);
    levels.splice(to, 0, v!);
    return { ...l, levels };
  });
}

/** A code made from the name ("North Ladder" → "north-ladder"), made unique among `taken`. */
export function codeFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'custom';
  let code = base;
  for (let n = 2; taken.includes(code); n++) code = `${base}-${n}`;
  return code;
}

/** Adds a ladder with one empty level, makes it the one chosen, and returns its code. */
export function addLadder(d: LaddersDraft, name: string): { draft: LaddersDraft; code: string } {
  const clean = name.trim() || 'Custom';
  const code = codeFor(clean, d.ladders.map((l) => l.code));
  return { draft: { active: code, ladders: [...d.ladders, { code, name: clean, levels: [{ title: '', person: '' }] }] }, code };
}

/** Problems to fix before saving ([] when it can be saved), each naming its ladder. */
export function draftProblems(d: LaddersDraft): string[] {
  const problems: string[] = [];
  const saved = fromDraft(d);
  const seen = new Set<string>();
  for (const l of saved.ladders) {
    const who = l.name || l.code || 'A ladder';
    if (seen.has(l.code)) problems.push(`${who}: another ladder has the code “${l.code}”`);
    seen.add(l.code);
    for (const p of validateLadder(l)) problems.push(`${who}: ${p}`);
    if (l.name.length > 80) problems.push(`${who}: the name is longer than 80 characters`);
    l.levels.forEach((v) => {
      if (v.title.length > 160) problems.push(`${who}: level ${v.level}'s title is longer than 160 characters`);
      if ((v.person ?? '').length > 120) problems.push(`${who}: level ${v.level}'s person is longer than 120 characters`);
    });
  }
  if (!saved.ladders.some((l) => l.code === saved.active)) problems.push('Choose which ladder your authority uses.');
  return problems;
}

/** True when the draft differs from what was loaded. */
export function draftChanged(d: LaddersDraft, loaded: Ladders): boolean {
  return JSON.stringify(fromDraft(d)) !== JSON.stringify(fromDraft(toDraft(loaded)));
}
