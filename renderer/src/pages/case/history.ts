import type { AuditEntry, Officer } from '../../../../shared/api/schemas';
import {
  CASE_STATUSES, CHECK_AGENCIES, CLOSURE_REASONS, CME_REASONS, PMOE_REASONS, RAGS, REFERRAL_SOURCES, URGENCIES, GENDERS, labelOf,
  type VocabEntry,
} from '../../../../shared/domain/vocab';
import { formatUk } from '../../../../shared/domain/dates';

const FIELD_LABELS: Record<string, string> = {
  status: 'Status', rag: 'RAG rating', rag_reason: 'RAG reason', lead_officer_id: 'Lead officer', closed_on: 'Date closed',
  closure_reason: 'Closure reason', closure_detail: 'Closure details', date_notified: 'Date notified', source: 'Referral source',
  referrer_name: 'Referrer name', referrer_agency: 'Referrer agency', referrer_contact: 'Referrer contact', reason: 'Reason',
  urgency: 'Urgency', last_school: 'Last school', last_attendance: 'Date of last attendance', pmoe_school: 'School on roll',
  pmoe_reason: 'Reason not in full-time education', hours_per_week: 'Hours a week', provider: 'Provider',
  timetable_review_date: 'Timetable review date', timetable_end_date: 'Timetable end date', date_assessed: 'Date assessed',
  date_provision_determined: 'Date provision determined', date_entered_provision: 'Date entered provision', date_located: 'Date located',
  forenames: 'Forenames', surname: 'Surname', known_as: 'Known as', former_names: 'Former names', date_of_birth: 'Date of birth',
  gender: 'Gender', ethnicity: 'Ethnicity', upn: 'UPN', family_id: 'Sibling group', is_current: 'Current address', to_date: 'To date',
  ehcp: 'EHCP', sen_support: 'SEN support', fsm: 'Free school meals', looked_after: 'Looked after', looked_after_la: 'Looked after by',
  child_protection_plan: 'Child protection plan', child_in_need: 'Child in need plan', social_worker: 'Social worker',
  youth_offending: 'YOS involvement', gypsy_roma_traveller: 'Gypsy, Roma or Traveller', young_carer: 'Young carer',
  asylum_refugee: 'Asylum seeker / refugee', armed_forces_family: 'Armed forces family',
  missing_from_home_or_care: 'Missing from home or care', at_risk_of_exploitation: 'At risk of exploitation',
  departure_date: 'Date of departure', destination: 'Destination', professional_involvement: 'Professional involvement',
  additional_info: 'Additional information',
  closure_proposed: 'Listed for panel closure', unfound_review_due: 'Unfound review due', decided_by_name: 'Decided by',
  decided_on: 'Decided on', decision_note: 'Decision note', archive_director: 'Archiving decided by', archive_decided_on: 'Archiving decided on',
  archive_form_completed_on: 'Archiving form completed', archived: 'Archived (dormant)',
};

const CODE_LISTS: Record<string, readonly VocabEntry[]> = {
  status: CASE_STATUSES, rag: RAGS, closure_reason: CLOSURE_REASONS, source: REFERRAL_SOURCES, urgency: URGENCIES,
  reason: CME_REASONS, pmoe_reason: PMOE_REASONS, agency: CHECK_AGENCIES, gender: GENDERS,
};
const BOOLEAN_FIELDS = new Set(['is_current', 'ehcp', 'sen_support', 'fsm', 'looked_after', 'child_protection_plan', 'child_in_need', 'youth_offending',
  'gypsy_roma_traveller', 'young_carer', 'asylum_refugee', 'armed_forces_family', 'missing_from_home_or_care', 'at_risk_of_exploitation', 'located']);

const ENTITY_LABELS: Record<string, string> = {
  case: 'Case', child: 'Child', check: 'Check', note: 'Note', address: 'Address', adult: 'Responsible adult', family: 'Sibling group', officer: 'Officer',
  closure_proposal: 'Closure proposal',
};

export function describeValue(field: string, value: string | null, officers: Map<number, string>): string {
  if (value === null || value === '') return '(blank)';
  if (field === 'lead_officer_id') return officers.get(Number(value)) ?? `officer #${value}`;
  if (BOOLEAN_FIELDS.has(field)) return value === '1' ? 'Yes' : 'No';
  const list = CODE_LISTS[field];
  if (list) return labelOf(list, value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatUk(value);
  return value;
}

export interface HistoryLine { id: number; at: string; actor: string; source: string | null; title: string; detail: string }

/** Turns raw audit rows into sentences a caseworker reads: "RAG rating: Amber → Red". */
export function describeAudit(entries: AuditEntry[], officers: Officer[]): HistoryLine[] {
  const names = new Map(officers.map((o) => [o.id, o.name]));
  return entries.map((e) => {
    const entity = ENTITY_LABELS[e.entity] ?? e.entity;
    let title = '';
    let detail = '';
    if (e.action === 'insert') {
      title = `${entity} added`;
      try {
        const v = JSON.parse(e.newValue ?? '{}') as Record<string, unknown>;
        if (e.entity === 'case') detail = `${String(v.reference ?? '')} on the ${String(v.register ?? '')} register, notified ${formatUk(String(v.date_notified ?? ''))}`;
        else if (e.entity === 'check') detail = `${labelOf(CHECK_AGENCIES, String(v.agency))} on ${formatUk(String(v.checked_on))} by ${String(v.checked_by)}: ${String(v.outcome)}`;
        else if (e.entity === 'note') detail = String(v.text ?? '');
        else if (e.entity === 'child') detail = `${String(v.forenames)} ${String(v.surname)}, born ${formatUk(String(v.date_of_birth))}`;
        else if (e.entity === 'address') detail = [v.line1, v.town, v.postcode].filter(Boolean).map(String).join(', ');
        else if (e.entity === 'closure_proposal') detail = `${labelOf(CLOSURE_REASONS, String(v.reason))}, proposed by ${String(v.proposed_by_name)}: ${String(v.evidence ?? '')}`;
        else if (e.entity === 'adult') detail = [v.name, v.relationship].filter(Boolean).map(String).join(', ');
      } catch {
        detail = e.newValue ?? '';
      }
    } else if (e.action === 'update') {
      const field = e.field ?? '';
      title = `${entity}: ${FIELD_LABELS[field] ?? field}`;
      detail = `${describeValue(field, e.oldValue, names)} → ${describeValue(field, e.newValue, names)}`;
    } else {
      title = `${entity} removed`;
    }
    return { id: e.id, at: e.at, actor: e.actor, source: e.source, title, detail };
  });
}
