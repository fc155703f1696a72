import { schoolOnRollRequired } from '../../../shared/domain/pmoeRoll';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { call, ApiCallError } from '../api/client';
import { navigate } from '../lib/router';
import { ErrorBanner, InfoBanner } from '../components/Banner';
import { isIsoDate } from '../../../shared/domain/dates';
import { useToday } from '../data/today';
import {
  CHILD_FLAGS, CME_REASONS, ETHNICITIES, GENDERS, PMOE_REASONS, REFERRAL_SOURCES, URGENCIES,
} from '../../../shared/domain/vocab';
import {
  ACTION_TYPES, SIBLING_FLAGS, clearDraft, emptyAction, emptyAdult, emptyForm, emptySibling, isBlankForm, loadDraft,
  saveDraft, setAt, type ReferralForm,
} from './referral/form';
import { formKeyFor, toInput } from './referral/toInput';
import { ageHint, siblingReferralNote, validateReferral, type FieldErrors } from './referral/validate';
import { Checkbox, FormContext, SelectInput, TextArea, TextInput, type FormApi } from './referral/controls';
import { DuplicatePanel, type DuplicateMatch } from './referral/DuplicatePanel';
import './NewReferralPage.css';

const REGISTER_CHOICES = [
  { code: 'CME', label: 'CME — not on a school roll', hint: 'Children Missing Education: compulsory school age, not on any school roll and not otherwise in suitable education, or whereabouts unknown.' },
  { code: 'PMOE', label: 'PMOE — on roll, not in full-time education', hint: 'Pupils Missing Out on Education: on a school roll but on a reduced timetable, in alternative provision, medical, excluded or awaiting a placement.' },
] as const;

const FLAG_LABEL: Record<string, string> = Object.fromEntries(CHILD_FLAGS.map((f) => [f.code, f.label]));

export function NewReferralPage() {
  const today = useToday();
  const [restored] = useState(() => {
    const d = loadDraft(today);
    return d && !isBlankForm(d, today) ? d : null;
  });
  const [form, setForm] = useState<ReferralForm>(() => restored ?? emptyForm(today));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [cleared, setCleared] = useState<ReferralForm | null>(null);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [dupes, setDupes] = useState<{ key: string; matches: DuplicateMatch[] } | null>(null);
  const [dupError, setDupError] = useState<string | null>(null);

  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const latest = useRef(form);
  latest.current = form;
  const saved = useRef(false);

  // Keep unsaved work for this tab.
  useEffect(() => {
    if (!saved.current) saveDraft(form, today);
  }, [form, today]);

  const clientErrors = useMemo(() => validateReferral(form, today), [form, today]);

  const shownErrors = useMemo(() => {
    const out: FieldErrors = {};
    for (const [k, v] of Object.entries(clientErrors)) if (submitted || touched.has(k)) out[k] = v;
    for (const [k, v] of Object.entries(serverErrors)) if (!out[k]) out[k] = v;
    return out;
  }, [clientErrors, serverErrors, submitted, touched]);

  const set = useCallback((path: string, value: unknown, key: string = path) => {
    setForm((f) => setAt(f, path, value));
    setServerErrors((s) => {
      if (!(key in s)) return s;
      const { [key]: _gone, ...rest } = s;
      return rest;
    });
    setCleared(null);
    // A refusal such as "already has an open CME case" is about the register or the linked child.
    if (path === 'register' || path === 'linkedChild') setGeneralError(null);
  }, []);

  const touch = useCallback((key: string, hasValue: boolean) => {
    setTouched((t) => (t.has(key) || !hasValue ? t : new Set(t).add(key)));
  }, []);

  const api: FormApi = useMemo(() => ({ form, set, touch, errorFor: (k) => shownErrors[k] }), [form, set, touch, shownErrors]);

  // ---- Possible duplicates: once forenames, surname and date of birth are all filled in.
  const c = form.child;
  const dupKey = c.forenames.trim() && c.surname.trim() && isIsoDate(c.dateOfBirth)
    ? JSON.stringify([c.forenames.trim(), c.surname.trim(), c.dateOfBirth, c.knownAs.trim()])
    : '';
  const lastDupKey = useRef('');
  const checkDuplicates = useCallback(async () => {
    const ch = latest.current.child;
    if (!ch.forenames.trim() || !ch.surname.trim() || !isIsoDate(ch.dateOfBirth)) return;
    const key = JSON.stringify([ch.forenames.trim(), ch.surname.trim(), ch.dateOfBirth, ch.knownAs.trim()]);
    if (key === lastDupKey.current) return;
    lastDupKey.current = key;
    try {
      const matches = await call('children.checkDuplicates', {
        forenames: ch.forenames.trim(), surname: ch.surname.trim(), dateOfBirth: ch.dateOfBirth, knownAs: ch.knownAs.trim() || null,
      });
      if (lastDupKey.current === key) {
        setDupes({ key, matches });
        setDupError(null);
      }
    } catch (e) {
      if (lastDupKey.current === key) {
        lastDupKey.current = '';
        setDupError(`Couldn't check the register for a possible duplicate: ${(e as Error).message}`);
      }
    }
  }, []);
  // Also after a pause in typing (and when a restored draft already has all three).
  useEffect(() => {
    if (!dupKey) return;
    const t = window.setTimeout(() => void checkDuplicates(), 800);
    return () => window.clearTimeout(t);
  }, [dupKey, checkDuplicates]);
  const dupOnBlur = () => void checkDuplicates();
  const currentMatches = dupes && dupes.key === dupKey ? dupes.matches : [];

  // ---- Errors summary, in the order the fields appear on the page.
  const orderedErrors = useMemo(() => {
    const keys = Object.keys(shownErrors);
    const order = new Map<string, number>();
    formRef.current?.querySelectorAll<HTMLElement>('[data-field]').forEach((el, i) => {
      const k = el.dataset.field;
      if (k && !order.has(k)) order.set(k, i);
    });
    return keys.sort((a, b) => (order.get(a) ?? 1e6) - (order.get(b) ?? 1e6));
  }, [shownErrors]);

  const focusField = (key: string) => {
    const el = formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus();
  };

  const focusSummary = () => {
    window.setTimeout(() => {
      topRef.current?.scrollIntoView({ block: 'start' });
      summaryRef.current?.focus({ preventScroll: true });
    }, 0);
  };

  // ---- Save.
  const submit = async () => {
    if (saving) return;
    setSubmitted(true);
    setGeneralError(null);
    const errors = validateReferral(latest.current, today);
    if (Object.keys(errors).length > 0) {
      focusSummary();
      return;
    }
    setSaving(true);
    setServerErrors({});
    const { input, rows } = toInput(latest.current);
    try {
      const result = await call('referrals.create', input);
      saved.current = true;
      clearDraft();
      navigate({ page: 'case', id: result.caseId, tab: null });
    } catch (e) {
      setSaving(false);
      if (e instanceof ApiCallError && e.field) {
        setServerErrors({ [formKeyFor(e.field, rows)]: e.message });
      } else {
        setGeneralError(e instanceof Error ? e.message : String(e));
      }
      focusSummary();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter') return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void submit();
      return;
    }
    // Enter in a one-line box must not send a half-finished referral.
    const t = e.target;
    if (t instanceof HTMLInputElement && !['checkbox', 'radio', 'submit', 'button'].includes(t.type)) e.preventDefault();
  };

  const clearForm = () => {
    setCleared(form);
    setForm(emptyForm(today));
    setTouched(new Set());
    setSubmitted(false);
    setServerErrors({});
    setGeneralError(null);
    setDupes(null);
    lastDupKey.current = '';
    setShowRestored(false);
    clearDraft();
  };

  const undoClear = () => {
    if (cleared) setForm(cleared);
    setCleared(null);
  };

  const cme = form.register === 'CME';
  const flags = form.child.flags;
  const careFlag = flags.lookedAfter || flags.childProtectionPlan || flags.childInNeed;
  const problemCount = orderedErrors.length;

  return (
    <FormContext.Provider value={api}>
      <div className="referral" ref={topRef}>
        <div className="page-head">
          <h1>New referral</h1>
          <span className="spacer" />
          <a href="#/register">Cancel</a>
        </div>
        <p className="muted referral-intro">
          Notification of a child of statutory school age believed to be missing education, or a pupil missing out on
          education. All sections must be appropriately completed for this referral to be accepted. Fields marked
          <span className="req-mark" aria-hidden="true"> *</span> are required.
        </p>

        {showRestored && !cleared ? (
          <InfoBanner>
            <span className="banner-line">
              Your unsaved referral from earlier has been kept. Carry on, or
              <button type="button" className="link" onClick={clearForm}>clear the form</button> to start again.
            </span>
          </InfoBanner>
        ) : null}
        {cleared ? (
          <InfoBanner>
            <span className="banner-line">
              The form has been cleared.
              <button type="button" className="link" onClick={undoClear}>Undo</button>
            </span>
          </InfoBanner>
        ) : null}

        {submitted && (problemCount > 0 || generalError) ? (
          <div className="banner banner-error error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">
              {problemCount > 0
                ? `This referral can't be saved yet: ${problemCount === 1 ? 'there is 1 problem' : `there are ${problemCount} problems`}`
                : "This referral wasn't saved"}
            </h2>
            {generalError ? <p>{generalError}</p> : null}
            {problemCount > 0 ? (
              <ul>
                {orderedErrors.map((k) => (
                  <li key={k}>
                    <a
                      href="#/referral"
                      onClick={(e) => {
                        e.preventDefault();
                        focusField(k);
                      }}
                    >
                      {shownErrors[k]}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}

        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          onKeyDown={onKeyDown}
          aria-label="New referral"
        >
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

          <fieldset>
            <legend>Child</legend>
            <div className="grid-4">
              <TextInput label="Forenames" path="child.forenames" required onBlur={dupOnBlur} />
              <TextInput label="Surname" path="child.surname" required onBlur={dupOnBlur} />
              <TextInput label="Known as" path="child.knownAs" onBlur={dupOnBlur} />
              <TextInput label="Former names" path="child.formerNames" />
              <TextInput
                label="Date of birth"
                path="child.dateOfBirth"
                type="date"
                max={today}
                required
                onBlur={dupOnBlur}
                hint={ageHint(form.child.dateOfBirth, isIsoDate(form.case.dateNotified) ? form.case.dateNotified : today)}
              />
              <SelectInput label="Gender" path="child.gender" options={GENDERS} required />
              <SelectInput label="Ethnicity" path="child.ethnicity" options={ETHNICITIES} placeholder="Not recorded" />
              <TextInput label="UPN" path="child.upn" hint="Unique pupil number, 13 characters, if known" />
            </div>
            <DuplicatePanel
              matches={currentMatches}
              linked={form.linkedChild}
              onLink={(m) => set('linkedChild', { childId: m.childId, name: m.name, dateOfBirth: m.dateOfBirth, references: m.references })}
              onUndo={() => set('linkedChild', null, 'child.dateOfBirth')}
              differentChild={form.confirmedDifferentChild}
              onDifferentChild={(v) => set('confirmedDifferentChild', v)}
              differentError={api.errorFor('confirmedDifferentChild')}
            />
            {dupError ? <p className="muted small">{dupError}</p> : null}
          </fieldset>

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

          <fieldset>
            <legend>Professional involvement</legend>
            <TextArea
              label="Professional involvement"
              path="case.professionalInvolvement"
              rows={3}
              hint="Agencies and professionals working with the child or family: who, their role, how to reach them"
            />
          </fieldset>

          <fieldset>
            <legend>Additional information</legend>
            <TextArea label="Additional information" path="case.additionalInfo" rows={4} hint="Anything else the panel should know" />
          </fieldset>

          <div className="form-actions">
            <button type="submit" className="primary" disabled={saving} aria-keyshortcuts="Control+Enter">
              {saving ? 'Saving…' : 'Save referral'}
            </button>
            <button type="button" onClick={clearForm} disabled={saving}>Clear form</button>
            <a href="#/register">Cancel</a>
            <span className="spacer" />
            <span className="muted small">Ctrl+Enter saves · your work is kept if you leave this page</span>
          </div>
        </form>
      </div>
    </FormContext.Provider>
  );
}
