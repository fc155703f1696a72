import { useCallback, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { ApiCallError, call } from '../api/client';
import { bus } from './invalidation';

export interface MutationOptions {
  /** Methods ('register.list') or domains ('actions.') whose mounted queries refetch after a success. */
  invalidates?: readonly string[];
}

/**
 * Runs one save at a time, keeping the error (and the field it names) for the form that made it,
 * then refetches the queries the save made out of date.
 */
export function useMutation(options: MutationOptions = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | null>(null);
  const invalidates = options.invalidates ?? [];
  const invalidatesKey = invalidates.join('|');
  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | null> => {
      setBusy(true);
      setError(null);
      setField(null);
      try {
        const value = await fn();
        if (invalidatesKey) bus.invalidate(invalidatesKey.split('|'));
        return value;
      } catch (e) {
        setError((e as Error).message);
        setField(e instanceof ApiCallError ? (e.field ?? null) : null);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [invalidatesKey],
  );
  /** One contract method, typed: resolves with its value, or null with the error kept. */
  const mutate = useCallback(<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | null> => run(() => call(method, input)), [run]);
  const errorFor = (f: string) => (field === f || field?.endsWith(`.${f}`) ? error : null);
  const reset = useCallback(() => {
    setError(null);
    setField(null);
  }, []);
  return { busy, error, field, errorFor, run, mutate, reset };
}

export type Mutation = ReturnType<typeof useMutation>;
