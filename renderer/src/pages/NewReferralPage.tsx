import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { call, ApiCallError } from '../api/client';
import { navigate } from '../lib/router';
import { InfoBanner } from '../components/Banner';
import { useToday } from '../data/today';
import { clearDraft, emptyForm, isBlankForm, loadDraft, saveDraft, setAt, type ReferralForm } from './referral/form';
import { formKeyFor, toInput } from './referral/toInput';
import { validateReferral, type FieldErrors } from './referral/validate';
import { FormContext, type FormApi } from './referral/controls';
import { useDuplicateCheck } from './referral/useDuplicateCheck';
import { ChildFields, FlagsFields, RegisterChoice, SiblingsFields } from './referral/childSections';
import { AdditionalInfoFields, PreReferralFields, ProfessionalFields, ReferralFields } from './referral/referralSections';
import { AdultsFields, CurrentAddressFields, DestinationFields } from './referral/homeSections';
import './NewReferralPage.css';

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

  // Possible duplicates: once forenames, surname and date of birth are all filled in.
  const dup = useDuplicateCheck(form.child, latest);

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
    dup.reset();
    setShowRestored(false);
    clearDraft();
  };

  const undoClear = () => {
    if (cleared) setForm(cleared);
    setCleared(null);
  };

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
          <RegisterChoice />
          <ChildFields dup={dup} />
          <SiblingsFields />
          <ReferralFields />
          <CurrentAddressFields />
          <DestinationFields />
          <AdultsFields />
          <FlagsFields />
          <PreReferralFields />
          <ProfessionalFields />
          <AdditionalInfoFields />

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
