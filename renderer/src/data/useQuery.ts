import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { call } from '../api/client';
import { bus } from './invalidation';
import { QueryController, type QueryState } from './queryController';

export interface Query<T> extends QueryState<T> {
  /** Asks again; resolves when the reply (or its error) is in. */
  reload: () => Promise<void>;
  /** Puts a value the page already has (a save's reply) in place of the loaded one. */
  setData: (v: T) => void;
}

export interface QueryOptions {
  /** What makes this a new request; defaults to the input as JSON. */
  key?: string;
  /** false: ask nothing yet (nor on invalidation); what was loaded stays. Default true. */
  enabled?: boolean;
}

/**
 * Loads one contract method's result, again when the input (or `key`) changes or a mutation
 * invalidates the method. Stale replies are dropped (see QueryController). Components get data,
 * error and loading, never transport details.
 */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M>, options: QueryOptions = {}): Query<MethodOutput<M>> {
  const key = options.key ?? JSON.stringify(input);
  const enabled = options.enabled ?? true;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const [state, setState] = useState<QueryState<MethodOutput<M>>>({ data: null, error: null, loading: true });
  const inputRef = useRef(input);
  inputRef.current = input;
  const controller = useRef<QueryController<MethodOutput<M>> | null>(null);
  // One controller per mounted method; the input is read at fetch time so a new key only refetches.
  useEffect(() => {
    const c = new QueryController<MethodOutput<M>>(() => call(method, inputRef.current), setState);
    controller.current = c;
    const unsubscribe = bus.subscribe(method, () => {
      if (enabledRef.current) void c.refetch();
    });
    return () => {
      c.dispose();
      unsubscribe();
    };
  }, [method]);
  useEffect(() => {
    if (enabled) void controller.current?.refetch();
  }, [method, key, enabled]);
  const reload = useCallback(async () => {
    await controller.current?.refetch();
  }, []);
  const setData = useCallback((v: MethodOutput<M>) => controller.current?.setData(v), []);
  return { ...state, reload, setData };
}
