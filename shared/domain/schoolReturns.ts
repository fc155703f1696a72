/**
 * School returns and notices as files: the fields each kind of file carries (000 §11 the PMOE return:
 * reason, hours a week, provider, how the pupil is monitored; 000 §4 (a)–(e) for deletions from roll;
 * 000 §4 and 001 §4.4 for admissions), the column mapping (guessed from the headings, then
 * remembered per school), and row-by-row validation with problems in words. Pure: the date is an
 * argument.
 */
import { type IsoDate, compareIso, formatUk } from './dates';
import { upnProblem, normaliseUpn } from './upn';
import { yearGroup, yearGroupLabel, isOfCompulsorySchoolAge } from './schoolAge';
import { readCategory, readDate, readGender, readHours, readYearGroup, readYesNo, FULL_TIME_HOURS, type Read } from './returnValues';
import { REG8_GROUNDS, readGround, type Reg8Ground } from './regulation8';
import type { PmoeReason } from './vocab';

export const IMPORT_KINDS = ['return', 'deletions', 'admissions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, string>> = {
  return: 'Half-termly PMOE return',
  deletions: 'Deletions from roll',
  admissions: 'Admissions',
};

export interface FieldSpec {
  key: string;
  label: string;
  required: boolean;
  /** Headings schools use for it, compared without case, spaces or punctuation. */
  aliases: readonly string[];
  /** What to write, for the template's notes row. */
  hint: string;
}

const PUPIL: FieldSpec[] = [
  { key: 'upn', label: 'UPN', required: false, aliases: ['upn', 'uniquepupilnumber', 'pupilnumber', 'pupilupn', 'upnnumber'], hint: '13 characters, e.g. H801200001001' },
  { key: 'forenames', label: 'Forename(s)', required: true, aliases: ['forename', 'forenames', 'firstname', 'firstnames', 'givenname', 'legalforename'], hint: 'Legal forename(s)' },
  { key: 'surname', label: 'Surname', required: true, aliases: ['surname', 'lastname', 'familyname', 'legalsurname'], hint: 'Legal surname' },
  { key: 'dateOfBirth', label: 'Date of birth', required: true, aliases: ['dob', 'dateofbirth', 'birthdate', 'born'], hint: 'dd/mm/yyyy' },
];

export const FIELDS: Readonly<Record<ImportKind, readonly FieldSpec[]>> = {
  return: [
    ...PUPIL,
    { key: 'gender', label: 'Gender', required: false, aliases: ['gender', 'sex'], hint: 'F, M, Other or blank' },
    { key: 'yearGroup', label: 'Year group', required: false, aliases: ['yeargroup', 'year', 'ncyear', 'yr', 'nationalcurriculumyear'], hint: 'R, 1 … 13' },
    { key: 'category', label: 'Reason not in full-time education', required: true, aliases: ['reason', 'category', 'pmoereason', 'reasonnotinfulltimeeducation', 'type', 'provisiontype', 'reasoncategory'], hint: 'Part-time timetable; Alternative provision (part time / full time); Medical; Awaiting EHCP placement; Awaiting a school placement; Excluded; Other' },
    { key: 'hoursPerWeek', label: 'Hours a week', required: false, aliases: ['hours', 'hoursperweek', 'hoursaweek', 'weeklyhours', 'hourseducation', 'hoursofeducation'], hint: 'Hours of education a week, e.g. 12.5' },
    { key: 'provider', label: 'Provider', required: false, aliases: ['provider', 'alternativeprovider', 'approvider', 'provision', 'providername'], hint: 'Where the education is provided' },
    { key: 'startDate', label: 'Start date', required: false, aliases: ['startdate', 'start', 'datestarted', 'from'], hint: 'dd/mm/yyyy' },
    { key: 'reviewDate', label: 'Review date', required: false, aliases: ['reviewdate', 'review', 'nextreview'], hint: 'dd/mm/yyyy' },
    { key: 'endDate', label: 'End date', required: false, aliases: ['enddate', 'end', 'expectedenddate', 'to'], hint: 'dd/mm/yyyy' },
    { key: 'monitoring', label: 'How monitored', required: false, aliases: ['monitoring', 'howmonitored', 'howtrackedandmonitored', 'tracking'], hint: 'How the school tracks and monitors the pupil' },
    { key: 'ehcp', label: 'EHCP', required: false, aliases: ['ehcp', 'ehc', 'ehcplan', 'statement'], hint: 'Y or N' },
    { key: 'lookedAfter', label: 'Looked after', required: false, aliases: ['lookedafter', 'lac', 'cla', 'lookedafterchild'], hint: 'Y or N' },
    { key: 'childProtectionPlan', label: 'Child protection plan', required: false, aliases: ['childprotectionplan', 'cp', 'cpp'], hint: 'Y or N' },
    { key: 'childInNeed', label: 'Child in need plan', required: false, aliases: ['childinneed', 'cin', 'childinneedplan'], hint: 'Y or N' },
  ],
  deletions: [
    ...PUPIL,
    { key: 'deletionDate', label: 'Date of deletion', required: true, aliases: ['deletiondate', 'dateofdeletion', 'dateoffroll', 'dateleft', 'leavingdate', 'offrolldate'], hint: 'dd/mm/yyyy' },
    { key: 'ground', label: 'Regulation 8 ground', required: true, aliases: ['ground', 'regulation8ground', 'reg8', 'reason', 'reasonfordeletion', 'deletionground'], hint: 'The letter of the ground, e.g. 8(1)(h)' },
    { key: 'parentName', label: 'Parent name', required: false, aliases: ['parentname', 'parent', 'parentcarer', 'carername', 'parentcarername'], hint: '(b) the parent the pupil normally lives with' },
    { key: 'parentAddress', label: 'Parent address', required: false, aliases: ['parentaddress', 'address', 'homeaddress'], hint: '(b) their address' },
    { key: 'parentPhone', label: 'Parent telephone', required: false, aliases: ['parentphone', 'telephone', 'phone', 'parenttelephone', 'contactnumber'], hint: '(c) at least one telephone number' },
    { key: 'futureAddress', label: 'Future address', required: false, aliases: ['futureaddress', 'newaddress'], hint: '(d) the pupil’s future address, if known' },
    { key: 'destinationSchool', label: 'Destination school', required: false, aliases: ['destinationschool', 'destination', 'newschool', 'nextschool'], hint: '(d) the school the pupil is going to, if known' },
    { key: 'whereaboutsKnown', label: 'Whereabouts known', required: false, aliases: ['whereaboutsknown', 'whereabouts', 'located'], hint: 'Y or N' },
    { key: 'lastAttendance', label: 'Last attended', required: false, aliases: ['lastattendance', 'lastattended', 'dateoflastattendance', 'lastdayattended'], hint: 'dd/mm/yyyy' },
    { key: 'notifiedOn', label: 'Date notified', required: false, aliases: ['notifiedon', 'datenotified', 'notificationdate'], hint: 'dd/mm/yyyy (blank: the date the file is received)' },
  ],
  admissions: [
    ...PUPIL,
    { key: 'admissionDate', label: 'Date of admission', required: true, aliases: ['admissiondate', 'dateofadmission', 'dateadmitted', 'onrolldate', 'startdate', 'entrydate'], hint: 'dd/mm/yyyy' },
    { key: 'yearGroup', label: 'Year group', required: false, aliases: ['yeargroup', 'year', 'ncyear', 'yr'], hint: 'R, 1 … 13' },
    { key: 'standardTransition', label: 'Standard transition point', required: false, aliases: ['standardtransition', 'standardtransitionpoint', 'normalpointofentry'], hint: 'Y if at the usual point of entry' },
    { key: 'notifiedOn', label: 'Date notified', required: false, aliases: ['notifiedon', 'datenotified', 'notificationdate'], hint: 'dd/mm/yyyy (blank: the date the file is received)' },
  ],
};

/** Field key -> the file's heading it is read from (null: not in this file). */
export type ColumnMapping = Record<string, string | null>;

const squash = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]/g, '');

/**
 * The mapping for a file: the school's remembered mapping where its headings are still in the file,
 * else the heading whose words match the field's aliases. A heading is used for one field only.
 */
export function guessMapping(kind: ImportKind, headers: readonly string[], remembered: ColumnMapping | null = null): ColumnMapping {
  const out: ColumnMapping = {};
  const used = new Set<string>();
  const present = new Set(headers);
  for (const f of FIELDS[kind]) {
    const r = remembered?.[f.key];
    if (r && present.has(r) && !used.has(r)) {
      out[f.key] = r;
      used.add(r);
    }
  }
  for (const f of FIELDS[kind]) {
    if (out[f.key]) continue;
    const h = headers.find((x) => !used.has(x) && (squash(x) === squash(f.label) || f.aliases.includes(squash(x))));
    out[f.key] = h ?? null;
    if (h) used.add(h);
  }
  return out;
}

/** Every field's heading and aliases, squashed: what a row of headings is recognised by. */
const KNOWN_HEADINGS: ReadonlySet<string> = new Set(
  (Object.values(FIELDS) as (typeof FIELDS)[ImportKind][]).flatMap((fs) => fs.flatMap((f) => [squash(f.label), ...f.aliases])),
);

/**
 * How much a row looks like the headings of a return or notice file: the number of its cells that
 * name a field. Schools' workbooks often start with a title or a notes sheet; the importer reads from
 * the row (and sheet) that scores highest.
 */
export function headingScore(cells: readonly string[]): number {
  return new Set(cells.map(squash).filter((c) => c !== '' && KNOWN_HEADINGS.has(c))).size;
}

/** What is wrong with a mapping (a required field with no column, a column used twice), or []. */
export function mappingProblems(kind: ImportKind, headers: readonly string[], mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const f of FIELDS[kind]) {
    const h = mapping[f.key] ?? null;
    if (h === null) {
      if (f.required) problems.push(`Choose the column that holds “${f.label}”: every row needs it.`);
      continue;
    }
    if (!headers.includes(h)) problems.push(`“${f.label}” is mapped to a column “${h}” that is not in this file.`);
    const other = seen.get(h);
    if (other) problems.push(`Column “${h}” is chosen for both “${other}” and “${f.label}”.`);
    seen.set(h, f.label);
  }
  return problems;
}

export interface PupilFields {
  upn: string | null;
  forenames: string;
  surname: string;
  dateOfBirth: IsoDate;
}

export interface ReturnRowValues extends PupilFields {
  gender: 'female' | 'male' | 'other' | 'not_known';
  yearGroup: number | null;
  category: PmoeReason;
  hoursPerWeek: number | null;
  provider: string | null;
  startDate: IsoDate | null;
  reviewDate: IsoDate | null;
  endDate: IsoDate | null;
  monitoring: string | null;
  flags: { ehcp: boolean | null; lookedAfter: boolean | null; childProtectionPlan: boolean | null; childInNeed: boolean | null };
}

export interface DeletionValues extends PupilFields {
  deletionDate: IsoDate;
  ground: Reg8Ground;
  parentName: string | null;
  parentAddress: string | null;
  parentPhone: string | null;
  futureAddress: string | null;
  destinationSchool: string | null;
  whereaboutsKnown: boolean | null;
  lastAttendance: IsoDate | null;
  notifiedOn: IsoDate | null;
}

export interface AdmissionValues extends PupilFields {
  admissionDate: IsoDate;
  yearGroup: number | null;
  standardTransition: boolean | null;
  notifiedOn: IsoDate | null;
}

export interface RowCheck<T> {
  /** 1-based row number in the file, counting the heading row as 1 (what a spreadsheet shows). */
  row: number;
  values: T | null;
  /** Problems that stop the row being imported. */
  errors: string[];
  /** Things to look at that do not stop it. */
  warnings: string[];
}

/** Longest text kept from a cell (a school's notes can be long; the register's fields are bounded). */
export const MAX_CELL = 400;

/** The cells of one row, by field key, through the mapping. */
export function cellsOf(headers: readonly string[], cells: readonly string[], mapping: ColumnMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, h] of Object.entries(mapping)) {
    if (h === null) continue;
    const i = headers.indexOf(h);
    out[key] = i >= 0 ? (cells[i] ?? '').trim() : '';
  }
  return out;
}

class Collector {
  errors: string[] = [];
  warnings: string[] = [];
  take<T>(r: Read<T>, fallback: T): T {
    if (r.ok) return r.value;
    this.errors.push(r.problem);
    return fallback;
  }
  text(v: string | undefined, label: string, max = MAX_CELL): string | null {
    const s = (v ?? '').trim();
    if (s === '') return null;
    if (s.length > max) this.errors.push(`${label} is longer than ${max} characters`);
    return s;
  }
  date(v: string | undefined, label: string): IsoDate | null {
    const s = (v ?? '').trim();
    return s === '' ? null : this.take(readDate(s, label), null);
  }
}

function readPupil(c: Record<string, string>, k: Collector): PupilFields | null {
  const forenames = k.text(c.forenames, 'Forename(s)', 120);
  const surname = k.text(c.surname, 'Surname', 120);
  if (!forenames) k.errors.push('Forename(s) is missing');
  if (!surname) k.errors.push('Surname is missing');
  const dob = k.date(c.dateOfBirth, 'Date of birth');
  if (!dob && !(c.dateOfBirth ?? '').trim()) k.errors.push('Date of birth is missing');
  let upn: string | null = null;
  if ((c.upn ?? '').trim()) {
    const problem = upnProblem(c.upn!);
    if (problem) k.errors.push(`${problem} (UPN “${c.upn!.trim()}”)`);
    else upn = normaliseUpn(c.upn!);
  } else {
    k.warnings.push('No UPN: matched on name and date of birth');
  }
  if (!forenames || !surname || !dob) return null;
  return { upn, forenames, surname, dateOfBirth: dob };
}

/** A date of birth that is after the date of the return, or a child far outside school age. */
function checkAge(p: PupilFields, onDate: IsoDate, k: Collector): void {
  if (compareIso(p.dateOfBirth, onDate) > 0) {
    k.errors.push(`Date of birth ${formatUk(p.dateOfBirth)} is after the date of the return (${formatUk(onDate)})`);
  } else if (!isOfCompulsorySchoolAge(p.dateOfBirth, onDate)) {
    k.warnings.push(`Not of compulsory school age on ${formatUk(onDate)} (${yearGroupLabel(yearGroup(p.dateOfBirth, onDate))})`);
  }
}

/**
 * The stated year group against the one the date of birth gives (1 September cut-off, DOMAIN.md):
 * one year out is a pupil taught out of year group (a warning); more is almost always a wrong date
 * of birth or year (an error: fix the file).
 */
export function yearGroupProblem(stated: number, dateOfBirth: IsoDate, onDate: IsoDate): { level: 'error' | 'warning'; text: string } | null {
  const expected = yearGroup(dateOfBirth, onDate);
  const diff = Math.abs(stated - expected);
  if (diff === 0) return null;
  const text = `Year group ${yearGroupLabel(stated)} does not match the date of birth ${formatUk(dateOfBirth)} (${yearGroupLabel(expected)} on ${formatUk(onDate)})`;
  return diff === 1 ? { level: 'warning', text: `${text}: taught out of year group?` } : { level: 'error', text: `${text}: check both` };
}

function checkYearGroup(raw: string | undefined, p: PupilFields | null, onDate: IsoDate, k: Collector): number | null {
  const yg = k.take(readYearGroup(raw ?? ''), null);
  if (yg !== null && p) {
    const problem = yearGroupProblem(yg, p.dateOfBirth, onDate);
    if (problem) (problem.level === 'error' ? k.errors : k.warnings).push(problem.text);
  }
  return yg;
}

/** One row of a half-termly PMOE return, checked as of `onDate` (the date the return is received). */
export function checkReturnRow(row: number, c: Record<string, string>, onDate: IsoDate): RowCheck<ReturnRowValues> {
  const k = new Collector();
  const p = readPupil(c, k);
  if (p) checkAge(p, onDate, k);
  const yg = checkYearGroup(c.yearGroup, p, onDate, k);
  const gender = k.take(readGender(c.gender ?? ''), 'not_known');
  const category = k.take(readCategory(c.category ?? ''), null);
  const hours = k.take(readHours(c.hoursPerWeek ?? ''), null);
  if (hours !== null && hours >= FULL_TIME_HOURS && (category === 'reduced_timetable' || category === 'ap_part_time')) {
    k.warnings.push(`${hours} hours a week is a full-time timetable (${FULL_TIME_HOURS} or more): is the pupil still missing out on education?`);
  }
  if (hours === null && category !== null && category !== 'awaiting_placement' && category !== 'awaiting_ehcp_placement') {
    k.warnings.push('Hours a week is blank: the under-10-hours criterion of concern cannot be checked');
  }
  const startDate = k.date(c.startDate, 'Start date');
  const reviewDate = k.date(c.reviewDate, 'Review date');
  const endDate = k.date(c.endDate, 'End date');
  if (startDate && endDate && compareIso(endDate, startDate) < 0) k.errors.push(`End date ${formatUk(endDate)} is before the start date ${formatUk(startDate)}`);
  if (startDate && reviewDate && compareIso(reviewDate, startDate) < 0) k.errors.push(`Review date ${formatUk(reviewDate)} is before the start date ${formatUk(startDate)}`);
  const flag = (key: 'ehcp' | 'lookedAfter' | 'childProtectionPlan' | 'childInNeed', label: string) => k.take(readYesNo(c[key] ?? '', label), null);
  const flags = { ehcp: flag('ehcp', 'EHCP'), lookedAfter: flag('lookedAfter', 'Looked after'), childProtectionPlan: flag('childProtectionPlan', 'Child protection plan'), childInNeed: flag('childInNeed', 'Child in need plan') };
  const provider = k.text(c.provider, 'Provider', 160);
  const monitoring = k.text(c.monitoring, 'How monitored', 1000);
  const values: ReturnRowValues | null =
    p && category !== null && k.errors.length === 0
      ? { ...p, gender, yearGroup: yg, category, hoursPerWeek: hours, provider, startDate, reviewDate, endDate, monitoring, flags }
      : null;
  return { row, values, errors: k.errors, warnings: k.warnings };
}

/** One deletion notice (000 §4 fields (a)–(e)); the 20-school-day and notification checks are in schoolNotices.ts. */
export function checkDeletionRow(row: number, c: Record<string, string>, onDate: IsoDate): RowCheck<DeletionValues> {
  const k = new Collector();
  const p = readPupil(c, k);
  const deletionDate = k.date(c.deletionDate, 'Date of deletion');
  if (!deletionDate && !(c.deletionDate ?? '').trim()) k.errors.push('Date of deletion is missing');
  let ground: Reg8Ground | null = null;
  if ((c.ground ?? '').trim() === '') k.errors.push('(e) Regulation 8 ground is missing: give the letter of the ground, e.g. 8(1)(h)');
  else ground = k.take(readGround(c.ground!), null);
  const whereaboutsKnown = k.take(readYesNo(c.whereaboutsKnown ?? '', 'Whereabouts known'), null);
  const lastAttendance = k.date(c.lastAttendance, 'Last attended');
  const notifiedOn = k.date(c.notifiedOn, 'Date notified');
  if (deletionDate && compareIso(deletionDate, onDate) > 0 && (!notifiedOn || compareIso(deletionDate, notifiedOn) > 0)) {
    k.warnings.push(`Date of deletion ${formatUk(deletionDate)} is still to come: the school is notifying in advance`);
  }
  if (lastAttendance && deletionDate && compareIso(lastAttendance, deletionDate) > 0) k.errors.push(`Last attended ${formatUk(lastAttendance)} is after the date of deletion ${formatUk(deletionDate)}`);
  const values: DeletionValues | null =
    p && deletionDate && ground && k.errors.length === 0
      ? {
          ...p, deletionDate, ground, whereaboutsKnown, lastAttendance, notifiedOn,
          parentName: k.text(c.parentName, 'Parent name', 120),
          parentAddress: k.text(c.parentAddress, 'Parent address', 300),
          parentPhone: k.text(c.parentPhone, 'Parent telephone', 60),
          futureAddress: k.text(c.futureAddress, 'Future address', 300),
          destinationSchool: k.text(c.destinationSchool, 'Destination school', 160),
        }
      : null;
  return { row, values, errors: k.errors, warnings: k.warnings };
}

/** One admission notice (000 §4, 001 §4.4). */
export function checkAdmissionRow(row: number, c: Record<string, string>, onDate: IsoDate): RowCheck<AdmissionValues> {
  const k = new Collector();
  const p = readPupil(c, k);
  if (p) checkAge(p, onDate, k);
  const admissionDate = k.date(c.admissionDate, 'Date of admission');
  if (!admissionDate && !(c.admissionDate ?? '').trim()) k.errors.push('Date of admission is missing');
  const yg = checkYearGroup(c.yearGroup, p, admissionDate ?? onDate, k);
  const standardTransition = k.take(readYesNo(c.standardTransition ?? '', 'Standard transition point'), null);
  const notifiedOn = k.date(c.notifiedOn, 'Date notified');
  if (p && admissionDate && compareIso(admissionDate, p.dateOfBirth) <= 0) k.errors.push(`Date of admission ${formatUk(admissionDate)} is before the date of birth`);
  const values: AdmissionValues | null =
    p && admissionDate && k.errors.length === 0 ? { ...p, admissionDate, yearGroup: yg, standardTransition, notifiedOn } : null;
  return { row, values, errors: k.errors, warnings: k.warnings };
}

export { REG8_GROUNDS };
