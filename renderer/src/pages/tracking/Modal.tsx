import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { ErrorBanner } from '../../components/Banner';

/**
 * A modal form on the native <dialog> (focus trapped, Escape cancels), named by its heading.
 * Like components/Dialog, with an id from useId so a title with spaces still names the dialog,
 * and a slot for the error of the last save.
 */
export function Modal({ title, open, onClose, onSubmit, submitLabel, busy, error, wide, children }: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  busy?: boolean;
  error?: string | null;
  wide?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby={`${id}-title`} className={wide ? 'trk-dialog-wide' : undefined}>
      {open ? (
        <form onSubmit={submit} noValidate>
          <h2 id={`${id}-title`}>{title}</h2>
          <ErrorBanner message={error} />
          {children}
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>Cancel</button>
            <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>{submitLabel}</button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
