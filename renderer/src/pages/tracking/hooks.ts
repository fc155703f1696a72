import { useCallback, useEffect, useState } from 'react';
import type { PickedCase } from '../../../../shared/api/register';
import { useQuery } from '../../data/useQuery';
import { localStore } from '../../lib/storage';
import { loadFlag, saveFlag } from './prefs';
import { normaliseReference } from './actions';

/** A yes/no preference remembered in localStorage. */
export function useStoredFlag(key: string): [boolean, (v: boolean) => void] {
  const [value, setValue] = useState(() => loadFlag(localStore(), key));
  const set = useCallback(
    (v: boolean) => {
      setValue(v);
      saveFlag(localStore(), key, v);
    },
    [key],
  );
  return [value, set];
}

/** How long typing pauses before the picker asks the host (a request per keystroke is wasted work). */
const PICK_PAUSE_MS = 120;
/** How many cases the picker lists at once. */
export const PICK_LIMIT = 8;

/**
 * The cases matching what is typed in a case picker, asked of the host as the officer types
 * (register.pick; issue 12: the pickers used to load the whole register, 29 MB at 50,000 cases).
 * `rows` is null until the answer for the text as it stands is in (or the text is a case of the last one).
 */
export function usePickedCases(text: string, enabled: boolean): { rows: PickedCase[] | null; more: boolean; error: string | null } {
  const search = text.trim();
  const [asked, setAsked] = useState(search);
  useEffect(() => {
    if (search === asked) return;
    const t = window.setTimeout(() => setAsked(search), PICK_PAUSE_MS);
    return () => window.clearTimeout(t);
  }, [search, asked]);
  const q = useQuery('register.pick', { search: asked, limit: PICK_LIMIT }, { enabled: enabled && asked !== '' });
  const current = asked === search && !q.loading;
  const last = q.data?.cases ?? null;
  // A case just chosen from the list is in the last answer: it counts at once, so "Add" right after
  // choosing saves instead of waiting for the search for its reference.
  const chosen = last !== null && last.some((c) => normaliseReference(c.reference) === normaliseReference(search));
  return {
    rows: search === '' ? [] : current || chosen ? last : null,
    more: current && (q.data?.more ?? false),
    error: q.error ? `Cases could not be searched: ${q.error}` : null,
  };
}
