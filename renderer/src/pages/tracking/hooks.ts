import { useCallback, useEffect, useState } from 'react';
import type { RegisterRow } from '../../../../shared/api/schemas';
import { call } from '../../api/client';
import { localStore } from '../../lib/storage';
import { loadFlag, saveFlag } from './prefs';

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

/**
 * The register rows, loaded the first time `needed` is true (a dialog that asks for a case
 * reference), kept for the page's life. Used to turn a typed reference into a case id.
 */
export function useRegisterRows(needed: boolean): { rows: RegisterRow[] | null; error: string | null } {
  const [rows, setRows] = useState<RegisterRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!needed || rows) return;
    let live = true;
    call('register.list', {})
      .then((r) => {
        if (live) setRows(r);
      })
      .catch((e: unknown) => {
        if (live) setError(`The register could not be loaded to find the case: ${(e as Error).message}`);
      });
    return () => {
      live = false;
    };
  }, [needed, rows]);
  return { rows, error };
}
