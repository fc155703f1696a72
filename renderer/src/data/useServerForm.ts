import { useCallback, useEffect, useState } from 'react';

/** A form's flat values over a loaded copy, and which fields the user has changed since that load. */
export interface ServerFormState<V extends Record<string, string | number | boolean | null>> {
  values: V | null;
  edited: ReadonlySet<keyof V>;
}

/**
 * A (re)load: fields the user has changed since the last load keep what they typed; the rest take
 * the loaded values. A refetch after a save or an erase used to put the old values back over typing.
 */
export function mergeLoaded<V extends Record<string, string | number | boolean | null>>(s: ServerFormState<V>, loaded: V): ServerFormState<V> {
  if (!s.values) return { values: loaded, edited: new Set() };
  const values = { ...loaded };
  for (const k of s.edited) values[k] = s.values[k];
  return { values, edited: s.edited };
}

/**
 * A save came back: every field still holding what was sent shows the saved value and counts as
 * loaded; a field changed while the save was in flight keeps the new typing, still edited.
 */
export function mergeSaved<V extends Record<string, string | number | boolean | null>>(s: ServerFormState<V>, sent: V, saved: V): ServerFormState<V> {
  if (!s.values) return { values: saved, edited: new Set() };
  const values = { ...s.values };
  const edited = new Set(s.edited);
  for (const k of Object.keys(saved) as (keyof V)[]) {
    if (s.values[k] === sent[k]) {
      values[k] = saved[k];
      edited.delete(k);
    }
  }
  return { values, edited };
}

/** A form over a query's flat values that a refetch never overwrites where the user has typed. */
export function useServerForm<V extends Record<string, string | number | boolean | null>>(loaded: V | null) {
  const [state, setState] = useState<ServerFormState<V>>({ values: null, edited: new Set() });
  useEffect(() => {
    if (loaded) setState((s) => mergeLoaded(s, loaded));
  }, [loaded]);
  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setState((s) => (s.values ? { values: { ...s.values, [key]: value }, edited: new Set(s.edited).add(key) } : s));
  }, []);
  const saved = useCallback((sent: V, result: V) => setState((s) => mergeSaved(s, sent, result)), []);
  return { values: state.values, edited: state.edited, set, saved };
}
