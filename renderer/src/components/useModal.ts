import { useEffect, useRef } from 'react';

/**
 * A native <dialog> shown modally while `open` (focus trapped, Escape closes) and closed when not:
 * the one place the app opens and closes its dialogs.
 */
export function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}

/**
 * Runs `reset` each time a dialog opens (a fresh form), with whatever `reset` is at that moment.
 * `open` is the flag, or the row the dialog acts on (a new row opens it afresh).
 */
export function useOnOpen(open: unknown, reset: () => void) {
  const latest = useRef(reset);
  latest.current = reset;
  useEffect(() => {
    if (open) latest.current();
  }, [open]);
}
