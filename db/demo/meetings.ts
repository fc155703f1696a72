/**
 * Demo meeting history: the last few CME panels (monthly) and PMOE panels (half-termly) already
 * held on the demo register, so a demonstration opens on a register with approved minutes, matters
 * arising, RAG and lead-officer decisions dated at panel, actions done / carried forward / dropped
 * and a couple of escalations, and the next agenda opens with matters arising and follow-ups.
 *
 * Everything is written through the real services (meetings, items, tracker, escalations), in date
 * order, as the cockpit would have written it: each meeting is created three weeks before, its
 * agenda built and trimmed a week before, and run on the day from 10:00, each service given the
 * meeting's own date as `today` and a write context whose clock reads that day. Nothing is dated
 * after `today`. Deterministic from the PRNG (seeded; never Math.random).
 *
 * Three steps are written here rather than through a service:
 * - While an agenda is built, cases referred after the agenda was set are hidden from the rules
 *   (their status is set aside and restored, unaudited, inside the caller's transaction), so a July
 *   agenda does not propose a November referral.
 * - Removing the hundred-odd items the rules propose beyond what the chair keeps is the same
 *   audited write as `removeItem`, without re-reading the whole agenda after each one.
 * - A long-term case the panel presents for archiving is archived through `recordArchiveDecision`
 *   with the named Director's decision (001 §6.2), with the meeting as its source.
 *
 * Writes outside a meeting carry `ctx.source` (meeting bookings) or 'register' (actions done on the
 * tracker, escalation responses); writes in a meeting carry 'meeting:<id>', as the cockpit's do.
 *
 * Does not open a transaction: call it inside the caller's (as `loadDemo` is).
 */
import { recordArchiveDecision } from '../../electron/services/closures/archiving';
import type { Db } from '../open';
import { auditedUpdate, type WriteContext } from '../audit';
import { Rng } from './random';
import { strOrNull, numOrNull, ragOrNull } from '../../electron/services/rows';
import type { MethodArgs } from '../../shared/api/contract';
import type { AgendaItem, MeetingDetail, Panel } from '../../shared/api/meetingSchemas';
import { addDays, addMonths, compareIso, dayOfWeek, diffDays, formatUk, parseIso, toIso } from '../../shared/domain/dates';
import { generateSchedule } from '../../shared/domain/schedule';
import { dueForPanelOn } from '../../shared/domain/clocks';
import { CHECK_AGENCIES, CME_REASONS, PMOE_REASONS, labelOf } from '../../shared/domain/vocab';
import { ensureDefaultCalendar, termCalendar } from '../../electron/services/settings/calendar';
import { listPanels } from '../../electron/services/meetings/panels';
import { ensureDefaultPanels, staffPanels } from '../../electron/services/meetings/defaultPanels';
import { createMeeting } from '../../electron/services/meetings/schedule';
import { getMeeting } from '../../electron/services/meetings/meetingDetail';
import { inMeeting, bump } from '../../electron/services/meetings/meetingRows';
import { buildAgenda } from '../../electron/services/meetings/agendaBuild';
import { addCaseToAgenda } from '../../electron/services/meetings/agenda';
import { addAttendee, markAttendance } from '../../electron/services/meetings/attendance';
import { startMeeting, gotoItem } from '../../electron/services/meetings/live';
import { approveMinutes, closeMeeting } from '../../electron/services/meetings/approval';
import { addAction, raiseEscalation, recordItem, reviewAction, setItemLead, setItemRag } from '../../electron/services/meetings/items';
import { completeAction } from '../../electron/services/actions/tracker';
import { escalateFurther, getLadders, resolveEscalation, respondEscalation } from '../../electron/services/escalations/escalations';

export interface DemoMeetingsOptions {
  /** The day the register is "as at" (YYYY-MM-DD): every meeting is before it. */
  today: string;
  /** Uniform [0, 1) source; default a PRNG seeded with 1. */
  rng?: () => number;
  /** Past CME panels to write (default 4). */
  cmeMeetings?: number;
  /** Past PMOE panels to write (default 2). */
  pmoeMeetings?: number;
  /** How many case items the chair keeps on each agenda, [min, max] (default CME [15, 18], PMOE [12, 15]); a CME agenda may also get one or two closures added by hand. */
  keep?: Partial<Record<'CME' | 'PMOE', [number, number]>>;
}

export interface DemoMeetingsResult {
  meetings: { id: number; register: 'CME' | 'PMOE'; date: string; status: string; caseItems: number; removed: number; actionsAgreed: number }[];
  actions: { open: number; done: number; carriedForward: number; dropped: number };
  escalations: number;
}

type Rag = 'red' | 'amber' | 'green';
type Register = 'CME' | 'PMOE';
type Row = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Words. Synthetic throughout: the only names are the demo's invented officers and schools.

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

const CME_UNLOCATED = [
  'No trace yet: last attended {school} on {lastAtt}. Letters to the last known address returned.',
  'Family not seen since {lastAtt}; mobile number now unobtainable and the landlord says the flat was handed back.',
  'Neighbours told the EWO the family left in a hurry; no forwarding address given.',
  'Sibling’s former school heard the family may have gone to stay with relatives outside Northbridge; not confirmed.',
  'Last school completed its 10 school days of enquiries before notifying; no response to calls or letters.',
  'Health visitor has no recent contact; GP registration still shows the Northbridge address.',
];
const CME_LOCATED = [
  'Family located in Northbridge; in-year application made and the preferred schools are full.',
  'Parent engaging well and keen for a place; Admissions expect an offer within two weeks.',
  'Family in temporary accommodation across town; travel to the offered school is the barrier.',
  'Located through the GP registration; parent says the child will start once uniform is sorted.',
  'Place offered at {school2}; parent has not yet accepted and wants a school nearer home.',
  'Family has moved within the borough; new address confirmed by council tax.',
];
const CME_ABROAD = [
  'Relative says the family has gone to {country}; nothing in writing yet.',
  'School heard the family travelled abroad over the holidays and has not returned.',
];
const CME_EHE = [
  'Parent says they intend to home educate; the EHE officer has not yet seen evidence of suitable education.',
  'Parent wrote to withdraw the child for home education; EHE officer visit booked.',
];
const CME_NEW = [
  'New to panel: referral received from {source} on {notified}; not located after four weeks of checks.',
  'First time at panel (referred by {source} on {notified}): stage 1 and 2 checks complete, home visit not yet made.',
];
const CME_DECISIONS_UNLOCATED = [
  'Continue stage 2 checks; lead officer to make a final home visit before the next panel.',
  'Ask the other local authorities on the family’s history for any trace; bring back next month.',
  'If not found by the next panel, name to go on S2S as a lost pupil and the last school to be asked for its reasonable steps.',
  'MASH check to be requested given the length of time the child has not been seen.',
  'Continue checks; Health Liaison Nurse to check NHS records for a new GP registration.',
];
const CME_DECISIONS_LOCATED = [
  'Admissions to expedite the in-year application; lead officer to keep in weekly contact with the parent.',
  'Lead officer to confirm the start date with the school and check attendance in the first fortnight.',
  'Offer of a place to be confirmed in writing; SAO process to be considered if the parent does not respond.',
  'Continue to monitor; close once the child is on roll and attending.',
  'Fair Access referral to be made if no school can be found by the next panel.',
];
const CME_DECISIONS_EHE = ['EHE officer to visit and assess the education provided; report back to the next panel.'];

const PMOE_OPENING = [
  '{school} half-termly return: {hours} ({reason}).',
  'On a part-time arrangement at {school}: {hours} ({reason}).',
  '{school} reports {hours}; {reason}.',
];
interface PmoeWords {
  good: readonly string[];
  bad: readonly string[];
  same: readonly string[];
  decisions: readonly string[];
  actions: ActionTemplate[];
}
const TIMETABLE_ACTIONS: ActionTemplate[] = [
  { text: 'School to send a reintegration plan with an end date for the reduced timetable', team: 'inclusion' },
  { text: 'Attend the timetable review meeting at school', team: 'inclusion' },
  { text: 'Check attendance at the offered sessions each week', team: 'education_welfare' },
];
const PROVIDER_ACTIONS: ActionTemplate[] = [
  { text: 'Check attendance at the provider each week', team: 'education_welfare' },
  { text: 'Confirm the provider is registered and known to the LA', team: 'inclusion' },
  { text: 'Agree a reintegration plan with the school and the provider', team: 'inclusion' },
];

/** The Commissioning Director, Education who decides archiving in the demo (001 §6.2). */
const DEMO_DIRECTOR = 'Helen Ashdown (Commissioning Director, Education)';
/** PMOE words by the reason the pupil is not in full-time education; the situation follows any RAG change. */
const PMOE_WORDS: Record<string, PmoeWords> = {
  reduced_timetable: {
    good: ['Attending all the offered sessions; school added a session since the last panel.', 'Timetable review held; hours increased and a full-time return date agreed.'],
    bad: ['Attendance below 70% of the offered sessions; school has met the parent.', 'School has not sent an end date for the reduced timetable; Inclusion Officer has asked for one.'],
    same: [
      'Timetable review held with the family; hours unchanged for now because of anxiety about returning.',
      'Parent unhappy with the arrangement and has asked for a meeting with the head teacher.',
      'Attending the offered sessions; school plans to add one session a fortnight.',
    ],
    decisions: [
      'School to send a reintegration plan with an end date for the reduced timetable before the next panel.',
      'Increase to {more} hours a week from the start of next half term; review at the next panel.',
      'Inclusion Officer to attend the next review meeting at school.',
    ],
    actions: TIMETABLE_ACTIONS,
  },
  ap_part_time: {
    good: ['Provider reports good engagement and attendance; school adding sessions back on site.'],
    bad: ['Provider reports missed sessions; transport has been a problem.'],
    same: ['Provider reports good engagement; reintegration plan drafted but not yet agreed with the family.', 'Split placement continuing; school and provider review the plan each half term.'],
    decisions: ['EWO to check attendance at the provider each week and report any missed sessions.', 'Continue to monitor; bring back if hours fall or the provider changes.'],
    actions: PROVIDER_ACTIONS,
  },
  ap_full_time: {
    good: ['Attending the provision well; return to a mainstream school planned for next term.'],
    bad: ['Placement at the provision breaking down; two suspensions this half term.'],
    same: ['Provider reports good engagement; reintegration plan drafted but not yet agreed with the family.', 'Full-time placement continuing; quality assured by the Inclusion team this term.'],
    decisions: ['EWO to check attendance at the provider each week and report any missed sessions.', 'Continue to monitor; bring back if hours fall or the provider changes.'],
    actions: PROVIDER_ACTIONS,
  },
  medical: {
    good: ['Tuition hours increased on the consultant’s advice; phased return planned.'],
    bad: ['Medical needs tuition paused during a hospital admission.'],
    same: ['Medical needs team tuition continuing; consultant letter supports the current hours.'],
    decisions: ['Medical needs team to review the hours when the next consultant letter arrives.', 'Continue to monitor; bring back if hours fall or the provider changes.'],
    actions: [
      { text: 'Confirm tuition hours with the medical needs team', team: 'inclusion' },
      { text: 'Ask for an updated consultant letter', team: 'inclusion' },
    ],
  },
  awaiting_ehcp_placement: {
    good: ['Special school has offered a place from next half term; transition visits booked.'],
    bad: ['No special school able to meet need; consultations declined.'],
    same: ['Awaiting specialist placement; SEN officer consulting two special schools.', 'Interim tuition in place while the SEN team consults on a placement.'],
    decisions: ['SEN officer to chase the consultation responses and update the family.', 'Interim tuition to continue until a placement is named.'],
    actions: [
      { text: 'Chase the special school consultation responses', team: 'sen' },
      { text: 'Confirm interim tuition hours with the provider', team: 'sen' },
    ],
  },
  excluded: {
    good: ['Placed at the pupil referral unit; attending well.'],
    bad: ['Not yet attending the sixth-day provision; family not responding.'],
    same: ['Fair Access panel considering a new school.', 'Attending the pupil referral unit part time while a new school is found.'],
    decisions: ['Fair Access referral to be made for a new school place.', 'Continue to monitor; bring back if hours fall or the provider changes.'],
    actions: [
      { text: 'Make the Fair Access referral for a new school place', team: 'inclusion' },
      { text: 'Check attendance at the pupil referral unit each week', team: 'education_welfare' },
    ],
  },
  other: {
    good: ['Hours increasing as planned; full-time return expected next half term.'],
    bad: ['Attendance has fallen since the last panel.'],
    same: ['No change since the last return; school reviewing the arrangement.'],
    decisions: ['Continue to monitor; bring back if hours fall or the provider changes.'],
    actions: TIMETABLE_ACTIONS,
  },
};

const FLAG_LINES: Record<string, readonly string[]> = {
  cp: ['Child is on a child protection plan; the social worker has been told of the panel’s concerns.'],
  cin: ['Open to Children’s Social Care as a child in need; social worker to share the plan.'],
  lac: ['Looked-after child: Virtual School confirms the PEP is current and the placement is stable.'],
  ehcp: ['Has an EHCP; SEN officer checking whether the named placement is still appropriate.'],
  missing: ['Reported missing from home earlier this year; police aware.'],
  cse: ['Considered at the multi-agency missing meeting for exploitation risk; safety plan in place.'],
  yos: ['YOS education worker linked in; order ends next term.'],
};

const PMOE_RAG_REASONS: Record<string, readonly string[]> = {
  'red>amber': ['Attending the provision regularly; reintegration plan agreed', 'Provider confirmed; hours rising from next half term'],
  'amber>green': ['Hours increasing as planned; full time expected at the next review', 'Attendance good; end date for the reduced timetable agreed'],
  'amber>red': ['Attendance has collapsed; no education in place', 'Provider placement broken down'],
  'green>amber': ['Reintegration paused; attendance dropped', 'End date for the reduced timetable put back'],
  'null>red': ['Less than 10 hours a week with no end date'],
  'null>amber': ['Reduced timetable with a review date agreed'],
  'null>green': ['Full-time return agreed for next half term'],
};
const RAG_REASONS: Record<string, readonly string[]> = {
  'red>amber': ['Child located and seen; family engaging', 'Family now in contact; school place being arranged', 'Whereabouts confirmed; welfare concern reduced'],
  'amber>green': ['Start date agreed', 'Place accepted; induction booked', 'Timetable increasing as planned; attendance good'],
  'amber>red': ['No contact after two home visits', 'Family has stopped engaging; whereabouts now unclear', 'Safeguarding concern raised by the social worker'],
  'green>amber': ['Start date slipped; parent not responding', 'Attendance has dropped since the last panel'],
  'null>red': ['Whereabouts unknown; no contact with the family'],
  'null>amber': ['Located; awaiting a school place', 'Family engaging but no start date yet'],
  'null>green': ['Place offered; start date agreed'],
};

const REMOVE_REASONS = {
  redLast: ['Red: discussed at last month’s panel; lead officer reports no change', 'Red: discussed at last month’s panel; actions in hand, nothing new'],
  red: [
    'Red: reviewed at the MASH strategy meeting this week; no new information for the panel',
    'Red: written update circulated before the panel; no change',
    'Red: awaiting a reply from the other authority; bring back next month',
  ],
  due: ['Checks still in progress; bring to next month’s panel', 'Stage 3 home visit booked this week; bring back if not found'],
  amber: [
    'Lead officer’s written update circulated; nothing for the panel to decide',
    'No change since the last update; to come back next month',
    'Checks continuing; nothing new for the panel',
  ],
  green: ['No change since the last review; written update circulated', 'Low risk; lead officer to bring back if anything changes'],
  greenLocated: ['Start date agreed; update by e-mail', 'Attending well; no change since the last review', 'Placement confirmed; to close once attendance is confirmed'],
  archiving: ['Archiving form not complete; bring back next month', 'Long-term case: archiving to be considered at the next review'],
  csa: ['Leaving date noted; to close at the end of the summer term'],
  actions: ['Actions reviewed under matters arising; nothing else for the panel', 'Actions reviewed under matters arising; no change'],
  pmoe: [
    'Timetable review booked with the school; no change',
    'Attending well on the current timetable; no change',
    'School return shows no change since the last panel',
  ],
  pmoeLac: ['Virtual School update circulated before the panel', 'Virtual School report taken under figures; no change'],
  other: ['No change since the last update; review next month'],
};

interface ActionTemplate {
  text: string;
  team: string | null;
}
const CME_ACTIONS_UNLOCATED: ActionTemplate[] = [
  { text: 'Final home visit to the last known address', team: 'education_welfare' },
  { text: 'Check S2S and Key to Success for a CTF download by another school', team: 'cme' },
  { text: 'Housing and council tax checks on any new address', team: 'cme' },
  { text: 'Ask the Health Liaison Nurse to check NHS records for a new GP registration', team: 'health' },
  { text: 'Request a MASH check and share the outcome with the lead officer', team: 'mash' },
  { text: 'Write to the last school asking for its reasonable-steps record', team: 'cme' },
  { text: 'Contact CME officers in the authorities on the family’s history', team: 'cme' },
];
const CME_ACTIONS_LOCATED: ActionTemplate[] = [
  { text: 'Confirm the offer of a school place in writing to the parent', team: 'admissions' },
  { text: 'Agree a start date with the school and check attendance in the first fortnight', team: null },
  { text: 'Fair Access referral if no place is offered', team: 'admissions' },
  { text: 'Home visit to talk through the offer with the parent', team: 'education_welfare' },
  { text: 'Send the parent the in-year application form and help complete it', team: 'cme' },
];
const CME_ACTIONS_EHE: ActionTemplate[] = [
  { text: 'EHE officer to visit and assess the education provided', team: 'ehe' },
  { text: 'Write to the parent setting out the EHE requirements and the next steps', team: 'ehe' },
];
const CME_ACTIONS_ARCHIVED: ActionTemplate[] = [
  { text: 'Send the reasonable-steps letter to the last school and record the S2S entry', team: 'cme' },
  { text: 'Add to the six-monthly review of unfound cases', team: 'cme' },
];
const CME_ACTIONS_S2S: ActionTemplate[] = [
  { text: 'Upload the child’s details to S2S as a lost pupil', team: 'cme' },
  { text: 'Final round of database checks before the archiving decision', team: 'cme' },
];
const FLAG_ACTIONS: Record<string, ActionTemplate> = {
  lac: { text: 'Virtual School to confirm the PEP reflects the current provision', team: 'virtual_school' },
  ehcp: { text: 'SEN officer to check the named placement can meet need', team: 'sen' },
  yos: { text: 'YOS education worker to link the provider with the YOS plan', team: 'yos' },
  cp: { text: 'Share the panel’s concerns with the social worker before the core group', team: 'childrens_social_care' },
};

const DONE_NOTES = ['Done', 'Done; outcome recorded on the case', 'Done; see the case notes', 'Completed before the panel'];
const CARRY_REASONS = [
  'Awaiting a reply from the other authority',
  'Visit attempted; no answer — second visit booked',
  'School has not yet sent the plan',
  'Parent cancelled the meeting; rebooked',
  'Officer on leave; picked up this month',
];
const DROP_REASONS = ['No longer needed: family located through the school', 'Superseded by the referral to Children’s Social Care', 'No longer needed: child has started school'];
const AOB = [
  'None.',
  'Chair reminded members to update their actions on the tracker before the next panel.',
  'Admissions Manager reported pressure on Year 9 places; two schools are over their admission number.',
  'The revised CME referral form goes to schools at the next heads’ briefing.',
  'Termly figures to go to the education leadership team.',
  'None.',
];

// ---------------------------------------------------------------------------------------------
// Reading the register

interface CaseInfo {
  id: number;
  childId: number;
  reference: string;
  register: Register;
  status: string;
  rag: Rag | null;
  notified: string;
  located: string | null;
  reason: string | null;
  lastSchool: string | null;
  lastAttendance: string | null;
  pmoeSchool: string | null;
  pmoeReason: string | null;
  hours: number | null;
  destination: string | null;
  source: string;
  leadId: number | null;
  leadName: string | null;
  leadActive: boolean;
  closedOn: string | null;
  closure: string | null;
  flags: Record<'lac' | 'ehcp' | 'cp' | 'cin' | 'missing' | 'cse' | 'yos', boolean>;
}

function caseInfo(db: Db, id: number): CaseInfo {
  const r = db
    .prepare(
      `SELECT c.*, ch.looked_after, ch.ehcp, ch.child_protection_plan, ch.child_in_need, ch.missing_from_home_or_care,
         ch.at_risk_of_exploitation, ch.youth_offending, o.name AS lead_name, o.active AS lead_active
       FROM cases c JOIN children ch ON ch.id = c.child_id LEFT JOIN officers o ON o.id = c.lead_officer_id WHERE c.id = ?`,
    )
    .get(id) as Row;
  const s = strOrNull;
  return {
    id,
    childId: Number(r.child_id),
    reference: String(r.reference),
    register: r.register as Register,
    status: String(r.status),
    rag: ragOrNull(r.rag),
    notified: String(r.date_notified),
    located: s(r.date_located),
    reason: s(r.reason),
    lastSchool: s(r.last_school),
    lastAttendance: s(r.last_attendance),
    pmoeSchool: s(r.pmoe_school),
    pmoeReason: s(r.pmoe_reason),
    hours: numOrNull(r.hours_per_week),
    destination: s(r.destination),
    source: String(r.source),
    leadId: numOrNull(r.lead_officer_id),
    leadName: s(r.lead_name),
    leadActive: r.lead_active === 1,
    closedOn: s(r.closed_on),
    closure: s(r.closure_reason),
    flags: {
      lac: r.looked_after === 1,
      ehcp: r.ehcp === 1,
      cp: r.child_protection_plan === 1,
      cin: r.child_in_need === 1,
      missing: r.missing_from_home_or_care === 1,
      cse: r.at_risk_of_exploitation === 1,
      yos: r.youth_offending === 1,
    },
  };
}

interface Officer {
  id: number;
  name: string;
  title: string;
  team: string;
  active: boolean;
}

// ---------------------------------------------------------------------------------------------
// Time

/** A write context whose clock is moved on by hand: `at(date, 'HH:MM')`, then `tick(seconds)`. */
class Clock {
  private t = 0;
  constructor(private readonly actor: string, private readonly source: string) {}
  at(date: string, hhmm: string): this {
    this.t = Date.parse(`${date}T${hhmm}:00.000Z`);
    return this;
  }
  ms(): number {
    return this.t;
  }
  setMs(t: number): void {
    this.t = t;
  }
  tick(seconds: number): string {
    this.t += Math.round(seconds) * 1000;
    return this.iso();
  }
  iso(): string {
    return new Date(this.t).toISOString();
  }
  date(): string {
    return this.iso().slice(0, 10);
  }
  ctx(actor = this.actor, source = this.source): WriteContext {
    return { actor, source, now: () => this.iso() };
  }
}

// ---------------------------------------------------------------------------------------------

interface Planned {
  on: string;
  order: number;
  run: () => void;
}

interface Slot {
  panel: Panel;
  register: Register;
  date: string;
  /** The panel's meeting after this one (or a month on when the calendar runs out). */
  next: string;
  index: number;
  count: number;
}

export function loadDemoMeetings(db: Db, ctx: WriteContext, options: DemoMeetingsOptions): DemoMeetingsResult {
  const today = toIso(parseIso(options.today));
  const dice = new Rng(options.rng ?? 1);
  const result: DemoMeetingsResult = { meetings: [], actions: { open: 0, done: 0, carriedForward: 0, dropped: 0 }, escalations: 0 };

  // Panels and term calendar, as a new register gets them, dated well before the first meeting.
  const setup = new Clock(ctx.actor, ctx.source).at(addDays(today, -240), '09:00');
  ensureDefaultCalendar(db, setup.ctx());
  // A register opened through the app already has the panels, made before the demo's officers.
  ensureDefaultPanels(db, setup.ctx());
  staffPanels(db, setup.ctx());
  const panels = listPanels(db).filter((p) => p.active);
  const calendar = termCalendar(db);

  const slots: Slot[] = [];
  for (const register of ['CME', 'PMOE'] as const) {
    const panel = panels.find((p) => p.register === register);
    if (!panel) continue;
    const want = register === 'CME' ? (options.cmeMeetings ?? 4) : (options.pmoeMeetings ?? 2);
    const existing = (db.prepare('SELECT date FROM meetings WHERE panel_id = ?').all(panel.id) as { date: string }[]).map((r) => r.date);
    const dates = generateSchedule(panel.cadence, { from: addDays(today, -550), count: 60, calendar, existing });
    const past = dates.filter((d) => d < today).slice(-want);
    past.forEach((date, index) =>
      slots.push({ panel, register, date, next: dates.find((d) => d > date) ?? addDays(date, 28), index, count: past.length }),
    );
  }
  slots.sort((a, b) => compareIso(a.date, b.date) || (a.register === 'CME' ? -1 : 1));
  if (slots.length === 0) return result;

  const officers = (db.prepare('SELECT id, name, job_title, team, active FROM officers ORDER BY id').all() as Row[]).map(
    (r): Officer => ({ id: Number(r.id), name: String(r.name), title: String(r.job_title ?? ''), team: String(r.team), active: r.active === 1 }),
  );
  const officerName = (id: number | null) => officers.find((o) => o.id === id)?.name ?? null;
  const byTeam = (team: string) => officers.filter((o) => o.active && o.team === team);

  // Things that happen between meetings (actions completed on the tracker, escalation responses),
  // run in date order before the next agenda is set.
  let planned: Planned[] = [];
  let order = 0;
  const plan = (on: string, run: () => void) => planned.push({ on, order: order++, run });
  const runPlanned = (before: string) => {
    const due = planned.filter((p) => p.on < before).sort((a, b) => compareIso(a.on, b.on) || a.order - b.order);
    planned = planned.filter((p) => p.on >= before);
    for (const p of due) p.run();
  };
  const between = new Clock(ctx.actor, 'register');

  const lastMeeting = new Map<Register, { id: number; date: string; kept: Set<number> }>();
  const history = new Map<Register, { date: string; kept: Set<number> }[]>();
  /** Tasks for a panel's next meeting's escalations item (resolve, escalate further): each returns a line for the minutes. */
  const escalationTasks = new Map<Register, ((c: WriteContext, date: string) => string)[]>();
  let dropped = 0;

  for (const slot of slots) {
    const { panel, register, date } = slot;
    const prev = lastMeeting.get(register) ?? null;
    const prepDate = addDays(date, -7);
    runPlanned(prepDate <= today ? prepDate : today);

    const chair = officerName(panel.defaultChairId) ?? ctx.actor;
    const minuteTaker = officerName(panel.defaultMinuteTakerId) ?? ctx.actor;
    const clock = new Clock(minuteTaker, ctx.source);

    // Three weeks before: the meeting is booked. A week before: the agenda is built and trimmed.
    const id = createMeeting(db, clock.at(addDays(date, -21), '09:00').ctx(), { panelId: panel.id, date }).id;
    clock.at(prepDate, '09:30');
    let detail = buildHistoricAgenda(db, clock.ctx(chair), id, register, date, prepDate);
    const kept = chooseItems(db, dice, detail, register, date, history.get(register) ?? [], slot.count - 1 - slot.index, options.keep?.[register] ?? (register === 'CME' ? [15, 18] : [12, 15]));
    // The same write as removeItem (meetings.ts), without re-reading the whole agenda after each
    // of the hundred-odd removals (quadratic on a large register).
    for (const [itemId, reason] of kept.remove) {
      clock.tick(dice.int(5, 40));
      const caseId = detail.items.find((i) => i.id === itemId)?.caseId ?? null;
      auditedUpdate(db, inMeeting(clock.ctx(chair), id), 'agenda_items', { entity: 'agenda_item', caseId }, itemId, { removed: 1, removed_reason: reason });
    }
    bump(db, id);
    detail = getMeeting(db, id);
    if (register === 'CME') {
      // A case or two since closed, brought by the lead officer to "proposed closures".
      const closing = db
        .prepare(
          `SELECT reference FROM cases WHERE register = 'CME' AND status = 'closed' AND closed_on > ? AND closed_on <= ? AND date_notified <= ?
             AND closure_reason IN ('on_roll_attending', 'moved_other_la', 'moved_overseas', 'ehe_confirmed') ORDER BY closed_on, id`,
        )
        .all(date, slot.next < today ? slot.next : today, addDays(date, -28)) as { reference: string }[];
      const room = 24 - detail.items.filter((i) => i.kind === 'case' && !i.removed).length;
      for (const k of dice.shuffle(closing).slice(0, Math.min(room, dice.int(1, 2)))) {
        clock.tick(dice.int(20, 90));
        detail = addCaseToAgenda(db, clock.ctx(officerName(caseInfo(db, caseIdOf(db, k.reference)).leadId) ?? chair), { meetingId: id, reference: k.reference, section: 'proposed_closures' }, date);
      }
    }

    // The day: attendance, then the items in order from 10:00.
    clock.at(date, '09:55');
    const apologies = dice.shuffle(detail.attendance.filter((a) => a.kind === 'member' && a.officerId !== null && a.officerId !== panel.defaultChairId && a.officerId !== panel.defaultMinuteTakerId)).slice(0, dice.int(1, 3));
    for (const a of apologies) {
      clock.tick(15);
      detail = markAttendance(db, clock.ctx(), { id: a.id, status: 'apologies' });
    }
    const deputies: string[] = [];
    const covered = apologies[0];
    if (covered && dice.chance(0.6)) {
      const team = officers.find((o) => o.id === covered.officerId)?.team ?? '';
      const stand = byTeam(team).find((o) => !detail.attendance.some((x) => x.officerId === o.id));
      if (stand) {
        clock.tick(15);
        detail = addAttendee(db, clock.ctx(), { meetingId: id, name: stand.name, role: stand.title, kind: 'deputy', deputyFor: covered.role, officerId: stand.id });
        deputies.push(`${stand.name} attended for the ${covered.role.replace(/^Chair \((.*)\)$/, '$1')}.`);
      }
    }
    // Everyone else who is listed came (attendance starts "not yet marked").
    for (const a of detail.attendance.filter((x) => x.status === 'not_marked')) {
      clock.tick(5);
      auditedUpdate(db, inMeeting(clock.ctx(), id), 'attendance', { entity: 'attendance' }, a.id, { status: 'present' });
    }
    clock.at(date, '10:00');
    detail = startMeeting(db, clock.ctx(), { id });
    const items = detail.items.filter((i) => !i.removed);
    // Time per item, squeezed so the meeting ends by about 11:55.
    const wants = items.map((i) => (i.kind === 'case' ? dice.int(180, 480) : dice.int(90, 300)));
    const scale = Math.min(1, 6900 / wants.reduce((a, b) => a + b, 0));
    const escalationPlan = escalationFor(register, slot);
    const caseItems = items.filter((i) => i.kind === 'case' && i.caseId !== null);
    const openCase = (i: AgendaItem) => caseInfo(db, i.caseId as number).status !== 'closed';
    const escalationItem = escalationPlan
      ? (caseItems.find((i) => openCase(i) && escalationPlan.fits(caseInfo(db, i.caseId as number))) ?? caseItems.find((i) => openCase(i) && i.caseRag === 'red') ?? caseItems.find(openCase))
      : undefined;

    items.forEach((item, n) => {
      const budget = Math.round((wants[n] ?? 240) * scale);
      const startMs = clock.ms();
      if (n > 0) gotoItem(db, { id, itemId: item.id }, clock.iso());
      const c = clock.ctx();
      const step = () => clock.tick(Math.max(5, Math.floor(budget / 8)));
      if (item.kind === 'standing') {
        const text = standingText(db, dice, item.code, { register, date, prev, next: slot.next, panel, apologies, deputies, meetingId: id, clock, escalationTasks });
        let matters = '';
        if (item.code === 'previous_minutes') {
          if (prev) {
            approveMinutes(db, c, { id: prev.id, atMeetingId: id }, date);
            step();
          }
          // Actions on cases not discussed today are reviewed here, as matters arising.
          const onAgenda = new Set(caseItems.map((i) => i.caseId));
          const pending = (db
            .prepare(
              `SELECT x.id, x.carried_count, x.case_id, c.status FROM actions x JOIN meetings m ON m.id = x.meeting_id JOIN cases c ON c.id = x.case_id
               WHERE m.panel_id = ? AND m.date < ? AND x.status IN ('open', 'carried_forward') ORDER BY x.due_date, x.id`,
            )
            .all(panel.id, date) as Row[]).filter((x) => !onAgenda.has(Number(x.case_id)));
          const tally = { done: 0, carried_forward: 0, dropped: 0 };
          for (const x of pending) {
            clock.tick(dice.int(20, 60));
            const r = reviewOne(db, dice, clock.ctx(), item.id, { id: Number(x.id), carriedCount: Number(x.carried_count) }, date, addDays(slot.next, -1), dropped < 2, x.status === 'closed');
            tally[r.outcome] += 1;
            if (r.outcome === 'dropped') dropped += 1;
          }
          if (pending.length > 0) {
            const parts = [`${tally.done} done`, tally.carried_forward > 0 ? `${tally.carried_forward} carried forward` : '', tally.dropped > 0 ? `${tally.dropped} no longer needed` : ''].filter(Boolean);
            matters = ` Matters arising on other cases: ${pending.length} action${pending.length === 1 ? '' : 's'} reviewed (${parts.join(', ')}).`;
          }
        }
        recordItem(db, clock.ctx(), { itemId: item.id, discussion: text + matters, done: true }, date);
      } else if (item.caseId !== null) {
        const out = runCaseItem(db, dice, clock, {
          item, register, date, nextDate: slot.next, meetingId: id, officers, chair, step,
          escalate: escalationPlan && escalationItem?.id === item.id ? escalationPlan : null,
          allowDrop: dropped < 2,
        });
        dropped += out.dropped;
        for (const a of out.newActions) {
          // About a third are done between meetings, on the tracker.
          const from = addDays(date, 3);
          const to = addDays(slot.next, -9);
          if (compareIso(from, to) <= 0 && dice.chance(0.35)) {
            const on = weekday(addDays(from, dice.int(0, diffDays(from, to))));
            plan(on, () => {
              const st = (db.prepare('SELECT status FROM actions WHERE id = ?').get(a.id) as { status: string } | undefined)?.status;
              if (st !== 'open' && st !== 'carried_forward') return;
              between.at(on, `${String(dice.int(9, 16)).padStart(2, '0')}:${String(dice.int(0, 59)).padStart(2, '0')}`);
              completeAction(db, between.ctx(a.ownerName ?? ctx.actor), { id: a.id, completedOn: on, note: dice.pick(DONE_NOTES) }, on);
            });
          }
        }
      }
      clock.setMs(Math.max(startMs + budget * 1000, clock.ms() + 20_000));
    });
    closeMeeting(db, clock.ctx(), { id });

    // Escalation follow-ups between meetings.
    if (escalationPlan?.raisedId) {
      const raised = escalationPlan.raisedId;
      const respondOn = weekday(addDays(date, dice.int(6, 12)));
      if (escalationPlan.kind === 'no_progress') {
        plan(respondOn, () => {
          between.at(respondOn, '15:10');
          respondEscalation(db, between.ctx(chair), { id: raised, response: 'Head of Service agreed an out-of-hours joint visit with the police and a final round of database checks.', respondedOn: respondOn }, respondOn);
        });
        const tasks = escalationTasks.get(register) ?? [];
        tasks.push((c, on) => {
          resolveEscalation(db, c, { id: raised, outcome: 'Joint visit made; actions agreed at panel. Resolved at this level.', resolvedOn: on }, on);
          return `Escalation on ${escalationPlan.reference} resolved: joint visit made and the panel agreed next steps.`;
        });
        escalationTasks.set(register, tasks);
      } else if (escalationPlan.kind === 'no_provision') {
        plan(respondOn, () => {
          between.at(respondOn, '11:40');
          respondEscalation(db, between.ctx(chair), { id: raised, response: 'No specialist place available this term; Head of Service is asking neighbouring authorities.', respondedOn: respondOn }, respondOn);
        });
        const tasks = escalationTasks.get(register) ?? [];
        tasks.push((c, on) => {
          const ladder = getLadders(db);
          // The next rung up from where the escalation was raised (level 1).
          const top = ladder.ladders.find((l) => l.code === ladder.active)?.levels[1];
          escalateFurther(db, c, { id: raised, escalatedTo: top?.person ?? top?.title ?? null, asked: 'Decide on funding an out-of-borough specialist placement.', responseDue: addDays(on, 21) }, on);
          return `Escalation on ${escalationPlan.reference} taken to the next level: no specialist place found; a funding decision is needed.`;
        });
        escalationTasks.set(register, tasks);
      }
      // 'school_duties' stays open with its response due, as a live escalation.
    }
    if (escalationPlan?.raisedId) result.escalations += 1;

    const keptCases = new Set(caseItems.map((i) => i.caseId as number));
    lastMeeting.set(register, { id, date, kept: keptCases });
    history.set(register, [...(history.get(register) ?? []), { date, kept: keptCases }]);
    const d = getMeeting(db, id);
    result.meetings.push({
      id, register, date, status: '',
      caseItems: d.items.filter((i) => i.kind === 'case' && !i.removed).length,
      removed: d.items.filter((i) => i.kind === 'case' && i.removed).length,
      actionsAgreed: d.items.reduce((a, i) => a + i.actionsAgreed, 0),
    });

    // Minutes approved at the next meeting of the same panel (above, under "previous minutes");
    // the half-termly panel's latest minutes go round by e-mail instead, so only the latest
    // CME minutes wait, as a draft, for the next panel.
    if (slot.index === slot.count - 1 && register === 'PMOE') {
      const circulated = weekday(addDays(date, dice.int(3, 7)));
      const on = circulated < today ? circulated : date;
      const at = new Clock(chair, ctx.source).at(on, '16:00');
      approveMinutes(db, at.ctx(), { id, atMeetingId: null }, on);
    }
  }
  runPlanned(today);

  for (const m of result.meetings) m.status = String((db.prepare('SELECT status FROM meetings WHERE id = ?').get(m.id) as { status: string }).status);
  const counts = db
    .prepare(`SELECT status, count(*) AS n FROM actions WHERE meeting_id IN (${result.meetings.map((m) => m.id).join(',') || 'NULL'}) GROUP BY status`)
    .all() as { status: string; n: number }[];
  for (const r of counts) {
    if (r.status === 'open') result.actions.open += r.n;
    else if (r.status === 'done') result.actions.done += r.n;
    else if (r.status === 'carried_forward') result.actions.carriedForward += r.n;
    else if (r.status === 'dropped') result.actions.dropped += r.n;
  }
  return result;
}

/** Office work happens on weekdays: a Saturday moves back to Friday, a Sunday on to Monday. */
const weekday = (iso: string) => (dayOfWeek(iso) === 6 ? addDays(iso, -1) : dayOfWeek(iso) === 0 ? addDays(iso, 1) : iso);

const caseIdOf = (db: Db, reference: string) => Number((db.prepare('SELECT id FROM cases WHERE reference = ?').get(reference) as { id: number }).id);

/**
 * Builds the agenda as it would have been built on `asAt`: cases referred after that day are set
 * aside while the rules run (status restored straight after, unaudited: net, nothing changes).
 */
function buildHistoricAgenda(db: Db, ctx: WriteContext, meetingId: number, register: Register, meetingDate: string, asAt: string): MeetingDetail {
  const later = db.prepare(`SELECT id, status FROM cases WHERE register = ? AND status <> 'closed' AND date_notified > ?`).all(register, asAt) as { id: number; status: string }[];
  const set = db.prepare('UPDATE cases SET status = ? WHERE id = ?');
  for (const k of later) set.run('closed', k.id);
  try {
    return buildAgenda(db, ctx, { id: meetingId }, meetingDate);
  } finally {
    for (const k of later) set.run(k.status, k.id);
  }
}

// ---------------------------------------------------------------------------------------------
// Choosing the items the chair keeps

/**
 * The chair's trimmed agenda: new referrals, closures, some cases with actions due (the rest are
 * reviewed under matters arising), long-term cases for an archiving decision, a few red cases not
 * discussed lately, then amber and green reviews (cases not discussed recently first). Earlier
 * meetings take more archiving decisions, later ones more routine reviews.
 */
function chooseItems(
  db: Db, dice: Rng, detail: MeetingDetail, register: Register, date: string, history: { date: string; kept: Set<number> }[], fromEnd: number, keepRange: [number, number],
): { remove: Map<number, string> } {
  const prev = history[history.length - 1] ?? null;
  const cases = detail.items.filter((i) => i.kind === 'case' && !i.removed && i.caseId !== null);
  const target = dice.int(keepRange[0], keepRange[1]);
  const has = (i: AgendaItem, code: string) => i.reasons.some((r) => r.code === code);
  const row = (i: AgendaItem) => db.prepare('SELECT date_notified, date_located FROM cases WHERE id = ?').get(i.caseId) as { date_notified: string; date_located: string | null };
  const unlocated = (i: AgendaItem) => {
    const l = row(i).date_located;
    return l === null || l > date;
  };
  const since = prev?.date ?? addDays(date, -35);
  const isNew = (i: AgendaItem) =>
    register === 'CME' ? has(i, 'due_for_panel') && dueForPanelOn(row(i).date_notified) > since : row(i).date_notified > since && (has(i, 'concern') || has(i, 'red'));
  const seenLast = (i: AgendaItem) => prev?.kept.has(i.caseId as number) ?? false;
  const seenRecently = (i: AgendaItem) => history.slice(-2).some((h) => h.kept.has(i.caseId as number));
  const any = () => true;
  const amber = (i: AgendaItem) => has(i, 'amber_review') && !has(i, 'archiving') && !seenLast(i);
  const green = (i: AgendaItem) => has(i, 'green_review') && !has(i, 'archiving') && !seenRecently(i);
  const bands: [(i: AgendaItem) => boolean, number][] =
    register === 'CME'
      ? [
          [isNew, 5],
          [(i) => has(i, 'closure_proposed') || has(i, 'end_of_csa'), 2],
          [(i) => has(i, 'actions_due'), dice.int(4, 6)],
          [(i) => has(i, 'archiving') && i.caseRag !== 'red' && unlocated(i), fromEnd >= 2 ? dice.int(4, 6) : dice.int(2, 3)],
          [(i) => has(i, 'red') && !seenRecently(i), dice.int(2, 4)],
          ...(fromEnd === 2 ? [green, amber] : [amber, green]).map((f): [(i: AgendaItem) => boolean, number] => [f, 99]),
          [any, 99],
        ]
      : [
          [isNew, 5],
          [(i) => has(i, 'actions_due'), dice.int(3, 5)],
          [(i) => has(i, 'red') && !seenLast(i), dice.int(2, 4)],
          [(i) => has(i, 'looked_after'), 2],
          [(i) => !seenLast(i), 99],
          [any, 99],
        ];
  const keep = new Set<number>();
  for (const [fits, cap] of bands) {
    let taken = 0;
    for (const i of dice.shuffle(cases)) {
      if (keep.size >= target || taken >= cap) break;
      if (keep.has(i.id) || !fits(i)) continue;
      keep.add(i.id);
      taken += 1;
    }
  }
  const remove = new Map<number, string>();
  for (const i of cases) {
    if (keep.has(i.id)) continue;
    const list =
      has(i, 'actions_due') && dice.chance(0.6) ? REMOVE_REASONS.actions
        : register === 'PMOE' ? (has(i, 'looked_after') ? REMOVE_REASONS.pmoeLac : REMOVE_REASONS.pmoe)
          : has(i, 'red') ? (seenLast(i) ? REMOVE_REASONS.redLast : REMOVE_REASONS.red)
            : has(i, 'end_of_csa') ? REMOVE_REASONS.csa
              : has(i, 'archiving') && dice.chance(0.5) ? REMOVE_REASONS.archiving
                : has(i, 'due_for_panel') && !has(i, 'amber_review') && !has(i, 'green_review') ? REMOVE_REASONS.due
                  : has(i, 'green_review') ? (unlocated(i) ? REMOVE_REASONS.green : REMOVE_REASONS.greenLocated)
                    : has(i, 'amber_review') ? REMOVE_REASONS.amber
                      : REMOVE_REASONS.other;
    remove.set(i.id, dice.pick(list));
  }
  return { remove };
}

// ---------------------------------------------------------------------------------------------
// Escalations: three across the history (CME 2nd and 3rd panels, PMOE 1st)

interface EscalationPlan {
  kind: 'no_progress' | 'school_duties' | 'no_provision';
  fits: (k: CaseInfo) => boolean;
  raisedId: number | null;
  reference: string;
}

function escalationFor(register: Register, slot: Slot): EscalationPlan | null {
  const mk = (kind: EscalationPlan['kind'], fits: EscalationPlan['fits']): EscalationPlan => ({ kind, fits, raisedId: null, reference: '' });
  if (register === 'CME' && slot.index === Math.max(0, slot.count - 3)) return mk('no_progress', (k) => k.rag === 'red' && (k.located === null || k.located > slot.date));
  if (register === 'CME' && slot.index === Math.max(0, slot.count - 2) && slot.count > 1) {
    return mk('school_duties', (k) => k.reason === 'removed_from_roll' || k.reason === 'left_without_destination');
  }
  if (register === 'PMOE' && slot.index === 0 && slot.count > 1) {
    return mk('no_provision', (k) => k.pmoeReason === 'awaiting_ehcp_placement' || k.flags.ehcp || k.pmoeReason === 'medical');
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// A case item

interface CaseItemArgs {
  item: AgendaItem;
  register: Register;
  date: string;
  nextDate: string;
  meetingId: number;
  officers: Officer[];
  chair: string;
  step: () => string;
  escalate: EscalationPlan | null;
  allowDrop: boolean;
}

function runCaseItem(db: Db, dice: Rng, clock: Clock, a: CaseItemArgs): { newActions: { id: number; ownerName: string | null }[]; dropped: number } {
  const { item, register, date } = a;
  const caseId = item.caseId as number;
  const k = caseInfo(db, caseId);
  const due = addDays(a.nextDate, -1);
  const closedSince = k.status === 'closed';
  const located = k.located !== null && k.located <= date;
  let dropped = 0;

  // Matters arising: this case's earlier actions.
  const open = (db
    .prepare(`SELECT id, text, carried_count FROM actions WHERE case_id = ? AND status IN ('open', 'carried_forward') AND (meeting_id IS NULL OR meeting_id <> ?) ORDER BY due_date, id`)
    .all(caseId, a.meetingId) as Row[]).map((r) => ({ id: Number(r.id), text: String(r.text), carriedCount: Number(r.carried_count) }));
  const reviewLines: string[] = [];
  for (const x of open) {
    const { outcome, reason } = reviewOne(db, dice, clock.ctx(), item.id, x, date, due, a.allowDrop && dropped < 1, closedSince);
    if (outcome === 'dropped') {
      reviewLines.push(`“${x.text}” no longer needed.`);
      dropped += 1;
    } else if (outcome === 'carried_forward') {
      reviewLines.push(`“${x.text}” carried forward (${lower(reason)}).`);
    } else {
      reviewLines.push(`“${x.text}” done.`);
    }
    a.step();
  }

  // What the panel decides: a long-term case not found gets the archiving decision instead of
  // routine actions; otherwise mostly "continue", with the occasional referral or letter.
  let outcome: MethodArgs<'items.record'>['outcome'] = 'continue';
  let outcomeDetail: string | null = null;
  let archiving: 'archived' | 's2s' | null = null;
  const outcomeLines: string[] = [];
  if (closedSince) {
    outcome = 'other';
    outcomeDetail = 'Closure agreed subject to confirmation';
    outcomeLines.push('Agreed: close once confirmed; no further panel discussion needed.');
  } else if (register === 'CME' && !located && k.reason !== 'ehe_unsuitable' && item.reasons.some((r) => r.code === 'archiving')) {
    if (k.rag !== 'red' && dice.chance(0.75)) {
      archiving = 'archived';
      outcome = 'other';
      outcomeDetail = `Presented for archiving; archived as long-term CME by decision of ${DEMO_DIRECTOR}: all avenues exhausted; unfound case to be reviewed again in six months`;
      outcomeLines.push(`Archiving form agreed (every database checked and dated) and presented to ${DEMO_DIRECTOR}, who decided to archive: case dormant; S2S lost pupil entry stays in place.`);
    } else {
      archiving = 's2s';
      outcome = 's2s_lost_pupil';
      outcomeLines.push('Not ready to archive: one more round of database checks first. Name to go on S2S as a lost pupil.');
    }
  } else if (register === 'CME' && k.rag === 'red' && !k.flags.lac && !k.flags.cp && (k.flags.missing || k.flags.cse || !located) && dice.chance(0.25)) {
    outcome = 'refer_csc';
    outcomeLines.push('Concern for welfare: inter-agency referral to Children’s Social Care today.');
  } else if (register === 'CME' && k.reason === 'removed_from_roll' && dice.chance(0.4)) {
    outcome = 'reasonable_steps_letter';
    outcomeLines.push('Reasonable-steps letter to go to the school that removed the pupil from roll.');
  } else if (register === 'CME' && located && k.rag === 'amber' && dice.chance(0.08)) {
    outcome = 'school_attendance_order';
    outcomeLines.push('Start the School Attendance Order process: notice to the parent.');
  } else if ((k.flags.missing || k.flags.cse) && dice.chance(0.3)) {
    outcome = 'other';
    outcomeDetail = 'Discuss at the multi-agency missing meeting';
    outcomeLines.push('Chair to raise the case at the multi-agency missing meeting.');
  }
  const move = closedSince || archiving || outcome === 'refer_csc' || a.escalate ? null : ragMove(dice, k, located);
  const mood: 'good' | 'bad' | 'same' = move === null || k.rag === null ? 'same' : RANK[move] < RANK[k.rag] ? 'good' : 'bad';

  // The discussion.
  const lead = k.leadName && k.leadActive ? k.leadName : null;
  const opening = lead
    ? dice.pick([`${lead} (lead officer) updated the panel.`, `Update from ${lead}.`, `${lead} presented the case.`])
    : register === 'CME' ? 'No lead officer allocated; the CME Administrator presented the referral.' : 'No lead officer allocated; the Inclusion Officer presented the school’s return.';
  const parts: string[] = [opening];
  const vars = {
    school: k.lastSchool ?? k.pmoeSchool ?? 'the last school',
    school2: k.lastSchool ? 'a school nearer home' : 'a local school',
    lastAtt: k.lastAttendance ? formatUk(k.lastAttendance) : 'the date of notification',
    country: k.destination && !/Northbridge/.test(k.destination) ? k.destination.split(',').pop()?.trim() ?? 'abroad' : 'abroad',
    source: labelSource(k.source),
    notified: formatUk(k.notified),
    hours: k.hours === null ? 'part-time hours' : k.hours === 0 ? 'no taught hours' : `${k.hours} hour${k.hours === 1 ? '' : 's'} a week`,
    more: String(Math.min(25, (k.hours ?? 10) + 5)),
    reason: register === 'PMOE' ? labelOf(PMOE_REASONS, k.pmoeReason).toLowerCase() : labelOf(CME_REASONS, k.reason).toLowerCase(),
  };
  let decision = '';
  let situation = '';
  if (closedSince) {
    parts.push(
      k.closure === 'on_roll_attending' ? 'Place offered and accepted; start date agreed. Lead officer proposes closure once attendance is confirmed.'
        : k.closure === 'moved_other_la' ? 'Family confirmed living in another authority; CME referral sent and awaiting acceptance. Lead officer proposes closure on acceptance.'
          : k.closure === 'moved_overseas' ? 'Parent confirmed in writing that the family has moved abroad; destination school details provided. Closure proposed.'
            : 'Parent has notified elective home education in writing; EHE officer satisfied for now. Closure proposed.',
    );
  } else if (register === 'CME') {
    if (item.code === 'new_referrals') {
      const recent = diffDays(k.notified, date) <= 70;
      parts.push(fill(!recent ? 'Not discussed at panel before; open since {notified}.' : located || k.reason === 'ehe_unsuitable' ? 'First time at panel: referral received from {source} on {notified}.' : dice.pick(CME_NEW), vars));
    }
    const check = db.prepare('SELECT agency, checked_on, outcome FROM checks WHERE case_id = ? AND checked_on <= ? ORDER BY checked_on DESC, id DESC LIMIT 1').get(caseId, date) as Row | undefined;
    if (check) parts.push(`Latest check (${labelOf(CHECK_AGENCIES, String(check.agency))}, ${formatUk(String(check.checked_on))}): ${String(check.outcome).replace(/\.$/, '')}.`);
    const ehe = k.reason === 'ehe_unsuitable';
    const abroad = k.reason === 'moved_abroad_unconfirmed';
    if (ehe) parts.push(dice.pick(CME_EHE));
    else if (!located) parts.push(fill(dice.pick(abroad ? CME_ABROAD : CME_UNLOCATED.filter((t) => (k.lastSchool && k.lastAttendance) || !/\{(school|lastAtt)\}/.test(t))), vars));
    else parts.push(fill(dice.pick(CME_LOCATED), vars));
    decision = fill(dice.pick(ehe ? CME_DECISIONS_EHE : located ? CME_DECISIONS_LOCATED : CME_DECISIONS_UNLOCATED), vars);
  } else {
    const words = PMOE_WORDS[k.pmoeReason ?? 'other'] ?? (PMOE_WORDS.other as PmoeWords);
    parts.push(fill(dice.pick(PMOE_OPENING), vars));
    situation = dice.pick(words[mood]);
    parts.push(situation);
    decision = fill(dice.pick(words.decisions), vars);
  }
  const flagKeys = (Object.keys(k.flags) as (keyof CaseInfo['flags'])[]).filter((f) => k.flags[f]);
  if (flagKeys.length > 0 && !closedSince) parts.push(dice.pick(FLAG_LINES[dice.pick(flagKeys)] ?? ['']));
  if (reviewLines.length > 0) parts.push(`Actions from the last panel: ${reviewLines.join(' ')}`);
  const discussion = parts.join(' ');
  const decisions = [...(archiving || !decision ? [] : [decision]), ...outcomeLines];

  if (closedSince) {
    clock.tick(20);
    recordItem(db, clock.ctx(), { itemId: item.id, discussion, decisions: decisions.join(' '), outcome, outcomeDetail, done: true }, date);
    return { newActions: [], dropped };
  }
  if (archiving === 'archived') {
    // The panel presents the form; the named Director decides and it is recorded that day (001 §6.2).
    recordArchiveDecision(db, inMeeting(clock.ctx(), a.meetingId), { id: caseId, formCompletedOn: date, director: DEMO_DIRECTOR, decidedOn: date }, { note: false });
    a.step();
  }

  // RAG.
  if (move) {
    const key = `${k.rag ?? 'null'}>${move}`;
    // PMOE: the reason is what the school reported; CME: what the checks found.
    const reason = register === 'PMOE' && mood !== 'same' && situation ? situation.replace(/\.$/, '') : dice.pick((register === 'PMOE' ? PMOE_RAG_REASONS : RAG_REASONS)[key] ?? ['Reviewed at panel']);
    setItemRag(db, clock.ctx(), { itemId: item.id, rag: move, reason }, date);
    decisions.push(k.rag ? `RAG changed from ${k.rag} to ${move}: ${lower(reason)}.` : `Rated ${move}: ${lower(reason)}.`);
    a.step();
  }

  // Lead officer (never taking cases from officers who have left: their caseload is the demo's own story).
  const leaverHeld = k.leadId !== null && !k.leadActive;
  if (!leaverHeld && (k.leadId === null ? dice.chance(0.7) : dice.chance(0.1))) {
    const to = newLead(dice, a.officers, k, register);
    if (to && to.id !== k.leadId) {
      const why = TEAM_LEAD_REASONS[to.team] ?? 'Family now known to this team';
      const reason = k.leadId === null ? 'Allocated at panel' : dice.pick(['Caseload balanced across the team', why]);
      setItemLead(db, clock.ctx(), { itemId: item.id, officerId: to.id, reason }, date);
      decisions.push(`Lead officer: ${to.name} (${/^[A-Z][a-z]+ [a-z]/.test(reason) ? lower(reason) : reason}).`);
      k.leadId = to.id;
      k.leadName = to.name;
      a.step();
    }
  }

  // New actions, due the day before the next meeting.
  const pool =
    archiving === 'archived' ? CME_ACTIONS_ARCHIVED
      : archiving === 's2s' ? CME_ACTIONS_S2S
        : register === 'PMOE' ? (PMOE_WORDS[k.pmoeReason ?? 'other'] ?? (PMOE_WORDS.other as PmoeWords)).actions
          : k.reason === 'ehe_unsuitable' ? CME_ACTIONS_EHE
            : located ? CME_ACTIONS_LOCATED
              : CME_ACTIONS_UNLOCATED;
  const extra = (['lac', 'ehcp', 'yos', 'cp'] as const).filter((f) => k.flags[f]).map((f) => FLAG_ACTIONS[f] as ActionTemplate);
  const templates = dice.shuffle([...pool]).slice(0, dice.chance(0.65) ? 1 : 2);
  if (!archiving && extra.length > 0 && dice.chance(0.4)) templates[templates.length > 1 ? 1 : 0] = dice.pick(extra);
  const newActions: { id: number; ownerName: string | null }[] = [];
  for (const t of templates) {
    const owner = ownerFor(dice, a.officers, t.team, k.leadId);
    const detail = addAction(db, clock.ctx(), { itemId: item.id, text: t.text, ownerId: owner?.id ?? null, ownerText: null, dueDate: due }, date);
    const added = detail.actionsAgreed[detail.actionsAgreed.length - 1];
    if (added) newActions.push({ id: added.id, ownerName: added.ownerName });
    a.step();
  }

  // Escalation.
  if (a.escalate) {
    const e = a.escalate;
    const ladders = getLadders(db);
    const ladder = ladders.ladders.find((l) => l.code === ladders.active) ?? ladders.ladders[0];
    // Raised at the first rung, with the person (or role) who holds it (000 §12: the Inclusion
    // Officer escalates to the relevant Head of Service).
    const l1 = ladder?.levels[0];
    const asked =
      e.kind === 'no_progress' ? 'Approve a joint visit with the police and a final round of checks before the case is presented for archiving.'
        : e.kind === 'school_duties' ? `${k.lastSchool ?? 'The school'} removed the pupil from roll without the required enquiries; ask the Head of Service to write to the head teacher and governors.`
          : 'No suitable specialist provision available; ask the Head of Service to agree interim tuition and seek places out of borough.';
    const detail = raiseEscalation(db, clock.ctx(a.chair), { itemId: item.id,
      reason: e.kind, level: l1?.level ?? 1, levelTitle: l1?.title ?? 'Relevant Head of Service', escalatedTo: l1?.person ?? l1?.title ?? null, asked, responseDue: addDays(date, 14),
    }, date);
    e.raisedId = detail.escalations[detail.escalations.length - 1]?.id ?? null;
    e.reference = k.reference;
    decisions.push(`Escalated to the ${l1?.title ?? 'Head of Service'}: ${lower(asked)}`);
    a.step();
  }

  clock.tick(10);
  recordItem(db, clock.ctx(), { itemId: item.id, discussion, decisions: decisions.join(' '), outcome, outcomeDetail, done: true }, date);
  return { newActions, dropped };
}

const RANK: Readonly<Record<Rag, number>> = { green: 0, amber: 1, red: 2 };

const TEAM_LEAD_REASONS: Record<string, string> = {
  education_welfare: 'EWO to lead: home visits needed',
  cme: 'CME officer to take over the checks',
  sen: 'SEN input needed: EHCP placement',
  virtual_school: 'Virtual School to lead for a looked-after child',
  inclusion: 'Inclusion team to lead the reintegration',
};

const lower = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

/** Reviews one earlier action: mostly done, some carried forward with a reason, a few dropped. */
function reviewOne(
  db: Db, dice: Rng, ctx: WriteContext, itemId: number, x: { id: number; carriedCount: number }, date: string, due: string, allowDrop: boolean, caseClosed: boolean,
): { outcome: 'done' | 'carried_forward' | 'dropped'; reason: string } {
  const r = dice.int(1, 100);
  const dropP = allowDrop ? (x.carriedCount > 0 ? 20 : 7) : 0;
  const carryP = caseClosed ? 0 : x.carriedCount > 0 ? 22 : 18;
  const outcome = r <= dropP ? 'dropped' : r <= dropP + carryP ? 'carried_forward' : 'done';
  const reason = dice.pick(outcome === 'dropped' ? DROP_REASONS : outcome === 'carried_forward' ? CARRY_REASONS : DONE_NOTES);
  reviewAction(db, ctx, { itemId, actionId: x.id, outcome, reason, newDueDate: outcome === 'carried_forward' ? due : null }, date);
  return { outcome, reason };
}

function labelSource(code: string): string {
  const map: Record<string, string> = { school: 'the school', admissions: 'Admissions', other_la: 'another local authority', social_care_mash: 'the MASH', health: 'health', police: 'the police', public: 'a member of the public' };
  return map[code] ?? 'a partner agency';
}

/** A plausible change of rating at panel, or none: a child not yet found does not go green. */
function ragMove(dice: Rng, k: CaseInfo, located: boolean): Rag | null {
  const found = located || k.register === 'PMOE';
  if (k.rag === null) return dice.chance(0.75) ? (!found ? (dice.chance(0.4) ? 'red' : 'amber') : dice.chance(0.7) ? 'amber' : 'green') : null;
  if (k.rag === 'red') return found && dice.chance(0.35) ? 'amber' : null;
  if (k.rag === 'amber') return found && dice.chance(0.14) ? 'green' : dice.chance(0.05) ? 'red' : null;
  return dice.chance(0.06) ? 'amber' : null;
}

function newLead(dice: Rng, officers: Officer[], k: CaseInfo, register: Register): Officer | null {
  const teams = register === 'CME' ? ['cme', 'cme', 'education_welfare'] : k.flags.ehcp ? ['sen'] : k.flags.lac ? ['virtual_school'] : ['inclusion', 'education_welfare'];
  const team = dice.pick(teams);
  const pool = officers.filter((o) => o.active && o.team === team && o.id !== k.leadId && !/Manager|Head|Lead|Administrator/.test(o.title));
  return pool.length > 0 ? dice.pick(pool) : null;
}

function ownerFor(dice: Rng, officers: Officer[], team: string | null, leadId: number | null): Officer | null {
  const lead = officers.find((o) => o.id === leadId && o.active) ?? null;
  if (team === null || (lead && lead.team === team)) return lead ?? officers.find((o) => o.active && o.team === 'cme') ?? null;
  const pool = officers.filter((o) => o.active && o.team === team && !/^Head|Manager$/.test(o.title));
  const wider = pool.length > 0 ? pool : officers.filter((o) => o.active && o.team === team);
  return wider.length > 0 ? dice.pick(wider) : lead;
}

// ---------------------------------------------------------------------------------------------
// Standing items

interface StandingArgs {
  register: Register;
  date: string;
  prev: { id: number; date: string } | null;
  next: string;
  panel: Panel;
  apologies: { name: string; role: string }[];
  deputies: string[];
  meetingId: number;
  clock: Clock;
  escalationTasks: Map<Register, ((c: WriteContext, date: string) => string)[]>;
}

function standingText(db: Db, dice: Rng, code: string, a: StandingArgs): string {
  const { register, date } = a;
  switch (code) {
    case 'welcome_apologies': {
      const names = a.apologies.map((x) => `${x.name} (${x.role.replace(/^Chair \((.*)\)$/, '$1')})`);
      return [`The chair welcomed members.`, names.length > 0 ? `Apologies: ${names.join('; ')}.` : 'No apologies.', ...a.deputies].join(' ');
    }
    case 'previous_minutes':
      return a.prev
        ? `Minutes of the meeting on ${formatUk(a.prev.date)} agreed as an accurate record and approved. Actions on cases discussed today taken under each case.`
        : 'First meeting minuted in Panel; minutes of earlier meetings are held on file.';
    case 'figures': {
      const since = a.prev?.date ?? addDays(date, register === 'CME' ? -28 : -49);
      const f = db
        .prepare(
          `SELECT sum(date_notified <= @d AND (closed_on IS NULL OR closed_on > @d)) AS open,
             sum(date_notified <= @d AND (closed_on IS NULL OR closed_on > @d) AND rag = 'red') AS red,
             sum(date_notified <= @d AND (closed_on IS NULL OR closed_on > @d) AND rag = 'amber') AS amber,
             sum(date_notified <= @d AND (closed_on IS NULL OR closed_on > @d) AND rag = 'green') AS green,
             sum(date_notified > @s AND date_notified <= @d) AS new,
             sum(closed_on > @s AND closed_on <= @d) AS closed,
             sum(date_notified <= @lt AND (closed_on IS NULL OR closed_on > @d)) AS long_term
           FROM cases WHERE register = @r`,
        )
        .get({ d: date, s: since, lt: addMonths(date, -6), r: register }) as Record<string, number | null>;
      const n = (k: string) => Number(f[k] ?? 0);
      return (
        `Open ${register} cases: ${n('open')} (red ${n('red')}, amber ${n('amber')}, green ${n('green')}). ` +
        `New referrals since the last panel: ${n('new')}; closed since the last panel: ${n('closed')}. ` +
        (register === 'CME' ? `Long-term (6 months or more): ${n('long_term')}.` : 'Half-termly returns received from all secondary schools.')
      );
    }
    case 'escalations': {
      const lines: string[] = [];
      const tasks = a.escalationTasks.get(register) ?? [];
      a.escalationTasks.set(register, []);
      for (const t of tasks) {
        a.clock.tick(30);
        lines.push(t(inMeeting(a.clock.ctx(), a.meetingId), date));
      }
      const open = db
        .prepare(
          `SELECT c.reference, coalesce(e.escalated_to, e.level_title) AS holder, e.raised_on, e.response_due FROM escalations e JOIN cases c ON c.id = e.case_id
           WHERE c.register = ? AND e.status IN ('open', 'responded') AND e.raised_on < ? ORDER BY e.raised_on`,
        )
        .all(register, date) as Row[];
      for (const e of open) {
        lines.push(`${String(e.reference)}: with the ${String(e.holder)} since ${formatUk(String(e.raised_on))}${e.response_due && String(e.response_due) < date ? '; response overdue, chair to chase' : ''}.`);
      }
      return lines.length > 0 ? lines.join(' ') : 'No open escalations.';
    }
    case 'aob':
      return dice.pick(AOB);
    case 'next_meeting':
      return `Next meeting: ${formatUk(a.next)} at ${a.panel.defaultTime}${a.panel.defaultVenue ? `, ${a.panel.defaultVenue}` : ''}.`;
    default:
      return 'Noted.';
  }
}
