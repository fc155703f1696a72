/**
 * The one way the renderer keeps things on this computer (localStorage) or for this tab
 * (sessionStorage). Keys live under one namespace, values are JSON (or plain text), and nothing
 * here throws: blocked storage, a full quota or a corrupt value reads as "nothing kept" and a
 * write that fails returns false — a preference is never worth interrupting anyone for.
 *
 * Modules that keep something take the store as an argument (a Map-backed store in tests).
 */

export const STORAGE_NAMESPACE = 'panel.';

/** The key a name is kept under: 'registerView.v1' → 'panel.registerView.v1'. */
export const storageKey = (name: string) => `${STORAGE_NAMESPACE}${name}`;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function windowStore(kind: 'localStorage' | 'sessionStorage'): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window[kind];
  } catch {
    return null; // some browsers throw on the mere access when storage is disabled
  }
}

/** Kept between launches; null where this window may not keep anything. */
export const localStore = () => windowStore('localStorage');
/** Kept for this tab only (survives a reload, gone when the tab closes). */
export const sessionStore = () => windowStore('sessionStorage');

export function readText(store: Pick<KeyValueStore, 'getItem'> | null | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes text; false when the store is missing or refused it (full, private mode…). */
export function writeText(store: Pick<KeyValueStore, 'setItem'> | null | undefined, key: string, value: string): boolean {
  if (!store) return false;
  try {
    store.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeKey(store: Pick<KeyValueStore, 'removeItem'> | null | undefined, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    /* nothing to do */
  }
}

/**
 * Reads JSON and hands it to `accept`, which checks the shape (stored values are untrusted: an
 * older version or a hand edit may have written them). Missing, corrupt or rejected → null.
 */
export function readJson<T>(store: Pick<KeyValueStore, 'getItem'> | null | undefined, key: string, accept: (raw: unknown) => T | null): T | null {
  const text = readText(store, key);
  if (text === null) return null;
  try {
    return accept(JSON.parse(text));
  } catch {
    return null;
  }
}

export function writeJson(store: Pick<KeyValueStore, 'setItem'> | null | undefined, key: string, value: unknown): boolean {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return false;
  }
  return writeText(store, key, text);
}
