import { isIsoDate } from '../../../../shared/domain/dates';
import { CHILD_FLAGS, ETHNICITIES, GENDERS } from '../../../../shared/domain/vocab';
import { useToday } from '../../data/today';
import { SIBLING_FLAGS, emptySibling } from './form';
import { ageHint, siblingReferralNote } from './validate';
import { Checkbox, RemoveRowButton, SelectInput, TextInput, useForm } from './controls';
import { DuplicatePanel } from './DuplicatePanel';
import type { DuplicateCheck } from './useDuplicateCheck';

/*
 * The new-referral form's sections about the child: which register, the child (with possible
 * duplicates), siblings and flags. Each renders from the form context; the rules live in validate.ts.
 */

const REGISTER_CHOICES = [
  { code: 'CME', label: 'CME — not on a school roll', hint: 'Children Missing Education: compulsory school age, not on any school roll and not otherwise in suitable education, or whereabouts unknown.' },
  { code: 'PMOE', label: 'PMOE — on roll, not in full-time education', hint: 'Pupils Missing Out on Education: on a school roll but on a reduced timetable, in alternative provision, medical, excluded or awaiting a placement.' },
] as const;

const FLAG_LABEL: Record<string, string> = Object.fromEntries(CHILD_FLAGS.map((f) => [f.code, f.label]));

/** Which register the referral is for; the whole card selects. */
export function RegisterChoice() {
  const { form, set } = useForm();
  return (
    <fieldset className="register-choice">
      <legend>Register</legend>
      <div className="radios">
        {REGISTER_CHOICES.map((r, i) => (
          // The whole card selects; the label holds only the title, so the radio's name is exactly it.
          <div key={r.code} className={`radio-card${form.register === r.code ? ' selected' : ''}`} onClick={() => set('register', r.code)}>
            <input
              type="radio"
              id={`register-${r.code}`}
              name="register"
              value={r.code}
              checked={form.register === r.code}
              onChange={() => set('register', r.code)}
              data-field={i === 0 ? 'register' : undefined}
              aria-describedby={`register-hint-${r.code}`}
            />
            <span>
              <label htmlFor={`register-${r.code}`}>{r.label}</label>
              <span id={`register-hint-${r.code}`} className="hint">{r.hint}</span>
            </span>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** The child, with possible duplicates once names and date of birth are in. */
export function ChildFields({ dup }: { dup: DuplicateCheck }) {
  const { form, set, errorFor } = useForm();
  const today = useToday();
  return (
    <fieldset>
      <legend>Child</legend>
      <div className="grid-4">
        <TextInput label="Forenames" path="child.forenames" required onBlur={dup.onBlur} />
        <TextInput label="Surname" path="child.surname" required onBlur={dup.onBlur} />
        <TextInput label="Known as" path="child.knownAs" onBlur={dup.onBlur} />
        <TextInput label="Former names" path="child.formerNames" />
        <TextInput
          label="Date of birth"
          path="child.dateOfBirth"
          type="date"
          max={today}
          required
          onBlur={dup.onBlur}
          hint={ageHint(form.child.dateOfBirth, isIsoDate(form.case.dateNotified) ? form.case.dateNotified : today)}
        />
        <SelectInput label="Gender" path="child.gender" options={GENDERS} required />
        <SelectInput label="Ethnicity" path="child.ethnicity" options={ETHNICITIES} placeholder="Not recorded" />
        <TextInput label="UPN" path="child.upn" hint="Unique pupil number, 13 characters, if known" />
      </div>
      <DuplicatePanel
        matches={dup.matches}
        linked={form.linkedChild}
        onLink={(m) => set('linkedChild', { childId: m.childId, name: m.name, dateOfBirth: m.dateOfBirth, references: m.references })}
        onUndo={() => set('linkedChild', null, 'child.dateOfBirth')}
        differentChild={form.confirmedDifferentChild}
        onDifferentChild={(v) => set('confirmedDifferentChild', v)}
        differentError={errorFor('confirmedDifferentChild')}
      />
      {dup.error ? <p className="muted small">{dup.error}</p> : null}
    </fieldset>
  );
}

/** Brothers and sisters; each ticked "also refer" gets a case of their own. */
export function SiblingsFields() {
  const { form, set } = useForm();
  const today = useToday();
  return (
    <fieldset>
      <legend>Siblings</legend>
      <p className="section-hint">
        Brothers and sisters. Each one with “Also refer this sibling” ticked gets a case of their own on the {form.register} register.
      </p>
      {form.siblings.map((s, i) => {
        const n = i + 1;
        const note = s.refer ? siblingReferralNote(s.dateOfBirth, form.case.dateNotified) : null;
        return (
          <fieldset key={s.key} className="row-group">
            <legend>Sibling {n}</legend>
            <div className="grid-5">
              <TextInput label="Forenames" ariaLabel={`Sibling ${n} forenames`} path={`siblings.${i}.forenames`} required />
              <TextInput label="Surname" ariaLabel={`Sibling ${n} surname`} path={`siblings.${i}.surname`} required />
              <TextInput label="Date of birth" ariaLabel={`Sibling ${n} date of birth`} path={`siblings.${i}.dateOfBirth`} type="date" max={today} required />
              <SelectInput label="Gender" ariaLabel={`Sibling ${n} gender`} path={`siblings.${i}.gender`} options={GENDERS} required />
              <SelectInput label="Ethnicity" ariaLabel={`Sibling ${n} ethnicity`} path={`siblings.${i}.ethnicity`} options={ETHNICITIES} placeholder="Not recorded" />
            </div>
            <div className="row-foot">
              <div className="inline-checks">
                {SIBLING_FLAGS.map((flag) => (
                  <Checkbox key={flag} label={FLAG_LABEL[flag] ?? flag} ariaLabel={`Sibling ${n} ${FLAG_LABEL[flag] ?? flag}`} path={`siblings.${i}.flags.${flag}`} />
                ))}
              </div>
              <div className="row-foot-end">
                <label className="check refer">
                  <input type="checkbox" checked={s.refer} onChange={(e) => set(`siblings.${i}.refer`, e.target.checked)} />
                  <span>Also refer this sibling</span>
                </label>
                <RemoveRowButton list="siblings" index={i} label={`sibling ${n}`} className="danger" />
              </div>
            </div>
            {note ? <p className="small muted">{note}</p> : null}
          </fieldset>
        );
      })}
      <button type="button" onClick={() => set('siblings', [...form.siblings, emptySibling(form.child.surname.trim())])}>
        Add sibling
      </button>
    </fieldset>
  );
}

/** The child's flags, and who looks after or works with them. */
export function FlagsFields() {
  const { form } = useForm();
  const flags = form.child.flags;
  const careFlag = flags.lookedAfter || flags.childProtectionPlan || flags.childInNeed;
  return (
    <fieldset>
      <legend>Flags</legend>
      <p className="section-hint">Tick everything that applies to the child.</p>
      <div className="checks-grid">
        {CHILD_FLAGS.map((f) => (
          <Checkbox key={f.code} label={f.label} path={`child.flags.${f.code}`} />
        ))}
      </div>
      {flags.lookedAfter || careFlag ? (
        <div className="grid-2">
          {flags.lookedAfter ? <TextInput label="Looked after by (local authority)" path="child.lookedAfterLa" /> : <div />}
          {careFlag ? <TextInput label="Allocated social worker" path="child.socialWorker" hint="Name and team" /> : null}
        </div>
      ) : null}
    </fieldset>
  );
}
