import { schoolOnRollRequired } from '../../../../shared/domain/pmoeRoll';
import { CME_REASONS, PMOE_REASONS, REFERRAL_SOURCES, URGENCIES } from '../../../../shared/domain/vocab';
import { useToday } from '../../data/today';
import { ACTION_TYPES, emptyAction } from './form';
import { RemoveRowButton, SelectInput, TextArea, TextInput, useForm } from './controls';

/*
 * The new-referral form's sections about the referral: its fields by register, what was done
 * before it, who is involved and anything else. Each renders from the form context.
 */

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
            <RemoveRowButton list="preReferralActions" index={i} label={`action ${n}`} />
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
