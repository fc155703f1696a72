import { useState } from 'react';
import { ApiCallError } from '../../api/client';

/** Runs one save at a time, keeping the error (and its field) for the form that made it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | null>(null);
  const run = async <T,>(fn: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    setField(null);
    try {
      return await fn();
    } catch (e) {
      setError((e as Error).message);
      setField(e instanceof ApiCallError ? (e.field ?? null) : null);
      return null;
    } finally {
      setBusy(false);
    }
  };
  const errorFor = (f: string) => (field === f || field?.endsWith(`.${f}`) ? error : null);
  const reset = () => { setError(null); setField(null); };
  return { busy, error, field, errorFor, run, reset };
}
