/**
 * The register screen's rows, a window at a time (issue 12): the server filters, searches and
 * sorts (register.page), and this asks only for the pages of rows the list scrolls to.
 *
 * - A new view (filter, search, sort) asks for its first page at once; the previous view's rows
 *   stay on screen until the reply is in, so typing never blanks the list.
 * - Replies for a view that is no longer the current one are dropped (a slow reply to "sm" never
 *   overwrites the rows for "smith").
 * - A write elsewhere in the app ('register.' invalidation) asks again for the pages on screen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import type { RegisterQuery } from '../../../shared/api/register';
import type { RegisterRow } from '../../../shared/api/schemas';
import { call } from '../api/client';
import { bus } from './invalidation';

export const REGISTER_PAGE_SIZE = 100;

type Summary = MethodOutput<'register.page'>['summary'];

interface WindowState {
  /** The view these rows belong to (JSON of its query). */
  key: string;
  total: number;
  summary: Summary;
  pages: ReadonlyMap<number, readonly RegisterRow[]>;
}

export interface RegisterWindow {
  /** Null until the first reply. */
  total: number | null;
  summary: Summary | null;
  /** The row at a position in view order, or undefined while its page is on its way. */
  rowAt: (index: number) => RegisterRow | undefined;
  /** Asks for the pages covering positions first..last (the rows on screen) if not already here. */
  ensure: (first: number, last: number) => void;
  /** True while the rows shown are those of an earlier view (a reply is on its way). */
  stale: boolean;
  /** Changes whenever rows arrive, for memoised children. */
  version: number;
  error: string | null;
  reload: () => void;
}

export function useRegisterWindow(query: RegisterQuery): RegisterWindow {
  const key = JSON.stringify(query);
  const [state, setState] = useState<WindowState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const current = useRef({ key, query });
  current.current = { key, query };
  // Pages asked for and not yet answered, per view.
  const pending = useRef(new Set<string>());
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback((page: number, fresh: boolean) => {
    const { key: k, query: q } = current.current;
    const tag = `${k}#${page}`;
    if (!fresh && pending.current.has(tag)) return;
    pending.current.add(tag);
    call('register.page', { query: q, offset: page * REGISTER_PAGE_SIZE, limit: REGISTER_PAGE_SIZE })
      .then((r) => {
        pending.current.delete(tag);
        if (current.current.key !== k) return; // an earlier view: drop it
        setState((s) => {
          const pages = new Map(s && s.key === k && !fresh ? s.pages : []);
          pages.set(page, r.rows);
          return { key: k, total: r.total, summary: r.summary, pages };
        });
        setError(null);
        setVersion((v) => v + 1);
      })
      .catch((e: unknown) => {
        pending.current.delete(tag);
        if (current.current.key === k) setError((e as Error).message);
      });
  }, []);

  // A new view: its first page now (the old rows stay until it comes).
  useEffect(() => {
    fetchPage(0, false);
  }, [key, fetchPage]);

  const reload = useCallback(() => fetchPage(0, true), [fetchPage]);
  useEffect(() => bus.subscribe('register.page', reload), [reload]);

  const ensure = useCallback(
    (first: number, last: number) => {
      const s = stateRef.current;
      if (!s || s.key !== current.current.key) return;
      const end = Math.min(last, s.total - 1);
      for (let p = Math.floor(first / REGISTER_PAGE_SIZE); p <= Math.floor(end / REGISTER_PAGE_SIZE); p++) if (!s.pages.has(p)) fetchPage(p, false);
    },
    [fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => stateRef.current?.pages.get(Math.floor(index / REGISTER_PAGE_SIZE))?.[index % REGISTER_PAGE_SIZE],
    // Rows arrive as new state: a new rowAt each time so the table re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state],
  );

  return { total: state?.total ?? null, summary: state?.summary ?? null, rowAt, ensure, stale: state !== null && state.key !== key, version, error, reload };
}
