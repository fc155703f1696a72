import { useCallback, useRef, useState } from 'react';
import { ApiCallError } from '../../api/client';
import { formatTimeOfDay } from './timer';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string } | { kind: 'note'; message: string };
export type Tracked<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A failure the person fixes in the form (shown by the field), rather than a failed save. */
const isFormError = (e: unknown) => e instanceof ApiCallError && e.code === 'invalid_input';
/** Text another window changed first: the record form keeps both and saves again itself (RecordForm). */
const isMergedByForm = (e: unknown) => e instanceof ApiCallError && e.code === 'conflict' && (e.field ?? '').startsWith('base.');

/**
 * The cockpit's save status line and failure banner. Every change runs through `track`; the line
 * says "Saved hh:mm" once nothing is in flight (the time of day a save landed, not "today").
 */
export function useSaveTracker() {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const inFlight = useRef(0);
  /** Runs one change, keeping the status line and the failure banner up to date. */
  const track = useCallback(async <T,>(fn: () => Promise<T>, banner: boolean): Promise<Tracked<T>> => {
    inFlight.current += 1;
    setStatus({ kind: 'saving' });
    try {
      const value = await fn();
      inFlight.current -= 1;
      if (inFlight.current === 0) setStatus({ kind: 'saved', at: new Date() });
      setProblem(null);
      return { ok: true, value };
    } catch (error) {
      inFlight.current -= 1;
      if (isMergedByForm(error)) return { ok: false, error };
      const message = (error as Error).message;
      setStatus({ kind: 'error', message });
      if (banner || !isFormError(error)) setProblem(message);
      return { ok: false, error };
    }
  }, []);
  return { status, setStatus, problem, track };
}

/** What the status line says. */
export function statusText(status: SaveStatus, problem: string | null): string {
  return status.kind === 'saving' ? 'Saving…'
    : status.kind === 'saved' ? `Saved ${formatTimeOfDay(status.at)}`
      : status.kind === 'error' ? (problem ? 'Not saved — see below' : `Not saved: ${status.message}`)
        : status.kind === 'note' ? status.message
          : 'Changes save as you type';
}
