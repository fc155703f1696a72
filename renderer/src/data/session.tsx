import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { MethodName } from '../../../shared/api/contract';
import type { SessionStatus } from '../../../shared/api/session';
import { allowed } from '../../../shared/api/permissions';
import { call, onLocked } from '../api/client';

/** How often an open window asks whether the app is still signed in (a lock elsewhere hides the register within this). */
const STATUS_POLL_MS = 5_000;

export interface Session {
  status: SessionStatus | null;
  error: string | null;
  /** Asks the host again (after signing in or out). */
  refresh: () => Promise<void>;
  /** Puts a status the page already has (a sign-in's reply) in place. */
  set: (s: SessionStatus) => void;
}

/**
 * Whether someone is signed in, and who. Polls `session.status` (which by itself does not count as
 * activity, so a window left open never keeps an idle app unlocked; it says when the person has
 * typed or clicked since) and listens for any call answered "locked".
 */
export function useSessionStatus(): Session {
  const [status, set] = useState<SessionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Typing or clicking counts as use even when nothing is saved yet (a long note): the next check says so.
  const usedSince = useRef(false);
  const refresh = useCallback(async () => {
    const active = usedSince.current;
    usedSince.current = false;
    try {
      set(await call('session.status', { active }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    const off = onLocked(() => void refresh());
    const used = () => {
      usedSince.current = true;
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, used, { passive: true, capture: true });
    return () => {
      clearInterval(timer);
      off();
      for (const e of events) window.removeEventListener(e, used, { capture: true });
    };
  }, [refresh]);
  return { status, error, refresh, set };
}

const SessionContext = createContext<SessionStatus | null>(null);
export const SessionProvider = ({ status, children }: { status: SessionStatus; children: ReactNode }) => (
  <SessionContext.Provider value={status}>{children}</SessionContext.Provider>
);

/** The signed-in user's role asks the same table the dispatcher enforces: true when they may call `method`. */
export function useCan(): (method: MethodName) => boolean {
  const status = useContext(SessionContext);
  const role = status?.user?.role;
  return useCallback((method: MethodName) => (role ? allowed(method, role) : false), [role]);
}

export const useSignedInUser = () => useContext(SessionContext)?.user ?? null;
