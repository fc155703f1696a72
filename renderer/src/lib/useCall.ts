import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { call } from '../api/client';

export interface CallState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (v: T) => void;
}

/** Loads one method's result and reloads when `key` changes. Components stay free of transport details. */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M>, key: string = JSON.stringify(input)): CallState<MethodOutput<M>> {
  const [data, setData] = useState<MethodOutput<M> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const inputRef = useRef(input);
  inputRef.current = input;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await call(method, inputRef.current));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [method, key]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}
