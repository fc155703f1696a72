/**
 * Demo data: a synthetic register for the invented town of Northbridge, for demonstrations,
 * screenshots and load tests. Every name, school, street, phone number and e-mail address is made
 * up (phones in Ofcom's 07700 900xxx drama range, e-mails at example.* domains, postcodes in the
 * non-existent "NB" area). Deterministic from the seed; never reads the clock except through
 * `ctx.now()` for the audit trail.
 *
 * Does not open a transaction: the caller wraps it (`db.transaction(() => loadDemo(...))()`).
 * For speed, rows are written through statements prepared once; each row still gets exactly the
 * audit row `auditedInsert` would write (action 'insert', field NULL, new_value = JSON of the
 * non-null values except created_at, case/child ids linked, source = ctx.source).
 */
import { nextUnfoundReview } from '../../shared/domain/closure';
import type Database from 'better-sqlite3';
import { backfillHistory } from '../../electron/services/register/history';
import { appendAudit } from '../auditChain';
import { loadDemoMeetings } from './meetings';
import type { Db } from '../open';
import type { WriteContext } from '../audit';
import { Rng } from './random';
import {
  CHECK_AGENCIES,
  CLOSURE_REASONS,
  CME_REASONS,
  ETHNICITIES,
  GENDERS,
  PMOE_REASONS,
  REFERRAL_SOURCES,
  TEAMS,
  URGENCIES,
  labelOf,
  type CheckAgency,
  type ClosureReason,
  type CmeReason,
  type Ethnicity,
  type PmoeReason,
  type ReferralSource,
  type Register,
  type Team,
  type Urgency,
} from '../../shared/domain/vocab';
import { upnCheckLetter } from '../../shared/domain/upn';
import { formatCaseReference } from '../../shared/domain/caseReference';
import { addDays, diffDays, lastFridayOfJune, parseIso, toIso } from '../../shared/domain/dates';
import { compulsorySchoolAge, schoolYearStartYear } from '../../shared/domain/schoolAge';

export interface DemoOptions {
  /** Open cases (default 300, or 3/13 of `cases`). */
  openCases?: number;
  /** Closed cases (default 1,000, or the rest of `cases`). */
  closedCases?: number;
  /** Total cases, split open/closed in the default proportions (300 : 1,000). */
  cases?: number;
  /** The day the register is "as at" (YYYY-MM-DD): nothing is dated after it. */
  today: string;
  /** PRNG seed (default 1). Same seed and today → the same register. */
  seed?: number;
  /**
   * The last few panels already held, with their actions and escalations, on staffed panels
   * (default true, whatever the size: a 50,000-case demo is still a register someone runs panels on).
   */
  meetings?: boolean;
}

export interface DemoResult {
  caseCount: number;
  officerCount: number;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary guards: every code written is checked against shared/domain/vocab at load time, so a
// renamed code fails loudly here rather than writing an unknown code into the register.

function codeSet(list: readonly { code: string }[]): Set<string> {
  return new Set(list.map((e) => e.code));
}
const VOCAB = {
  source: codeSet(REFERRAL_SOURCES),
  cme: codeSet(CME_REASONS),
  pmoe: codeSet(PMOE_REASONS),
  urgency: codeSet(URGENCIES),
  closure: codeSet(CLOSURE_REASONS),
  agency: codeSet(CHECK_AGENCIES),
  team: codeSet(TEAMS),
  gender: codeSet(GENDERS),
  ethnicity: codeSet(ETHNICITIES),
};
function must<T extends string>(set: Set<string>, code: T, what: string): T {
  if (!set.has(code)) throw new Error(`Demo data uses ${what} code "${code}", which is not in the vocabulary`);
  return code;
}
const detailRequired = new Map<string, boolean>(CLOSURE_REASONS.map((r) => [r.code, r.detailRequired]));

// ---------------------------------------------------------------------------------------------
// Invented people, places and organisations

interface NameGroup {
  key: string;
  weight: number;
  ethnicities: readonly (readonly [Ethnicity, number])[];
  boys: readonly string[];
  girls: readonly string[];
  surnames: readonly string[];
  men: readonly string[];
  women: readonly string[];
  countries: readonly string[];
  language: string | null;
  gypsyRomaTraveller?: number;
  asylum?: number;
}

// Diacritics only in lower-case positions, so JavaScript's toLowerCase and SQLite's lower() agree
// on the search key.
const GROUPS: readonly NameGroup[] = [
  {
    key: 'british', weight: 44, ethnicities: [['WBRI', 94], ['NOBT', 4], ['REFU', 2]],
    boys: ['Oliver', 'Jack', 'Harry', 'George', 'Alfie', 'Charlie', 'Thomas', 'Jacob', 'Riley', 'Mason', 'Kai', 'Tyler', 'Lewis', 'Callum', 'Ethan', 'Leo', 'Freddie', 'Archie', 'Daniel', 'Jayden', 'Connor', 'Alexander', 'William', 'Samuel', 'Joshua'],
    girls: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Poppy', 'Grace', 'Lily', 'Evie', 'Ellie', 'Chloe', 'Sophie', 'Jessica', 'Freya', 'Millie', 'Ruby', 'Courtney', 'Megan', 'Paige', 'Summer', 'Rebecca', 'Elizabeth', 'Katherine', 'Abigail', 'Zoë'],
    surnames: ['Hartley', 'Pickering', 'Brennan', 'Ashcroft', 'Wainwright', 'Cobbold', 'Fairbrother', 'Henshaw', 'Lathom', 'Moorcroft', 'Pennington', 'Ridley', 'Sowerby', 'Thwaite', 'Upton', 'Whitlow', 'Bramall', 'Catterall', 'Dunstan', 'Elsworth', 'Fenby', 'Garside', 'Holroyd', 'Kershaw', 'Lomax', 'Mottram', 'Nuttall', 'Ormerod', 'Pilling', 'Rawcliffe'],
    men: ['Darren', 'Lee', 'Craig', 'Wayne', 'Stuart', 'Gavin', 'Paul', 'Mark', 'Ryan', 'Scott', 'Dean', 'Jason'],
    women: ['Kerry', 'Lisa', 'Donna', 'Gemma', 'Leanne', 'Stacey', 'Kelly', 'Sarah', 'Nicola', 'Joanne', 'Claire', 'Emma'],
    countries: ['Spain', 'Portugal', 'Australia', 'Cyprus'], language: null,
  },
  {
    key: 'irish', weight: 2, ethnicities: [['WIRI', 1]],
    boys: ['Cian', 'Oisín', 'Seán', 'Conor', 'Darragh', 'Ronan', 'Eoin', 'Fionn'],
    girls: ['Aoife', 'Niamh', 'Siobhán', 'Róisín', 'Ciara', 'Saoirse', 'Orla', 'Clodagh'],
    surnames: ['Keohane', 'Mulcahy', 'Mac Aodha', 'Dunphy', 'Lenihan', 'Moriarty', 'Scanlan', 'Tierney'],
    men: ['Declan', 'Padraig', 'Ciarán', 'Brendan'], women: ['Maeve', 'Deirdre', 'Gráinne', 'Bernadette'],
    countries: ['Ireland'], language: null,
  },
  {
    key: 'eastern_european', weight: 14, ethnicities: [['WOTH', 1]],
    boys: ['Jakub', 'Mateusz', 'Filip', 'Kacper', 'Andrei', 'Ionuț', 'Darius', 'Lukas', 'Matas', 'Dominik', 'Marek', 'Bogdan', 'Nikolai', 'Wojciech/Voytek', 'Aleksander/Olek'],
    girls: ['Zuzanna', 'Julia', 'Maja', 'Oliwia', 'Ioana', 'Andreea', 'Bianca', 'Gabija', 'Ugnė', 'Viktória', 'Petra', 'Daria', 'Małgorzata/Gosia', 'Natalia'],
    surnames: ['Kowalczyk', 'Wiśniewski', 'Zając', 'Dąbrowska', 'Popescu', 'Dumitrescu', 'Stănescu', 'Kazlauskas', 'Petrauskienė', 'Horváth', 'Novák', 'Georgiev', 'Ivanova', 'Marinescu', 'Szymańska'],
    men: ['Piotr', 'Tomasz', 'Marius', 'Florin', 'Tadas', 'Milan', 'Dmitri', 'Krzysztof'], women: ['Agnieszka', 'Elena', 'Mihaela', 'Rasa', 'Katarína', 'Iwona', 'Simona', 'Lenka'],
    countries: ['Poland', 'Romania', 'Lithuania', 'Slovakia', 'Bulgaria', 'Latvia'], language: 'Romanian',
  },
  {
    key: 'roma', weight: 2, ethnicities: [['WROM', 1]], gypsyRomaTraveller: 1,
    boys: ['Denis', 'Robert', 'Marian', 'Samuel', 'Ionel', 'Patrik'],
    girls: ['Denisa', 'Sabina', 'Nikola', 'Esmeralda', 'Larisa', 'Kristína'],
    surnames: ['Lakatoš', 'Oláh', 'Rostaș', 'Dudaș', 'Balog', 'Ciurar'],
    men: ['Vasile', 'Ladislav', 'Costel'], women: ['Florica', 'Mária', 'Vetuța'],
    countries: ['Romania', 'Slovakia', 'Czech Republic'], language: 'Romani',
  },
  {
    key: 'irish_traveller', weight: 2, ethnicities: [['WIRT', 1]], gypsyRomaTraveller: 1,
    boys: ['Johnny', 'Patrick', 'Michael', 'Martin', 'Tommy', 'Jimmy'],
    girls: ['Bridget', 'Mary', 'Kathleen', 'Margaret', 'Shannon', 'Nora'],
    surnames: ['Quilligan', 'McGinley', 'Mongan', 'Cawley', 'Sherlock', 'Joyce-Ward'],
    men: ['Christy', 'Joe', 'Francie'], women: ['Winnie', 'Nellie', 'Ann-Marie'],
    countries: ['Ireland'], language: null,
  },
  {
    key: 'pakistani', weight: 8, ethnicities: [['APKN', 1]],
    boys: ['Muhammad', 'Ibrahim', 'Hamza', 'Zain', 'Ayaan', 'Bilal', 'Usman', 'Rayyan', 'Hassan', 'Abdullah'],
    girls: ['Maryam', 'Aisha', 'Zara', 'Hafsa', 'Inaya', 'Khadija', 'Noor', 'Fatima', 'Eman', 'Zainab'],
    surnames: ['Qureshi', 'Chaudhry', 'Butt', 'Mirza', 'Anwar', 'Iqbal', 'Rashid', 'Tariq', 'Mahmood', 'Akhtar'],
    men: ['Imran', 'Tariq', 'Shahid', 'Asif'], women: ['Nasreen', 'Shabana', 'Rubina', 'Saima'],
    countries: ['Pakistan'], language: 'Urdu',
  },
  {
    key: 'indian', weight: 4, ethnicities: [['AIND', 1]],
    boys: ['Arjun', 'Rohan', 'Veer', 'Aarav', 'Harjot', 'Karan', 'Dev', 'Ishaan'],
    girls: ['Priya', 'Anika', 'Simran', 'Diya', 'Navneet', 'Riya', 'Meera', 'Jasleen'],
    surnames: ['Patel', 'Sandhu', 'Gill', 'Mistry', 'Parmar', 'Chauhan', 'Dhillon', 'Joshi'],
    men: ['Rajesh', 'Sukhdev', 'Vikram', 'Manoj'], women: ['Sunita', 'Harpreet', 'Kavita', 'Rekha'],
    countries: ['India'], language: 'Punjabi',
  },
  {
    key: 'bangladeshi', weight: 3, ethnicities: [['ABAN', 1]],
    boys: ['Rahim', 'Tanvir', 'Sabbir', 'Arif', 'Nabil', 'Rafi'],
    girls: ['Sumaiya', 'Tasnim', 'Nusrat', 'Farzana', 'Ruksana', 'Mahira'],
    surnames: ['Miah', 'Uddin', 'Begum', 'Hussain', 'Islam', 'Rahman', 'Choudhury'],
    men: ['Abdul', 'Jamal', 'Kamal'], women: ['Shirin', 'Rehana', 'Sultana'],
    countries: ['Bangladesh'], language: 'Sylheti',
  },
  {
    key: 'african', weight: 7, ethnicities: [['BAFR', 1]],
    boys: ['Tobi', 'Chidi', 'Kwame', 'Kofi', 'Emeka', 'Tendai', 'Abdirahman', 'Mustafe', 'David', 'Samuel', 'Daniel', 'Olamide'],
    girls: ['Adaeze', 'Chiamaka', 'Ama', 'Esi', 'Tariro', 'Nyasha', 'Hodan', 'Ifrah', 'Blessing', 'Precious', 'Favour', 'Temitope'],
    surnames: ['Okonkwo', 'Adebayo', 'Mensah', 'Asante', 'Owusu', 'Chikwanha', 'Moyo', 'Warsame', 'Farah', 'Okafor', 'Nwosu', 'Boateng'],
    men: ['Emmanuel', 'Kwabena', 'Abdi', 'Tinashe'], women: ['Ngozi', 'Akosua', 'Fadumo', 'Rutendo'],
    countries: ['Nigeria', 'Ghana', 'Somalia', 'Zimbabwe', 'Kenya'], language: 'Somali',
  },
  {
    key: 'caribbean', weight: 3, ethnicities: [['BCRB', 1]],
    boys: ['Jermaine', 'Tyrese', 'Malachi', 'Kyrie', 'Josiah', 'Isaiah'],
    girls: ['Shanice', 'Tianna', 'Jada', 'Kezia', 'Nia', 'Aaliyah'],
    surnames: ['Campbell', 'Thompson', 'Grant', 'Francis', 'Stewart', 'McKenzie', 'Bailey', 'Clarke'],
    men: ['Delroy', 'Marlon', 'Winston'], women: ['Marcia', 'Yvonne', 'Sharon'],
    countries: ['Jamaica', 'Trinidad and Tobago', 'Barbados'], language: null,
  },
  {
    key: 'mixed', weight: 4, ethnicities: [['MWBC', 50], ['MWBA', 20], ['MWAS', 15], ['MOTH', 15]],
    boys: ['Kayden', 'Reuben', 'Ezra', 'Mason', 'Jaylen', 'Tristan', 'Elijah', 'Nathaniel'],
    girls: ['Amara', 'Leah', 'Layla', 'Imani', 'Maya', 'Keira', 'Serena', 'Jasmine'],
    surnames: ['Hartley-Campbell', 'Dunstan', 'Fairbrother', 'Okafor', 'Grant', 'Pennington', 'Mensah', 'Ridley'],
    men: ['Marcus', 'Jamie', 'Anthony'], women: ['Danielle', 'Chantelle', 'Rachel'],
    countries: ['Jamaica', 'Spain'], language: null,
  },
  {
    key: 'sanctuary', weight: 4, ethnicities: [['AOTH', 35], ['OOTH', 35], ['BAFR', 30]], asylum: 0.75,
    boys: ['Ahmad', 'Mohammad Reza', 'Farid', 'Rawand', 'Karwan', 'Yonas', 'Filmon', 'Omar', 'Yousef', 'Ali'],
    girls: ['Mariam', 'Parisa', 'Shilan', 'Helen', 'Selam', 'Hana', 'Rania', 'Layan', 'Zahra', 'Sara'],
    surnames: ['Ahmadzai', 'Rahimi', 'Karimi', 'Ahmed', 'Tesfay', 'Gebremedhin', 'Haile', 'Al-Hassan', 'Mohammadi', 'Abdalla'],
    men: ['Ghulam', 'Hassan', 'Tesfalem', 'Khaled'], women: ['Fereshta', 'Nazanin', 'Saba', 'Amal'],
    countries: ['Afghanistan', 'Eritrea', 'Sudan', 'Iraq', 'Syria'], language: 'Dari',
  },
  {
    key: 'chinese', weight: 1, ethnicities: [['CHNE', 1]],
    boys: ['Wei', 'Hao', 'Jun', 'Ka Ho'], girls: ['Mei', 'Xinyi', 'Wing Yan', 'Yuxuan'],
    surnames: ['Cheung', 'Lam', 'Zhou', 'Leung', 'Tsang'], men: ['Kwok', 'Ming'], women: ['Lai Fong', 'Li'],
    countries: ['Hong Kong', 'China'], language: 'Cantonese',
  },
];

const NICKNAMES: Readonly<Record<string, string>> = {
  Alexander: 'Alex', William: 'Billy', Samuel: 'Sam', Joshua: 'Josh', Daniel: 'Danny', Elizabeth: 'Libby', Katherine: 'Katie',
  Abigail: 'Abbie', Rebecca: 'Becky', Muhammad: 'Mo', Abdullah: 'Abdi', Olamide: 'Ola', Temitope: 'Tope', Nathaniel: 'Nate',
  'Mohammad Reza': 'Reza', Chiamaka: 'Amaka', Patrick: 'Paddy', Margaret: 'Maggie', Kathleen: 'Kathy', Thomas: 'Tom',
};

const SCHOOLS: readonly { name: string; estab: number; phase: 'primary' | 'secondary' | 'all' }[] = [
  { name: 'Northbridge Academy', estab: 4012, phase: 'secondary' },
  { name: "St Aidan's CE Primary", estab: 3318, phase: 'primary' },
  { name: "Tanner's Brook Primary", estab: 2041, phase: 'primary' },
  { name: 'Kestrel Vale Academy', estab: 4027, phase: 'secondary' },
  { name: 'Mill Lock Junior School', estab: 2215, phase: 'primary' },
  { name: 'Harrowgate Fields Primary', estab: 2087, phase: 'primary' },
  { name: 'Northbridge Riverside College', estab: 4103, phase: 'secondary' },
  { name: 'Copperbeech Primary', estab: 2119, phase: 'primary' },
  { name: 'Old Wharf Infant School', estab: 2230, phase: 'primary' },
  { name: 'Larkspur Green Primary', estab: 2154, phase: 'primary' },
  { name: 'Brindle Hill School', estab: 7009, phase: 'all' },
  { name: 'Saltmarsh Academy', estab: 4071, phase: 'secondary' },
  { name: 'Foundry Lane Primary', estab: 2176, phase: 'primary' },
  { name: 'Heron Quay High School', estab: 4055, phase: 'secondary' },
  { name: 'Our Lady of the Bridge Catholic Primary', estab: 3402, phase: 'primary' },
  { name: "Weaver's Cross Academy", estab: 4140, phase: 'secondary' },
  { name: 'Northbridge East High School', estab: 4033, phase: 'secondary' },
  { name: 'Ropewalk Primary', estab: 2198, phase: 'primary' },
  { name: 'Cinder Bank Junior School', estab: 2242, phase: 'primary' },
  { name: "Bellfounders' Free School", estab: 4160, phase: 'all' },
];

const AP_PROVIDERS = [
  'Northbridge Pupil Referral Unit', 'Bridgeway Alternative Provision', 'Kestrel Vale Farm Project', 'Skills Hub Northbridge',
  'Brightpath Online Tuition', 'Northbridge Boxing and Mentoring Academy', 'Second Wind Motor Vehicle Project',
];
const MEDICAL_PROVIDERS = ['Northbridge Hospital Education Service', 'Home tuition (Northbridge Medical Needs Team)', 'Brightpath Online Tuition'];
const TUITION_PROVIDERS = ['Home tuition (Northbridge SEND Tuition Service)', 'Brightpath Online Tuition', 'Kestrel Tutors (unregistered)'];

const STREETS = [
  'Tanner Street', 'Kestrel Close', 'Foundry Row', 'Wharfside Lane', 'Bellfounder Way', 'Cinder Bank', "Weaver's Court", 'Old Mill Road',
  'Ropewalk', 'Heron Drive', 'Larkspur Avenue', 'Copperbeech Crescent', 'Saltmarsh Road', 'Brindle Hill', 'Canal Side', "Lockkeeper's Walk",
  'Gasworks Lane', 'Maltings Yard', 'Chandler Street', 'Quarry Bank Road', 'Spinners Way', 'Bobbin Terrace', 'Sluice Gate Road', 'Kiln Street',
  'Tollhouse Lane', 'Barge Walk', 'Sheepwash Lane', 'Dyers Row', 'Cooperage Close', 'Flax Mill Avenue', 'Slipway Road', 'Tinkers Green',
];
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Where families go: a city and the local authority that would take the CME referral. */
const ELSEWHERE: readonly (readonly [string, string])[] = [
  ['Leicester', 'Leicester City Council'], ['Peterborough', 'Peterborough City Council'], ['Luton', 'Luton Borough Council'],
  ['Chelmsford', 'Essex County Council'], ['Bristol', 'Bristol City Council'], ['Bradford', 'City of Bradford Metropolitan District Council'],
  ['Maidstone', 'Kent County Council'], ['Northampton', 'West Northamptonshire Council'], ['Birmingham', 'Birmingham City Council'],
  ['Derby', 'Derby City Council'], ['Slough', 'Slough Borough Council'], ['Norwich', 'Norfolk County Council'],
];
const LOOKED_AFTER_LAS = [
  'Northbridge Borough Council', 'Northbridge Borough Council', 'Northbridge Borough Council', 'Kent County Council',
  'Essex County Council', 'Birmingham City Council', 'Surrey County Council', 'Lancashire County Council', 'Hertfordshire County Council',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface OfficerSpec {
  name: string;
  title: string;
  team: Team;
  active: boolean;
  /** Line managers who may authorise closures (003 App. D/E). */
  manager?: boolean;
}

const OFFICERS: readonly OfficerSpec[] = [
  { name: 'Dana Whitcombe', title: 'CME Officer', team: 'cme', active: true },
  { name: 'Imran Shafiq', title: 'CME Officer', team: 'cme', active: true },
  { name: 'Lucy Penhallow', title: 'CME Administrator', team: 'cme', active: true },
  { name: 'Gareth Lowden', title: 'Systems Lead for Inclusion', team: 'inclusion', active: true, manager: true },
  { name: 'Aisha Rahman-Hale', title: 'Head of Inclusion', team: 'inclusion', active: true, manager: true },
  { name: 'Nadia Kowalczyk', title: 'Inclusion Manager', team: 'inclusion', active: true, manager: true },
  { name: 'Tom Ashworth-Reid', title: 'Inclusion Officer', team: 'inclusion', active: true },
  { name: 'Precious Adeyemi-Ford', title: 'Inclusion Officer', team: 'inclusion', active: false },
  { name: 'Martin Oyelaran', title: 'Senior Education Welfare Officer', team: 'education_welfare', active: true },
  { name: 'Kerry Dunmore', title: 'Education Welfare Officer', team: 'education_welfare', active: true },
  { name: 'Sanjay Mistry-Vale', title: 'Education Welfare Officer', team: 'education_welfare', active: true },
  { name: 'Beth Carrowmore', title: 'Education Welfare Officer', team: 'education_welfare', active: false },
  { name: 'Alison Tregear', title: 'Admissions Manager', team: 'admissions', active: true },
  { name: 'Rory Fenwick', title: 'Admissions Officer', team: 'admissions', active: true },
  { name: 'Farah Siddiqui-Lane', title: 'SEN Officer', team: 'sen', active: true },
  { name: 'Owen Pritchard', title: 'SEN Officer', team: 'sen', active: true },
  { name: 'Claire Boatengwood', title: 'SEN Casework Manager', team: 'sen', active: true },
  { name: 'Jennifer Halloran', title: 'Head of Virtual School', team: 'virtual_school', active: true },
  { name: 'Marcus Greenidge', title: 'Virtual School Education Adviser', team: 'virtual_school', active: true },
  { name: 'Dean Whitlock', title: 'YOS Education Worker', team: 'yos', active: true },
  { name: 'Rachel Mensah-Doyle', title: 'Team Manager, Children in Need', team: 'childrens_social_care', active: true },
  { name: 'Ewa Nowicka', title: 'MASH Officer', team: 'mash', active: true },
  { name: 'Philippa Crane', title: 'EHE Officer', team: 'ehe', active: true },
  { name: 'Joanne Lister', title: 'Health Liaison Nurse', team: 'health', active: true },
];

const SOCIAL_WORKERS = ['Jo Pembridge', 'Sam Okoro-Hill', 'Hannah Welby', 'Yusuf Demir', 'Kate Ansell', 'Grace Ofori', 'Liam Ruddock', 'Bea Sandoval'];

// ---------------------------------------------------------------------------------------------
// In-memory plan (phase 1), written in notification order (phase 2)

interface AddressSpec {
  line1: string;
  line2: string | null;
  town: string;
  postcode: string;
  fromDate: string | null;
  toDate: string | null;
  current: boolean;
}

interface AdultSpec {
  name: string;
  relationship: string;
  phone: string | null;
  email: string | null;
  notes: string | null;
}

interface Household {
  group: NameGroup;
  surname: string;
  familyId: number | null;
  size: number;
  shared: { fsm: boolean; asylum: boolean; armed: boolean; cp: boolean; cin: boolean };
  addresses: AddressSpec[] | null;
  adults: AdultSpec[] | null;
}

interface ChildSpec {
  household: Household;
  forenames: string;
  firstName: string;
  surname: string;
  knownAs: string | null;
  formerNames: string | null;
  dob: string;
  gender: string;
  ethnicity: Ethnicity;
  upn: string | null;
  flags: {
    ehcp: boolean; sen: boolean; fsm: boolean; lac: boolean; cp: boolean; cin: boolean; yos: boolean; grt: boolean;
    carer: boolean; asylum: boolean; armed: boolean; missing: boolean; exploitation: boolean;
  };
  lookedAfterLa: string | null;
  socialWorker: string | null;
  school: (typeof SCHOOLS)[number];
  id: number | null;
}

interface CaseSpec {
  child: ChildSpec;
  household: Household;
  register: Register;
  open: boolean;
  notified: string;
  closedOn: string | null;
  closure: ClosureReason | null;
  /** For a PMOE case closed because the pupil came off roll and moved to the CME register. */
  movedToCme: boolean;
  /** For a CME case that follows such a PMOE case. */
  fromPmoe: boolean;
  order: number;
}

// ---------------------------------------------------------------------------------------------
// Writing rows (statements prepared once; audit row per inserted row, as auditedInsert does)

type Row = Record<string, string | number | null>;

class Writer {
  private readonly stmts = new Map<string, Database.Statement>();
  constructor(
    private readonly db: Db,
    private readonly ctx: WriteContext,
  ) {
  }

  /** `self` links the audit row to the new row's own id (a case's or a child's creation row). */
  insert(table: string, entity: string, values: Row, link: { caseId?: number | null; childId?: number | null; self?: 'case' | 'child' } = {}): number {
    const cols = Object.keys(values);
    const key = `${table}|${cols.join(',')}`;
    let stmt = this.stmts.get(key);
    if (!stmt) {
      stmt = this.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      this.stmts.set(key, stmt);
    }
    const args = cols.map((c) => values[c] ?? null);
    const id = Number(stmt.run(...args).lastInsertRowid);
    const shown: Row = {};
    for (const c of cols) {
      const v = values[c];
      if (v !== null && v !== undefined && c !== 'created_at') shown[c] = v;
    }
    const caseId = link.self === 'case' ? id : (link.caseId ?? null);
    const childId = link.self === 'child' ? id : (link.childId ?? null);
    appendAudit(this.db, {
      at: this.ctx.now(), actor: this.ctx.actor, source: this.ctx.source, action: 'insert', entity, entity_id: id, field: null,
      old_value: null, new_value: JSON.stringify(shown), case_id: caseId, child_id: childId, op: null,
    });
    return id;
  }
}

// ---------------------------------------------------------------------------------------------
// Text

const CHECK_TEXT: Readonly<Record<string, { miss: readonly string[]; found: readonly string[] }>> = {
  housing: {
    miss: ['No trace on housing system', 'Housing: tenancy at last known address ended in {month}; no forwarding address', 'Housing register: family not known'],
    found: ['Housing: family placed in temporary accommodation in Northbridge; address confirmed', 'Housing: family on the register at a new Northbridge address'],
  },
  council_tax: {
    miss: ['No council tax account in the family\'s name at the last known address', 'Council tax: account closed in {month}; forwarding address not given', 'Council tax: no trace'],
    found: ['Council tax: new account in the mother\'s name at a Northbridge address', 'Council tax: family liable at an address in the east of the borough'],
  },
  health_nhs: {
    miss: ['Not registered with a Northbridge GP', 'NHS: registration transferred out of area; practice would not give the new address', 'School nursing: no contact since last year'],
    found: ['Registered with GP at Northbridge Health Centre, address confirmed', 'NHS: registered with a Northbridge GP since {month}; new address obtained'],
  },
  police: {
    miss: ['Police: no information held', 'Police: family not known', 'Police: concern call logged at the address in {month}; no further information'],
    found: ['Police: officers visited the new address on a welfare check; child seen'],
  },
  benefits_hmrc: {
    miss: ['Child benefit enquiry sent to HMRC; awaiting reply', 'HMRC: child benefit still paid at the last known address', 'DWP: no change of address notified'],
    found: ['HMRC: child benefit address updated to a new Northbridge address'],
  },
  home_office: {
    miss: ['Home Office: enquiry made through the designated officer; no trace', 'Home Office: no record of departure from the UK'],
    found: ['Home Office: family moved to asylum accommodation in Northbridge; address confirmed'],
  },
  social_care_system: {
    miss: ['Not known to children\'s social care', 'Closed child in need case two years ago; no current involvement', 'Open to social care; social worker informed of the referral'],
    found: ['Social worker confirms the child is living with grandmother in Northbridge'],
  },
  admissions_system: {
    miss: ['No in-year application in Northbridge', 'Admissions: no application since leaving {school}', 'No record on the admissions system'],
    found: ['In-year application received; family living at a new Northbridge address', 'Admissions: application received, place offered at {school}'],
  },
  last_school: {
    miss: ['School made 10 school days of enquiries: calls and a letter, no response', 'School: sibling also absent; last contact with mother in {month}', 'School confirms the CTF has not been requested by another school'],
    found: ['School heard from mother: family moved across town; new address confirmed'],
  },
  key_to_success: {
    miss: ['Key to Success: no school has requested the CTF', 'Key to Success: CTF uploaded, not yet downloaded'],
    found: ['Key to Success: CTF downloaded by Northbridge Admissions after an in-year application'],
  },
  s2s_lost_pupil: {
    miss: ['Name added to the S2S lost pupil database', 'S2S: no match found'],
    found: ['S2S: match found; child living in Northbridge with a relative'],
  },
  home_visit: {
    miss: ['Home visit: no answer, calling card left', 'Home visit: no answer, neighbour says family moved to {city}', 'Home visit: new tenants in the property, family unknown to them'],
    found: ['Home visit: mother seen with the child; child well, family wants a school place', 'Home visit: child seen at home; parent agreed to apply for a school place'],
  },
  other_la: {
    miss: ['Enquiry sent to the {la} CME team; awaiting response', '{la}: child not known'],
    found: ['{la}: family stayed there briefly and has returned to Northbridge; new address given'],
  },
  phone_call: {
    miss: ['Called mother\'s mobile: number not recognised', 'Called parent: no answer, voicemail left', 'Called parent: phone switched off'],
    found: ['Spoke to mother: family moved to a new Northbridge address; wants a school place', 'Spoke to father: child living with him in Northbridge'],
  },
  letter: {
    miss: ['Letter sent to last known address asking the parent to make contact', 'Recorded delivery letter returned: not known at this address'],
    found: ['Parent phoned in response to our letter; new Northbridge address confirmed'],
  },
  email: {
    miss: ['E-mail to parent bounced back', 'E-mail sent to parent; no reply'],
    found: ['Parent replied by e-mail confirming the new address'],
  },
  other: {
    miss: ['Checked with the early help team: not known', 'Checked with the refugee support project: no recent contact'],
    found: ['Refugee support project confirms the family\'s new address in Northbridge'],
  },
};

const PMOE_CHECK_TEXT: Readonly<Record<string, readonly string[]>> = {
  last_school: ['SENCo confirms pupil is on {hours} hours a week; review booked', 'School: attendance at the alternative provision 70% this half term', 'School sent timetable and risk assessment'],
  phone_call: ['Spoke to parent: pupil anxious about returning full time', 'Called the provider: pupil attending all sessions', 'Called parent: happy with the plan to increase hours'],
  email: ['Timetable and risk assessment received from school', 'Provider confirmed registration and safeguarding arrangements by e-mail'],
  home_visit: ['Home visit with EWO: pupil seen, engaging with tuition', 'Home visit: pupil seen, not attending the provision; parent to be supported'],
  social_care_system: ['Open to social care; social worker aware of the part-time timetable', 'Not known to children\'s social care'],
  letter: ['Letter to parent confirming the reduced timetable and the review date'],
  other: ['CAMHS appointment confirmed for next month', 'Educational psychologist consultation booked'],
};

const CME_NOTES = [
  'Letter sent to last known address asking the parent to make contact.',
  'Called mother\'s mobile: no answer, voicemail left.',
  'Discussed at CME panel. Lead officer allocated; actions agreed: home visit and housing check.',
  'Reasonable-steps check with the last school: school made 10 school days of enquiries before referral.',
  'Checked with the admissions team: no in-year application yet. Application form posted to the family.',
  'Reviewed at panel: all database checks done; agreed a final home visit before S2S.',
  'Parent says the family may home educate; EHE officer informed.',
  'Interpreter booked for the next home visit.',
];
const PMOE_NOTES = [
  'Half-termly return: pupil on {hours} hours a week.',
  'Reduced timetable review meeting with school and parent; hours to increase by five a week.',
  'Discussed at PMOE panel; criteria of concern reviewed and RAG rating agreed.',
  'School asked for the reintegration plan and the date of the next review.',
  'EHCP annual review brought forward; SEN officer consulting special schools.',
  'Provider visited by the Inclusion Officer: registers, safeguarding and curriculum checked.',
];

const RED_REASONS = ['Whereabouts unknown; no contact with the family', 'Not in any education and no start date', 'Unable to trace after all database checks', 'Family not engaging; several missed visits'];
const AMBER_REASONS = ['Located; awaiting a school place', 'Family engaging but no start date yet', 'Part-time provision; attendance patchy', 'Reduced timetable under review', 'Awaiting the outcome of other LA enquiries'];
const GREEN_REASONS = ['Place offered; start date agreed', 'Timetable increasing; full time expected at review', 'Attending provision well; reintegration planned', 'Located; admission in progress'];

const OTHER_CLOSURE_DETAILS = ['Duplicate referral (already on the register)', 'Referral withdrawn: child was on roll throughout', 'Placed in a residential special school out of area'];

// ---------------------------------------------------------------------------------------------

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const minIso = (a: string, b: string) => (a < b ? a : b);
const lowerAsciiSlug = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ł/g, 'l').replace(/[^a-z]+/g, '');

/** Adds the default proportions of open (300) and closed (1,000) cases. */
function caseCounts(o: DemoOptions): { open: number; closed: number } {
  if (o.cases !== undefined) {
    const total = Math.max(0, Math.floor(o.cases));
    const open = o.openCases ?? Math.round((total * 300) / 1300);
    return { open, closed: o.closedCases ?? Math.max(0, total - open) };
  }
  return { open: o.openCases ?? 300, closed: o.closedCases ?? 1000 };
}

export function loadDemo(db: Db, ctx: WriteContext, options: DemoOptions): DemoResult {
  const today = toIso(parseIso(options.today));
  const rng = new Rng(options.seed ?? 1);
  const { open: openTarget, closed: closedTarget } = caseCounts(options);
  const w = new Writer(db, ctx);
  const stamp = (date: string) => `${date}T${pad(rng.int(8, 17), 2)}:${pad(rng.int(0, 59), 2)}:${pad(rng.int(0, 59), 2)}.000Z`;

  // Officers -----------------------------------------------------------------------------------
  const officerIds = new Map<string, number>();
  for (const o of OFFICERS) {
    must(VOCAB.team, o.team, 'team');
    const id = w.insert('officers', 'officer', {
      name: o.name,
      job_title: o.title,
      team: o.team,
      email: `${o.name.split(' ').map(lowerAsciiSlug).join('.')}@example.gov.uk`,
      active: o.active ? 1 : 0,
      is_manager: o.manager ? 1 : 0,
      created_at: `${addDays(today, -1500 + rng.int(0, 900))}T09:00:00.000Z`,
    });
    officerIds.set(o.name, id);
  }
  const byTeam = (...teams: Team[]) => OFFICERS.filter((o) => o.active && teams.includes(o.team));
  const inactive = OFFICERS.filter((o) => !o.active);
  const checkers = byTeam('cme', 'education_welfare', 'admissions', 'mash');
  const cmeAdmin = OFFICERS.find((o) => o.title === 'CME Administrator') ?? (OFFICERS[0] as OfficerSpec);

  // Phase 1: households, children and the core of each case -----------------------------------
  const usedUpns = new Set<string>();
  const cases: CaseSpec[] = [];
  let order = 0;
  const earliest = addDays(today, -1095);

  const makeUpn = (dob: string, school: (typeof SCHOOLS)[number]): string => {
    for (;;) {
      const la = rng.weighted<string>([['317', 85], ['881', 5], ['886', 4], ['936', 3], ['330', 3]]);
      const year = pad((Number(dob.slice(0, 4)) + 4 + rng.int(0, 2)) % 100, 2);
      const body = `${la}${pad(school.estab, 4)}${year}${pad(rng.int(0, 999), 3)}`;
      const upn = upnCheckLetter(body) + body;
      if (!usedUpns.has(upn)) {
        usedUpns.add(upn);
        return upn;
      }
    }
  };

  const newHousehold = (size: number, familyNeeded: boolean): Household => {
    const group = rng.weighted(GROUPS.map((g) => [g, g.weight] as const));
    return {
      group,
      surname: rng.pick(group.surnames),
      familyId: familyNeeded ? 0 : null,
      size,
      shared: {
        fsm: rng.chance(0.35),
        asylum: rng.chance(group.asylum ?? 0.004),
        armed: rng.chance(0.02),
        cp: rng.chance(0.05),
        cin: rng.chance(0.1),
      },
      addresses: null,
      adults: null,
    };
  };

  // Year group at notification: weighted towards secondary.
  const YG_WEIGHTS: readonly (readonly [number, number])[] = [
    [0, 3], [1, 5], [2, 5], [3, 6], [4, 6], [5, 7], [6, 7], [7, 10], [8, 11], [9, 12], [10, 12], [11, 8],
  ];
  const dobFor = (onDate: string, yg: number): string => {
    const cohortEndYear = schoolYearStartYear(onDate) - 4 - yg;
    return addDays(`${cohortEndYear - 1}-09-01`, rng.int(0, 364));
  };

  /**
   * A DOB so the child is of compulsory school age on `notified` and, for open cases, still on
   * `today`; for closed cases (other than end of CSA) still on the day closed.
   */
  const leavingDayThisYear = lastFridayOfJune(schoolYearStartYear(today) + 1);
  const pickDob = (notified: string, stillOn: string, avoid: Set<number>): string | null => {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const yg = rng.weighted(YG_WEIGHTS);
      if (avoid.has(yg) && attempt < 30) continue;
      const dob = dobFor(notified, yg);
      const csa = compulsorySchoolAge(dob);
      // Only a handful of open cases are Year 11s whose compulsory school age ends this school year.
      if (stillOn === today && csa.ends <= leavingDayThisYear && attempt < 30 && !rng.chance(0.35)) continue;
      if (csa.starts <= notified && csa.ends >= stillOn) {
        avoid.add(yg);
        return dob;
      }
    }
    return null;
  };

  const makeChild = (h: Household, dob: string): ChildSpec => {
    const g = h.group;
    const female = rng.chance(0.49);
    const gender = rng.chance(0.004) ? 'not_known' : female ? 'female' : 'male';
    let [first, nick] = rng.pick(female ? g.girls : g.boys).split('/') as [string, string | undefined];
    if (!nick && NICKNAMES[first] && rng.chance(0.5)) nick = NICKNAMES[first];
    const middle = rng.chance(0.3) ? rng.pick(female ? g.girls : g.boys).split('/')[0] : null;
    const forenames = middle && middle !== first ? `${first} ${middle}` : first;
    const surname = rng.chance(0.88) ? h.surname : rng.pick(g.surnames);
    const knownAs = nick && rng.chance(0.8) ? nick : null;
    const formerNames = rng.chance(0.05) ? `${first} ${rng.pick(g.surnames.filter((s) => s !== surname).concat(['Smith-Ellery']))}` : null;
    const school = pickSchool(dob);
    const lac = rng.chance(0.06);
    const ehcp = rng.chance(0.12);
    const age = Number(today.slice(0, 4)) - Number(dob.slice(0, 4));
    const flags = {
      ehcp,
      sen: !ehcp && rng.chance(0.2),
      fsm: h.shared.fsm,
      lac,
      cp: !lac && h.shared.cp,
      cin: !lac && !h.shared.cp && h.shared.cin,
      yos: age >= 11 && rng.chance(0.065),
      grt: rng.chance(g.gypsyRomaTraveller ?? 0),
      carer: rng.chance(0.03),
      asylum: h.shared.asylum,
      armed: h.shared.armed,
      missing: rng.chance(lac ? 0.25 : 0.04),
      exploitation: age >= 11 && rng.chance(0.045),
    };
    return {
      household: h,
      forenames,
      firstName: first,
      surname,
      knownAs,
      formerNames,
      dob,
      gender: must(VOCAB.gender, gender, 'gender'),
      ethnicity: must(VOCAB.ethnicity, rng.weighted(g.ethnicities), 'ethnicity'),
      upn: rng.chance(0.3) ? makeUpn(dob, school) : null,
      flags,
      lookedAfterLa: lac ? rng.pick(LOOKED_AFTER_LAS) : null,
      socialWorker: lac || flags.cp || flags.cin ? `${rng.pick(SOCIAL_WORKERS)} (${lac ? 'Virtual School / CLA team' : 'Northbridge CSC'})` : null,
      school,
      id: null,
    };
  };

  const pickSchool = (dob: string): (typeof SCHOOLS)[number] => {
    const age = Number(today.slice(0, 4)) - Number(dob.slice(0, 4));
    const phase = age >= 12 ? 'secondary' : 'primary';
    return rng.pick(SCHOOLS.filter((s) => s.phase === phase || s.phase === 'all'));
  };

  const sizeOf = (budget: number) => (budget >= 2 && rng.chance(0.07) ? Math.min(budget, rng.chance(0.7) ? 2 : 3) : 1);

  const addCase = (c: Omit<CaseSpec, 'order'>) => cases.push({ ...c, order: order++ });

  // Open cases: notified within the last ~14 months; 40% in the last two months, ~28% long-term.
  let openLeft = openTarget;
  let closedLeft = closedTarget;
  let guard = 0;
  while (openLeft > 0 && guard++ < openTarget * 50) {
    const size = sizeOf(openLeft);
    const h = newHousehold(size, size > 1);
    const register: Register = rng.chance(0.6) ? 'CME' : 'PMOE';
    const ageDays = rng.weighted<[number, number]>([[[0, 60], 40], [[61, 182], 32], [[183, 425], 28]]);
    const notified = addDays(today, -rng.int(ageDays[0], ageDays[1]));
    const avoid = new Set<number>();
    const dobs: string[] = [];
    for (let i = 0; i < size; i += 1) {
      const dob = pickDob(notified, today, avoid);
      if (dob) dobs.push(dob);
    }
    if (dobs.length === 0) continue;
    h.size = dobs.length;
    if (h.size < 2) h.familyId = null;
    for (const dob of dobs) {
      const child = makeChild(h, dob);
      let fromPmoe = false;
      // A few CME cases follow a PMOE case for the same child (taken off roll → CME register).
      if (register === 'CME' && h.size === 1 && closedLeft > 0 && rng.chance(0.04)) {
        const pmoeNotified = addDays(notified, -rng.int(60, 300));
        const pmoeClosed = addDays(notified, -rng.int(0, 7));
        const csa = compulsorySchoolAge(dob);
        if (pmoeNotified >= earliest && csa.starts <= pmoeNotified && diffDays(pmoeNotified, pmoeClosed) >= 14) {
          addCase({ child, household: h, register: 'PMOE', open: false, notified: pmoeNotified, closedOn: pmoeClosed, closure: 'other', movedToCme: true, fromPmoe: false });
          closedLeft -= 1;
          fromPmoe = true;
        }
      }
      addCase({ child, household: h, register, open: true, notified, closedOn: null, closure: null, movedToCme: false, fromPmoe });
      openLeft -= 1;
    }
  }

  // Closed cases: notified within the last three years; closed after notification, not after today.
  const CME_CLOSURES: readonly (readonly [ClosureReason, number])[] = [
    ['on_roll_attending', 44], ['moved_other_la', 18], ['moved_overseas', 14], ['ehe_confirmed', 8], ['end_of_csa', 4], ['unresolved_lost', 8], ['other', 4],
  ];
  const PMOE_CLOSURES: readonly (readonly [ClosureReason, number])[] = [
    ['full_time_education_restored', 55], ['on_roll_attending', 14], ['moved_other_la', 8], ['ehe_confirmed', 6], ['end_of_csa', 9], ['moved_overseas', 3], ['other', 5],
  ];
  const DURATION: Readonly<Record<ClosureReason, readonly [number, number]>> = {
    on_roll_attending: [10, 140], moved_other_la: [14, 160], moved_overseas: [7, 120], ehe_confirmed: [14, 100], end_of_csa: [20, 280],
    full_time_education_restored: [30, 240], unresolved_lost: [150, 420], other: [5, 90],
  };
  guard = 0;
  while (closedLeft > 0 && guard++ < closedTarget * 50) {
    const register: Register = rng.chance(0.6) ? 'CME' : 'PMOE';
    const closure = must(VOCAB.closure, rng.weighted(register === 'CME' ? CME_CLOSURES : PMOE_CLOSURES), 'closure reason');
    if (closure === 'end_of_csa') {
      // Year 11 leavers: closed on the last Friday of June (the end of compulsory school age).
      const h = newHousehold(1, false);
      const leaveYear = rng.int(Number(earliest.slice(0, 4)), Number(today.slice(0, 4)));
      const dob = addDays(`${leaveYear - 17}-09-01`, rng.int(0, 364));
      const closedOn = compulsorySchoolAge(dob).ends;
      const notified = addDays(closedOn, -rng.int(DURATION.end_of_csa[0], DURATION.end_of_csa[1]));
      if (closedOn > today || notified < earliest) continue;
      addCase({ child: makeChild(h, dob), household: h, register, open: false, notified, closedOn, closure, movedToCme: false, fromPmoe: false });
      closedLeft -= 1;
      continue;
    }
    const size = sizeOf(closedLeft);
    const h = newHousehold(size, size > 1);
    const [lo, hi] = DURATION[closure];
    const dur = rng.int(lo, hi);
    const notified = addDays(today, -(dur + rng.int(0, Math.max(0, 1095 - dur))));
    const closedOn = addDays(notified, dur);
    const avoid = new Set<number>();
    const dobs: string[] = [];
    for (let i = 0; i < size; i += 1) {
      const dob = pickDob(notified, closedOn, avoid);
      if (dob) dobs.push(dob);
    }
    if (dobs.length === 0) continue;
    h.size = dobs.length;
    if (h.size < 2) h.familyId = null;
    for (const dob of dobs) {
      addCase({ child: makeChild(h, dob), household: h, register, open: false, notified, closedOn, closure, movedToCme: false, fromPmoe: false });
      closedLeft -= 1;
    }
  }

  // Lead officers who have left still hold a few open cases (3 each at the default size).
  const openOrdinals = cases.filter((c) => c.open).map((c) => c.order);
  const perLeaver = openOrdinals.length === 0 ? 0 : Math.max(3, Math.round(openOrdinals.length * 0.01));
  const leaverOf = new Map<number, OfficerSpec>();
  rng.sample(openOrdinals, perLeaver * inactive.length).forEach((ord, i) => leaverOf.set(ord, inactive[i % inactive.length] as OfficerSpec));

  // Phase 2: write in notification order so references run in date order ---------------------
  cases.sort((a, b) => (a.notified < b.notified ? -1 : a.notified > b.notified ? 1 : a.order - b.order));
  const seqs = new Map<string, number>();

  const postcode = () => `NB${rng.int(1, 9)} ${rng.int(1, 9)}${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`;
  const phone = () => `07700 900${pad(rng.int(0, 999), 3)}`;
  const streetAddress = (): { line1: string; line2: string | null } => {
    const street = rng.pick(STREETS);
    if (rng.chance(0.2)) return { line1: `Flat ${rng.int(1, 24)}`, line2: `${rng.int(1, 140)} ${street}` };
    return { line1: `${rng.int(1, 180)} ${street}`, line2: null };
  };
  const fill = (t: string, vars: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? k);

  const householdAddresses = (h: Household, child: ChildSpec, notified: string): AddressSpec[] => {
    if (h.addresses) return h.addresses;
    const list: AddressSpec[] = [];
    const movedIn = addDays(notified, -rng.int(20, 900));
    const temp = child.flags.asylum && rng.chance(0.3);
    const cur = temp ? { line1: `Room ${rng.int(1, 40)}, Bridgeside House`, line2: 'Wharfside Lane' } : streetAddress();
    if (rng.chance(0.3)) {
      const prev = streetAddress();
      const prevFrom = addDays(movedIn, -rng.int(180, 1500));
      list.push({ ...prev, town: 'Northbridge', postcode: postcode(), fromDate: prevFrom, toDate: addDays(movedIn, -1), current: false });
    }
    list.push({ ...cur, town: 'Northbridge', postcode: postcode(), fromDate: rng.chance(0.85) ? movedIn : null, toDate: null, current: true });
    h.addresses = list;
    return list;
  };

  const householdAdults = (h: Household, child: ChildSpec): AdultSpec[] => {
    if (h.adults) return h.adults;
    const g = h.group;
    const list: AdultSpec[] = [];
    const person = (female: boolean, surname: string) => {
      const first = rng.pick(female ? g.women : g.men);
      return { name: `${first} ${surname}`, email: rng.chance(0.6) ? `${lowerAsciiSlug(first)}.${lowerAsciiSlug(surname)}${rng.int(1, 99)}@example.com` : null };
    };
    const note = () => {
      if (g.language && rng.chance(0.3)) return `Interpreter needed (${g.language})`;
      return rng.weighted<string | null>([[null, 80], ['Prefers contact by text', 6], ['Works nights: call after 2pm', 5], ['Does not live with the child; has parental responsibility', 5], ['Do not share the address with the father (court order)', 2]]);
    };
    if (child.flags.lac) {
      const carer = person(rng.chance(0.7), rng.pick(GROUPS[0]?.surnames ?? ['Hartley']));
      list.push({ ...carer, relationship: 'Foster carer', phone: phone(), notes: 'Placement made by the looked-after LA' });
      if (rng.chance(0.5)) {
        const mum = person(true, h.surname);
        list.push({ ...mum, relationship: 'Mother (birth parent)', phone: rng.chance(0.6) ? phone() : null, notes: 'Contact supervised; check with social worker before calling' });
      }
    } else {
      const firstRel = rng.weighted<string>([['Mother', 72], ['Father', 14], ['Grandmother', 6], ['Aunt', 3], ['Special guardian', 3], ['Kinship carer', 2]]);
      const female = !['Father'].includes(firstRel);
      const a = person(female, rng.chance(0.8) ? h.surname : rng.pick(g.surnames));
      list.push({ ...a, relationship: firstRel, phone: rng.chance(0.92) ? phone() : null, notes: note() });
      if (rng.chance(0.45)) {
        const secondRel = firstRel === 'Mother' ? rng.weighted<string>([['Father', 70], ['Stepfather', 20], ["Mother's partner", 10]]) : 'Mother';
        const b = person(secondRel === 'Mother', h.surname);
        list.push({ ...b, relationship: secondRel, phone: rng.chance(0.8) ? phone() : null, notes: note() });
      }
    }
    h.adults = list;
    return list;
  };

  const writeChild = (child: ChildSpec, notified: string): number => {
    if (child.id !== null) return child.id;
    const h = child.household;
    if (h.familyId === 0) h.familyId = w.insert('families', 'family', { created_at: stamp(notified) });
    const created = stamp(notified);
    const f = child.flags;
    const searchKey = [child.forenames, child.surname, child.knownAs ?? '', child.formerNames ?? ''].join(' ').toLowerCase();
    const id = w.insert('children', 'child', {
      forenames: child.forenames,
      surname: child.surname,
      known_as: child.knownAs,
      former_names: child.formerNames,
      date_of_birth: child.dob,
      gender: child.gender,
      ethnicity: child.ethnicity,
      upn: child.upn,
      family_id: h.familyId,
      ehcp: +f.ehcp,
      sen_support: +f.sen,
      fsm: +f.fsm,
      looked_after: +f.lac,
      looked_after_la: child.lookedAfterLa,
      child_protection_plan: +f.cp,
      child_in_need: +f.cin,
      social_worker: child.socialWorker,
      youth_offending: +f.yos,
      gypsy_roma_traveller: +f.grt,
      young_carer: +f.carer,
      asylum_refugee: +f.asylum,
      armed_forces_family: +f.armed,
      missing_from_home_or_care: +f.missing,
      at_risk_of_exploitation: +f.exploitation,
      search_key: searchKey,
      created_at: created,
    }, { self: 'child' });
    child.id = id;
    for (const a of householdAddresses(h, child, notified)) {
      w.insert('addresses', 'address', {
        child_id: id, line1: a.line1, line2: a.line2, town: a.town, postcode: a.postcode, from_date: a.fromDate, to_date: a.toDate,
        is_current: a.current ? 1 : 0, created_at: created,
      }, { childId: id });
    }
    for (const a of householdAdults(h, child)) {
      w.insert('adults', 'adult', {
        child_id: id, name: a.name, relationship: a.relationship, phone: a.phone, email: a.email, notes: a.notes, created_at: created,
      }, { childId: id });
    }
    return id;
  };

  const leadFor = (c: CaseSpec): OfficerSpec => {
    const f = c.child.flags;
    if (f.lac && rng.chance(0.5)) return rng.pick(byTeam('virtual_school'));
    if (f.yos && rng.chance(0.4)) return rng.pick(byTeam('yos'));
    if (c.register === 'PMOE') {
      if (f.ehcp && rng.chance(0.6)) return rng.pick(byTeam('sen'));
      return rng.weighted([...byTeam('inclusion').map((o) => [o, o.title === 'Inclusion Officer' ? 4 : 1] as const), ...byTeam('education_welfare').map((o) => [o, 2] as const)]);
    }
    return rng.weighted([
      ...byTeam('cme').map((o) => [o, o.title === 'CME Officer' ? 8 : 1] as const),
      ...byTeam('education_welfare').map((o) => [o, 3] as const),
      ...byTeam('admissions').map((o) => [o, 2] as const),
      ...byTeam('inclusion').map((o) => [o, o.title === 'Inclusion Officer' ? 2 : 0.3] as const),
      ...byTeam('mash', 'ehe').map((o) => [o, 1] as const),
    ]);
  };

  const referral = (register: Register, reason: string, child: ChildSpec, school: string | null) => {
    const src: ReferralSource = must(VOCAB.source, register === 'PMOE'
      ? rng.weighted<ReferralSource>([['school', 62], ['inclusion', 14], ['send', 9], ['social_care_mash', 5], ['yot', 3], ['health', 4], ['other', 3]])
      : reason === 'removed_from_roll' || reason === 'left_without_destination'
        ? rng.weighted<ReferralSource>([['school', 80], ['inclusion', 10], ['other_la', 10]])
        : reason === 'ehe_unsuitable'
          ? 'ehe'
          : reason === 'not_on_roll_new_arrival' || reason === 'awaiting_school_place'
            ? rng.weighted<ReferralSource>([['admissions', 55], ['health', 12], ['public', 8], ['social_care_mash', 10], ['other', 15]])
            : rng.weighted<ReferralSource>([['school', 30], ['admissions', 12], ['other_la', 16], ['social_care_mash', 12], ['health', 6], ['police', 7], ['yot', 3], ['send', 3], ['inclusion', 5], ['public', 4], ['other', 2]]),
      'referral source');
    const anyGroup = rng.pick(GROUPS);
    const person = `${rng.pick(rng.chance(0.5) ? anyGroup.women : anyGroup.men)} ${rng.pick(anyGroup.surnames)}`;
    const [, otherLa] = rng.pick(ELSEWHERE);
    const agency: Readonly<Record<ReferralSource, string | null>> = {
      admissions: 'Northbridge School Admissions',
      school: school ?? child.school.name,
      other_la: `${otherLa} CME team`,
      ehe: 'Northbridge EHE team',
      social_care_mash: 'Northbridge MASH',
      health: 'Northbridge Community Health (school nursing)',
      yot: 'Northbridge Youth Offending Team',
      send: 'Northbridge SEND team',
      inclusion: 'Northbridge Inclusion team',
      police: 'Northshire Police',
      public: null,
      other: rng.pick(['Northbridge Housing Options', 'Bridge Welcome Project (refugee support)', 'Northbridge Early Help']),
    };
    const anonymous = src === 'public' && rng.chance(0.5);
    return {
      source: src,
      name: anonymous ? 'Anonymous caller' : person,
      agency: agency[src],
      contact: anonymous ? null : rng.chance(0.5) ? phone() : `${lowerAsciiSlug(person.split(' ')[0] ?? 'referrer')}.${lowerAsciiSlug(person.split(' ').slice(1).join(''))}@example.org`,
    };
  };

  const ragFor = (c: CaseSpec, hours: number | null, located: boolean): { rag: 'red' | 'amber' | 'green'; reason: string } => {
    const f = c.child.flags;
    const risky = f.cp || f.lac || f.missing || f.exploitation || (hours !== null && hours < 10) || (c.register === 'CME' && !located);
    const rag = rng.weighted<'red' | 'amber' | 'green'>(risky ? [['red', 30], ['amber', 48], ['green', 22]] : [['red', 8], ['amber', 42], ['green', 50]]);
    let reason: string;
    if (rag === 'red') {
      const specific: string[] = [];
      if (f.cp) specific.push('On a child protection plan and not in full-time education');
      if (f.missing) specific.push('Known to go missing from home or care');
      if (f.exploitation) specific.push('Referred to the missing and exploitation meeting');
      if (f.ehcp && c.register === 'PMOE') specific.push('EHCP; no suitable placement secured');
      if (hours !== null && hours < 10) specific.push('Under 10 hours a week');
      reason = specific.length > 0 && rng.chance(0.7) ? rng.pick(specific) : rng.pick(c.register === 'CME' && !located ? RED_REASONS : RED_REASONS.slice(1));
    } else {
      reason = rng.pick(rag === 'amber' ? AMBER_REASONS : GREEN_REASONS);
    }
    return { rag, reason };
  };

  for (const c of cases) {
    const child = c.child;
    const childId = writeChild(child, c.notified);
    const end = c.closedOn ?? today;
    const age = diffDays(c.notified, end);
    const f = child.flags;

    const year = Number(c.notified.slice(0, 4));
    const seqKey = `${c.register}-${year}`;
    const seq = (seqs.get(seqKey) ?? 0) + 1;
    seqs.set(seqKey, seq);

    const [city, la] = rng.pick(ELSEWHERE);
    const country = rng.pick(child.household.group.countries);
    const school = rng.pick(SCHOOLS).name;

    // Register-specific fields.
    let reason: string;
    let lastSchool: string | null = null;
    let lastAttendance: string | null = null;
    let pmoeSchool: string | null = null;
    let pmoeReason: PmoeReason | null = null;
    let hours: number | null = null;
    let provider: string | null = null;
    let reviewDate: string | null = null;
    let endDate: string | null = null;
    let departure: string | null = null;
    let destination: string | null = null;
    let located: string | null = null;

    if (c.register === 'CME') {
      const r: CmeReason = c.fromPmoe
        ? 'removed_from_roll'
        : c.closure === 'moved_overseas' && rng.chance(0.7)
          ? 'moved_abroad_unconfirmed'
          : rng.weighted<CmeReason>([
              ['whereabouts_unknown', 20], ['left_without_destination', 20], ['moved_abroad_unconfirmed', 11], ['not_on_roll_new_arrival', 18],
              ['removed_from_roll', 10], ['ehe_unsuitable', 6], ['awaiting_school_place', 11], ['other', 4],
            ]);
      reason = must(VOCAB.cme, r, 'CME reason');
      if (r !== 'not_on_roll_new_arrival' || rng.chance(0.15)) {
        lastSchool = child.school.name;
        lastAttendance = addDays(c.notified, -rng.int(10, 45));
      }
      if (r === 'moved_abroad_unconfirmed' || c.closure === 'moved_overseas') {
        departure = lastAttendance ? addDays(lastAttendance, rng.int(1, 9)) : null;
        if (departure && departure > c.notified) departure = c.notified;
        destination = r === 'moved_abroad_unconfirmed' ? `${country} (believed; not confirmed)` : country;
      }
      // Located: ~40% of open cases; closed cases except the lost (and some leavers).
      const locate = c.open ? rng.chance(0.4) : c.closure !== 'unresolved_lost' && (c.closure !== 'end_of_csa' || rng.chance(0.5));
      if (locate && age >= 1) located = addDays(c.notified, rng.int(1, Math.min(age, c.open ? 90 : Math.max(1, Math.floor(age * 0.8)))));
    } else {
      const r: PmoeReason = rng.weighted<PmoeReason>([
        ['reduced_timetable', 42], ['ap_part_time', 16], ['ap_full_time', 10], ['medical', 12], ['awaiting_ehcp_placement', f.ehcp ? 30 : 3], ['excluded', 6], ['other', 3],
      ]);
      pmoeReason = must(VOCAB.pmoe, r, 'PMOE reason');
      reason = r;
      pmoeSchool = child.school.name;
      const under10 = r !== 'ap_full_time' && rng.chance(r === 'awaiting_ehcp_placement' || r === 'medical' ? 0.55 : 0.27);
      hours = under10 ? rng.int(0, 19) / 2 : r === 'ap_full_time' ? rng.int(40, 50) / 2 : rng.int(20, 50) / 2;
      provider =
        r === 'ap_part_time' || r === 'ap_full_time' ? rng.pick(AP_PROVIDERS)
        : r === 'medical' ? rng.pick(MEDICAL_PROVIDERS)
        : r === 'awaiting_ehcp_placement' ? (rng.chance(0.6) ? rng.pick(TUITION_PROVIDERS) : null)
        : r === 'excluded' ? 'Northbridge Pupil Referral Unit'
        : rng.chance(0.3) ? pmoeSchool : null;
      if (r === 'reduced_timetable' || (r === 'ap_part_time' && rng.chance(0.5))) {
        // Planned dates: an open case's review or end may still be ahead (the only dates after
        // today); a closed case's never run past the day it closed.
        reviewDate = addDays(c.notified, rng.int(14, 42));
        endDate = addDays(c.notified, rng.int(42, 84));
        if (c.closedOn) {
          reviewDate = minIso(reviewDate, c.closedOn);
          endDate = minIso(endDate, c.closedOn);
        }
      }
    }

    // Key dates into provision, filled progressively.
    const cap = (d: string | null): string | null => (d === null ? null : minIso(d, end));
    let assessed: string | null = null;
    let determined: string | null = null;
    let entered: string | null = null;
    const base = c.register === 'CME' ? located : c.notified;
    if (base) {
      const full = !c.open && (c.closure === 'on_roll_attending' || c.closure === 'full_time_education_restored');
      const cand = addDays(base, rng.int(1, 14));
      if (cand <= end && (full || rng.chance(c.open ? 0.75 : 0.6))) {
        assessed = cand;
        const d2 = addDays(assessed, rng.int(3, 28));
        if (full || (d2 <= end && rng.chance(c.open ? 0.55 : 0.4))) {
          determined = cap(d2);
          const d3 = addDays(determined as string, rng.int(2, 21));
          if (full || (d3 <= end && rng.chance(0.4))) entered = cap(d3);
        }
      }
    }

    // Status and panel fields.
    let status: 'referred' | 'checks' | 'at_panel' | 'closed' = 'closed';
    if (c.open) {
      const openDays = diffDays(c.notified, today);
      if (c.register === 'CME') {
        status = openDays < 10 ? (rng.chance(0.7) ? 'referred' : 'checks')
          : openDays < 28 ? (rng.chance(0.2) ? 'referred' : 'checks')
          : located ? (rng.chance(0.5) ? 'checks' : 'at_panel')
          : rng.chance(0.8) ? 'at_panel' : 'checks';
      } else {
        status = openDays < 14 ? 'referred' : rng.chance(0.3) ? 'checks' : 'at_panel';
      }
    }
    let lead: OfficerSpec | null = null;
    if (leaverOf.has(c.order)) lead = leaverOf.get(c.order) as OfficerSpec;
    else if (c.open ? rng.chance(0.85) : rng.chance(0.8)) lead = !c.open && rng.chance(0.08) ? rng.pick(inactive) : leadFor(c);
    let rag: { rag: 'red' | 'amber' | 'green'; reason: string } | null = null;
    if (c.open ? rng.chance(0.9) : rng.chance(0.4)) rag = ragFor(c, hours, located !== null);

    let urgency: Urgency = rng.weighted<Urgency>(f.cp || f.missing || f.exploitation ? [['urgent', 35], ['high', 35], ['routine', 30]] : [['urgent', 4], ['high', 10], ['routine', 86]]);
    urgency = must(VOCAB.urgency, urgency, 'urgency');

    let closureDetail: string | null = null;
    if (c.closure) {
      switch (c.closure) {
        case 'on_roll_attending': closureDetail = rng.chance(0.8) ? school : `A school in ${city}`; break;
        case 'moved_other_la': closureDetail = la; break;
        case 'moved_overseas': closureDetail = rng.chance(0.8) ? country : null; break;
        case 'other': closureDetail = c.movedToCme ? `Removed from roll at ${pmoeSchool ?? 'school'}; now on the CME register` : rng.pick(OTHER_CLOSURE_DETAILS); break;
        default: closureDetail = null;
      }
      if (detailRequired.get(c.closure) && !closureDetail) closureDetail = 'See notes';
    }

    const ref = referral(c.register, reason, child, c.register === 'CME' ? lastSchool : pmoeSchool);
    const involvement: string[] = [];
    if (child.socialWorker) involvement.push(`Social worker: ${child.socialWorker}`);
    if (f.yos) involvement.push('YOS caseworker');
    if (f.ehcp) involvement.push('SEND casework officer');
    if (f.missing && rng.chance(0.5)) involvement.push('Missing persons coordinator');

    const caseId = w.insert('cases', 'case', {
      child_id: childId,
      register: c.register,
      ref_year: year,
      ref_seq: seq,
      reference: formatCaseReference(c.register, year, seq),
      status,
      date_notified: c.notified,
      source: ref.source,
      referrer_name: ref.name,
      referrer_agency: ref.agency,
      referrer_contact: ref.contact,
      reason,
      urgency,
      last_school: lastSchool,
      last_attendance: lastAttendance,
      pmoe_school: pmoeSchool,
      pmoe_reason: pmoeReason,
      hours_per_week: hours,
      provider,
      timetable_review_date: reviewDate,
      timetable_end_date: endDate,
      departure_date: departure,
      destination,
      professional_involvement: involvement.length > 0 ? involvement.join('; ') : null,
      additional_info: child.household.group.language && rng.chance(0.15) ? `Family's first language is ${child.household.group.language}` : null,
      date_assessed: assessed,
      date_provision_determined: determined,
      date_entered_provision: entered,
      date_located: located,
      lead_officer_id: lead ? (officerIds.get(lead.name) as number) : null,
      rag: rag?.rag ?? null,
      rag_reason: rag?.reason ?? null,
      closed_on: c.closedOn,
      closure_reason: c.closure,
      closure_detail: closureDetail,
      // Unfound cases are reviewed twice a year (003 App. D).
      unfound_review_due: c.closure === 'unresolved_lost' && c.closedOn ? nextUnfoundReview(c.closedOn) : null,
      created_at: stamp(c.notified),
    }, { self: 'case', childId });

    // Checks: 1–6, dated between notification and today/closure; the locating check on date_located.
    const vars = { city, la, country, school: lastSchool ?? pmoeSchool ?? school, hours: String(hours ?? ''), month: MONTHS[rng.int(0, 11)] as string };
    const nChecks = Math.min(6, Math.max(1, c.open ? 1 + Math.floor(Math.min(age, 200) / 40) + rng.int(0, 1) : rng.int(2, 6)));
    const checkBy = () => (lead && lead.active && rng.chance(0.6) ? lead.name : rng.pick(checkers).name);
    const checkRows: { agency: CheckAgency; on: string; outcome: string; located: boolean }[] = [];
    if (c.register === 'CME') {
      const pool: CheckAgency[] = ['last_school', 'phone_call', 'letter', 'admissions_system', 'health_nhs', 'council_tax', 'housing', 'benefits_hmrc', 'key_to_success', 'social_care_system', 'police', 'other_la', 's2s_lost_pupil', 'home_visit', 'email', 'other'];
      if (f.cp) pool.push('home_office');
      const stageOf = (a: CheckAgency) => CHECK_AGENCIES.find((e) => e.code === a)?.stage ?? 2;
      const chosen = rng.sample(pool, nChecks).sort((a, b) => stageOf(a) - stageOf(b));
      // The locating check is usually the last one; it agrees with how the case was closed.
      const foundIdx = located ? Math.max(0, chosen.length - (rng.chance(0.75) ? 1 : 2)) : -1;
      const moved: Partial<Record<ClosureReason, readonly (readonly [CheckAgency, string])[]>> = {
        moved_other_la: [
          ['other_la', '{la} confirms the family is living in {city}; CME referral made and accepted'],
          ['s2s_lost_pupil', 'S2S: child on roll at a school in {city}; {la} informed'],
          ['key_to_success', 'Key to Success: CTF downloaded by a school in {city}'],
          ['health_nhs', 'NHS: registered with a GP in {city}; {la} CME team informed'],
        ],
        moved_overseas: [
          ['phone_call', 'Spoke to a relative: family in {country}, child attending school there'],
          ['last_school', 'School heard from mother: family have moved to {country}'],
          ['email', 'Parent e-mailed from {country}: child enrolled in a local school'],
        ],
        ehe_confirmed: [
          ['email', 'Parent confirms elective home education in writing; EHE officer informed'],
          ['home_visit', 'Home visit with EHE officer: child seen, parent intends to home educate'],
        ],
      };
      const movedChoice = c.closure ? moved[c.closure] : undefined;
      const foundAs = movedChoice ? rng.pick(movedChoice) : null;
      if (foundAs && foundIdx >= 0) {
        const at = chosen.indexOf(foundAs[0]);
        if (at >= 0 && at !== foundIdx) chosen.splice(at, 1, chosen[foundIdx] as CheckAgency);
        chosen[foundIdx] = foundAs[0];
      }
      const beforeEnd = located ?? end;
      chosen.forEach((agency, i) => {
        const isFound = i === foundIdx;
        let on: string;
        if (isFound) on = located as string;
        else if (located && i > foundIdx) on = addDays(located, rng.int(0, Math.max(0, diffDays(located, end))));
        else on = addDays(c.notified, rng.int(0, Math.max(0, diffDays(c.notified, beforeEnd))));
        const text = CHECK_TEXT[agency] ?? CHECK_TEXT.other;
        let outcome: string;
        if (isFound) {
          outcome = foundAs ? foundAs[1] : rng.pick(text?.found ?? ['Child located']);
        } else if (located && i > foundIdx) {
          outcome = rng.pick(['Address confirmed by a second source', 'Follow-up: family engaging; school place being arranged', 'Confirmed the child is safe and well']);
        } else {
          outcome = rng.pick(text?.miss ?? ['No trace']);
        }
        checkRows.push({ agency, on, outcome: fill(outcome, vars), located: isFound });
      });
    } else {
      const pool: CheckAgency[] = ['last_school', 'phone_call', 'email', 'home_visit', 'social_care_system', 'letter', 'other'];
      for (const agency of rng.sample(pool, Math.min(nChecks, pool.length))) {
        const text = PMOE_CHECK_TEXT[agency] ?? ['Checked'];
        checkRows.push({ agency, on: addDays(c.notified, rng.int(0, Math.max(0, age))), outcome: fill(rng.pick(text), vars), located: false });
      }
    }
    checkRows.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    for (const k of checkRows) {
      w.insert('checks', 'check', {
        case_id: caseId, agency: must(VOCAB.agency, k.agency, 'check agency'), checked_on: k.on, checked_by: checkBy(), outcome: k.outcome,
        located: k.located ? 1 : 0, created_at: stamp(k.on),
      }, { caseId, childId });
    }

    // Notes: 1–4, a dated chronology.
    const srcLabel = labelOf(REFERRAL_SOURCES, ref.source);
    const notes: { on: string; author: string; text: string }[] = [
      {
        on: c.notified,
        author: rng.chance(0.6) ? cmeAdmin.name : (lead?.name ?? cmeAdmin.name),
        text: `Referral received from ${srcLabel.toLowerCase() === 'school' ? lastSchool ?? pmoeSchool ?? 'the school' : srcLabel}${ref.name && ref.name !== 'Anonymous caller' ? ` (${ref.name})` : ''}. Logged and triaged as ${urgency}.`,
      },
    ];
    const middle = rng.int(0, c.closedOn ? 2 : 3);
    const pool = c.register === 'CME' ? CME_NOTES : PMOE_NOTES;
    for (const text of rng.sample(pool, middle)) {
      if (age < 1) break;
      notes.push({ on: addDays(c.notified, rng.int(1, age)), author: lead && rng.chance(0.7) ? lead.name : rng.pick(checkers).name, text: fill(text, vars) });
    }
    if (c.closedOn && c.closure) {
      const label = labelOf(CLOSURE_REASONS, c.closure);
      notes.push({ on: c.closedOn, author: lead?.name ?? cmeAdmin.name, text: `Case closed: ${label}${closureDetail ? ` (${closureDetail})` : ''}.` });
    }
    notes.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    for (const n of notes) {
      w.insert('notes', 'note', { case_id: caseId, noted_on: n.on, author: n.author, text: n.text, created_at: stamp(n.on) }, { caseId, childId });
    }
  }

  // The RAG and allocation timelines start from the rating and lead each case was loaded with.
  backfillHistory(db);
  // The last few panels already held (matters arising, open actions, a staffed panel to chair).
  if (options.meetings ?? true) loadDemoMeetings(db, ctx, { today, rng: () => rng.float() });
  return { caseCount: cases.length, officerCount: OFFICERS.length };
}
