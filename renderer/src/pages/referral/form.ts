/**
 * The New referral form's state: plain strings and booleans exactly as typed, so nothing a person
 * enters is lost or reformatted while they work. `toInput` turns it into a `ReferralInput`;
 * `validateReferral` says what is wrong with it. No React here.
 */
import { readJson, removeKey, sessionStore, storageKey, writeJson } from '../../lib/storage';
import { CHECK_AGENCIES, CHILD_FLAGS, noChildFlags, type ChildFlags } from '../../../../shared/domain/vocab';

export type RegisterCode = 'CME' | 'PMOE';

export interface ChildForm {
  forenames: string;
  surname: string;
  knownAs: string;
  formerNames: string;
  dateOfBirth: string;
  gender: string;
  ethnicity: string;
  upn: string;
  flags: ChildFlags;
  lookedAfterLa: string;
  socialWorker: string;
}

/** Referral-form facts asked about each sibling (003 App. A: EHCP, FSM, social care). */
export const SIBLING_FLAGS = ['ehcp', 'fsm', 'lookedAfter', 'childProtectionPlan', 'childInNeed'] as const satisfies readonly (keyof ChildFlags)[];
export type SiblingFlag = (typeof SIBLING_FLAGS)[number];

export interface SiblingForm {
  key: string;
  forenames: string;
  surname: string;
  dateOfBirth: string;
  gender: string;
  ethnicity: string;
  flags: Record<SiblingFlag, boolean>;
  refer: boolean;
}

export interface AdultForm {
  key: string;
  name: string;
  relationship: string;
  phone: string;
  email: string;
}

/** Pre-referral action types offered on the form (003 App. A: calls/texts, letters, home visits, e-mails). */
export const ACTION_TYPES = CHECK_AGENCIES.filter((a) =>
  (['phone_call', 'letter', 'home_visit', 'email', 'last_school', 'other'] as string[]).includes(a.code),
);

export interface ActionForm {
  key: string;
  agency: string;
  checkedOn: string;
  checkedBy: string;
  outcome: string;
}

export interface CaseForm {
  dateNotified: string;
  source: string;
  referrerName: string;
  referrerAgency: string;
  referrerContact: string;
  urgency: string;
  reason: string;
  lastSchool: string;
  lastAttendance: string;
  pmoeSchool: string;
  pmoeReason: string;
  hoursPerWeek: string;
  provider: string;
  timetableReviewDate: string;
  timetableEndDate: string;
  departureDate: string;
  professionalInvolvement: string;
  additionalInfo: string;
}

export interface LinkedChild {
  childId: number;
  name: string;
  dateOfBirth: string;
  references: string[];
}

export interface ReferralForm {
  register: RegisterCode;
  child: ChildForm;
  /** Set when the officer confirms a possible duplicate is the same child. */
  linkedChild: LinkedChild | null;
  /** Ticked when a child with the same name and date of birth is already on the register and this is someone else. */
  confirmedDifferentChild: boolean;
  siblings: SiblingForm[];
  address: { line1: string; line2: string; town: string; postcode: string; toDate: string };
  /** Free text, one line per address line (003 App. A "New Address"). */
  newAddress: string;
  newSchool: string;
  leavingUk: { accompanyingAdult: string; placeOfDeparture: string; flightAndDestination: string };
  adults: AdultForm[];
  case: CaseForm;
  preReferralActions: ActionForm[];
}

let keySeq = 0;
export const newKey = (prefix: string) => `${prefix}${Date.now().toString(36)}${(keySeq += 1)}`;

export function emptySibling(surname = ''): SiblingForm {
  return {
    key: newKey('s'),
    forenames: '',
    surname,
    dateOfBirth: '',
    gender: '',
    ethnicity: '',
    flags: { ehcp: false, fsm: false, lookedAfter: false, childProtectionPlan: false, childInNeed: false },
    refer: true,
  };
}
export const emptyAdult = (): AdultForm => ({ key: newKey('a'), name: '', relationship: '', phone: '', email: '' });
export const emptyAction = (checkedBy = ''): ActionForm => ({ key: newKey('p'), agency: '', checkedOn: '', checkedBy, outcome: '' });

export function emptyForm(today: string): ReferralForm {
  return {
    register: 'CME',
    child: {
      forenames: '', surname: '', knownAs: '', formerNames: '', dateOfBirth: '', gender: '', ethnicity: '', upn: '',
      flags: noChildFlags(), lookedAfterLa: '', socialWorker: '',
    },
    linkedChild: null,
    confirmedDifferentChild: false,
    siblings: [],
    address: { line1: '', line2: '', town: '', postcode: '', toDate: '' },
    newAddress: '',
    newSchool: '',
    leavingUk: { accompanyingAdult: '', placeOfDeparture: '', flightAndDestination: '' },
    adults: [emptyAdult()],
    case: {
      dateNotified: today, source: '', referrerName: '', referrerAgency: '', referrerContact: '', urgency: 'routine',
      reason: '', lastSchool: '', lastAttendance: '', pmoeSchool: '', pmoeReason: '', hoursPerWeek: '', provider: '',
      timetableReviewDate: '', timetableEndDate: '', departureDate: '', professionalInvolvement: '', additionalInfo: '',
    },
    preReferralActions: [],
  };
}

/** True when every row in `values` is blank text. */
export const allBlank = (...values: (string | null | undefined)[]) => values.every((v) => !v || !v.trim());

export const isBlankSibling = (s: SiblingForm) => allBlank(s.forenames, s.surname, s.dateOfBirth, s.gender, s.ethnicity);
export const isBlankAdult = (a: AdultForm) => allBlank(a.name, a.relationship, a.phone, a.email);
export const isBlankAction = (a: ActionForm) => allBlank(a.agency, a.checkedOn, a.checkedBy, a.outcome);

/** True when nothing has been entered beyond the defaults (so there is no draft worth keeping). */
export function isBlankForm(form: ReferralForm, today: string): boolean {
  const strip = (f: ReferralForm) =>
    JSON.stringify({
      ...f,
      siblings: f.siblings.filter((s) => !isBlankSibling(s)),
      adults: f.adults.filter((a) => !isBlankAdult(a)),
      preReferralActions: f.preReferralActions.filter((a) => !isBlankAction(a)),
    });
  return strip(form) === strip(emptyForm(today));
}

// ---------------------------------------------------------------------------------------------
// Draft kept in sessionStorage so leaving the page (or a reload) loses nothing.

export const DRAFT_KEY = storageKey('referralDraft.v1');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Copies values of the same primitive type from `saved` onto `base`, recursively; ignores anything else. */
function mergeShape<T>(base: T, saved: unknown): T {
  if (typeof base === 'string') return (typeof saved === 'string' ? saved : base) as T;
  if (typeof base === 'boolean') return (typeof saved === 'boolean' ? saved : base) as T;
  if (isObj(base) && isObj(saved)) {
    const out: Obj = { ...base };
    for (const k of Object.keys(base)) out[k] = mergeShape(base[k], saved[k]);
    return out as T;
  }
  return base;
}

/** A form rebuilt from untrusted stored JSON, taking only fields it recognises. */
export function formFromDraft(raw: unknown, today: string): ReferralForm | null {
  if (!isObj(raw)) return null;
  const base = emptyForm(today);
  const f: ReferralForm = mergeShape(base, raw);
  f.register = raw.register === 'PMOE' ? 'PMOE' : 'CME';
  const rows = <T extends { key: string }>(value: unknown, make: () => T): T[] =>
    Array.isArray(value)
      ? value.map((v) => {
          const fresh = make();
          return { ...mergeShape(fresh, v), key: fresh.key };
        })
      : [];
  f.siblings = rows(raw.siblings, () => emptySibling());
  f.adults = Array.isArray(raw.adults) ? rows(raw.adults, emptyAdult) : base.adults;
  f.preReferralActions = rows(raw.preReferralActions, () => emptyAction());
  const lc = raw.linkedChild;
  f.linkedChild =
    isObj(lc) && typeof lc.childId === 'number' && typeof lc.name === 'string' && typeof lc.dateOfBirth === 'string'
      ? { childId: lc.childId, name: lc.name, dateOfBirth: lc.dateOfBirth, references: Array.isArray(lc.references) ? lc.references.filter((r): r is string => typeof r === 'string') : [] }
      : null;
  f.confirmedDifferentChild = raw.confirmedDifferentChild === true;
  for (const flag of CHILD_FLAGS) if (typeof f.child.flags[flag.code] !== 'boolean') f.child.flags[flag.code] = false;
  return f;
}

export function loadDraft(today: string): ReferralForm | null {
  return readJson(sessionStore(), DRAFT_KEY, (raw) => formFromDraft(raw, today));
}

/** Storage full or disabled: the form still works, it just is not kept. */
export function saveDraft(form: ReferralForm, today: string): void {
  if (isBlankForm(form, today)) removeKey(sessionStore(), DRAFT_KEY);
  else writeJson(sessionStore(), DRAFT_KEY, form);
}

export function clearDraft(): void {
  removeKey(sessionStore(), DRAFT_KEY);
}

// ---------------------------------------------------------------------------------------------
// Reading and writing a value by its dotted path ('child.forenames', 'siblings.0.dateOfBirth').

export function getAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[seg];
  }
  return cur;
}

export function setAt<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return obj;
  const next = rest.length === 0 ? value : setAt((obj as Obj)[head], rest.join('.'), value);
  if (Array.isArray(obj)) {
    const copy = [...obj];
    copy[Number(head)] = next;
    return copy as T;
  }
  return { ...(obj as Obj), [head]: next } as T;
}
