/**
 * The register screen's rows, a window at a time (issue 12): the server filters, searches and
 * sorts (register.page), and this asks only for the pages of rows the list scrolls to. The rules
 * (previous rows kept until the new view's arrive, stale replies dropped) are in
 * RegisterWindowController.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import type { RegisterQuery } from '../../../shared/api/register';
import type { RegisterRow } from '../../../shared/api/schemas';
import { call } from '../api/client';
import { bus } from './invalidation';
import { RegisterWindowController } from './registerWindowController';

type Summary = MethodOutput<'register.page'>['summary'];

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
  error: string | null;
  reload: () => void;
}

export function useRegisterWindow(query: RegisterQuery): RegisterWindow {
  const key = JSON.stringify(query);
  const [version, setVersion] = useState(0);
  const controller = useRef<RegisterWindowController<RegisterQuery, Summary> | null>(null);
  if (controller.current === null) {
    controller.current = new RegisterWindowController<RegisterQuery, Summary>(
      (q, offset, limit) => call('register.page', { query: q, offset, limit }),
      () => setVersion((v) => v + 1),
    );
  }
  const c = controller.current;
  useEffect(() => () => c.dispose(), [c]);
  // A new view: its first page now (the old rows stay until it comes).
  useEffect(() => {
    c.setView(key, query);
  }, [c, key, query]);
  const reload = useCallback(() => c.reload(), [c]);
  useEffect(() => bus.subscribe('register.page', reload), [reload]);
  const ensure = useCallback((first: number, last: number) => c.ensure(first, last), [c]);
  // A new function whenever rows arrive, so the table renders them.
  const rowAt = useCallback((index: number) => c.rowAt(index), [c, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const s = c.state;
  return { total: s?.total ?? null, summary: s?.summary ?? null, rowAt, ensure, stale: s !== null && s.key !== key, error: c.error, reload };
}
