import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

/** A modal form on the native <dialog>: focus is trapped, Escape cancels. */
export function Dialog({ title, open, onClose, onSubmit, submitLabel, busy, children }: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  busy?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby={titleId}>
      {open ? (
        <form onSubmit={submit}>
          <h2 id={titleId}>{title}</h2>
          {children}
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>Cancel</button>
            <button type="submit" className="primary" disabled={busy}>{submitLabel}</button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
