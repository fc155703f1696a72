/** Names a person would use for each input field, so a validation message can say which field is wrong. */
const LABELS: Record<string, string> = {
  forenames: 'Forenames',
  surname: 'Surname',
  knownAs: 'Known as',
  formerNames: 'Former names',
  dateOfBirth: 'Date of birth',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  upn: 'UPN',
  lookedAfterLa: 'Looked-after by (local authority)',
  socialWorker: 'Allocated social worker',
  dateNotified: 'Date notified',
  source: 'Referral source',
  referrerName: 'Referrer name',
  referrerAgency: 'Referrer agency',
  referrerContact: 'Referrer contact',
  reason: 'Reason',
  urgency: 'Urgency',
  lastSchool: 'Last school',
  lastAttendance: 'Date of last attendance',
  pmoeSchool: 'School on roll',
  pmoeReason: 'Reason not in full-time education',
  hoursPerWeek: 'Hours of education a week',
  provider: 'Provider',
  timetableReviewDate: 'Timetable review date',
  timetableEndDate: 'Timetable planned end date',
  departureDate: 'Date of departure',
  destination: 'Destination',
  dateAssessed: 'Date assessed',
  dateProvisionDetermined: 'Date provision determined',
  dateEnteredProvision: 'Date entered provision',
  dateLocated: 'Date located',
  line1: 'Address line 1',
  line2: 'Address line 2',
  town: 'Town',
  postcode: 'Postcode',
  fromDate: 'From date',
  toDate: 'To date',
  name: 'Name',
  relationship: 'Relationship',
  phone: 'Phone',
  email: 'E-mail',
  jobTitle: 'Job title',
  team: 'Team',
  agency: 'Agency or database',
  checkedOn: 'Date checked',
  checkedBy: 'Checked by',
  outcome: 'Outcome',
  notedOn: 'Date of note',
  text: 'Note',
  rag: 'RAG rating',
  officerId: 'Lead officer',
  closedOn: 'Date closed',
  detail: 'Closure details',
  register: 'Register',
  siblingReference: 'Sibling case reference',
  mode: 'Choice',
  from: 'From date',
  to: 'To date',
  panelId: 'Panel',
  schoolId: 'School',
  halfTerm: 'Half term',
  receivedOn: 'Date received',
  base64: 'File',
  dfeNumber: 'DfE number',
  notifiedOn: 'Date notified',
  eventDate: 'Date',
  ground: 'Regulation 8 ground',
  parentName: 'Parent name',
  parentAddress: 'Parent address',
  parentPhone: 'Parent telephone',
  futureAddress: 'Future address',
  destinationSchool: 'Destination school',
  childId: 'Child',
  skipRows: 'Rows left out',
  decisions: 'Matches',
  folder: 'Backup folder',
  confirm: 'Confirmation',
  basis: 'Kept until',
  years: 'Years kept',
};

const CONTAINERS: Record<string, string> = {
  child: '',
  case: '',
  changes: '',
  address: 'Current address: ',
  newAddress: 'New address: ',
  adults: 'Responsible adult',
  siblings: 'Sibling',
  preReferralActions: 'Pre-referral action',
  file: '',
  rules: '',
  CME: 'CME register: ',
  PMOE: 'PMOE register: ',
};

/**
 * Where one field name means different things in different calls: the label for that call. A
 * returns import's `decisions` are its matches; a meeting item's are the panel's decisions.
 */
const METHOD_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'items.record': { decisions: 'Decisions', discussion: 'Discussion', outcomeDetail: 'Outcome detail' },
  'items.createAction': { text: 'Action' },
  'actions.create': { text: 'Action' },
};

/** 'siblings.1.dateOfBirth' -> 'Sibling 2: Date of birth'; `method` picks a call's own name for a field. */
export function labelForPath(path: readonly PropertyKey[], method?: string): string {
  let prefix = '';
  for (let i = 0; i < path.length - 1; i++) {
    const seg = String(path[i]);
    if (seg in CONTAINERS) {
      const next = path[i + 1];
      prefix += typeof next === 'number' ? `${CONTAINERS[seg]} ${next + 1}: ` : CONTAINERS[seg];
    }
  }
  const last = [...path].reverse().find((p) => typeof p === 'string');
  const own = method === undefined || last === undefined ? undefined : METHOD_LABELS[method]?.[String(last)];
  const label = last === undefined ? 'Input' : (own ?? LABELS[String(last)] ?? humanise(String(last)));
  return (prefix + label).trim();
}

function humanise(key: string): string {
  const s = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
