/**
 * Unsaved-text backups for the cockpit. Every keystroke is copied to localStorage under
 * `panel.cockpitDraft.<itemId>.<field>` and the copy is removed once the server confirms the same
 * text, so nothing typed is lost if the window closes or the process dies between a keystroke and
 * the save. The merge logic is pure; storage is passed in (localStorage in the app, a Map in tests).
 */

import { storageKey, type KeyValueStore } from '../../lib/storage';

export const DRAFT_PREFIX = storageKey('cockpitDraft.');

/** The fields of an agenda item's record that autosave. */
export const RECORD_FIELDS = ['discussion', 'decisions', 'outcomeDetail'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];
export type RecordValues = Record<RecordField, string>;

export type DraftStore = KeyValueStore;

export const draftKey = (itemId: number, field: string) => `${DRAFT_PREFIX}${itemId}.${field}`;

/** The backup for one field, or null (also when storage is unavailable). */
export function readDraft(store: DraftStore | null, itemId: number, field: string): string | null {
  if (!store) return null;
  try {
    return store.getItem(draftKey(itemId, field));
  } catch {
    return null;
  }
}

/** Writes a backup; returns false when storage refused it (full, private mode…). */
export function writeDraft(store: DraftStore | null, itemId: number, field: string, value: string): boolean {
  if (!store) return false;
  try {
    store.setItem(draftKey(itemId, field), value);
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(store: DraftStore | null, itemId: number, field: string): void {
  if (!store) return;
  try {
    store.removeItem(draftKey(itemId, field));
  } catch {
    /* nothing to do */
  }
}

export interface MergeResult<F extends string> {
  /** What each field should show. */
  values: Record<F, string>;
  /** Fields restored from a backup that differs from the server: save these now. */
  restored: F[];
  /** Fields whose backup equals the server's value: the backup can go. */
  stale: F[];
}

/**
 * Server values against backups: a backup that differs from the server's text wins (it was typed
 * after the last confirmed save); one that equals it is stale. null and '' are the same text.
 */
export function mergeDrafts<F extends string>(
  fields: readonly F[],
  server: Readonly<Record<F, string | null | undefined>>,
  backup: Readonly<Record<F, string | null | undefined>>,
): MergeResult<F> {
  const values = {} as Record<F, string>;
  const restored: F[] = [];
  const stale: F[] = [];
  for (const f of fields) {
    const s = server[f] ?? '';
    const b = backup[f];
    if (b === null || b === undefined) {
      values[f] = s;
    } else if (b === s) {
      values[f] = s;
      stale.push(f);
    } else {
      values[f] = b;
      restored.push(f);
    }
  }
  return { values, restored, stale };
}

/** The backups of one item's record fields. */
export function readRecordDrafts(store: DraftStore | null, itemId: number): Record<RecordField, string | null> {
  return {
    discussion: readDraft(store, itemId, 'discussion'),
    decisions: readDraft(store, itemId, 'decisions'),
    outcomeDetail: readDraft(store, itemId, 'outcomeDetail'),
  };
}

/**
 * For every item (but `except`, whose form handles its own): the record fields whose backup differs
 * from the server's text, as a patch to save; backups equal to the server's text are cleared.
 */
export function pendingRecordDrafts(
  store: DraftStore | null,
  items: readonly { id: number; discussion: string | null; decisions: string | null; outcomeDetail: string | null }[],
  except: number | null = null,
): { itemId: number; patch: Partial<RecordValues> }[] {
  const out: { itemId: number; patch: Partial<RecordValues> }[] = [];
  for (const item of items) {
    if (item.id === except) continue;
    const m = mergeDrafts(RECORD_FIELDS, item, readRecordDrafts(store, item.id));
    for (const f of m.stale) clearDraft(store, item.id, f);
    if (m.restored.length === 0) continue;
    const patch: Partial<RecordValues> = {};
    for (const f of m.restored) patch[f] = m.values[f];
    out.push({ itemId: item.id, patch });
  }
  return out;
}

/** After a save the server confirmed: clear each backup whose text is still what was saved. */
export function confirmSaved(store: DraftStore | null, itemId: number, saved: Partial<Record<string, string>>, current: Partial<Record<string, string>>): void {
  for (const [f, v] of Object.entries(saved)) {
    if (v !== undefined && current[f] === v) clearDraft(store, itemId, f);
  }
}

/**
 * Two windows wrote the same field (the host refused a save typed over `base`, QA walk): what the
 * field should say so that neither window's words are lost. `base` is the text this window started
 * from, `mine` what it has now, `theirs` what the host holds. Only what this window added to `base`
 * is appended when it only added; otherwise the whole of this window's text follows theirs.
 */
export function mergeEdits(base: string, mine: string, theirs: string): string {
  if (mine.trim() === base.trim() || mine.trim() === theirs.trim()) return theirs;
  if (theirs.trim() === base.trim()) return mine;
  // Appended only if it starts a new word: "Seen at hom" finished as "Seen at home…" is a rewrite.
  const tail = mine.startsWith(base) ? mine.slice(base.length) : null;
  const appended = tail !== null && (base === '' || /[\s.,;:!?)]$/u.test(base) || /^[\s.,;:!?]/u.test(tail));
  const added = appended ? tail.trim() : mine.trim();
  return added === '' ? theirs : `${theirs.trimEnd()}\n\n${added}`;
}
