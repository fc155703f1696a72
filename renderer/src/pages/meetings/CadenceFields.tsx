import type { Cadence } from '../../../../shared/api/meetingSchemas';
import { Field } from '../../components/Field';
import { NTH_OPTIONS, SCHOOL_WEEKDAYS } from './format';
import { switchCadence } from './panelForm';

/** Cadence kind, weekday, and which week (of the month, or of the half term). */
export function CadenceFields({ value, onChange, error }: { value: Cadence; onChange: (c: Cadence) => void; error?: (f: string) => string | null }) {
  const err = (f: string) => error?.(f) ?? null;
  return (
    <div className="grid-3">
      <Field label="Cadence" error={err('kind')}>
        {(f) => (
          <select {...f} value={value.kind} onChange={(e) => onChange(switchCadence(value, e.target.value as Cadence['kind']))}>
            <option value="monthly_nth_weekday">Monthly</option>
            <option value="half_termly">Half-termly</option>
          </select>
        )}
      </Field>
      <Field label="Weekday" error={err('weekday')}>
        {(f) => (
          <select {...f} value={String(value.weekday)} onChange={(e) => onChange({ ...value, weekday: Number(e.target.value) })}>
            {SCHOOL_WEEKDAYS.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
          </select>
        )}
      </Field>
      {value.kind === 'monthly_nth_weekday' ? (
        <Field label="Week of the month" error={err('nth')}>
          {(f) => (
            <select {...f} value={String(value.nth)} onChange={(e) => onChange({ ...value, nth: Number(e.target.value) as 1 | 2 | 3 | 4 | -1 })}>
              {NTH_OPTIONS.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
            </select>
          )}
        </Field>
      ) : (
        <Field label="Week of the half term" error={err('weekOfHalfTerm')}>
          {(f) => (
            <select {...f} value={String(value.weekOfHalfTerm)} onChange={(e) => onChange({ ...value, weekOfHalfTerm: Number(e.target.value) })}>
              {[1, 2, 3, 4, 5, 6, 7].map((n) => <option key={n} value={n}>Week {n}</option>)}
            </select>
          )}
        </Field>
      )}
    </div>
  );
}
