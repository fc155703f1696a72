import { useCallback, useState } from 'react';
import type { RegisterRow } from '../../../../shared/api/schemas';
import { useQuery } from '../../data/useQuery';
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
 * The register rows, loaded once `needed` is true (a dialog that asks for a case reference) and kept
 * while the page is open. Used to turn a typed reference into a case id.
 */
export function useRegisterRows(needed: boolean): { rows: RegisterRow[] | null; error: string | null } {
  const q = useQuery('register.list', {}, { enabled: needed });
  return { rows: q.data, error: q.error ? `The register could not be loaded to find the case: ${q.error}` : null };
}
