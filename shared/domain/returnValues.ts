/**
 * Reading the cells of a school's return: dates, yes/no, hours, year groups and categories as
 * schools actually type them. Each reader returns the value or a problem in words (naming what to
 * do), never throws. Pure.
 */
import { type IsoDate, formatUk, isIsoDate } from './dates';
import { PMOE_REASONS, labelOf, type PmoeReason } from './vocab';

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(problem: string): Read<T> => ({ ok: false, problem });

/**
 * A date: dd/mm/yyyy (also with - or . and one-digit days and months), yyyy-mm-dd, or an ISO
 * timestamp (what a spreadsheet's date cell becomes). Two-digit years are refused: 01/02/14 could
 * be 1914 or 2014, and a wrong century puts a child in the wrong year group.
 */
export function readDate(raw: string, what: string): Read<IsoDate> {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(s);
  if (iso) {
    const d = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isIsoDate(d) ? ok(d) : bad(`${what} “${s}” is not a real date: write it as dd/mm/yyyy`);
  }
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (!uk) return bad(`${what} “${s}” is not a date: write it as dd/mm/yyyy`);
  if (uk[3]!.length === 2) return bad(`${what} “${s}” has a two-digit year: write the year in full (dd/mm/yyyy)`);
  const [day, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return bad(`${what} “${s}” is not a real date: write it as dd/mm/yyyy`);
  const d = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(d) ? ok(d) : bad(`${what} “${s}” is not a real date: there is no ${day}/${month}/${year}`);
}

/** Yes/no as schools write it; blank is "not said" (null). */
export function readYesNo(raw: string, what: string): Read<boolean | null> {
  const s = raw.trim().toLowerCase();
  if (s === '') return ok(null);
  if (['y', 'yes', 'true', '1', 'x', '✓'].includes(s)) return ok(true);
  if (['n', 'no', 'false', '0'].includes(s)) return ok(false);
  return bad(`${what} “${raw.trim()}” should be Y or N`);
}

/** Most hours a week a part-time or alternative timetable can record (the register's own limit). */
export const MAX_HOURS = 40;
/** A week of 25 hours or more is a full-time timetable (so not missing out on education). */
export const FULL_TIME_HOURS = 25;

/** Hours a week: "12", "12.5", "12.5 hrs", "12:30" (12½ hours). */
export function readHours(raw: string): Read<number | null> {
  const s = raw.trim().toLowerCase().replace(/\s*(h|hr|hrs|hour|hours)(\s*(a|per|\/)\s*(wk|week))?$/, '');
  if (s === '') return ok(null);
  const hm = /^(\d{1,2}):([0-5]\d)$/.exec(s);
  const n = hm ? Number(hm[1]) + Number(hm[2]) / 60 : /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(n)) return bad(`Hours a week “${raw.trim()}” is not a number of hours (e.g. 12.5)`);
  if (n > MAX_HOURS) return bad(`Hours a week ${raw.trim()} is more than ${MAX_HOURS}: check the figure`);
  return ok(Math.round(n * 100) / 100);
}

/** Year group: "7", "Y7", "Year 7", "R", "Reception", "Yr 10". Reception is 0. */
export function readYearGroup(raw: string): Read<number | null> {
  const s = raw.trim().toLowerCase();
  if (s === '') return ok(null);
  if (s === 'r' || s === 'rec' || s === 'reception' || s === 'yr r' || s === 'year r') return ok(0);
  const m = /^(?:y|yr|year|nc\s*year)?\s*(\d{1,2})$/.exec(s);
  if (!m) return bad(`Year group “${raw.trim()}” is not a year group (e.g. Year 7, 7 or R)`);
  const n = Number(m[1]);
  if (n > 14) return bad(`Year group “${raw.trim()}” is not a school year (Reception to Year 14)`);
  return ok(n);
}

/**
 * What schools write for the reason a pupil is not in full-time education, mapped to the register's
 * PMOE reasons (000 §11: part-time timetables, alternative provision, medical; 002: awaiting a
 * placement or an EHCP placement). Compared without case, spaces or punctuation.
 */
const CATEGORY_WORDS: readonly [PmoeReason, readonly string[]][] = [
  ['reduced_timetable', ['reducedtimetable', 'parttimetimetable', 'parttime', 'ptt', 'reduced', 'ptimetable', 'reducedtt', 'phasedreturn']],
  ['ap_part_time', ['alternativeprovisionparttime', 'appt', 'apparttime', 'parttimeap', 'parttimealternativeprovision']],
  ['ap_full_time', ['alternativeprovisionfulltime', 'apft', 'apfulltime', 'fulltimeap', 'offsite', 'alternativeprovision', 'ap']],
  ['medical', ['medical', 'medicalneeds', 'hospital', 'hospitalschool', 'illness', 'health']],
  ['awaiting_ehcp_placement', ['awaitingehcpplacement', 'awaitingehcp', 'ehcpplacement', 'awaitingspecialistplacement']],
  ['awaiting_placement', ['awaitingplacement', 'awaitingschoolplacement', 'notonroll', 'awaitingschoolplace']],
  ['excluded', ['excluded', 'exclusion', 'suspended', 'suspension', 'fixedtermexclusion']],
  ['other', ['other']],
];

const squash = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]/g, '');

export function readCategory(raw: string): Read<PmoeReason> {
  const s = squash(raw);
  if (s === '') return bad('Reason is missing: say why the pupil is not in full-time education (e.g. Part-time timetable)');
  for (const r of PMOE_REASONS) if (squash(r.code) === s || squash(r.label) === s) return ok(r.code);
  for (const [code, words] of CATEGORY_WORDS) if (words.includes(s)) return ok(code);
  return bad(`Reason “${raw.trim()}” is not one the register knows: use one of ${PMOE_REASONS.map((r) => r.label).join('; ')}`);
}

export const categoryLabel = (code: string): string => labelOf(PMOE_REASONS, code);

/** "15/11/2026" for messages. */
export const uk = formatUk;

/** Gender as schools write it (F, Female, M, Male…); blank or anything else unknown is "not known". */
export function readGender(raw: string): Read<'female' | 'male' | 'other' | 'not_known'> {
  const s = raw.trim().toLowerCase();
  if (s === '' || s === 'u' || s === 'unknown' || s === 'not known') return ok('not_known');
  if (s === 'f' || s === 'female' || s === 'girl') return ok('female');
  if (s === 'm' || s === 'male' || s === 'boy') return ok('male');
  if (s === 'other' || s === 'x' || s === 'o') return ok('other');
  return bad(`Gender “${raw.trim()}” should be F, M, Other or blank`);
}
