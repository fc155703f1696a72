import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../helpers/memoryStore';
import { readJson, readText, removeKey, storageKey, writeJson, writeText, type KeyValueStore } from '../../../renderer/src/lib/storage';


/** Storage as a full quota or a disabled browser storage behaves: every call throws. */
const refusing: KeyValueStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new DOMException('quota', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

const acceptNumbers = (raw: unknown) => (Array.isArray(raw) && raw.every((n) => typeof n === 'number') ? (raw as number[]) : null);

describe('storage helper', () => {
  it('keeps every key under the panel namespace (the keys earlier versions wrote stay readable)', () => {
    expect(storageKey('registerView.v1')).toBe('panel.registerView.v1');
    expect(storageKey('tracking.showNames')).toBe('panel.tracking.showNames');
  });

  it('round-trips JSON and text', () => {
    const s = new MemoryStore();
    expect(writeJson(s, 'panel.x', [1, 2, 3])).toBe(true);
    expect(readJson(s, 'panel.x', acceptNumbers)).toEqual([1, 2, 3]);
    expect(writeText(s, 'panel.t', 'hello')).toBe(true);
    expect(readText(s, 'panel.t')).toBe('hello');
    removeKey(s, 'panel.t');
    expect(readText(s, 'panel.t')).toBeNull();
  });

  it('corrupt JSON or a value of the wrong shape reads as nothing kept', () => {
    const s = new MemoryStore();
    s.setItem('panel.x', '{not json');
    expect(readJson(s, 'panel.x', acceptNumbers)).toBeNull();
    s.setItem('panel.x', '{"a":1}');
    expect(readJson(s, 'panel.x', acceptNumbers)).toBeNull();
    expect(readJson(s, 'panel.missing', acceptNumbers)).toBeNull();
  });

  it('a store that throws (full quota, disabled) never throws to the caller', () => {
    expect(writeJson(refusing, 'panel.x', [1])).toBe(false);
    expect(writeText(refusing, 'panel.x', 'a')).toBe(false);
    expect(readText(refusing, 'panel.x')).toBeNull();
    expect(readJson(refusing, 'panel.x', acceptNumbers)).toBeNull();
    expect(() => removeKey(refusing, 'panel.x')).not.toThrow();
  });

  it('no store at all (no window) is nothing kept, nothing written', () => {
    expect(readText(null, 'panel.x')).toBeNull();
    expect(writeText(null, 'panel.x', 'a')).toBe(false);
    expect(writeJson(undefined, 'panel.x', 1)).toBe(false);
  });

  it('a value JSON cannot write (a cycle) is refused, not thrown', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(writeJson(new MemoryStore(), 'panel.x', cyclic)).toBe(false);
  });
});
