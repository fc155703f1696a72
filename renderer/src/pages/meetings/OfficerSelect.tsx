import type { Officer } from '../../../../shared/api/schemas';

/**
 * Officers to choose from: active ones, plus the one already chosen even if they have left (so a
 * saved choice is never silently lost). `value` is the officer id as text, '' for nobody.
 */
export function OfficerSelect({ value, onChange, officers, emptyLabel = 'Not set', ...rest }: {
  value: string;
  onChange: (v: string) => void;
  officers: readonly Officer[];
  emptyLabel?: string;
  id?: string;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string | undefined;
  disabled?: boolean;
}) {
  const shown = officers.filter((o) => o.active || String(o.id) === value);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      <option value="">{emptyLabel}</option>
      {shown.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}{o.jobTitle ? ` — ${o.jobTitle}` : ''}{o.active ? '' : ' (left)'}
        </option>
      ))}
    </select>
  );
}
