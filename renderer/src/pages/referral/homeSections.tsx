import { emptyAdult } from './form';
import { RemoveRowButton, TextArea, TextInput, useForm } from './controls';

/*
 * The new-referral form's sections about home: where the child lives, where they are going
 * (including leaving the UK) and the responsible adults. Each renders from the form context.
 */

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
            <RemoveRowButton list="adults" index={i} label={`adult ${n}`} />
          </div>
        );
      })}
      {form.adults.length === 0 ? <p className="muted small">No responsible adult entered.</p> : null}
      <button type="button" onClick={() => set('adults', [...form.adults, emptyAdult()])}>Add responsible adult</button>
    </fieldset>
  );
}
