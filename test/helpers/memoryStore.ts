import type { KeyValueStore } from '../../renderer/src/lib/storage';

/** An in-memory localStorage stand-in for renderer tests; `map` is open for assertions. */
export class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}
