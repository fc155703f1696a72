/**
 * Small preferences remembered on this computer (localStorage): whether children's names are
 * shown in the tracker lists (a privacy toggle, off by default, shared by Home and Actions) and
 * whose actions "My actions" shows. Values read back are validated; anything odd gives the default.
 *
 * Pure: the store is an argument (localStore() in the app, see lib/storage).
 */
import { removeKey, readText, storageKey, writeText, type KeyValueStore } from '../../lib/storage';

export const SHOW_NAMES_KEY = storageKey('tracking.showNames');
export const MY_ACTIONS_KEY = storageKey('tracking.myActionsOfficer');

type Reader = Pick<KeyValueStore, 'getItem'> | null | undefined;
type Writer = Pick<KeyValueStore, 'setItem' | 'removeItem'> | null | undefined;

/** "true" → true; anything else (missing, corrupt, blocked storage) → false. */
export function loadFlag(storage: Reader, key: string): boolean {
  return readText(storage, key) === 'true';
}

export function saveFlag(storage: Writer, key: string, value: boolean): void {
  if (value) writeText(storage, key, 'true');
  else removeKey(storage, key);
}

/** A positive whole officer id, or null ("Everyone"). */
export function loadOfficerId(storage: Reader, key: string = MY_ACTIONS_KEY): number | null {
  const raw = readText(storage, key);
  return raw !== null && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

export function saveOfficerId(storage: Writer, id: number | null, key: string = MY_ACTIONS_KEY): void {
  if (id === null) removeKey(storage, key);
  else writeText(storage, key, String(id));
}
