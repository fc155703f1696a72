import type { MethodArgs } from '../../../shared/api/contract';
import type { Db } from '../../../db/open';
import { MINUTES_MARKING } from '../../../shared/api/minutesSchemas';
import type { ArchivingCheckRow, ArchivingFormDoc } from '../../../shared/api/documentSchemas';
import { AppError } from '../../../shared/api/errors';
import { formatUk, wholeMonthsBetween } from '../../../shared/domain/dates';
import { CASE_STATUS_LABELS, CHECK_AGENCIES, REFERRAL_SOURCES, labelOf, type CheckAgency } from '../../../shared/domain/vocab';
import { getCaseDetail } from '../register/cases';
import { getAuthority } from './minutes';

/**
 * The rows of the long-term CME "archiving" form (seed 001 Appendix 4), in the form's order, each
 * filled from the checks log by the agency Panel records it under. The seed names one borough's
 * systems (Synergy, Liquid Logic, Rio); Panel's agency names are the generic ones, so the form
 * shows those and the seed's name where it differs.
 */
export const ARCHIVING_ROWS: readonly { agency: CheckAgency; label: string; group: ArchivingCheckRow['group'] }[] = [
  { agency: 'admissions_system', label: 'Admissions system (e.g. Synergy)', group: 'local' },
  { agency: 'key_to_success', label: 'DfE Key to Success', group: 'local' },
  { agency: 'social_care_system', label: 'Social care system (e.g. Liquid Logic)', group: 'local' },
  { agency: 'housing', label: 'Housing / tenancy audit', group: 'local' },
  { agency: 'council_tax', label: 'Council Tax', group: 'local' },
  { agency: 'home_office', label: 'Home Office (UKBA): child protection cases only', group: 'national' },
  { agency: 'benefits_hmrc', label: 'Child Benefit (HMRC)', group: 'national' },
  { agency: 'health_nhs', label: 'National Health Service (NHS)', group: 'national' },
  { agency: 'police', label: 'Police', group: 'national' },
  { agency: 's2s_lost_pupil', label: 'S2S lost pupil database', group: 'national' },
  { agency: 'last_school', label: 'School last attended (if applicable)', group: 'other' },
  { agency: 'other_la', label: 'Another local authority', group: 'other' },
];

/** Only CME cases are archived (seed 001 §6.2): a PMOE pupil is on a school roll. */
export function requireArchivable(c: { reference: string; register: string }): void {
  if (c.register !== 'CME') {
    throw new AppError('conflict', `${c.reference} is on the PMOE register. The archiving form is for long-term CME cases (open six months or more, as the CME guidance defines them).`);
  }
}

/**
 * The archiving form for one CME case, filled from the register: the child's details, when and
 * from whom the case came, the last check of each database and its outcome, the last home visit,
 * and the whole checks log as the summary of the officer's intervention. Signatures are left to
 * be written on the printed form. Cases stay open but dormant after archiving (seed 001 §6.2).
 */
export function buildArchivingForm(db: Db, args: MethodArgs<'archivingForm.get'>, today: string, now: string = new Date().toISOString()): ArchivingFormDoc {
  const { caseId } = args;
  const d = getCaseDetail(db, caseId, today);
  const k = d.case;
  requireArchivable(k);
  const byAgency = new Map<string, (typeof d.checks)[number]>();
  // d.checks is newest first: the first seen per agency is the last check.
  for (const c of d.checks) if (!byAgency.has(c.agency)) byAgency.set(c.agency, c);
  const checks = ARCHIVING_ROWS.map((r) => {
    const c = byAgency.get(r.agency);
    return { label: r.label, group: r.group, lastChecked: c?.checkedOn ?? null, outcome: c?.outcome ?? null };
  });
  const address = d.addresses.find((a) => a.current) ?? d.addresses[0];
  const residency = k.departureDate
    ? `Left the area on ${formatUk(k.departureDate)}${k.destination ? ` (destination: ${k.destination})` : ''}`
    : d.child.flags.asylumRefugee
      ? 'Asylum seeker or refugee; last known address in the area'
      : 'Last known address in the area';
  const monthsOpen = wholeMonthsBetween(k.dateNotified, k.closedOn ?? today);
  return {
    marking: MINUTES_MARKING,
    authority: getAuthority(db),
    caseId,
    reference: k.reference,
    register: k.register,
    childName: `${d.child.forenames} ${d.child.surname}${d.child.knownAs ? ` (known as ${d.child.knownAs})` : ''}`,
    dateOfBirth: d.child.dateOfBirth,
    yearGroupLabel: d.clocks.yearGroupLabel,
    lastKnownAddress: address ? [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(', ') : null,
    residency,
    lastSchool: k.lastSchool,
    dateOpened: k.dateNotified,
    referredFrom: [labelOf(REFERRAL_SOURCES, k.source), k.referrerAgency].filter(Boolean).join(': '),
    monthsOpen,
    longTerm: d.clocks.longTerm,
    status: CASE_STATUS_LABELS[k.status] ?? k.status,
    closed: k.status === 'closed',
    checks,
    lastVisit: d.checks.find((c) => c.agency === 'home_visit')?.checkedOn ?? null,
    intervention: d.checks.map((c) => ({ date: c.checkedOn, agency: labelOf(CHECK_AGENCIES, c.agency), by: c.checkedBy, outcome: c.outcome })),
    checksTotal: d.checks.length,
    leadOfficer: k.leadOfficerName,
    generatedAt: now,
  };
}
