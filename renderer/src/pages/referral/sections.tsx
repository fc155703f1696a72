import { schoolOnRollRequired } from '../../../../shared/domain/pmoeRoll';
import { isIsoDate } from '../../../../shared/domain/dates';
import { CHILD_FLAGS, CME_REASONS, ETHNICITIES, GENDERS, PMOE_REASONS, REFERRAL_SOURCES, URGENCIES } from '../../../../shared/domain/vocab';
import { useToday } from '../../data/today';
import { ACTION_TYPES, SIBLING_FLAGS, emptyAction, emptyAdult, emptySibling } from './form';
import { ageHint, siblingReferralNote } from './validate';
import { Checkbox, SelectInput, TextArea, TextInput, useForm } from './controls';
import { DuplicatePanel } from './DuplicatePanel';
import type { DuplicateCheck } from './useDuplicateCheck';

/*
 * The sections of the new-referral form. Each renders its fields from the form context and hands
 * changes back through it; the rules (validation, what is required) live in validate.ts and form.ts.
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
                <button
                  type="button"
                  className="danger"
                  aria-label={`Remove sibling ${n}`}
                  onClick={() => set('siblings', form.siblings.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
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

/** The referral itself, and the fields of its register. */
export function ReferralFields() {
  const { form } = useForm();
  const today = useToday();
  const cme = form.register === 'CME';
  return (
    <fieldset>
      <legend>Referral</legend>
      <div className="grid-3">
        <TextInput label="Date notified" path="case.dateNotified" type="date" max={today} required hint="When the referral reached you" />
        <SelectInput label="Referral source" path="case.source" options={REFERRAL_SOURCES} required />
        <SelectInput label="Urgency" path="case.urgency" options={URGENCIES} placeholder={null} />
        <TextInput label="Referrer name" path="case.referrerName" />
        <TextInput label="Referrer agency" path="case.referrerAgency" hint="School, team or organisation" />
        <TextInput label="Referrer contact" path="case.referrerContact" hint="Phone, e-mail and address" />
      </div>
      {cme ? (
        <div className="grid-3 register-fields">
          <SelectInput label="Reason" path="case.reason" options={CME_REASONS} required />
          <TextInput label="Last school" path="case.lastSchool" />
          <TextInput label="Date of last attendance" path="case.lastAttendance" type="date" max={today} />
        </div>
      ) : (
        <div className="grid-3 register-fields">
          <TextInput label="School on roll" path="case.pmoeSchool" required={schoolOnRollRequired(form.case.pmoeReason)} hint="Leave blank if awaiting a placement (not on roll)" />
          <SelectInput label="Reason not in full-time education" path="case.pmoeReason" options={PMOE_REASONS} required />
          <TextInput label="Hours of education a week" path="case.hoursPerWeek" type="number" inputMode="decimal" hint="Under 10 hours is a criterion of concern" />
          <TextInput label="Provider" path="case.provider" hint="Who provides the education, if not the school" />
          <TextInput label="Timetable review date" path="case.timetableReviewDate" type="date" />
          <TextInput label="Timetable planned end date" path="case.timetableEndDate" type="date" />
        </div>
      )}
    </fieldset>
  );
}

/** Where the child lives now. */
export function CurrentAddressFields() {

  return (
    <fieldset>
      <legend>Current address</legend>
      <div className="grid-3">
        <TextInput label="Address line 1" path="address.line1" autoComplete="off" />
        <TextInput label="Address line 2" path="address.line2" />
        <TextInput label="Town" path="address.town" />
        <TextInput label="Postcode" path="address.postcode" />
        <TextInput label="Date of leaving this address" path="address.toDate" type="date" hint="If the family has left" />
      </div>
    </fieldset>
  );
}

/** Where the child is going, including leaving the UK. */
export function DestinationFields() {

  return (
    <fieldset>
      <legend>Where is the child going?</legend>
      <div className="grid-2">
        <TextArea label="New address" path="newAddress" rows={3} hint="If known. One line each: house and street, town, postcode" />
        <TextInput label="New school (where known)" path="newSchool" hint="School name, and its phone or e-mail if you have them" />
      </div>
      <fieldset className="row-group">
        <legend>If leaving the UK</legend>
        <div className="grid-2">
          <TextInput label="Date of departure" path="case.departureDate" type="date" />
          <TextInput label="Accompanying adult" path="leavingUk.accompanyingAdult" errorKey="case.destination" />
          <TextInput label="Place of departure" path="leavingUk.placeOfDeparture" errorKey="case.destination" hint="e.g. airport or port" />
          <TextInput label="Flight or ship, and final destination" path="leavingUk.flightAndDestination" errorKey="case.destination" hint="e.g. BA075 to Lagos" />
        </div>
      </fieldset>
    </fieldset>
  );
}

/** Responsible adults. */
export function AdultsFields() {
  const { form, set } = useForm();
  return (
    <fieldset>
      <legend>Responsible adults</legend>
      {form.adults.map((a, i) => {
        const n = i + 1;
        return (
          <div key={a.key} className="adult-row">
            <TextInput label="Name" ariaLabel={`Adult ${n} name`} path={`adults.${i}.name`} />
            <TextInput label="Relationship" ariaLabel={`Adult ${n} relationship`} path={`adults.${i}.relationship`} hint={i === 0 ? 'e.g. mother, carer' : null} />
            <TextInput label="Phone" ariaLabel={`Adult ${n} phone`} path={`adults.${i}.phone`} type="tel" />
            <TextInput label="E-mail" ariaLabel={`Adult ${n} e-mail`} path={`adults.${i}.email`} type="email" />
            <button
              type="button"
              className="danger row-remove"
              aria-label={`Remove adult ${n}`}
              onClick={() => set('adults', form.adults.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        );
      })}
      {form.adults.length === 0 ? <p className="muted small">No responsible adult entered.</p> : null}
      <button type="button" onClick={() => set('adults', [...form.adults, emptyAdult()])}>Add responsible adult</button>
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

/** What was done to find the child before this referral. */
export function PreReferralFields() {
  const { form, set } = useForm();
  const today = useToday();
  return (
    <fieldset>
      <legend>Pre-referral actions</legend>
      <p className="section-hint">What was done to find the child before this referral: phone calls or texts, letters, home visits, e-mails.</p>
      {form.preReferralActions.map((p, i) => {
        const n = i + 1;
        return (
          <div key={p.key} className="action-row">
            <SelectInput label="Action" ariaLabel={`Action ${n} type`} path={`preReferralActions.${i}.agency`} options={ACTION_TYPES} required />
            <TextInput label="Date" ariaLabel={`Action ${n} date`} path={`preReferralActions.${i}.checkedOn`} type="date" max={today} required />
            <TextInput label="By whom" ariaLabel={`Action ${n} by whom`} path={`preReferralActions.${i}.checkedBy`} required />
            <TextInput label="Outcome" ariaLabel={`Action ${n} outcome`} path={`preReferralActions.${i}.outcome`} required />
            <button
              type="button"
              className="danger row-remove"
              aria-label={`Remove action ${n}`}
              onClick={() => set('preReferralActions', form.preReferralActions.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        );
      })}
      {form.preReferralActions.length === 0 ? <p className="muted small">No actions entered yet.</p> : null}
      <button
        type="button"
        onClick={() => set('preReferralActions', [...form.preReferralActions, emptyAction(form.case.referrerName.trim())])}
      >
        Add action
      </button>
    </fieldset>
  );
}

/** Professional involvement. */
export function ProfessionalFields() {

  return (
    <fieldset>
      <legend>Professional involvement</legend>
      <TextArea
        label="Professional involvement"
        path="case.professionalInvolvement"
        rows={3}
        hint="Agencies and professionals working with the child or family: who, their role, how to reach them"
      />
    </fieldset>
  );
}

/** Anything else the panel should know. */
export function AdditionalInfoFields() {

  return (
    <fieldset>
      <legend>Additional information</legend>
      <TextArea label="Additional information" path="case.additionalInfo" rows={4} hint="Anything else the panel should know" />
    </fieldset>
  );
}
