/**
 * The register screen's rows (issue 12). The first window comes from the host (register.page);
 * then the page holds the open cases and answers every keystroke, sort click and filter select
 * synchronously, during the render that shows it. The rules (when the working set is used,
 * dropped and reloaded; stale replies dropped) are in RegisterRowsController.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import type { RegisterQuery } from '../../../shared/api/register';
import type { RegisterRow } from '../../../shared/api/schemas';
import { call } from '../api/client';
import { bus } from './invalidation';
import { useRegisterPush } from './push';
import { REVALIDATE_LIVE_MS, REVALIDATE_MS, RegisterRowsController, type RowsMode, type WorkingSetReply } from './registerRowsController';

type Summary = MethodOutput<'register.page'>['summary'];

export interface RegisterWindow {
  /** Null until the first reply. */
  total: number | null;
  summary: Summary | null;
  /** The row at a position in view order, or undefined while its page is on its way. */
  rowAt: (index: number) => RegisterRow | undefined;
  /** Asks for the pages covering positions first..last (the rows on screen) if not already here. */
  ensure: (first: number, last: number) => void;
  /** True while the rows shown are those of an earlier view or of data since changed (a reply is on its way). */
  stale: boolean;
  /** 'local' when the page answers from its working set, 'server' while windows come from the host. */
  mode: RowsMode;
  error: string | null;
  reload: () => void;
}

/** Runs `step` in idle time until it returns true (a timer where requestIdleCallback is missing). */
function whenIdle(step: () => boolean): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  const next = () => {
    if (!step()) schedule();
  };
  const schedule = () => (ric ? ric(next, { timeout: 500 }) : setTimeout(next, 1));
  schedule();
}

const noEnsure = () => undefined;

export function useRegisterWindow(query: RegisterQuery, today: string): RegisterWindow {
  const key = JSON.stringify(query);
  const [version, setVersion] = useState(0);
  const controller = useRef<RegisterRowsController<Summary> | null>(null);
  if (controller.current === null) {
    controller.current = new RegisterRowsController<Summary>({
      fetchPage: (q, offset, limit) => call('register.page', { query: q, offset, limit }),
      fetchWorkingSet: (ifNot) => call('register.workingSet', { ifNot }) as Promise<WorkingSetReply<Summary>>,
      onChange: () => setVersion((v) => v + 1),
      idle: whenIdle,
    });
  }
  const c = controller.current;
  useEffect(() => () => c.dispose(), [c]);
  useEffect(() => c.setToday(today), [c, today]);
  // A view the working set can't answer: its first window now (the old rows stay until it comes).
  useEffect(() => {
    c.setView(key, query);
  }, [c, key, query]);
  const reload = useCallback(() => c.invalidate(), [c]);
  useEffect(() => bus.subscribe('register.page', reload), [reload]);
  // Another window's write: the host announces it (push); on focus and now and then the page also
  // asks whether the rows are current, every REVALIDATE_MS while the channel is down.
  const live = useRegisterPush((v) => c.announce(v));
  useEffect(() => {
    const check = () => {
      if (document.visibilityState === 'visible') c.revalidate();
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    const timer = setInterval(check, live ? REVALIDATE_LIVE_MS : REVALIDATE_MS);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
      clearInterval(timer);
    };
  }, [c, live]);
  const windowEnsure = useCallback((first: number, last: number) => c.windows.ensure(first, last), [c]);

  // Answered here, in the render: filtering and sorting the working set is a few milliseconds.
  const local = c.localView(key, query);
  const localAt = useCallback((i: number) => (local ? local.rows[local.order[i]!] : undefined), [local]);
  const previous = c.previousView;
  const previousAt = useCallback((i: number) => (previous ? previous.rows[previous.order[i]!] : undefined), [previous]);
  // A new function whenever server rows arrive, so the table renders them.
  const windowAt = useCallback((index: number) => c.windows.rowAt(index), [c, version]); // eslint-disable-line react-hooks/exhaustive-deps
  if (local) return { total: local.order.length, summary: local.summary, rowAt: localAt, ensure: noEnsure, stale: c.checking, mode: 'local', error: null, reload };
  const s = c.windows.state;
  const current = s !== null && s.key === key;
  if (!current && previous) {
    return { total: previous.order.length, summary: previous.summary, rowAt: previousAt, ensure: noEnsure, stale: true, mode: 'server', error: c.windows.error, reload };
  }
  return { total: s?.total ?? null, summary: s?.summary ?? null, rowAt: windowAt, ensure: windowEnsure, stale: s !== null && !current, mode: 'server', error: c.windows.error, reload };
}
