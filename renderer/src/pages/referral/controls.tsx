/**
 * Form controls bound to the referral form by dotted path. Each one shows a visible label (via
 * Field), its error under it, and carries `data-field` = the error key so the summary can focus it.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { Field } from '../../components/Field';
import { getAt, type ReferralForm } from './form';

export interface FormApi {
  form: ReferralForm;
  /** Sets the value at `path`; `key` is the error key it clears (defaults to `path`). */
  set: (path: string, value: unknown, key?: string) => void;
  /** The error to show for `key`, if any. */
  errorFor: (key: string) => string | undefined;
  /**
   * Called when a control loses focus: show its errors from now on. An empty control that was
   * only passed through is not marked (its "is required" waits for Save), so no message appears
   * and nothing shifts under the pointer just because focus moved.
   */
  touch: (key: string, hasValue: boolean) => void;
}

export const FormContext = createContext<FormApi | null>(null);

export function useForm(): FormApi {
  const api = useContext(FormContext);
  if (!api) throw new Error('useForm outside FormContext');
  return api;
}

interface Common {
  label: string;
  path: string;
  /** Error key, when it differs from the value's path. */
  errorKey?: string;
  /** Unique accessible name for a control in a repeating row, e.g. "Sibling 1 forenames". */
  ariaLabel?: string;
  hint?: string | null;
  required?: boolean;
  onBlur?: () => void;
  className?: string;
}

function useBinding({ path, errorKey, onBlur }: Common) {
  const api = useForm();
  const key = errorKey ?? path;
  const raw = getAt(api.form, path);
  return {
    key,
    value: typeof raw === 'string' ? raw : '',
    error: api.errorFor(key),
    onChange: (v: unknown) => api.set(path, v, key),
    onBlur: () => {
      api.touch(key, typeof raw === 'string' && raw.trim() !== '');
      onBlur?.();
    },
  };
}

/**
 * The required marker is Field's star, drawn beside the label rather than inside it, so a control's
 * accessible name is exactly its label ("Forenames", not "Forenames *").
 */
function Wrap({ className, required, children }: { className?: string | undefined; required?: boolean | undefined; children: ReactNode }) {
  const cls = [className, required ? 'is-required' : ''].filter(Boolean).join(' ');
  return cls ? <div className={cls}>{children}</div> : <>{children}</>;
}

export function TextInput(props: Common & { type?: 'text' | 'date' | 'email' | 'tel' | 'number'; max?: string; autoComplete?: string; inputMode?: 'decimal' | 'text' }) {
  const b = useBinding(props);
  return (
    <Wrap className={props.className} required={props.required}>
      <Field label={props.label} error={b.error} hint={props.hint ?? undefined} required={props.required}>
        {(p) => (
          <input
            {...p}
            type={props.type ?? 'text'}
            value={b.value}
            max={props.max}
            step={props.type === 'number' ? 'any' : undefined}
            inputMode={props.inputMode}
            autoComplete={props.autoComplete ?? 'off'}
            aria-label={props.ariaLabel}
            aria-required={props.required || undefined}
            data-field={b.key}
            onChange={(e) => b.onChange(e.target.value)}
            onBlur={b.onBlur}
          />
        )}
      </Field>
    </Wrap>
  );
}

export function TextArea(props: Common & { rows?: number }) {
  const b = useBinding(props);
  return (
    <Wrap className={props.className} required={props.required}>
      <Field label={props.label} error={b.error} hint={props.hint ?? undefined} required={props.required}>
        {(p) => (
          <textarea
            {...p}
            rows={props.rows ?? 3}
            value={b.value}
            aria-label={props.ariaLabel}
            data-field={b.key}
            onChange={(e) => b.onChange(e.target.value)}
            onBlur={b.onBlur}
          />
        )}
      </Field>
    </Wrap>
  );
}

/** `placeholder` is the empty first option; null leaves it out (the field always has a value). */
export function SelectInput(props: Common & { options: readonly { code: string; label: string }[]; placeholder?: string | null }) {
  const b = useBinding(props);
  return (
    <Wrap className={props.className} required={props.required}>
      <Field label={props.label} error={b.error} hint={props.hint ?? undefined} required={props.required}>
        {(p) => (
          <select
            {...p}
            value={b.value}
            aria-label={props.ariaLabel}
            aria-required={props.required || undefined}
            data-field={b.key}
            onChange={(e) => b.onChange(e.target.value)}
            onBlur={b.onBlur}
          >
            {props.placeholder === null ? null : <option value="">{props.placeholder ?? 'Choose…'}</option>}
            {props.options.map((o) => (
              <option key={o.code} value={o.code}>{o.label}</option>
            ))}
          </select>
        )}
      </Field>
    </Wrap>
  );
}

export function Checkbox({ label, path, ariaLabel, onChange }: { label: string; path: string; ariaLabel?: string; onChange?: (checked: boolean) => void }) {
  const api = useForm();
  const checked = getAt(api.form, path) === true;
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        aria-label={ariaLabel}
        onChange={(e) => {
          api.set(path, e.target.checked);
          onChange?.(e.target.checked);
        }}
      />
      <span>{label}</span>
    </label>
  );
}

/** The Remove button of one repeated row of the form (a sibling, a responsible adult, an action). */
export function RemoveRowButton({ list, index, label, className = 'danger row-remove' }: {
  list: 'siblings' | 'adults' | 'preReferralActions';
  index: number;
  /** Names the row for a screen reader: "sibling 2" gives "Remove sibling 2". */
  label: string;
  className?: string;
}) {
  const { form, set } = useForm();
  const rows: readonly unknown[] = form[list];
  return (
    <button type="button" className={className} aria-label={`Remove ${label}`} onClick={() => set(list, rows.filter((_, j) => j !== index))}>
      Remove
    </button>
  );
}
