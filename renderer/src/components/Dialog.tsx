import { useId, type FormEvent, type ReactNode } from 'react';
import { ErrorBanner } from './Banner';
import { useModal } from './useModal';

/** A modal form on the native <dialog>: focus is trapped, Escape cancels, named by its heading. */
export function Dialog({ title, open, onClose, onSubmit, submitLabel, busy, error, wide, children }: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  busy?: boolean;
  /** The last save's error, shown above the fields. */
  error?: string | null;
  wide?: boolean;
  children: ReactNode;
}) {
  const ref = useModal(open);
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby={titleId} className={wide ? 'trk-dialog-wide' : undefined}>
      {open ? (
        <form onSubmit={submit} noValidate>
          <h2 id={titleId}>{title}</h2>
          {error !== undefined ? <ErrorBanner message={error} /> : null}
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
