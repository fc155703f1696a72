import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  error?: string | null | undefined;
  hint?: string;
  required?: boolean;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A labelled control with its hint and error, wired up for screen readers and for tests (getByLabel). */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      {/* The star sits outside the <label> so the control's accessible name is exactly `label`. */}
      <div className="label-row">
        <label htmlFor={id}>{label}</label>
        {required ? <span className="req" aria-hidden="true" title="Required">*</span> : null}
      </div>
      {hint ? <div id={`${id}-hint`} className="hint">{hint}</div> : null}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error ? <div id={`${id}-err`} className="error-text" role="alert">{error}</div> : null}
    </div>
  );
}

export function Select<T extends string>({ value, onChange, options, id, placeholder, ...rest }: {
  value: T | '' | null;
  onChange: (v: T | '') => void;
  options: readonly { code: T; label: string }[];
  id?: string;
  placeholder?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string | undefined;
}) {
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value as T | '')} {...rest}>
      <option value="">{placeholder ?? 'Choose…'}</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>{o.label}</option>
      ))}
    </select>
  );
}
