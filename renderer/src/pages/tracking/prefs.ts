/**
 * Small preferences remembered on this computer (localStorage): whether children's names are
 * shown in the tracker lists (a privacy toggle, off by default, shared by Home and Actions) and
 * whose actions "My actions" shows. Values read back are validated; anything odd gives the default.
 *
 * Pure: the Storage is an argument.
 */

export const SHOW_NAMES_KEY = 'panel.tracking.showNames';
export const MY_ACTIONS_KEY = 'panel.tracking.myActionsOfficer';

type Reader = Pick<Storage, 'getItem'> | null | undefined;
type Writer = Pick<Storage, 'setItem' | 'removeItem'> | null | undefined;

/** "true" → true; anything else (missing, corrupt, blocked storage) → false. */
export function loadFlag(storage: Reader, key: string): boolean {
  try {
    return storage?.getItem(key) === 'true';
  } catch {
    return false;
  }
}

export function saveFlag(storage: Writer, key: string, value: boolean): void {
  try {
    if (value) storage?.setItem(key, 'true');
    else storage?.removeItem(key);
  } catch {
    /* a full or blocked storage is not worth interrupting anyone for */
  }
}

/** A positive whole officer id, or null ("Everyone"). */
export function loadOfficerId(storage: Reader, key: string = MY_ACTIONS_KEY): number | null {
  try {
    const raw = storage?.getItem(key);
    if (raw === null || raw === undefined || !/^[1-9]\d{0,9}$/.test(raw)) return null;
    return Number(raw);
  } catch {
    return null;
  }
}

export function saveOfficerId(storage: Writer, id: number | null, key: string = MY_ACTIONS_KEY): void {
  try {
    if (id === null) storage?.removeItem(key);
    else storage?.setItem(key, String(id));
  } catch {
    /* ignore */
  }
}

/** window.localStorage, or null where it is blocked. */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
